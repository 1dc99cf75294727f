/**
 * Wall-clock arithmetic in Europe/Berlin for the generated data sets.
 *
 * The rule is written out (EU summer time since 1996: last Sunday of March 01:00 UTC to last
 * Sunday of October 01:00 UTC) rather than read from `Intl`, so the generated data cannot change
 * with the ICU build a machine happens to carry. The tests check the rule against `Intl`.
 */

/** A calendar day: year, month 1–12, day 1–31. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The day of the month of the last Sunday of `month` (1–12) in `year`. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** Whether the instant `ms` (epoch milliseconds) falls into Central European Summer Time. */
function isSummerInstant(ms: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  const begin = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const end = Date.UTC(year, 9, lastSunday(year, 10), 1);
  return ms >= begin && ms < end;
}

/** The calendar day and time of day that an instant shows on a clock in Berlin. */
export function berlinWallClock(instant: Date): CalendarDay & { hour: number; minute: number } {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('expected a valid Date, got an invalid one');
  const local = new Date(ms + (isSummerInstant(ms) ? 2 : 1) * 3_600_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** `day` shifted by `days` calendar days (negative moves back). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `day` shifted by whole months, keeping the day of the month (callers keep it ≤ 28). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1 + months, day.day));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: CalendarDay): number {
  const wd = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** `YYYY-MM-DD`, the form all-day events carry. */
export function isoDate(day: CalendarDay): string {
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/**
 * The UTC offset (`+01:00` or `+02:00`) that Berlin clocks show at the wall-clock time
 * `day` `hour`:`minute`. The hour that does not exist in spring and the hour that happens twice
 * in autumn have no single answer, so they throw rather than guess.
 */
export function berlinOffset(day: CalendarDay, hour: number, minute = 0): '+01:00' | '+02:00' {
  const { year, month } = day;
  const springDay = lastSunday(year, 3);
  const autumnDay = lastSunday(year, 10);
  if (month === 3 && day.day === springDay && hour === 2) {
    throw new RangeError(`${isoDate(day)} ${pad(hour)}:${pad(minute)} does not exist in Europe/Berlin (clocks go forward)`);
  }
  if (month === 10 && day.day === autumnDay && hour === 2) {
    throw new RangeError(`${isoDate(day)} ${pad(hour)}:${pad(minute)} is ambiguous in Europe/Berlin (clocks go back)`);
  }
  let summer: boolean;
  if (month > 3 && month < 10) summer = true;
  else if (month < 3 || month > 10) summer = false;
  else if (month === 3) summer = day.day > springDay || (day.day === springDay && hour >= 3);
  else summer = day.day < autumnDay || (day.day === autumnDay && hour < 2);
  return summer ? '+02:00' : '+01:00';
}

/** An ISO 8601 date-time with the Berlin offset, e.g. `2026-11-30T18:00:00+01:00`. */
export function berlinDateTime(day: CalendarDay, hour: number, minute = 0): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`expected a time of day, got ${hour}:${minute}`);
  }
  return `${isoDate(day)}T${pad(hour)}:${pad(minute)}:00${berlinOffset(day, hour, minute)}`;
}
