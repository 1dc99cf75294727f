import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Event, EventInput } from '@fachkraefte/schema';
import { eventsToICalendar } from './ics.js';
import { eventIdForUid, ianaForWindowsZone, ICalendarParseError, parseICalendarFeed, type EventInputLike } from './ics-import.js';

const ALLIANCE = 'fachkraefteallianz-suedwest';
const OPTIONS = { alliance: ALLIANCE };

function event(fields: Partial<Event> & Pick<Event, 'id' | 'title' | 'start'>): Event {
  return {
    summary: null, description: null, end: null, previousStart: null, allDay: false, venue: null, onlineUrl: null,
    status: 'scheduled', categories: [], alliances: [ALLIANCE], organisers: [],
    registrationUrl: null, recurrence: null, fictitious: false, ...fields,
  };
}

/** What an import of our own export must give back: the event, with the id derived from its UID. */
function expected(e: Event): EventInputLike {
  const { fictitious: _, ...rest } = e;
  // The export writes COUNT as the UNTIL of the last start (calcurse shows a phantom date for
  // COUNT with EXDATE): the same series, so the import gives back that UNTIL.
  const recurrence = e.id === 'stammtisch' ? { ...e.recurrence!, rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260421T160000Z' } : e.recurrence;
  return { ...rest, recurrence, id: eventIdForUid(`${e.id}@fachkraefte`) };
}

/** An iCalendar text from content lines, with CRLF. */
const ics = (...lines: string[]) => [...lines, ''].join('\r\n');
const calendar = (...lines: string[]) => ics('BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Test//DE', ...lines, 'END:VCALENDAR');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];

