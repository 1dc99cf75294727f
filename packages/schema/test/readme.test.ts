/**
 * The README opens with the install line and a ten-line example; this runs the example, as written,
 * with Node (tsx), the package importing itself by name (package self-reference).
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
  const first = /^# @fachkraefte\/schema\n\n```sh\nnpm install @fachkraefte\/schema\n```\n\n```ts\n([\s\S]*?)```/.exec(readme);
  expect(first, 'the README must open with the install line and a ts code block').not.toBeNull();
  const code = first![1]!;
  expect(code.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
  mkdirSync(`${pkgDir}.cache`, { recursive: true });
  writeFileSync(`${pkgDir}.cache/readme-example.mts`, code);
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@fachkraefte/source', '--import', tsx, '.cache/readme-example.mts'],
    { cwd: pkgDir, timeout: 60_000 },
  );
  expect(stderr).toBe('');
  expect(stdout.trimEnd().split('\n')).toEqual([
    'registrationUrl: expected an absolute http(s) URL',
    'ort: is not a known field',
    'valid: Vollversammlung am 2026-03-12T18:00:00+01:00',
    expect.stringMatching(/^Fachkräfte API: \d{2} paths$/),
  ]);
});
