// Fictitious events for the calendar's tests, screenshots and benchmark, at fixed dates in 2026 so
// that every run sees the same months: the DST weeks, long titles, all-day and multi-day events, every status
// (a rescheduled one with its former date),
// a month-only date, an empty month (August), a day with 30 events, series, and hostile strings.
export const SUEDWEST = 'fachkraefteallianz-suedwest';
export const LUDWIGSBURG = 'fachkraefteallianz-landkreis-ludwigsburg';
export const XSS = `<img src=x onerror="window.__xss=1">"'><script>window.__xss=1</script>`;

const venue = (name, locality = 'Lörrach') => ({
  name, address: { streetAddress: 'Palmstraße 3', postalCode: '79539', locality, countryCode: 'DE' }, position: null,
});

/** The events, as `POST /v1/events` bodies. */
export function calendarEvents() {
  const ev = (id, title, start, end, more = {}) => ({
    id, title, start, end, alliances: [SUEDWEST], categories: ['netzwerktreffen'], venue: venue('Testraum Lörrach'),
    summary: 'Fiktiver Testtermin.', ...more,
  });
  const list = [
    // March 2026: DST starts on Sunday the 29th.
    ev('dst-samstag', 'Test: Samstag vor der Umstellung', '2026-03-28T10:00:00+01:00', '2026-03-28T12:00:00+01:00'),
    ev('dst-sonntag', 'Test: Sonntag der Umstellung', '2026-03-29T10:00:00+02:00', '2026-03-29T12:00:00+02:00'),
    ev('serie-woechentlich', 'Test: Wöchentliche Sprechstunde', '2026-03-18T18:00:00+01:00', '2026-03-18T19:30:00+01:00', {
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4', exdates: [] }, categories: ['informationsveranstaltung'],
    }),
    // October 2026: DST ends on Sunday the 25th.
    ev('nacht-umstellung', 'Test: Nacht der Zeitumstellung', '2026-10-24T22:00:00+02:00', '2026-10-25T06:00:00+01:00'),
    ev('dst-montag', 'Test: Montag nach der Umstellung', '2026-10-26T09:00:00+01:00', '2026-10-26T10:00:00+01:00'),
    ev('serie-oktober', 'Test: Abendtermin über die Umstellung', '2026-10-14T18:00:00+02:00', '2026-10-14T19:00:00+02:00', {
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4', exdates: [] },
    }),
    // April 2026: long titles that begin alike (a day cell shows two lines of each).
    ev('lang-pflege', 'Test: Informationsabend der Agentur für Arbeit zur Ausbildung in der Pflege', '2026-04-14T18:00:00+02:00', '2026-04-14T20:00:00+02:00', { categories: ['informationsveranstaltung'] }),
    ev('lang-handwerk', 'Test: Informationsabend der Handwerkskammer zu Ausbildungsberufen im Handwerk', '2026-04-15T18:00:00+02:00', '2026-04-15T20:00:00+02:00', { categories: ['informationsveranstaltung'] }),
    // May 2026: all-day, multi-day over a week and a month boundary, the statuses.
    ev('ganztag', 'Test: Ganztägiger Aktionstag', '2026-05-13', null, { allDay: true, categories: ['berufsorientierung'] }),
    ev('messe', 'Test: Messe über sechs Tage', '2026-05-28', '2026-06-02', { allDay: true, categories: ['messe'], registrationUrl: 'https://example.org/anmeldung' }),
    ev('abgesagt', 'Test: Abgesagter Workshop', '2026-05-19T17:00:00+02:00', '2026-05-19T19:00:00+02:00', { status: 'cancelled', categories: ['workshop'] }),
    ev('verschoben', 'Test: Verschobenes Treffen', '2026-05-20T17:00:00+02:00', '2026-05-20T19:00:00+02:00', { status: 'postponed' }),
    ev('verlegt', 'Test: Verlegter Infoabend', '2026-05-21T18:30:00+02:00', '2026-05-21T20:00:00+02:00', { status: 'rescheduled', previousStart: '2026-05-12T18:30:00+02:00', alliances: [LUDWIGSBURG] }),
    ev('online', 'Test: Online-Sprechstunde', '2026-05-22T10:00:00+02:00', '2026-05-22T11:00:00+02:00', {
      venue: null, onlineUrl: 'https://meet.example.org/fk', alliances: [LUDWIGSBURG], categories: ['informationsveranstaltung'],
      organisers: ['ihk-hochrhein-bodensee'], description: 'Erster Absatz.\n\nZweiter Absatz.',
    }),
    // June 2026: only the month is known.
    ev('nur-monat', 'Test: Tandem (Tag noch offen)', '2026-06', null, { allDay: true, categories: ['berufsorientierung'] }),
    // July 2026: hostile strings in every text field.
    ev('xss', `XSS ${XSS}`, '2026-07-07T10:00:00+02:00', '2026-07-07T11:00:00+02:00', {
      summary: `Zusammenfassung ${XSS}`, description: `Beschreibung ${XSS}\n\nAbsatz ${XSS}`,
      venue: { name: `Ort ${XSS}`, address: { streetAddress: `Straße ${XSS}`, postalCode: '79539', locality: `Lörrach ${XSS}`, countryCode: 'DE' }, position: null },
      onlineUrl: 'https://example.org/"><script>window.__xss=1</script>', registrationUrl: 'https://example.org/?q="><img src=x onerror=window.__xss=1>',
    }),
    // September 2026: a monthly series on the second Tuesday, November left out.
    ev('serie-monatlich', 'Test: Monatlicher Stammtisch', '2026-09-08T19:00:00+02:00', '2026-09-08T21:00:00+02:00', {
      recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6', exdates: ['2026-11-10T19:00:00+01:00'] },
    }),
  ];
  // 30 events on one day.
  for (let i = 0; i < 30; i++) {
    const h = String(8 + Math.floor(i / 3)).padStart(2, '0');
    const m = String((i % 3) * 20).padStart(2, '0');
    list.push(ev(`voll-${i}`, `Test: Termin ${i + 1} am vollen Tag`, `2026-09-15T${h}:${m}:00+02:00`, `2026-09-15T${h}:${m === '40' ? '59' : String(+m + 19)}:00+02:00`));
  }
  return list;
}

