import type { Translation } from '../../translations/translation.js';

/**
 * A partial date as given: `2013` → "2013", `2013-04` → "April 2013", `2013-04-12` →
 * "12. April 2013" (de) / "12 April 2013" (en). Never invents the missing parts. Values that are
 * not partial dates are shown as they are (as text). The month names come from the catalog, not
 * from Intl: the first date format on a page loads ICU's data, some 45 ms on a phone in the middle
 * of the directory's first render with data.
 */
export function formatPartialDate(value: string, t: Pick<Translation, 'locale' | 'months'>): string {
  // Only the parts: the SDK has checked the date (`PartialDate`) before it gets here.
  const [, year, month, day] = PARTS.exec(value) ?? [];
  const name = month && t.months.split(' ')[+month - 1];
  if (!year || name === undefined || +(day ?? 1) < 1 || +(day ?? 1) > 31) return value;
  const d = day ? `${+day}${t.locale.startsWith('de') ? '.' : ''} ` : '';
  return `${d}${name ? `${name} ` : ''}${year}`;
}

const PARTS = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$/;
