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
  type FailedRequest, type ValidationIssue,
} from '../errors.js';
import { describeCause, redactCause, redactJson, redactText, redactUrl } from './redact.js';

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

interface Loaded {
  value: unknown;
  /** True when the value is also kept (in the cache): every caller must then get a copy. */
  retained: boolean;
}

/** One GET in flight, shared by every identical GET made while it runs. */
interface Shared {
  promise: Promise<Loaded>;
  controller: AbortController;
  waiting: number;
  delivered: number;
}

/** The HTTP layer shared by the resources of one client. */
export interface Transport {
  /** The absolute URL of `path` (e.g. `/events.ics`) under `/v1`, with `query` (already serialised). */
  url(path: string, query?: string): string;
  /** A validated GET, cached and shared with identical GETs in flight. */
  get<T>(path: string, query: string, schema: Schema<T>, options?: RequestOptions): Promise<T>;
  /**
   * A write: needs an API key; `schema` null for a body-less answer (204). The body is sent as
   * JSON, or a `Blob` as is with its own type (an iCalendar file).
   */
  send<T>(method: Exclude<Method, 'GET'>, path: string, body: unknown, schema: Schema<T> | null, options?: RequestOptions): Promise<T>;
}

const fail = (message: string): never => {
  throw new TypeError(`createClient: ${message}`);
};

function resolveBase(baseUrl: string): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    fail('`baseUrl` is required, e.g. createClient({ baseUrl: "https://api.example.org" })');
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    const page = (globalThis as { location?: { href?: string } }).location?.href;
    url = new URL(baseUrl, page ?? fail(`\`baseUrl\` must be an absolute URL such as "https://api.example.org", got "${baseUrl}"`));
  }
  if (!/^https?:$/.test(url.protocol)) fail(`\`baseUrl\` must be an http(s) URL, got "${url.protocol}"`);
  url.search = url.hash = '';
  return `${url.href.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1`;
}

function checkNumber(name: string, value: unknown, min: number): void {
  if (value !== undefined && !((value as number) >= min && Number.isFinite(value))) {
    fail(`\`${name}\` must be a number ≥ ${min}, got ${String(value)}`);
  }
}

/** JSON and its `+json` dialects (`application/problem+json`). */
const JSON_TYPE = /[/+]json\b/i;

/** How many issues an error message lists; the error's fields keep them all. */
const MAX_LISTED = 5;

/** `path: message` lines for an error message: the first few, never a JSON dump. */
const listed = (lines: string[]) => lines.slice(0, MAX_LISTED).join('; ');

