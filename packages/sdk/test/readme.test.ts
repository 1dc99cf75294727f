/**
 * The README opens with a ten-line example; this runs it, as written, against the real server.
 */
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@fachkraefte/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readmeExample, runExample } from '../../../scripts/lib/readme-example.mjs';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));

let srv: RunningServer;
beforeAll(async () => {
  srv = await startServer({ port: 0, memory: true, dataSets: ['seed'], log: () => undefined });
}, 120_000);
afterAll(() => srv?.close());

it('opens with the install line and a ten-line example that runs', async () => {
  const code = readmeExample(pkgDir, '@fachkraefte/sdk');
  expect(code, 'the README must open with the install line and a ts code block').not.toBeNull();
  expect(code!.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
  const { stderr, lines } = await runExample(pkgDir, code!, { env: { FK_API_URL: srv.url } });
  expect(stderr).toBe('');
  expect(lines).toContain('Fachkräfteallianz Südwest');
  expect(lines.filter((l) => /^.+ \((founding|lead|member)\)$/.test(l))).toHaveLength(26);
  expect(lines.at(-1)).toBe(`GET ${srv.url}/v1/alliances/gibt-es-nicht failed with 404 Not Found: The alliance "gibt-es-nicht" does not exist.`);
});
