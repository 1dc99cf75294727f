/**
 * Builds the package and checks it the way its users meet it: publint and
 * @arethetypeswrong/cli on the packed tarball, then the built ESM and CJS files run in Node
 * against a real local server (the CJS build must carry ky, which ships ESM only).
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alliance } from './fixtures.js';
import { json, startFaultyServer, type FaultyServer } from './faulty-server.js';

const run = promisify(execFile);
const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');

let srv: FaultyServer;
beforeAll(async () => {
  rmSync(`${pkgDir}dist`, { recursive: true, force: true });
  await run(bin('tsup'), [], { cwd: pkgDir, timeout: 120_000 });
  srv = await startFaultyServer();
  srv.on('GET /v1/alliances/fachkraefteallianz-suedwest', (_req, res) => json(res, 200, alliance('fachkraefteallianz-suedwest')));
}, 180_000);
afterAll(() => srv?.close());

describe('the built package', () => {
  it('is clean for publint (strict, suggestions included)', async () => {
    const pkg = JSON.parse(readFileSync(`${pkgDir}package.json`, 'utf8')) as Record<string, unknown>;
    const { messages } = await publint({ pkgDir, level: 'suggestion', strict: true, pack: 'pnpm' });
    expect(messages.map((m) => formatMessage(m, pkg))).toEqual([]);
  }, 60_000);

  it('is clean for @arethetypeswrong/cli --pack (node10, node16 CJS and ESM, bundler)', async () => {
    // attw exits non-zero when it finds problems; its JSON report is on stdout either way.
    const { stdout, stderr } = await run(bin('attw'), ['--pack', '.', '--format', 'json'], { cwd: pkgDir, timeout: 120_000 })
      .catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
    expect(stdout.trimStart().startsWith('{'), `attw gave no report: ${stderr}`).toBe(true);
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints)).toContain('.');
  }, 120_000);

  it.each([
    ['CJS', `const { createClient } = require('./dist/index.cjs');`],
    ['ESM', `const { createClient } = await import('./dist/index.js');`],
  ])('runs the %s build in Node', async (_format, load) => {
    // The schema package is resolved to its sources (no build needed); the SDK is the built file.
    const script = `(async () => { ${load}
      const client = createClient({ baseUrl: process.env.API });
      const a = await client.alliances.get('fachkraefteallianz-suedwest');
      console.log(a.name);
    })().catch((e) => { console.error(e); process.exit(1); });`;
    const { stdout } = await run(process.execPath, ['--conditions=@fachkraefte/source', '--import', tsx, '-e', script], {
      cwd: pkgDir, env: { ...process.env, API: srv.url }, timeout: 60_000,
    });
    expect(stdout.trim()).toBe('Testallianz fachkraefteallianz-suedwest');
  }, 60_000);

  it('keeps the browser build free of Node built-ins and of classic zod', () => {
    const esm = readFileSync(`${pkgDir}dist/index.js`, 'utf8');
    expect(esm).not.toMatch(/from ["']node:|require\(|process\.|Buffer\./);
    expect(esm).not.toMatch(/from ["']zod["']/);
    expect(esm).toMatch(/from ["']ky["']/);
    const cjs = readFileSync(`${pkgDir}dist/index.cjs`, 'utf8');
    expect(cjs).not.toMatch(/require\(["']ky["']\)/);
  });
});
