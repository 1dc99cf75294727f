import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import {
  type Alliance, type AllianceFilters, DEFAULT_LIMIT, type Event, type EventFilters, type FocusArea,
  type Member, type MemberFilters, type Membership, type Organisation, type OrganisationFilters,
} from '@fachkraefte/schema';
import type { DataSet } from '../seed/types.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { type Database, openPglite, openPostgres, type Queryable, type Transaction } from './database.js';
import { lockDataDir } from './data-lock.js';
import { berlinMidnight, eventRange, previousInstant } from './event-range.js';
import { migrations } from './migrations.js';
import { foldForSearch, likePattern } from './search.js';
import { addDays } from '../export/zoned-time.js';

type Db = Queryable;

export type { Database, Transaction };

/** A page of results with the cursor of the next one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Thrown for a cursor this server did not make; the routes answer 400. */
export class BadCursorError extends Error {
  override name = 'BadCursorError';
}

/**
 * Where the database lives: a PGlite data directory, PGlite in memory only (tests), or a PostgreSQL
 * server (`postgres://user:password@host:5432/database`).
 */
export type StoreOptions = (
  | { dataDir: string; memory?: false; databaseUrl?: undefined }
  | { memory: true; dataDir?: undefined; databaseUrl?: undefined }
  | { databaseUrl: string; dataDir?: undefined; memory?: false }
) & {
  /**
   * Whether other processes may write to the same database. A PGlite data directory is locked to
   * one process, so that process knows every write and keeps the data version in memory; a shared
   * database (PostgreSQL behind several instances) has it read from the database for each request
   * (one tiny query, shared by the requests that arrive while it runs). @default true on
   * PostgreSQL, false on PGlite (true there only for tests of the shared path)
   */
  shared?: boolean;
};

/**
 * The data version: `n` counts the writes, `tag` is random per write. Every write moves it on (a
 * trigger on the change history, migration 5), so validators and caches derived from it follow
 * the data, and every instance on one database agrees.
 */
export interface DataVersion {
  n: number;
  tag: string;
}

/** Versions a request's writes committed, for the validators of write answers. */
const writeScope = new AsyncLocalStorage<{ version?: DataVersion }>();

/**
 * Runs `fn` and returns, besides its result, the data version right after the last write
 * transaction it committed (null when it committed none). A write answer's ETag derives from it:
 * the version a GET of the written record gives, unless something else was written since.
 */
export async function withWriteVersion<T>(fn: () => Promise<T>): Promise<{ result: T; version: DataVersion | null }> {
  const seen: { version?: DataVersion } = {};
  const result = await writeScope.run(seen, fn);
  return { result, version: seen.version ?? null };
}

/**
 * A read that is always fresh but shared: a caller gets the result of a read that started after
 * it called. While one read runs, every new caller waits for one next read; so however many
 * requests arrive at once, at most two reads are under way.
 */
class FreshRead<T> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;
  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const settled = this.running.then(() => undefined, () => undefined);
    this.queued = settled.then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  private start(): Promise<T> {
    const p = this.read();
    this.running = p;
    const done = () => {
      if (this.running === p) this.running = null;
    };
    p.then(done, done);
    return p;
  }
}


/** An API key's scope (every alliance, or one), with the key's id and label. */
export type KeyScope = ({ admin: true } | { admin: false; alliance: string }) & { id: string; label: string | null };

/**
 * Who makes a write, as the change history records it: an API key (id, label, scope `admin` or an
 * alliance slug), or the operator loading data (`system`).
 */
export interface Actor {
  keyId: string | null;
  label: string | null;
  scope: string;
}

/** The operator: data sets loaded at the first start or with `load`. */
export const SYSTEM: Actor = { keyId: null, label: null, scope: 'system' };

/** The actor of a request's key. */
export function actorOf(scope: KeyScope): Actor {
  return { keyId: scope.id, label: scope.label, scope: scope.admin ? 'admin' : scope.alliance };
}

/** What a change is about, as `GET /v1/changes` lists it. */
export interface ChangeRow {
  seq: number;
  at: string;
  kind: 'alliance' | 'organisation' | 'membership' | 'event' | 'key';
  id: string;
  action: 'created' | 'updated' | 'deleted';
  alliances: string[];
  fields: string[];
  keyId: string | null;
  label: string | null;
  scope: string;
}

/** Top-level fields whose values differ between two versions of a record. */
export function changedFields(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('modified');
  keys.delete('memberCount');
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...keys].filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null));
}

/** A record as stored: without the fields the database keeps in columns. */
function stored<T extends { modified?: string }>(record: T): Omit<T, 'modified'> {
  const { modified: _, ...rest } = record;
  return rest;
}

/**
 * The event with `previousStart` (null when it has none), placed after `end` as in every record
 * this server writes: data sets and imports written before the field existed leave it out.
 */
function withPreviousStart(e: Event): Event {
  if (e.previousStart !== undefined) return e;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    out[k] = v;
    if (k === 'end') out.previousStart = null;
  }
  return out as Event;
}

/** Rows of a keyset page: fetch one more than asked to learn whether a next page exists. */
function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1]!)) };
}

function cursorKey(cursor: string | undefined, length: number) {
  if (cursor === undefined) return null;
  const key = decodeCursor(cursor, length);
  if (!key) throw new BadCursorError('cursor: not a cursor of this server; pass nextCursor unchanged');
  return key;
}

