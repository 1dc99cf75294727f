import * as z from 'zod/mini';
import { _isoDate, _isoDateTime } from 'zod/v4/core';
import { Address, HttpUrl, named, Position, Slug, text } from './common.js';
import { parsePartialDate, PartialDate } from './partial-date.js';

/** An ISO 8601 date-time with an explicit offset, e.g. `2016-11-30T18:00:00+01:00`. */
export const DateTime = /* @__PURE__ */ named(
  // What z.iso.datetime() and z.iso.date() do, without `z.iso`: a namespace object that bundlers
  // keep whole, with every ISO format of zod, in each browser bundle.
  _isoDateTime(z.ZodMiniISODateTime, { offset: true, local: false, error: 'expected an ISO 8601 date-time with offset' }),
  'DateTime',
);

/** Whether an event takes place as planned. */
export const EventStatus = /* @__PURE__ */ named(
  z.enum(['scheduled', 'cancelled', 'postponed', 'rescheduled']),
  'EventStatus',
);
export type EventStatus = z.infer<typeof EventStatus>;

/** The event categories, as stable codes. */
export const EVENT_CATEGORIES = [
  'vollversammlung', 'berufsorientierung', 'informationsveranstaltung', 'netzwerktreffen',
  'konferenz', 'unterzeichnung', 'workshop', 'messe', 'sonstige',
] as const;

/** German labels of the event categories. */
export const EVENT_CATEGORY_LABELS = {
  vollversammlung: 'Vollversammlung',
  berufsorientierung: 'Berufsorientierung',
  informationsveranstaltung: 'Informationsveranstaltung',
  netzwerktreffen: 'Netzwerktreffen',
  konferenz: 'Konferenz',
  unterzeichnung: 'Unterzeichnung',
  workshop: 'Workshop',
  messe: 'Messe',
  sonstige: 'Sonstige',
} as const satisfies Record<(typeof EVENT_CATEGORIES)[number], string>;

/** An event category. */
export const EventCategory = /* @__PURE__ */ named(z.enum(EVENT_CATEGORIES), 'EventCategory');
export type EventCategory = z.infer<typeof EventCategory>;

/** Where an event takes place. */
export const Venue = /* @__PURE__ */ named(
  z.object({ name: text(200), address: z.nullable(Address), position: z.nullable(Position) }),
  'Venue',
);
export type Venue = z.infer<typeof Venue>;

const RRULE_RE = /^(?:[A-Z]+=[A-Za-z0-9,:+-]+)(?:;[A-Z]+=[A-Za-z0-9,:+-]+)*$/;

/** An RFC 5545 recurrence: the RRULE value and dates left out of the series. */
export const Recurrence = /* @__PURE__ */ named(
  z.object({
    rrule: z.string().check(
      z.maxLength(500),
      z.regex(RRULE_RE, 'expected an RFC 5545 RRULE value such as FREQ=YEARLY;COUNT=3'),
      z.refine((s) => /(^|;)FREQ=(YEARLY|MONTHLY|WEEKLY|DAILY)(;|$)/.test(s), 'FREQ must be YEARLY, MONTHLY, WEEKLY or DAILY'),
    ),
    exdates: z.array(z.union([DateTime, _isoDate(z.ZodMiniISODate)])).check(z.maxLength(500)),
  }),
  'Recurrence',
);
export type Recurrence = z.infer<typeof Recurrence>;

