import { FocusAreaPage, MAX_LIMIT, type FocusArea } from '@fachkraefte/schema';
import { paginate, type Page } from '../internal/paginate.js';
import { toQuery } from '../internal/query.js';
import type { RequestOptions, Transport } from '../internal/transport.js';

/** `client.focusAreas`: the focus areas (Handlungsschwerpunkte) and the alliances naming them. */
export interface FocusAreasResource {
  /**
   * Every focus area. The list is short, so this follows all pages itself: `items` is complete
   * and `nextCursor` is always `null` (the shape matches the other lists).
   *
   * @example
   * ```ts
   * const { items } = await client.focusAreas.list();
   * const it = items.find((area) => area.slug === 'it');
   * ```
   */
  list(options?: RequestOptions): Promise<Page<FocusArea>>;
}

/** Builds `client.focusAreas` on a transport. */
export function focusAreasResource(http: Transport): FocusAreasResource {
  return {
    async list(options) {
      const items: FocusArea[] = [];
      const pages = paginate(
        (cursor) => http.get('/focus-areas', toQuery({ limit: MAX_LIMIT, cursor }), FocusAreaPage, options),
        undefined,
      );
      for await (const area of pages) items.push(area);
      return { items, nextCursor: null };
    },
  };
}
