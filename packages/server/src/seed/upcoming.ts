/**
 * A small, clearly fictitious calendar for the seed alliances, dated relative to "now", so that a
 * calendar opened on any day shows something upcoming. Every title starts with "Beispiel:", every
 * id with `beispiel-`, every record carries `fictitious: true`.
 */
import type { Event, EventCategory, EventStatus } from '@fachkraefte/schema';
import { addDays, addMonths, berlinDateTime, berlinWallClock, type CalendarDay, isoDate } from './berlin-time.js';
import { SEED_ALLIANCES as A, type SeedTown, seedTown } from './seed-data.js';
import type { DataSet } from './types.js';

/** One fictitious event, dated as "so many days after today" in Berlin. */
interface Template {
  key: string;
  /**
   * Days after today's date in Berlin: at least 1 for the upcoming events; negative for the few
   * that fill the current month before today (left out when that day lies in the previous month).
   */
  day: number;
  title: string;
  summary: string;
  /** Timed events: local Berlin start and end; `endDay` days later for events over several days. */
  time?: { from: [number, number]; to: [number, number]; endDay?: number };
  /** All-day events: number of days (default 1). */
  days?: number;
  /** Where it takes place; `null` for online-only events. */
  place: { town: SeedTown; venue: string } | null;
  status?: EventStatus;
  /** A rescheduled event: how many days earlier it was planned, at the same time of day. */
  movedBy?: number;
  categories: EventCategory[];
  alliances: string[];
  organisers: string[];
  recurrence?: { rrule: 'FREQ=MONTHLY;COUNT=4' | 'FREQ=WEEKLY;COUNT=6'; skipSecond?: boolean };
  registration?: boolean;
}

