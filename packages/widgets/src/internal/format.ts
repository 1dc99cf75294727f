import { parsePartialDate } from '@fachkraefte/schema';

/**
 * A partial date as given: `2013` → "2013", `2013-04` → "April 2013", `2013-04-12` →
 * "12. April 2013" (de) / "12 April 2013" (en). Never invents the missing parts. Values that are
 * not partial dates are shown as they are (as text).
 */
export function formatPartialDate(value: string, locale: string): string {
  const p = parsePartialDate(value);
  if (!p) return value;
  // Noon UTC keeps the calendar day in Europe/Berlin whatever the offset.
  const date = new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1, 12));
  const base: Intl.DateTimeFormatOptions = { timeZone: 'Europe/Berlin', year: 'numeric' };
  if (p.precision === 'year') return String(p.year);
  if (p.precision === 'month') return new Intl.DateTimeFormat(locale, { ...base, month: 'long' }).format(date);
  return new Intl.DateTimeFormat(locale, { ...base, month: 'long', day: 'numeric' }).format(date);
}

/** A clock time in Europe/Berlin, 24-hour: "14:05". */
export function formatTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}
