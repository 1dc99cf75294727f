import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOpenApiDocument } from './openapi.js';

describe('OpenAPI document', () => {
  const doc = createOpenApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    components: { schemas: Record<string, unknown> };
  };

  it('is OpenAPI 3.1 with every schema of the registry as a component', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const id of ['Alliance', 'Organisation', 'Member', 'Membership', 'Event', 'EventInput', 'Person', 'FocusArea', 'ProjectGroup', 'PartialDate', 'Problem', 'AlliancePage']) {
      expect(doc.components.schemas, id).toHaveProperty(id);
    }
  });

  it('describes every schema component (the texts live in openapi.ts, not in the browser bundles)', () => {
    const schemas = doc.components.schemas as Record<string, { description?: string }>;
    const undescribed = Object.keys(schemas).filter((id) => !schemas[id]!.description);
    expect(undescribed).toEqual([]);
    expect(schemas.Alliance!.description).toMatch(/skilled-worker alliance/);
    expect(schemas.OrganisationType!.description).toContain('ihk: IHK');
  });

  it('derives the query parameters from the filter schemas', () => {
    const names = doc.paths['/v1/events']!.get!.parameters!.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['from', 'to', 'alliance', 'category', 'status', 'q', 'limit', 'cursor']));
  });

  it('lints clean with @redocly/cli', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const config = new URL('../redocly.yaml', import.meta.url).pathname;
    // Throws (and fails the test) on a non-zero exit: any error or warning of the recommended rules.
    const out = execFileSync('npx', ['redocly', 'lint', file, '--config', config, '--format=summary', '--max-problems=50'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    expect(out).not.toMatch(/warning|error/i);
  }, 60_000);
});
