import { dayOf, toInstant } from '@fachkraefte/schema/rrule';

const TZ = 'Europe/Berlin';

/**
 * `2027-03-04` + `17:00` in Berlin as an ISO date-time with its offset
 * (`2027-03-04T17:00:00+01:00`), as the API takes it. Null when either part is malformed.
 */
export function berlinDateTime(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, m, day, h, min] = [+d[1]!, +d[2]!, +d[3]!, +t[1]!, +t[2]!];
  const ms = toInstant(dayOf(y, m, day), [h, min, 0], TZ);
  const offset = Math.round((Date.UTC(y, m - 1, day, h, min) - ms) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An ISO date-time as Berlin wall time: `['2027-03-04', '17:00']`. */
export function berlinParts(iso: string): [string, string] {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return [`${parts.year}-${parts.month}-${parts.day}`, `${parts.hour}:${parts.minute}`];
}

/** Today in Berlin, `YYYY-MM-DD`. */
export const berlinToday = (): string => berlinParts(new Date().toISOString())[0];

/** A `YYYY-MM-DD` plus some days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
