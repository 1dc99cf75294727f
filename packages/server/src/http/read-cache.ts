import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/common.js';
import { feedDefaultFrom } from '../routes/events.js';
import type { DataVersion } from '../store/store.js';
import { negotiate } from './compress.js';

/**
 * The validator of a public answer: a hash of the data version, the URL and what the server's
 * code renders (`renderId`), never of the body. So `If-None-Match` is answered without reading any
 * data, and every instance on one database gives the same ETag for the same answer. Any write
 * changes every ETag: coarser than a hash of each body (a write elsewhere makes clients fetch
 * again what did not change), but a 304 costs no query at all.
 */
export function versionETag(renderId: string, version: DataVersion, url: string): string {
  const h = createHash('sha1').update(renderId).update('\0').update(version.tag).update('\0').update(url);
  // The bare feed's default window moves with the day (FEED_DEFAULT_DAYS_BACK), not with a write.
  if (new URL(url).pathname === '/v1/events.ics') h.update('\0').update(feedDefaultFrom());
  return `"${h.digest('hex')}"`;
}

/** Whether an If-None-Match value names this tag (weak comparison, lists; `*` is left to the route). */
export function namesTag(ifNoneMatch: string, etag: string): boolean {
  const expected = etag.replace(/^W\//, '');
  return ifNoneMatch.match(/(?:W\/)?"[^"]*"/g)?.some((t) => t.replace(/^W\//, '') === expected) ?? false;
}

/** A rendered answer as kept: status, headers and the exact bytes sent. */
interface Kept {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
  /** `headers` flattened as node's `writeHead` takes them, made on the first fast-lane hit. */
  flat?: string[];
  /** The same for a 304: without the headers of the body. */
  notModified?: string[];
}

/** Options of {@link ResponseCache}. */
export interface ResponseCacheOptions {
  /** Most bytes of bodies kept. @default 32 MiB */
  maxBytes?: number;
  /** Most answers kept. @default 2000 */
  maxEntries?: number;
}

/**
 * Rendered (and compressed) answers, least recently used out first, bounded in bytes and entries.
 * Keyed by ETag (data version, URL) and encoding; answers of older versions are dropped as soon as
 * a newer version is seen, so the cache never holds what no request can get.
 */
export class ResponseCache {
  readonly maxBytes: number;
  readonly maxEntries: number;
  private readonly entries = new Map<string, Kept>();
  private bytes = 0;
  private versionN = -1;
  /** Counters for the benchmark and the tests. */
  readonly stats = { hits: 0, misses: 0, stored: 0, evicted: 0 };

  constructor(options: ResponseCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.maxEntries = options.maxEntries ?? 2000;
  }

  /** Bytes and entries held now. */
  get size(): { bytes: number; entries: number } {
    return { bytes: this.bytes, entries: this.entries.size };
  }

  /** Forgets everything when `version` is newer than what the cache holds. */
  seeVersion(version: DataVersion): void {
    if (version.n > this.versionN) {
      this.entries.clear();
      this.bytes = 0;
      this.versionN = version.n;
    }
  }

  get(key: string): Kept | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: moving a hit to the end makes the first entry the least recent.
      this.entries.delete(key);
      this.entries.set(key, hit);
      this.stats.hits++;
    } else {
      this.stats.misses++;
    }
    return hit;
  }

  /** Like {@link get}, but a miss is not counted (the request goes on to {@link get}). */
  peek(key: string): Kept | undefined {
    return this.entries.has(key) ? this.get(key) : undefined;
  }

  set(key: string, kept: Kept, version: DataVersion): void {
    // An answer rendered under an older version than the newest seen is of no use any more.
    if (version.n < this.versionN || kept.body.byteLength > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, kept);
    this.bytes += kept.body.byteLength;
    this.stats.stored++;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
      this.bytes -= v.body.byteLength;
      this.stats.evicted++;
    }
  }
}

