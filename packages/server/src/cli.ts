#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Control, readControlFile } from './control.js';
import { checkDataSet } from './seed/file.js';
import { isDataSetName, loadDataSet } from './seed/index.js';
import type { DataSet } from './seed/types.js';
import { startServer, type DataSetName } from './server.js';
import { ICalendarParseError } from './export/ics-import.js';
import { importICalendar, type ImportReport } from './store/import-ics.js';
import { DataDirInUseError } from './store/data-lock.js';
import { copyDatabase, CopyMismatchError, TargetNotEmptyError } from './store/copy-database.js';
import { DatabaseConnectError, isPostgresUrl, redactDatabaseUrl } from './store/database.js';
import { type ApiKeyRecord, Store } from './store/store.js';

const USAGE = `fachkraefte-server — the reference API of the Fachkräfte project

Usage:
  fachkraefte-server [serve] [--port 8080] [--host 127.0.0.1] [--data DIR | --memory | --database-url URL]
                     [--data-sets seed,upcoming] [--cors-write-origin URL ...] [--cache-mb 32]
                     [--max-age 60]
  fachkraefte-server keys create --scope admin|<alliance-slug> [--label TEXT] [--data DIR | --database-url URL]
  fachkraefte-server keys list [--data DIR | --database-url URL]
  fachkraefte-server keys revoke <id> [--data DIR | --database-url URL]
  fachkraefte-server load <seed|upcoming|volume|FILE.json> [--data DIR | --database-url URL]
  fachkraefte-server import-ics <FILE.ics> --alliance <slug> [--dry-run] [--data DIR | --database-url URL]
  fachkraefte-server migrate-to-postgres --data DIR --database-url URL [--replace]

--database-url postgres://user:password@host:5432/database runs on a PostgreSQL server instead of
the embedded database; several servers may share it. keys, load and import-ics write to it directly.

keys, load and import-ics work while a server uses the same data directory: they send the change
through its API (control.json in the data directory), so the server keeps running.

migrate-to-postgres copies a data directory (stop its server first) into an empty PostgreSQL
database: every record, key, change and the schema version; --replace overwrites a database that
holds data.

Environment (flags win): PORT, HOST, DATABASE_URL, FK_DATA_DIR, FK_MEMORY=1, FK_DATA_SETS,
FK_CORS_WRITE_ORIGINS (comma-separated), FK_CACHE_MB (memory for rendered answers kept per data
version; 0 turns it off), FK_MAX_AGE (seconds browsers and caches may keep a read; a change reaches
every reader within twice it). The data directory defaults to ./.data; on first start the data sets
(default seed,upcoming) are loaded into the empty database.`;

/** A mistake in how the CLI was called: printed with the usage, exit code 2. */
class UsageError extends Error {}

function readDataSetFile(path: string): DataSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const checked = checkDataSet(json);
  if (checked.issues) {
    const lines = checked.issues.slice(0, 10).map((i) => `  ${i.parameter}: ${i.message}`);
    throw new UsageError(`${path} is not a data set:\n${lines.join('\n')}`);
  }
  return checked.set;
}

