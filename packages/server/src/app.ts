import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { compress } from './http/compress.js';
import { fastLane, readCache, ResponseCache, type ResponseCacheOptions, versionETag, versionValidators } from './http/read-cache.js';
import { HttpProblem } from './http/problem.js';
import { WriteLimiter } from './http/rate-limit.js';
import { adminRoutes, MAX_DATA_SET_BYTES } from './routes/admin.js';
import { allianceRoutes, MAX_IMPORT_BYTES } from './routes/alliances.js';
import type { AppEnv } from './routes/common.js';
import { builderPage, embedPages, oembedRoute } from './routes/embed.js';
import { eventRoutes } from './routes/events.js';
import { healthRoute, metaRoutes } from './routes/meta.js';
import { organisationRoutes } from './routes/organisations.js';
import { createOpenApiDocument } from '@fachkraefte/schema/openapi';
import { BadCursorError, type Store, withWriteVersion } from './store/store.js';

/** One structured log line per request: never a key, a body or the client's IP address. */
export interface RequestLogLine {
  time: string;
  level: 'info' | 'warn' | 'error';
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Set when the request sent a conditional header (If-None-Match). */
  conditional?: boolean;
  error?: string;
}

/** Options of {@link createApp}. */
export interface AppOptions {
  store: Store;
  /** Receives one line per request. @default writes JSON lines to stdout */
  log?: (line: RequestLogLine) => void;
  /** Origins that may send writes from a browser (CORS). @default none */
  corsWriteOrigins?: readonly string[];
  /** Largest request body in bytes. @default 65536 */
  maxBodyBytes?: number;
  /**
   * `max-age` of GET answers in seconds, for browsers and shared caches; caches may also serve an
   * answer this much longer while they revalidate it. So a change is visible everywhere within
   * twice this time (the freshness bound of docs/server.md). @default 60
   */
  maxAge?: number;
  /** Writes per API key: a burst, refilled at `perMinute`. @default { perMinute: 120, burst: 60 } */
  writeLimit?: { perMinute: number; burst: number };
  /** The secret of the command line on this machine (see control.ts): an admin key kept in memory. */
  controlToken?: string;
  /**
   * Rendered public answers kept in memory per data version, URL and encoding; `false` renders
   * every request. @default { maxBytes: 32 MiB, maxEntries: 2000 }
   */
  responseCache?: ResponseCacheOptions | ResponseCache | false;
  /** Folder served at `/` (the demo page). @default examples/municipal-page of this repository */
  siteDir?: string | null;
  /** Folder served at `/cdn/` (the widgets' CDN build). @default packages/widgets/dist/cdn */
  cdnDir?: string | null;
  /** Folder served at `/verwaltung/` (the coordinators' app). @default packages/admin/dist */
  adminDir?: string | null;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * What this server's code renders, for validators: its version and its API description. ETags of
 * public answers derive from the data version and this, so that an upgrade that renders the same
 * data differently does not answer 304 with the old rendering.
 */
function renderIdentity(): string {
  let version = '';
  try {
    version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    // Bundled without its package.json: the API description alone.
  }
  return createHash('sha1').update(version).update('\0').update(JSON.stringify(createOpenApiDocument())).digest('hex');
}

/**
 * Which methods each API path takes: an unknown method on a known path gets 405 with `Allow`,
 * an unknown path 404. Most specific first.
 */
const ROUTE_METHODS: [RegExp, string][] = [
  [/^\/v1\/alliances$/, 'GET, HEAD, POST'],
  [/^\/v1\/alliances\/[^/]+\/members\.geojson$/, 'GET, HEAD'],
  [/^\/v1\/alliances\/[^/]+\/members$/, 'GET, HEAD'],
  [/^\/v1\/alliances\/[^/]+\/members\/[^/]+$/, 'PUT, DELETE'],
  [/^\/v1\/alliances\/[^/]+\/imports$/, 'POST'],
  [/^\/v1\/alliances\/[^/]+$/, 'GET, HEAD, PATCH, DELETE'],
  [/^\/v1\/keys$/, 'GET, HEAD, POST'],
  [/^\/v1\/keys\/self$/, 'GET, HEAD'],
  [/^\/v1\/keys\/[^/]+$/, 'DELETE'],
  [/^\/v1\/changes$/, 'GET, HEAD'],
  [/^\/v1\/data-sets$/, 'POST'],
  [/^\/v1\/organisations$/, 'GET, HEAD, POST'],
  [/^\/v1\/organisations\/[^/]+$/, 'GET, HEAD, PATCH, DELETE'],
  [/^\/v1\/events$/, 'GET, HEAD, POST'],
  [/^\/v1\/events\.ics$/, 'GET, HEAD'],
  [/^\/v1\/events\/[^/]+\.ics$/, 'GET, HEAD'],
  [/^\/v1\/events\/[^/]+$/, 'GET, HEAD, PATCH, DELETE'],
  [/^\/v1\/focus-areas$/, 'GET, HEAD'],
  [/^\/v1\/openapi\.json$/, 'GET, HEAD'],
  [/^\/healthz$/, 'GET, HEAD'],
  [/^\/oembed$/, 'GET, HEAD'],
];

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Query parameter names under which clients send API keys (`?api_key=…`, `?token=…`). */
const SECRET_PARAM = /^(?:api[_-]?key|key|access[_-]?token|token)$/i;

/** The query string with the value of every {@link SECRET_PARAM} replaced, for the log. */
function redactSecrets(search: string): string {
  return search.replace(/([?&])([^=&]*)=([^&]*)/g, (all, sep: string, name: string) => {
    // Decoded as the server reads it: `api%5Fkey` is `api_key`.
    const decoded = [...new URLSearchParams(`${name}=`).keys()][0] ?? '';
    return SECRET_PARAM.test(decoded) ? `${sep}${name}=[redacted]` : all;
  });
}

/**
 * The coordinators' app: its own code only, no third-party host, never framed (it holds a key).
 * `form-action 'self'`: its forms never submit anywhere, they are sent by script.
 */
export const ADMIN_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** basemap.de, the member map's default tiles (BKG), shown on the demo page after consent. */
const DEMO_TILE_HOST = 'https://sgx.geodatenzentrum.de';

/** Whether the client closed the connection before its request was read to the end. */
function clientClosed(c: Context<AppEnv>): boolean {
  const incoming = (c.env as { incoming?: { readableAborted?: boolean } } | undefined)?.incoming;
  return c.req.raw.signal.aborted || incoming?.readableAborted === true;
}

function problemResponse(problem: HttpProblem, instance: string): Response {
  return new Response(JSON.stringify(problem.toProblem(instance)), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...problem.headers },
  });
}