const TEMPLATES: Template[] = [
  {
    key: 'netzwerktreffen-suedwest', day: 2, title: 'Beispiel: Netzwerktreffen der Fachkräfteallianz Südwest',
    summary: 'Fiktiver Termin: Austausch der Projektgruppen am Abend.',
    time: { from: [18, 0], to: [20, 0] }, place: { town: 'loerrach', venue: 'Beispiel-Tagungsraum Lörrach' },
    categories: ['netzwerktreffen'], alliances: [A.suedwest], organisers: ['wirtschaftsregion-suedwest'],
  },
  {
    key: 'berufsinformationstag-ludwigsburg', day: 5, title: 'Beispiel: Berufsinformationstag im Landkreis Ludwigsburg',
    summary: 'Fiktiver Termin: Schülerinnen und Schüler lernen Ausbildungsberufe kennen.',
    place: { town: 'ludwigsburg', venue: 'Beispiel-Schulzentrum Ludwigsburg' },
    categories: ['berufsorientierung'], alliances: [A.ludwigsburg],
    organisers: ['staatliches-schulamt-ludwigsburg', 'agentur-fuer-arbeit-ludwigsburg'],
  },
  {
    key: 'ausbildungsmesse-heilbronn-franken', day: 8, days: 3, title: 'Beispiel: Ausbildungsmesse Heilbronn-Franken',
    summary: 'Fiktiver Termin über drei Tage: Betriebe stellen Ausbildungsplätze vor.',
    place: { town: 'heilbronn', venue: 'Beispiel-Messehalle Heilbronn' },
    categories: ['messe', 'berufsorientierung'], alliances: [A.heilbronnFranken],
    organisers: ['ihk-heilbronn-franken', 'handwerkskammer-heilbronn-franken'], registration: true,
  },
  {
    key: 'online-info-netzwerk-waldshut', day: 10, title: 'Beispiel: Online-Informationsveranstaltung zum Netzwerk Fachkräfte',
    summary: 'Fiktiver Termin: Informationen für Arbeitgeber, die dem Netzwerk beitreten möchten.',
    time: { from: [10, 0], to: [11, 30] }, place: null,
    categories: ['informationsveranstaltung'], alliances: [A.waldshut], organisers: ['wirtschaftsregion-suedwest'],
    registration: true,
  },
  {
    key: 'sprechstunde-fachkraeftesicherung-leine-weser', day: 12,
    title: 'Beispiel: Sprechstunde Fachkräftesicherung (monatlich)',
    summary: 'Fiktiver Serientermin: viermal monatlich, der zweite Termin entfällt.',
    time: { from: [14, 0], to: [16, 0] },
    place: { town: 'hildesheim', venue: 'Beispiel-Besprechungsraum Hildesheim' },
    categories: ['informationsveranstaltung'], alliances: [A.leineWeser],
    organisers: ['amt-fuer-regionale-landesentwicklung-leine-weser'],
    recurrence: { rrule: 'FREQ=MONTHLY;COUNT=4', skipSecond: true },
  },
  {
    key: 'workshop-arbeitgeberattraktivitaet', day: 15, title: 'Beispiel: Workshop Arbeitgeberattraktivität',
    summary: 'Fiktiver Termin – abgesagt.',
    time: { from: [9, 30], to: [12, 30] }, place: { town: 'hannover', venue: 'Beispiel-Seminarraum Hannover' },
    status: 'cancelled', categories: ['workshop'], alliances: [A.leineWeser],
    organisers: ['amt-fuer-regionale-landesentwicklung-leine-weser'],
  },
  {
    key: 'netzwerktreffen-waldshut', day: 19, title: 'Beispiel: Netzwerktreffen der Partner im Landkreis Waldshut',
    summary: 'Fiktiver Termin – verschoben, ein neuer Termin steht noch nicht fest.',
    time: { from: [17, 0], to: [19, 0] }, place: { town: 'waldshutTiengen', venue: 'Beispiel-Saal Waldshut-Tiengen' },
    status: 'postponed', categories: ['netzwerktreffen'], alliances: [A.waldshut], organisers: ['wirtschaftsregion-suedwest'],
  },
  {
    key: 'fachkraeftekonferenz-heilbronn-franken', day: 22, title: 'Beispiel: Fachkräftekonferenz Heilbronn-Franken',
    summary: 'Fiktiver Termin über zwei Tage mit Vorträgen und Foren.',
    time: { from: [9, 0], to: [16, 30], endDay: 1 }, place: { town: 'heilbronn', venue: 'Beispiel-Kongresszentrum Heilbronn' },
    categories: ['konferenz'], alliances: [A.heilbronnFranken, A.bw], organisers: ['ihk-heilbronn-franken'],
    registration: true,
  },
  {
    key: 'vollversammlung-suedwest', day: 26, title: 'Beispiel: Vollversammlung der Fachkräfteallianz Südwest',
    summary: 'Fiktiver Termin: Jahresrückblick und Ausblick.',
    time: { from: [17, 0], to: [19, 30] }, place: { town: 'waldshutTiengen', venue: 'Beispiel-Landratsamt Waldshut' },
    categories: ['vollversammlung'], alliances: [A.suedwest], organisers: ['landkreis-waldshut'],
  },
  {
    key: 'spitzengespraech-bw-heilbronn-franken', day: 31, title: 'Beispiel: Spitzengespräch Landesallianz und Fachkräftebündnis',
    summary: 'Fiktiver Termin: Abgleich der Ziele, Maßnahmen und Ergebnisse.',
    time: { from: [11, 0], to: [12, 30] }, place: { town: 'stuttgart', venue: 'Beispiel-Sitzungssaal Stuttgart' },
    categories: ['konferenz'], alliances: [A.bw, A.heilbronnFranken], organisers: ['ihk-heilbronn-franken'],
  },
  {
    key: 'tandem-berufsorientierung', day: 36, title: 'Beispiel: Tandem Berufsorientierung',
    summary: 'Fiktiver ganztägiger Termin für Lehrkräfte und Betriebe.',
    place: { town: 'loerrach', venue: 'Beispiel-Berufsschulzentrum Lörrach' },
    categories: ['berufsorientierung'], alliances: [A.suedwest],
    organisers: ['staatliches-schulamt-loerrach', 'agentur-fuer-arbeit-loerrach'],
  },
  {
    key: 'arbeitsgruppe-marke', day: 40, title: 'Beispiel: Sitzung der Arbeitsgruppe Marke',
    summary: 'Fiktiver Serientermin: sechs Sitzungen im Wochenrhythmus.',
    time: { from: [15, 0], to: [17, 0] }, place: { town: 'waldshutTiengen', venue: 'Beispiel-Besprechungsraum Waldshut-Tiengen' },
    categories: ['workshop'], alliances: [A.waldshut], organisers: ['wirtschaftsregion-suedwest'],
    recurrence: { rrule: 'FREQ=WEEKLY;COUNT=6' },
  },
  {
    key: 'infoabend-vereinbarkeit-ludwigsburg', day: 45, title: 'Beispiel: Infoabend Vereinbarkeit von Familie und Beruf',
    summary: 'Fiktiver Termin – auf einen neuen Termin verlegt.',
    time: { from: [18, 30], to: [20, 0] }, place: { town: 'ludwigsburg', venue: 'Beispiel-Kreishaus Ludwigsburg' },
    status: 'rescheduled', movedBy: 9, categories: ['informationsveranstaltung'], alliances: [A.ludwigsburg],
    organisers: ['landkreis-ludwigsburg', 'bildungsregion-landkreis-ludwigsburg'],
  },
  {
    key: 'netzwerktreffen-ludwigsburg', day: 52, title: 'Beispiel: Netzwerktreffen der Fachkräfteallianz Landkreis Ludwigsburg',
    summary: 'Fiktiver Termin der Gründungsmitglieder.',
    time: { from: [16, 0], to: [18, 0] }, place: { town: 'ludwigsburg', venue: 'Beispiel-Tagungsraum Ludwigsburg' },
    categories: ['netzwerktreffen'], alliances: [A.ludwigsburg], organisers: ['landkreis-ludwigsburg'],
  },
  {
    key: 'aktionstag-pflege-suedwest', day: 60, title: 'Beispiel: Aktionstag Pflegeberufe',
    summary: 'Fiktiver ganztägiger Termin zum Schwerpunkt Pflege.',
    place: { town: 'loerrach', venue: 'Beispiel-Stadthalle Lörrach' },
    categories: ['berufsorientierung', 'sonstige'], alliances: [A.suedwest], organisers: ['landkreis-loerrach'],
  },
  {
    key: 'workshop-it-fachkraefte', day: 68, days: 2, title: 'Beispiel: Zweitägiger Workshop IT-Fachkräfte gewinnen',
    summary: 'Fiktiver Termin über zwei Tage zum Schwerpunkt IT.',
    place: { town: 'freiburg', venue: 'Beispiel-Bildungszentrum Freiburg' },
    categories: ['workshop'], alliances: [A.suedwest], organisers: ['handwerkskammer-freiburg'], registration: true,
  },
  {
    key: 'webinar-landesallianz', day: 75, title: 'Beispiel: Webinar der Landesallianz für regionale Allianzen',
    summary: 'Fiktiver Online-Termin: Erfahrungsaustausch über die Regionen hinweg.',
    time: { from: [10, 0], to: [11, 0] }, place: null,
    categories: ['informationsveranstaltung', 'netzwerktreffen'], alliances: [A.bw, A.suedwest, A.ludwigsburg],
    organisers: ['ministerium-fuer-wirtschaft-arbeit-und-wohnungsbau-baden-wuerttemberg'],
  },
  {
    key: 'fachkraeftemesse-hildesheim', day: 84, days: 2, title: 'Beispiel: Fachkräftemesse Leine-Weser',
    summary: 'Fiktiver Termin über zwei Tage für Berufsrückkehrende und Studienabbrechende.',
    place: { town: 'hildesheim', venue: 'Beispiel-Messegelände Hildesheim' },
    categories: ['messe'], alliances: [A.leineWeser], organisers: ['amt-fuer-regionale-landesentwicklung-leine-weser'],
  },
  {
    key: 'konferenz-integration-suedwest', day: 96, title: 'Beispiel: Konferenz Integration in den Arbeitsmarkt',
    summary: 'Fiktiver Termin der Projektgruppe Integration.',
    time: { from: [13, 0], to: [17, 30] }, place: { town: 'rheinfelden', venue: 'Beispiel-Bürgersaal Rheinfelden' },
    categories: ['konferenz'], alliances: [A.suedwest], organisers: ['stadt-rheinfelden-baden', 'jobcenter-landkreis-loerrach'],
    registration: true,
  },
  {
    key: 'unterzeichnung-kooperation-leine-weser', day: 105, title: 'Beispiel: Unterzeichnung einer Kooperationsvereinbarung',
    summary: 'Fiktiver Termin.',
    time: { from: [11, 0], to: [12, 0] }, place: { town: 'hildesheim', venue: 'Beispiel-Amtsgebäude Hildesheim' },
    categories: ['unterzeichnung'], alliances: [A.leineWeser], organisers: ['amt-fuer-regionale-landesentwicklung-leine-weser'],
  },
  {
    key: 'netzwerktreffen-schwaebisch-hall', day: 116, title: 'Beispiel: Regionales Netzwerktreffen in Schwäbisch Hall',
    summary: 'Fiktiver Termin.',
    time: { from: [17, 30], to: [19, 30] }, place: { town: 'schwaebischHall', venue: 'Beispiel-Tagungshaus Schwäbisch Hall' },
    categories: ['netzwerktreffen'], alliances: [A.heilbronnFranken], organisers: ['agentur-fuer-arbeit-schwaebisch-hall'],
  },
];

