import * as z from 'zod/mini';
import { Alliance } from './alliance.js';
import { named } from './common.js';
import { Event } from './event.js';
import { FocusArea } from './focus-area.js';
import { Member, Organisation } from './organisation.js';

/** The largest page a list endpoint returns. */
export const MAX_LIMIT = 500;
/** The page size when `limit` is left out. */
export const DEFAULT_LIMIT = 50;

/** A page of a list: the items, and the cursor of the next page (null on the last page). */
export function page<T extends z.ZodMiniType>(item: T, id: string) {
  return named(
    z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) }),
    id,
  );
}

export const AlliancePage = /* @__PURE__ */ page(Alliance, 'AlliancePage');
export const MemberPage = /* @__PURE__ */ page(Member, 'MemberPage');
export const OrganisationPage = /* @__PURE__ */ page(Organisation, 'OrganisationPage');
export const EventPage = /* @__PURE__ */ page(Event, 'EventPage');
export const FocusAreaPage = /* @__PURE__ */ page(FocusArea, 'FocusAreaPage');

