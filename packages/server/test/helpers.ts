// Shared by the server's tests: a real server on a free port with a real in-memory PGlite (or, when
// FK_TEST_DATABASE_URL is set, a fresh database on that PostgreSQL server), and a small fetch
// wrapper that keeps what an API user gets (status, headers, body text).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import { startServer, type DataSetName, type RequestLogLine, type RunningServer, type ServerOptions } from '../src/index.js';
import { Store } from '../src/store/store.js';

/**
 * A PostgreSQL server the suite runs on instead of PGlite (`scripts/test.mjs` runs the server's
 * tests a second time with it): a role that may create databases, e.g.
 * postgres://fk_test:fk_test@127.0.0.1:5432/fk_test.
 */
export const TEST_DATABASE_URL = process.env.FK_TEST_DATABASE_URL || undefined;

/** A database of its own for one test server or store, dropped by `drop`. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database on the PostgreSQL server of FK_TEST_DATABASE_URL, so that every test
 * server starts from nothing, as an in-memory PGlite does. Collation C: the order PGlite sorts
 * names in (byte order), whatever locale the cluster was created with.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) throw new Error('FK_TEST_DATABASE_URL is not set');
  const name = `fk_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    drop: () => (dropped ??= admin(async (c) => {
      await c.query(`drop database if exists ${name} with (force)`);
    })),
  };
}

/** A store for tests of the store itself: in-memory PGlite, or a fresh PostgreSQL database. */
export async function openTestStore(): Promise<{ store: Store; close(): Promise<void> }> {
  if (!TEST_DATABASE_URL) {
    const store = await Store.open({ memory: true });
    return { store, close: () => store.close() };
  }
  const db = await createTestDatabase();
  const store = await Store.open({ databaseUrl: db.url });
  return { store, close: async () => {
    await store.close();
    await db.drop();
  } };
}

/** A started test server and every log line it wrote. */
export interface TestServer {
  srv: RunningServer;
  lines: RequestLogLine[];
}

/**
 * Starts an in-memory server (no demo page, no CDN folder) that logs into an array. With
 * FK_TEST_DATABASE_URL set it runs on a fresh PostgreSQL database instead, dropped on close.
 */
export async function startTestServer(
  dataSets: readonly DataSetName[] = ['seed', 'upcoming'],
  options: Partial<ServerOptions> = {},
): Promise<TestServer> {
  const lines: RequestLogLine[] = [];
  const db = TEST_DATABASE_URL && options.dataDir === undefined && options.databaseUrl === undefined ? await createTestDatabase() : undefined;
  let srv: RunningServer;
  try {
    srv = await startServer({
      // Tests write far faster than people: the rate limit has a test of its own with small numbers.
      port: 0, memory: true, dataSets, log: (l) => lines.push(l), siteDir: null, cdnDir: null, adminDir: null,
      writeLimit: { perMinute: 60_000, burst: 10_000 }, ...(db ? { databaseUrl: db.url } : {}), ...options,
    });
  } catch (error) {
    await db?.drop();
    throw error;
  }
  if (!db) return { srv, lines };
  const close = srv.close;
  let closing: Promise<void> | undefined;
  return {
    srv: { ...srv, close: () => (closing ??= close().then(() => db.drop())) },
    lines,
  };
}

/** What a request returned. `json` is the parsed body when it is JSON, else undefined. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** Sends a request to `base + path` and reads the whole answer. */
export async function request(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json: unknown;
  if (/json/.test(res.headers.get('content-type') ?? '') && text) json = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, json };
}

/** Follows `nextCursor` to the end and returns every item (and the number of pages). */
export async function allPages<T = any>(base: string, path: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await request(base, cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
    items.push(...res.json.items);
    cursor = res.json.nextCursor;
    pages++;
    if (pages > 10_000) throw new Error('pagination does not end');
  } while (cursor);
  return { items, pages };
}

/** Asserts an RFC 9457 problem with this status, and (optionally) the parameters it names. */
export function expectProblem(res: Answer, status: number, parameters?: string[]): void {
  expect(res.status, res.text.slice(0, 500)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.json).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  if (parameters) {
    const named = (res.json.errors ?? []).map((e: { parameter: string }) => e.parameter);
    // A list value is named with its index (`type[0]`), a body field with its path (`body.end`).
    for (const p of parameters) {
      expect(named.some((n: string) => n === p || n.startsWith(`${p}[`)), `${p} in errors[].parameter of ${res.text.slice(0, 300)}`).toBe(true);
    }
  }
}

/** No stack frame, file path or SQL error text may reach a client. */
export function expectNoInternals(res: Answer): void {
  expect(res.text).not.toMatch(/\n\s+at |\bat .+\.(?:ts|js):\d+|node_modules|\/work\/|syntax error at|invalid input syntax/);
}

export const SUEDWEST = 'fachkraefteallianz-suedwest';
export const LUDWIGSBURG = 'fachkraefteallianz-landkreis-ludwigsburg';
export const LEINE_WESER = 'fachkraeftebuendnis-leine-weser';
export const HEILBRONN = 'fachkraeftebuendnis-heilbronn-franken';
export const WALDSHUT = 'netzwerk-fachkraefte-landkreis-waldshut';
export const BW = 'allianz-fuer-fachkraefte-bw';
