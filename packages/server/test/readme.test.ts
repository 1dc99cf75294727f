/**
 * The README opens with the install line and a ten-line example; this runs the example, as written,
 * with Node (tsx): it starts the real server in memory, reads, writes with a key, and stops it.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { readmeExample, runExample } from '../../../scripts/lib/readme-example.mjs';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));

it('opens with the install line and a ten-line example that runs', async () => {
  const code = readmeExample(pkgDir, '@fachkraefte/server');
  expect(code, 'the README must open with the install line and a ts code block').not.toBeNull();
  expect(code!.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
  const { stderr, lines } = await runExample(pkgDir, code!, { timeout: 120_000 });
  expect(stderr).toBe('');
  expect(lines).toContain('Fachkräfteallianz Südwest');
  expect(lines).not.toContain('Regionales Fachkräftebündnis Leine-Weser'); // DE-NI, filtered out
  expect(lines.at(-1)).toMatch(/^201 \/v1\/events\/netzwerktreffen(-[0-9a-f]+)?$/);
}, 180_000);