/**
 * Past dates of the current month: a calendar opened at the end of a month shows a month that has
 * had its meetings, not an empty page. Scheduled, one alliance each, so that every filter of the
 * API over the upcoming events (status, one alliance or another) keeps its answer.
 */
const PAST: Template[] = [
  {
    key: 'unternehmensfruehstueck-loerrach', day: -2, title: 'Beispiel: Unternehmensfrühstück Fachkräftesicherung',
    summary: 'Fiktiver vergangener Termin: Betriebe tauschen sich über Ausbildung aus.',
    time: { from: [8, 0], to: [9, 30] }, place: { town: 'loerrach', venue: 'Beispiel-Kantine Lörrach' },
    categories: ['netzwerktreffen'], alliances: [A.suedwest], organisers: ['wirtschaftsregion-suedwest'],
  },
  {
    key: 'sprechtag-ausbildung-heilbronn', day: -5, title: 'Beispiel: Sprechtag Ausbildung und Studium',
    summary: 'Fiktiver vergangener Termin: Beratung für Jugendliche und Eltern.',
    time: { from: [14, 0], to: [18, 0] }, place: { town: 'heilbronn', venue: 'Beispiel-Beratungszentrum Heilbronn' },
    categories: ['berufsorientierung'], alliances: [A.heilbronnFranken], organisers: ['agentur-fuer-arbeit-heilbronn'],
  },
  {
    key: 'projektgruppe-integration', day: -8, title: 'Beispiel: Sitzung der Projektgruppe Integration',
    summary: 'Fiktiver vergangener Termin der Projektgruppe Integration von Flüchtlingen in den Arbeitsmarkt.',
    time: { from: [10, 0], to: [12, 0] }, place: { town: 'loerrach', venue: 'Beispiel-Besprechungsraum Lörrach' },
    categories: ['workshop'], alliances: [A.suedwest], organisers: ['landkreis-loerrach'],
  },
  {
    key: 'praxistag-schule-ludwigsburg', day: -11, title: 'Beispiel: Praxistag Schule und Betrieb',
    summary: 'Fiktiver vergangener ganztägiger Termin.',
    place: { town: 'ludwigsburg', venue: 'Beispiel-Gewerbeschule Ludwigsburg' },
    categories: ['berufsorientierung'], alliances: [A.ludwigsburg], organisers: ['staatliches-schulamt-ludwigsburg'],
  },
  {
    key: 'regionalforum-leine-weser', day: -15, title: 'Beispiel: Regionalforum Fachkräfte Leine-Weser',
    summary: 'Fiktiver vergangener Termin.',
    time: { from: [13, 0], to: [16, 0] }, place: { town: 'hildesheim', venue: 'Beispiel-Forum Hildesheim' },
    categories: ['konferenz'], alliances: [A.leineWeser], organisers: ['amt-fuer-regionale-landesentwicklung-leine-weser'],
  },
  {
    key: 'partnertreffen-waldshut', day: -19, title: 'Beispiel: Partnertreffen Netzwerk Fachkräfte',
    summary: 'Fiktiver vergangener Termin.',
    time: { from: [17, 0], to: [18, 30] }, place: { town: 'waldshutTiengen', venue: 'Beispiel-Saal Waldshut-Tiengen' },
    categories: ['netzwerktreffen'], alliances: [A.waldshut], organisers: ['wirtschaftsregion-suedwest'],
  },
  {
    key: 'infotag-pflege-suedwest', day: -23, title: 'Beispiel: Infotag Ausbildung in der Pflege',
    summary: 'Fiktiver vergangener ganztägiger Termin zum Schwerpunkt Pflege.',
    place: { town: 'loerrach', venue: 'Beispiel-Kreiskrankenhaus Lörrach' },
    categories: ['informationsveranstaltung'], alliances: [A.suedwest], organisers: ['landkreis-loerrach'],
  },
  {
    key: 'arbeitgeberabend-schwaebisch-hall', day: -27, title: 'Beispiel: Arbeitgeberabend Fachkräfte gewinnen',
    summary: 'Fiktiver vergangener Termin.',
    time: { from: [18, 0], to: [20, 0] }, place: { town: 'schwaebischHall', venue: 'Beispiel-Rathaus Schwäbisch Hall' },
    categories: ['informationsveranstaltung'], alliances: [A.heilbronnFranken], organisers: ['agentur-fuer-arbeit-schwaebisch-hall'],
  },
];

