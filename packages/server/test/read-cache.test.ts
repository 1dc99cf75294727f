// Cheap reads: validators from the data version (migration 5), 304 without reading data, kept
// rendered answers per version, URL and encoding, bounded; nothing kept for requests with a key.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../src/app.js';
import { ResponseCache } from '../src/http/read-cache.js';
import { loadDataSet } from '../src/seed/index.js';
import { Store } from '../src/store/store.js';
import { request, SUEDWEST } from './helpers.js';

interface Served {
  url: string;
  store: Store;
  /** SQL the store ran since the last `sql.length = 0`. */
  sql: string[];
  close(): Promise<void>;
}

/** The app on a real in-memory PGlite with the seed data, every query it runs recorded. */
async function serveApp(options: Partial<AppOptions> & { shared?: boolean } = {}, store?: Store): Promise<Served> {
  const own = !store;
  store ??= await Store.open({ memory: true, shared: options.shared ?? false });
  if (own) {
    await store.load(loadDataSet('seed', new Date()));
    await store.load(loadDataSet('upcoming', new Date()));
  }
  const sql: string[] = [];
  const db = store.db as unknown as { query: (...a: unknown[]) => Promise<unknown>; exec: (...a: unknown[]) => Promise<unknown> };
  const query = db.query.bind(db);
  const exec = db.exec.bind(db);
  db.query = (text, ...rest) => {
    sql.push(String(text));
    return query(text, ...rest);
  };
  db.exec = (text, ...rest) => {
    sql.push(String(text));
    return exec(text, ...rest);
  };
  const app = createApp({ store, log: () => undefined, siteDir: null, cdnDir: null, writeLimit: { perMinute: 60_000, burst: 10_000 }, ...options });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    sql,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (own) await store!.close();
    },
  };
}

const DATA_TABLES = /\b(?:alliances|organisations|memberships|events|changes|api_keys)\b/;

