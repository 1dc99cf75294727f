/**
 * The SDK's errors: one small tree of real `Error` subclasses.
 *
 * ```
 * FkError
 * ├── ApiError               the server answered 4xx/5xx (status, RFC 9457 problem)
 * │   └── NotFoundError      … with 404
 * ├── ResponseValidationError the answer is not JSON or does not match the schema
 * ├── NetworkError           no answer at all (refused, reset, DNS, CORS)
 * └── TimeoutError           no answer in time
 * ```
 *
 * An `AbortError` from the caller's own `AbortSignal` is not wrapped: it reaches the caller as is.
 * Every message, property and cause is free of the API key (`Bearer ***`).
 *
 * @module
 */
import type { Problem } from '@fachkraefte/schema';

/**
 * Marks the SDK's errors. `Symbol.for` is shared by every realm (iframes, workers' copies, two
 * bundled copies of the SDK), so the guards work where `instanceof` fails.
 */
const BRAND = Symbol.for('@fachkraefte/sdk/error');

/** One thing wrong with a response body, e.g. `{ path: 'items[3].start', message: 'expected an ISO 8601 date-time' }`. */
export interface ValidationIssue {
  /** Where in the body: `items[3].start`, or `root` for the body as a whole. */
  path: string;
  /** What is wrong, in words. */
  message: string;
}

/** The HTTP method and URL of the request that failed, as the error constructors take them. */
export interface FailedRequest {
  /** The HTTP method, e.g. `GET`. */
  method: string;
  /** The URL, without credentials or secret query parameters. */
  url: string;
}

/**
 * The base class of every error the SDK throws. Catch it to catch them all.
 *
 * @example
 * ```ts
 * import { createClient, isFkError } from '@fachkraefte/sdk';
 * const client = createClient({ baseUrl: 'https://api.example.org' });
 * try {
 *   await client.alliances.get('fachkraefteallianz-suedwest');
 * } catch (error) {
 *   if (isFkError(error)) console.error(error.message);
 *   else throw error;
 * }
 * ```
 */
export class FkError extends Error {
  override name = 'FkError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * A plain object for logs and error trackers: name, message, the error's own fields and the
   * cause's name and message. Contains no secrets.
   *
   * @example
   * ```ts
   * console.log(JSON.stringify(error)); // {"name":"NotFoundError","message":"…","status":404,…}
   * ```
   */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'name' && key !== 'message' && key !== 'cause' && key !== 'stack') out[key] = value;
    }
    if (this.cause instanceof Error) out.cause = { name: this.cause.name, message: this.cause.message };
    return out;
  }
}

/**
 * The server answered with an error status (4xx or 5xx), after any retries.
 *
 * @example
 * ```ts
 * try {
 *   await client.events.create(input);
 * } catch (error) {
 *   if (isApiError(error) && error.status === 400) {
 *     for (const e of error.problem?.errors ?? []) console.error(`${e.parameter}: ${e.message}`);
 *   }
 * }
 * ```
 */
export class ApiError extends FkError {
  override name = 'ApiError';
  /** The HTTP status, e.g. 400, 403, 500. */
  readonly status: number;
  /** The RFC 9457 problem the server sent, or `null` when the body was not a problem document. */
  readonly problem: Problem | null;
  /** The requested URL, without credentials or secret query parameters. */
  readonly url: string;
  /** The HTTP method, e.g. `GET`. */
  readonly method: string;

  constructor(message: string, init: FailedRequest & { status: number; problem: Problem | null }) {
    super(message);
    this.status = init.status;
    this.problem = init.problem;
    this.url = init.url;
    this.method = init.method;
  }
}

/**
 * The server answered 404: the alliance, organisation or event does not exist (any more).
 *
 * @example
 * ```ts
 * const alliance = await client.alliances.get(slug).catch((error) => {
 *   if (isNotFoundError(error)) return null;
 *   throw error;
 * });
 * ```
 */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}

