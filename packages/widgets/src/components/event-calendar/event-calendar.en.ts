import type { CalendarStrings } from './event-calendar.i18n.js';

/**
 * English texts of `<fk-event-calendar>` (en-GB conventions), imported with `import()` by a
 * calendar whose language is English, so that German pages never download them.
 */
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
  emptyRest: 'There are no more events this month.',
  upcoming: 'Upcoming events',
  jump: (month) => `Go to ${month}`,
  more: (n) => `+${n} more`,
  dayUnknown: 'day to be announced',
  allDay: 'all day',
  status: { cancelled: 'cancelled', postponed: 'postponed', rescheduled: 'rescheduled' },
  postponed: 'postponed – new date to follow',
  moved: (when) => `moved from ${when}`,
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
