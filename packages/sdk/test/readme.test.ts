/**
 * The README opens with a ten-line example; this runs it, as written, against the real server.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServer, type RunningServer } from '@fachkraefte/server';
import { afterAll, beforeAll, expect, it } from 'vitest';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');

let srv: RunningServer;
beforeAll(async () => {
  srv = await startServer({ port: 0, memory: true, dataSets: ['seed'], log: () => undefined });
}, 120_000);
afterAll(() => srv?.close());

it('opens with the install line and a ten-line example that runs', async () => {
  const readme = readFileSync(`${pkgDir}README.md`, 'utf8');
  const first = /^# @fachkraefte\/sdk\n\n```sh\nnpm install @fachkraefte\/sdk\n```\n\n```ts\n([\s\S]*?)```/.exec(readme);
  expect(first, 'the README must open with the install line and a ts code block').not.toBeNull();
  const code = first![1]!;
  expect(code.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
  // Inside the package, so that `@fachkraefte/sdk` resolves to itself (package self-reference).
  mkdirSync(`${pkgDir}.cache`, { recursive: true });
  writeFileSync(`${pkgDir}.cache/readme-example.mts`, code);
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@fachkraefte/source', '--import', tsx, '.cache/readme-example.mts'],
    { cwd: pkgDir, env: { ...process.env, FK_API_URL: srv.url }, timeout: 60_000 },
  );
  expect(stderr).toBe('');
  const lines = stdout.trimEnd().split('\n');
  expect(lines).toContain('Fachkräfteallianz Südwest');
  expect(lines.filter((l) => /^.+ \((founding|lead|member)\)$/.test(l))).toHaveLength(26);
  expect(lines.at(-1)).toBe(`GET ${srv.url}/v1/alliances/gibt-es-nicht failed with 404 Not Found: The alliance "gibt-es-nicht" does not exist.`);
});
