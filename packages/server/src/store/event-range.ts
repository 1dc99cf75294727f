import { type Event, partialDateRange } from '@fachkraefte/schema';
import { addDays, BERLIN, wallTimeToInstant } from '../export/zoned-time.js';

const DAY = 86_400_000;

/** Midnight at the start of a calendar day in Europe/Berlin, as an instant. */
export function berlinMidnight(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(wallTimeToInstant({ year, month, day, hour: 0, minute: 0, second: 0 }, BERLIN));
}

/**
 * The time an event occupies, for range queries: from its first start to the end of its last
 * occurrence. All-day events run from midnight to midnight in Europe/Berlin; an event known only
 * to the month covers the month. `end` is null for a series without end.
 */
export function eventRange(event: Pick<Event, 'start' | 'end' | 'allDay' | 'recurrence'>): { start: Date; end: Date | null } {
  let start: Date;
  let end: Date;
  if (event.allDay) {
    start = berlinMidnight(partialDateRange(event.start).first);
    end = berlinMidnight(addDays(partialDateRange(event.end ?? event.start).last, 1));
  } else {
    start = new Date(event.start);
    end = event.end ? new Date(event.end) : start;
  }
  if (!event.recurrence) return { start, end };
  return { start, end: seriesEnd(event.recurrence.rrule, start, end.getTime() - start.getTime()) };
}

/** The instant a former start (`previousStart`) stood for: an all-day date at its Berlin midnight. */
export function previousInstant(value: string, allDay: boolean): Date {
  return allDay ? berlinMidnight(partialDateRange(value).first) : new Date(value);
}

/** The longest a period of each frequency can last. */
const PERIOD_MS: Record<string, number> = { DAILY: DAY, WEEKLY: 7 * DAY, MONTHLY: 31 * DAY, YEARLY: 366 * DAY };

/**
 * A bound on the end of a series, computed from the rule without expanding it: expanding a rule
 * that never matches (BYMONTH=2;BYMONTHDAY=30) can take seconds, and the bound only has to be
 * late enough for range queries, which the clients refine by expanding the series themselves.
 * UNTIL bounds the last start; COUNT without BY… parts bounds it by COUNT periods; a COUNT with
 * BY… parts (which may thin the series arbitrarily) or no end at all gives null: open-ended.
 */
function seriesEnd(rule: string, start: Date, durationMs: number): Date | null {
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const until = parts.get('UNTIL');
  if (until) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(until);
    if (m) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 23), +(m[5] ?? 59), +(m[6] ?? 59)) + durationMs + DAY);
    return null;
  }
  const count = Number(parts.get('COUNT'));
  const period = PERIOD_MS[parts.get('FREQ') ?? ''];
  if (!Number.isInteger(count) || count < 1 || !period || [...parts.keys()].some((k) => k.startsWith('BY'))) return null;
  const interval = Number(parts.get('INTERVAL') ?? 1);
  // One day of slack: the series keeps its Berlin wall time across DST switches.
  return new Date(start.getTime() + (count - 1) * interval * period + durationMs + DAY);
}
