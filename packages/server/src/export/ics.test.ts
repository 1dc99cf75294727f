// Every feed written here is read back with ical.js, an independent RFC 5545 parser, and checked
// field by field: what a calendar app would show is what counts, not the text we think we wrote.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Event } from '@fachkraefte/schema';
// The widget's expander: how the API's own client shows a series, the oracle for UNTIL below.
// The expander the calendar widget and the SDK's occurrences() use: the reference for UNTIL.
import { dayOf, expand, isoDay, toInstant } from '@fachkraefte/schema/rrule';
import { escapeText, eventsToICalendar, eventToICalendar, foldLine, icsFileName, UNKNOWN_MODIFIED_STAMP } from './ics.js';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

const OPTIONS = { calendarName: 'Fachkräfteallianz Südwest' } as const;

function event(fields: Partial<Event> & Pick<Event, 'id' | 'title' | 'start'>): Event {
  return {
    summary: null, description: null, end: null, allDay: false, venue: null, onlineUrl: null,
    status: 'scheduled', categories: [], alliances: ['fachkraefteallianz-suedwest'], organisers: [],
    registrationUrl: null, recurrence: null, fictitious: false, ...fields,
  };
}

const vollversammlung = event({
  id: 'jahresvollversammlung-2016',
  title: 'Jahresvollversammlung der Fachkräfteallianz Südwest',
  summary: 'Rückblick auf 2016 und Schwerpunkte 2017: IT, Pflege, Erziehung/Schule.',
  description: 'Mit Landrätin Marion Dammann und Landrat Dr. Martin Kistler.',
  start: '2016-11-30T18:00:00+01:00',
  end: '2016-11-30T20:30:00+01:00',
  venue: {
    name: 'Landratsamt Lörrach',
    address: { streetAddress: 'Palmstraße 3', postalCode: '79539', locality: 'Lörrach', countryCode: 'DE' },
    position: { lat: 47.6156, lon: 7.6614 },
  },
  categories: ['vollversammlung', 'netzwerktreffen'],
  registrationUrl: 'https://www.example.org/anmeldung?id=1,2',
  modified: '2026-01-15T09:08:07.654Z',
});

/** The parsed calendar, its Berlin zone (from the feed's own VTIMEZONE) and its events by UID. */
function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  const vtz = root.getFirstSubcomponent('vtimezone');
  const zone = vtz ? new ICAL.Timezone(vtz) : null;
  const events = root.getAllSubcomponents('vevent');
  const byUid = (uid: string): Component => {
    const found = events.find((e) => e.getFirstPropertyValue('uid') === uid);
    if (!found) throw new Error(`no VEVENT with UID ${uid}`);
    return found;
  };
  return { root, zone, events, byUid };
}

function prop(vevent: Component, name: string): Property {
  const p = vevent.getFirstProperty(name);
  if (!p) throw new Error(`no ${name}`);
  return p;
}

/** Wall time as written (`2026-03-29T03:30:00`) and the TZID it is in, or `Z` for UTC. */
function wall(p: Property): { wall: string; tz: string | null } {
  const t = p.getFirstValue() as Time;
  const tzid = p.getParameter('tzid');
  return { wall: t.toString().replace(/Z$/, ''), tz: typeof tzid === 'string' ? tzid : t.zone === ICAL.Timezone.utcTimezone ? 'Z' : null };
}

/** The absolute instant, worked out by ical.js from the VTIMEZONE in the feed. */
function instantOf(t: Time, tzid: unknown, zone: Timezone | null): string {
  const c = t.clone();
  if (tzid !== undefined && tzid !== null) {
    expect(tzid).toBe('Europe/Berlin');
    c.zone = zone!;
  } else {
    expect(c.zone).toBe(ICAL.Timezone.utcTimezone);
  }
  return new Date(c.toUnixTime() * 1000).toISOString();
}
const instant = (p: Property, zone: Timezone | null) => instantOf(p.getFirstValue() as Time, p.getParameter('tzid'), zone);
const iso = (s: string) => new Date(s).toISOString();

