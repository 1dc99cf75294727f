/**
 * Wall-clock time in an IANA time zone, computed with `Intl.DateTimeFormat` so that the rules come
 * from the ICU data of the runtime (historic and future DST switches included) instead of a table
 * of our own that could drift.
 */

/** A wall-clock time without zone: what a clock on the wall in that zone shows. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The zone every date of the domain is shown in. */
export const BERLIN = 'Europe/Berlin';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone: building one costs far more than using it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows `timeZone` as an IANA zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timeZone` at the instant `ms` (milliseconds since the epoch). */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The wall time read as if it were UTC: the base for offset arithmetic. */
export function wallAsUtcMs(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The UTC offset of `timeZone` at the instant `ms`, in minutes (Berlin: 60 or 120). */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const floored = Math.floor(ms / 1000) * 1000;
  return Math.round((wallAsUtcMs(wallTimeAt(floored, timeZone)) - floored) / 60_000);
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day
    && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

/**
 * The instant a wall-clock time in `timeZone` stands for, with the rules of RFC 5545 §3.3.5: a time
 * that occurs twice (the autumn hour) means its first occurrence; a time that does not exist (the
 * spring gap) is read with the offset in force before the gap.
 */
export function wallTimeToInstant(w: WallTime, timeZone: string): number {
  const base = wallAsUtcMs(w);
  const day = 86_400_000;
  // A day either side lies outside any DST switch window, so these are the two offsets that can apply.
  const before = offsetMinutesAt(base - day, timeZone) * 60_000;
  const after = offsetMinutesAt(base + day, timeZone) * 60_000;
  const candidates = [base - before, base - after]
    .filter((t) => sameWall(wallTimeAt(t, timeZone), w))
    .sort((a, b) => a - b);
  return candidates[0] ?? base - before;
}

/**
 * Whether writing the instant `ms` as its wall time in `timeZone` would be read back as another
 * instant: true only for the second pass through the repeated autumn hour.
 */
export function isAmbiguousSecondPass(ms: number, timeZone: string): boolean {
  const floored = Math.floor(ms / 1000) * 1000;
  return wallTimeToInstant(wallTimeAt(floored, timeZone), timeZone) !== floored;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a wall time. */
export function isoDate(w: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Formats an offset in minutes as `+01:00`; zero as `+00:00` (never `Z`, to keep one form). */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The instant `ms` as ISO 8601 with the offset of `timeZone`, e.g. `2026-03-29T03:30:00+02:00`. */
export function toIsoInZone(ms: number, timeZone: string): string {
  const floored = Math.floor(ms / 1000) * 1000;
  const w = wallTimeAt(floored, timeZone);
  return `${isoDate(w)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${formatOffset(offsetMinutesAt(floored, timeZone))}`;
}

/** Adds `days` to a `YYYY-MM-DD` date (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}
