import type { Queryable } from './database.js';
import type { Store } from './store.js';

/** Thrown when the target database already holds data and `replace` was not given. */
export class TargetNotEmptyError extends Error {
  override name = 'TargetNotEmptyError';
}

/** Thrown when the copy does not match its source afterwards (nothing is left half-copied: it ran in one transaction). */
export class CopyMismatchError extends Error {
  override name = 'CopyMismatchError';
}

/** What {@link copyDatabase} copied: rows per table (in the order copied), and the schema version. */
export interface CopyReport {
  tables: { table: string; rows: number }[];
  schemaVersion: number;
}

/** Rows per statement: bounded by count and by size, so that a batch of large records stays small. */
const BATCH_ROWS = 500;
const BATCH_CHARS = 4_000_000;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tablesOf(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind = 'r' order by 1`);
  return rows.map((r) => r.name);
}

/** Tables ordered so that every table comes after those its foreign keys point to. */
async function insertOrder(db: Queryable, tables: string[]): Promise<string[]> {
  const { rows } = await db.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
     join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = current_schema() and c.oid <> p.oid`);
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${[...path, table].join(' → ')}`);
    for (const r of rows) if (r.child === table) visit(r.parent, [...path, table]);
    ordered.push(table);
  };
  for (const t of tables) visit(t, []);
  return ordered;
}

/** Sequences owned by a column (serial, bigserial, identity), as `{ table, sequence }`. */
async function sequencesOf(db: Queryable, tables: string[]): Promise<{ table: string; sequence: string }[]> {
  const { rows } = await db.query<{ table: string; sequence: string | null }>(
    `select c.table_name as table, pg_get_serial_sequence(format('%I', c.table_name), c.column_name) as sequence
     from information_schema.columns c where c.table_schema = current_schema() and c.table_name = any($1::text[])
     order by 1, 2`, [tables]);
  return rows.filter((r): r is { table: string; sequence: string } => r.sequence !== null);
}

async function counts(db: Queryable, tables: string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const t of tables) {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${ident(t)}`);
    result.set(t, rows[0]!.n);
  }
  return result;
}

/**
 * Copies every table of `source` (a PGlite data directory, say) into `target` (a PostgreSQL
 * database) in one transaction: records with their keys and timestamps, the change history with
 * its sequence numbers, API keys (their hashes, so every key keeps working), the data sets loaded
 * and the migrations applied. Both stores are open, so both are migrated to the same version
 * first. Triggers of the tables are off while their rows are copied: the copied counters (an
 * alliance's member count) are taken as they are, not counted once more. Verifies the row counts
 * and the sequences afterwards.
 *
 * Generic over the tables on purpose: a table a later migration adds is copied without a change here.
 *
 * @throws TargetNotEmptyError when the target holds any row and `replace` is not set.
 */
export async function copyDatabase(source: Store, target: Store, options: { replace?: boolean } = {}): Promise<CopyReport> {
  const src = source.db;
  const tables = await tablesOf(src);
  const targetTables = await tablesOf(target.db);
  if (tables.join() !== targetTables.join()) {
    throw new CopyMismatchError(`the databases have different tables (source: ${tables.join(', ')}; target: ${targetTables.join(', ')})`);
  }
  const version = await source.schemaVersion();
  if (version !== (await target.schemaVersion())) throw new CopyMismatchError(`schema versions differ: source ${version}, target ${await target.schemaVersion()}`);
  const order = await insertOrder(src, tables);
  const sequences = await sequencesOf(src, tables);

  return target.exclusive(async () => {
    // Bookkeeping that every migrated database has (its migrations, the one data-version row) is not data.
    const filled = [...(await counts(target.db, tables))].filter(([t, n]) => n > 0 && t !== 'schema_migrations' && t !== 'data_version');
    if (filled.length && !options.replace) {
      throw new TargetNotEmptyError(`the target database is not empty (${filled.map(([t, n]) => `${t}: ${n}`).join(', ')}); pass --replace to overwrite it`);
    }
    await target.db.transaction(async (tx) => {
      await tx.exec(`truncate ${tables.map(ident).join(', ')} restart identity cascade`);
      for (const table of order) {
        await tx.exec(`alter table ${ident(table)} disable trigger user`);
        // row_to_json keeps json columns as written (key order) and timestamps to the microsecond.
        const { rows } = await src.query<{ r: string }>(`select row_to_json(t)::text as r from ${ident(table)} t`);
        for (let i = 0; i < rows.length;) {
          const batch: string[] = [];
          let size = 0;
          while (i < rows.length && batch.length < BATCH_ROWS && (size < BATCH_CHARS || !batch.length)) {
            batch.push(rows[i]!.r);
            size += rows[i]!.r.length;
            i++;
          }
          await tx.query(`insert into ${ident(table)} select * from json_populate_recordset(null::${ident(table)}, $1::json)`, [`[${batch.join(',')}]`]);
        }
        await tx.exec(`alter table ${ident(table)} enable trigger user`);
      }
      // Where each sequence stands, not the largest value in its column: a deleted last row's number is not handed out again.
      for (const { sequence } of sequences) {
        const { rows } = await src.query<{ last_value: number | bigint; is_called: boolean }>(`select last_value, is_called from ${sequence}`);
        await tx.query('select setval($1::regclass, $2, $3)', [sequence, String(rows[0]!.last_value), rows[0]!.is_called]);
      }
    });
    const before = await counts(src, tables);
    const after = await counts(target.db, tables);
    const wrong = tables.filter((t) => before.get(t) !== after.get(t));
    if (wrong.length) {
      throw new CopyMismatchError(`row counts differ after the copy: ${wrong.map((t) => `${t} ${before.get(t)} → ${after.get(t)}`).join(', ')}`);
    }
    for (const { sequence } of sequences) {
      const [a, b] = await Promise.all([src, target.db].map((db) => db.query<{ v: string }>(`select last_value::text || '/' || is_called::text as v from ${sequence}`)));
      if (a!.rows[0]!.v !== b!.rows[0]!.v) throw new CopyMismatchError(`sequence ${sequence} differs after the copy: ${a!.rows[0]!.v} → ${b!.rows[0]!.v}`);
    }
    return { tables: order.map((table) => ({ table, rows: after.get(table)! })), schemaVersion: version };
  });
}
