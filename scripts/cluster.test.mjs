// Two server instances on one PostgreSQL database behind nginx (load balancer and HTTP cache), as
// `pnpm cluster` starts them: a write through one instance is visible through the other at once,
// and through the cache within the freshness bound (2 × max-age); requests with a key pass by the
// cache; expired entries are revalidated with the ETag.
import { spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from './lib/bench-cluster.mjs';
import { startCluster } from './lib/cluster.mjs';
import { root } from './lib/processes.mjs';

const ADMIN_URL = process.env.FK_TEST_DATABASE_URL;
if (!ADMIN_URL) throw new Error('scripts/cluster.test.mjs needs FK_TEST_DATABASE_URL (a PostgreSQL role that may create databases); .ci/run sets it');

const MAX_AGE = 2; // seconds: the bound is 2 × MAX_AGE
const SUEDWEST = 'fachkraefteallianz-suedwest';
let db;
let cluster;
let dir;
let key;

const get = async (base, path, headers = {}) => {
  const res = await fetch(base + path, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined };
};

/** A GET with the Host header nginx passes on: the instances' ETags name the URL, host included. */
const direct = (base, path) => new Promise((resolve, reject) => {
  httpRequest(base + path, { headers: { Host: new URL(cluster.url).host } }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (text += d));
    res.on('end', () => resolve({ status: res.statusCode, etag: res.headers.etag, text, json: JSON.parse(text) }));
  }).on('error', reject).end();
});

beforeAll(async () => {
  db = await createDatabase(ADMIN_URL, 'fk_cluster');
  dir = mkdtempSync(`${tmpdir()}/fk-cluster-test-`);
  cluster = await startCluster({ databaseUrl: db.url, instances: 2, dataSets: 'seed,upcoming', maxAge: MAX_AGE, dir });
  // A key as an operator makes one: the command line, straight on the database.
  const made = spawnSync(process.execPath, ['--conditions=@fachkraefte/source', '--import', 'tsx', 'packages/server/src/cli.ts', 'keys', 'create', '--scope', SUEDWEST, '--database-url', db.url],
    { cwd: root, encoding: 'utf8', timeout: 60_000 });
  expect(made.status, made.stderr).toBe(0);
  key = made.stdout.trim();
  expect(key).toMatch(/^fk_/);
});

afterAll(async () => {
  await cluster?.stop();
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('two instances behind nginx', () => {
  it('balances requests over both instances', async () => {
    for (let i = 0; i < 6; i++) expect((await get(cluster.url, '/healthz')).status).toBe(200);
    const log = readFileSync(`${dir}/access.log`, 'utf8');
    for (const s of cluster.servers) expect(log).toContain(`upstream=127.0.0.1:${s.port}`);
  });

  it('keeps public reads (HIT on the second read), and gives the same ETag as either instance', async () => {
    const path = `/v1/alliances/${SUEDWEST}`;
    const first = await get(cluster.url, path);
    expect(first.status).toBe(200);
    expect(['MISS', 'EXPIRED', 'HIT', 'STALE', 'UPDATING', 'REVALIDATED']).toContain(first.headers.get('x-cache-status'));
    const second = await get(cluster.url, path);
    expect(second.headers.get('x-cache-status')).toBe('HIT');
    expect(second.text).toBe(first.text);
    const [a, b] = await Promise.all(cluster.servers.map((s) => direct(s.url, path)));
    expect(a.etag).toBe(b.etag);
    expect(a.text).toBe(b.text);
  });

  it('lets requests with a key pass by the cache, and keeps nothing of them', async () => {
    const auth = { Authorization: `Bearer ${key}` };
    const changes = await get(cluster.url, '/v1/changes?limit=5', auth);
    expect(changes.status).toBe(200);
    expect(changes.headers.get('x-cache-status')).toBe('BYPASS');
    expect(changes.headers.get('cache-control')).toBe('private, no-store');
    const again = await get(cluster.url, '/v1/changes?limit=5', auth);
    expect(again.headers.get('x-cache-status')).toBe('BYPASS');
    // The public variant of the same URL is kept apart from it.
    const pub = await get(cluster.url, '/v1/changes?limit=5');
    expect(pub.headers.get('x-cache-status')).not.toBe('HIT');
  });

  it('shows a write through one instance through the other at once, and through the cache within 2 × max-age', async () => {
    const path = `/v1/alliances/${SUEDWEST}`;
    // The cache holds the old record.
    await get(cluster.url, path);
    expect((await get(cluster.url, path)).headers.get('x-cache-status')).toMatch(/HIT|STALE|UPDATING/);
    const value = 1000 + Math.floor(Math.random() * 1000);
    const [one, other] = cluster.servers;
    // Written through nginx to whichever instance, read from each instance directly.
    const written = await fetch(`${cluster.url}${path}`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ statedMemberCount: value }),
    });
    expect(written.status, await written.clone().text()).toBe(200);
    const writtenAt = Date.now();
    // Both instances: at once (one database, the version read per request), with the write's ETag.
    for (const s of [one, other]) {
      const now = await direct(s.url, path);
      expect(now.json.statedMemberCount).toBe(value);
      expect(now.etag).toBe(written.headers.get('etag')?.replace(/^W\//, ''));
    }
    // Through the cache: within the bound, polled (bounded in count and time).
    let seenAt = null;
    const statuses = [];
    for (let i = 0; i < 100 && Date.now() - writtenAt < (2 * MAX_AGE + 5) * 1000; i++) {
      const r = await get(cluster.url, path);
      statuses.push(r.headers.get('x-cache-status'));
      if (r.json.statedMemberCount === value) {
        seenAt = Date.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seenAt, `never seen through the cache: ${statuses.join(' ')}`).not.toBeNull();
    // 2 × max-age, plus the second that Cache-Control's whole seconds and nginx's clock may add.
    expect(seenAt - writtenAt).toBeLessThanOrEqual((2 * MAX_AGE + 1) * 1000);
  });

  it('revalidates an expired entry with its ETag: the instance answers 304, nginx keeps the body', async () => {
    const path = '/v1/focus-areas';
    await get(cluster.url, path);
    // nginx counts in whole seconds: 1.5 s more, and the stale-while-revalidate window is surely past.
    await new Promise((resolve) => setTimeout(resolve, (2 * MAX_AGE + 1.5) * 1000));
    // Past max-age and stale-while-revalidate: nginx asks the instance with If-None-Match and waits.
    const r = await get(cluster.url, path);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-cache-status')).toBe('REVALIDATED');
  });

  it('writes through nginx reach the database for both instances', async () => {
    const res = await fetch(`${cluster.url}/v1/events`, {
      method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Cluster-Test', start: '2030-05-04T10:00:00+02:00', alliances: [SUEDWEST] }),
    });
    expect(res.status).toBe(201);
    // Not a method nginx caches at all: no cache status.
    expect(res.headers.get('x-cache-status')).toBeNull();
    const id = (await res.json()).id;
    for (const s of cluster.servers) expect((await get(s.url, `/v1/events/${id}`)).json.title).toBe('Cluster-Test');
  });
});
