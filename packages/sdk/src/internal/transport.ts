/**
 * The one place that talks HTTP: one ky instance (timeouts, retries with backoff, `Retry-After`),
 * plus what ky does not do — conditional requests against a bounded cache, sharing of identical
 * GETs in flight, runtime validation of every body, and the mapping of every failure onto the
 * SDK's error tree with secrets redacted.
 */
import { formatIssues, Problem } from '@fachkraefte/schema';
import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import type * as z from 'zod/mini';
import {
  ApiError, FkError, NetworkError, NotFoundError, ResponseValidationError, TimeoutError,
  type ValidationIssue,
} from '../errors.js';
import { Lru } from './lru.js';
import { redactCause, redactJson, redactText, redactUrl } from './redact.js';

/** Per-call options every method takes. */
export interface RequestOptions {
  /** Aborts the call. The promise then rejects with the signal's own reason (an `AbortError`), unwrapped. */
  signal?: AbortSignal;
}

/**
 * How failed requests are retried. Only idempotent methods (GET, HEAD, PUT, DELETE) are retried,
 * never POST or PATCH; retried are network errors and the statuses 408, 429, 500, 502, 503, 504.
 */
export interface RetryOptions {
  /**
   * Retries after the first attempt.
   * @default 2
   */
  limit?: number;
  /**
   * The delay before the first retry in ms; it doubles with each retry, and each delay is
   * shortened by a random 0–50 % (jitter) so that many clients do not retry in step.
   * @default 300
   */
  baseDelay?: number;
  /**
   * The longest delay between two retries in ms (backoff cap).
   * @default 10000
   */
  backoffLimit?: number;
  /**
   * The longest wait a `Retry-After` header (seconds or HTTP-date, on 429 and 503) may impose, in ms.
   * A longer `Retry-After` is cut to this.
   * @default 30000
   */
  maxRetryAfter?: number;
}

/** The conditional-request cache. */
export interface CacheOptions {
  /**
   * How many responses (one per URL) are kept; the least recently used goes first.
   * @default 100
   */
  maxEntries?: number;
}

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * Where the API lives, e.g. `https://api.example.org` (a trailing `/v1` is accepted too). In a
   * browser a path such as `/api` is resolved against the page.
   */
  baseUrl: string;
  /** The `fetch` to use, e.g. one that adds tracing. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /**
   * Milliseconds to wait for each attempt's response headers, and again for its body;
   * `false` waits forever.
   * @default 10000
   */
  timeout?: number | false;
  /** Retry policy, or the number of retries; `0` turns retries off. @default { limit: 2 } */
  retry?: number | RetryOptions;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** The API key for write methods, sent as `Authorization: Bearer <key>`; never part of any error. */
  apiKey?: string;
  /** The ETag cache, or `false` to turn it off. @default { maxEntries: 100 } */
  cache?: false | CacheOptions;
}

/** A schema the transport validates a body against. */
export type Schema<T> = z.ZodMiniType<T, unknown>;

/** A query as the resources build it. */
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface CacheEntry {
  etag: string;
  value: unknown;
}

interface Loaded {
  value: unknown;
  /** True when the value is also kept (in the cache): every caller must then get a copy. */
  retained: boolean;
}

interface Shared {
  promise: Promise<Loaded>;
  controller: AbortController;
  waiting: number;
  delivered: number;
}

const DEFAULT_TIMEOUT = 10_000;
const MAX_LISTED_ISSUES = 5;

/** The HTTP layer shared by the resources of one client. */
export interface Transport {
  /** The absolute URL of `path` (e.g. `/events.ics`) under `/v1`, with `query` (already serialised). */
  url(path: string, query?: string): string;
  /** A validated GET, cached and shared with identical GETs in flight. */
  get<T>(path: string, query: string, schema: Schema<T>, options?: RequestOptions): Promise<T>;
  /** A write: needs an API key; `schema` null for a body-less answer (204). */
  send<T>(method: Exclude<Method, 'GET'>, path: string, body: unknown, schema: Schema<T> | null, options?: RequestOptions): Promise<T>;
}

function resolveBase(baseUrl: string): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new TypeError('createClient: `baseUrl` is required, e.g. createClient({ baseUrl: "https://api.example.org" })');
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    const page = (globalThis as { location?: { href?: string } }).location?.href;
    if (page === undefined) {
      throw new TypeError(`createClient: \`baseUrl\` must be an absolute URL such as "https://api.example.org", got "${baseUrl}"`);
    }
    url = new URL(baseUrl, page);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`createClient: \`baseUrl\` must be an http(s) URL, got "${url.protocol}"`);
  }
  url.search = '';
  url.hash = '';
  return `${url.href.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1`;
}

function checkNumber(name: string, value: unknown, min: number): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < min)) {
    throw new TypeError(`createClient: \`${name}\` must be a number ≥ ${min}, got ${String(value)}`);
  }
}

