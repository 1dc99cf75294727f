import { describe, expect, it } from 'vitest';
import {
  addDays, isAmbiguousWallTime, offsetMinutesAt, toIsoInZone, wallTimeAt, wallTimeToInstant,
} from './zoned-time.js';

/** Wall time by Intl directly, the reference the cached arithmetic must match. */
function intlWall(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).format(new Date(ms)).replace(' ', 'T');
}
const show = (w: ReturnType<typeof wallTimeAt>) =>
  `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}T${[w.hour, w.minute, w.second].map((n) => String(n).padStart(2, '0')).join(':')}`;

describe('zoned time', () => {
  it('matches Intl every 7 minutes around switches, also where a switch is not on a whole UTC hour', () => {
    // St. John's (Newfoundland, -03:30) switches at 02:00 local = 05:30 UTC: inside a UTC hour.
    const cases: [string, string][] = [
      ['Europe/Berlin', '2026-03-29'], ['Europe/Berlin', '2026-10-25'],
      ['America/St_Johns', '2026-03-08'], ['America/St_Johns', '2026-11-01'], ['Australia/Lord_Howe', '2026-04-04'],
    ];
    for (const [zone, day] of cases) {
      const from = Date.parse(`${day}T00:00:00Z`) - 12 * 3_600_000;
      for (let t = from; t < from + 36 * 3_600_000; t += 7 * 60_000 + 13_000) {
        expect(show(wallTimeAt(t, zone)), `${zone} ${new Date(t).toISOString()}`).toBe(intlWall(t, zone));
      }
    }
  });

  it('reads a wall time in the spring gap with the offset before the gap (RFC 5545)', () => {
    const t = wallTimeToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin');
    expect(new Date(t).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads a repeated autumn wall time as the first occurrence and flags both passes', () => {
    const t = wallTimeToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin');
    expect(new Date(t).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(isAmbiguousWallTime(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(isAmbiguousWallTime(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(isAmbiguousWallTime(Date.parse('2026-10-25T02:00:00Z'), 'Europe/Berlin')).toBe(false);
    expect(isAmbiguousWallTime(Date.parse('2026-10-24T23:59:59Z'), 'Europe/Berlin')).toBe(false);
    expect(isAmbiguousWallTime(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe(false);
  });

  it('formats offsets and adds days across month and leap-year ends', () => {
    expect(toIsoInZone(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30:00+01:00');
    expect(toIsoInZone(Date.parse('2026-07-01T14:00:00Z'), 'America/St_Johns')).toBe('2026-07-01T11:30:00-02:30');
    expect(offsetMinutesAt(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
    expect(addDays('2017-01-01', -1)).toBe('2016-12-31');
  });
});
