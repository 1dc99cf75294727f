/**
 * `pnpm check:packages` as part of `pnpm test`: the four npm packages packed by `pnpm pack`, with no
 * `workspace:` range left, publint --strict and @arethetypeswrong/cli clean.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
type Check = { ok: boolean; output: string };
let dir: string;
let run: { status: number | null; stdout: string };
let results: { name: string; checks: Record<string, Check> }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fk-check-packages-'));
  const json = join(dir, 'results.json');
  // Builds what is stale first (scripts/build.mjs), then packs and checks.
  run = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'scripts/check-packages.mjs'), '--json', json], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (status) => resolve({ status, stdout }));
  });
  results = JSON.parse(readFileSync(json, 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm packages as packed', () => {
  it('checks all four and exits 0', () => {
    expect(results.map((r) => r.name)).toEqual(['@fachkraefte/schema', '@fachkraefte/sdk', '@fachkraefte/server', '@fachkraefte/widgets']);
    expect(run.status, run.stdout.slice(-4000)).toBe(0);
  });

  it.each(['@fachkraefte/schema', '@fachkraefte/sdk', '@fachkraefte/server', '@fachkraefte/widgets'])('%s: no workspace: ranges, publint and attw clean', (name) => {
    const r = results.find((x) => x.name === name)!;
    for (const check of ['pack', 'ranges', 'publint', 'attw']) expect(r.checks[check]?.ok, `${name} ${check}:\n${r.checks[check]?.output}`).toBe(true);
    expect(r.checks.publint!.output).toContain('All good!');
    expect(r.checks.attw!.output).toContain(name);
    // attw names each problem it found with a link to its explanation; under the esm-only profile
    // the require()/node10 ones are listed as "(ignored per resolution)". None may be left.
    const problems = r.checks.attw!.output.split('\n').filter((l) => l.includes('arethetypeswrong.github.io/blob/main/docs/problems') && !l.startsWith('(ignored per resolution)'));
    expect(problems).toEqual([]);
    expect(r.checks.attw!.output).toMatch(name.endsWith('server') || name.endsWith('widgets') ? /ignoring resolutions: 'node10', 'node16-cjs'/ : /No problems found/);
  });
});
