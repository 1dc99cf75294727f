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

/** The UTC offset at `ms` in milliseconds, straight from Intl (the slow path). */
function intlOffsetMs(ms: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - ms;
}

const HOUR = 3_600_000;
const offsetCache = new Map<string, Map<number, number | null>>();

/**
 * The UTC offset at `ms` in milliseconds. Intl's `formatToParts` costs microseconds per call and a
 * feed needs several per event, so offsets are cached per UTC hour — for hours with one offset
 * throughout; an hour with a switch in it (a `null` entry) is always asked afresh.
 */
function offsetMsAt(ms: number, timeZone: string): number {
  const floored = Math.floor(ms / 1000) * 1000;
  let zoneCache = offsetCache.get(timeZone);
  if (!zoneCache) offsetCache.set(timeZone, (zoneCache = new Map()));
  const hour = Math.floor(floored / HOUR);
  let cached = zoneCache.get(hour);
  if (cached === undefined) {
    const first = intlOffsetMs(hour * HOUR, timeZone);
    cached = first === intlOffsetMs(hour * HOUR + HOUR - 1000, timeZone) ? first : null;
    if (zoneCache.size > 100_000) zoneCache.clear(); // bounded: a feed spans a few thousand hours
    zoneCache.set(hour, cached);
  }
  return cached ?? intlOffsetMs(floored, timeZone);
}

/** The wall-clock time in `timeZone` at the instant `ms` (milliseconds since the epoch). */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
  const floored = Math.floor(ms / 1000) * 1000;
  const d = new Date(floored + offsetMsAt(floored, timeZone));
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

/** The wall time read as if it were UTC: the base for offset arithmetic. */
export function wallAsUtcMs(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The UTC offset of `timeZone` at the instant `ms`, in minutes (Berlin: 60 or 120). */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  return Math.round(offsetMsAt(ms, timeZone) / 60_000);
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day
    && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

/** Every instant whose wall time in `timeZone` is `w`: two in a repeated hour, none in a gap. */
function instantsForWall(w: WallTime, timeZone: string): number[] {
  const base = wallAsUtcMs(w);
  const day = 86_400_000;
  // A day either side lies outside any DST switch window, so these are the two offsets that can apply.
  const offsets = new Set([offsetMinutesAt(base - day, timeZone), offsetMinutesAt(base + day, timeZone)]);
  return [...offsets]
    .map((o) => base - o * 60_000)
    .filter((t) => sameWall(wallTimeAt(t, timeZone), w))
    .sort((a, b) => a - b);
}

/**
 * The instant a wall-clock time in `timeZone` stands for, with the rules of RFC 5545 §3.3.5: a time
 * that occurs twice (the autumn hour) means its first occurrence; a time that does not exist (the
 * spring gap) is read with the offset in force before the gap.
 */
export function wallTimeToInstant(w: WallTime, timeZone: string): number {
  const candidates = instantsForWall(w, timeZone);
  return candidates[0] ?? wallAsUtcMs(w) - offsetMinutesAt(wallAsUtcMs(w) - 86_400_000, timeZone) * 60_000;
}

/**
 * Whether the wall time of the instant `ms` in `timeZone` occurs twice (the repeated hour in
 * October). Clients disagree on which pass such a wall time means (RFC 5545 says the first,
 * ical.js takes the second), so these instants are better written in UTC.
 */
export function isAmbiguousWallTime(ms: number, timeZone: string): boolean {
  const floored = Math.floor(ms / 1000) * 1000;
  return instantsForWall(wallTimeAt(floored, timeZone), timeZone).length > 1;
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
