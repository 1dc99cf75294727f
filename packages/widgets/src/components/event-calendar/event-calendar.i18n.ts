import type { EventCategory, EventStatus } from '@fachkraefte/schema';

/**
 * Every text of `<fk-event-calendar>`, per locale. Kept beside the component (not in the shared
 * catalog) so that the other widgets' bundles do not carry the calendar's strings. The shared
 * catalog still supplies the error messages and "retry". German ships with the element; English is
 * `event-calendar.en.ts`, fetched with `import()` only by a calendar that speaks English.
 */
export interface CalendarStrings {
  title: string;
  prev: string;
  next: string;
  today: string;
  views: string;
  month: string;
  list: string;
  filters: string;
  category: string;
  alliance: string;
  all: string;
  search: string;
  count: (month: string, n: number) => string;
  loading: string;
  empty: string;
  emptyFiltered: string;
  /** The shown month has events, but none from today on. */
  emptyRest: string;
  /** Heading of the next events after a month without any (left). */
  upcoming: string;
  /** The button to the month of the next event. */
  jump: (month: string) => string;
  more: (n: number) => string;
  dayUnknown: string;
  allDay: string;
  status: Record<Exclude<EventStatus, 'scheduled'>, string>;
  /** A postponed event in the list and the details: its new date is not known yet. */
  postponed: string;
  /** A rescheduled event whose former date (or, moved within its day, time) is known. */
  moved: (when: string, time: boolean) => string;
  /** The same in a day cell, where a few letters must do: "statt 12.5.". */
  movedShort: (when: string) => string;
  categories: Record<EventCategory, string>;
  clock: (range: string) => string;
  close: string;
  when: string;
  where: string;
  online: string;
  organisers: string;
  register: string;
  ics: string;
  subscribe: string;
  feed: string;
  dayEvents: (date: string) => string;
}

/** German, the default. */
export const de: CalendarStrings = {
  title: 'Termine',
  prev: 'Vorheriger Monat',
  next: 'Nächster Monat',
  today: 'Heute',
  views: 'Ansicht',
  month: 'Monat',
  list: 'Liste',
  filters: 'Termine filtern',
  category: 'Kategorie',
  alliance: 'Allianz',
  all: 'Alle',
  search: 'Suche',
  count: (month, n) => `${month}: ${n === 1 ? 'ein Termin' : `${n} Termine`}`,
  loading: 'Termine werden geladen …',
  empty: 'In diesem Monat gibt es keine Termine.',
  emptyFiltered: 'In diesem Monat passt kein Termin zu Ihrer Auswahl.',
  emptyRest: 'In diesem Monat stehen keine Termine mehr an.',
  upcoming: 'Nächste Termine',
  jump: (month) => `Zu ${month} wechseln`,
  more: (n) => `+${n} weitere`,
  dayUnknown: 'Tag noch offen',
  allDay: 'ganztägig',
  status: { cancelled: 'abgesagt', postponed: 'verschoben', rescheduled: 'verlegt' },
  postponed: 'verschoben – neuer Termin folgt',
  moved: (when, time) => `verschoben vo${time ? 'n' : 'm'} ${when}`,
  movedShort: (when) => `statt ${when}`,
  // The schema's EVENT_CATEGORY_LABELS, in its order (a test keeps them equal): the catalog's own,
  // so that the calendar's first download carries no module of the schema package.
  categories: {
    vollversammlung: 'Vollversammlung', berufsorientierung: 'Berufsorientierung',
    informationsveranstaltung: 'Informationsveranstaltung', netzwerktreffen: 'Netzwerktreffen', konferenz: 'Konferenz',
    unterzeichnung: 'Unterzeichnung', workshop: 'Workshop', messe: 'Messe', sonstige: 'Sonstige',
  },
  clock: (range) => `${range} Uhr`,
  close: 'Schließen',
  when: 'Wann',
  where: 'Wo',
  online: 'Online teilnehmen',
  organisers: 'Veranstalter',
  register: 'Zur Anmeldung',
  ics: 'In den Kalender (.ics)',
  subscribe: 'Kalender abonnieren',
  feed: 'Feed-Adresse (https)',
  dayEvents: (date) => `Termine am ${date}`,
};

/** The event categories in the API's order (`EVENT_CATEGORIES` of `@fachkraefte/schema`). */
export const EVENT_CATEGORIES = Object.keys(de.categories) as EventCategory[];
