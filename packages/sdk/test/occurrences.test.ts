/**
 * `occurrences` against the real reference server: series written through the API, listed with
 * the SDK, expanded by the SDK, and compared with ical.js (the parser Thunderbird uses) expanding
 * the same event's iCalendar file from the same server — what a calendar app shows.
 */
import { startServer, type RunningServer } from '@fachkraefte/server';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, occurrences, type Event, type EventInput, type FkClient } from '../src/index.js';

let srv: RunningServer;
let client: FkClient;
const SUEDWEST = 'fachkraefteallianz-suedwest';

/** Fictitious series, each a case the expander must get right (ids start with `test-`). */
const SERIES: EventInput[] = [
  { // weekly at 18:00 across the spring switch, one date left out
    id: 'test-weekly-dst', title: 'Test: Stammtisch', start: '2026-03-11T18:00:00+01:00', end: '2026-03-11T20:00:00+01:00',
    recurrence: { rrule: 'FREQ=WEEKLY;COUNT=8', exdates: ['2026-04-01T18:00:00+02:00'] }, alliances: [SUEDWEST],
  },
  { // the second Tuesday of each month, across the autumn switch
    id: 'test-monthly-2tu', title: 'Test: Sprechstunde', start: '2026-09-08T09:30:00+02:00', end: '2026-09-08T11:00:00+02:00',
    recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6', exdates: [] }, alliances: [SUEDWEST],
  },
  { // the last weekday of each month, open-ended
    id: 'test-last-weekday', title: 'Test: Monatsabschluss', start: '2026-01-30T16:00:00+01:00', end: null,
    recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', exdates: [] }, alliances: [SUEDWEST],
  },
  { // all-day over two days, yearly, one year left out
    id: 'test-yearly-allday', title: 'Test: Ausbildungsmesse', start: '2026-05-21', end: '2026-05-22', allDay: true,
    recurrence: { rrule: 'FREQ=YEARLY;UNTIL=20300601', exdates: ['2028-05-21'] }, alliances: [SUEDWEST],
  },
  { // daily until a UTC instant, across a month boundary
    id: 'test-daily-until', title: 'Test: Projektwoche', start: '2026-06-28T08:00:00+02:00', end: '2026-06-28T12:00:00+02:00',
    recurrence: { rrule: 'FREQ=DAILY;UNTIL=20260703T060000Z', exdates: [] }, alliances: [SUEDWEST],
  },
];

beforeAll(async () => {
  srv = await startServer({ port: 0, memory: true, dataSets: ['seed'], siteDir: null, cdnDir: null, log: () => {} });
  const admin = await srv.createApiKey('admin');
  const writer = createClient({ baseUrl: srv.url, apiKey: admin });
  for (const e of SERIES) await writer.events.create(e);
  client = createClient({ baseUrl: srv.url });
}, 120_000);
afterAll(() => srv?.close());

/** The occurrences of one event as ical.js expands its .ics file, as `[start, end]` instants or days. */
async function icalOccurrences(id: string, until: string): Promise<{ start: string; end: string | null }[]> {
  const res = await fetch(client.events.eventIcsUrl(id));
  expect(res.status).toBe(200);
  const root = new ICAL.Component(ICAL.parse(await res.text()));
  const vtz = root.getFirstSubcomponent('vtimezone');
  if (vtz) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
  const out: { start: string; end: string | null }[] = [];
  const it = event.iterator();
  for (let t = it.next(), i = 0; t && i < 500; t = it.next(), i++) {
    const d = event.getOccurrenceDetails(t);
    if (d.startDate.isDate) {
      if (d.startDate.toString() > until) break;
      const end = d.endDate.clone();
      end.adjust(-1, 0, 0, 0); // DTEND of a DATE is exclusive
      out.push({ start: d.startDate.toString(), end: end.toString() });
    } else {
      const start = d.startDate.toJSDate().toISOString();
      if (start.slice(0, 10) > until) break;
      out.push({ start, end: d.endDate.toJSDate().toISOString() });
    }
  }
  return out;
}

/** An occurrence's start and end as ical.js gives them: instants in UTC, days as they are. */
const normal = (o: { start: string; end: string | null }, allDay: boolean) =>
  allDay ? o : { start: new Date(o.start).toISOString(), end: o.end === null ? null : new Date(o.end).toISOString() };

