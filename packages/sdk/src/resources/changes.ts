import { ChangePage, type Change, type ChangeFilters } from '@fachkraefte/schema';
import { iterator, type Page } from '../internal/paginate.js';
import { toQuery } from '../internal/query.js';
import type { RequestOptions, Transport } from '../internal/transport.js';

/** `client.changes`: the change history (`/v1/changes`), oldest first, with tombstones for deletions. */
export interface ChangesResource {
  /**
   * One page of changes. With a key of the alliance (or an admin key) each change names the key
   * that made it; without, only its scope.
   *
   * @example
   * ```ts
   * const { items } = await client.changes.list({ alliance: 'fachkraefteallianz-suedwest', since: '2026-01-01T00:00:00Z' });
   * ```
   */
  list(filters?: ChangeFilters, options?: RequestOptions): Promise<Page<Change>>;
  /**
   * Every change matching the filters, page after page.
   *
   * @example
   * ```ts
   * for await (const change of client.changes.iterate({ after: lastSeq })) apply(change);
   * ```
   */
  iterate(filters?: ChangeFilters, options?: RequestOptions): AsyncIterable<Change>;
}

/** Builds `client.changes` on a transport. */
export function changesResource(http: Transport): ChangesResource {
  const list = (filters?: ChangeFilters, options?: RequestOptions) => http.get('/changes', toQuery(filters), ChangePage, options);
  return { list, iterate: iterator(list) };
}