/**
 * The server's answer is not JSON, or does not match the schema of the API. The message lists the
 * first few issues, e.g. `items[3].start: expected an ISO 8601 date-time`; `issues` has them all.
 *
 * @example
 * ```ts
 * try {
 *   await client.events.list();
 * } catch (error) {
 *   if (isResponseValidationError(error)) console.error(error.issues.map((i) => `${i.path}: ${i.message}`));
 * }
 * ```
 */
export class ResponseValidationError extends FkError {
  override name = 'ResponseValidationError';
  /** Every issue found, path and message each. */
  readonly issues: ValidationIssue[];
  /** The HTTP status of the response that did not match. */
  readonly status: number;
  /** The requested URL, without secrets. */
  readonly url: string;
  /** The HTTP method. */
  readonly method: string;

  constructor(message: string, init: FailedRequest & { status: number; issues: ValidationIssue[] }) {
    super(message);
    this.issues = init.issues;
    this.status = init.status;
    this.url = init.url;
    this.method = init.method;
  }
}

/**
 * No answer arrived: the connection was refused or reset, the host is unknown, or (in browsers)
 * CORS blocked it. `cause` holds the underlying error, redacted.
 *
 * @example
 * ```ts
 * if (isNetworkError(error)) showOfflineNotice();
 * ```
 */
export class NetworkError extends FkError {
  override name = 'NetworkError';
  /** The requested URL, without secrets. */
  readonly url: string;
  /** The HTTP method. */
  readonly method: string;

  constructor(message: string, init: FailedRequest & { cause?: unknown }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.url = init.url;
    this.method = init.method;
  }
}

/**
 * No answer (headers, or the rest of the body) arrived within the client's `timeout`.
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl, timeout: 3000 });
 * await client.alliances.list().catch((error) => {
 *   if (isTimeoutError(error)) console.warn(`gave up after ${error.timeout} ms`);
 * });
 * ```
 */
export class TimeoutError extends FkError {
  override name = 'TimeoutError';
  /** The requested URL, without secrets. */
  readonly url: string;
  /** The HTTP method. */
  readonly method: string;
  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;

  constructor(message: string, init: FailedRequest & { timeout: number }) {
    super(message);
    this.url = init.url;
    this.method = init.method;
    this.timeout = init.timeout;
  }
}

function branded(error: unknown): error is FkError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

function named(error: unknown, ...names: string[]): boolean {
  return branded(error) && names.includes(error.name);
}

/**
 * True for every error the SDK throws (any realm, any copy of the SDK).
 *
 * @example
 * ```ts
 * if (isFkError(error)) console.error(error.message);
 * ```
 */
export function isFkError(error: unknown): error is FkError {
  return branded(error);
}

/**
 * True for {@link ApiError} and {@link NotFoundError}.
 *
 * @example
 * ```ts
 * if (isApiError(error) && error.status === 403) console.error('this key may not change that alliance');
 * ```
 */
export function isApiError(error: unknown): error is ApiError {
  return named(error, 'ApiError', 'NotFoundError');
}

/**
 * True for {@link NotFoundError} (a 404).
 *
 * @example
 * ```ts
 * if (isNotFoundError(error)) return null;
 * ```
 */
export function isNotFoundError(error: unknown): error is NotFoundError {
  return named(error, 'NotFoundError');
}

/**
 * True for {@link ResponseValidationError}.
 *
 * @example
 * ```ts
 * if (isResponseValidationError(error)) console.error(error.issues);
 * ```
 */
export function isResponseValidationError(error: unknown): error is ResponseValidationError {
  return named(error, 'ResponseValidationError');
}

/**
 * True for {@link NetworkError}.
 *
 * @example
 * ```ts
 * if (isNetworkError(error)) showOfflineNotice();
 * ```
 */
export function isNetworkError(error: unknown): error is NetworkError {
  return named(error, 'NetworkError');
}

/**
 * True for the SDK's {@link TimeoutError} (not for a DOM `TimeoutError` from `AbortSignal.timeout()`).
 *
 * @example
 * ```ts
 * if (isTimeoutError(error)) console.warn('the API is slow');
 * ```
 */
export function isTimeoutError(error: unknown): error is TimeoutError {
  return named(error, 'TimeoutError');
}