const DESCRIPTION =
  'Fiktives Beispiel für die Demo-Daten: Diesen Termin gibt es nicht. Er zeigt, wie ein Kalender mit ' +
  'kommenden Veranstaltungen der Allianzen aussieht.';

function build(t: Template, today: CalendarDay): Event {
  let first = addDays(today, t.day);
  // A monthly series on the 29th–31st would skip short months; keep it on a day every month has.
  if (t.recurrence?.rrule.startsWith('FREQ=MONTHLY')) while (first.day > 28) first = addDays(first, 1);
  let start: string;
  let end: string;
  if (t.time) {
    start = berlinDateTime(first, t.time.from[0], t.time.from[1]);
    end = berlinDateTime(addDays(first, t.time.endDay ?? 0), t.time.to[0], t.time.to[1]);
  } else {
    start = isoDate(first);
    end = isoDate(addDays(first, (t.days ?? 1) - 1));
  }
  let exdates: string[] = [];
  if (t.recurrence?.skipSecond) {
    const second = addMonths(first, 1);
    exdates = [t.time ? berlinDateTime(second, t.time.from[0], t.time.from[1]) : isoDate(second)];
  }
  let previousStart: string | null = null;
  if (t.movedBy) {
    const before = addDays(first, -t.movedBy);
    previousStart = t.time ? berlinDateTime(before, t.time.from[0], t.time.from[1]) : isoDate(before);
  }
  const id = `beispiel-${t.key}`;
  const place = t.place ? seedTown(t.place.town) : null;
  return {
    id,
    title: t.title,
    summary: t.summary,
    description: DESCRIPTION,
    start,
    end,
    previousStart,
    allDay: !t.time,
    venue: place && t.place
      ? {
        name: t.place.venue,
        address: { streetAddress: null, postalCode: null, locality: place.locality, countryCode: 'DE' },
        position: place.position,
      }
      : null,
    // www.example.org is reserved for examples (RFC 2606): no real host gets a visitor's request.
    onlineUrl: t.place ? null : `https://www.example.org/beispiel/${t.key}`,
    status: t.status ?? 'scheduled',
    categories: t.categories,
    alliances: t.alliances,
    organisers: t.organisers,
    registrationUrl: t.registration ? `https://www.example.org/beispiel/${t.key}/anmeldung` : null,
    recurrence: t.recurrence ? { rrule: t.recurrence.rrule, exdates } : null,
    fictitious: true,
  };
}

