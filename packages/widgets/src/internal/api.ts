/**
 * The one module that talks to `@fachkraefte/sdk`. Widgets ask for data through {@link dataFor};
 * if the SDK's API changes, only this file changes.
 *
 * One SDK client per API base, so that several widgets on one page share connections and the
 * SDK's cache. On top of it, identical requests in flight are shared, and answers are reused for a
 * short time: three widgets asking for the same alliance cause one request.
 *
 * The SDK (ky, zod/mini and the schemas, the largest part of every widget) is imported on first
 * use, not with the widget: building its schemas then runs in a task of its own instead of
 * lengthening the one that defines the widget and draws it (long tasks delay the visitor's input).
 * fk.js starts loading it together with the first widget, so that no round trip is added.
 */
import type { EventQuery, FkClient } from '@fachkraefte/sdk';
import type * as Sdk from './sdk.js';
import type { Alliance, Event, Member, Organisation } from '@fachkraefte/schema';
import type { FkErrorDetail } from '../events/fk-error.js';

/** The largest page the API serves; the widgets always read whole lists. */
const PAGE = 500;
/** How long an answer is reused without asking the server again. */
const FRESH_MS = 60_000;

/** The data one widget needs, whatever SDK version sits below. */
export interface WidgetData {
  /** Every alliance, all pages. */
  alliances(options: LoadOptions): Promise<Alliance[]>;
  /** One alliance. */
  alliance(slug: string, options: LoadOptions): Promise<Alliance>;
  /** Every named member of an alliance, all pages. */
  members(slug: string, options: LoadOptions): Promise<Member[]>;
  /** Every event matching the filters (a calendar's visible range), all pages. */
  events(filters: Omit<EventQuery, 'limit' | 'cursor'>, options: LoadOptions): Promise<Event[]>;
  /** The first page of events matching the filters, `limit` at most (what comes next, in start order). */
  firstEvents(filters: Omit<EventQuery, 'limit' | 'cursor'>, limit: number, options: LoadOptions): Promise<Event[]>;
  /** One organisation (an event's organiser). */
  organisation(id: string, options: LoadOptions): Promise<Organisation>;
  /** URL of the iCalendar feed of the events matching the filters (for subscriptions); empty before {@link sdkReady}. */
  feedUrl(filters: Omit<EventQuery, 'limit' | 'cursor'>): string;
  /** URL of one event as an iCalendar file; empty before {@link sdkReady}. */
  eventIcsUrl(id: string): string;
}

/** Options of every load. */
export interface LoadOptions {
  /** Aborts this caller's wait; a request shared with other widgets keeps running for them. */
  signal?: AbortSignal;
  /** Skip the short-lived cache (a refresh or a retry). */
  fresh?: boolean;
}

const registry = new Map<string, WidgetData>();

/** The SDK module once it has arrived (errors are told apart with its predicates). */
let sdk: typeof Sdk | undefined;
let sdkLoad: Promise<typeof Sdk> | undefined;

/** What a render that needs the feed URLs waits for: the SDK's import (never rejects), or nothing once it is there. */
export const sdkReady = (): Promise<unknown> | undefined => (sdk ? undefined : loadSdk().catch(() => undefined));

/** Imports the SDK once; a failed import (the network) is tried again by the next call. */
export function loadSdk(): Promise<typeof Sdk> {
  return (sdkLoad ??= import('./sdk.js').then(
    (m) => (sdk = m),
    (error: unknown) => {
      sdkLoad = undefined;
      throw error;
    },
  ));
}

/** The shared data access for an absolute API base URL. */
export function dataFor(apiBase: string): WidgetData {
  let data = registry.get(apiBase);
  if (!data) {
    data = createWidgetData(apiBase);
    registry.set(apiBase, data);
  }
  return data;
}