/** A small builder for WHERE clauses with numbered parameters. */
class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];
  add(sql: (p: (value: unknown) => string) => string): this {
    this.parts.push(sql((value) => {
      this.params.push(value);
      return `$${this.params.length}`;
    }));
    return this;
  }
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  toString(): string {
    return this.parts.length ? `where ${this.parts.join(' and ')}` : '';
  }
}

function allianceSearch(a: Pick<Alliance, 'name' | 'areas'>): string {
  return foldForSearch([a.name, ...a.areas].join(' '));
}
function organisationSearch(o: Pick<Organisation, 'name' | 'aliases' | 'address'>): string {
  return foldForSearch([o.name, ...o.aliases, o.address?.locality ?? ''].join(' '));
}
const iso = (d: Date) => d.toISOString();

function eventSearch(e: Pick<Event, 'title' | 'summary' | 'description' | 'venue'>): string {
  return foldForSearch([e.title, e.summary ?? '', e.description ?? '', e.venue?.name ?? '', e.venue?.address?.locality ?? ''].join(' '));
}

/** The instant a `from`/`to` filter stands for: a date is midnight in Europe/Berlin. */
export function filterInstant(value: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return berlinMidnight(endOfDay ? addDays(value, 1) : value);
  return new Date(value);
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * The database of the reference server: PGlite (PostgreSQL in WASM) in a data directory or in
 * memory, or a PostgreSQL server. Filterable fields live in columns, the rest of each record as
 * JSON, so records keep their exact published shape while queries stay indexed.
 */
export class Store {
  /** The version this process last saw; kept only when no other process writes (PGlite). */
  private version: DataVersion | null = null;
  private readonly versionRead = new FreshRead(() => this.readVersion(this.db));
  private readonly shared: boolean;

  private constructor(readonly db: Database, private readonly unlock: () => void, shared?: boolean) {
    this.shared = shared ?? db.kind === 'postgres';
  }

  /**
   * Opens (and migrates) the database. A data directory is locked for this process until
   * {@link close}; a PostgreSQL server needs no such lock (it serves many processes at once).
   *
   * @throws DataDirInUseError when another running process has the data directory open.
   * @throws DatabaseConnectError when the PostgreSQL server cannot be reached or refuses the login.
   */
  static async open(options: StoreOptions): Promise<Store> {
    if (options.memory) return Store.ready(await openPglite(), () => undefined, options.shared);
    if (options.databaseUrl !== undefined) return Store.ready(await openPostgres(options.databaseUrl), () => undefined, options.shared);
    const unlock = lockDataDir(options.dataDir);
    try {
      return await Store.ready(await openPglite(options.dataDir), unlock, options.shared);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  private static async ready(db: Database, unlock: () => void, shared?: boolean): Promise<Store> {
    const store = new Store(db, unlock, shared);
    try {
      await store.migrate();
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return store;
  }

  /**
   * Runs `fn` while no other process on the same database runs one (an advisory lock on
   * PostgreSQL): migrations, and the data sets of a first start, happen once when several
   * instances start at the same time.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.exclusive(fn);
  }

  /** Which kind of database this store runs on. */
  get kind(): Database['kind'] {
    return this.db.kind;
  }

  private migrate(): Promise<void> {
    return this.exclusive(() => this.migrateNow());
  }

  private async migrateNow(): Promise<void> {
    await this.db.exec('create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())');
    const { rows } = await this.db.query<{ version: number }>('select version from schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await this.db.transaction(async (tx) => {
        await tx.exec(m.sql);
        await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      });
    }
  }

  /**
   * Runs a write transaction and notes the data version it leaves behind (see
   * {@link withWriteVersion}). Every write goes through here.
   */
  private async write<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    let version: DataVersion | undefined;
    const result = await this.db.transaction(async (tx) => {
      const value = await fn(tx);
      version = await this.readVersion(tx);
      return value;
    });
    if (version) {
      // Only after the commit: a reader must never pair a new version with old data.
      this.noteVersion(version);
      const sink = writeScope.getStore();
      if (sink) sink.version = version;
    }
    return result;
  }

  private async readVersion(db: Db): Promise<DataVersion> {
    const { rows } = await db.query<{ n: number; tag: string }>('select n::float8 as n, tag from data_version');
    return { n: Number(rows[0]!.n), tag: rows[0]!.tag };
  }

  private noteVersion(v: DataVersion): void {
    if (!this.shared && (!this.version || v.n >= this.version.n)) this.version = v;
  }

  /**
   * The current data version. Without other writers (PGlite) from memory, without a query; on a
   * shared database from a read that started after this call (never older than the request).
   */
  async dataVersion(): Promise<DataVersion> {
    if (!this.shared && this.version) return this.version;
    const v = await this.versionRead.get();
    this.noteVersion(v);
    return v;
  }

  /**
   * The data version when it is known without a query (a database no other process writes),
   * else `undefined`: then {@link dataVersion} reads it.
   */
  knownDataVersion(): DataVersion | undefined {
    return this.shared ? undefined : (this.version ?? undefined);
  }

  /** The schema version the database is at. */
  async schemaVersion(): Promise<number> {
    const { rows } = await this.db.query<{ v: number | null }>('select max(version) as v from schema_migrations');
    return rows[0]?.v ?? 0;
  }

  /** Closes the database; PGlite flushes its files first, a PostgreSQL pool ends its connections. */
  async close(): Promise<void> {
    await this.db.close();
    this.unlock();
  }

  /** True when the database holds no alliance yet (first start). */
  async isEmpty(): Promise<boolean> {
    const { rows } = await this.db.query<{ n: number }>('select count(*)::int as n from alliances');
    return rows[0]!.n === 0;
  }

  /** Names of the data sets loaded so far. */
  async loadedDataSets(): Promise<string[]> {
    const { rows } = await this.db.query<{ name: string }>('select name from data_sets order by loaded_at');
    return rows.map((r) => r.name);
  }

  /**
   * Records the data sets a first start is to load, in order, unless a plan exists: the plan of the
   * very first start stands, also when that start was killed before it loaded anything.
   */
  async planDataSets(names: readonly string[]): Promise<void> {
    await this.db.query(
      `insert into data_set_plan (name, position)
       select name, min(position) from unnest($1::text[]) with ordinality as p (name, position)
       where not exists (select 1 from data_set_plan) group by name`,
      [names]);
  }

  /** The planned data sets that are not loaded yet, in the planned order. */
  async unloadedPlannedDataSets(): Promise<string[]> {
    const { rows } = await this.db.query<{ name: string }>(
      'select p.name from data_set_plan p where not exists (select 1 from data_sets d where d.name = p.name) order by p.position');
    return rows.map((r) => r.name);
  }

  /**
   * Loads a data set in one transaction, inserting or replacing by id: loading the same set twice
   * changes nothing (and records nothing in the history). Bulk inserts go through
   * json_array_elements (json keeps key order), one statement a table; each statement records what
   * it created or changed in the history, as the operator (`system`) unless `actor` says otherwise.
   */
  async load(set: DataSet, actor: Actor = SYSTEM): Promise<{ alliances: number; organisations: number; memberships: number; events: number }> {
    const who = [actor.keyId, actor.label, actor.scope];
    // $1 is the records, $2–$4 the actor; `up` returns (record, inserted, alliances) of what changed.
    const logged = (kind: string, upsert: string) => `
      with up as (${upsert})
      insert into changes (kind, record, action, alliances, fields, key_id, key_label, key_scope)
      select '${kind}', up.record, case when up.inserted then 'created' else 'updated' end, up.alliances, '{}', $2, $3, $4 from up`;
    await this.write(async (tx) => {
      if (set.alliances.length) {
        await tx.query(logged('alliance', `
          insert into alliances (slug, name, kind, state, search, doc)
          select x->>'slug', x->>'name', x->>'kind', x->>'state', x->>'search', x->'doc' from json_array_elements($1::json) x
          on conflict (slug) do update set name = excluded.name, kind = excluded.kind, state = excluded.state, search = excluded.search, doc = excluded.doc, modified = now()
            where alliances.doc::text is distinct from excluded.doc::text
          returning slug as record, (xmax = 0) as inserted, array[slug] as alliances`),
          [JSON.stringify(set.alliances.map((a) => ({ slug: a.slug, name: a.name, kind: a.kind, state: a.state, search: allianceSearch(a), doc: stored(a as Alliance) }))), ...who],
        );
      }
      if (set.organisations.length) {
        await tx.query(logged('organisation', `
          insert into organisations (id, name, type, search, doc)
          select x->>'id', x->>'name', x->>'type', x->>'search', x->'doc' from json_array_elements($1::json) x
          on conflict (id) do update set name = excluded.name, type = excluded.type, search = excluded.search, doc = excluded.doc, modified = now()
            where organisations.doc::text is distinct from excluded.doc::text
          returning id as record, (xmax = 0) as inserted, array(select alliance from memberships m where m.organisation = id) as alliances`),
          [JSON.stringify(set.organisations.map((o) => ({ id: o.id, name: o.name, type: o.type, search: organisationSearch(o), doc: stored(o) }))), ...who],
        );
      }
      if (set.memberships.length) {
        await tx.query(logged('membership', `
          insert into memberships (alliance, organisation, role, since)
          select x->>'alliance', x->>'organisation', x->>'role', x->>'since' from json_array_elements($1::json) x
          on conflict (alliance, organisation) do update set role = excluded.role, since = excluded.since
            where (memberships.role, memberships.since) is distinct from (excluded.role, excluded.since)
          returning alliance || '/' || organisation as record, (xmax = 0) as inserted, array[alliance] as alliances`),
          [JSON.stringify(set.memberships), ...who],
        );
      }
      if (set.events.length) {
        await tx.query(logged('event', `
          insert into events (id, starts_at, range_end, previous_starts_at, status, categories, alliances, search, doc)
          select x->>'id', (x->>'startsAt')::timestamptz, (x->>'rangeEnd')::timestamptz, (x->>'previousStartsAt')::timestamptz, x->>'status',
                 array(select json_array_elements_text(x->'categories')), array(select json_array_elements_text(x->'alliances')),
                 x->>'search', x->'doc'
          from json_array_elements($1::json) x
          on conflict (id) do update set starts_at = excluded.starts_at, range_end = excluded.range_end, previous_starts_at = excluded.previous_starts_at, status = excluded.status,
            categories = excluded.categories, alliances = excluded.alliances, search = excluded.search, doc = excluded.doc, modified = now()
            where events.doc::text is distinct from excluded.doc::text
          returning id as record, (xmax = 0) as inserted, alliances`),
          [JSON.stringify(set.events.map((e) => this.eventRow(e))), ...who],
        );
      }
      await tx.query('insert into data_sets (name) values ($1) on conflict (name) do update set loaded_at = now()', [set.name]);
    });
    return { alliances: set.alliances.length, organisations: set.organisations.length, memberships: set.memberships.length, events: set.events.length };
  }

  private eventRow(e: Event) {
    const range = eventRange(e);
    return {
      id: e.id, startsAt: range.start.toISOString(), rangeEnd: range.end?.toISOString() ?? null,
      previousStartsAt: e.previousStart ? previousInstant(e.previousStart, e.allDay).toISOString() : null,
      status: e.status, categories: e.categories, alliances: e.alliances, search: eventSearch(e), doc: stored(withPreviousStart(e)),
    };
  }

  // ----- history -----

  /** Records a write in the history, inside the write's transaction. */
  private async record(db: Db, actor: Actor, kind: ChangeRow['kind'], id: string, action: ChangeRow['action'], alliances: readonly string[], fields: readonly string[] = []): Promise<void> {
    await db.query(
      `insert into changes (kind, record, action, alliances, fields, key_id, key_label, key_scope) values ($1, $2, $3, $4::text[], $5::text[], $6, $7, $8)`,
      [kind, id, action, [...new Set(alliances)], fields, actor.keyId, actor.label, actor.scope]);
  }

  /**
   * The change history, oldest first, keyset-paged by `seq`. `kinds` limits what is listed (the
   * history of keys is for admin keys only).
   */
  async listChanges(f: { alliance?: string; since?: string; after?: number; limit?: number; cursor?: string }, kinds: readonly ChangeRow['kind'][]): Promise<Page<ChangeRow>> {
    const limit = f.limit ?? DEFAULT_LIMIT;
    const w = new Where();
    w.add((p) => `c.kind = any(${p(kinds)}::text[])`);
    if (f.alliance) w.add((p) => `c.alliances @> array[${p(f.alliance)}]::text[]`);
    if (f.since) w.add((p) => `c.at > ${p(new Date(f.since!).toISOString())}::timestamptz`);
    if (f.after !== undefined) w.add((p) => `c.seq > ${p(f.after)}`);
    const after = cursorKey(f.cursor, 1);
    if (after) {
      if (typeof after[0] !== 'number' || !Number.isSafeInteger(after[0])) throw new BadCursorError('cursor: not a cursor of this server; pass nextCursor unchanged');
      w.add((p) => `c.seq > ${p(after[0])}`);
    }
    const { rows } = await this.db.query<{ seq: string | number; at: Date; kind: ChangeRow['kind']; record: string; action: ChangeRow['action']; alliances: string[]; fields: string[]; key_id: string | null; key_label: string | null; key_scope: string }>(
      `select c.* from changes c ${w} order by c.seq limit ${w.param(limit + 1)}`, w.params);
    const items = rows.map((r): ChangeRow => ({
      seq: Number(r.seq), at: iso(r.at), kind: r.kind, id: r.record, action: r.action, alliances: r.alliances, fields: r.fields,
      keyId: r.key_id, label: r.key_label, scope: r.key_scope,
    }));
    return pageOf(items, limit, (c) => [c.seq]);
  }

  // ----- alliances -----

  private readonly allianceSelect =
    'select a.doc, a.member_count, a.modified from alliances a';

  private static alliance(row: { doc: Omit<Alliance, 'memberCount'>; member_count: number; modified: Date }): Alliance {
    return { ...row.doc, memberCount: row.member_count, modified: iso(row.modified) };
  }

  private static organisation(row: { doc: Organisation; modified: Date }): Organisation {
    return { ...row.doc, modified: iso(row.modified) };
  }

  private static member(row: { doc: Organisation; modified: Date; role: Member['membership']['role']; since: string | null }): Member {
    return { ...row.doc, modified: iso(row.modified), membership: { role: row.role, since: row.since } };
  }

  private static event(row: { doc: Event; modified: Date }): Event {
    // Records stored before previousStart existed lack it: every answer carries it, null when unknown.
    return { ...row.doc, previousStart: row.doc.previousStart ?? null, modified: iso(row.modified) };
  }

  async listAlliances(f: AllianceFilters): Promise<Page<Alliance>> {
    const limit = f.limit ?? DEFAULT_LIMIT;
    const w = new Where();
    if (f.state) w.add((p) => `a.state = ${p(f.state)}`);
    if (f.kind) w.add((p) => `a.kind = ${p(f.kind)}`);
    if (f.q) w.add((p) => `a.search like ${p(likePattern(f.q!))}`);
    const after = cursorKey(f.cursor, 2);
    if (after) w.add((p) => `(a.name, a.slug) > (${p(after[0])}, ${p(after[1])})`);
    const { rows } = await this.db.query<{ doc: Alliance; member_count: number; modified: Date }>(
      `${this.allianceSelect} ${w} order by a.name, a.slug limit ${w.param(limit + 1)}`, w.params);
    return pageOf(rows.map(Store.alliance), limit, (a) => [a.name, a.slug]);
  }

  async getAlliance(slug: string, db: Db = this.db): Promise<Alliance | null> {
    const { rows } = await db.query<{ doc: Alliance; member_count: number; modified: Date }>(`${this.allianceSelect} where a.slug = $1`, [slug]);
    return rows[0] ? Store.alliance(rows[0]) : null;
  }

  async allianceExists(slug: string, db: Db = this.db): Promise<boolean> {
    const { rows } = await db.query('select 1 from alliances where slug = $1', [slug]);
    return rows.length > 0;
  }

  /** Inserts an alliance; false when the slug is taken. */
  async createAlliance(a: Omit<Alliance, 'memberCount' | 'modified'>, actor: Actor): Promise<Alliance | null> {
    return this.write(async (tx) => {
      const { rows } = await tx.query(
        `insert into alliances (slug, name, kind, state, search, doc) values ($1, $2, $3, $4, $5, $6::json) on conflict (slug) do nothing returning slug`,
        [a.slug, a.name, a.kind, a.state, allianceSearch(a), JSON.stringify(a)]);
      if (!rows.length) return null;
      await this.record(tx, actor, 'alliance', a.slug, 'created', [a.slug]);
      return this.getAlliance(a.slug, tx);
    });
  }

  /**
   * Reads, changes and writes an alliance in one transaction. A new slug is carried into its
   * memberships (by the foreign key), events, keys, child alliances and created organisations.
   */
  async updateAlliance(slug: string, actor: Actor, change: (current: Alliance, tx: Transaction) => Promise<Omit<Alliance, 'memberCount' | 'modified'>> | Omit<Alliance, 'memberCount' | 'modified'>): Promise<Alliance | null> {
    return this.write(async (tx) => {
      // Locked before it is read: a concurrent change waits instead of being overwritten.
      const { rows: locked } = await tx.query('select 1 from alliances where slug = $1 for update', [slug]);
      if (!locked.length) return null;
      const current = (await this.getAlliance(slug, tx))!;
      const { memberCount: _, modified: __, ...next } = (await change(current, tx)) as Alliance;
      const fields = changedFields(current, next);
      if (!fields.length) return current;
      await tx.query('update alliances set slug = $2, name = $3, kind = $4, state = $5, search = $6, doc = $7::json, modified = now() where slug = $1',
        [slug, next.slug, next.name, next.kind, next.state, allianceSearch(next), JSON.stringify(next)]);
      if (next.slug !== slug) await this.renameAllianceReferences(tx, slug, next.slug, actor);
      await this.record(tx, actor, 'alliance', next.slug, 'updated', [slug, next.slug], fields);
      return this.getAlliance(next.slug, tx);
    });
  }

  private async renameAllianceReferences(tx: Transaction, from: string, to: string, actor: Actor): Promise<void> {
    const { rows } = await tx.query<{ id: string; doc: Event }>('select id, doc from events where $1 = any(alliances) for update', [from]);
    for (const row of rows) {
      const doc = { ...row.doc, alliances: row.doc.alliances.map((a) => (a === from ? to : a)) };
      await tx.query('update events set alliances = $2::text[], doc = $3::json, modified = now() where id = $1', [row.id, doc.alliances, JSON.stringify(doc)]);
      await this.record(tx, actor, 'event', row.id, 'updated', [from, ...doc.alliances], ['alliances']);
    }
    const children = await tx.query<{ slug: string; doc: Alliance }>(`select slug, doc from alliances where doc->>'parent' = $1`, [from]);
    for (const child of children.rows) {
      await tx.query('update alliances set doc = $2::json, modified = now() where slug = $1', [child.slug, JSON.stringify({ ...child.doc, parent: to })]);
      await this.record(tx, actor, 'alliance', child.slug, 'updated', [child.slug], ['parent']);
    }
    // The cascaded membership update ran the counting trigger once more for the new slug: count afresh.
    await tx.query('update alliances set member_count = (select count(*) from memberships where alliance = $1) where slug = $1', [to]);
    await tx.query('update api_keys set scope = $2 where scope = $1', [from, to]);
    await tx.query('update organisations set created_by = $2 where created_by = $1', [from, to]);
  }

  /**
   * Deletes an alliance: its memberships go with it (the organisations stay), its keys are revoked,
   * events it organised alone are deleted and co-organised ones lose it. Each is recorded.
   */
  async deleteAlliance(slug: string, actor: Actor): Promise<boolean> {
    return this.write(async (tx) => {
      const { rows } = await tx.query('select 1 from alliances where slug = $1 for update', [slug]);
      if (!rows.length) return false;
      const events = await tx.query<{ id: string; doc: Event }>('select id, doc from events where $1 = any(alliances) for update', [slug]);
      for (const e of events.rows) {
        const rest = e.doc.alliances.filter((a) => a !== slug);
        if (rest.length) {
          const doc = { ...e.doc, alliances: rest };
          await tx.query('update events set alliances = $2::text[], doc = $3::json, modified = now() where id = $1', [e.id, rest, JSON.stringify(doc)]);
          await this.record(tx, actor, 'event', e.id, 'updated', e.doc.alliances, ['alliances']);
        } else {
          await tx.query('delete from events where id = $1', [e.id]);
          await this.record(tx, actor, 'event', e.id, 'deleted', e.doc.alliances);
        }
      }
      const members = await tx.query<{ organisation: string }>('select organisation from memberships where alliance = $1', [slug]);
      for (const m of members.rows) await this.record(tx, actor, 'membership', `${slug}/${m.organisation}`, 'deleted', [slug]);
      await tx.query('update api_keys set revoked_at = now() where scope = $1 and revoked_at is null', [slug]);
      await tx.query('delete from alliances where slug = $1', [slug]);
      await this.record(tx, actor, 'alliance', slug, 'deleted', [slug]);
      return true;
    });
  }

  /** Members of an alliance, or null when the alliance does not exist. */
  async listMembers(slug: string, f: MemberFilters): Promise<Page<Member> | null> {
    if (!(await this.allianceExists(slug))) return null;
    const limit = f.limit ?? DEFAULT_LIMIT;
    const w = new Where();
    w.add((p) => `m.alliance = ${p(slug)}`);
    if (f.type?.length) w.add((p) => `o.type = any(${p(f.type)}::text[])`);
    if (f.q) w.add((p) => `o.search like ${p(likePattern(f.q!))}`);
    const after = cursorKey(f.cursor, 2);
    if (after) w.add((p) => `(o.name, o.id) > (${p(after[0])}, ${p(after[1])})`);
    const { rows } = await this.db.query<{ doc: Organisation; modified: Date; role: Member['membership']['role']; since: string | null }>(
      `select o.doc, o.modified, m.role, m.since from memberships m join organisations o on o.id = m.organisation ${w}
       order by o.name, o.id limit ${w.param(limit + 1)}`, w.params);
    return pageOf(rows.map(Store.member), limit, (o) => [o.name, o.id]);
  }

  /** Every member of an alliance (for GeoJSON), or null when the alliance does not exist. */
  async allMembers(slug: string): Promise<Member[] | null> {
    if (!(await this.allianceExists(slug))) return null;
    const { rows } = await this.db.query<{ doc: Organisation; modified: Date; role: Member['membership']['role']; since: string | null }>(
      `select o.doc, o.modified, m.role, m.since from memberships m join organisations o on o.id = m.organisation
       where m.alliance = $1 order by o.name, o.id`, [slug]);
    return rows.map(Store.member);
  }

  // ----- organisations -----

  async listOrganisations(f: OrganisationFilters): Promise<Page<Organisation>> {
    const limit = f.limit ?? DEFAULT_LIMIT;
    const w = new Where();
    if (f.alliance) w.add((p) => `exists (select 1 from memberships m where m.organisation = o.id and m.alliance = ${p(f.alliance)})`);
    if (f.type?.length) w.add((p) => `o.type = any(${p(f.type)}::text[])`);
    if (f.q) w.add((p) => `o.search like ${p(likePattern(f.q!))}`);
    const after = cursorKey(f.cursor, 2);
    if (after) w.add((p) => `(o.name, o.id) > (${p(after[0])}, ${p(after[1])})`);
    const { rows } = await this.db.query<{ doc: Organisation; modified: Date }>(
      `select o.doc, o.modified from organisations o ${w} order by o.name, o.id limit ${w.param(limit + 1)}`, w.params);
    return pageOf(rows.map(Store.organisation), limit, (o) => [o.name, o.id]);
  }

  async getOrganisation(id: string, db: Db = this.db): Promise<Organisation | null> {
    const { rows } = await db.query<{ doc: Organisation; modified: Date }>('select doc, modified from organisations where id = $1', [id]);
    return rows[0] ? Store.organisation(rows[0]) : null;
  }

  /** Slugs of the alliances an organisation is a member of. */
  async allianceSlugsOf(id: string, db: Db = this.db): Promise<string[]> {
    const { rows } = await db.query<{ alliance: string }>('select alliance from memberships where organisation = $1 order by alliance', [id]);
    return rows.map((r) => r.alliance);
  }

  /** The scope of the key that created an organisation (`admin` or a slug); null for loaded data. */
  async organisationCreator(id: string, db: Db = this.db): Promise<string | null> {
    const { rows } = await db.query<{ created_by: string | null }>('select created_by from organisations where id = $1', [id]);
    return rows[0]?.created_by ?? null;
  }

  /** Inserts an organisation; null when the id is taken. */
  async createOrganisation(o: Organisation, actor: Actor = SYSTEM): Promise<Organisation | null> {
    return this.write(async (tx) => {
      const { rows } = await tx.query(
        `insert into organisations (id, name, type, search, doc, created_by) values ($1, $2, $3, $4, $5::json, $6) on conflict (id) do nothing returning id`,
        [o.id, o.name, o.type, organisationSearch(o), JSON.stringify(stored(o)), actor.scope === 'system' ? null : actor.scope]);
      if (!rows.length) return null;
      await this.record(tx, actor, 'organisation', o.id, 'created', []);
      return this.getOrganisation(o.id, tx);
    });
  }

  /**
   * Reads, changes and writes an organisation in one transaction; `change` sees the stored record
   * and returns the new one (or throws to abort).
   */
  async updateOrganisation(id: string, change: (current: Organisation, tx: Transaction) => Promise<Organisation> | Organisation, actor: Actor = SYSTEM): Promise<Organisation | null> {
    return this.write(async (tx) => {
      const { rows } = await tx.query<{ doc: Organisation; modified: Date }>('select doc, modified from organisations where id = $1 for update', [id]);
      if (!rows[0]) return null;
      const current = Store.organisation(rows[0]);
      const next = stored(await change(current, tx));
      const fields = changedFields(current, next);
      if (!fields.length) return current;
      await tx.query('update organisations set name = $2, type = $3, search = $4, doc = $5::json, modified = now() where id = $1',
        [id, next.name, next.type, organisationSearch(next), JSON.stringify(next)]);
      await this.record(tx, actor, 'organisation', id, 'updated', await this.allianceSlugsOf(id, tx), fields);
      return this.getOrganisation(id, tx);
    });
  }

  async deleteOrganisation(id: string, actor: Actor = SYSTEM): Promise<boolean> {
    return this.write(async (tx) => {
      const alliances = await this.allianceSlugsOf(id, tx);
      const { rows } = await tx.query('delete from organisations where id = $1 returning id', [id]);
      if (!rows.length) return false;
      for (const a of alliances) await this.record(tx, actor, 'membership', `${a}/${id}`, 'deleted', [a]);
      await this.record(tx, actor, 'organisation', id, 'deleted', alliances);
      return true;
    });
  }

  // ----- memberships -----

  /** Creates or replaces a membership; `created` tells which. */
  async putMembership(m: Membership, actor: Actor = SYSTEM): Promise<{ created: boolean }> {
    return this.write(async (tx) => {
      // On PostgreSQL two requests may put the same membership at once, and both would read "none
      // yet" and record a creation. Locking the alliance first makes the second wait and read the
      // first one's row; it costs nothing more, as the member counter updates that row anyway.
      await tx.query('select 1 from alliances where slug = $1 for no key update', [m.alliance]);
      const before = await tx.query<{ role: string; since: string | null }>('select role, since from memberships where alliance = $1 and organisation = $2', [m.alliance, m.organisation]);
      const old = before.rows[0];
      if (old && old.role === m.role && old.since === m.since) return { created: false };
      await tx.query(
        `insert into memberships (alliance, organisation, role, since) values ($1, $2, $3, $4)
         on conflict (alliance, organisation) do update set role = excluded.role, since = excluded.since`,
        [m.alliance, m.organisation, m.role, m.since]);
      const fields = old ? [...(old.role !== m.role ? ['role'] : []), ...(old.since !== m.since ? ['since'] : [])] : [];
      await this.record(tx, actor, 'membership', `${m.alliance}/${m.organisation}`, old ? 'updated' : 'created', [m.alliance], fields);
      return { created: !old };
    });
  }

  async deleteMembership(alliance: string, organisation: string, actor: Actor = SYSTEM): Promise<boolean> {
    return this.write(async (tx) => {
      const { rows } = await tx.query('delete from memberships where alliance = $1 and organisation = $2 returning 1', [alliance, organisation]);
      if (!rows.length) return false;
      await this.record(tx, actor, 'membership', `${alliance}/${organisation}`, 'deleted', [alliance]);
      return true;
    });
  }

  // ----- events -----

  private eventWhere(f: Omit<EventFilters, 'limit'>): Where {
    const w = new Where();
    if (f.to) w.add((p) => `e.starts_at < ${p(filterInstant(f.to!, true).toISOString())}::timestamptz`);
    if (f.from) {
      const from = filterInstant(f.from, false).toISOString();
      // Overlap: still running at `from`, or (for events without duration) starting at it.
      w.add((p) => `(e.range_end is null or e.range_end > ${p(from)}::timestamptz or e.starts_at >= ${p(from)}::timestamptz)`);
    }
    if (f.alliance?.length) w.add((p) => `e.alliances && ${p(f.alliance)}::text[]`);
    if (f.category?.length) w.add((p) => `e.categories && ${p(f.category)}::text[]`);
    if (f.status?.length) w.add((p) => `e.status = any(${p(f.status)}::text[])`);
    if (f.q) w.add((p) => `e.search like ${p(likePattern(f.q!))}`);
    return w;
  }

  async listEvents(f: EventFilters): Promise<Page<Event>> {
    const limit = f.limit ?? DEFAULT_LIMIT;
    const w = this.eventWhere(f);
    const after = cursorKey(f.cursor, 2);
    if (after) {
      // Only the exact form this server writes: Date.parse also takes "1", which PostgreSQL rejects (a 500).
      if (typeof after[0] !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(after[0]) || Number.isNaN(Date.parse(after[0]))) throw new BadCursorError('cursor: not a cursor of this server; pass nextCursor unchanged');
      w.add((p) => `(e.starts_at, e.id) > (${p(after[0])}::timestamptz, ${p(after[1])})`);
    }
    const { rows } = await this.db.query<{ doc: Event; starts_at: Date; modified: Date }>(
      `select e.doc, e.starts_at, e.modified from events e ${w} order by e.starts_at, e.id limit ${w.param(limit + 1)}`, w.params);
    const page = pageOf(rows, limit, (r) => [r.starts_at.toISOString(), r.doc.id]);
    return { items: page.items.map(Store.event), nextCursor: page.nextCursor };
  }

  /** Every event that matches, for the feed, up to `max`. */
  async allEvents(f: Omit<EventFilters, 'limit' | 'cursor'>, max: number): Promise<Event[]> {
    const w = this.eventWhere(f);
    const { rows } = await this.db.query<{ doc: Event; modified: Date }>(
      `select e.doc, e.modified from events e ${w} order by e.starts_at, e.id limit ${w.param(max)}`, w.params);
    return rows.map(Store.event);
  }

  async getEvent(id: string, db: Db = this.db): Promise<Event | null> {
    const { rows } = await db.query<{ doc: Event; modified: Date }>('select doc, modified from events where id = $1', [id]);
    return rows[0] ? Store.event(rows[0]) : null;
  }

  /** Inserts an event; null when the id is taken. */
  async createEvent(e: Event, actor: Actor = SYSTEM): Promise<Event | null> {
    const r = this.eventRow(e);
    return this.write(async (tx) => {
      const { rows } = await tx.query(
        `insert into events (id, starts_at, range_end, status, categories, alliances, search, doc, previous_starts_at)
         values ($1, $2::timestamptz, $3::timestamptz, $4, $5::text[], $6::text[], $7, $8::json, $9::timestamptz) on conflict (id) do nothing returning id`,
        [r.id, r.startsAt, r.rangeEnd, r.status, r.categories, r.alliances, r.search, JSON.stringify(r.doc), r.previousStartsAt]);
      if (!rows.length) return null;
      await this.record(tx, actor, 'event', e.id, 'created', e.alliances);
      return this.getEvent(e.id, tx);
    });
  }

  async updateEvent(id: string, change: (current: Event, tx: Transaction) => Promise<Event> | Event, actor: Actor = SYSTEM): Promise<Event | null> {
    return this.write(async (tx) => {
      const { rows } = await tx.query<{ doc: Event; modified: Date }>('select doc, modified from events where id = $1 for update', [id]);
      if (!rows[0]) return null;
      const current = Store.event(rows[0]);
      const next = await change(current, tx);
      const fields = changedFields(current, next);
      if (!fields.length) return current;
      const r = this.eventRow(next);
      await tx.query(
        `update events set starts_at = $2::timestamptz, range_end = $3::timestamptz, status = $4, categories = $5::text[], alliances = $6::text[], search = $7, doc = $8::json, previous_starts_at = $9::timestamptz, modified = now() where id = $1`,
        [id, r.startsAt, r.rangeEnd, r.status, r.categories, r.alliances, r.search, JSON.stringify(r.doc), r.previousStartsAt]);
      await this.record(tx, actor, 'event', id, 'updated', [...current.alliances, ...next.alliances], fields);
      return this.getEvent(id, tx);
    });
  }

  async deleteEvent(id: string, actor: Actor = SYSTEM): Promise<boolean> {
    return this.write(async (tx) => {
      const { rows } = await tx.query<{ alliances: string[] }>('delete from events where id = $1 returning alliances', [id]);
      if (!rows[0]) return false;
      await this.record(tx, actor, 'event', id, 'deleted', rows[0].alliances);
      return true;
    });
  }

  // ----- focus areas -----

  /** Focus areas named by any alliance, with the alliances that name them, by name. */
  async listFocusAreas(): Promise<FocusArea[]> {
    const { rows } = await this.db.query<{ slug: string; name: string; alliances: string[] }>(
      `select f->>'slug' as slug, min(f->>'name') as name, array_agg(a.slug order by a.slug) as alliances
       from alliances a, json_array_elements(a.doc->'focusAreas') f group by f->>'slug' order by 2, 1`);
    return rows.map((r) => ({ slug: r.slug, name: r.name, alliances: r.alliances }));
  }

  // ----- API keys -----

  /**
   * Creates an API key and returns it once; only its SHA-256 hash is stored. The key carries 256
   * bits of randomness, so a fast hash is enough (no password-style stretching needed).
   */
  async createApiKey(scope: 'admin' | string, label: string | null = null, actor: Actor = SYSTEM): Promise<ApiKeyRecord & { key: string }> {
    if (scope !== 'admin' && !(await this.allianceExists(scope))) throw new Error(`unknown alliance: ${scope}`);
    const id = randomBytes(6).toString('hex');
    const key = `fk_${id}_${randomBytes(32).toString('base64url')}`;
    return this.write(async (tx) => {
      const { rows } = await tx.query<{ created_at: Date }>('insert into api_keys (id, hash, scope, label) values ($1, $2, $3, $4) returning created_at', [id, hashKey(key), scope, label]);
      await this.record(tx, actor, 'key', id, 'created', scope === 'admin' ? [] : [scope]);
      return { id, scope, label, createdAt: iso(rows[0]!.created_at), revokedAt: null, key };
    });
  }

  /** The scope of a key, or null for an unknown or revoked key. */
  async scopeOfKey(key: string): Promise<KeyScope | null> {
    const { rows } = await this.db.query<{ id: string; scope: string; label: string | null }>('select id, scope, label from api_keys where hash = $1 and revoked_at is null', [hashKey(key)]);
    const row = rows[0];
    if (!row) return null;
    return row.scope === 'admin' ? { admin: true, id: row.id, label: row.label } : { admin: false, alliance: row.scope, id: row.id, label: row.label };
  }

  /** Keys without their secrets: every key, or those with this id. */
  async listApiKeys(only?: { id: string }): Promise<ApiKeyRecord[]> {
    const { rows } = await this.db.query<{ id: string; scope: string; label: string | null; created_at: Date; revoked_at: Date | null }>(
      `select id, scope, label, created_at, revoked_at from api_keys ${only ? 'where id = $1' : ''} order by created_at, id`, only ? [only.id] : []);
    return rows.map((r) => ({ id: r.id, scope: r.scope, label: r.label, createdAt: iso(r.created_at), revokedAt: r.revoked_at ? iso(r.revoked_at) : null }));
  }

  async revokeApiKey(id: string, actor: Actor = SYSTEM): Promise<boolean> {
    return this.write(async (tx) => {
      const { rows } = await tx.query<{ scope: string }>('update api_keys set revoked_at = now() where id = $1 and revoked_at is null returning scope', [id]);
      if (!rows[0]) return false;
      await this.record(tx, actor, 'key', id, 'deleted', rows[0].scope === 'admin' ? [] : [rows[0].scope]);
      return true;
    });
  }
}

/** An API key as listed (never its secret). */
export interface ApiKeyRecord {
  id: string;
  scope: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}