/** The fields of an event, shared with the write schemas in input.ts. */
export const eventFields = {
  title: text(300),
  summary: z.nullable(text(1000)),
  description: z.nullable(text(20000)),
  /**
   * Timed events: an ISO date-time with offset. All-day events: a date (`2016-11-30`); where the
   * sources give only the month, a partial date (`2016-07`).
   */
  start: z.string(),
  /** Like `start`; for all-day events the last day, inclusive. Null: ends when it starts / open. */
  end: z.nullable(z.string()),
  /**
   * Where a `rescheduled` event was planned before (schema.org `previousStartDate`), in the form
   * of `start`; null when not known. Only a rescheduled event has one.
   */
  previousStart: z.nullable(z.string()),
  allDay: z.boolean(),
  venue: z.nullable(Venue),
  onlineUrl: z.nullable(HttpUrl),
  status: EventStatus,
  categories: z.array(EventCategory).check(z.maxLength(10)),
  alliances: z.array(Slug).check(z.maxLength(50)),
  organisers: z.array(Slug).check(z.maxLength(50)),
  registrationUrl: z.nullable(HttpUrl),
  recurrence: z.nullable(Recurrence),
};

const isDateTime = (s: string) => DateTime.safeParse(s).success;

type Timing = { start: string; end: string | null; allDay: boolean };

/**
 * What is wrong with an event's `previousStart`, or null: only a rescheduled event names its
 * former start, in the form of `start` and not equal to it. A write rule, checked by the server
 * (400 naming `previousStart`) and by apps before they send; kept out of `Event`'s own checks so
 * that the widgets, which only read, do not ship it.
 *
 * @example
 * ```ts
 * previousStartProblem({ status: 'scheduled', allDay: true, start: '2027-03-10', previousStart: '2027-03-03' });
 * // → 'only a rescheduled event has one (status is "scheduled"): send null, or status "rescheduled"'
 * ```
 */
export function previousStartProblem(e: Timing & { status: EventStatus; previousStart?: string | null | undefined }): string | null {
  const p = e.previousStart;
  if (p == null) return null;
  if (e.status !== 'rescheduled') return `only a rescheduled event has one (status is "${e.status}"): send null, or status "rescheduled"`;
  if (e.allDay ? parsePartialDate(p) === null : !isDateTime(p)) {
    return e.allDay ? 'expected a date (YYYY-MM-DD, or YYYY-MM) like start, as the event is all-day' : 'expected an ISO 8601 date-time with offset like start';
  }
  return p === e.start ? 'must differ from start (the new date)' : null;
}

/** Checks that start and end match `allDay` and that the event does not end before it starts. */
function checkTiming(ctx: z.core.ParsePayload<Timing>): void {
  const { start, end, allDay } = ctx.value;
  const issue = (path: string, message: string, input: unknown) =>
    ctx.issues.push({ code: 'custom', path: [path], message, input });
  if (allDay) {
    const startOk = parsePartialDate(start) !== null;
    const endOk = end !== null && parsePartialDate(end) !== null;
    if (!startOk) issue('start', 'expected a date (YYYY-MM-DD, or YYYY-MM where only the month is known) for an all-day event', start);
    if (end !== null && !endOk) issue('end', 'expected a date (YYYY-MM-DD) for an all-day event', end);
    if (startOk && endOk && end < start) issue('end', 'must not be before start', end);
  } else {
    // Each value checked once: a calendar month validates a thousand events at a time.
    const startOk = isDateTime(start);
    const endOk = end !== null && isDateTime(end);
    if (!startOk) issue('start', 'expected an ISO 8601 date-time with offset', start);
    if (end !== null && !endOk) issue('end', 'expected an ISO 8601 date-time with offset', end);
    if (startOk && endOk && Date.parse(end) < Date.parse(start)) issue('end', 'must not be before start', end);
  }
}

/** An event of one or several alliances. */
export const Event = /* @__PURE__ */ named(
  z.object({
    id: Slug,
    ...eventFields,
    /** Absent on records of older servers (this server always writes it, null when unknown). */
    previousStart: z.optional(eventFields.previousStart),
    fictitious: z.boolean(),
    /** When the record last changed (ISO 8601 date-time, UTC); absent on records of older servers. */
    modified: z.optional(z.string()),
  }).check(checkTiming),
  'Event',
);
export type Event = z.infer<typeof Event>;