// Every kind of event the exporter handles, with times written in Berlin offsets as the API does.
const fixtures: Event[] = [
  event({
    id: 'jahresvollversammlung-2016', title: 'Jahresvollversammlung der Fachkräfteallianz Südwest',
    summary: 'Rückblick auf 2016; Schwerpunkte 2017: IT, Pflege, Erziehung/Schule.',
    description: 'Mit Landrätin Marion Dammann\nund Landrat Dr. Martin Kistler.\n\nEintritt frei, Anmeldung erbeten.',
    start: '2016-11-30T18:00:00+01:00', end: '2016-11-30T20:30:00+01:00',
    venue: {
      name: 'Landratsamt Lörrach, Großer Sitzungssaal',
      address: { streetAddress: 'Palmstraße 3', postalCode: '79539', locality: 'Lörrach', countryCode: 'DE' },
      position: { lat: 47.6156, lon: 7.6614 },
    },
    categories: ['vollversammlung', 'netzwerktreffen'], registrationUrl: 'https://www.example.org/anmeldung?id=1,2',
  }),
  event({ id: 'fruehling', title: 'Frühjahrstreffen', start: '2026-03-29T03:30:00+02:00', end: '2026-03-29T04:30:00+02:00',
    venue: { name: 'Rathaus', address: { streetAddress: null, postalCode: null, locality: 'Waldshut-Tiengen', countryCode: 'DE' }, position: null } }),
  event({ id: 'herbst-erster', title: 'Herbst, erster Durchlauf', start: '2026-10-25T02:30:00+02:00' }),
  event({ id: 'herbst-zweiter', title: 'Herbst; zweiter Durchlauf', start: '2026-10-25T02:30:00+01:00', end: '2026-10-25T04:00:00+01:00' }),
  event({ id: 'abgesagt', title: 'Abgesagtes Treffen', start: '2026-05-05T10:00:00+02:00', status: 'cancelled', description: 'Wegen Krankheit.' }),
  event({ id: 'verschoben', title: 'Verschobenes Treffen', start: '2026-05-06T10:00:00+02:00', status: 'postponed', summary: 'Kurz.' }),
  event({ id: 'verlegt', title: 'Verlegtes Treffen', start: '2026-05-07T10:00:00+02:00', status: 'rescheduled' }),
  event({ id: 'verlegt-von', title: 'Vom Montag verlegt', start: '2026-05-08T10:00:00+02:00', status: 'rescheduled',
    previousStart: '2026-05-04T10:00:00+02:00', description: 'Raum wie immer.' }),
  event({ id: 'verlegt-ganztags', title: 'Aktionstag, verlegt', start: '2026-07-01', allDay: true, status: 'rescheduled', previousStart: '2026-06' }),
  event({ id: 'ausbildungsmesse', title: 'Ausbildungsmesse', start: '2016-12-30', end: '2017-01-02', allDay: true, categories: ['messe'] }),
  event({ id: 'ein-tag', title: 'Ein Tag', start: '2016-11-30', allDay: true }),
  event({ id: 'tandem-2016', title: 'Tandem Berufsorientierung', start: '2016-07', allDay: true, summary: 'Schüler begleiten Azubis.', categories: ['berufsorientierung'] }),
  event({ id: 'sommer', title: 'Sommer', start: '2016-07', end: '2016-08', allDay: true }),
  event({ id: 'jahr', title: 'Irgendwann 2017', start: '2017', allDay: true, description: 'Genauer Termin nicht bekannt' }),
  event({ id: 'stammtisch', title: 'Netzwerk-Stammtisch', start: '2026-03-17T18:00:00+01:00', end: '2026-03-17T19:30:00+01:00',
    recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6', exdates: ['2026-03-31T18:00:00+02:00', '2026-04-14T18:00:00+02:00'] } }),
  event({ id: 'monatlich', title: 'Offene Tür', start: '2026-05-04', allDay: true,
    recurrence: { rrule: 'FREQ=MONTHLY;UNTIL=20261231', exdates: ['2026-08-04'] } }),
  event({ id: 'online', title: 'Online-Sprechstunde', start: '2026-06-01T09:00:00+02:00', onlineUrl: 'https://meet.example.org/raum-1',
    registrationUrl: 'https://www.example.org/anmeldung', description: 'Zeichen: ; , \\ und "Anführung".', fictitious: true }),
  event({ id: 'zeichen', title: 'A;B,C\\D', start: '2026-06-02T09:00:00+02:00', summary: 'Erste Zeile\nzweite Zeile',
    description: 'Abgesagt: das steht nur im Text.' }),
];

describe('parseICalendarFeed: round trip of our own export', () => {
  const feed = eventsToICalendar(fixtures, { calendarName: 'Test', now: new Date('2026-01-01T00:00:00Z') });
  const result = parseICalendarFeed(feed, OPTIONS);

  it('gives back every event unchanged (apart from the id derived from the UID)', () => {
    expect(result.skipped).toEqual([]);
    expect(result.events).toHaveLength(fixtures.length);
    result.events.forEach((e, i) => expect(e, fixtures[i]!.id).toEqual(expected(fixtures[i]!)));
  });

  it('starts from valid events and gives events the schema accepts as EventInput and as Event', () => {
    for (const f of fixtures) expect(Event.safeParse(f).success, f.id).toBe(true);
    for (const e of result.events) {
      expect(EventInput.safeParse(e).success, e.title).toBe(true);
      expect(Event.safeParse({ ...e, fictitious: false }).success, e.title).toBe(true);
    }
  });

  it('is idempotent: the same feed gives the same ids, which are ics-<16 hex of sha256(uid)>', () => {
    const again = parseICalendarFeed(feed, OPTIONS);
    expect(again.events.map((e) => e.id)).toEqual(result.events.map((e) => e.id));
    expect(new Set(result.events.map((e) => e.id)).size).toBe(fixtures.length);
    const hex = createHash('sha256').update('jahresvollversammlung-2016@fachkraefte').digest('hex');
    expect(result.events[0]!.id).toBe(`ics-${hex.slice(0, 16)}`);
    // FIPS 180-2 test vector: sha256("abc") = ba7816bf8f01cfea…
    expect(eventIdForUid('abc')).toBe('ics-ba7816bf8f01cfea');
  });

  it('ignores the feed order and the DTSTAMP when deriving ids', () => {
    const later = eventsToICalendar([...fixtures].reverse(), { calendarName: 'Test', now: new Date('2027-01-01T00:00:00Z') });
    expect(parseICalendarFeed(later, OPTIONS).events.map((e) => e.id).reverse()).toEqual(result.events.map((e) => e.id));
  });
});

const OUTLOOK_TZ = [
  'BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD', 'DTSTART:16011028T030000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD',
  'BEGIN:DAYLIGHT', 'DTSTART:16010325T020000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:DAYLIGHT',
  'END:VTIMEZONE',
];

describe('parseICalendarFeed: feeds written by other apps', () => {
  const one = (...lines: string[]) => {
    const r = parseICalendarFeed(calendar(...OUTLOOK_TZ, ...vevent('UID:x-1', 'SUMMARY:Test', ...lines)), OPTIONS);
    expect(r.skipped).toEqual([]);
    return r.events[0]!;
  };

  it('maps an Outlook event with a Windows time zone, GEO, categories and URL', () => {
    const e = one(
      'DTSTART;TZID=W. Europe Standard Time:20260612T090000',
      'DTEND;TZID=W. Europe Standard Time:20260612T160000',
      'LOCATION:Stadthalle Waldshut\\, Saal 2', 'GEO:47.6234;8.2146', 'STATUS:TENTATIVE',
      'CATEGORIES:Messe,Irgendwas', 'CATEGORIES:WORKSHOP', 'URL:https://example.org/boerse',
      'DESCRIPTION:Zeile\\n\\nZweite Zeile',
    );
    expect(e).toEqual({
      id: eventIdForUid('x-1'), title: 'Test', summary: null, description: 'Zeile\n\nZweite Zeile',
      start: '2026-06-12T09:00:00+02:00', end: '2026-06-12T16:00:00+02:00', previousStart: null, allDay: false,
      venue: { name: 'Stadthalle Waldshut, Saal 2', address: null, position: { lat: 47.6234, lon: 8.2146 } },
      onlineUrl: null, status: 'scheduled', categories: ['messe', 'workshop'], alliances: [ALLIANCE], organisers: [],
      registrationUrl: 'https://example.org/boerse', recurrence: null,
    });
    // Winter time from the same VTIMEZONE.
    expect(one('DTSTART;TZID=W. Europe Standard Time:20261130T180000').start).toBe('2026-11-30T18:00:00+01:00');
  });

  it('reads UTC, floating and IANA times with the RFC 5545 rules for the DST gap and overlap', () => {
    expect(one('DTSTART:20261025T013000Z').start).toBe('2026-10-25T02:30:00+01:00');
    // 02:30 does not exist on 2026-03-29: read with the offset before the gap, i.e. 01:30 UTC.
    expect(one('DTSTART:20260329T023000').start).toBe('2026-03-29T03:30:00+02:00');
    expect(one('DTSTART;TZID=Europe/Berlin:20260329T023000').start).toBe('2026-03-29T03:30:00+02:00');
    // 02:30 exists twice on 2026-10-25: the first occurrence is meant.
    expect(one('DTSTART;TZID=Europe/Berlin:20261025T023000').start).toBe('2026-10-25T02:30:00+02:00');
    expect(one('DTSTART;TZID=America/New_York:20260701T100000').start).toBe('2026-07-01T10:00:00-04:00');
  });

  it('turns DURATION and exclusive DTEND into the inclusive end', () => {
    expect(one('DTSTART;VALUE=DATE:20260701', 'DURATION:P3D')).toMatchObject({ allDay: true, start: '2026-07-01', end: '2026-07-03' });
    expect(one('DTSTART;VALUE=DATE:20260701', 'DTEND;VALUE=DATE:20260702')).toMatchObject({ start: '2026-07-01', end: null });
    expect(one('DTSTART;VALUE=DATE:20260701')).toMatchObject({ start: '2026-07-01', end: null });
    expect(one('DTSTART:20260701T080000Z', 'DURATION:PT1H30M')).toMatchObject({ start: '2026-07-01T10:00:00+02:00', end: '2026-07-01T11:30:00+02:00' });
  });

  it('maps STATUS: CANCELLED to cancelled, anything else to scheduled', () => {
    expect(one('DTSTART:20260701T080000Z', 'STATUS:CANCELLED').status).toBe('cancelled');
    expect(one('DTSTART:20260701T080000Z', 'STATUS:CONFIRMED').status).toBe('scheduled');
  });

  it('keeps only http(s) URLs; a URL as LOCATION becomes the online URL', () => {
    expect(one('DTSTART:20260701T080000Z', 'URL:javascript:alert(1)').registrationUrl).toBeNull();
    expect(one('DTSTART:20260701T080000Z', 'URL:ftp://example.org/x').registrationUrl).toBeNull();
    expect(one('DTSTART:20260701T080000Z', 'LOCATION:https://meet.example.org/x')).toMatchObject({ onlineUrl: 'https://meet.example.org/x', venue: null });
  });

  it('trims, strips control characters and cuts text to the schema limits', () => {
    const r = parseICalendarFeed(calendar(...vevent(
      'UID:lang', `SUMMARY:  ${'Ä'.repeat(400)}  `, 'DTSTART:20260701T080000Z',
      `DESCRIPTION:${'x'.repeat(25_000)}`, `LOCATION:${'Saal '.repeat(100)}`,
    ), ...vevent('UID:steuer', 'SUMMARY:Bell\u0007 und\u001b Esc ', 'DTSTART:20260701T080000Z')), OPTIONS);
    expect(r.skipped).toEqual([]);
    const [lang, steuer] = r.events;
    expect(lang!.title).toBe('Ä'.repeat(300));
    expect(lang!.description).toHaveLength(20_000);
    expect(lang!.venue!.name.length).toBeLessThanOrEqual(200);
    expect(steuer!.title).toBe('Bell und Esc');
    for (const e of r.events) expect(EventInput.safeParse(e).success).toBe(true);
  });

  it('keeps RRULE as written and EXDATE in the form of DTSTART', () => {
    const e = one('DTSTART;TZID=W. Europe Standard Time:20260317T180000', 'RRULE:BYDAY=TU;FREQ=WEEKLY;COUNT=6',
      'EXDATE;TZID=W. Europe Standard Time:20260331T180000,20260414T180000', 'EXDATE:20260421T160000Z');
    expect(e.recurrence).toEqual({
      rrule: 'BYDAY=TU;FREQ=WEEKLY;COUNT=6',
      exdates: ['2026-03-31T18:00:00+02:00', '2026-04-14T18:00:00+02:00', '2026-04-21T18:00:00+02:00'],
    });
  });
});

/**
 * A calendar as Outlook (Microsoft 365, "Kalender speichern" / publish) writes it: Windows zone ids,
 * often no VTIMEZONE, a 112-hex-digit UID, SUMMARY with LANGUAGE, a VALARM and X-MICROSOFT lines.
 */
const outlook = (...events: string[][]) => ics(
  'BEGIN:VCALENDAR', 'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN', 'VERSION:2.0', 'METHOD:PUBLISH',
  'X-CALSTART:20260101T000000Z', 'X-WR-CALNAME:Fachkräfteallianz Südwest', ...events.flat(), 'END:VCALENDAR',
);
const OUTLOOK_UID = '040000008200E00074C5B7101A82E00800000000D0B2A1C3E45FDB01000000000000000010000000';
const outlookEvent = (n: number, ...lines: string[]) => [
  'BEGIN:VEVENT', 'CLASS:PUBLIC', 'CREATED:20261101T101500Z', ...lines, 'DTSTAMP:20261128T120000Z',
  'PRIORITY:5', 'SEQUENCE:0', 'TRANSP:OPAQUE', `UID:${OUTLOOK_UID}${String(n).padStart(32, '0')}`,
  'X-MICROSOFT-CDO-BUSYSTATUS:BUSY', 'X-MICROSOFT-CDO-IMPORTANCE:1', 'X-MICROSOFT-DISALLOW-COUNTER:FALSE',
  'BEGIN:VALARM', 'TRIGGER:-PT15M', 'ACTION:DISPLAY', 'DESCRIPTION:Reminder', 'END:VALARM', 'END:VEVENT',
];
const windowsFeed = (zone: string) => outlook(
  outlookEvent(1, 'SUMMARY;LANGUAGE=de-de:Netzwerktreffen Südwest',
    `DTSTART;TZID=${zone}:20261203T180000`, `DTEND;TZID=${zone}:20261203T200000`,
    'LOCATION:Landratsamt Lörrach\, Großer Sitzungssaal', 'DESCRIPTION:Mit Vorstellung der neuen Projekte.\n'),
  outlookEvent(2, 'SUMMARY;LANGUAGE=de-de:Ausbildungsbörse', `DTSTART;TZID=${zone}:20260612T090000`, `DTEND;TZID=${zone}:20260612T160000`),
  // Weekly across the change to summer time (29 March 2026), with two occurrences cancelled.
  outlookEvent(3, 'SUMMARY;LANGUAGE=de-de:Netzwerk-Stammtisch', 'RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=TU',
    `EXDATE;TZID=${zone}:20260331T180000,20260414T180000`,
    `DTSTART;TZID=${zone}:20260317T180000`, `DTEND;TZID=${zone}:20260317T193000`),
);

describe('parseICalendarFeed: Outlook exports with Windows zone ids and no VTIMEZONE', () => {
  const berlin = parseICalendarFeed(windowsFeed('Europe/Berlin'), OPTIONS);

  it('reads winter time, summer time and a series with EXDATEs as in Europe/Berlin', () => {
    const r = parseICalendarFeed(windowsFeed('W. Europe Standard Time'), OPTIONS);
    expect(r.skipped).toEqual([]);
    expect(r.events.map((e) => [e.title, e.start, e.end])).toEqual([
      ['Netzwerktreffen Südwest', '2026-12-03T18:00:00+01:00', '2026-12-03T20:00:00+01:00'],
      ['Ausbildungsbörse', '2026-06-12T09:00:00+02:00', '2026-06-12T16:00:00+02:00'],
      ['Netzwerk-Stammtisch', '2026-03-17T18:00:00+01:00', '2026-03-17T19:30:00+01:00'],
    ]);
    expect(r.events[2]!.recurrence).toEqual({
      rrule: 'FREQ=WEEKLY;COUNT=6;BYDAY=TU', exdates: ['2026-03-31T18:00:00+02:00', '2026-04-14T18:00:00+02:00'],
    });
    // The result is the very event that TZID=Europe/Berlin gives.
    expect(berlin.skipped).toEqual([]);
    expect(r.events).toEqual(berlin.events);
  });

  it('reads the quoted and oddly spaced forms Outlook and other apps write', () => {
    for (const zone of ['"W. Europe Standard Time"', '" W. Europe  Standard Time "', 'w. europe standard time']) {
      const r = parseICalendarFeed(windowsFeed(zone), OPTIONS);
      expect(r.skipped, zone).toEqual([]);
      expect(r.events, zone).toEqual(berlin.events);
    }
  });

  it('maps other Windows zones through CLDR windowsZones, territory 001', () => {
    const paris = parseICalendarFeed(windowsFeed('Romance Standard Time'), OPTIONS);
    expect(paris.skipped).toEqual([]);
    expect(paris.events.map((e) => e.start)).toEqual(['2026-12-03T18:00:00+01:00', '2026-06-12T09:00:00+02:00', '2026-03-17T18:00:00+01:00']);
    const london = parseICalendarFeed(windowsFeed('GMT Standard Time'), OPTIONS);
    expect(london.events.map((e) => e.start)).toEqual(['2026-12-03T18:00:00+00:00', '2026-06-12T09:00:00+01:00', '2026-03-17T18:00:00+00:00']);
    expect(ianaForWindowsZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaForWindowsZone('Romance Standard Time')).toBe('Europe/Paris');
    expect(ianaForWindowsZone('Eastern Standard Time')).toBe('America/New_York');
    // CLDR 43+ and 45+: zones whose offsets changed (Mexico 2022, Kazakhstan 2024); older tables are an hour off here.
    expect(ianaForWindowsZone('Mountain Standard Time (Mexico)')).toBe('America/Mazatlan');
    expect(ianaForWindowsZone('Central Asia Standard Time')).toBe('Asia/Bishkek');
    expect(ianaForWindowsZone('Mars Standard Time')).toBeNull();
    expect(ianaForWindowsZone('Europe/Berlin')).toBeNull();
  });

  it('lets a VTIMEZONE in the feed win over the mapping', () => {
    // A (made-up) VTIMEZONE under the Windows name with a fixed +03:00: the feed's word counts.
    const own = ['BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time', 'BEGIN:STANDARD', 'DTSTART:16010101T000000',
      'TZOFFSETFROM:+0300', 'TZOFFSETTO:+0300', 'END:STANDARD', 'END:VTIMEZONE'];
    const text = windowsFeed('W. Europe Standard Time').replace('METHOD:PUBLISH\r\n', `METHOD:PUBLISH\r\n${own.join('\r\n')}\r\n`);
    const r = parseICalendarFeed(text, OPTIONS);
    expect(r.events.map((e) => e.start)).toEqual(['2026-12-03T18:00:00+03:00', '2026-06-12T09:00:00+03:00', '2026-03-17T18:00:00+03:00']);
  });

  it('skips unknown Windows names and display names with the reason, and keeps the rest', () => {
    const text = outlook(
      outlookEvent(1, 'SUMMARY:Unbekannte Zone', 'DTSTART;TZID=Mars Standard Time:20261203T180000'),
      outlookEvent(2, 'SUMMARY:Anzeigename', 'DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien":20261203T180000'),
      outlookEvent(3, 'SUMMARY:Gut', 'DTSTART;TZID=W. Europe Standard Time:20261203T180000'),
      outlookEvent(4, 'SUMMARY:Anzeigename ohne Anführungszeichen', 'DTSTART;TZID=(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien:20261203T180000'),
    );
    const r = parseICalendarFeed(text, OPTIONS);
    expect(r.events.map((e) => [e.title, e.start])).toEqual([['Gut', '2026-12-03T18:00:00+01:00']]);
    expect(r.skipped[2]).toMatchObject({
      title: 'Anzeigename ohne Anführungszeichen', vevent: 4,
      reason: 'DTSTART has a Windows display name as TZID ("(UTC+01…", not quoted), which CLDR does not map',
    });
    expect(r.skipped.slice(0, 2).map(({ title, reason, vevent }) => ({ title, reason, vevent }))).toEqual([
      { title: 'Unbekannte Zone', vevent: 1,
        reason: 'unknown time zone "Mars Standard Time" (neither IANA nor a Windows zone id, and no VTIMEZONE for it)' },
      { title: 'Anzeigename', vevent: 2,
        reason: 'unknown time zone "(UTC+01:00) Amsterdam, Berlin, Bern, Rom…" (a Windows display name, which CLDR does not map; no VTIMEZONE for it)' },
    ]);
    expect(r.skipped[0]!.uid).toBe(`${OUTLOOK_UID}${'1'.padStart(32, '0')}`);
  });
});

describe('parseICalendarFeed: skipped events', () => {
  const feed = calendar(
    ...vevent('UID:gut', 'SUMMARY:Gut', 'DTSTART:20260701T080000Z'),
    ...vevent('SUMMARY:Ohne UID', 'DTSTART:20260701T080000Z'),
    ...vevent('UID:ohne-start', 'SUMMARY:Ohne Beginn'),
    ...vevent('UID:ohne-titel', 'DTSTART:20260701T080000Z'),
    ...vevent('UID:gut', 'SUMMARY:Doppelt', 'DTSTART:20260702T080000Z'),
    ...vevent('UID:serie', 'SUMMARY:Geänderter Termin', 'RECURRENCE-ID:20260708T080000Z', 'DTSTART:20260709T080000Z'),
    ...vevent('UID:mars', 'SUMMARY:Mars', 'DTSTART;TZID=Mars/Olympus_Mons:20260701T080000'),
    ...vevent('UID:kaputt', 'SUMMARY:Kaputt', 'DTSTART:garbage'),
    ...vevent('UID:unmoeglich', 'SUMMARY:Unmöglich', 'DTSTART;VALUE=DATE:20261345'),
    ...vevent('UID:stuendlich', 'SUMMARY:Stündlich', 'DTSTART:20260701T080000Z', 'RRULE:FREQ=HOURLY'),
    ...vevent('UID:kalenderwoche', 'SUMMARY:KW 20', 'DTSTART:20260511T080000Z', 'RRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO'),
    ...vevent('UID:rueckwaerts', 'SUMMARY:Rückwärts', 'DTSTART:20260701T080000Z', 'DTEND:20260701T070000Z'),
  );

  it('imports the good event and reports every other one with its reason', () => {
    const r = parseICalendarFeed(feed, OPTIONS);
    expect(r.events.map((e) => e.title)).toEqual(['Gut']);
    expect(r.skipped.map(({ uid, reason }) => ({ uid, reason }))).toEqual([
      { uid: null, reason: 'no UID' },
      { uid: 'ohne-start', reason: 'no DTSTART' },
      { uid: 'ohne-titel', reason: 'no SUMMARY (title)' },
      { uid: 'gut', reason: 'duplicate UID' },
      { uid: 'serie', reason: 'changed occurrence of a series (RECURRENCE-ID) is not supported' },
      { uid: 'mars', reason: 'unknown time zone "Mars/Olympus_Mons" (neither IANA nor a Windows zone id, and no VTIMEZONE for it)' },
      { uid: 'kaputt', reason: expect.stringMatching(/^could not be read: invalid date-time/) },
      { uid: 'unmoeglich', reason: 'DTSTART "2026-13-45" is not a real date or time' },
      { uid: 'stuendlich', reason: expect.stringMatching(/^unsupported recurrence: rrule: FREQ must be/) },
      { uid: 'kalenderwoche', reason: 'unsupported recurrence: RRULE BYWEEKNO=20 is not supported' },
      { uid: 'rueckwaerts', reason: 'DTEND is before DTSTART' },
    ]);
  });

  it('names each skipped VEVENT by title, id, count and line, so a person can find it in the file', () => {
    const r = parseICalendarFeed(feed, OPTIONS);
    const lines = feed.split('\r\n');
    expect(r.skipped[0]).toEqual({ id: null, uid: null, title: 'Ohne UID', reason: 'no UID', vevent: 2, line: 10 });
    expect(lines[9]).toBe('BEGIN:VEVENT');
    expect(lines[10]).toBe('DTSTAMP:20260101T000000Z');
    expect(lines[11]).toBe('SUMMARY:Ohne UID');
    expect(r.skipped[2]).toMatchObject({ id: eventIdForUid('ohne-titel'), uid: 'ohne-titel', title: null, vevent: 4 });
    expect(r.skipped[3]).toMatchObject({ id: eventIdForUid('gut'), uid: 'gut', title: 'Doppelt', vevent: 5 });
    r.skipped.forEach((s) => expect(lines[s.line! - 1], s.reason).toBe('BEGIN:VEVENT'));
    expect(r.skipped.map((s) => s.vevent)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.sources).toEqual([{ uid: 'gut', vevent: 1, line: 4 }]);
  });

  it('stops at maxEvents and reports the rest', () => {
    const many = calendar(...[1, 2, 3].flatMap((i) => vevent(`UID:n${i}`, `SUMMARY:N${i}`, 'DTSTART:20260701T080000Z')));
    const r = parseICalendarFeed(many, { ...OPTIONS, maxEvents: 2 });
    expect(r.events.map((e) => e.title)).toEqual(['N1', 'N2']);
    expect(r.skipped).toEqual([{ id: eventIdForUid('n3'), uid: 'n3', title: 'N3', reason: 'more than 2 events in the feed (maxEvents)', vevent: 3, line: 16 }]);
  });
});

describe('parseICalendarFeed: input that is not a usable feed', () => {
  const fails = (text: string, message: RegExp) => {
    let error: unknown;
    try {
      parseICalendarFeed(text, OPTIONS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ICalendarParseError);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    return error as Error;
  };

  it('says that plain text, HTML or an empty string is not iCalendar', () => {
    fails('hello world', /^Not an iCalendar feed: it must start with "BEGIN:VCALENDAR", but starts with "hello world"\.$/);
    fails('<!doctype html><html><body>404</body></html>', /^Not an iCalendar feed/);
    fails('', /^Not an iCalendar feed/);
    fails('BEGIN:VCARD\r\nEND:VCARD\r\n', /^Not an iCalendar feed/);
  });

  it('says that a truncated feed is truncated', () => {
    const full = eventsToICalendar(fixtures.slice(0, 2), { calendarName: 'T', now: new Date(0) });
    fails(full.slice(0, full.length / 2), /truncated/);
    fails(full.slice(0, full.lastIndexOf('END:VCALENDAR')), /truncated/);
  });

  it('rejects 10 MB of junk fast, with a short message', () => {
    const junk = 'x'.repeat(10_000_000);
    const started = performance.now();
    const e1 = fails(junk, /^Not an iCalendar feed/);
    const e2 = fails(`BEGIN:VCALENDAR\r\n${junk}`, /^Invalid iCalendar data: invalid line/);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(e1.message.length).toBeLessThan(200);
    expect(e2.message.length).toBeLessThan(300);
  });

  it('rejects text over the size limit before parsing', () => {
    fails(`BEGIN:VCALENDAR\r\n${'X-A:b\r\n'.repeat(3_000_000)}END:VCALENDAR\r\n`, /too large/);
  });

  it('rejects bad arguments with a TypeError', () => {
    expect(() => parseICalendarFeed(42 as unknown as string, OPTIONS)).toThrow(TypeError);
    expect(() => parseICalendarFeed(calendar(), { alliance: 'Keine Slug!' })).toThrow(/alliance must be a slug/);
    expect(() => parseICalendarFeed(calendar(), { ...OPTIONS, maxEvents: -1 })).toThrow(/maxEvents/);
  });

  it('accepts an empty calendar, a BOM and several VCALENDARs in one file', () => {
    expect(parseICalendarFeed(calendar(), OPTIONS)).toEqual({ events: [], sources: [], skipped: [] });
    const two = `\uFEFF${calendar(...vevent('UID:a', 'SUMMARY:A', 'DTSTART:20260701T080000Z'))}${calendar(...vevent('UID:b', 'SUMMARY:B', 'DTSTART:20260701T080000Z'))}`;
    expect(parseICalendarFeed(two, OPTIONS).events.map((e) => e.title)).toEqual(['A', 'B']);
  });
});
