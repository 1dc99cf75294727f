import { parseRule } from '@fachkraefte/schema/rrule';
import { L } from './i18n.js';

/**
 * The recurrence builder's state: exactly the RRULE subset the API takes (FREQ, INTERVAL, BYDAY
 * with ordinals for monthly rules, BYMONTHDAY, COUNT, UNTIL); a rule the builder cannot show
 * (BYSETPOS, BYMONTH lists …) is kept as text ("custom").
 */
export interface Repeat {
  freq: 'none' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY' | 'custom';
  interval: string;
  /** WEEKLY: `MO`…`SU`. */
  weekdays: string[];
  /** MONTHLY: on the nth weekday of the start (`nth`), the last such weekday (`last`), or the day of month (`day`). */
  monthly: 'nth' | 'last' | 'day';
  end: 'count' | 'until' | 'never';
  count: string;
  until: string;
  custom: string;
}

export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NAMES: Record<string, [string, string]> = {
  MO: ['Montag', 'Monday'], TU: ['Dienstag', 'Tuesday'], WE: ['Mittwoch', 'Wednesday'], TH: ['Donnerstag', 'Thursday'],
  FR: ['Freitag', 'Friday'], SA: ['Samstag', 'Saturday'], SU: ['Sonntag', 'Sunday'],
};
export const dayName = (d: string) => L(DAY_NAMES[d]![0], DAY_NAMES[d]![1]);

export const emptyRepeat = (): Repeat => ({ freq: 'none', interval: '1', weekdays: [], monthly: 'nth', end: 'count', count: '6', until: '', custom: '' });

/** The weekday code of a `YYYY-MM-DD`. */
export function weekdayOf(date: string): string {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return DAYS[(d + 6) % 7]!;
}
/** Which of its weekdays in the month a date is (1–5). */
export const nthOf = (date: string) => Math.ceil(Number(date.slice(8, 10)) / 7);

/** The RRULE value of the builder for a series starting on `start` (YYYY-MM-DD); null for none. */
export function toRrule(r: Repeat, start: string): string | null {
  if (r.freq === 'none') return null;
  if (r.freq === 'custom') return r.custom.trim().replace(/^RRULE:/i, '') || null;
  const parts = [`FREQ=${r.freq}`];
  const interval = Number(r.interval);
  if (Number.isInteger(interval) && interval > 1) parts.push(`INTERVAL=${interval}`);
  if (r.freq === 'WEEKLY' && r.weekdays.length) parts.push(`BYDAY=${DAYS.filter((d) => r.weekdays.includes(d)).join(',')}`);
  if (r.freq === 'MONTHLY' && /^\d{4}-\d{2}-\d{2}$/.test(start)) {
    if (r.monthly === 'day') parts.push(`BYMONTHDAY=${Number(start.slice(8, 10))}`);
    else parts.push(`BYDAY=${r.monthly === 'last' ? -1 : nthOf(start)}${weekdayOf(start)}`);
  }
  if (r.end === 'count') parts.push(`COUNT=${r.count.trim() || '0'}`);
  if (r.end === 'until' && r.until) parts.push(`UNTIL=${r.until.replace(/-/g, '')}`);
  return parts.join(';');
}

/** The builder's state for a stored RRULE; `custom` when the builder cannot show it exactly. */
export function fromRrule(rrule: string | null | undefined, start: string): Repeat {
  const r = emptyRepeat();
  if (!rrule) return r;
  const custom = { ...r, freq: 'custom' as const, custom: rrule };
  let p;
  try {
    p = parseRule(rrule);
  } catch {
    return custom;
  }
  if (p.bysetpos.length || p.bymonth.length || (p.until && !/^\d{8}$/.test(p.until))) return custom;
  r.freq = p.freq;
  r.interval = String(p.interval);
  if (p.count) {
    r.end = 'count';
    r.count = String(p.count);
  } else if (p.until) {
    r.end = 'until';
    r.until = `${p.until.slice(0, 4)}-${p.until.slice(4, 6)}-${p.until.slice(6, 8)}`;
  } else r.end = 'never';
  if (p.freq === 'WEEKLY') {
    if (p.bymonthday.length) return custom;
    r.weekdays = p.byday.map(([, d]) => DAYS[d]!);
  } else if (p.freq === 'MONTHLY') {
    if (p.byday.length === 1 && p.bymonthday.length === 0) {
      const [n, d] = p.byday[0]!;
      if (DAYS[d] !== weekdayOf(start)) return custom;
      if (n === -1) r.monthly = 'last';
      else if (n === nthOf(start)) r.monthly = 'nth';
      else return custom;
    } else if (p.bymonthday.length === 1 && p.byday.length === 0 && p.bymonthday[0] === Number(start.slice(8, 10))) r.monthly = 'day';
    else return custom;
  } else if (p.byday.length || p.bymonthday.length) return custom;
  // The rule must come back the same, else the builder would change it silently.
  return toRrule(r, start) === rrule ? r : custom;
}

