import { createHash, randomBytes } from 'node:crypto';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
  type Alliance, type AllianceFilters, DEFAULT_LIMIT, type Event, type EventFilters, type FocusArea,
  type Member, type MemberFilters, type Membership, type Organisation, type OrganisationFilters,
} from '@fachkraefte/schema';
import type { DataSet } from '../seed/types.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { lockDataDir } from './data-lock.js';
import { berlinMidnight, eventRange } from './event-range.js';
import { migrations } from './migrations.js';
import { foldForSearch, likePattern } from './search.js';
import { addDays } from '../export/zoned-time.js';

type Db = PGlite | Transaction;

/** A page of results with the cursor of the next one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Thrown for a cursor this server did not make; the routes answer 400. */
export class BadCursorError extends Error {
  override name = 'BadCursorError';
}

/** Where the database lives: a data directory, or memory only (tests). */
export type StoreOptions = { dataDir: string; memory?: false } | { memory: true; dataDir?: undefined };

/** An API key's scope: every alliance, or one. */
export type KeyScope = { admin: true } | { admin: false; alliance: string };

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
 * memory. Filterable fields live in columns, the rest of each record as JSONB, so records keep
 * their exact published shape while queries stay indexed.
 */
export class Store {
  private constructor(readonly db: PGlite, private readonly unlock: () => void) {}

