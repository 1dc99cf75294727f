import { describe, expect, it } from 'vitest';
import { berlinMidnight, eventRange } from './event-range.js';

const timed = { start: '2026-03-04T18:00:00+01:00', end: '2026-03-04T20:00:00+01:00', allDay: false };

describe('eventRange', () => {
  it('runs all-day events from Berlin midnight to the midnight after their last day', () => {
    const r = eventRange({ start: '2026-03-28', end: '2026-03-29', allDay: true, recurrence: null });
    expect(r.start.toISOString()).toBe('2026-03-27T23:00:00.000Z');
    // The night of the spring switch: midnight after the 29th is already summer time.
    expect(r.end?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(berlinMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('spans the month of a month-only date', () => {
    const r = eventRange({ start: '2016-07', end: null, allDay: true, recurrence: null });
    expect([r.start.toISOString(), r.end?.toISOString()]).toEqual(['2016-06-30T22:00:00.000Z', '2016-07-31T22:00:00.000Z']);
  });

  it('bounds a COUNT series by its periods, and an UNTIL series by UNTIL', () => {
    const count = eventRange({ ...timed, recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=3', exdates: [] } });
    // Last start 4 weeks on, plus two hours, plus a day of slack.
    expect(count.end?.toISOString()).toBe('2026-04-02T19:00:00.000Z');
    const until = eventRange({ ...timed, recurrence: { rrule: 'FREQ=DAILY;UNTIL=20260310T170000Z', exdates: [] } });
    expect(until.end?.toISOString()).toBe('2026-03-11T19:00:00.000Z');
  });

  it('leaves open-ended what it cannot bound without expanding the rule', () => {
    for (const rrule of ['FREQ=YEARLY', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=1', 'FREQ=MONTHLY;BYDAY=-1SU;COUNT=5']) {
      expect(eventRange({ ...timed, recurrence: { rrule, exdates: [] } }).end, rrule).toBeNull();
    }
  });
});
