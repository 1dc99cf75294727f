import { EVENT_CATEGORY_LABELS, type EventCategory, type EventStatus } from '@fachkraefte/schema';

/**
 * Every text of `<fk-event-calendar>`, per locale. Kept beside the component (not in the shared
 * catalog) so that the other widgets' bundles do not carry the calendar's strings. The shared
 * catalog still supplies the error messages and "retry".
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
  more: (n: number) => string;
  dayUnknown: string;
  allDay: string;
  status: Record<Exclude<EventStatus, 'scheduled'>, string>;
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
  more: (n) => `+${n} weitere`,
  dayUnknown: 'Tag noch offen',
  allDay: 'ganztägig',
  status: { cancelled: 'abgesagt', postponed: 'verschoben', rescheduled: 'verlegt' },
  categories: EVENT_CATEGORY_LABELS,
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

/** English (en-GB conventions). */
export const en: CalendarStrings = {
  title: 'Events',
  prev: 'Previous month',
  next: 'Next month',
  today: 'Today',
  views: 'View',
  month: 'Month',
  list: 'List',
  filters: 'Filter events',
  category: 'Category',
  alliance: 'Alliance',
  all: 'All',
  search: 'Search',
  count: (month, n) => `${month}: ${n === 1 ? 'one event' : `${n} events`}`,
  loading: 'Loading events …',
  empty: 'There are no events this month.',
  emptyFiltered: 'No event this month matches your selection.',
  more: (n) => `+${n} more`,
  dayUnknown: 'day to be announced',
  allDay: 'all day',
  status: { cancelled: 'cancelled', postponed: 'postponed', rescheduled: 'rescheduled' },
  categories: {
    vollversammlung: 'General assembly', berufsorientierung: 'Career guidance',
    informationsveranstaltung: 'Information event', netzwerktreffen: 'Network meeting', konferenz: 'Conference',
    unterzeichnung: 'Signing', workshop: 'Workshop', messe: 'Fair', sonstige: 'Other',
  },
  clock: (range) => range,
  close: 'Close',
  when: 'When',
  where: 'Where',
  online: 'Join online',
  organisers: 'Organisers',
  register: 'Register',
  ics: 'Add to calendar (.ics)',
  subscribe: 'Subscribe to calendar',
  feed: 'Feed address (https)',
  dayEvents: (date) => `Events on ${date}`,
};
