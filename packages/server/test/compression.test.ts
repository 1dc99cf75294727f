// Compression and the cache rules of static files: brotli and gzip as the client asks, with
// Vary: Accept-Encoding and validators that still revalidate; the CDN folder precompressed at build
// time, hashed chunks cached for a year and entry files for minutes. Raw HTTP (node:http), because
// fetch decompresses and hides what went over the wire.
import { execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiate } from '../src/http/compress.js';
import { startTestServer, SUEDWEST, type TestServer } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(r: Raw): string {
  const enc = r.headers['content-encoding'];
  return (enc === 'br' ? brotliDecompressSync(r.body) : enc === 'gzip' ? gunzipSync(r.body) : r.body).toString('utf8');
}

let t: TestServer;
let tmp: string;
let chunk: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'fk-compress-'));
  // A CDN folder as the build makes it: an entry file, a hashed chunk, then the precompression step.
  const cdn = join(tmp, 'cdn');
  mkdirSync(join(cdn, 'chunks'), { recursive: true });
  chunk = 'chunk-Q2W3E4R5.js';
  writeFileSync(join(cdn, 'chunks', chunk), `export const a = ${JSON.stringify('x'.repeat(50)).repeat(1)};\n`.repeat(200));
  writeFileSync(join(cdn, 'fk.js'), `import './chunks/${chunk}';\n// ${'autoloader '.repeat(200)}\n`);
  execFileSync(process.execPath, [join(ROOT, 'scripts/precompress.mjs'), cdn]);
  const site = join(tmp, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="de"><title>Demo</title><p>${'Fachkräfte '.repeat(300)}</p></html>\n`);
  t = await startTestServer(['seed', 'upcoming'], { cdnDir: cdn, siteDir: site });
});
afterAll(async () => {
  await t.srv.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('negotiation', () => {
  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate, br;q=0', 'gzip'],
    ['gzip;q=0.5, br;q=0.8', 'br'],
    ['deflate', null],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', null],
    ['', null],
  ])('Accept-Encoding %j → %s', (accept, expected) => {
    expect(negotiate(accept)).toBe(expected);
  });
});

describe('API answers', () => {
  it.each([
    ['/v1/alliances', 'application/json'],
    [`/v1/events.ics?alliance=${SUEDWEST}`, 'text/calendar'],
    [`/v1/alliances/${SUEDWEST}/members.geojson`, 'application/geo+json'],
    ['/v1/openapi.json', 'application/json'],
  ])('%s: brotli, gzip or none as asked, the same content, Vary: Accept-Encoding', async (path, type) => {
    const plain = await raw(t.srv.url, path);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toContain(type);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    for (const [accept, enc] of [['br, gzip', 'br'], ['gzip, deflate', 'gzip']] as const) {
      const packed = await raw(t.srv.url, path, { 'Accept-Encoding': accept });
      expect(packed.headers['content-encoding']).toBe(enc);
      expect(packed.headers.vary).toMatch(/Accept-Encoding/);
      expect(packed.body.length).toBeLessThan(plain.body.length / 2);
      // (DTSTAMP aside: a feed may stamp the moment it was written.)
      const same = (text: string) => text.replace(/^DTSTAMP:.*$/gm, '');
      expect(same(decoded(packed))).toBe(same(plain.body.toString('utf8')));
    }
  });

  it('revalidates a compressed answer: weak ETag, If-None-Match gives 304', async () => {
    const first = await raw(t.srv.url, '/v1/alliances', { 'Accept-Encoding': 'br' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const again = await raw(t.srv.url, '/v1/alliances', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(etag);
    expect(again.body.length).toBe(0);
    // The same resource uncompressed has the strong form of the same validator.
    expect((await raw(t.srv.url, '/v1/alliances')).headers.etag).toBe(etag.slice(2));
  });

  it('leaves small answers and problems under 1 KB uncompressed', async () => {
    const health = await raw(t.srv.url, '/healthz', { 'Accept-Encoding': 'br' });
    expect(health.headers['content-encoding']).toBeUndefined();
    // Small, so sent as it is; its validator is the weak one all the same (a 304 cannot tell sizes apart).
    const small = await raw(t.srv.url, '/v1/organisations/landkreis-loerrach', { 'Accept-Encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    const again = await raw(t.srv.url, '/v1/organisations/landkreis-loerrach', { 'Accept-Encoding': 'br', 'If-None-Match': small.headers.etag as string });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(small.headers.etag);
    const head = await raw(t.srv.url, '/v1/alliances', { 'Accept-Encoding': 'br' });
    expect((await new Promise<Raw>((resolve, reject) => {
      const req = httpRequest(`${t.srv.url}/v1/alliances`, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } }, (res) => { res.resume(); res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.alloc(0) })); });
      req.on('error', reject);
      req.end();
    })).headers.etag).toBe(head.headers.etag);
    const problem = await raw(t.srv.url, '/v1/alliances?foo=1', { 'Accept-Encoding': 'br' });
    expect(problem.status).toBe(400);
    expect(problem.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(problem.body.toString()).errors[0].parameter).toBe('foo');
  });

  it('compresses the demo page', async () => {
    const page = await raw(t.srv.url, '/', { 'Accept-Encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(decoded(page)).toContain('<title>Demo</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });
});

describe('the CDN folder', () => {
  it('serves hashed chunks for a year, immutable, and entry files for minutes with revalidation', async () => {
    const c = await raw(t.srv.url, `/cdn/chunks/${chunk}`);
    expect(c.status).toBe(200);
    expect(c.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const entry = await raw(t.srv.url, '/cdn/fk.js');
    expect(entry.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
    expect(entry.headers['access-control-allow-origin']).toBe('*');
    const etag = entry.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const again = await raw(t.srv.url, '/cdn/fk.js', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
  });

  it('sends the build\'s .br and .gz files as they are, with a validator of their own', async () => {
    const plain = await raw(t.srv.url, '/cdn/fk.js');
    const br = await raw(t.srv.url, '/cdn/fk.js', { 'Accept-Encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(decoded(br)).toBe(plain.body.toString());
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const gz = await raw(t.srv.url, `/cdn/chunks/${chunk}`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw(t.srv.url, '/cdn/nope.js')).status).toBe(404);
  });
});
