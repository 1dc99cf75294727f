import { parsePartialDate } from '@fachkraefte/schema';

/**
 * A partial date as given: `2013` → "2013", `2013-04` → "April 2013", `2013-04-12` →
 * "12. April 2013" (de) / "12 April 2013" (en). Never invents the missing parts. Values that are
 * not partial dates are shown as they are (as text).
 */
export function formatPartialDate(value: string, locale: string): string {
  const p = parsePartialDate(value);
  if (!p) return value;
  if (p.precision === 'year') return String(p.year);
  // One formatter per locale and precision: making one costs far more than using it (ICU).
  // The calendar day in UTC, so no time zone's data is needed.
  return (formats[locale + p.precision] ??= new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC', year: 'numeric', month: 'long', ...(p.day ? { day: 'numeric' } : {}),
  })).format(Date.UTC(p.year, p.month! - 1, p.day ?? 1));
}

const formats: Record<string, Intl.DateTimeFormat> = {};

/** A clock time in Europe/Berlin, 24-hour: "14:05". */
export function formatTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}
