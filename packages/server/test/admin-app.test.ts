// The server's part of the coordinators' app (/verwaltung/): the "who am I" endpoint it signs in
// with, and the folder it is served from under its own strict policy.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, startTestServer, SUEDWEST, type TestServer } from './helpers.js';

let t: TestServer;
let base: string;
let dir: string;
let admin: string;
let scoped: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fk-admin-app-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Verwaltung</title><script type="module" src="assets/app-ABCD1234.js"></script>');
  writeFileSync(join(dir, 'assets', 'app-ABCD1234.js'), 'console.log(1)');
  t = await startTestServer(['seed'], { adminDir: dir });
  base = t.srv.url;
  admin = await t.srv.createApiKey('admin', 'Betrieb');
  scoped = await t.srv.createApiKey(SUEDWEST, 'Geschäftsstelle Südwest');
});
afterAll(async () => {
  await t.srv.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

describe('GET /v1/keys/self', () => {
  it('names the scoped key that was sent, never its secret, privately', async () => {
    const res = await request(base, '/v1/keys/self', auth(scoped));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ scope: SUEDWEST, label: 'Geschäftsstelle Südwest', revokedAt: null });
    expect(res.json.id).toMatch(/^[0-9a-f]{12}$/);
    expect(res.text).not.toContain(scoped);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('names an admin key as admin', async () => {
    const res = await request(base, '/v1/keys/self', auth(admin));
    expect(res.json).toMatchObject({ scope: 'admin', label: 'Betrieb' });
  });

  it('answers 401 without a key and for a revoked key', async () => {
    expectProblem(await request(base, '/v1/keys/self'), 401);
    const gone = await t.srv.createApiKey(SUEDWEST, 'Kurz');
    const id = (await request(base, '/v1/keys/self', auth(gone))).json.id;
    expect((await request(base, `/v1/keys/${id}`, { method: 'DELETE', ...auth(admin) })).status).toBe(204);
    expectProblem(await request(base, '/v1/keys/self', auth(gone)), 401);
  });

  it('refuses query parameters and other methods', async () => {
    expectProblem(await request(base, '/v1/keys/self?x=1', auth(admin)), 400);
    const res = await request(base, '/v1/keys/self', { method: 'PATCH', ...auth(admin) });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('/verwaltung/', () => {
  it('serves the app under a strict policy that forbids framing and third-party hosts', async () => {
    const res = await request(base, '/verwaltung/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>Verwaltung</title>');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/https?:|unsafe/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('keeps hashed scripts a year and redirects the bare path', async () => {
    const js = await request(base, '/verwaltung/assets/app-ABCD1234.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const bare = await fetch(`${base}/verwaltung`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/verwaltung/');
    expect((await request(base, '/verwaltung/nichts.js')).status).toBe(404);
  });
});
