// What only a PostgreSQL server brings: connection failures at start-up, several processes on one
// database (migrations at the same time, each other's writes), the command line writing next to
// running servers, and moving a PGlite data directory over. Runs in the PostgreSQL run of the suite
// only (FK_TEST_DATABASE_URL; vitest.config.ts), where every other server test runs on PostgreSQL too.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnServe } from './cli-process.js';
import { DatabaseConnectError, startServer } from '../src/index.js';
import { Store } from '../src/store/store.js';
import { createTestDatabase, request, SUEDWEST, TEST_DATABASE_URL, type TestDatabase } from './helpers.js';

const BASE_URL = TEST_DATABASE_URL!;
if (!BASE_URL) throw new Error('postgres.test.ts runs with FK_TEST_DATABASE_URL only (see vitest.config.ts)');
const { username, password, hostname } = new URL(BASE_URL);
const quiet = { log: () => undefined, siteDir: null, cdnDir: null } as const;

let tmp: string;
const databases: TestDatabase[] = [];
const freshDatabase = async () => {
  const db = await createTestDatabase();
  databases.push(db);
  return db.url;
};
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fk-pg-'));
});
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  for (const db of databases) await db.drop();
});

/** A TCP port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const free = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return free;
}

describe('start-up against a PostgreSQL server that does not let us in', { timeout: 60_000 }, () => {
  it('names the URL without its password when the connection is refused, in the API and on the command line', async () => {
    const url = `postgres://fk_user:Geheim-123@127.0.0.1:${await closedPort()}/fachkraefte`;
    const error = await startServer({ port: 0, databaseUrl: url, ...quiet }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConnectError);
    const message = (error as Error).message;
    expect(message).toMatch(/^cannot connect to PostgreSQL at postgres:\/\/fk_user@127\.0\.0\.1:\d+\/fachkraefte: connection refused/);
    expect(message).not.toContain('Geheim-123');

    const cli = await runCli(['serve', '--port', '0', '--database-url', url]);
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim()).toBe(`error: ${message}`);
    expect(cli.stdout + cli.stderr).not.toContain('Geheim-123');
    // The same through the environment variable.
    const env = await runCli(['keys', 'list'], { DATABASE_URL: url });
    expect(env.code).toBe(1);
    expect(env.stderr).toContain('cannot connect to PostgreSQL at postgres://fk_user@127.0.0.1:');
    expect(env.stderr).not.toContain('Geheim-123');
  });

  it('says so when the password is wrong or the database does not exist, without the password', async () => {
    const wrong = new URL(BASE_URL);
    wrong.password = 'falsch-und-geheim';
    const error = await Store.open({ databaseUrl: wrong.toString() }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConnectError);
    expect((error as Error).message).toContain(`password authentication failed for user "${decodeURIComponent(username)}"`);
    expect((error as Error).message).toContain(`postgres://${username}@${hostname}`);
    expect((error as Error).message).not.toContain('falsch-und-geheim');

    const missing = new URL(BASE_URL);
    missing.pathname = '/fk_does_not_exist';
    const none = await Store.open({ databaseUrl: missing.toString() }).then(() => null, (e: unknown) => e);
    expect((none as Error).message).toMatch(/database "fk_does_not_exist" does not exist/);
    if (password) expect((none as Error).message).not.toContain(`:${password}@`);
  });

  it('refuses a --database-url that is not a postgres:// URL, or one given with --data', async () => {
    const bad = await runCli(['keys', 'list', '--database-url', 'mysql://root:pw@localhost/x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --database-url\/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(bad.stderr).not.toContain(':pw@');
    const both = await runCli(['serve', '--data', tmp, '--database-url', BASE_URL]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^error: --database-url runs on PostgreSQL: it goes with neither --data nor --memory/);
  });
});

describe('several processes on one database', { timeout: 240_000 }, () => {
  it('migrates once when four stores open an empty database at the same time', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all([1, 2, 3, 4].map(() => Store.open({ databaseUrl: url })));
    try {
      const { rows } = await stores[0]!.db.query<{ version: number; n: number }>('select version, count(*)::int as n from schema_migrations group by version order by version');
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      for (const s of stores) expect(await s.schemaVersion()).toBe(rows[rows.length - 1]!.version);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('two server processes started together migrate and load once, and each sees the other\'s writes and the CLI\'s', async () => {
    const url = await freshDatabase();
    const a = spawnServe(['serve', '--port', '0', '--database-url', url]);
    const b = spawnServe(['serve', '--port', '0'], { DATABASE_URL: url });
    try {
      const [urlA, urlB] = await Promise.all([a.url, b.url]);
      // The seed and the upcoming events, loaded by one of them only.
      const store = await Store.open({ databaseUrl: url });
      try {
        const { rows } = await store.db.query<{ name: string }>('select name from data_sets order by name');
        expect(rows.map((r) => r.name)).toEqual(['seed', 'upcoming']);
        const created = await store.db.query<{ n: number }>(`select count(*)::int as n from changes where action = 'created' and kind = 'alliance'`);
        expect(created.rows[0]!.n).toBe(6);
      } finally {
        await store.close();
      }
      expect((await request(urlA, '/v1/alliances')).text).toBe((await request(urlB, '/v1/alliances')).text);

      // A key made on the command line while both servers run: written to the database directly.
      const made = await runCli(['keys', 'create', '--scope', 'admin', '--database-url', url]);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stderr).not.toMatch(/control|sending the change/);
      const key = made.stdout.trim();
      const auth = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };

      const posted = await request(urlA, '/v1/organisations', { method: 'POST', headers: auth, body: JSON.stringify({ id: 'pg-zwei-prozesse', name: 'Zwei Prozesse GmbH', type: 'unternehmen' }) });
      expect(posted.status, posted.text).toBe(201);
      const seen = await request(urlB, '/v1/organisations/pg-zwei-prozesse');
      expect(seen.status).toBe(200);
      expect(seen.json).toEqual(posted.json);

      const patched = await request(urlB, '/v1/organisations/pg-zwei-prozesse', { method: 'PATCH', headers: { ...auth, 'Content-Type': 'application/merge-patch+json' }, body: JSON.stringify({ name: 'Zwei Prozesse AG' }) });
      expect(patched.status, patched.text).toBe(200);
      expect((await request(urlA, '/v1/organisations/pg-zwei-prozesse')).json.name).toBe('Zwei Prozesse AG');

      // Concurrent writes through both: every one lands once, in one history.
      const writes = await Promise.all(Array.from({ length: 20 }, (_, i) => request(i % 2 ? urlA : urlB, `/v1/alliances/${SUEDWEST}/members/pg-zwei-prozesse`, {
        method: 'PUT', headers: auth, body: JSON.stringify({ role: i % 3 ? 'member' : 'lead' }),
      })));
      expect(writes.map((w) => w.status).every((s) => s === 200 || s === 201 || s === 204), writes.map((w) => `${w.status} ${w.text.slice(0, 100)}`).join('\n')).toBe(true);
      expect(writes.filter((w) => w.status === 201)).toHaveLength(1);
      const history = (await request(urlB, `/v1/changes?alliance=${SUEDWEST}&limit=500`)).json.items
        .filter((c: { id: string }) => c.id === `${SUEDWEST}/pg-zwei-prozesse`).map((c: { action: string }) => c.action);
      expect(history[0]).toBe('created');
      expect(history.slice(1).every((a: string) => a === 'updated')).toBe(true);
      const members = await request(urlA, `/v1/alliances/${SUEDWEST}/members?limit=500`);
      expect(members.json.items.filter((m: { id: string }) => m.id === 'pg-zwei-prozesse')).toHaveLength(1);
      const alliance = await request(urlB, `/v1/alliances/${SUEDWEST}`);
      expect(alliance.json.memberCount).toBe(members.json.items.length);

      // keys list on the command line sees the key; revoking it there locks it out of both servers at once.
      const id = key.split('_')[1]!;
      expect((await runCli(['keys', 'list', '--database-url', url])).stdout).toMatch(new RegExp(`^${id}\\tadmin\\tactive\\t`, 'm'));
      expect((await runCli(['keys', 'revoke', id, '--database-url', url])).code).toBe(0);
      for (const base of [urlA, urlB]) {
        const denied = await request(base, '/v1/organisations', { method: 'POST', headers: auth, body: JSON.stringify({ id: 'zu-spaet', name: 'Zu spät', type: 'unternehmen' }) });
        expect(denied.status).toBe(401);
      }
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
    }
    for (const ended of await Promise.all([a.done, b.done])) {
      expect(ended.code, ended.stderr).toBe(0);
      expect(ended.stderr).toMatch(/Data: +PostgreSQL postgres:\/\//);
      if (password) expect(ended.stdout + ended.stderr).not.toContain(`:${password}@`);
    }
  });
});

describe('migrate-to-postgres', { timeout: 300_000 }, () => {
  // What an API user reads: public lists, one alliance's feeds, and (with an admin key) keys and history.
  const PATHS = [
    '/v1/alliances', `/v1/alliances/${SUEDWEST}`, `/v1/alliances/${SUEDWEST}/members?limit=500`, `/v1/alliances/${SUEDWEST}/members.geojson`,
    '/v1/organisations?limit=500', '/v1/events?limit=500', '/v1/events?from=2026-01-01&to=2031-01-01&limit=500',
    `/v1/events.ics?alliance=${SUEDWEST}&from=2026-01-01&to=2031-01-01`, '/v1/focus-areas',
    '/v1/keys', '/v1/changes?limit=500', '/v1/organisations/pg-umzug-gmbh', '/v1/events/geloescht',
  ];
  const read = async (base: string, key: string) => {
    const out: Record<string, string> = {};
    for (const p of PATHS) {
      const r = await request(base, p, { headers: { Authorization: `Bearer ${key}` } });
      // Feeds carry links to the server they came from: the two servers listen on different ports.
      out[p] = `${r.status} ${r.headers.get('content-type')}\n${r.text.replaceAll(base, 'BASE')}`;
    }
    return out;
  };

  it('copies a data directory with writes, keys and history; the server on PostgreSQL answers byte for byte the same', async () => {
    const data = join(tmp, 'umzug');
    const first = await startServer({ port: 0, dataDir: data, ...quiet });
    const admin = await first.createApiKey('admin', 'Umzug');
    const scoped = await first.createApiKey(SUEDWEST, 'Südwest');
    let before: Record<string, string>;
    let lastSeq: number;
    try {
      const auth = { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' };
      const post = async (path: string, body: unknown, method = 'POST', headers: Record<string, string> = auth) => {
        const r = await request(first.url, path, { method, headers, body: JSON.stringify(body) });
        expect(r.status, `${method} ${path}: ${r.text}`).toBeLessThan(300);
        return r;
      };
      await post('/v1/organisations', { id: 'pg-umzug-gmbh', name: 'Umzug GmbH', type: 'unternehmen', aliases: ['Umzüge „ohne Ende“'] });
      await post(`/v1/alliances/${SUEDWEST}/members/pg-umzug-gmbh`, { role: 'lead', since: '2026-03' }, 'PUT');
      await post('/v1/events', { id: 'geloescht', title: 'Wird gelöscht', start: '2030-06-03T18:00:00+02:00', alliances: [SUEDWEST], categories: ['netzwerktreffen'] });
      await request(first.url, '/v1/events/geloescht', { method: 'DELETE', headers: auth });
      await post('/v1/events', { title: 'Bleibt 🙂', start: '2030-07-01T09:30:00+02:00', end: '2030-07-01T12:00:00+02:00', alliances: [SUEDWEST], categories: ['netzwerktreffen'] }, 'POST', { ...auth, Authorization: `Bearer ${scoped}` });
      await post('/v1/organisations/pg-umzug-gmbh', { name: 'Umzug GmbH & Co. KG' }, 'PATCH', { ...auth, 'Content-Type': 'application/merge-patch+json' });
      const revoked = await first.createApiKey('admin', 'widerrufen');
      expect(await first.store.revokeApiKey(revoked.split('_')[1]!)).toBe(true);
      before = await read(first.url, admin);
      const { rows } = await first.store.db.query<{ seq: number }>('select max(seq) as seq from changes');
      lastSeq = rows[0]!.seq;
    } finally {
      await first.close();
    }
    expect(before['/v1/changes?limit=500']).toContain('"action":"deleted"');

    const url = await freshDatabase();
    const moved = await runCli(['migrate-to-postgres', '--data', data, '--database-url', url]);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toMatch(/^alliances +6$/m);
    expect(moved.stdout).toMatch(/^changes +\d+$/m);
    expect(moved.stdout).toMatch(/row counts and sequences verified; schema version \d+/);
    if (password) expect(moved.stdout + moved.stderr).not.toContain(`:${password}@`);

    const onPg = await startServer({ port: 0, databaseUrl: url, ...quiet });
    try {
      const after = await read(onPg.url, admin);
      for (const p of PATHS) expect(after[p], p).toBe(before[p]);
      // The history goes on where it stopped: the next write gets the next number.
      const r = await request(onPg.url, '/v1/organisations', { method: 'POST', headers: { Authorization: `Bearer ${scoped}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'nach-dem-umzug', name: 'Nach dem Umzug', type: 'sonstige' }) });
      expect(r.status, r.text).toBe(201);
      const changes = await request(onPg.url, `/v1/changes?after=${lastSeq}`, { headers: { Authorization: `Bearer ${admin}` } });
      expect(changes.json.items.map((c: { seq: number; id: string }) => [c.seq, c.id])).toEqual([[lastSeq + 1, 'nach-dem-umzug']]);
    } finally {
      await onPg.close();
    }

    // A target that holds data is refused, and overwritten only when told.
    const again = await runCli(['migrate-to-postgres', '--data', data, '--database-url', url]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toMatch(/^error: the target database is not empty \(.*organisations: \d+.*\); pass --replace to overwrite it$/);
    const replaced = await runCli(['migrate-to-postgres', '--data', data, '--database-url', url, '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    const store = await Store.open({ databaseUrl: url });
    try {
      expect((await store.getOrganisation('nach-dem-umzug'))).toBeNull();
      expect((await store.getOrganisation('pg-umzug-gmbh'))?.name).toBe('Umzug GmbH & Co. KG');
    } finally {
      await store.close();
    }
  });

  it('refuses what is not a data directory, and a missing --data or --database-url', async () => {
    const url = await freshDatabase();
    const empty = join(tmp, 'leer');
    const notData = await runCli(['migrate-to-postgres', '--data', empty, '--database-url', url]);
    expect(notData.code).toBe(2);
    expect(notData.stderr).toMatch(/^error: .*leer is not a data directory of the server \(no PG_VERSION in it\)/);
    expect((await runCli(['migrate-to-postgres', '--database-url', url])).stderr).toMatch(/^error: migrate-to-postgres needs --data DIR/);
    const noUrl = await runCli(['migrate-to-postgres', '--data', empty], { DATABASE_URL: '' });
    expect(noUrl.stderr).toMatch(/^error: migrate-to-postgres needs --database-url/);
  });
});
