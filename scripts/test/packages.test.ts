/**
 * `pnpm check:packages` as part of `pnpm test`: the four npm packages packed by `pnpm pack`, with no
 * `workspace:` range left, publint --strict and @arethetypeswrong/cli clean.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'fk-check-packages-'));
const json = join(dir, 'results.json');
const run = spawnSync(process.execPath, [join(root, 'scripts/check-packages.mjs'), '--json', json], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
type Check = { ok: boolean; output: string };
const results = JSON.parse(readFileSync(json, 'utf8')) as { name: string; checks: Record<string, Check> }[];
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
    expect(r.checks.attw!.output).toMatch(/No problems found/);
  });
});
