import * as z from 'zod/mini';
import { AllianceKind } from './alliance.js';
import { Bundesland, Slug } from './common.js';
import { DateTime, EventCategory, EventStatus } from './event.js';
import { MAX_LIMIT } from './list.js';
import { OrganisationType } from './organisation.js';

// The query schemas of the lists, in a module of their own: the server validates queries with them,
// the SDK only needs their types, so browser bundles leave them out.

const limit = z.optional(z.int().check(z.gte(1), z.lte(MAX_LIMIT)));
const cursor = z.optional(z.string().check(z.minLength(1), z.maxLength(200)));
const q = z.optional(z.string().check(z.minLength(1), z.maxLength(200)));
const Day = z.iso.date({ error: 'expected a date (YYYY-MM-DD) or a date-time with offset' });
const DayOrDateTime = z.union([Day, DateTime]);

/** Paging parameters shared by every list. */
export const Paging = { limit, cursor };

/** Query of `GET /v1/alliances`. */
export const AllianceFilters = z.strictObject({
  state: z.optional(Bundesland),
  kind: z.optional(AllianceKind),
  /** Matches name and areas, case- and accent-insensitive. */
  q,
  ...Paging,
});
export type AllianceFilters = z.infer<typeof AllianceFilters>;

/** Query of `GET /v1/alliances/{slug}/members`. */
export const MemberFilters = z.strictObject({
  type: z.optional(z.array(OrganisationType)),
  /** Matches name, aliases and town. */
  q,
  ...Paging,
});
export type MemberFilters = z.infer<typeof MemberFilters>;

/** Query of `GET /v1/organisations`. */
export const OrganisationFilters = z.strictObject({
  alliance: z.optional(Slug),
  type: z.optional(z.array(OrganisationType)),
  q,
  ...Paging,
});
export type OrganisationFilters = z.infer<typeof OrganisationFilters>;

/** Query of `GET /v1/events` and `GET /v1/events.ics`. */
export const EventFilters = z.strictObject({
  /** Events that end at or after this instant; a date means its start in Europe/Berlin. */
  from: z.optional(DayOrDateTime),
  /** Events that start before this instant; a date includes that whole day in Europe/Berlin. */
  to: z.optional(DayOrDateTime),
  alliance: z.optional(z.array(Slug).check(z.maxLength(50))),
  category: z.optional(z.array(EventCategory)),
  status: z.optional(z.array(EventStatus)),
  /** Matches title, summary, description and venue. */
  q,
  ...Paging,
});
export type EventFilters = z.infer<typeof EventFilters>;

/** Query of `GET /v1/focus-areas`. */
export const FocusAreaFilters = z.strictObject({ ...Paging });
export type FocusAreaFilters = z.infer<typeof FocusAreaFilters>;

/** Query of `GET /v1/changes`. */
export const ChangeFilters = z.strictObject({
  /** Changes of records that belong (or belonged) to this alliance. */
  alliance: z.optional(Slug),
  /** Changes after this instant (OParl's `modified_since`). */
  since: z.optional(DateTime),
  /** Changes after this `seq`: a mirror resumes from the last change it applied. */
  after: z.optional(z.int().check(z.gte(0))),
  ...Paging,
});
export type ChangeFilters = z.infer<typeof ChangeFilters>;
