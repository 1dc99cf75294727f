import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, type ServerType } from '@hono/node-server';
import { createApp, fastLaneOf, type AppOptions, type RequestLogLine } from './app.js';
import { localUrl, newControlToken, writeControlFile } from './control.js';
import { loadDataSet } from './seed/index.js';
import { Store } from './store/store.js';

/** The data sets a server can load on first start. */
export type DataSetName = 'seed' | 'upcoming' | 'volume';

/** Options of {@link startServer}. */
export interface ServerOptions extends Omit<AppOptions, 'store'> {
  /** TCP port; 0 picks a free one. @default 8080 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Data directory of the embedded database. @default './.data' */
  dataDir?: string;
  /** Keep the database in memory only (tests). @default false */
  memory?: boolean;
  /**
   * A PostgreSQL server instead of the embedded PGlite, e.g. `postgres://user:password@host:5432/db`.
   * Several servers may share one database; `dataDir` and `memory` are then not used.
   */
  databaseUrl?: string;
  /**
   * Data sets loaded into an empty database; a later start loads those a killed first start left
   * out. @default ['seed', 'upcoming']
   */
  dataSets?: readonly DataSetName[];
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** Creates an API key for `admin` or one alliance slug and returns it (shown once). */
  createApiKey(scope: 'admin' | string, label?: string | null): Promise<string>;
  /** Stops accepting connections, lets running requests finish, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (loading the data sets on first start) and serves the API.
 *
 * @example
 * const server = await startServer({ port: 0, memory: true });
 * const res = await fetch(`${server.url}/v1/alliances`);
 * await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const store = await Store.open(
    options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl }
      : options.memory ? { memory: true } : { dataDir: options.dataDir ?? './.data' });
  try {
    // Exclusive: instances that start together on one PostgreSQL database load the data sets once.
    await store.exclusive(async () => {
      // The plan is recorded first, so that a start killed halfway is completed by the next one.
      if (await store.isEmpty()) await store.planDataSets(options.dataSets ?? ['seed', 'upcoming']);
      for (const name of await store.unloadedPlannedDataSets()) await store.load(loadDataSet(name as DataSetName, new Date()));
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  // The command line on this machine reaches the running server with this secret (control.ts).
  // Not on PostgreSQL: there the command line opens the database itself, next to running servers.
  const controlToken = options.memory || options.databaseUrl !== undefined ? undefined : newControlToken();
  const app = createApp({ ...options, store, ...(controlToken ? { controlToken } : {}) });
  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    // What @hono/node-server's serve() does, with a fast lane in front: repeated public reads are
    // answered from the kept answers before the app runs (read-cache.ts).
    const listener = getRequestListener(app.fetch, { hostname: host });
    const lane = fastLaneOf(app);
    const s = createServer(lane
      ? (req, res) => {
        const served = lane(req, res);
        if (served === false) void listener(req, res);
        else if (served !== true) {
          void served.then((ok) => {
            if (!ok) void listener(req, res);
          });
        }
      }
      : listener);
    s.listen(options.port ?? 8080, host, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const removeControl = controlToken
    ? writeControlFile(options.dataDir ?? './.data', { pid: process.pid, url: localUrl(host, port), token: controlToken })
    : () => undefined;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    store,
    createApiKey: async (scope, label = null) => (await store.createApiKey(scope, label)).key,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive connections would hold close() open; running requests still finish.
          (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        removeControl();
        await store.close();
      })();
      return closing;
    },
  };
}

export type { RequestLogLine };