/** Builds the transport for one client; validates the options so that mistakes fail at once. */
export function createTransport(options: ClientOptions): Transport {
  if (typeof options !== 'object' || options === null) {
    fail('expected options, e.g. createClient({ baseUrl: "https://api.example.org" })');
  }
  const base = resolveBase(options.baseUrl);
  const timeout = options.timeout ?? 10_000;
  if (timeout !== false) checkNumber('timeout', timeout, 1);
  const retry: RetryOptions = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  checkNumber('retry.limit', retry.limit, 0);
  checkNumber('retry.baseDelay', retry.baseDelay, 0);
  checkNumber('retry.backoffLimit', retry.backoffLimit, 0);
  checkNumber('retry.maxRetryAfter', retry.maxRetryAfter, 0);
  const maxEntries = options.cache === false ? 0 : (options.cache?.maxEntries ?? 100);
  if (options.cache !== false) checkNumber('cache.maxEntries', maxEntries, 1);
  if (options.apiKey !== undefined && (typeof options.apiKey !== 'string' || options.apiKey === '')) {
    fail('`apiKey` must be a non-empty string');
  }

  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  // Everything that could be a credential is redacted from errors, also if passed as a header.
  const secrets: string[] = [];
  let canWrite = false;
  for (const [name, value] of Object.entries(headers)) {
    if (/^(authorization|x-api-key|api-key|cookie)$/i.test(name)) secrets.push(value, value.replace(/^\S+\s+/, ''));
    canWrite ||= /^authorization$/i.test(name);
  }
  if (options.apiKey !== undefined) {
    headers.authorization = `Bearer ${options.apiKey}`;
    secrets.push(options.apiKey);
    canWrite = true;
  }

  const baseDelay = retry.baseDelay ?? 300;
  // ky does the retrying: backoff, jitter, Retry-After (seconds or HTTP-date) capped at
  // maxRetryAfter, idempotent methods only, and the time-out of each attempt's headers.
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

  // The ETag cache: a Map keeps insertion order, so re-inserting on every use keeps the least
  // recently used entry first, which is the one to evict.
  const cache = new Map<string, { etag: string; value: unknown }>();
  const inflight = new Map<string, Shared>();

  const request = (method: string, url: string): FailedRequest => ({ url: redactUrl(url, secrets), method });

  /**
   * Reads a body, giving it the same time budget as the headers: on time-out the request is
   * aborted with a TimeoutError as the reason, which the body read then rejects with.
   */
  async function read(response: Response, controller: AbortController, at: FailedRequest): Promise<string> {
    const timer = timeout === false ? undefined : setTimeout(() => controller.abort(new TimeoutError(
      `${at.method} ${at.url}: the response body did not arrive within ${timeout} ms`, { ...at, timeout },
    )), timeout);
    try {
      return await response.text();
    } finally {
      clearTimeout(timer);
    }
  }

  function invalid(at: FailedRequest, status: number, issues: ValidationIssue[]): ResponseValidationError {
    issues = issues.map(({ path, message }) => ({ path, message: redactText(message, secrets) }));
    const more = issues.length - MAX_LISTED;
    return new ResponseValidationError(
      `The response to ${at.method} ${at.url} does not match the API: ${listed(issues.map((i) => `${i.path}: ${i.message}`))}${more > 0 ? ` (and ${more} more)` : ''}`,
      { issues, status, ...at },
    );
  }

  async function readJson<T>(response: Response, schema: Schema<T>, controller: AbortController, at: FailedRequest): Promise<T> {
    const text = await read(response, controller, at);
    const type = response.headers.get('content-type') ?? '';
    let issues: ValidationIssue[];
    if (JSON_TYPE.test(type)) {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        throw invalid(at, response.status, [{ path: 'root', message: `not valid JSON (${(error as Error).message})` }]);
      }
      const result = schema.safeParse(data);
      if (result.success) return result.data;
      issues = formatIssues(result.error.issues).map((i) => ({ path: i.parameter, message: i.message }));
    } else {
      issues = [{ path: 'root', message: `expected JSON, got ${type || 'no content type'}` }];
    }
    throw invalid(at, response.status, issues);
  }

  /** Any failure of one request, as the SDK's error; the caller's abort (or our body time-out) passes through. */
  async function toSdkError(error: unknown, controller: AbortController, at: FailedRequest): Promise<unknown> {
    if (controller.signal.aborted) return controller.signal.reason;
    if (error instanceof FkError) return error;
    if (error instanceof HTTPError) {
      const { response } = error;
      // An unreadable or non-problem error body still leaves the status, which is what matters.
      const problem = await readJson(response, Problem, controller, at).then((p) => redactJson(p, secrets), () => null);
      const title = problem?.title ?? (response.statusText || 'HTTP error');
      const detail = problem?.detail ? `: ${problem.detail}` : '';
      const params = problem?.errors?.length ? ` (${listed(problem.errors.map((e) => `${e.parameter}: ${e.message}`))})` : '';
      const message = redactText(`${at.method} ${at.url} failed with ${response.status} ${title}${detail}${params}`, secrets);
      return new (response.status === 404 ? NotFoundError : ApiError)(message, { status: response.status, problem, ...at });
    }
    if (error instanceof KyTimeoutError) {
      return new TimeoutError(`${at.method} ${at.url}: no response within ${String(timeout)} ms`, { ...at, timeout: timeout || 0 });
    }
    const cause = redactCause(error, secrets);
    return new NetworkError(`${at.method} ${at.url}: network error (${describeCause(cause, error)})`, { ...at, cause });
  }

  async function load(url: string, schema: Schema<unknown>, controller: AbortController): Promise<Loaded> {
    const at = request('GET', url);
    const cached = cache.get(url);
    if (cached) {
      cache.delete(url);
      cache.set(url, cached);
    }
    try {
      const response = await api.get(url, {
        signal: controller.signal,
        ...(cached ? { headers: { 'if-none-match': cached.etag } } : {}),
      });
      if (response.status === 304) {
        if (!cached) throw invalid(at, 304, [{ path: 'root', message: '304 Not Modified, but nothing was cached for this URL' }]);
        return { value: cached.value, retained: true };
      }
      const value = await readJson(response, schema, controller, at);
      const etag = response.headers.get('etag');
      cache.delete(url);
      if (!etag || !maxEntries) return { value, retained: false };
      cache.set(url, { etag, value });
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
      return { value, retained: true };
    } catch (error) {
      throw await toSdkError(error, controller, at);
    }
  }

  /** Waits for a shared request on behalf of one caller, who may abort without affecting the others. */
  function subscribe(url: string, shared: Shared, signal: AbortSignal | undefined): Promise<unknown> {
    shared.waiting++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(signal!.reason);
        if (--shared.waiting === 0) {
          // Nobody wants the answer any more: stop it, and let the next caller start afresh.
          if (inflight.get(url) === shared) inflight.delete(url);
          shared.controller.abort(signal!.reason);
        }
      };
      // Exactly one of abort and answer settles this caller: an aborted caller has left already.
      const settle = (done: () => void) => {
        if (signal?.aborted) return;
        signal?.removeEventListener('abort', onAbort);
        shared.waiting--;
        done();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        // Callers may change what they get; what another caller or the cache holds must stay intact.
        ({ value, retained }) => settle(() => resolve(retained || shared.delivered++ > 0 ? structuredClone(value) : value)),
        (error: unknown) => settle(() => reject(error)),
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
        const forget = () => {
          if (inflight.get(url) === created) inflight.delete(url);
        };
        created.promise.then(forget, forget);
        inflight.set(url, (shared = created));
      }
      return subscribe(url, shared, opts?.signal) as Promise<T>;
    },

    async send<T>(method: Exclude<Method, 'GET'>, path: string, body: unknown, schema: Schema<T> | null, opts?: RequestOptions): Promise<T> {
      if (!canWrite) {
        throw new FkError(`${method} ${path} changes data and needs an API key: createClient({ baseUrl, apiKey })`);
      }
      const signal = opts?.signal;
      signal?.throwIfAborted();
      const url = `${base}${path}`;
      const controller = new AbortController();
      const onAbort = () => controller.abort(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const response = await api(url, { method, signal: controller.signal, ...(body instanceof Blob ? { body } : body === undefined ? {} : { json: body }) });
        if (schema) return await readJson(response, schema, controller, request(method, url));
        await response.body?.cancel();
        return undefined as T;
      } catch (error) {
        throw await toSdkError(error, controller, request(method, url));
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