/** `count` fictitious timed events spread over the month `year`-`month` (benchmark). */
export function volumeEvents(count, year = 2026, month = 3) {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n) => String(n).padStart(2, '0');
  return Array.from({ length: count }, (_, i) => {
    const day = 1 + (i % days);
    const h = 8 + (i % 10);
    return {
      id: `vol-${year}-${month}-${i}`, title: `Beispieltermin ${i + 1}`, allDay: false,
      start: `${year}-${pad(month)}-${pad(day)}T${pad(h)}:00:00Z`, end: `${year}-${pad(month)}-${pad(day)}T${pad(h + 1)}:00:00Z`,
      alliances: [SUEDWEST], categories: ['netzwerktreffen'], summary: null, description: null, venue: null, onlineUrl: null,
      status: i % 17 === 0 ? 'cancelled' : 'scheduled', organisers: [], registrationUrl: null, recurrence: null, fictitious: true,
    };
  });
}

/** Starts a reference server with the seed data set and the calendar's events (through the write API). */
export async function startCalendarServer(dataSets = ['seed']) {
  const { startServer } = await import(new URL('../../server/src/index.ts', import.meta.url).href);
  const server = await startServer({ port: 0, memory: true, dataSets, log: () => {}, siteDir: null, cdnDir: null });
  const key = await server.createApiKey('admin');
  for (const body of calendarEvents()) {
    const res = await fetch(`${server.url}/v1/events`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` }, body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`calendar fixture ${body.id}: ${res.status} ${await res.text()}`);
  }
  return server;
}