/** Builds the transport for one client; validates the options so that mistakes fail at once. */
export function createTransport(options: ClientOptions): Transport {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createClient: expected options, e.g. createClient({ baseUrl: "https://api.example.org" })');
  }
  const base = resolveBase(options.baseUrl);
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (timeout !== false) checkNumber('timeout', timeout, 1);
  const retry: RetryOptions = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  checkNumber('retry.limit', retry.limit, 0);
  checkNumber('retry.baseDelay', retry.baseDelay, 0);
  checkNumber('retry.backoffLimit', retry.backoffLimit, 0);
  checkNumber('retry.maxRetryAfter', retry.maxRetryAfter, 0);
  if (options.cache !== false) checkNumber('cache.maxEntries', options.cache?.maxEntries, 1);
  if (options.apiKey !== undefined && (typeof options.apiKey !== 'string' || options.apiKey === '')) {
    throw new TypeError('createClient: `apiKey` must be a non-empty string');
  }

  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  // Everything that could be a credential is redacted from errors, also if passed as a header.
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (/^(authorization|x-api-key|api-key|cookie)$/i.test(name)) secrets.push(value, value.replace(/^\S+\s+/, ''));
  }
  if (options.apiKey !== undefined) {
    headers.authorization = `Bearer ${options.apiKey}`;
    secrets.push(options.apiKey);
  }
  const canWrite = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');

  const baseDelay = retry.baseDelay ?? 300;
  const api = ky.create({
    headers,
    timeout,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // A 304 is the answer we asked for with If-None-Match, not a failure.
    throwHttpErrors: (status) => status !== 304,
    retry: {
      limit: retry.limit ?? 2,
      methods: ['get', 'head', 'put', 'delete'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: retry.maxRetryAfter ?? 30_000,
      backoffLimit: retry.backoffLimit ?? 10_000,
      delay: (attempt) => baseDelay * 2 ** (attempt - 1),
      // "Equal jitter": keeps at least half the backoff, spreads the rest.
      jitter: (delay) => delay * (0.5 + Math.random() * 0.5),
    },
  });

  const cache = options.cache === false ? null : new Lru<string, CacheEntry>(options.cache?.maxEntries ?? 100);
  const inflight = new Map<string, Shared>();

  const safeUrl = (url: string) => redactUrl(url, secrets);

  /** Reads a body, giving it the same time budget as the headers. */
  async function readText(response: Response, controller: AbortController, method: string, url: string): Promise<string> {
    if (timeout === false) return response.text();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new TimeoutError(`${method} ${safeUrl(url)}: the response body did not arrive within ${timeout} ms`, {
          method, url: safeUrl(url), timeout,
        }));
        controller.abort();
      }, timeout);
    });
    try {
      return await Promise.race([response.text(), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  function invalid(method: string, url: string, status: number, issues: ValidationIssue[]): ResponseValidationError {
    const clean = issues.map((i) => ({ path: i.path, message: redactText(i.message, secrets) }));
    const listed = clean.slice(0, MAX_LISTED_ISSUES).map((i) => `${i.path}: ${i.message}`).join('; ');
    const more = clean.length > MAX_LISTED_ISSUES ? ` (and ${clean.length - MAX_LISTED_ISSUES} more)` : '';
    return new ResponseValidationError(
      `The response to ${method} ${safeUrl(url)} does not match the API: ${listed}${more}`,
      { method, url: safeUrl(url), status, issues: clean },
    );
  }

  async function readJson<T>(response: Response, schema: Schema<T>, controller: AbortController, method: string, url: string): Promise<T> {
    const text = await readText(response, controller, method, url);
    const type = response.headers.get('content-type') ?? '';
    if (!/[/+]json\b/i.test(type)) {
      throw invalid(method, url, response.status, [{ path: 'root', message: `expected JSON, got ${type === '' ? 'no content type' : type}` }]);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw invalid(method, url, response.status, [{ path: 'root', message: `not valid JSON (${(error as Error).message})` }]);
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      throw invalid(method, url, response.status, formatIssues(result.error.issues).map((i) => ({ path: i.parameter, message: i.message })));
    }
    return result.data;
  }

  async function toApiError(error: HTTPError, controller: AbortController, method: string, url: string): Promise<ApiError> {
    const { response } = error;
    let problem: Problem | null = null;
    try {
      const text = await readText(response, controller, method, url);
      if (/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) {
        const parsed = Problem.safeParse(JSON.parse(text));
        if (parsed.success) problem = redactJson(parsed.data, secrets);
      }
    } catch {
      // An unreadable error body still leaves the status, which is what matters.
    }
    const title = problem?.title ?? (response.statusText || 'HTTP error');
    const detail = problem?.detail ? `: ${problem.detail}` : '';
    const params = problem?.errors?.length
      ? ` (${problem.errors.slice(0, MAX_LISTED_ISSUES).map((e) => `${e.parameter}: ${e.message}`).join('; ')})`
      : '';
    const message = redactText(`${method} ${safeUrl(url)} failed with ${response.status} ${title}${detail}${params}`, secrets);
    const init = { status: response.status, problem, method, url: safeUrl(url) };
    return response.status === 404 ? new NotFoundError(message, init) : new ApiError(message, init);
  }

  function describeNetworkFailure(error: unknown): string {
    const parts: string[] = [];
    let current: unknown = error;
    for (let depth = 0; depth < 3 && current instanceof Error; depth++) {
      const code = (current as Error & { code?: unknown }).code;
      parts.push(typeof code === 'string' ? `${current.message} [${code}]` : current.message);
      current = current.cause;
    }
    return parts.join(': ') || String(error);
  }

  /** Any failure of one request, as the SDK's error; the caller's abort passes through. */
  async function toSdkError(error: unknown, controller: AbortController, method: string, url: string): Promise<unknown> {
    if (controller.signal.aborted && controller.signal.reason !== undefined && !(error instanceof FkError)) {
      return controller.signal.reason;
    }
    if (error instanceof FkError) return error;
    if (error instanceof HTTPError) return toApiError(error, controller, method, url);
    if (error instanceof KyTimeoutError) {
      return new TimeoutError(`${method} ${safeUrl(url)}: no response within ${String(timeout)} ms`, {
        method, url: safeUrl(url), timeout: timeout === false ? 0 : timeout,
      });
    }
    return new NetworkError(
      redactText(`${method} ${safeUrl(url)}: network error (${describeNetworkFailure(error)})`, secrets),
      { method, url: safeUrl(url), cause: redactCause(error, secrets) },
    );
  }

  async function load(url: string, schema: Schema<unknown>, controller: AbortController): Promise<Loaded> {
    const cached = cache?.get(url);
    try {
      const response = await api.get(url, {
        signal: controller.signal,
        ...(cached ? { headers: { 'if-none-match': cached.etag } } : {}),
      });
      if (response.status === 304) {
        if (cached) return { value: cached.value, retained: true };
        throw invalid('GET', url, 304, [{ path: 'root', message: '304 Not Modified, but nothing was cached for this URL' }]);
      }
      const value = await readJson(response, schema, controller, 'GET', url);
      const etag = response.headers.get('etag');
      if (cache && etag) {
        cache.set(url, { etag, value });
        return { value, retained: true };
      }
      cache?.delete(url);
      return { value, retained: false };
    } catch (error) {
      throw await toSdkError(error, controller, 'GET', url);
    }
  }

  /** Waits for a shared request on behalf of one caller, who may abort without affecting the others. */
  function subscribe(url: string, shared: Shared, signal: AbortSignal | undefined): Promise<unknown> {
    shared.waiting++;
    return new Promise((resolve, reject) => {
      let done = false;
      const onAbort = () => {
        if (done) return;
        done = true;
        reject(signal!.reason);
        if (--shared.waiting === 0) {
          // Nobody wants the answer any more: stop it, and let the next caller start afresh.
          if (inflight.get(url) === shared) inflight.delete(url);
          shared.controller.abort(signal!.reason);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        ({ value, retained }) => {
          if (done) return;
          done = true;
          signal?.removeEventListener('abort', onAbort);
          shared.waiting--;
          // Callers may change what they get; what another caller or the cache holds must stay intact.
          resolve(retained || shared.delivered++ > 0 ? structuredClone(value) : value);
        },
        (error: unknown) => {
          if (done) return;
          done = true;
          signal?.removeEventListener('abort', onAbort);
          shared.waiting--;
          reject(error);
        },
      );
    });
  }

  return {
    url(path, query = '') {
      return `${base}${path}${query}`;
    },

    async get<T>(path: string, query: string, schema: Schema<T>, opts?: RequestOptions): Promise<T> {
      opts?.signal?.throwIfAborted();
      const url = `${base}${path}${query}`;
      let shared = inflight.get(url);
      if (!shared) {
        const controller = new AbortController();
        const created: Shared = { promise: load(url, schema, controller), controller, waiting: 0, delivered: 0 };
        inflight.set(url, created);
        const forget = () => {
          if (inflight.get(url) === created) inflight.delete(url);
        };
        created.promise.then(forget, forget);
        shared = created;
      }
      return subscribe(url, shared, opts?.signal) as Promise<T>;
    },

    async send<T>(method: Exclude<Method, 'GET'>, path: string, body: unknown, schema: Schema<T> | null, opts?: RequestOptions): Promise<T> {
      if (!canWrite) {
        throw new FkError(`${method} ${path} changes data and needs an API key: createClient({ baseUrl, apiKey })`);
      }
      opts?.signal?.throwIfAborted();
      const url = `${base}${path}`;
      const controller = new AbortController();
      const onAbort = () => controller.abort(opts!.signal!.reason);
      opts?.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const response = await api(url, { method, signal: controller.signal, ...(body === undefined ? {} : { json: body }) });
        if (schema === null) {
          await response.body?.cancel();
          return undefined as T;
        }
        return await readJson(response, schema, controller, method, url);
      } catch (error) {
        throw await toSdkError(error, controller, method, url);
      } finally {
        opts?.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
