import * as z from 'zod/mini';
import { named } from './common.js';

const PARTIAL_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** How precise a {@link PartialDate} is. */
export const DatePrecision = { year: 'year', month: 'month', day: 'day' } as const;
export type DatePrecision = (typeof DatePrecision)[keyof typeof DatePrecision];

/** The parts of a partial date, or `null` when the text is not a real calendar date. */
export function parsePartialDate(
  value: string,
): { year: number; month?: number; day?: number; precision: DatePrecision } | null {
  const m = PARTIAL_DATE_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1000) return null;
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return { year, month, day, precision: 'day' };
}

/**
 * A date known to the year (`2013`), the month (`2013-04`) or the day (`2013-04-12`). The sources
 * often give only a month ("gegründet im April 2013"); a partial date keeps exactly what is known.
 */
export const PartialDate = /* @__PURE__ */ named(
  z.string().check(
    z.regex(PARTIAL_DATE_RE, { error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD', abort: true }),
    z.refine((s) => parsePartialDate(s) !== null, 'expected a real calendar date'),
  ),
  'PartialDate',
);
export type PartialDate = z.infer<typeof PartialDate>;

/**
 * The first and the last day (both inclusive, `YYYY-MM-DD`) that a partial date may stand for:
 * `2016-07` → `2016-07-01` … `2016-07-31`.
 */
export function partialDateRange(value: string): { first: string; last: string } {
  const p = parsePartialDate(value);
  if (!p) throw new RangeError(`not a partial date: ${value}`);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (p.precision === 'day') return { first: value, last: value };
  if (p.precision === 'month') {
    const last = new Date(Date.UTC(p.year, p.month!, 0)).getUTCDate();
    return { first: `${p.year}-${pad(p.month!)}-01`, last: `${p.year}-${pad(p.month!)}-${pad(last)}` };
  }
  return { first: `${p.year}-01-01`, last: `${p.year}-12-31` };
}