  /**
   * Opens (and migrates) the database. A data directory is locked for this process until
   * {@link close}.
   *
   * @throws DataDirInUseError when another running process has the data directory open.
   */
  static async open(options: StoreOptions): Promise<Store> {
    if (options.memory) return Store.ready(await PGlite.create(), () => undefined);
    const unlock = lockDataDir(options.dataDir);
    try {
      return await Store.ready(await PGlite.create(options.dataDir), unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  private static async ready(db: PGlite, unlock: () => void): Promise<Store> {
    const store = new Store(db, unlock);
    await store.migrate();
    return store;
  }

  private async migrate(): Promise<void> {
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

  /** The schema version the database is at. */
  async schemaVersion(): Promise<number> {
    const { rows } = await this.db.query<{ v: number | null }>('select max(version) as v from schema_migrations');
    return rows[0]?.v ?? 0;
  }

  /** Closes the database; PGlite flushes its files first. */
  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
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
   * changes nothing. Bulk inserts go through json_array_elements (json keeps key order), one statement a table.
   */
  async load(set: DataSet): Promise<{ alliances: number; organisations: number; memberships: number; events: number }> {
    await this.db.transaction(async (tx) => {
      if (set.alliances.length) {
        await tx.query(
          `insert into alliances (slug, name, kind, state, search, doc)
           select x->>'slug', x->>'name', x->>'kind', x->>'state', x->>'search', x->'doc' from json_array_elements($1::json) x
           on conflict (slug) do update set name = excluded.name, kind = excluded.kind, state = excluded.state, search = excluded.search, doc = excluded.doc`,
          [JSON.stringify(set.alliances.map((a) => ({ slug: a.slug, name: a.name, kind: a.kind, state: a.state, search: allianceSearch(a), doc: a })))],
        );
      }
      if (set.organisations.length) {
        await tx.query(
          `insert into organisations (id, name, type, search, doc)
           select x->>'id', x->>'name', x->>'type', x->>'search', x->'doc' from json_array_elements($1::json) x
           on conflict (id) do update set name = excluded.name, type = excluded.type, search = excluded.search, doc = excluded.doc`,
          [JSON.stringify(set.organisations.map((o) => ({ id: o.id, name: o.name, type: o.type, search: organisationSearch(o), doc: o })))],
        );
      }
      if (set.memberships.length) {
        await tx.query(
          `insert into memberships (alliance, organisation, role, since)
           select x->>'alliance', x->>'organisation', x->>'role', x->>'since' from json_array_elements($1::json) x
           on conflict (alliance, organisation) do update set role = excluded.role, since = excluded.since`,
          [JSON.stringify(set.memberships)],
        );
      }
      if (set.events.length) {
        await tx.query(
          `insert into events (id, starts_at, range_end, status, categories, alliances, search, doc)
           select x->>'id', (x->>'startsAt')::timestamptz, (x->>'rangeEnd')::timestamptz, x->>'status',
                  array(select json_array_elements_text(x->'categories')), array(select json_array_elements_text(x->'alliances')),
                  x->>'search', x->'doc'
           from json_array_elements($1::json) x
           on conflict (id) do update set starts_at = excluded.starts_at, range_end = excluded.range_end, status = excluded.status,
             categories = excluded.categories, alliances = excluded.alliances, search = excluded.search, doc = excluded.doc`,
          [JSON.stringify(set.events.map((e) => this.eventRow(e)))],
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
      status: e.status, categories: e.categories, alliances: e.alliances, search: eventSearch(e), doc: e,
    };
  }

  // ----- alliances -----

  private readonly allianceSelect =
    'select a.doc, a.member_count from alliances a';

  private static alliance(row: { doc: Omit<Alliance, 'memberCount'>; member_count: number }): Alliance {
    return { ...row.doc, memberCount: row.member_count };
  }

  private static member(row: { doc: Organisation; role: Member['membership']['role']; since: string | null }): Member {
    return { ...row.doc, membership: { role: row.role, since: row.since } };
  }

  async listAlliances(f: AllianceFilters): Promise<Page<Alliance>> {
    const limit = f.limit ?? DEFAULT_LIMIT;
    const w = new Where();
    if (f.state) w.add((p) => `a.state = ${p(f.state)}`);
    if (f.kind) w.add((p) => `a.kind = ${p(f.kind)}`);
    if (f.q) w.add((p) => `a.search like ${p(likePattern(f.q!))}`);
    const after = cursorKey(f.cursor, 2);
    if (after) w.add((p) => `(a.name, a.slug) > (${p(after[0])}, ${p(after[1])})`);
    const { rows } = await this.db.query<{ doc: Alliance; member_count: number }>(
      `${this.allianceSelect} ${w} order by a.name, a.slug limit ${w.param(limit + 1)}`, w.params);
    return pageOf(rows.map(Store.alliance), limit, (a) => [a.name, a.slug]);
  }

  async getAlliance(slug: string): Promise<Alliance | null> {
    const { rows } = await this.db.query<{ doc: Alliance; member_count: number }>(`${this.allianceSelect} where a.slug = $1`, [slug]);
    return rows[0] ? Store.alliance(rows[0]) : null;
  }

  async allianceExists(slug: string, db: Db = this.db): Promise<boolean> {
    const { rows } = await db.query('select 1 from alliances where slug = $1', [slug]);
    return rows.length > 0;
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
    const { rows } = await this.db.query<{ doc: Organisation; role: Member['membership']['role']; since: string | null }>(
      `select o.doc, m.role, m.since from memberships m join organisations o on o.id = m.organisation ${w}
       order by o.name, o.id limit ${w.param(limit + 1)}`, w.params);
    return pageOf(rows.map(Store.member), limit, (o) => [o.name, o.id]);
  }

  /** Every member of an alliance (for GeoJSON), or null when the alliance does not exist. */
  async allMembers(slug: string): Promise<Member[] | null> {
    if (!(await this.allianceExists(slug))) return null;
    const { rows } = await this.db.query<{ doc: Organisation; role: Member['membership']['role']; since: string | null }>(
      `select o.doc, m.role, m.since from memberships m join organisations o on o.id = m.organisation
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
    const { rows } = await this.db.query<{ doc: Organisation }>(
      `select o.doc from organisations o ${w} order by o.name, o.id limit ${w.param(limit + 1)}`, w.params);
    return pageOf(rows.map((r) => r.doc), limit, (o) => [o.name, o.id]);
  }

  async getOrganisation(id: string, db: Db = this.db): Promise<Organisation | null> {
    const { rows } = await db.query<{ doc: Organisation }>('select doc from organisations where id = $1', [id]);
    return rows[0]?.doc ?? null;
  }

  /** Slugs of the alliances an organisation is a member of. */
  async allianceSlugsOf(id: string, db: Db = this.db): Promise<string[]> {
    const { rows } = await db.query<{ alliance: string }>('select alliance from memberships where organisation = $1', [id]);
    return rows.map((r) => r.alliance);
  }

  /** Inserts an organisation; false when the id is taken. */
  async createOrganisation(o: Organisation): Promise<boolean> {
    const { rows } = await this.db.query(
      `insert into organisations (id, name, type, search, doc) values ($1, $2, $3, $4, $5::json) on conflict (id) do nothing returning id`,
      [o.id, o.name, o.type, organisationSearch(o), JSON.stringify(o)]);
    return rows.length > 0;
  }

  /**
   * Reads, changes and writes an organisation in one transaction; `change` sees the stored record
   * and returns the new one (or throws to abort).
   */
  async updateOrganisation(id: string, change: (current: Organisation, tx: Transaction) => Promise<Organisation> | Organisation): Promise<Organisation | null> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ doc: Organisation }>('select doc from organisations where id = $1 for update', [id]);
      if (!rows[0]) return null;
      const next = await change(rows[0].doc, tx);
      await tx.query('update organisations set name = $2, type = $3, search = $4, doc = $5::json where id = $1',
        [id, next.name, next.type, organisationSearch(next), JSON.stringify(next)]);
      return next;
    });
  }

  async deleteOrganisation(id: string): Promise<boolean> {
    const { rows } = await this.db.query('delete from organisations where id = $1 returning id', [id]);
    return rows.length > 0;
  }

  // ----- memberships -----

  /** Creates or replaces a membership; `created` tells which. */
  async putMembership(m: Membership): Promise<{ created: boolean }> {
    const { rows } = await this.db.query<{ inserted: boolean }>(
      `insert into memberships (alliance, organisation, role, since) values ($1, $2, $3, $4)
       on conflict (alliance, organisation) do update set role = excluded.role, since = excluded.since
       returning (xmax = 0) as inserted`,
      [m.alliance, m.organisation, m.role, m.since]);
    return { created: rows[0]!.inserted };
  }

  async deleteMembership(alliance: string, organisation: string): Promise<boolean> {
    const { rows } = await this.db.query('delete from memberships where alliance = $1 and organisation = $2 returning 1', [alliance, organisation]);
    return rows.length > 0;
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
    const { rows } = await this.db.query<{ doc: Event; starts_at: Date }>(
      `select e.doc, e.starts_at from events e ${w} order by e.starts_at, e.id limit ${w.param(limit + 1)}`, w.params);
    const page = pageOf(rows, limit, (r) => [r.starts_at.toISOString(), r.doc.id]);
    return { items: page.items.map((r) => r.doc), nextCursor: page.nextCursor };
  }

  /** Every event that matches, for the feed, up to `max`. */
  async allEvents(f: Omit<EventFilters, 'limit' | 'cursor'>, max: number): Promise<Event[]> {
    const w = this.eventWhere(f);
    const { rows } = await this.db.query<{ doc: Event }>(
      `select e.doc from events e ${w} order by e.starts_at, e.id limit ${w.param(max)}`, w.params);
    return rows.map((r) => r.doc);
  }

  async getEvent(id: string): Promise<Event | null> {
    const { rows } = await this.db.query<{ doc: Event }>('select doc from events where id = $1', [id]);
    return rows[0]?.doc ?? null;
  }

  async createEvent(e: Event): Promise<boolean> {
    const r = this.eventRow(e);
    const { rows } = await this.db.query(
      `insert into events (id, starts_at, range_end, status, categories, alliances, search, doc)
       values ($1, $2::timestamptz, $3::timestamptz, $4, $5::text[], $6::text[], $7, $8::json) on conflict (id) do nothing returning id`,
      [r.id, r.startsAt, r.rangeEnd, r.status, r.categories, r.alliances, r.search, JSON.stringify(e)]);
    return rows.length > 0;
  }

  async updateEvent(id: string, change: (current: Event, tx: Transaction) => Promise<Event> | Event): Promise<Event | null> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ doc: Event }>('select doc from events where id = $1 for update', [id]);
      if (!rows[0]) return null;
      const next = await change(rows[0].doc, tx);
      const r = this.eventRow(next);
      await tx.query(
        `update events set starts_at = $2::timestamptz, range_end = $3::timestamptz, status = $4, categories = $5::text[], alliances = $6::text[], search = $7, doc = $8::json where id = $1`,
        [id, r.startsAt, r.rangeEnd, r.status, r.categories, r.alliances, r.search, JSON.stringify(next)]);
      return next;
    });
  }

  async deleteEvent(id: string): Promise<boolean> {
    const { rows } = await this.db.query('delete from events where id = $1 returning id', [id]);
    return rows.length > 0;
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
  async createApiKey(scope: 'admin' | string, label: string | null = null): Promise<{ id: string; key: string }> {
    if (scope !== 'admin' && !(await this.allianceExists(scope))) throw new Error(`unknown alliance: ${scope}`);
    const id = randomBytes(6).toString('hex');
    const key = `fk_${id}_${randomBytes(32).toString('base64url')}`;
    await this.db.query('insert into api_keys (id, hash, scope, label) values ($1, $2, $3, $4)', [id, hashKey(key), scope, label]);
    return { id, key };
  }

  /** The scope of a key, or null for an unknown or revoked key. */
  async scopeOfKey(key: string): Promise<KeyScope | null> {
    const { rows } = await this.db.query<{ scope: string }>('select scope from api_keys where hash = $1 and revoked_at is null', [hashKey(key)]);
    const scope = rows[0]?.scope;
    if (scope === undefined) return null;
    return scope === 'admin' ? { admin: true } : { admin: false, alliance: scope };
  }

  async listApiKeys(): Promise<{ id: string; scope: string; label: string | null; createdAt: string; revoked: boolean }[]> {
    const { rows } = await this.db.query<{ id: string; scope: string; label: string | null; created_at: Date; revoked_at: Date | null }>(
      'select id, scope, label, created_at, revoked_at from api_keys order by created_at');
    return rows.map((r) => ({ id: r.id, scope: r.scope, label: r.label, createdAt: r.created_at.toISOString(), revoked: r.revoked_at !== null }));
  }

  async revokeApiKey(id: string): Promise<boolean> {
    const { rows } = await this.db.query('update api_keys set revoked_at = now() where id = $1 and revoked_at is null returning id', [id]);
    return rows.length > 0;
  }
}
