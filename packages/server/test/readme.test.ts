/**
 * The README opens with the install line and a ten-line example; this runs the example, as written,
 * with Node (tsx): it starts the real server in memory, reads, writes with a key, and stops it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');

it('opens with the install line and a ten-line example that runs', async () => {
  const readme = readFileSync(`${pkgDir}README.md`, 'utf8');
  const first = /^# @fachkraefte\/server\n\n```sh\nnpm install @fachkraefte\/server[^\n]*\n```\n\n```ts\n([\s\S]*?)```/.exec(readme);
  expect(first, 'the README must open with the install line and a ts code block').not.toBeNull();
  const code = first![1]!;
  expect(code.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
  mkdirSync(`${pkgDir}.cache`, { recursive: true });
  writeFileSync(`${pkgDir}.cache/readme-example.mts`, code);
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@fachkraefte/source', '--import', tsx, '.cache/readme-example.mts'],
    { cwd: pkgDir, timeout: 120_000 },
  );
  expect(stderr).toBe('');
  const lines = stdout.trimEnd().split('\n');
  expect(lines).toContain('Fachkräfteallianz Südwest');
  expect(lines).not.toContain('Regionales Fachkräftebündnis Leine-Weser'); // DE-NI, filtered out
  expect(lines.at(-1)).toMatch(/^201 \/v1\/events\/netzwerktreffen(-[0-9a-f]+)?$/);
}, 180_000);