describe('validators from the data version', () => {
  let s: Served;
  let key: string;
  beforeAll(async () => {
    s = await serveApp();
    key = (await s.store.createApiKey(SUEDWEST)).key;
  });
  afterAll(() => s.close());

  it('answers If-None-Match with 304 without a single query (one process owns PGlite: version in memory)', async () => {
    for (const path of ['/v1/alliances', `/v1/alliances/${SUEDWEST}/members.geojson`, '/v1/events?from=2026-06-01&to=2026-06-30', '/v1/events.ics']) {
      const first = await request(s.url, path);
      expect(first.status).toBe(200);
      s.sql.length = 0;
      const again = await request(s.url, path, { headers: { 'If-None-Match': first.headers.get('etag')! } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(again.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=60');
      expect(s.sql, path).toEqual([]);
    }
  });

  it('serves a repeated read from the kept answer, without a query, byte for byte', async () => {
    const path = '/v1/organisations?limit=50';
    const first = await request(s.url, path);
    s.sql.length = 0;
    const second = await request(s.url, path);
    expect(s.sql).toEqual([]);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('gives every answer a new ETag after any write, and the new data at once', async () => {
    const path = `/v1/alliances/${SUEDWEST}`;
    const other = '/v1/focus-areas';
    const before = await request(s.url, path);
    const otherBefore = await request(s.url, other);
    const written = await request(s.url, path, {
      method: 'PATCH', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ statedMemberCount: 4711 }),
    });
    expect(written.status, written.text).toBe(200);
    const after = await request(s.url, path, { headers: { 'If-None-Match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(after.json.statedMemberCount).toBe(4711);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.headers.get('etag')).toBe(written.headers.get('etag'));
    // Coarse on purpose: a write anywhere moves every validator on.
    const otherAfter = await request(s.url, other, { headers: { 'If-None-Match': otherBefore.headers.get('etag')! } });
    expect(otherAfter.status).toBe(200);
    expect(otherAfter.text).toBe(otherBefore.text);
  });

  it('keeps the version in the database: moved on by every write, also by a data set load', async () => {
    const v0 = await s.store.dataVersion();
    await s.store.createApiKey('admin', 'x');
    const v1 = await s.store.dataVersion();
    expect(v1.n).toBe(v0.n + 1);
    expect(v1.tag).not.toBe(v0.tag);
    const { rows } = await s.store.db.query<{ n: number }>('select n::float8 as n from data_version');
    expect(Number(rows[0]!.n)).toBe(v1.n);
    // A load that changes something (it undoes the PATCH above) moves it on; loading what is loaded
    // changes nothing and records nothing: the version stays.
    await s.store.load(loadDataSet('seed', new Date()));
    const v2 = await s.store.dataVersion();
    expect(v2.n).toBe(v1.n + 1);
    await s.store.load(loadDataSet('seed', new Date()));
    expect(await s.store.dataVersion()).toEqual(v2);
  });

  it('never keeps an answer to a request with a key, and gives it a validator of its own bytes', async () => {
    const cache = new ResponseCache();
    const t = await serveApp({ responseCache: cache }, s.store);
    try {
      const auth = { Authorization: `Bearer ${key}` };
      const a = await request(t.url, '/v1/changes?limit=5', { headers: auth });
      expect(a.status).toBe(200);
      expect(a.headers.get('cache-control')).toBe('private, no-store');
      const b = await request(t.url, '/v1/alliances', { headers: auth });
      expect(b.status).toBe(200);
      expect(cache.size.entries).toBe(0);
      expect(cache.stats.misses).toBe(0);
      expect(b.headers.get('etag')).not.toBe((await request(t.url, '/v1/alliances')).headers.get('etag'));
      expect(cache.size.entries).toBe(1);
      // Rendered anew for a key: it reads the data.
      t.sql.length = 0;
      await request(t.url, '/v1/alliances', { headers: auth });
      expect(t.sql.some((q) => DATA_TABLES.test(q))).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('a shared database (several instances)', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serveApp({ shared: true });
  });
  afterAll(() => s.close());

  it('reads only the version for a 304: one query of data_version, none of the data', async () => {
    const first = await request(s.url, '/v1/events?limit=100');
    s.sql.length = 0;
    const again = await request(s.url, '/v1/events?limit=100', { headers: { 'If-None-Match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(s.sql).toHaveLength(1);
    expect(s.sql[0]).toMatch(/from data_version/);
  });

  it('sees a write made by another process at the next request', async () => {
    const before = await request(s.url, `/v1/alliances/${SUEDWEST}`);
    // Another instance's write, as the database sees it: straight into the tables.
    await s.store.db.query(`update alliances set doc = jsonb_set(doc::jsonb, '{statedMemberCount}', '99')::json where slug = $1`, [SUEDWEST]);
    await s.store.db.query(`insert into changes (kind, record, action, alliances, fields, key_scope) values ('alliance', $1, 'updated', array[$1], '{}', 'admin')`, [SUEDWEST]);
    const after = await request(s.url, `/v1/alliances/${SUEDWEST}`, { headers: { 'If-None-Match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(after.json.statedMemberCount).toBe(99);
  });

  it('shares one version read and one rendering among requests that arrive together', async () => {
    const path = '/v1/organisations?limit=100&type=unternehmen';
    s.sql.length = 0;
    const answers = await Promise.all(Array.from({ length: 20 }, () => request(s.url, path)));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(s.sql.filter((q) => /from organisations/.test(q))).toHaveLength(1);
  });

  it('reads the version at most twice however many ask at once, each read starting after the ask', async () => {
    s.sql.length = 0;
    const versions = await Promise.all(Array.from({ length: 50 }, () => s.store.dataVersion()));
    expect(s.sql.filter((q) => /from data_version/.test(q)).length).toBeLessThanOrEqual(2);
    expect(new Set(versions.map((v) => v.tag)).size).toBe(1);
    // A write between asks: the later ask sees it.
    const before = await s.store.dataVersion();
    await s.store.db.query(`insert into changes (kind, record, action, alliances, fields, key_scope) values ('key', 'x', 'created', '{}', '{}', 'admin')`);
    expect((await s.store.dataVersion()).n).toBe(before.n + 1);
  });
});

describe('kept answers', () => {
  let on: Served;
  let off: Served;
  beforeAll(async () => {
    on = await serveApp();
    off = await serveApp({ responseCache: false }, on.store);
  });
  afterAll(async () => {
    await off.close();
    await on.close();
  });

  const PATHS = [
    '/v1/alliances', `/v1/alliances/${SUEDWEST}/members`, `/v1/alliances/${SUEDWEST}/members.geojson`,
    '/v1/organisations?limit=50', '/v1/events?from=2026-01-01&to=2026-12-31', '/v1/events.ics', '/v1/openapi.json',
    '/v1/alliances/gibt-es-nicht', '/v1/events?limit=0',
  ];

  /** The raw answer, as sent (no decoding), for the same Host on either server. */
  const raw = (base: string, path: string, encoding: string) => new Promise<{ status: number; headers: [string, string][]; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(base + path, { headers: { 'Accept-Encoding': encoding, Host: 'api.example' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({
        status: res.statusCode!,
        headers: Object.entries(res.headers).filter(([k]) => !['date', 'keep-alive', 'connection'].includes(k)).map(([k, v]) => [k, String(v)]),
        body: Buffer.concat(chunks),
      }));
    });
    req.on('error', reject);
    req.end();
  });

  it.each(['identity', 'gzip', 'br'])('are the answers rendering gives, status, headers and bytes (%s)', async (encoding) => {
    for (const path of PATHS) {
      const rendered = await raw(off.url, path, encoding);
      for (let i = 0; i < 2; i++) {
        const kept = await raw(on.url, path, encoding);
        expect(kept.status, path).toBe(rendered.status);
        expect(kept.headers, path).toEqual(rendered.headers);
        expect(kept.body.equals(rendered.body), path).toBe(true);
      }
    }
  });

  it('answers HEAD from a kept GET answer, without a body', async () => {
    const get = await request(on.url, '/v1/alliances');
    on.sql.length = 0;
    const head = await fetch(`${on.url}/v1/alliances`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(on.sql).toEqual([]);
  });

  it('keeps gzip and brotli apart', async () => {
    const gz = await fetch(`${on.url}/v1/alliances`, { headers: { 'Accept-Encoding': 'gzip' } });
    // fetch decodes; the raw bytes of each encoding are compared in the test above.
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const br = await fetch(`${on.url}/v1/alliances`, { headers: { 'Accept-Encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(await gz.text()).toBe(await br.text());
  });
});

describe('the bound of the cache', () => {
  it('holds at most maxEntries answers and maxBytes bytes, dropping the least recently used', async () => {
    const cache = new ResponseCache({ maxEntries: 5, maxBytes: 40_000 });
    const s = await serveApp({ responseCache: cache });
    try {
      for (let limit = 1; limit <= 30; limit++) {
        expect((await request(s.url, `/v1/organisations?limit=${limit}`)).status).toBe(200);
        expect(cache.size.entries).toBeLessThanOrEqual(5);
        expect(cache.size.bytes).toBeLessThanOrEqual(40_000);
      }
      expect(cache.stats.evicted).toBeGreaterThan(0);
      // The most recent answer is kept: asked again, no query.
      s.sql.length = 0;
      await request(s.url, '/v1/organisations?limit=30');
      expect(s.sql).toEqual([]);
      // The first one is gone: rendered again.
      await request(s.url, '/v1/organisations?limit=1');
      expect(s.sql.some((q) => /from organisations/.test(q))).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('drops the answers of an older version as soon as a write is seen', async () => {
    const cache = new ResponseCache();
    const s = await serveApp({ responseCache: cache });
    try {
      await request(s.url, '/v1/alliances');
      await request(s.url, '/v1/events?limit=5');
      expect(cache.size.entries).toBe(2);
      await s.store.createApiKey('admin', 'bump');
      await request(s.url, '/v1/alliances');
      expect(cache.size, JSON.stringify(cache.stats)).toEqual({ entries: 1, bytes: expect.any(Number) });
    } finally {
      await s.close();
    }
  });
});
