/**
 * The README opens with the install line and a ten-line example; this runs the example, as written,
 * with Node (tsx), the package importing itself by name (package self-reference).
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { readmeExample, runExample } from '../../../scripts/lib/readme-example.mjs';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));

it('opens with the install line and a ten-line example that runs', async () => {
  const code = readmeExample(pkgDir, '@fachkraefte/schema');
  expect(code, 'the README must open with the install line and a ts code block').not.toBeNull();
  expect(code!.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
  const { stderr, lines } = await runExample(pkgDir, code!);
  expect(stderr).toBe('');
  expect(lines).toEqual([
    'registrationUrl: expected an absolute http(s) URL',
    'ort: is not a known field',
    'valid: Vollversammlung am 2026-03-12T18:00:00+01:00',
    expect.stringMatching(/^Fachkräfte API: \d{2} paths$/),
  ]);
});