/** CORS: reads from anywhere (the widgets run on other sites); writes only from listed origins. */
function cors(writeOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      const wanted = (c.req.header('access-control-request-method') ?? '').toUpperCase();
      const headers: Record<string, string> = { Vary: 'Origin', 'Access-Control-Max-Age': '600' };
      if (READ_METHODS.has(wanted)) {
        Object.assign(headers, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'If-None-Match' });
      } else if (origin && writeOrigins.includes(origin)) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-None-Match',
        });
      }
      return c.body(null, 204, headers);
    }
    await next();
    if (READ_METHODS.has(c.req.method)) {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Access-Control-Expose-Headers', 'ETag, Location, Retry-After');
    } else if (origin && writeOrigins.includes(origin)) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', 'ETag, Location');
      c.header('Vary', 'Origin', { append: true });
    }
  };
}

/** The fast lane of each app's kept answers, for a Node server in front of it (see {@link fastLaneOf}). */
const fastLanes = new WeakMap<Hono<AppEnv>, ReturnType<typeof fastLane>>();

/**
 * The fast lane of an app made by {@link createApp} (undefined without a response cache): a Node
 * request listener that answers repeated public reads from the kept answers before the app runs,
 * and returns false (or a promise of false) for every request the app must answer.
 */
export function fastLaneOf(app: Hono<AppEnv>): ReturnType<typeof fastLane> | undefined {
  return fastLanes.get(app);
}

/**
 * Log lines to stdout, written once per turn of the event loop rather than once per request: under
 * load that is one write for many requests. Lines still pending are written when the process exits.
 */
let sharedStdoutLog: ((line: RequestLogLine) => void) | undefined;
function stdoutLog(): (line: RequestLogLine) => void {
  // One writer per process, however many apps: one exit listener, one order of lines.
  return (sharedStdoutLog ??= makeStdoutLog());
}
function makeStdoutLog(): (line: RequestLogLine) => void {
  let pending = '';
  const flush = () => {
    const text = pending;
    pending = '';
    if (text) process.stdout.write(text);
  };
  process.once('exit', flush);
  return (line) => {
    if (!pending) setImmediate(flush);
    pending += `${JSON.stringify(line)}\n`;
  };
}