/** Whether a request is public: no credentials, so its answer is the same for everyone. */
export function isPublicRead(c: Context<AppEnv>): boolean {
  return (c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.header('authorization') === undefined;
}

function keep(res: Response): boolean {
  const cc = res.headers.get('cache-control') ?? '';
  return res.status === 200 && /(?:^|,)\s*public\b/.test(cc) && !/private|no-store/.test(cc) && !res.headers.has('set-cookie');
}

function answer(kept: Kept, head: boolean): Response {
  return new Response(head ? null : kept.body, { status: kept.status, headers: kept.headers });
}

/**
 * The read side of the API for public GET/HEAD requests: reads the data version once, sets the
 * request's ETag from it (`c.var.etag`), and serves a kept answer when one was rendered for this
 * version, URL and encoding. A miss renders as before (routes, compression, headers) and keeps the
 * answer when it is a public 200. Concurrent misses of one key render once. Requests with an
 * Authorization header pass by untouched: their answers may depend on the key.
 */
export function readCache(cache: ResponseCache, renderId: string): MiddlewareHandler<AppEnv> {
  const rendering = new Map<string, Promise<Kept | null>>();
  return async (c, next) => {
    if (!isPublicRead(c)) return next();
    const version = await c.var.store.dataVersion();
    cache.seeVersion(version);
    const etag = versionETag(renderId, version, c.req.url);
    c.set('etag', etag);
    const inm = c.req.header('if-none-match');
    // A matching validator is answered further in (cheaply, without data); `*` needs the route.
    if (inm && (inm.trim() === '*' || namesTag(inm, etag))) return next();
    const head = c.req.method === 'HEAD';
    const key = `${etag}|${negotiate(c.req.header('accept-encoding')) ?? ''}`;
    const kept = cache.get(key) ?? (await rendering.get(key));
    if (kept) {
      c.res = answer(kept, head);
      return;
    }
    // HEAD answers are not compressed (no body): they may use a kept GET answer, never make one.
    if (head) return next();
    let settle: (k: Kept | null) => void = () => undefined;
    rendering.set(key, new Promise((resolve) => (settle = resolve)));
    let made: Kept | null = null;
    try {
      await next();
      if (keep(c.res)) {
        const res = c.res;
        made = { status: res.status, headers: [...res.headers], body: new Uint8Array(await res.arrayBuffer()) };
        c.res = answer(made, false);
        cache.set(key, made, version);
      }
    } finally {
      rendering.delete(key);
      settle(made);
    }
  };
}

/**
 * For public reads: answers `If-None-Match` naming the version's ETag with 304 before any route
 * reads data, and puts that ETag on the 200 answers. Requests without `c.var.etag` (with
 * credentials) get hono/etag's hash of the body, as every answer did before.
 */
export function versionValidators(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const etag = c.var.etag;
    if (!etag) return next();
    const inm = c.req.header('if-none-match');
    if (inm && namesTag(inm, etag)) {
      c.res = new Response(null, { status: 304, headers: { ETag: etag, Vary: 'Accept-Encoding' } });
      return;
    }
    await next();
    if (c.res.status === 200) c.header('ETag', etag);
  };
}

// A request target and host that @hono/node-server puts into the request URL as they are (no
// normalisation): for these the fast lane builds the very URL the app's ETag is made of. Any other
// request (dot segments, escapes, upper-case hosts…) simply takes the app's path.
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
const PLAIN_TARGET = /^\/v1\/[!#$&-;=?-[\]_a-z~]*$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;

/** What a fast-lane request logs; the same fields the app logs. */
export interface FastLaneLog {
  (line: { time: string; level: 'info'; method: string; path: string; status: number; durationMs: number; conditional?: true }): void;
}

/**
 * The fast lane for repeated public reads, in front of the app: a GET or HEAD without credentials
 * whose answer {@link readCache} kept for the current data version is written
 * straight to the socket, without building a Request, running the middleware or converting a
 * Response (the kept answer already carries every header they set); an If-None-Match naming the
 * version's ETag gets its 304 the same way. Returns false (synchronously when the data version is
 * known in memory) when the request must go to the app: anything not kept, every write, every
 * request with an Authorization header, `If-None-Match: *` or another version's validator, and URLs
 * the adapter would normalise. The answer is byte for byte the one the app gave, so the lane changes
 * cost, never content.
 */
export function fastLane(
  cache: ResponseCache, renderId: string, version: { knownDataVersion(): DataVersion | undefined; dataVersion(): Promise<DataVersion> },
  log: FastLaneLog,
): (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean> {
  const serve = (req: IncomingMessage, res: ServerResponse, target: string, started: number, v: DataVersion): boolean => {
    cache.seeVersion(v);
    const url = `http://${req.headers.host!}${target}`;
    const etag = versionETag(renderId, v, url);
    const inm = req.headers['if-none-match'];
    // `*` and validators of another version: the app's answer (a 412 or a 200 it renders).
    if (inm !== undefined && (inm.trim() === '*' || !namesTag(inm, etag))) return false;
    const kept = cache.peek(`${etag}|${negotiate(req.headers['accept-encoding']) ?? ''}`);
    if (!kept) return false;
    if (inm !== undefined) {
      // Not modified: the kept answer's headers without those of its body.
      kept.notModified ??= kept.headers.filter(([k]) => !/^content-(?:length|encoding|type)$/.test(k)).flat();
      res.writeHead(304, kept.notModified);
      res.end();
      logLine(req, target, 304, started);
      return true;
    }
    // With the length, as the app's adapter sends it (else node would send a HEAD without it and a GET chunked).
    kept.flat ??= [...kept.headers.filter(([k]) => k !== 'content-length').flat(), 'content-length', String(kept.body.byteLength)];
    res.writeHead(kept.status, kept.flat);
    res.end(req.method === 'HEAD' ? undefined : kept.body);
    logLine(req, target, kept.status, started);
    return true;
  };
  // The same line the app logs. A kept URL never carries a key (those are refused, never kept).
  const logLine = (req: IncomingMessage, target: string, status: number, started: number) =>
    log({
      time: new Date().toISOString(), level: 'info', method: req.method!, path: target, status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      ...(req.headers['if-none-match'] ? { conditional: true as const } : {}),
    });
  return (req, res) => {
    const { method, headers } = req;
    const target = req.url ?? '';
    if ((method !== 'GET' && method !== 'HEAD') || headers.authorization !== undefined) return false;
    if (!PLAIN_TARGET.test(target) || DOT_SEGMENT.test(target) || !PLAIN_HOST.test(headers.host ?? '')) return false;
    if ((req.socket as { encrypted?: boolean }).encrypted) return false;
    const started = performance.now();
    const known = version.knownDataVersion();
    if (known) return serve(req, res, target, started, known);
    // A shared database: one (coalesced) read of the version; on any failure the app answers.
    return version.dataVersion().then((v) => serve(req, res, target, started, v), () => false);
  };
}
