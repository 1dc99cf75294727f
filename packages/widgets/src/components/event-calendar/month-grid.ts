/**
 * From events to what the calendar shows: occurrences (recurring events expanded) with their
 * first and last day in the calendar's zone, the weeks of a month, and per week the order of the
 * entries in each day so that an event over several days keeps one row across those days.
 */
import type { Event } from '@fachkraefte/schema';
import { dayOf, spansOf, weekday, ymd, type Span } from '@fachkraefte/schema/rrule';
import { sortByText } from '../../internal/search.js';

/** One occurrence of an event as the calendar shows it. */
export interface Occurrence {
  event: Event;
  /** Unique per occurrence: the event id and, for a series, the day. */
  key: string;
  /** First and last day (day numbers, inclusive) in the calendar's zone. */
  first: number;
  last: number;
  /** Start and end instants (ms) of a timed event; null for all-day events. */
  start: number | null;
  end: number | null;
  /** Known only to the month (`2016-07`): shown for the month, not on a day. */
  monthOnly: boolean;
}

const warned = new Set<string>();

/**
 * Every occurrence of `events` that touches the days `from…to` (day numbers, inclusive), in the
 * order a reader expects: by first day, month-only first, then all-day and longer ones, then by
 * start time and title.
 */
export function occurrences(events: readonly Event[], from: number, to: number, tz: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const e of events) {
    let spans: Span[];
    try {
      spans = spansOf(e, from, to, tz);
    } catch (error) {
      // A rule this expander does not support: show the first date rather than nothing, and say so once.
      if (!warned.has(e.id)) {
        warned.add(e.id);
        console.warn(`[fachkraefte] <fk-event-calendar>: event "${e.id}": ${(error as Error).message}; showing its first date only`);
      }
      spans = spansOf({ ...e, recurrence: null }, from, to, tz);
    }
    for (const s of spans) {
      out.push({ event: e, key: s.series ? `${e.id}@${s.first}` : e.id, first: s.first, last: s.last, start: s.start, end: s.end, monthOnly: s.monthOnly });
    }
  }
  // Sorted by title first (German dictionary order, see sortByText); the sort by time below is
  // stable, so events that start and end alike stay in title order.
  return sortByText(out, (o) => o.event.title).sort(
    (a, b) =>
      a.first - b.first || +b.monthOnly - +a.monthOnly || +(b.start === null) - +(a.start === null) ||
      b.last - a.last || (a.start ?? 0) - (b.start ?? 0),
  );
}

/** The weeks (Monday first) that show the month `y`-`m`: each a list of seven day numbers. */
export function monthWeeks(y: number, m: number): number[][] {
  const first = dayOf(y, m, 1);
  const last = dayOf(y, m + 1, 0);
  const weeks: number[][] = [];
  for (let d = first - weekday(first); d <= last; d += 7) weeks.push([0, 1, 2, 3, 4, 5, 6].map((i) => d + i));
  return weeks;
}

/** The month (as `year * 12 + month - 1`) of a day number. */
export function monthOf(day: number): number {
  const [y, m] = ymd(day);
  return y * 12 + m - 1;
}

/**
 * The occurrences of each week of `weeks` (day entries, month-only ones left out), in their order:
 * computed once per data and filter, so that laying out a week does not scan the whole month.
 */
export function byWeek(occ: readonly Occurrence[], weeks: readonly (readonly number[])[]): Occurrence[][] {
  const out: Occurrence[][] = weeks.map(() => []);
  const w0 = weeks[0]![0]!;
  for (const o of occ) {
    if (o.monthOnly) continue;
    const last = Math.min(weeks.length - 1, Math.floor((o.last - w0) / 7));
    for (let w = Math.max(0, Math.floor((o.first - w0) / 7)); w <= last; w++) out[w]!.push(o);
  }
  return out;
}

/**
 * The entries of each day of a week, in rows: an occurrence over several days gets one row (lane)
 * for the whole week, so its pieces line up; `null` keeps a row free where a longer event of
 * another day runs. Single-day entries fill the rows below.
 */
export function layoutWeek(week: readonly number[], occ: readonly Occurrence[]): (Occurrence | null)[][] {
  const w0 = week[0]!;
  const w6 = week[6]!;
  const cells: (Occurrence | null)[][] = week.map(() => []);
  const lanes: number[] = []; // the last day each lane is taken until
  for (const o of occ) {
    if (o.monthOnly || o.last < w0 || o.first > w6 || o.first === o.last) continue;
    const a = Math.max(o.first, w0) - w0;
    const b = Math.min(o.last, w6) - w0;
    let lane = lanes.findIndex((until) => until < a);
    if (lane < 0) lane = lanes.length;
    lanes[lane] = b;
    for (let i = a; i <= b; i++) {
      const cell = cells[i]!;
      while (cell.length < lane) cell.push(null);
      cell[lane] = o;
    }
  }
  for (const o of occ) {
    if (o.monthOnly || o.first !== o.last || o.first < w0 || o.first > w6) continue;
    const cell = cells[o.first - w0]!;
    const free = cell.indexOf(null);
    if (free >= 0) cell[free] = o;
    else cell.push(o);
  }
  return cells;
}