function createWidgetData(baseUrl: string): WidgetData {
  let made: FkClient | undefined;
  // Retries are the SDK's (it honours Retry-After); a widget must not wait forever, hence the timeout.
  const now = (): FkClient => (made ??= sdk!.createClient({ baseUrl, timeout: 15_000 }));
  const client = (): Promise<FkClient> => loadSdk().then(now);
  const cache = new Map<string, { at: number; promise: Promise<unknown> }>();

  function shared<T>(key: string, options: LoadOptions, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    const now = Date.now();
    let promise: Promise<T>;
    if (hit && (!options.fresh || hit.at === -1) && (hit.at === -1 || now - hit.at < FRESH_MS)) {
      promise = hit.promise as Promise<T>;
    } else {
      // at === -1 marks a request in flight: a refresh joins it instead of starting another.
      const entry = { at: -1, promise: undefined as unknown as Promise<unknown> };
      promise = load().then(
        (value) => {
          entry.at = Date.now();
          return value;
        },
        (error: unknown) => {
          // Failures are never cached: the next attempt asks again.
          if (cache.get(key) === entry) cache.delete(key);
          throw error;
        },
      );
      entry.promise = promise;
      cache.set(key, entry);
    }
    return untilAborted(promise, options.signal);
  }

  /** `load`, once the SDK is there, shared under the key it gives (the feed URL needs the client). */
  const use = <T>(key: (c: FkClient) => string, options: LoadOptions, load: (c: FkClient) => Promise<T>): Promise<T> =>
    client().then((c) => shared(key(c), options, () => load(c)));

  return {
    alliances: (options) => use(() => 'alliances', options, (c) => everyPage((cursor) => c.alliances.list({ limit: PAGE, cursor }))),
    alliance: (slug, options) => use(() => `alliance:${slug}`, options, (c) => c.alliances.get(slug)),
    members: (slug, options) =>
      use(() => `members:${slug}`, options, (c) => everyPage((cursor) => c.alliances.members(slug, { limit: PAGE, cursor }))),
    // The feed URL serialises the filters with sorted keys: equal filters, one cache entry.
    events: (filters, options) =>
      use((c) => `events:${c.events.icsUrl(filters)}`, options, (c) => everyPage((cursor) => c.events.list({ ...filters, limit: PAGE, cursor }))),
    firstEvents: (filters, limit, options) =>
      use((c) => `first:${limit}:${c.events.icsUrl(filters)}`, options, async (c) => (await c.events.list({ ...filters, limit })).items),
    organisation: (id, options) => use(() => `organisation:${id}`, options, (c) => c.organisations.get(id)),
    feedUrl: (filters) => (sdk ? now().events.icsUrl(filters) : ''),
    eventIcsUrl: (id) => (sdk ? now().events.eventIcsUrl(id) : ''),
  };
}

/** Follows the cursors of a paged list to its end; the widgets always show whole lists. */
async function everyPage<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    all.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Resolves like `promise`, or rejects with an AbortError as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new DOMException('Aborted', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** True for the error a caller's own abort produces; such errors are not failures to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Turns anything thrown while loading into the detail of an `fk-error` event. */
export function describeError(error: unknown): FkErrorDetail {
  const message = error instanceof Error ? error.message : String(error);
  // Without the SDK, the failure is its import: the network.
  if (!sdk) return { code: 'network', status: null, message, cause: error };
  const { isApiError, isNetworkError, isNotFoundError, isResponseValidationError, isTimeoutError } = sdk;
  if (isNotFoundError(error)) return { code: 'not-found', status: 404, message, cause: error };
  if (isApiError(error)) return { code: 'http', status: error.status, message, cause: error };
  if (isTimeoutError(error)) return { code: 'timeout', status: null, message, cause: error };
  if (isNetworkError(error)) return { code: 'network', status: null, message, cause: error };
  if (isResponseValidationError(error)) {
    return { code: 'invalid-response', status: (error as { status?: number }).status ?? null, message, cause: error };
  }
  return { code: 'unknown', status: null, message, cause: error };
}
