/**
 * A small RFC 5545 RRULE expander, in calendar days and the zone's wall time: a weekly meeting at
 * 18:00 stays at 18:00 across the DST switches, as in every calendar app that reads the server's
 * feed (DTSTART;TZID=Europe/Berlin with the same RRULE). The `rrule` package would do this too,
 * at four times the size of the whole calendar.
 *
 * It expands what the schema's `parseRule` accepts, the subset the API takes in writes (FREQ,
 * INTERVAL, COUNT, UNTIL, BYDAY with ordinals, BYMONTHDAY, BYMONTH, BYSETPOS, WKST=MO). Anything
 * else is refused with a RangeError rather than expanded wrongly.
 */
import { parseRule, type Rule } from '@fachkraefte/schema/rrule';
import { dayOf, toInstant, weekday, ymd, zonedDay } from './zoned.js';

/** The days in `first…last` picked by BYDAY (ordinals count within that span). */
function pick(first: number, last: number, byday: [number, number][]): number[] {
  const out: number[] = [];
  for (const [n, w] of byday) {
    const all: number[] = [];
    for (let d = first + ((w - weekday(first) + 7) % 7); d <= last; d += 7) all.push(d);
    if (!n) out.push(...all);
    else {
      const d = all[n > 0 ? n - 1 : all.length + n];
      if (d !== undefined) out.push(d);
    }
  }
  return out;
}

/** The candidate days of one month (MONTHLY and YEARLY), before COUNT and UNTIL. */
function monthDays(r: Rule, y: number, m: number, startDay: number): number[] {
  const first = dayOf(y, m, 1);
  const len = dayOf(y, m + 1, 1) - first;
  const bmd = r.bymonthday.map((d) => (d > 0 ? d : len + 1 + d)).filter((d) => d >= 1 && d <= len).map((d) => first + d - 1);
  if (!r.byday.length) return r.bymonthday.length ? bmd : startDay <= len ? [first + startDay - 1] : [];
  const picked = pick(first, first + len - 1, r.byday);
  return r.bymonthday.length ? picked.filter((d) => bmd.includes(d)) : picked;
}

/** Options of {@link expand}. */
export interface ExpandOptions {
  /** First day (day number) of interest: earlier occurrences are counted but not returned. */
  from: number;
  /** Last day of interest (inclusive); expansion stops after it. */
  to: number;
  /** Days left out of the series (EXDATE); they still count towards COUNT, as RFC 5545 says. */
  exdays?: ReadonlySet<number>;
  /** Zone of the wall time, for UNTIL. @default 'Europe/Berlin' */
  tz?: string;
  /** Wall time `[h, mi, s]` of a timed series; left out for an all-day series. */
  time?: readonly number[];
}

/**
 * The start days of a series' occurrences between `from` and `to`, in order. `start` is DTSTART's
 * day; a DTSTART the rule does not match is left out (RFC 5545 leaves such a set undefined).
 *
 * @throws RangeError for a rule {@link parseRule} refuses.
 * @example
 * // every second Tuesday, six times, from 8 September 2026
 * expand('FREQ=MONTHLY;BYDAY=2TU;COUNT=6', dayOf(2026, 9, 8), { from: dayOf(2026, 9, 1), to: dayOf(2026, 12, 31) })
 */
export function expand(rule: string, start: number, o: ExpandOptions): number[] {
  const r = parseRule(rule);
  const tz = o.tz ?? 'Europe/Berlin';
  const [y0, m0, d0] = ymd(start);
  // UNTIL as the last allowed day, or for a timed series as the last allowed instant.
  let untilDay = Infinity;
  let untilMs = Infinity;
  if (r.until) {
    const u = r.until;
    const day = dayOf(+u.slice(0, 4), +u.slice(4, 6), +u.slice(6, 8));
    const t = u.length > 8 ? [+u.slice(9, 11), +u.slice(11, 13), +u.slice(13, 15)] : [23, 59, 59];
    if (u.endsWith('Z')) untilMs = day * 864e5 + ((t[0]! * 60 + t[1]!) * 60 + t[2]!) * 1e3;
    else untilMs = toInstant(day, t, tz);
    if (!o.time) untilDay = u.endsWith('Z') ? zonedDay(untilMs, tz) : day;
  }
  const out: number[] = [];
  let n = 0;
  for (let p = 0; p < 1e5; p++) {
    let c: number[];
    let first: number;
    if (r.freq === 'DAILY') c = [(first = start + p * r.interval)];
    else if (r.freq === 'WEEKLY') {
      const monday = (first = start - weekday(start) + 7 * p * r.interval);
      c = r.byday.length ? r.byday.map(([, w]) => monday + w) : [monday + weekday(start)];
    } else if (r.freq === 'MONTHLY') {
      const mi = m0 - 1 + p * r.interval;
      const y = y0 + Math.floor(mi / 12);
      first = dayOf(y, (mi % 12) + 1, 1);
      c = monthDays(r, y, (mi % 12) + 1, d0);
    } else {
      const y = y0 + p * r.interval;
      first = dayOf(y, 1, 1);
      c = r.bymonth.length || r.bymonthday.length
        ? (r.bymonth.length ? r.bymonth : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).flatMap((m) => monthDays(r, y, m, d0))
        : r.byday.length
          ? pick(dayOf(y, 1, 1), dayOf(y, 12, 31), r.byday)
          : monthDays(r, y, m0, d0);
    }
    // Periods only move forward: once one begins after `to`, nothing later can be shown. This also
    // ends rules that never match again (BYMONTHDAY=30 in February).
    if (first > o.to) return out;
    // BYMONTH, BYMONTHDAY and BYDAY limit DAILY and WEEKLY (they expand MONTHLY and YEARLY above).
    if (r.freq === 'DAILY' || r.freq === 'WEEKLY') {
      c = c.filter((d) => {
        const [, m, day] = ymd(d);
        const len = ymd(dayOf(ymd(d)[0], m + 1, 0))[2];
        return (!r.bymonth.length || r.bymonth.includes(m)) &&
          (!r.bymonthday.length || r.bymonthday.some((x) => x === day || len + 1 + x === day)) &&
          (r.freq === 'WEEKLY' || !r.byday.length || r.byday.some(([, w]) => w === weekday(d)));
      });
    } else if (r.bymonth.length) c = c.filter((d) => r.bymonth.includes(ymd(d)[1]));
    c = [...new Set(c)].sort((a, b) => a - b);
    // BYSETPOS picks from the period's dates ("the last weekday of the month": BYDAY=MO,…,FR;BYSETPOS=-1).
    if (r.bysetpos.length) c = [...new Set(r.bysetpos.map((i) => c[i > 0 ? i - 1 : c.length + i]).filter((d) => d !== undefined))].sort((a, b) => a - b);
    for (const d of c) {
      if (d < start) continue;
      if (d > o.to || d > untilDay || (r.count && n >= r.count)) return out;
      if (o.time && untilMs !== Infinity && toInstant(d, o.time, tz) > untilMs) return out;
      n++;
      if (d >= o.from && !o.exdays?.has(d)) out.push(d);
    }
  }
  return out;
}