const ORD_DE = ['', 'ersten', 'zweiten', 'dritten', 'vierten', 'fünften'];
const ORD_EN = ['', 'first', 'second', 'third', 'fourth', 'fifth'];

/** The rule in plain words: "jeden zweiten Dienstag im Monat, 6-mal". */
export function describe(r: Repeat, start: string): string {
  if (r.freq === 'none') return L('einmalig', 'once');
  if (r.freq === 'custom') return L(`eigene Regel: ${r.custom}`, `custom rule: ${r.custom}`);
  const n = Math.max(1, Number(r.interval) || 1);
  const validStart = /^\d{4}-\d{2}-\d{2}$/.test(start);
  let text = '';
  switch (r.freq) {
    case 'DAILY':
      text = n === 1 ? L('jeden Tag', 'every day') : L(`alle ${n} Tage`, `every ${n} days`);
      break;
    case 'WEEKLY': {
      const days = (r.weekdays.length ? DAYS.filter((d) => r.weekdays.includes(d)) : validStart ? [weekdayOf(start)] : []).map(dayName);
      const list = days.length > 1 ? `${days.slice(0, -1).join(', ')} ${L('und', 'and')} ${days.at(-1)}` : (days[0] ?? '');
      text = n === 1 ? L(`jede Woche am ${list}`, `every week on ${list}`) : L(`alle ${n} Wochen am ${list}`, `every ${n} weeks on ${list}`);
      break;
    }
    case 'MONTHLY': {
      if (!validStart) {
        text = L('monatlich', 'monthly');
        break;
      }
      const wd = weekdayOf(start);
      const every = n === 1 ? L('jeden', 'every') : L(`alle ${n} Monate am`, `every ${n} months on the`);
      if (r.monthly === 'day') text = n === 1 ? L(`jeden Monat am ${Number(start.slice(8, 10))}.`, `every month on day ${Number(start.slice(8, 10))}`) : L(`alle ${n} Monate am ${Number(start.slice(8, 10))}.`, `every ${n} months on day ${Number(start.slice(8, 10))}`);
      else if (r.monthly === 'last') text = n === 1 ? L(`jeden letzten ${dayName(wd)} im Monat`, `every last ${dayName(wd)} of the month`) : L(`${every} letzten ${dayName(wd)}`, `${every} last ${dayName(wd)}`);
      else text = n === 1 ? L(`jeden ${ORD_DE[nthOf(start)]} ${dayName(wd)} im Monat`, `every ${ORD_EN[nthOf(start)]} ${dayName(wd)} of the month`) : L(`${every} ${ORD_DE[nthOf(start)]} ${dayName(wd)}`, `${every} ${ORD_EN[nthOf(start)]} ${dayName(wd)}`);
      break;
    }
    case 'YEARLY':
      text = n === 1 ? L('jedes Jahr', 'every year') : L(`alle ${n} Jahre`, `every ${n} years`);
      break;
  }
  if (r.end === 'count') text += L(`, ${r.count}-mal`, `, ${r.count} times`);
  if (r.end === 'until' && r.until) text += L(`, bis ${r.until.split('-').reverse().join('.')}`, `, until ${r.until}`);
  if (r.end === 'never') text += L(', ohne Ende', ', without end');
  return text;
}
