/**
 * Runs examples/sdk-node as a user would — a separate Node process importing `@fachkraefte/sdk`
 * by its package name — against a freshly started reference server, and checks what it prints.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServer, type RunningServer } from '@fachkraefte/server';
import { afterAll, beforeAll, expect, it } from 'vitest';

const exampleDir = fileURLToPath(new URL('../../../examples/sdk-node/', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');

let srv: RunningServer;
beforeAll(async () => {
  srv = await startServer({ port: 0, memory: true, dataSets: ['seed'], log: () => undefined });
}, 120_000);
afterAll(() => srv?.close());

it('lists alliances and members and prints readable errors', async () => {
  // The example imports the SDK by name, as users do: the workspace link must exist.
  expect(
    existsSync(`${exampleDir}node_modules/@fachkraefte/sdk/package.json`),
    'examples/sdk-node is not linked to the SDK yet: run `pnpm install` at the repository root',
  ).toBe(true);
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@fachkraefte/source', '--import', tsx, 'index.ts'],
    { cwd: exampleDir, env: { ...process.env, FK_API_URL: srv.url }, timeout: 60_000 },
  );
  expect(stderr).toBe('');
  expect(stdout).toContain(`Allianzen bei ${srv.url}:`);
  expect(stdout).toContain('  Fachkräfteallianz Südwest (DE-BW, regional)');
  expect(stdout).toContain('  = 6 Allianzen');
  expect(stdout).toMatch(/^ {2}26\. .+ — (Gründungsmitglied|Leitung|Mitglied)$/m);
  expect(stdout).toContain('  = 26 Mitglieder');
  expect(stdout).toContain(`  NotFoundError (404): GET ${srv.url}/v1/alliances/gibt-es-nicht failed with 404`);
  expect(stdout).toMatch(/ResponseValidationError: The response to GET http:\/\/127\.0\.0\.1:\d+\/v1\/events does not match the API: items\[1\]\.start: expected an ISO 8601 date-time with offset; items\[2\]\.status: /);
  expect(stdout).toContain('    - items[2].status: expected one of "scheduled", "cancelled", "postponed", "rescheduled"');
  expect(stdout.trimEnd()).toMatch(/Fertig\.$/);
});