/**
 * Twenty-one fictitious events of the six seed alliances over the four months after `now`, so that a
 * calendar opened today is not empty, and up to eight on days of the current month before today
 * (every three to four days back from today, as far as the month goes: a month opened near its end
 * shows the meetings it had, not a blank page). Timed ones carry the right Europe/Berlin offset for their
 * date; among them are all-day and multi-day events, a cancelled, a postponed and a rescheduled
 * one, two online ones and two series (one monthly with an excluded date, one weekly).
 *
 * The set holds events only: they refer to the seed alliances and organisations, so load it
 * together with {@link seedDataSet} (as `loadDataSet('upcoming')` does). The same `now` always
 * gives the same data.
 *
 * @param now - the moment the calendar is opened; every event starts on a later day in Berlin, but
 *   the past ones of its month, which lie on earlier days of that month.
 * @throws RangeError when `now` is not a valid Date.
 * @example
 * ```ts
 * const { events } = upcomingDataSet(new Date('2026-03-20T12:00:00Z'));
 * events.length; // 27: six on 1–18 March, then twenty-one from 22 March
 * events[0]!.start; // '2026-03-18T08:00:00+01:00'
 * events[6]!.start; // '2026-03-22T18:00:00+01:00'
 * ```
 */
export function upcomingDataSet(now: Date): DataSet {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError(`upcomingDataSet: expected a valid Date for "now", got ${String(now)}`);
  }
  const { year, month, day } = berlinWallClock(now);
  const today = { year, month, day };
  return {
    name: 'upcoming',
    alliances: [],
    organisations: [],
    memberships: [],
    events: [
      ...PAST.filter((t) => addDays(today, t.day).month === month).map((t) => build(t, today)),
      ...TEMPLATES.map((t) => build(t, today)),
    ],
  };
}