function port(value: string | undefined): number {
  const n = Number(value ?? 8080);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port/PORT must be a port number 0–65535, not "${value}"`);
  return n;
}

function cacheMb(value: string | undefined): { maxBytes: number } | false {
  if (value === undefined) return { maxBytes: 32 * 1024 * 1024 };
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 65536) throw new UsageError(`--cache-mb/FK_CACHE_MB must be a number of megabytes 0–65536, not "${value}"`);
  return n === 0 ? false : { maxBytes: Math.round(n * 1024 * 1024) };
}

function maxAge(value: string | undefined): number {
  if (value === undefined) return 60;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 86_400) throw new UsageError(`--max-age/FK_MAX_AGE must be whole seconds 0–86400, not "${value}"`);
  return n;
}

function dataSets(value: string | undefined): DataSetName[] {
  if (value === undefined) return ['seed', 'upcoming'];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) if (!isDataSetName(name)) throw new UsageError(`unknown data set "${name}"; known: seed, upcoming, volume`);
  return names as DataSetName[];
}

/** What `keys`, `load` and `import-ics` need: the database itself, or a running server's API. */
interface Backend {
  createKey(scope: string, label: string): Promise<{ id: string; key: string }>;
  listKeys(): Promise<ApiKeyRecord[]>;
  revokeKey(id: string): Promise<boolean>;
  load(set: DataSet | { name: DataSetName }): Promise<{ name: string; alliances: number; organisations: number; memberships: number; events: number }>;
  importIcs(text: string, alliance: string, dryRun: boolean): Promise<ImportReport>;
  close(): Promise<void>;
}

/** The database directly, when no server holds the data directory (or it is a PostgreSQL server). */
function localBackend(store: Store, where: string): Backend {
  const known = async (slug: string) => {
    if (!(await store.allianceExists(slug))) throw new UsageError(`no alliance "${slug}" in ${where}`);
  };
  return {
    createKey: async (scope, label) => {
      if (scope !== 'admin') await known(scope);
      return store.createApiKey(scope, label, CLI_ACTOR);
    },
    listKeys: () => store.listApiKeys(),
    revokeKey: (id) => store.revokeApiKey(id, CLI_ACTOR),
    load: async (what) => {
      const set = 'alliances' in what ? what : loadDataSet(what.name, new Date());
      return { name: set.name, ...(await store.load(set)) };
    },
    importIcs: async (text, alliance, dryRun) => {
      await known(alliance);
      return importICalendar(store, text, { alliance, dryRun, actor: CLI_ACTOR });
    },
    close: () => store.close(),
  };
}

/** The history's record of changes made on the command line without a server. */
const CLI_ACTOR = { keyId: 'local', label: 'Kommandozeile auf dem Server', scope: 'admin' };

/**
 * A running server's API, reached with the secret it wrote into the data directory (control.ts):
 * the server stays up, and what the command changes is visible at once.
 */
function remoteBackend(control: Control): Backend {
  const call = async (method: string, path: string, body?: string, type = 'application/json'): Promise<{ status: number; json: any }> => {
    let res: Response;
    try {
      res = await fetch(control.url + path, {
        method,
        headers: { Authorization: `Bearer ${control.token}`, ...(body !== undefined ? { 'Content-Type': type } : {}) },
        ...(body !== undefined ? { body } : {}),
      });
    } catch (err) {
      throw new Error(`the server of this data directory (process ${control.pid}, ${control.url}) does not answer: ${(err as Error).message}`);
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's error page, say: say so instead of failing with a parser's stack trace.
      throw new Error(`${control.url}${path} answered ${res.status} with something that is not JSON: ${text.slice(0, 120)}`);
    }
    if (res.ok || res.status === 404) return { status: res.status, json };
    const detail = json?.detail ?? `HTTP ${res.status}`;
    const errors = (json?.errors ?? []).slice(0, 10).map((e: { parameter: string; message: string }) => `\n  ${e.parameter}: ${e.message}`).join('');
    if (res.status === 400 || res.status === 403 || res.status === 409 || res.status === 413) throw new UsageError(`${detail}${errors}`);
    throw new Error(`the server answered ${res.status}: ${detail}`);
  };
  const notFound = (r: { status: number; json: any }) => {
    if (r.status === 404) throw new UsageError(r.json?.detail ?? 'not found');
    return r.json;
  };
  return {
    createKey: async (scope, label) => {
      const r = notFound(await call('POST', '/v1/keys', JSON.stringify({ scope, label })));
      return { id: r.id, key: r.key };
    },
    listKeys: async () => notFound(await call('GET', '/v1/keys')).items,
    revokeKey: async (id) => (await call('DELETE', `/v1/keys/${encodeURIComponent(id)}`)).status === 204,
    load: async (what) => notFound(await call('POST', '/v1/data-sets', JSON.stringify(what))),
    importIcs: async (text, alliance, dryRun) =>
      notFound(await call('POST', `/v1/alliances/${encodeURIComponent(alliance)}/imports${dryRun ? '?dryRun=true' : ''}`, text, 'text/calendar')),
    close: async () => undefined,
  };
}

/**
 * The database when it is free; the running server's API when a server holds it. A PostgreSQL
 * database is always opened directly: it serves running servers and the command line at once.
 */
async function openBackend(dataDir: string, databaseUrl: string | undefined): Promise<Backend> {
  if (databaseUrl !== undefined) return localBackend(await Store.open({ databaseUrl }), redactDatabaseUrl(databaseUrl));
  try {
    return localBackend(await Store.open({ dataDir }), dataDir);
  } catch (err) {
    if (!(err instanceof DataDirInUseError)) throw err;
    const control = readControlFile(dataDir);
    if (!control) throw err;
    console.error(`a server (process ${control.pid}) uses ${dataDir}: sending the change through its API at ${control.url}`);
    return remoteBackend(control);
  }
}

/** "3.12.2026" from an ISO start ("2026-12-03…"); "7.2016" and "2016" for dates known to the month or year. */
function germanDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  return [m[3], m[2], m[1]].filter((x) => x !== undefined).map((x) => String(Number(x))).join('.');
}

/** An event of the import report as a coordinator knows it: title, date, then the UID to find it in the file. */
function eventName(e: { title: string | null; start: string | null; uid: string | null }): string {
  const date = e.start ? ` (${germanDate(e.start)})` : '';
  return `${e.title ?? '(no title)'}${date}  [${e.uid === null ? 'no UID' : `uid ${e.uid}`}]`;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      memory: { type: 'boolean' },
      'data-sets': { type: 'string' },
      'cors-write-origin': { type: 'string', multiple: true },
      'cache-mb': { type: 'string' },
      'max-age': { type: 'string' },
      scope: { type: 'string' },
      alliance: { type: 'string' },
      'dry-run': { type: 'boolean' },
      label: { type: 'string' },
      'database-url': { type: 'string' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const env = process.env;
  const dataDir = values.data ?? env.FK_DATA_DIR ?? './.data';
  const [command = 'serve', ...rest] = positionals;
  if (values['database-url'] !== undefined && (values.data !== undefined || values.memory) && command !== 'migrate-to-postgres') {
    throw new UsageError('--database-url runs on PostgreSQL: it goes with neither --data nor --memory');
  }
  // DATABASE_URL is the environment's choice; an explicit --data or --memory overrides it (not for
  // migrate-to-postgres, which takes both a data directory and a database).
  const envUrl = env.DATABASE_URL || undefined;
  const databaseUrl = values['database-url'] ?? (command === 'migrate-to-postgres' || (values.data === undefined && !values.memory) ? envUrl : undefined);
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    throw new UsageError(`--database-url/DATABASE_URL must be a postgres:// or postgresql:// URL, not "${redactDatabaseUrl(databaseUrl)}"`);
  }

  if (command === 'migrate-to-postgres') {
    if (rest.length) throw new UsageError(`migrate-to-postgres takes no arguments, got: ${rest.join(' ')}`);
    const from = values.data ?? env.FK_DATA_DIR;
    if (from === undefined) throw new UsageError('migrate-to-postgres needs --data DIR, the PGlite data directory to copy');
    if (databaseUrl === undefined) throw new UsageError('migrate-to-postgres needs --database-url postgres://… (or DATABASE_URL), the database to copy into');
    // Opening a directory that is not one would create an empty database there and copy nothing.
    if (!existsSync(join(from, 'PG_VERSION'))) throw new UsageError(`${from} is not a data directory of the server (no PG_VERSION in it)`);
    const shownUrl = redactDatabaseUrl(databaseUrl);
    const source = await Store.open({ dataDir: from });
    try {
      const target = await Store.open({ databaseUrl });
      try {
        console.error(`copying ${from} (schema version ${await source.schemaVersion()}) to ${shownUrl} …`);
        const report = await copyDatabase(source, target, { replace: values.replace ?? false });
        const width = Math.max(...report.tables.map((t) => t.table.length));
        for (const t of report.tables) console.log(`${t.table.padEnd(width)}  ${t.rows}`);
        const total = report.tables.reduce((n, t) => n + t.rows, 0);
        console.log(`copied ${total} rows in ${report.tables.length} tables; row counts and sequences verified; schema version ${report.schemaVersion}`);
        console.error(`start the server with --database-url ${shownUrl} (the data directory ${from} is left as it was)`);
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
    return 0;
  }

  if (command === 'serve') {
    if (rest.length) throw new UsageError(`serve takes no arguments, got: ${rest.join(' ')}`);
    const memory = values.memory ?? env.FK_MEMORY === '1';
    const server = await startServer({
      port: port(values.port ?? env.PORT),
      host: values.host ?? env.HOST ?? '127.0.0.1',
      ...(databaseUrl !== undefined ? { databaseUrl } : memory ? { memory: true } : { dataDir }),
      dataSets: dataSets(values['data-sets'] ?? env.FK_DATA_SETS),
      corsWriteOrigins: values['cors-write-origin'] ?? (env.FK_CORS_WRITE_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      responseCache: cacheMb(values['cache-mb'] ?? env.FK_CACHE_MB),
      maxAge: maxAge(values['max-age'] ?? env.FK_MAX_AGE),
    });
    const shown = server.url.replace('127.0.0.1', 'localhost');
    console.error(`Fachkräfte API: ${shown}/v1/alliances  (OpenAPI: ${shown}/v1/openapi.json)`);
    console.error(`Demo page:      ${shown}/`);
    const data = databaseUrl !== undefined ? `PostgreSQL ${redactDatabaseUrl(databaseUrl)}` : memory ? 'in memory' : dataDir;
    console.error(`Data:           ${data}; stop with Ctrl+C`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        console.error(`${signal}: finishing running requests, closing the database …`);
        server.close().then(resolve, (err) => {
          console.error(err);
          process.exitCode = 1;
          resolve();
        });
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    return process.exitCode === 1 ? 1 : 0;
  }

  if (command === 'keys' || command === 'load' || command === 'import-ics') {
    const backend = await openBackend(dataDir, databaseUrl);
    try {
      if (command === 'import-ics') {
        const file = rest[0];
        if (!file || rest.length > 1) throw new UsageError('import-ics takes one .ics file');
        if (!values.alliance) throw new UsageError('import-ics needs --alliance <slug>');
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (err) {
          throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
        }
        let report: ImportReport;
        try {
          report = await backend.importIcs(text, values.alliance, values['dry-run'] ?? false);
        } catch (err) {
          if (err instanceof ICalendarParseError) throw new UsageError(`${file}: ${err.message}`);
          throw err;
        }
        const dry = values['dry-run'] ? ' (dry run: nothing written)' : '';
        console.log(`${file} → ${values.alliance}${dry}: ${report.added.length} added, ${report.changed.length} changed, ${report.unchanged.length} unchanged, ${report.skipped.length} skipped`);
        for (const a of report.added) console.log(`  added     ${eventName(a)}`);
        for (const c of report.changed) console.log(`  changed   ${eventName(c)}: ${c.fields.join(', ')}`);
        for (const s of report.skipped) console.log(`  skipped   ${eventName(s)}, VEVENT #${s.vevent}${s.line === null ? '' : ` (line ${s.line})`}: ${s.reason}`);
        return 0;
      }
      if (command === 'load') {
        const what = rest[0];
        if (!what || rest.length > 1) throw new UsageError('load takes one data set name or JSON file');
        const counts = await backend.load(isDataSetName(what) ? { name: what } : readDataSetFile(what));
        console.log(`loaded ${counts.name}: ${counts.alliances} alliances, ${counts.organisations} organisations, ${counts.memberships} memberships, ${counts.events} events`);
        return 0;
      }
      const [sub, ...args] = rest;
      if (sub === 'create') {
        const scope = values.scope;
        if (!scope) throw new UsageError('keys create needs --scope admin or --scope <alliance-slug>');
        const { id, key } = await backend.createKey(scope, values.label ?? `Kommandozeile, ${new Date().toISOString().slice(0, 10)}`);
        console.error(`created key ${id} for ${scope}; it is shown once, store it now:`);
        console.log(key);
        return 0;
      }
      if (sub === 'list') {
        if (args.length) throw new UsageError('keys list takes no arguments');
        for (const k of await backend.listKeys()) console.log(`${k.id}\t${k.scope}\t${k.revokedAt ? 'revoked' : 'active'}\t${k.createdAt}\t${k.label ?? ''}`);
        return 0;
      }
      if (sub === 'revoke') {
        if (args.length !== 1) throw new UsageError('keys revoke takes one key id (see keys list)');
        if (!(await backend.revokeKey(args[0]!))) throw new UsageError(`no active key with id ${args[0]}`);
        console.log(`revoked ${args[0]}`);
        return 0;
      }
      throw new UsageError(`unknown keys command "${sub ?? ''}"; use create, list or revoke`);
    } finally {
      await backend.close();
    }
  }
  throw new UsageError(`unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`error: ${(err as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    // A data directory another process holds, a database that cannot be reached or is not empty:
    // a clear line, not a stack trace.
    const clear = [DataDirInUseError, DatabaseConnectError, TargetNotEmptyError, CopyMismatchError].some((c) => err instanceof c);
    console.error(clear ? `error: ${(err as Error).message}` : err);
    process.exit(1);
  },
);
