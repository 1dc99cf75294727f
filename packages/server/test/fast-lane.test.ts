// The fast lane (read-cache.ts fastLane, server.ts): repeated public reads answered from the kept
// answers before the app runs. It may change what an answer costs, never what it is: every test
// compares with what the app itself answers, and counts which requests reached the app.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, fastLaneOf, type RequestLogLine } from '../src/app.js';
import { loadDataSet } from '../src/seed/index.js';
import { Store } from '../src/store/store.js';
import { SUEDWEST } from './helpers.js';

interface Lane {
  url: string;
  port: number;
  /** The same app served without the lane. */
  plainPort: number;
  store: Store;
  /** Requests that reached the app (not answered by the lane). */
  appCalls: string[];
  logs: RequestLogLine[];
  close(): Promise<void>;
}

/** The app on a real in-memory PGlite behind a Node server with the lane in front, as server.ts builds it. */
async function serveLane(shared = false): Promise<Lane> {
  const store = await Store.open({ memory: true, shared });
  await store.load(loadDataSet('seed', new Date()));
  const logs: RequestLogLine[] = [];
  const app = createApp({ store, log: (l) => logs.push(l), siteDir: null, cdnDir: null });
  const lane = fastLaneOf(app)!;
  const listener = getRequestListener(app.fetch);
  const appCalls: string[] = [];
  const toApp = (req: IncomingMessage, res: Parameters<typeof listener>[1]) => {
    appCalls.push(`${req.method} ${req.url}`);
    void listener(req, res);
  };
  const server: Server = createServer((req, res) => {
    const served = lane(req, res);
    if (served === false) toApp(req, res);
    else if (served !== true) void served.then((ok) => ok || toApp(req, res));
  });
  // The same app without the lane, to compare with.
  const plain: Server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`, port, plainPort: (plain.address() as AddressInfo).port, store, appCalls, logs,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => plain.close(() => resolve()));
      await store.close();
    },
  };
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request with exactly these headers (no fetch: it would add and decode encodings). */
function raw(port: number, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, setHost: !('Host' in headers) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The headers that may differ between two answers of the same bytes. */
const stable = (h: Raw['headers']) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'date' && k !== 'keep-alive' && k !== 'connection'));

describe('the fast lane', () => {
  let s: Lane;
  let key: string;
  beforeAll(async () => {
    s = await serveLane();
    key = (await s.store.createApiKey(SUEDWEST)).key;
  });
  afterAll(() => s.close());

  it('answers a repeated read itself, byte for byte and header for header what the app answered', async () => {
    for (const encoding of ['br, gzip', 'gzip', '']) {
      for (const path of ['/v1/alliances', '/v1/organisations?limit=50', `/v1/alliances/${SUEDWEST}/members.geojson`, '/v1/events.ics']) {
        const headers: Record<string, string> = encoding ? { 'Accept-Encoding': encoding } : {};
        s.appCalls.length = 0;
        const first = await raw(s.port, path, headers);
        expect(first.status, path).toBe(200);
        expect(s.appCalls, `${path} [${encoding}] first`).toEqual([`GET ${path}`]);
        const second = await raw(s.port, path, headers);
        expect(s.appCalls, `${path} [${encoding}] again`).toHaveLength(1);
        expect(second.status).toBe(200);
        expect(second.body.equals(first.body), path).toBe(true);
        expect(stable(second.headers)).toEqual(stable(first.headers));
        if (encoding) expect(second.headers['content-encoding']).toBe(encoding.startsWith('br') ? 'br' : 'gzip');
        expect(second.headers['access-control-allow-origin']).toBe('*');
        // Compressed answers carry the weak form of the version ETag (compress.ts).
        expect(second.headers.etag).toMatch(encoding ? /^W\/"[0-9a-f]{40}"$/ : /^"[0-9a-f]{40}"$/);
      }
    }
  });

  it('answers HEAD from a kept GET answer: the same headers, no body', async () => {
    const path = '/v1/focus-areas';
    const get = await raw(s.port, path);
    s.appCalls.length = 0;
    const head = await raw(s.port, path, {}, 'HEAD');
    expect(s.appCalls).toEqual([]);
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(stable(head.headers)).toEqual(stable(get.headers));
  });

  it('logs the same line for its answers as the app does, without the query string’s secrets', async () => {
    await raw(s.port, '/v1/alliances?limit=3');
    s.logs.length = 0;
    await raw(s.port, '/v1/alliances?limit=3');
    expect(s.logs).toHaveLength(1);
    expect(s.logs[0]).toMatchObject({ level: 'info', method: 'GET', path: '/v1/alliances?limit=3', status: 200 });
    expect(typeof s.logs[0]!.durationMs).toBe('number');
    expect(Object.keys(s.logs[0]!).sort()).toEqual(['durationMs', 'level', 'method', 'path', 'status', 'time']);
  });

  it('leaves to the app every request it must not answer: keys, validators, secrets in the URL, odd targets and hosts', async () => {
    const path = '/v1/alliances';
    const kept = await raw(s.port, path);
    await raw(s.port, path);
    const cases: [string, Record<string, string>, number][] = [
      [path, { Authorization: `Bearer ${key}` }, 200],
      [path, { 'If-None-Match': '*' }, 304],
      [path, { 'If-None-Match': '"0000000000000000000000000000000000000000"' }, 200],
      [`${path}?api_key=x`, {}, 400],
      ['/v1/x/../alliances', {}, 200],
      ['/v1/alli%61nces', {}, 200],
      [path, { Host: 'EXAMPLE.org' }, 200],
      [path, { Host: 'example.org:80' }, 200],
    ];
    for (const [target, headers, status] of cases) {
      s.appCalls.length = 0;
      const res = await raw(s.port, target, headers);
      expect(s.appCalls, `${target} ${JSON.stringify(headers)}`).toHaveLength(1);
      expect(res.status, `${target} ${JSON.stringify(headers)}`).toBe(status);
    }
    // The write methods never take the lane.
    s.appCalls.length = 0;
    const post = await raw(s.port, path, { 'Content-Type': 'application/json' }, 'POST', '{}');
    expect(post.status).toBe(401);
    expect(s.appCalls).toEqual([`POST ${path}`]);
  });

  it('answers If-None-Match naming the current version with 304 itself, as the app would', async () => {
    for (const encoding of ['br, gzip', '']) {
      const path = '/v1/organisations?limit=20';
      const headers: Record<string, string> = encoding ? { 'Accept-Encoding': encoding } : {};
      await raw(s.port, path, headers);
      const kept = await raw(s.port, path, headers);
      for (const validator of [String(kept.headers.etag), `"x", ${String(kept.headers.etag).replace(/^W\//, '')}`]) {
        s.appCalls.length = 0;
        s.logs.length = 0;
        const lane = await raw(s.port, path, { ...headers, 'If-None-Match': validator });
        expect(s.appCalls, validator).toEqual([]);
        expect(lane.status).toBe(304);
        expect(lane.body.length).toBe(0);
        expect(s.logs[0]).toMatchObject({ status: 304, conditional: true });
        // The same Host: the ETag is made of the URL the client asked for.
        const app = await raw(s.plainPort, path, { ...headers, 'If-None-Match': validator, Host: `127.0.0.1:${s.port}` });
        expect(app.status, `${validator} [${encoding}]`).toBe(304);
        for (const h of ['cache-control', 'vary', 'access-control-allow-origin', 'access-control-expose-headers', 'x-content-type-options', 'content-security-policy']) {
          expect(lane.headers[h], `${h} [${encoding}]`).toBe(app.headers[h]);
        }
        expect(String(lane.headers.etag).replace(/^W\//, '')).toBe(String(app.headers.etag).replace(/^W\//, ''));
        expect(lane.headers['content-length']).toBeUndefined();
        expect(lane.headers['content-encoding']).toBeUndefined();
      }
    }
  });

  it('never answers from an older data version: after a write the app renders the new data, then the lane keeps it', async () => {
    const path = `/v1/alliances/${SUEDWEST}`;
    await raw(s.port, path);
    const before = await raw(s.port, path);
    const written = await raw(s.port, path, { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, 'PATCH', JSON.stringify({ statedMemberCount: 31337 }));
    expect(written.status, written.body.toString()).toBe(200);
    s.appCalls.length = 0;
    const after = await raw(s.port, path);
    expect(s.appCalls).toEqual([`GET ${path}`]);
    expect(JSON.parse(after.body.toString()).statedMemberCount).toBe(31337);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const again = await raw(s.port, path);
    expect(s.appCalls).toHaveLength(1);
    expect(again.body.equals(after.body)).toBe(true);
  });
});

describe('the fast lane on a shared database', () => {
  let s: Lane;
  beforeAll(async () => {
    s = await serveLane(true);
  });
  afterAll(() => s.close());

  it('reads the version, answers from the kept answer, and sees another instance’s write at the next request', async () => {
    const path = `/v1/alliances/${SUEDWEST}`;
    await raw(s.port, path);
    s.appCalls.length = 0;
    const kept = await raw(s.port, path);
    expect(s.appCalls).toEqual([]);
    // Another instance's write, as the database sees it: straight into the tables.
    await s.store.db.query(`update alliances set doc = jsonb_set(doc::jsonb, '{statedMemberCount}', '77')::json where slug = $1`, [SUEDWEST]);
    await s.store.db.query(`insert into changes (kind, record, action, alliances, fields, key_scope) values ('alliance', $1, 'updated', array[$1], '{}', 'admin')`, [SUEDWEST]);
    const after = await raw(s.port, path);
    expect(s.appCalls).toEqual([`GET ${path}`]);
    expect(JSON.parse(after.body.toString()).statedMemberCount).toBe(77);
    expect(after.headers.etag).not.toBe(kept.headers.etag);
  });
});
