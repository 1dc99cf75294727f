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
