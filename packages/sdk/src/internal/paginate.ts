import { FkError } from '../errors.js';
import type { RequestOptions } from './transport.js';

/** A page of a list: the items, and the cursor of the next page (`null` on the last page). */
export interface Page<T> {
  /** The items of this page, in the API's order. */
  items: T[];
  /** Pass as `cursor` to get the next page; `null` on the last page. */
  nextCursor: string | null;
}

/**
 * Walks every page by following `nextCursor`, yielding items one by one. Pages are fetched only as
 * the consumer asks for more, so `break` stops the requests. A cursor that repeats would loop for
 * ever; it fails instead.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  start: string | undefined,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor = start;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (page.nextCursor === null) return;
    if (seen.has(page.nextCursor)) {
      throw new FkError(`The API returned the cursor "${page.nextCursor}" twice; stopped to avoid an endless loop`);
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}

/**
 * The `iterate(filters, options)` of a `list(filters, options)`: every item of every page,
 * starting at `filters.cursor` when given.
 */
export function iterator<F extends { cursor?: string | undefined }, T>(
  list: (filters: F, options?: RequestOptions) => Promise<Page<T>>,
): (filters?: F, options?: RequestOptions) => AsyncGenerator<T, void, undefined> {
  return (filters, options) => paginate((cursor) => list({ ...filters, cursor } as F, options), filters?.cursor);
}
