/**
 * Calendar days as whole numbers and wall-clock time in an IANA zone, with `Intl.DateTimeFormat`
 * only (the runtime's ICU data knows every DST switch; no date library, no table of our own).
 *
 * A "day" is the number of days since 1970-01-01 of a calendar date, independent of any zone:
 * arithmetic on dates becomes arithmetic on integers, and a date never shifts with an offset.
 */

const DAY = 864e5;
const parts = new Map<string, Intl.DateTimeFormat>();
const wallMs = (w: number[]) => Date.UTC(w[0]!, w[1]! - 1, w[2]!, w[3]!, w[4]!, w[5]!);

/** The day number of a calendar date (month 1–12). */
export const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY;

/** `[year, month 1–12, day]` of a day number. */
export function ymd(day: number): [number, number, number] {
  const d = new Date(day * DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Weekday of a day number, Monday = 0 … Sunday = 6. */
export const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** `YYYY-MM-DD` of a day number. */
export const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** The day number of `YYYY-MM-DD`, or NaN. */
export const parseDay = (s: string): number => Date.parse(s.slice(0, 10) + 'T00:00Z') / DAY;

/** A Date at noon UTC of a day: formatted with `timeZone: 'UTC'`, it is that calendar day anywhere. */
export const dateOfDay = (day: number): Date => new Date(day * DAY + DAY / 2);

/** The wall clock as `[y, m, d, h, mi, s]`, straight from Intl (some microseconds a call). */
function intlWall(ms: number, tz: string): number[] {
  let f = parts.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    parts.set(tz, f);
  }
  const o: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) o[p.type] = +p.value;
  return [o.year!, o.month!, o.day!, o.hour!, o.minute!, o.second!];
}

const offsets = new Map<string, number | null>();

/** The zone's offset over the span `start…start + len`, or null when it changes within it. */
function offsetOver(start: number, len: number, tz: string): number | null {
  const key = tz + start + '/' + len;
  let o = offsets.get(key);
  if (o === undefined) {
    const a = wallMs(intlWall(start, tz)) - start;
    o = a === wallMs(intlWall(start + len - 1e3, tz)) - start - len + 1e3 ? a : null;
    offsets.set(key, o);
  }
  return o;
}

/**
 * `[y, m, d, h, mi, s]` of the wall clock in `tz` at the instant `ms`. A month of 1,000 events
 * needs thousands of these, and Intl takes some microseconds each: the offset is cached per UTC
 * day, for days with one offset throughout (two Intl calls a day); in a day with a switch, per
 * hour; an hour with the switch in it is always asked afresh.
 */
export function wallAt(ms: number, tz: string): number[] {
  const day = Math.floor(ms / DAY) * DAY;
  let o = offsetOver(day, DAY, tz);
  if (o === null) o = offsetOver(Math.floor(ms / 36e5) * 36e5, 36e5, tz);
  if (o === null) return intlWall(ms, tz);
  const d = new Date(ms + o);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
}

/** Per zone: the offset of each UTC day (day number) that has one offset throughout, else null. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/**
 * The calendar day (day number) in `tz` at the instant `ms`. The month's first render asks this
 * twice per event: a day with one offset throughout answers from a numeric cache with plain
 * arithmetic (no key string, no Date, no array), which made `occurrences` markedly cheaper.
 */
export function zonedDay(ms: number, tz: string): number {
  const day = Math.floor(ms / DAY);
  let zone = dayOffsets.get(tz);
  if (!zone) dayOffsets.set(tz, (zone = new Map()));
  let o = zone.get(day);
  if (o === undefined) zone.set(day, (o = offsetOver(day * DAY, DAY, tz)));
  if (o !== null) return Math.floor((ms + o) / DAY);
  const [y, m, d] = wallAt(ms, tz);
  return dayOf(y!, m!, d!);
}

/**
 * The instant of a wall-clock time in `tz`. In the hour that October repeats, the first pass (as
 * RFC 5545 §3.3.5 says); a time the spring switch skips (02:30 on the last Sunday of March) moves
 * forward by the gap, to 03:30, as calendar apps do.
 */
export function toInstant(day: number, time: readonly number[], tz: string): number {
  const [y, m, d] = ymd(day);
  const local = Date.UTC(y, m - 1, d, time[0] ?? 0, time[1] ?? 0, time[2] ?? 0);
  // The offsets half a day before and after: a zone switches at most once in between.
  const offsets = [local - 432e5, local + 432e5].map((t) => wallMs(wallAt(t, tz)) - Math.floor(t / 1000) * 1000);
  let best = NaN;
  for (const o of offsets) {
    const t = local - o;
    if (wallMs(wallAt(t, tz)) === local && !(t >= best)) best = t;
  }
  // In the gap neither offset round-trips: take the offset from before the switch.
  return Number.isNaN(best) ? local - offsets[0]! : best;
}