describe('occurrences', () => {
  it('expands every series as ical.js expands its iCalendar file, exdates left out', async () => {
    const range = { from: '2026-01-01', to: '2031-12-31' } as const;
    const listed = [];
    for await (const e of client.events.iterate({ ...range, alliance: [SUEDWEST], limit: 100 })) if (e.id.startsWith('test-')) listed.push(e);
    expect(listed.map((e) => e.id).sort()).toEqual(SERIES.map((e) => e.id).sort());
    for (const e of listed) {
      const mine = occurrences(e, range);
      const theirs = await icalOccurrences(e.id, range.to);
      // ical.js gives an open end as the start; ours keeps `null` as the API does.
      expect(mine.map((o) => normal({ start: o.start, end: o.end ?? o.start }, e.allDay)), e.id).toEqual(theirs);
      expect(mine.length, e.id).toBeGreaterThan(3);
      expect(mine.every((o) => o.event === e)).toBe(true);
    }
  });

  it('gives Berlin wall time with the offset of each date: 18:00 stays 18:00 across the DST switch', async () => {
    const e = await client.events.get('test-weekly-dst');
    const got = occurrences(e, { from: '2026-03-01', to: '2026-04-30' }).map((o) => o.start);
    expect(got).toEqual([
      '2026-03-11T18:00:00+01:00', '2026-03-18T18:00:00+01:00', '2026-03-25T18:00:00+01:00',
      // 1 April is an EXDATE
      '2026-04-08T18:00:00+02:00', '2026-04-15T18:00:00+02:00', '2026-04-22T18:00:00+02:00', '2026-04-29T18:00:00+02:00',
    ]);
    expect(occurrences(e, { from: '2026-04-01', to: '2026-04-08' }).map((o) => o.end)).toEqual(['2026-04-08T20:00:00+02:00']);
  });

  it('turns "the events of next month" into the dates of next month, not the series\' first date', async () => {
    // The series began in January; the list returns it for May (it has dates then) by its first date.
    const may = { from: '2026-05-01', to: '2026-05-31' } as const;
    const { items } = await client.events.list({ ...may, alliance: [SUEDWEST], limit: 100 });
    const series = items.find((e) => e.id === 'test-last-weekday')!;
    expect(series.start).toBe('2026-01-30T16:00:00+01:00');
    const dates = items.flatMap((e) => occurrences(e, may));
    expect(dates.filter((o) => o.event.id === 'test-last-weekday').map((o) => o.start)).toEqual(['2026-05-29T16:00:00+02:00']);
    expect(dates.every((o) => o.start.slice(0, 7) === '2026-05' || (o.end ?? '') >= '2026-05')).toBe(true);
    // An all-day series over two days, reaching into the range by its second day.
    const allDay = await client.events.get('test-yearly-allday');
    expect(occurrences(allDay, { from: '2027-05-22', to: '2027-05-31' })).toEqual([{ event: allDay, start: '2027-05-21', end: '2027-05-22' }]);
    expect(occurrences(allDay, { from: '2028-01-01', to: '2028-12-31' })).toEqual([]);
  });

  it('takes a Date, a date-time with offset and a date, with the API\'s bounds', async () => {
    const e = await client.events.get('test-daily-until');
    // UNTIL 06:00 UTC on 3 July: 08:00 Berlin that day is the last date.
    expect(occurrences(e, { from: '2026-07-01', to: '2026-07-31' }).map((o) => o.start.slice(0, 10))).toEqual(['2026-07-01', '2026-07-02', '2026-07-03']);
    // `to` is exclusive as an instant: a date-time at the start of an occurrence leaves it out.
    expect(occurrences(e, { from: new Date('2026-07-01T00:00:00Z'), to: '2026-07-02T08:00:00+02:00' })).toHaveLength(1);
    // `from` counts occurrences still running: 1 July 08:00–12:00 is running at 10:00.
    expect(occurrences(e, { from: new Date('2026-07-01T08:00:00Z'), to: '2026-07-01' }).map((o) => o.start)).toEqual(['2026-07-01T08:00:00+02:00']);
    expect(occurrences(e, { from: '2026-08-01', to: '2026-07-01' })).toEqual([]);
    // The same Date works in the list filters.
    const { items } = await client.events.list({ from: new Date('2026-07-02T00:00:00Z'), to: new Date('2026-07-02T23:00:00Z'), alliance: [SUEDWEST] });
    expect(items.map((x) => x.id)).toContain('test-daily-until');
  });

  it('returns a single event as itself, inside its range only', async () => {
    const { items } = await client.events.list({ from: '2016-11-30', to: '2016-11-30', alliance: [SUEDWEST] });
    const meeting = items.find((x: Event) => !x.recurrence)!;
    expect(meeting).toBeDefined();
    expect(occurrences(meeting, { from: '2016-11-30', to: '2016-11-30' })).toEqual([{ event: meeting, start: meeting.start, end: meeting.end }]);
    expect(occurrences(meeting, { from: '2016-12-01', to: '2016-12-31' })).toEqual([]);
  });

  it('refuses what is not a date at run time, for callers without TypeScript', async () => {
    const e = await client.events.get('test-weekly-dst');
    expect(() => occurrences(e, { from: 'next month' as never, to: '2026-04-30' })).toThrow('from: expected a Date, an ISO date (YYYY-MM-DD) or a date-time with offset, got "next month"');
    expect(() => occurrences(e, { from: '2026-02-30', to: '2026-04-30' })).toThrow(RangeError);
    expect(() => occurrences(e, { from: new Date(NaN), to: '2026-04-30' })).toThrow('from: expected a valid Date');
  });
});