/**
 * The reference API as a Hono app: runtime-portable (Node, Deno, Bun, workers), small, and with
 * standard middleware for ETags and body limits instead of hand-written ones.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const log = options.log ?? stdoutLog();
  const maxAge = options.maxAge ?? 60;
  const writeLimiter = new WriteLimiter(options.writeLimit?.perMinute, options.writeLimit?.burst);
  const maxBody = options.maxBodyBytes ?? 65_536;
  /** Bodies larger than JSON records: an .ics file to import, a whole data set for an admin. */
  const bodyLimitOf = (path: string) =>
    /^\/v1\/alliances\/[^/]+\/imports$/.test(path) ? MAX_IMPORT_BYTES : path === '/v1/data-sets' ? MAX_DATA_SET_BYTES : maxBody;
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('store', options.store);
    c.set('writeLimiter', writeLimiter);
    if (options.controlToken) c.set('controlToken', options.controlToken);
    try {
      await next();
    } finally {
      const status = c.res?.status ?? 500;
      const url = new URL(c.req.url);
      const error = c.get('error');
      log({
        time: new Date().toISOString(),
        level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
        method: c.req.method,
        path: url.pathname + redactSecrets(url.search),
        status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        ...(c.req.header('if-none-match') ? { conditional: true } : {}),
        ...(error ? { error } : {}),
      });
    }
  });

  // A key in the URL ends up in logs, proxies and browser histories: refused on every path, before
  // anything reads it, and never logged (the log line shows `api_key=[redacted]`).
  app.use('*', async (c, next) => {
    const name = [...new URL(c.req.url).searchParams.keys()].find((k) => SECRET_PARAM.test(k));
    if (name !== undefined) {
      // Readable from any origin (it holds no data): a widget on another site can show why, instead of "network error".
      throw new HttpProblem(400, `Do not send an API key in the URL (${name}): send it in the header "Authorization: Bearer <key>".`, [
        { parameter: name, message: 'must not be used: an API key goes in the header "Authorization: Bearer <key>"' },
      ], { 'Access-Control-Allow-Origin': '*' });
    }
    await next();
  });

  // Public reads: the data version, the ETag derived from it, and kept rendered answers. Outside
  // compression and the header middlewares, so a kept answer is exactly the bytes sent before.
  const renderId = renderIdentity();
  const responseCache = options.responseCache === false ? null
    : options.responseCache instanceof ResponseCache ? options.responseCache : new ResponseCache(options.responseCache);
  if (responseCache) fastLanes.set(app, fastLane(responseCache, renderId, options.store, log));
  app.use('/v1/*', responseCache
    ? readCache(responseCache, renderId)
    : async (c, next) => {
      if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !c.req.header('authorization')) {
        c.set('etag', versionETag(renderId, await c.var.store.dataVersion(), c.req.url));
      }
      await next();
    });

  app.use('*', compress());

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  });

  app.use('/v1/*', cors(options.corsWriteOrigins ?? []));
  app.use('/v1/*', async (c, next) => {
    await next();
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && (c.res.status === 200 || c.res.status === 304) && !c.res.headers.has('cache-control')) {
      // stale-while-revalidate no longer than max-age: a change reaches every reader within 2 × max-age.
      c.header('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${maxAge}`);
    } else if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS' && !c.res.headers.has('cache-control')) {
      c.header('Cache-Control', 'no-store');
    }
    if (!c.res.headers.get('content-security-policy')) c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  });
  // Public reads: 304 for the version's ETag before any data is read; that ETag on their 200s.
  app.use('/v1/*', versionValidators());
  // Reads with credentials: strong ETags from a hash of the body; If-None-Match answered with 304
  // (hono/etag; it takes the ETag set above when there is one, and answers `If-None-Match: *`).
  app.use('/v1/*', etag());
  // A write answers with the new record and the ETag a GET of it gives (the data version its
  // transaction left behind, and the record's URL), so a client can revalidate at once.
  app.use('/v1/*', async (c, next) => {
    if (READ_METHODS.has(c.req.method)) return next();
    const { version } = await withWriteVersion(next);
    const type = c.res.headers.get('content-type') ?? '';
    if (!c.res.ok || c.res.status === 204 || !type.startsWith('application/json') || c.req.path.startsWith('/v1/keys')) return;
    const location = c.res.headers.get('location');
    const url = location ? new URL(location, c.req.url).href : c.req.url;
    c.header('ETag', versionETag(renderId, version ?? await c.var.store.dataVersion(), url));
  });
  app.use('/v1/*', (c, next) => {
    const maxSize = bodyLimitOf(c.req.path);
    return bodyLimit({
      maxSize,
      onError: (ctx) => problemResponse(new HttpProblem(413, `The body is larger than ${maxSize} bytes.`), ctx.req.path),
    })(c, next);
  });

  app.route('/v1/alliances', allianceRoutes());
  app.route('/v1/organisations', organisationRoutes());
  app.route('/v1', eventRoutes());
  app.route('/v1', metaRoutes());
  app.route('/v1', adminRoutes());
  app.route('/', healthRoute());

  const siteDir = options.siteDir === undefined ? `${repoRoot}examples/municipal-page` : options.siteDir;
  const hasEmbedPages = Boolean(siteDir && existsSync(join(siteDir, 'embed')));
  app.route('/', oembedRoute({ hasEmbedPages }));

  const cdnDir = options.cdnDir === undefined ? `${repoRoot}packages/widgets/dist/cdn` : options.cdnDir;
  if (cdnDir && existsSync(cdnDir)) {
    app.use('/cdn/*', async (c, next) => {
      await next();
      c.header('Access-Control-Allow-Origin', '*');
      if (c.res.status !== 200 && c.res.status !== 304) return;
      // Chunk names carry a hash of their content: they never change, so caches keep them a year.
      // Entry files (fk.js, one per element) keep their names across releases: short-lived and
      // revalidated (ETag), so a new release reaches pages within 5 minutes.
      c.header('Cache-Control', /^\/cdn\/chunks\/[^/]+-[A-Z0-9]{8}\.js$/.test(c.req.path)
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=300, stale-while-revalidate=60');
    });
    app.use('/cdn/*', etag());
    // `.br` and `.gz` beside each file are made at build time (scripts/precompress.mjs).
    app.use('/cdn/*', serveStatic({ root: cdnDir, precompressed: true, rewriteRequestPath: (p) => p.replace(/^\/cdn/, '') }));
    // The embed builder lives in the CDN folder (so a web team can run it from there); here it is
    // served at /einbinden/ with this server's API, CDN and embed pages as its defaults.
    if (existsSync(join(cdnDir, 'einbinden', 'index.html'))) {
      app.get('/einbinden', (c) => c.redirect('/einbinden/', 301));
      app.use('/einbinden/*', builderPage(cdnDir, { api: '/v1', cdn: '/cdn/', embed: hasEmbedPages ? '/embed/' : '' }));
      app.use('/einbinden/*', serveStatic({ root: join(cdnDir, 'einbinden'), rewriteRequestPath: (p) => p.replace(/^\/einbinden/, '') }));
    }
  }
  const adminDir = options.adminDir === undefined ? `${repoRoot}packages/admin/dist` : options.adminDir;
  if (adminDir && existsSync(adminDir)) {
    app.get('/verwaltung', (c) => c.redirect('/verwaltung/', 301));
    app.use('/verwaltung/*', async (c, next) => {
      await next();
      c.header('Content-Security-Policy', ADMIN_CSP);
      c.header('X-Frame-Options', 'DENY');
      if (c.res.status !== 200 && c.res.status !== 304) return;
      // Script and style names carry a hash of their content (the build's `[name]-[hash]`);
      // index.html names them, so it is revalidated on every visit and a release shows at once.
      c.header('Cache-Control', /-[A-Z0-9]{8}\.(?:js|css)$/.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    });
    app.use('/verwaltung/*', etag());
    app.use('/verwaltung/*', serveStatic({ root: adminDir, rewriteRequestPath: (p) => p.replace(/^\/verwaltung/, '') }));
  }
  if (siteDir && existsSync(siteDir)) {
    app.use('*', async (c, next) => {
      await next();
      if (c.res.headers.get('content-type')?.startsWith('text/html')) {
        // The demo page runs under the strict policy that public sites use: it proves the widgets do.
        // The map's default tile host is allowed, but receives nothing before the visitor agrees.
        // The /embed/ pages are the iframe fallback for CMSs that strip script tags: any site may frame them.
        const ancestors = c.req.path.startsWith('/embed/') ? '*' : "'self'";
        c.header('Content-Security-Policy', `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: ${DEMO_TILE_HOST}; connect-src 'self'; frame-ancestors ${ancestors}; base-uri 'self'; form-action 'self'`);
      }
    });
    app.use('/embed/*', embedPages(siteDir));
    app.use('*', serveStatic({ root: siteDir }));
  }

  app.notFound((c) => {
    const allow = ROUTE_METHODS.find(([re]) => re.test(c.req.path))?.[1];
    if (allow) {
      return problemResponse(new HttpProblem(405, `${c.req.method} is not allowed here; allowed: ${allow}.`, undefined, { Allow: allow }), c.req.path);
    }
    return problemResponse(new HttpProblem(404, `There is nothing at ${c.req.path}. The API lives under /v1; see /v1/openapi.json.`), c.req.path);
  });

  app.onError((err, c) => {
    if (err instanceof HttpProblem) return problemResponse(err, c.req.path);
    if (err instanceof BadCursorError) return problemResponse(new HttpProblem(400, err.message, [{ parameter: 'cursor', message: 'is not a cursor of this server; pass nextCursor unchanged' }]), c.req.path);
    if (clientClosed(c)) {
      // Not ours: the client went away mid-request (gave up sending its body). Logged as nginx's
      // 499 at warn, so that the error level stays for the server's own faults; nobody reads the answer.
      c.set('error', 'client closed the request');
      return new Response(null, { status: 499 });
    }
    // Ours, not the client's: logged with its message, answered without any internals.
    c.set('error', String(err instanceof Error ? err.message : err).slice(0, 500));
    return problemResponse(new HttpProblem(500, 'The server failed to answer this request. It has been logged.'), c.req.path);
  });

  return app;
}
