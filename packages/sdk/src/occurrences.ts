import type { Event } from '@fachkraefte/schema';
import { isoDay, parseDay, spansOf, wallAt, zonedDay } from '@fachkraefte/schema/rrule';

/**
 * An ISO 8601 date, `2026-03-04`. The type checks the shape (numbers between dashes) as far as a
 * template literal type can without a union of every date, so that `'next month'` or
 * `'04.03.2026'` does not compile; the value is checked when it is used.
 */
export type IsoDate = `${number}-${number}-${number}`;

/** An ISO 8601 date-time with offset, `2026-03-04T18:00:00+01:00` or `…Z`. */
export type IsoDateTime = `${number}-${number}-${number}T${number}:${number}${string}`;

/**
 * A point in time as the event filters and {@link occurrences} take it: a `Date`, an ISO date (a
 * calendar day in Europe/Berlin) or an ISO date-time with offset.
 */
export type DateInput = Date | IsoDate | IsoDateTime;

/** One occurrence of an event (see {@link occurrences}). */
export interface Occurrence<E extends Event = Event> {
  /** The event this is an occurrence of: for a series, the series. */
  event: E;
  /**
   * As `Event.start`: an ISO date-time with the offset of Europe/Berlin on that day
   * (`2026-03-04T18:00:00+01:00`), or for an all-day event its date.
   */
  start: string;
  /** As `Event.end`: `null` when the event has no end. */
  end: string | null;
}

/** Options of {@link occurrences}. */
export interface OccurrenceRange {
  /** Occurrences that end at or after this instant; a date means its start in Europe/Berlin. */
  from: DateInput;
  /** Occurrences that start before this instant; a date includes that whole day in Europe/Berlin. */
  to: DateInput;
}

const TZ = 'Europe/Berlin';
const DAY = 864e5;
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM:SS+01:00` of an instant, in Europe/Berlin wall time with its offset. */
function berlinDateTime(ms: number): string {
  const [y, m, d, h, mi, s] = wallAt(ms, TZ) as [number, number, number, number, number, number];
  const offset = Math.round((Date.UTC(y, m - 1, d, h, mi, s) - Math.floor(ms / 1000) * 1000) / 6e4);
  const sign = offset < 0 ? '-' : '+';
  return `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The start of a Berlin day (day number) as an instant. */
const dayStart = (day: number): number => {
  // Midnight exists in Europe/Berlin on every day (the switches happen at 02:00 and 03:00).
  const noon = day * DAY + DAY / 2;
  const [, , , h = 0, mi = 0] = wallAt(noon, TZ);
  return noon - ((h - 12) * 60 + mi) * 6e4 - DAY / 2;
};

/** An input as an instant (ms); a date is the start (`end`: the end) of that day in Europe/Berlin. */
function instant(value: DateInput, name: string, end: boolean): number {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`${name}: expected a valid Date`);
    return value.getTime();
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = parseDay(value);
    if (!Number.isNaN(day) && isoDay(day) === value) return dayStart(end ? day + 1 : day);
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new RangeError(`${name}: expected a Date, an ISO date (YYYY-MM-DD) or a date-time with offset, got "${String(value)}"`);
}

/**
 * The occurrences of an event between `from` and `to`: for a recurring event each date of its
 * series (RFC 5545 RRULE, expanded in Europe/Berlin wall time, so a meeting at 18:00 stays at
 * 18:00 across the DST switches; dates in its EXDATEs left out), for a single event the event
 * itself when it falls in the range. The same expander the calendar widget uses.
 *
 * The event lists return a series once, by its first date, whenever any of its dates can fall in
 * the filter's range: this gives the dates.
 *
 * @param event An event from `client.events.list`, `iterate` or `get`.
 * @param range `from` and `to`, as the event filters take them.
 * @returns In start order; empty when no occurrence falls in the range.
 * @throws RangeError for an invalid `from`/`to`, or a recurrence rule the API does not accept.
 * @example
 * ```ts
 * import { createClient, occurrences } from '@fachkraefte/sdk';
 * const client = createClient({ baseUrl: 'https://daten.example.de' });
 * const range = { from: '2026-04-01', to: '2026-04-30' } as const;
 * const { items } = await client.events.list(range);
 * for (const o of items.flatMap((e) => occurrences(e, range))) console.log(o.start, o.event.title);
 * ```
 */
export function occurrences<E extends Event>(event: E, range: OccurrenceRange): Occurrence<E>[] {
  const from = instant(range.from, 'from', false);
  const to = instant(range.to, 'to', true);
  if (to <= from) return [];
  // Days with a margin of one on each side; the exact bounds are checked on the instants below.
  const spans = spansOf(event, zonedDay(from, TZ) - 1, zonedDay(to, TZ) + 1, TZ);
  const out: Occurrence<E>[] = [];
  for (const s of spans) {
    const begins = s.start ?? dayStart(s.first);
    const ends = s.end ?? dayStart(s.last + 1);
    // As the API's filters: ends at or after `from`, starts before `to`. An all-day day ends at
    // the next midnight (exclusive).
    if ((s.start === null ? ends <= from : ends < from) || begins >= to) continue;
    if (!s.series) {
      out.push({ event, start: event.start, end: event.end });
    } else if (s.start !== null) {
      out.push({ event, start: berlinDateTime(s.start), end: event.end === null ? null : berlinDateTime(s.end!) });
    } else {
      out.push({ event, start: isoDay(s.first), end: event.end === null ? null : isoDay(s.last) });
    }
  }
  return out;
}
