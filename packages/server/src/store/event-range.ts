import { type Event, partialDateRange } from '@fachkraefte/schema';
import rrulePkg from 'rrule';
import { addDays, BERLIN, wallTimeToInstant } from '../export/zoned-time.js';

// rrule ships CommonJS; its named exports are not visible to Node's ESM loader.
const { rrulestr } = rrulePkg as unknown as typeof import('rrule');

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
  const rule = event.recurrence.rrule;
  if (!/(^|;)(COUNT|UNTIL)=/.test(rule)) return { start, end: null };
  const dtstart = start.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const occurrences = rrulestr(`DTSTART:${dtstart}\nRRULE:${rule}`).all((_, i) => i < 10_000);
  const last = occurrences.at(-1) ?? start;
  // One day of slack: the rule runs in UTC, while the series keeps its Berlin wall time across DST.
  return { start, end: new Date(last.getTime() + (end.getTime() - start.getTime()) + DAY) };
}
