/**
 * The part of RFC 5545's RRULE that every client of the API expands the same way: the calendar
 * widget's expander and calendar apps reading the feed. The server's writes (the API, `load` and
 * `import-ics`) accept only rules {@link parseRule} accepts, so that no stored series is shown one
 * way in the feed and another in the widget. The read schema stays lenient (any RRULE-shaped
 * value): an older record must never make a whole page unreadable. Imported as
 * `@fachkraefte/schema/rrule`, so that only what expands or checks rules bundles it.
 *
 * Supported: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, INTERVAL, COUNT, UNTIL, BYDAY (with ordinals such
 * as `2TU` or `-1SU` for MONTHLY and YEARLY), BYMONTHDAY (negative too), BYMONTH, BYSETPOS (for
 * MONTHLY and YEARLY with BYDAY) and WKST=MO. Not supported: BYYEARDAY, BYWEEKNO, BYHOUR,
 * BYMINUTE, BYSECOND (a series of dates, not of times of day), other week starts.
 */

import { dayOf, parseDay, toInstant, wallAt, weekday, ymd, zonedDay } from './zoned.js';

export { dateOfDay, dayOf, isoDay, parseDay, toInstant, wallAt, weekday, ymd, zonedDay } from './zoned.js';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

/** A parsed RRULE. */
export interface Rule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  /** 0: no COUNT. */
  count: number;
  /** `YYYYMMDD`, `YYYYMMDDTHHMMSS` (zone wall time) or `…Z` (UTC), as written; '' for none. */
  until: string;
  /** `[ordinal (0 = every), weekday Monday = 0]`. */
  byday: [number, number][];
  bymonthday: number[];
  bymonth: number[];
  /** Positions (1-based, negative from the end) within each period's dates. */
  bysetpos: number[];
}

const ints = (name: string, v: string, min: number, max: number): number[] =>
  v.split(',').map((x) => {
    const n = Number(x);
    if (!/^[+-]?\d+$/.test(x) || Math.abs(n) < min || Math.abs(n) > max) fail(name, x, 'is out of range');
    return n;
  });

function fail(name: string, value: string, why = 'is not supported'): never {
  throw new RangeError(`RRULE ${name}=${value} ${why}`);
}

/**
 * Parses an RRULE value (`FREQ=MONTHLY;BYDAY=2TU;COUNT=6`).
 *
 * @throws RangeError naming the part that is malformed or not supported.
 * @example parseRule('FREQ=WEEKLY;BYDAY=MO,WE').byday // [[0, 0], [0, 2]]
 */
export function parseRule(value: string): Rule {
  const r: Rule = { freq: 'DAILY', interval: 1, count: 0, until: '', byday: [], bymonthday: [], bymonth: [], bysetpos: [] };
  let freq = '';
  const seen = new Set<string>();
  for (const part of value.split(';')) {
    const [k = '', v = ''] = part.split('=');
    if (seen.has(k)) fail(k, v, 'is given twice');
    seen.add(k);
    if (k === 'FREQ') freq = v;
    else if (k === 'INTERVAL') r.interval = ints(k, v, 1, 9999)[0]!;
    else if (k === 'COUNT') r.count = ints(k, v, 1, 99999)[0]!;
    else if (k === 'UNTIL') r.until = /^\d{8}(T\d{6}Z?)?$/.test(v) ? v : fail(k, v, 'is not a date or date-time');
    else if (k === 'BYMONTHDAY') r.bymonthday = ints(k, v, 1, 31);
    else if (k === 'BYMONTH') r.bymonth = ints(k, v, 1, 12).map((n) => (n > 0 ? n : fail(k, v, 'is out of range')));
    else if (k === 'BYSETPOS') r.bysetpos = ints(k, v, 1, 366);
    else if (k === 'BYDAY') {
      r.byday = v.split(',').map((x) => {
        const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(x);
        if (!m || Math.abs(+(m[1] ?? 0)) > 53 || m[1] === '0') fail(k, x, 'is not a weekday such as MO, 2TU or -1SU');
        return [+(m[1] ?? 0), DAYS.indexOf(m[2]!)];
      });
    } else if (!(k === 'WKST' && v === 'MO')) fail(k, v);
  }
  if (!FREQS.includes(freq)) fail('FREQ', freq, 'must be DAILY, WEEKLY, MONTHLY or YEARLY');
  r.freq = freq as Rule['freq'];
  if (r.byday.some(([n]) => n) && (r.freq === 'DAILY' || r.freq === 'WEEKLY')) fail('BYDAY', `${value.match(/BYDAY=([^;]*)/)![1]!}`, `has ordinals, which FREQ=${freq} does not allow`);
  if (r.count && r.until) fail('COUNT', String(r.count), 'and UNTIL exclude each other');
  // BYSETPOS as calendar apps agree on it: picking among the weekdays of a month or year ("the
  // last weekday of the month"). ical.js, for one, ignores it within a week or with BYMONTHDAY alone.
  if (r.bysetpos.length && (r.freq === 'DAILY' || r.freq === 'WEEKLY' || !r.byday.length)) {
    fail('BYSETPOS', r.bysetpos.join(','), 'is supported with FREQ=MONTHLY or YEARLY and BYDAY only');
  }
  return r;
}