describe('eventsToICalendar: calendar', () => {
  it('writes the VCALENDAR properties', () => {
    const { root } = parse(eventsToICalendar([vollversammlung], OPTIONS));
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstPropertyValue('prodid')).toBe('-//fachkraefte//Fachkräfte API//DE');
    expect(root.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Fachkräfteallianz Südwest');
    expect(root.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Berlin');
  });

  it('uses CRLF line ends only and ends with CRLF', () => {
    const ics = eventsToICalendar([vollversammlung], OPTIONS);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('emits one VTIMEZONE with the EU rules when a timed event is present, none for all-day only', () => {
    const allDay = event({ id: 'tag', title: 'Tag', start: '2016-11-30', allDay: true });
    expect(parse(eventsToICalendar([allDay], OPTIONS)).root.getAllSubcomponents('vtimezone')).toHaveLength(0);
    const { root } = parse(eventsToICalendar([allDay, vollversammlung, { ...vollversammlung, id: 'zwei' }], OPTIONS));
    const vtz = root.getAllSubcomponents('vtimezone');
    expect(vtz).toHaveLength(1);
    expect(vtz[0]!.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const daylight = vtz[0]!.getFirstSubcomponent('daylight')!;
    const standard = vtz[0]!.getFirstSubcomponent('standard')!;
    expect(String(daylight.getFirstPropertyValue('rrule'))).toBe('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(String(standard.getFirstPropertyValue('rrule'))).toBe('FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(String(daylight.getFirstPropertyValue('tzoffsetto'))).toBe('+02:00');
    expect(String(standard.getFirstPropertyValue('tzoffsetto'))).toBe('+01:00');
  });

  it('rejects a time zone other than Europe/Berlin', () => {
    expect(() => eventsToICalendar([], { ...OPTIONS, timeZone: 'Europe/London' as 'Europe/Berlin' })).toThrow(/only "Europe\/Berlin"/);
  });
});

describe('eventsToICalendar: the same events give the same bytes', () => {
  afterEach(() => vi.useRealTimers());

  it('writes nothing that depends on the time of writing (the ETag of a feed stays valid)', () => {
    const allDay = event({ id: 'tag', title: 'Tag', start: '2016-11-30', allDay: true });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const a = eventsToICalendar([vollversammlung, allDay], OPTIONS);
    vi.setSystemTime(new Date('2031-07-07T12:34:56Z'));
    const b = eventsToICalendar([vollversammlung, allDay], { ...OPTIONS, now: new Date() });
    expect(b).toBe(a);
    expect(a).not.toMatch(/2031|20260101T/);
  });

  it('stamps an event without `modified` with the documented fixed instant, and no LAST-MODIFIED', () => {
    const { modified: _, ...unstamped } = vollversammlung;
    const v = parse(eventToICalendar(unstamped, OPTIONS)).events[0]!;
    expect(UNKNOWN_MODIFIED_STAMP).toBe('20000101T000000Z');
    expect(v.getFirstPropertyValue('dtstamp')!.toString()).toBe('2000-01-01T00:00:00Z');
    expect(v.hasProperty('last-modified')).toBe(false);
  });
});

describe('eventsToICalendar: a timed event', () => {
  const { zone, byUid } = parse(eventsToICalendar([vollversammlung], OPTIONS));
  const v = byUid('jahresvollversammlung-2016@fachkraefte');

  it('carries summary, description, location, geo, url, categories, status and stamp', () => {
    expect(v.getFirstPropertyValue('summary')).toBe(vollversammlung.title);
    const description = v.getFirstPropertyValue('description') as string;
    expect(description).toContain(vollversammlung.summary);
    expect(description).toContain(vollversammlung.description);
    expect(v.getFirstPropertyValue('location')).toBe('Landratsamt Lörrach, Palmstraße 3, 79539 Lörrach');
    expect(v.getFirstPropertyValue('geo')).toEqual([47.6156, 7.6614]);
    expect(v.getFirstPropertyValue('url')).toBe('https://www.example.org/anmeldung?id=1,2');
    expect(prop(v, 'categories').getValues()).toEqual(['Vollversammlung', 'Netzwerktreffen']);
    expect(v.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(v.getFirstPropertyValue('transp')).toBe('OPAQUE');
    expect(v.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-01-15T09:08:07Z');
    expect(v.getFirstPropertyValue('last-modified')!.toString()).toBe('2026-01-15T09:08:07Z');
  });

  it('writes start and end as Berlin wall time that ical.js reads back as the same instants', () => {
    expect(wall(prop(v, 'dtstart'))).toEqual({ wall: '2016-11-30T18:00:00', tz: 'Europe/Berlin' });
    expect(wall(prop(v, 'dtend'))).toEqual({ wall: '2016-11-30T20:30:00', tz: 'Europe/Berlin' });
    expect(instant(prop(v, 'dtstart'), zone)).toBe('2016-11-30T17:00:00.000Z');
    expect(instant(prop(v, 'dtend'), zone)).toBe('2016-11-30T19:30:00.000Z');
  });

  it('keeps the UID stable; DTSTAMP and LAST-MODIFIED follow the event\'s last change only', () => {
    const b = eventToICalendar({ ...vollversammlung, modified: '2030-05-05T05:05:05.000Z' }, OPTIONS);
    expect(parse(b).events[0]!.getFirstPropertyValue('uid')).toBe('jahresvollversammlung-2016@fachkraefte');
    const a = eventToICalendar(vollversammlung, OPTIONS);
    expect(b).toContain('\r\nDTSTAMP:20300505T050505Z\r\nLAST-MODIFIED:20300505T050505Z\r\n');
    expect(a.replace(/(DTSTAMP|LAST-MODIFIED):\w+/g, '')).toBe(b.replace(/(DTSTAMP|LAST-MODIFIED):\w+/g, ''));
  });

  it('converts any offset to the same Berlin wall time', () => {
    const forms = ['2016-11-30T17:00:00Z', '2016-11-30T22:30:00+05:30', '2016-11-30T12:00:00-05:00', '2016-11-30T17:00:00.999Z'];
    for (const start of forms) {
      const ics = eventToICalendar(event({ id: 'x', title: 'X', start }), OPTIONS);
      expect(wall(prop(parse(ics).events[0]!, 'dtstart'))).toEqual({ wall: '2016-11-30T18:00:00', tz: 'Europe/Berlin' });
    }
  });

  it('leaves out DTEND when the end is open, and GEO when the venue has no position', () => {
    const e = event({ id: 'offen', title: 'Offen', start: '2016-11-30T18:00:00+01:00', venue: { name: 'Rathaus', address: null, position: null } });
    const p = parse(eventToICalendar(e, OPTIONS)).events[0]!;
    expect(p.hasProperty('dtend')).toBe(false);
    expect(p.hasProperty('geo')).toBe(false);
    expect(p.getFirstPropertyValue('location')).toBe('Rathaus');
  });

  it('links to onlineUrl without a registrationUrl, to the API with baseUrl, and to nothing else', () => {
    const online = event({ id: 'online', title: 'Online', start: '2016-11-30T18:00:00+01:00', onlineUrl: 'https://meet.example.org/raum' });
    expect(parse(eventToICalendar(online, OPTIONS)).events[0]!.getFirstPropertyValue('url')).toBe('https://meet.example.org/raum');
    const bare = event({ id: 'ohne-link', title: 'Ohne', start: '2016-11-30T18:00:00+01:00' });
    expect(parse(eventToICalendar(bare, OPTIONS)).events[0]!.hasProperty('url')).toBe(false);
    expect(parse(eventToICalendar(bare, { ...OPTIONS, baseUrl: 'https://api.example.org/' })).events[0]!.getFirstPropertyValue('url'))
      .toBe('https://api.example.org/v1/events/ohne-link');
    const hostile = { ...bare, registrationUrl: 'javascript:alert(1)' };
    expect(parse(eventToICalendar(hostile, OPTIONS)).events[0]!.hasProperty('url')).toBe(false);
  });

  it('throws a clear error naming event and field for a start that is not a date-time', () => {
    const bad = event({ id: 'kaputt', title: 'Kaputt', start: '2016-11-30' });
    expect(() => eventToICalendar(bad, OPTIONS)).toThrow('event "kaputt": start: expected an ISO 8601 date-time with offset');
    const backwards = event({ id: 'rueckwaerts', title: 'R', start: '2016-11-30T18:00:00+01:00', end: '2016-11-30T17:00:00+01:00' });
    expect(() => eventToICalendar(backwards, OPTIONS)).toThrow('event "rueckwaerts": end: must not be before start');
  });
});

describe('eventsToICalendar: daylight saving time', () => {
  it('spring switch 2026-03-29: 01:30 UTC is 03:30 in Berlin (CEST), the day before 02:30 UTC is 03:30 (CET)', () => {
    const after = event({ id: 'fruehling', title: 'Frühling', start: '2026-03-29T01:30:00Z', end: '2026-03-29T02:30:00Z' });
    const before = event({ id: 'vortag', title: 'Vortag', start: '2026-03-28T02:30:00Z' });
    const { zone, byUid } = parse(eventsToICalendar([after, before], OPTIONS));
    const a = byUid('fruehling@fachkraefte');
    expect(wall(prop(a, 'dtstart'))).toEqual({ wall: '2026-03-29T03:30:00', tz: 'Europe/Berlin' });
    expect(wall(prop(a, 'dtend'))).toEqual({ wall: '2026-03-29T04:30:00', tz: 'Europe/Berlin' });
    expect(instant(prop(a, 'dtstart'), zone)).toBe('2026-03-29T01:30:00.000Z');
    expect(instant(prop(a, 'dtend'), zone)).toBe('2026-03-29T02:30:00.000Z');
    const b = byUid('vortag@fachkraefte');
    expect(wall(prop(b, 'dtstart'))).toEqual({ wall: '2026-03-28T03:30:00', tz: 'Europe/Berlin' });
    expect(instant(prop(b, 'dtstart'), zone)).toBe('2026-03-28T02:30:00.000Z');
  });

  it('autumn switch 2026-10-25: both passes through 02:30 are written in UTC, 03:30 CET as wall time', () => {
    const first = event({ id: 'erster', title: 'Erster Durchlauf', start: '2026-10-25T02:30:00+02:00' });
    const second = event({ id: 'zweiter', title: 'Zweiter Durchlauf', start: '2026-10-25T02:30:00+01:00' });
    const later = event({ id: 'spaeter', title: 'Später', start: '2026-10-25T02:30:00Z' });
    const across = event({ id: 'nacht', title: 'Nacht', start: '2026-10-24T22:00:00+02:00', end: '2026-10-25T04:00:00+01:00' });
    const { zone, byUid } = parse(eventsToICalendar([first, second, later, across], OPTIONS));
    expect(wall(prop(byUid('erster@fachkraefte'), 'dtstart'))).toEqual({ wall: '2026-10-25T00:30:00', tz: 'Z' });
    expect(wall(prop(byUid('zweiter@fachkraefte'), 'dtstart'))).toEqual({ wall: '2026-10-25T01:30:00', tz: 'Z' });
    expect(wall(prop(byUid('spaeter@fachkraefte'), 'dtstart'))).toEqual({ wall: '2026-10-25T03:30:00', tz: 'Europe/Berlin' });
    expect(instant(prop(byUid('spaeter@fachkraefte'), 'dtstart'), zone)).toBe('2026-10-25T02:30:00.000Z');
    const n = byUid('nacht@fachkraefte');
    expect(wall(prop(n, 'dtstart'))).toEqual({ wall: '2026-10-24T22:00:00', tz: 'Europe/Berlin' });
    expect(wall(prop(n, 'dtend'))).toEqual({ wall: '2026-10-25T04:00:00', tz: 'Europe/Berlin' });
    // Seven real hours, although the wall clock says six.
    expect(Date.parse(instant(prop(n, 'dtend'), zone)) - Date.parse(instant(prop(n, 'dtstart'), zone))).toBe(7 * 3_600_000);
  });

  it('agrees with ical.js and its own VTIMEZONE on every sampled instant from 2024 to 2030', () => {
    const events: Event[] = [];
    const from = Date.UTC(2024, 0, 1);
    const to = Date.UTC(2031, 0, 1);
    for (let t = from, i = 0; t < to; t += 11 * 3_600_000 + 17 * 60_000, i++) {
      events.push(event({ id: `probe-${i}`, title: 'Probe', start: new Date(t).toISOString() }));
    }
    // Plus every quarter hour around each switch, where a wrong rule would show.
    for (const day of ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2030-03-31', '2030-10-27']) {
      for (let q = -8; q <= 16; q++) {
        const t = Date.parse(`${day}T00:00:00Z`) + q * 15 * 60_000;
        events.push(event({ id: `switch-${day}-${q + 8}`, title: 'Umstellung', start: new Date(t).toISOString() }));
      }
    }
    const { zone, events: parsed } = parse(eventsToICalendar(events, OPTIONS));
    expect(parsed).toHaveLength(events.length);
    parsed.forEach((v, i) => {
      expect(instant(prop(v, 'dtstart'), zone), events[i]!.id).toBe(iso(events[i]!.start));
    });
  });
});

describe('eventsToICalendar: all-day events', () => {
  it('writes a one-day event as VALUE=DATE with the next day as exclusive DTEND, and transparent', () => {
    const e = event({ id: 'eintag', title: 'Ein Tag', start: '2016-11-30', allDay: true });
    const v = parse(eventToICalendar(e, OPTIONS)).events[0]!;
    expect((v.getFirstPropertyValue('dtstart') as Time).isDate).toBe(true);
    expect(v.getFirstPropertyValue('dtstart')!.toString()).toBe('2016-11-30');
    expect(v.getFirstPropertyValue('dtend')!.toString()).toBe('2016-12-01');
    expect(v.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('writes a multi-day event with the day after the last day as DTEND, across a year end', () => {
    const e = event({ id: 'messe', title: 'Messe', start: '2016-12-30', end: '2017-01-02', allDay: true });
    const v = parse(eventToICalendar(e, OPTIONS)).events[0]!;
    expect(v.getFirstPropertyValue('dtstart')!.toString()).toBe('2016-12-30');
    expect(v.getFirstPropertyValue('dtend')!.toString()).toBe('2017-01-03');
    expect(new ICAL.Event(v).duration.toString()).toBe('P4D');
  });

  it('spans the month of a month-precision date and says that the exact day is not known', () => {
    const e = event({ id: 'tandem-2016', title: 'Tandem Berufsorientierung', start: '2016-07', allDay: true, summary: 'Schüler begleiten Azubis.' });
    const v = parse(eventToICalendar(e, OPTIONS)).events[0]!;
    expect(v.getFirstPropertyValue('dtstart')!.toString()).toBe('2016-07-01');
    expect(v.getFirstPropertyValue('dtend')!.toString()).toBe('2016-08-01');
    expect(v.getFirstPropertyValue('description')).toBe('Genauer Termin nicht bekannt (Juli 2016)\n\nSchüler begleiten Azubis.');
  });

  it('spans the year of a year-precision date, and February of a leap year', () => {
    const year = parse(eventToICalendar(event({ id: 'jahr', title: 'J', start: '2017', allDay: true }), OPTIONS)).events[0]!;
    expect(year.getFirstPropertyValue('dtend')!.toString()).toBe('2018-01-01');
    expect(year.getFirstPropertyValue('description')).toBe('Genauer Termin nicht bekannt (2017)');
    const feb = parse(eventToICalendar(event({ id: 'feb', title: 'F', start: '2024-02', allDay: true }), OPTIONS)).events[0]!;
    expect(feb.getFirstPropertyValue('dtend')!.toString()).toBe('2024-03-01');
    expect(new ICAL.Event(feb).duration.toString()).toBe('P29D');
  });

  it('rejects an all-day event with a date-time start', () => {
    expect(() => eventToICalendar(event({ id: 'falsch', title: 'F', start: '2016-11-30T10:00:00Z', allDay: true }), OPTIONS))
      .toThrow('event "falsch": start/end: expected dates');
  });
});

describe('eventsToICalendar: status', () => {
  const make = (status: Event['status']) => event({ id: status, title: status, start: '2016-11-30T18:00:00+01:00', status });
  const { byUid } = parse(eventsToICalendar((['scheduled', 'cancelled', 'postponed', 'rescheduled'] as const).map(make), OPTIONS));

  it('maps cancelled to CANCELLED, postponed to TENTATIVE, the others to CONFIRMED', () => {
    expect(byUid('scheduled@fachkraefte').getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(byUid('cancelled@fachkraefte').getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byUid('postponed@fachkraefte').getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(byUid('rescheduled@fachkraefte').getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('says so in the description for postponed and cancelled events', () => {
    expect(byUid('postponed@fachkraefte').getFirstPropertyValue('description')).toMatch(/^Verschoben/);
    expect(byUid('cancelled@fachkraefte').getFirstPropertyValue('description')).toMatch(/^Abgesagt/);
    expect(byUid('scheduled@fachkraefte').hasProperty('description')).toBe(false);
  });

  it('says where a rescheduled event was before, in words (Berlin time) and as X-FK-PREVIOUS-START', () => {
    const timed = parse(eventToICalendar({ ...make('rescheduled'), previousStart: '2016-11-23T17:00:00Z' }, OPTIONS)).events[0]!;
    expect(timed.getFirstPropertyValue('description')).toBe('Auf einen neuen Termin verlegt (bisher: 23. November 2016, 18:00 Uhr).');
    expect(timed.getFirstPropertyValue('x-fk-previous-start')).toBe('2016-11-23T17:00:00Z');
    const allDay = parse(eventToICalendar(event({ id: 'tag', title: 'T', start: '2016-12-01', allDay: true, status: 'rescheduled', previousStart: '2016-11-24' }), OPTIONS)).events[0]!;
    expect(allDay.getFirstPropertyValue('description')).toBe('Auf einen neuen Termin verlegt (bisher: 24. November 2016).');
    // Without a former start: the plain note, and no X- property.
    expect(byUid('rescheduled@fachkraefte').getFirstPropertyValue('description')).toBe('Auf einen neuen Termin verlegt.');
    expect(byUid('rescheduled@fachkraefte').hasProperty('x-fk-previous-start')).toBe(false);
  });

  it('marks fictitious example data', () => {
    const v = parse(eventToICalendar({ ...make('scheduled'), fictitious: true }, OPTIONS)).events[0]!;
    expect(v.getFirstPropertyValue('description')).toMatch(/Fiktiver Beispieltermin/);
    expect(v.getFirstPropertyValue('x-fk-fictitious')).toBe('TRUE');
  });
});

describe('eventsToICalendar: recurrence', () => {
  const weekly = event({
    id: 'stammtisch',
    title: 'Netzwerk-Stammtisch',
    // Tuesdays 18:00 Berlin, from before the spring switch to after it.
    start: '2026-03-17T18:00:00+01:00',
    end: '2026-03-17T19:30:00+01:00',
    recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6', exdates: ['2026-03-31T18:00:00+02:00', '2026-04-14'] },
  });

  it('writes RRULE and EXDATE with TZID; ical.js expands the series without the excluded dates', () => {
    const { zone, events } = parse(eventToICalendar(weekly, OPTIONS));
    const v = events[0]!;
    // COUNT=6 as the UNTIL of the sixth Tuesday, 21 April 18:00 CEST (see 'COUNT as UNTIL' below).
    expect(String(v.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260421T160000Z');
    const exdates = v.getAllProperties('exdate').map(wall);
    expect(exdates).toEqual([
      { wall: '2026-03-31T18:00:00', tz: 'Europe/Berlin' },
      { wall: '2026-04-14T18:00:00', tz: 'Europe/Berlin' },
    ]);
    const it = new ICAL.Event(v).iterator();
    const occurrences: string[] = [];
    for (let next = it.next(); next; next = it.next()) occurrences.push(instantOf(next, 'Europe/Berlin', zone));
    // 18:00 Berlin stays 18:00 across the switch: 17:00 UTC before, 16:00 UTC after.
    expect(occurrences).toEqual([
      '2026-03-17T17:00:00.000Z', '2026-03-24T17:00:00.000Z',
      '2026-04-07T16:00:00.000Z', '2026-04-21T16:00:00.000Z',
    ]);
  });

  it('writes EXDATE of an all-day series as VALUE=DATE', () => {
    const e = event({ id: 'tag-der-offenen-tuer', title: 'Tag', start: '2026-05-04', allDay: true,
      recurrence: { rrule: 'FREQ=MONTHLY;COUNT=3', exdates: ['2026-06-04', '2026-07-04T10:00:00+02:00'] } });
    const v = parse(eventToICalendar(e, OPTIONS)).events[0]!;
    const ex = v.getAllProperties('exdate').map((p) => p.getFirstValue() as Time);
    expect(ex.map((t) => [t.isDate, t.toString()])).toEqual([[true, '2026-06-04'], [true, '2026-07-04']]);
  });

  it('brings UNTIL into the form RFC 5545 demands', () => {
    const timed = { ...weekly, recurrence: { rrule: 'FREQ=WEEKLY;UNTIL=20260630', exdates: [] } };
    const v = parse(eventToICalendar(timed, OPTIONS)).events[0]!;
    expect(String(v.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;UNTIL=20260630T215959Z');
    const allDay = event({ id: 'a', title: 'A', start: '2026-05-04', allDay: true, recurrence: { rrule: 'FREQ=DAILY;UNTIL=20260505T220000Z', exdates: [] } });
    expect(String(parse(eventToICalendar(allDay, OPTIONS)).events[0]!.getFirstPropertyValue('rrule'))).toBe('FREQ=DAILY;UNTIL=20260506');
  });

  it('refuses an RRULE that could inject a property', () => {
    const bad = { ...weekly, recurrence: { rrule: 'FREQ=WEEKLY\r\nATTENDEE:mailto:x', exdates: [] } };
    expect(() => eventToICalendar(bad, OPTIONS)).toThrow('event "stammtisch": recurrence.rrule');
  });
});

describe('eventsToICalendar: COUNT as UNTIL', () => {
  /** Starts of the series in the exported file, as ical.js (Thunderbird's parser) expands it. */
  function icalStarts(ics: string): string[] {
    const { zone, events } = parse(ics);
    const v = events[0]!;
    const tzid = v.getFirstProperty('dtstart')!.getParameter('tzid');
    const it = new ICAL.Event(v).iterator();
    const out: string[] = [];
    for (let next = it.next(), i = 0; next && i < 1000; next = it.next(), i++) {
      out.push(next.isDate ? next.toString() : instantOf(next, tzid, zone));
    }
    return out;
  }

  /** Starts of the API's series (COUNT, EXDATE) as the widget expands it. */
  function widgetStarts(e: Event): string[] {
    const exdays = new Set(e.recurrence!.exdates.map((x) => dayOf(+x.slice(0, 4), +x.slice(5, 7), +x.slice(8, 10))));
    const first = dayOf(+e.start.slice(0, 4), +e.start.slice(5, 7), +e.start.slice(8, 10));
    const time = e.allDay ? undefined : [+e.start.slice(11, 13), +e.start.slice(14, 16), +e.start.slice(17, 19)];
    const days = expand(e.recurrence!.rrule, first, { from: first, to: first + 366 * 30, exdays, ...(time ? { time } : {}) });
    return days.map((d) => (time ? new Date(toInstant(d, time, 'Europe/Berlin')).toISOString() : isoDay(d)));
  }

  const rrule = (ics: string) => /^RRULE:(.*)\r$/m.exec(ics.slice(ics.indexOf('BEGIN:VEVENT')))![1]!;

  it('writes UNTIL and no COUNT for COUNT=4 with an EXDATE; ical.js expands the same 3 dates as the widget', () => {
    const e = event({ id: 'sprechstunde', title: 'Sprechstunde', start: '2026-10-13T17:00:00+02:00', end: '2026-10-13T18:00:00+02:00',
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4', exdates: ['2026-10-20'] } });
    const ics = eventToICalendar(e, OPTIONS);
    // The fourth Tuesday is 3 November, 17:00 CET (after the switch) = 16:00 UTC.
    expect(rrule(ics)).toBe('FREQ=WEEKLY;UNTIL=20261103T160000Z');
    expect(ics).not.toMatch(/COUNT/);
    const expected = ['2026-10-13T15:00:00.000Z', '2026-10-27T16:00:00.000Z', '2026-11-03T16:00:00.000Z'];
    expect(widgetStarts(e)).toEqual(expected);
    expect(icalStarts(ics)).toEqual(expected);
  });

  it.each([
    // timed, Berlin wall time across DST switches
    ['2026-03-17T18:00:00+01:00', false, 'FREQ=WEEKLY;BYDAY=TU;COUNT=6', ['2026-03-31']],
    ['2026-09-08T09:30:00+02:00', false, 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6', ['2026-10-13']],
    ['2026-01-30T18:00:00+01:00', false, 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=5', []],
    ['2026-01-05T08:00:00+01:00', false, 'FREQ=DAILY;INTERVAL=2;COUNT=200', ['2026-01-07']],
    ['2026-03-02T12:00:00+01:00', false, 'FREQ=WEEKLY;BYDAY=MO,TH;WKST=MO;COUNT=9', []],
    // months without the 31st are skipped, not moved (RFC 5545 §3.3.10)
    ['2026-01-31T18:00:00+01:00', false, 'FREQ=MONTHLY;COUNT=4', []],
    // all-day: UNTIL as a date
    ['2026-05-04', true, 'FREQ=MONTHLY;COUNT=3', ['2026-06-04']],
    ['2026-01-31', true, 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=14', []],
    // ical.js moves 29 February to 1 March in other years (so does its COUNT): UNTIL only
    ['2028-02-29', true, 'FREQ=YEARLY;COUNT=2', [], false],
  ])('from %s (all-day: %s) %s: UNTIL is the widget\'s last start', (start, allDay, rule, exdates, icalAgrees = true) => {
    const e = event({ id: 'serie', title: 'Serie', start, allDay, recurrence: { rrule: rule, exdates } });
    const ics = eventToICalendar(e, OPTIONS);
    const written = rrule(ics);
    expect(written).not.toMatch(/COUNT/);
    const starts = widgetStarts({ ...e, recurrence: { rrule: rule, exdates: [] } });
    const last = starts[starts.length - 1]!;
    expect(written).toContain(`UNTIL=${allDay ? last.replace(/-/g, '') : last.replace(/[-:]|\.\d{3}/g, '')}`);
    // The file, read by ical.js, holds the series the widget shows, excluded dates left out.
    if (icalAgrees) expect(icalStarts(ics)).toEqual(widgetStarts(e));
  });

  it('keeps COUNT for a series that never reaches it, and does not hang on it', () => {
    const e = event({ id: 'nie', title: 'Nie', start: '2026-01-30T18:00:00+01:00', recurrence: { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3', exdates: [] } });
    const t0 = performance.now();
    expect(rrule(eventToICalendar(e, OPTIONS))).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('writes a huge plain COUNT without expanding it', () => {
    const e = event({ id: 'lang', title: 'Lang', start: '2026-01-05T08:00:00+01:00', recurrence: { rrule: 'FREQ=DAILY;COUNT=99999', exdates: [] } });
    const t0 = performance.now();
    // 99,998 days after 5 January 2026 is 19 October 2299, 08:00 CEST.
    expect(rrule(eventToICalendar(e, OPTIONS))).toBe('FREQ=DAILY;UNTIL=22991019T060000Z');
    expect(isoDay(dayOf(2026, 1, 5) + 99_998)).toBe('2299-10-19');
    expect(performance.now() - t0).toBeLessThan(100);
  });
});

describe('eventsToICalendar: text escaping and hostile input', () => {
  it('round-trips ; , \\ and line breaks', () => {
    const description = 'Zeile 1\nZeile 2; mit, Zeichen \\ und Ende\r\nWindows-Zeile';
    const e = event({ id: 'zeichen', title: 'A;B,C\\D "E"', start: '2016-11-30T18:00:00+01:00', description });
    const ics = eventToICalendar(e, OPTIONS);
    expect(ics).toContain('SUMMARY:A\\;B\\,C\\\\D "E"');
    const v = parse(ics).events[0]!;
    expect(v.getFirstPropertyValue('summary')).toBe('A;B,C\\D "E"');
    expect(v.getFirstPropertyValue('description')).toBe('Zeile 1\nZeile 2; mit, Zeichen \\ und Ende\nWindows-Zeile');
  });

  it('does not let CR/LF in a title, description or venue create properties or components', () => {
    const e = event({
      id: 'angriff',
      title: 'Titel\r\nATTENDEE:mailto:x',
      description: 'Text\nEND:VEVENT\r\nBEGIN:VEVENT\rUID:evil',
      start: '2016-11-30T18:00:00+01:00',
      venue: { name: 'Saal\r\nORGANIZER:mailto:y', address: null, position: null },
    });
    const ics = eventToICalendar(e, OPTIONS);
    const { events } = parse(ics);
    expect(events).toHaveLength(1);
    const v = events[0]!;
    expect(v.getAllProperties().map((p) => p.name).filter((n) => ['attendee', 'organizer'].includes(n))).toEqual([]);
    expect(v.getFirstPropertyValue('uid')).toBe('angriff@fachkraefte');
    expect(v.getFirstPropertyValue('summary')).toBe('Titel ATTENDEE:mailto:x');
    expect(v.getFirstPropertyValue('location')).toBe('Saal ORGANIZER:mailto:y');
    expect(v.getFirstPropertyValue('description')).toBe('Text\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil');
    expect(ics.split('\r\n').filter((l) => /^(ATTENDEE|ORGANIZER|BEGIN:VEVENT|UID)/.test(l))).toEqual(['BEGIN:VEVENT', 'UID:angriff@fachkraefte']);
  });

  it('does not let CR/LF in the calendar name create a property', () => {
    const { root } = parse(eventsToICalendar([], { ...OPTIONS, calendarName: 'Termine\r\nX-EVIL:1' }));
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Termine X-EVIL:1');
    expect(root.hasProperty('x-evil')).toBe(false);
  });

  it('strips control characters and replaces lone surrogates', () => {
    expect(escapeText('a\u0000b\u001bc\u007fd\u0085e\tf\uD800g')).toBe('abcd\\ne f\uFFFDg');
    const e = event({ id: 'steuer', title: 'Bell\u0007 Null\u0000 Esc\u001b[31m', start: '2016-11-30T18:00:00+01:00' });
    expect(parse(eventToICalendar(e, OPTIONS)).events[0]!.getFirstPropertyValue('summary')).toBe('Bell Null Esc[31m');
  });
});

describe('eventsToICalendar: line folding', () => {
  const title = 'Fachkräfte-Gespräch über Ausbildung, Übergänge & Größe 😀 '.repeat(6).trim().slice(0, 300);
  const description = 'ÄÖÜäöüß€ '.repeat(400) + '𝄞 Ende';
  const e = event({ id: 'lang', title, description, start: '2016-11-30T18:00:00+01:00',
    venue: { name: 'Großer Saal der Industrie- und Handelskammer Hochrhein-Bodensee in Schopfheim', address: null, position: null } });
  const ics = eventToICalendar(e, OPTIONS);
  const lines = ics.split('\r\n').slice(0, -1);

  it('keeps every line within 75 octets', () => {
    const lengths = lines.map((l) => Buffer.byteLength(l, 'utf8'));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(50);
  });

  it('never splits a UTF-8 character: every physical line decodes on its own', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) expect(() => decoder.decode(Buffer.from(line, 'utf8'))).not.toThrow();
    // And the file as bytes, folded at the byte level, is the same text.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(ics, 'utf8'))).toBe(ics);
  });

  it('unfolds to the original text, umlauts and emoji intact', () => {
    const v = parse(ics).events[0]!;
    expect(v.getFirstPropertyValue('summary')).toBe(title);
    expect(v.getFirstPropertyValue('description')).toBe(description.trim());
    expect(v.getFirstPropertyValue('location')).toBe(e.venue!.name);
  });

  it('folds at exactly 75 octets, continuation lines counting their leading space', () => {
    // 202 octets: 75 on the first line, 74 + the space on the next, the remaining 53 + space.
    const folded = foldLine(`X:${'a'.repeat(200)}`).split('\r\n');
    expect(folded.map((l) => l.length)).toEqual([75, 75, 54]);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    // "ä" is two octets: 73 ASCII octets + "ä" would be 75, + another "ä" 77 -> breaks before it.
    expect(foldLine(`${'a'.repeat(73)}ää`).split('\r\n')).toEqual([`${'a'.repeat(73)}ä`, ' ä']);
  });
});

describe('icsFileName', () => {
  it('names a file after title and Berlin start date', () => {
    expect(icsFileName({ title: 'Jahresvollversammlung', start: '2016-11-30T18:00:00+01:00', allDay: false })).toBe('jahresvollversammlung-2016-11-30.ics');
    // 23:30 UTC is already the next day in Berlin.
    expect(icsFileName({ title: 'Spät', start: '2016-11-30T23:30:00Z', allDay: false })).toBe('spaet-2016-12-01.ics');
  });

  it('transliterates German letters and keeps partial dates', () => {
    expect(icsFileName({ title: 'Tandem Berufsorientierung Südwest – Größe & Übergänge', start: '2016-07', allDay: true }))
      .toBe('tandem-berufsorientierung-suedwest-groesse-uebergaenge-2016-07.ics');
  });

  it('stays a safe short ASCII name for hostile or empty titles', () => {
    const names = [
      icsFileName({ title: '../../etc/passwd"\r\nX-Header: 1', start: '2016-11-30', allDay: true }),
      icsFileName({ title: '!!!', start: '2016-11-30', allDay: true }),
      icsFileName({ title: 'Ä'.repeat(300), start: 'kaputt', allDay: false }),
    ];
    expect(names[0]).toBe('etc-passwd-x-header-1-2016-11-30.ics');
    expect(names[1]).toBe('termin-2016-11-30.ics');
    for (const n of names) {
      expect(n).toMatch(/^[a-z0-9-]+\.ics$/);
      expect(n.length).toBeLessThanOrEqual(80);
    }
  });
});
