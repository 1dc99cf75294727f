import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The little the store needs from a database connection, met by PGlite (one embedded connection)
 * and by a pool of connections to a PostgreSQL server (`pg`). Rows come back parsed the same way
 * from both, so what the API answers is byte for byte the same on either.
 */
export interface Queryable {
  /** One statement with `$1`… parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A transaction: every query inside it goes through this object (PGlite hangs otherwise). */
export type Transaction = Queryable;

/** A database the store runs on. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while no other process on the same database runs an `exclusive` block: migrations and
   * the first start's loading. PGlite needs nothing (its data directory is locked per process);
   * on PostgreSQL it is an advisory lock, so that several instances may start at once.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Thrown when the PostgreSQL server cannot be reached or refuses the login; names the URL without its password. */
export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
}

/**
 * PGlite's settings: its own defaults, with PostgreSQL's buffer cache at 32 MB instead of 128 MB.
 * PGlite keeps the buffers in its WebAssembly memory, which never shrinks; the volume data set
 * (10,000 events) reads as fast with 32 MB, and the process holds about 60 MB less
 * (PGLITE_SHARED_BUFFERS overrides it).
 */
const PGLITE_OPTIONS = {
  startParams: [
    ...((PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams ?? []),
    '-c', `shared_buffers=${process.env.PGLITE_SHARED_BUFFERS ?? '32MB'}`,
  ],
};

/** An embedded PGlite database: a data directory, or memory only when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  let db: PGlite;
  if (dataDir === undefined) {
    db = await PGlite.create(PGLITE_OPTIONS);
  } else {
    const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
    db = await PGlite.create(dataDir, PGLITE_OPTIONS);
    if (fresh) {
      // initdb ran in this process, and its WebAssembly instance keeps about 500 MB that never
      // shrink. The directory is initialised now: opening it anew does without them.
      await db.close();
      db = await PGlite.create(dataDir, PGLITE_OPTIONS);
    }
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <T>(sql: string, params?: readonly unknown[]) => ({ rows: (await q.query<T>(sql, params as unknown[] | undefined)).rows }),
    exec: async (sql) => {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    exclusive: (fn) => fn(),
    close: async () => {
      if (!db.closed) await db.close();
    },
  };
}

/**
 * `url` as it may be shown in logs and errors: without the password (also one given as a query
 * parameter).
 */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    for (const key of [...u.searchParams.keys()]) if (/pass|secret|key/i.test(key)) u.searchParams.set(key, '***');
    return u.toString();
  } catch {
    return '(a database URL that is not a URL)';
  }
}

/** True for the URLs {@link openPostgres} takes. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(value);
}

// Parsed as PGlite parses them (its types.ts), so records and counts look the same on both: int8
// as a number while it is safe (else a BigInt; pg gives strings), dates as Date at UTC midnight (pg
// takes local midnight). json, jsonb, timestamptz, int4, bool and text[] already agree.
const INT8 = 20;
const DATE = 1082;
const parseInt8 = (text: string) => {
  const n = BigInt(text);
  return n < Number.MIN_SAFE_INTEGER || n > Number.MAX_SAFE_INTEGER ? n : Number(n);
};
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return parseInt8;
    if (oid === DATE) return (text: string) => (text === 'infinity' ? Infinity : text === '-infinity' ? -Infinity : new Date(text));
    return (pg.types.getTypeParser as (oid: number, format?: string) => (text: string) => unknown)(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

/** Why a connection attempt failed, in one line (a refused `localhost` is an AggregateError of ::1 and 127.0.0.1). */
function reason(error: unknown): string {
  const e = error as Error & { code?: string; errors?: Error[] };
  if (e.errors?.length) return reason(e.errors[0]);
  if (e.code === 'ECONNREFUSED') return `connection refused (${e.message.replace(/^connect ECONNREFUSED /, '')}): is PostgreSQL running there?`;
  if (e.code === 'ENOTFOUND') return `host not found (${e.message})`;
  return e.message || String(error);
}

/**
 * Hash of "fachkraefte-server" as a 63-bit number: the advisory lock of {@link Database.exclusive}.
 * Fixed, so that every version of the server excludes every other.
 */
const LOCK_KEY = '5836210985467327133';

/** A pool of connections to the PostgreSQL server at `url`; checks the connection before it returns. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const shown = redactDatabaseUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: options.max ?? 10,
    // An unreachable host fails the start within seconds instead of hanging.
    connectionTimeoutMillis: 10_000,
    application_name: 'fachkraefte-server',
    // PGlite runs in UTC: the same session time zone keeps anything rendered by the database the same.
    options: '-c TimeZone=UTC',
  });
  // An idle connection the server dropped (restart, network) must not end the process: the pool
  // replaces it, and the next query reports a failure if the server stays gone.
  pool.on('error', (err) => console.error(`PostgreSQL (${shown}): an idle connection failed: ${err.message}`));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseConnectError(`cannot connect to PostgreSQL at ${shown}: ${reason(error)}`);
  }
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: readonly unknown[]) => ({ rows: (await q.query(sql, params as unknown[] | undefined)).rows as T[] }),
    exec: async (sql) => {
      await q.query(sql); // without parameters pg uses the simple protocol: several statements are fine
    },
  });
  let closed = false;
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch((e: Error) => (broken = e));
        throw error;
      } finally {
        // A connection whose rollback failed is in no known state: the pool drops it.
        client.release(broken);
      }
    },
    async exclusive(fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
        try {
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