// The expander: one for the calendar widget and the SDK's `occurrences`, so that both show a
// series on the same days. In calendar days and the zone's wall time: a weekly meeting at 18:00
// stays at 18:00 across the DST switches, as in every calendar app that reads the server's feed
// (DTSTART;TZID=Europe/Berlin with the same RRULE). The `rrule` package would do this too, at four
// times the size of the whole calendar.

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

/** The timing of an event, as {@link spansOf} reads it (an `Event` has these fields). */
export interface Timing {
  /** ISO date-time with offset; for an all-day event a date, or `YYYY-MM` / `YYYY` when only that is known. */
  start: string;
  /** Like `start`; for an all-day event its last day. `null`: it ends when it starts. */
  end: string | null;
  allDay: boolean;
  recurrence?: { rrule: string; exdates: readonly string[] } | null;
}

/** One occurrence of an event, in calendar days of a zone (see {@link spansOf}). */
export interface Span {
  /** First and last day (day numbers, inclusive) in the zone. */
  first: number;
  last: number;
  /** Start and end instants (ms) of a timed event; null for an all-day one. */
  start: number | null;
  end: number | null;
  /** Known only to the month or year (`2016-07`): it spans that month or year, and never repeats. */
  monthOnly: boolean;
  /** Expanded from a recurrence rule. */
  series: boolean;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** First and last day of a partial date (`2016`, `2016-07`, `2016-07-12`), or NaN. */
function partialDays(value: string): [first: number, last: number, precise: boolean] {
  const m = PARTIAL.exec(value);
  if (!m) return [NaN, NaN, false];
  const y = +m[1]!;
  if (m[3]) {
    const d = dayOf(y, +m[2]!, +m[3]);
    // 2016-02-30 is not a date: Date.UTC would roll it over into March.
    return ymd(d)[2] === +m[3] ? [d, d, true] : [NaN, NaN, false];
  }
  if (m[2]) return +m[2] >= 1 && +m[2] <= 12 ? [dayOf(y, +m[2], 1), dayOf(y, +m[2] + 1, 0), false] : [NaN, NaN, false];
  return [dayOf(y, 1, 1), dayOf(y, 12, 31), false];
}

/**
 * The occurrences of an event that touch the days `from…to` (day numbers, inclusive) in `tz`, in
 * order: a recurring event expanded (its RRULE in the zone's wall time, its EXDATEs left out), a
 * single one as itself. An event over several days is returned when any of its days is in range.
 *
 * @throws RangeError for a recurrence rule {@link parseRule} refuses.
 * @example
 * spansOf({ start: '2026-03-04T18:00:00+01:00', end: null, allDay: false,
 *   recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3', exdates: [] } }, dayOf(2026, 3, 1), dayOf(2026, 3, 31))
 * // three spans, 4, 11 and 18 March, 18:00 Berlin time each
 */
export function spansOf(e: Timing, from: number, to: number, tz = 'Europe/Berlin'): Span[] {
  let first: number;
  let last: number;
  let start: number | null = null;
  let end: number | null = null;
  let monthOnly = false;
  if (e.allDay) {
    const [f, l, precise] = partialDays(e.start);
    monthOnly = !precise;
    first = f;
    const endLast = e.end ? partialDays(e.end)[1] : NaN;
    last = !Number.isNaN(endLast) ? Math.max(first, endLast) : l;
  } else {
    start = Date.parse(e.start);
    end = e.end ? Math.max(start, Date.parse(e.end)) : start;
    if (Number.isNaN(end)) end = start;
    first = zonedDay(start, tz);
    // An event that ends at midnight does not reach into the next day.
    last = zonedDay(Math.max(start, end - 1), tz);
  }
  if (Number.isNaN(first)) return [];
  const out: Span[] = [];
  const push = (f: number, l: number, s: number | null, en: number | null, series: boolean) => {
    if (l >= from && f <= to) out.push({ first: f, last: l, start: s, end: en, monthOnly, series });
  };
  if (!e.recurrence || monthOnly) {
    push(first, last, start, end, false);
    return out;
  }
  const time = start === null ? undefined : wallAt(start, tz).slice(3);
  const exdays = new Set(e.recurrence.exdates.map((x) => (x.length === 10 ? parseDay(x) : zonedDay(Date.parse(x), tz))));
  const span = last - first;
  const duration = (end ?? 0) - (start ?? 0);
  for (const d of expand(e.recurrence.rrule, first, { from: from - span - 1, to, exdays, tz, ...(time ? { time } : {}) })) {
    if (time) {
      const s = toInstant(d, time, tz);
      push(d, zonedDay(Math.max(s, s + duration - 1), tz), s, s + duration, true);
    } else push(d, d + span, null, null, true);
  }
  return out;
}
