/**
 * The one module that talks to `@fachkraefte/sdk`. Widgets ask for data through {@link dataFor};
 * if the SDK's API changes, only this file changes.
 *
 * One SDK client per API base, so that several widgets on one page share connections and the
 * SDK's cache. On top of it, identical requests in flight are shared, and answers are reused for a
 * short time: three widgets asking for the same alliance cause one request.
 */
import {
  createClient,
  isApiError,
  isNetworkError,
  isNotFoundError,
  isResponseValidationError,
  isTimeoutError,
  type EventQuery,
} from '@fachkraefte/sdk';
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
  /** URL of the iCalendar feed of the events matching the filters (for subscriptions). */
  feedUrl(filters: Omit<EventQuery, 'limit' | 'cursor'>): string;
  /** URL of one event as an iCalendar file. */
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
  // Retries are the SDK's (it honours Retry-After); a widget must not wait forever, hence the timeout.
  const client = createClient({ baseUrl, timeout: 15_000 });
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

  return {
    alliances: (options) => shared('alliances', options, () => everyPage((cursor) => client.alliances.list({ limit: PAGE, cursor }))),
    alliance: (slug, options) => shared(`alliance:${slug}`, options, () => client.alliances.get(slug)),
    members: (slug, options) =>
      shared(`members:${slug}`, options, () => everyPage((cursor) => client.alliances.members(slug, { limit: PAGE, cursor }))),
    // The feed URL serialises the filters with sorted keys: equal filters, one cache entry.
    events: (filters, options) =>
      shared(`events:${client.events.icsUrl(filters)}`, options, () =>
        everyPage((cursor) => client.events.list({ ...filters, limit: PAGE, cursor })),
      ),
    firstEvents: (filters, limit, options) =>
      shared(`first:${limit}:${client.events.icsUrl(filters)}`, options, async () => (await client.events.list({ ...filters, limit })).items),
    organisation: (id, options) => shared(`organisation:${id}`, options, () => client.organisations.get(id)),
    feedUrl: (filters) => client.events.icsUrl(filters),
    eventIcsUrl: (id) => client.events.eventIcsUrl(id),
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
  if (isNotFoundError(error)) return { code: 'not-found', status: 404, message, cause: error };
  if (isApiError(error)) return { code: 'http', status: error.status, message, cause: error };
  if (isTimeoutError(error)) return { code: 'timeout', status: null, message, cause: error };
  if (isNetworkError(error)) return { code: 'network', status: null, message, cause: error };
  if (isResponseValidationError(error)) {
    return { code: 'invalid-response', status: (error as { status?: number }).status ?? null, message, cause: error };
  }
  return { code: 'unknown', status: null, message, cause: error };
}
