import {
  Event, EventPage,
  type EventFilters, type EventInput, type EventPatch,
} from '@fachkraefte/schema';
import { iterator, type Page } from '../internal/paginate.js';
import type { DateInput } from '../occurrences.js';
import { segment, toQuery } from '../internal/query.js';
import type { RequestOptions, Transport } from '../internal/transport.js';

/**
 * The filters of the event lists: {@link EventFilters}, with `from` and `to` as a `Date`, an ISO
 * date (`2026-04-01`, a day in Europe/Berlin) or an ISO date-time with offset.
 *
 * A recurring event is listed once, by its first date, when any of its dates can fall in the
 * range: {@link occurrences} gives the dates within it.
 */
export type EventQuery = Omit<EventFilters, 'from' | 'to'> & {
  /** Events that end at or after this instant; a date means its start in Europe/Berlin. */
  from?: DateInput;
  /** Events that start before this instant; a date includes that whole day in Europe/Berlin. */
  to?: DateInput;
};

/** `client.events`: the events of the alliances, and their iCalendar feeds. */
export interface EventsResource {
  /**
   * One page of events (`GET /v1/events`), in start order.
   *
   * @example
   * ```ts
   * const { items } = await client.events.list({ from: '2016-11-01', alliance: ['fachkraefteallianz-suedwest'] });
   * ```
   */
  list(filters?: EventQuery, options?: RequestOptions): Promise<Page<Event>>;
  /**
   * Every event matching the filters, page after page.
   *
   * @example
   * ```ts
   * for await (const event of client.events.iterate({ category: ['vollversammlung'] })) console.log(event.title);
   * ```
   */
  iterate(filters?: EventQuery, options?: RequestOptions): AsyncIterable<Event>;
  /**
   * One event by id; a {@link NotFoundError} when there is none.
   *
   * @example
   * ```ts
   * const event = await client.events.get('jahresvollversammlung-2016');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<Event>;
  /**
   * The URL of an iCalendar (RFC 5545) feed of the events matching the filters, for calendar
   * subscriptions (`webcal:`) and "add to calendar" links.
   *
   * @example
   * ```ts
   * const feed = client.events.icsUrl({ alliance: ['fachkraefteallianz-suedwest'] });
   * // https://api.example.org/v1/events.ics?alliance=fachkraefteallianz-suedwest
   * ```
   */
  icsUrl(filters?: EventQuery): string;
  /**
   * The URL of one event as an iCalendar file.
   *
   * @example
   * ```ts
   * const href = client.events.eventIcsUrl('jahresvollversammlung-2016');
   * ```
   */
  eventIcsUrl(id: string): string;
  /**
   * Creates an event (needs an API key for one of its alliances, or `admin`). Never retried.
   *
   * @example
   * ```ts
   * const event = await client.events.create({
   *   title: 'Netzwerktreffen', start: '2026-03-04T17:00:00+01:00', alliances: ['fachkraefteallianz-suedwest'],
   * });
   * ```
   */
  create(input: EventInput, options?: RequestOptions): Promise<Event>;
  /**
   * Changes some fields of an event (needs an API key); `null` clears a field. Never retried.
   *
   * @example
   * ```ts
   * await client.events.update(event.id, { status: 'cancelled' });
   * ```
   */
  update(id: string, patch: EventPatch, options?: RequestOptions): Promise<Event>;
  /**
   * Deletes an event (needs an API key).
   *
   * @example
   * ```ts
   * await client.events.delete(event.id);
   * ```
   */
  delete(id: string, options?: RequestOptions): Promise<void>;
}

/** The filters as the API reads them: a `Date` as its ISO instant (an invalid one throws a RangeError). */
const iso = (d: DateInput | undefined) => (d instanceof Date ? d.toISOString() : d);
const plain = (filters: EventQuery | undefined) => filters && ({ ...filters, from: iso(filters.from), to: iso(filters.to) } as EventFilters);

/** Builds `client.events` on a transport. */
export function eventsResource(http: Transport): EventsResource {
  const list = (filters?: EventQuery, options?: RequestOptions) =>
    http.get('/events', toQuery(plain(filters)), EventPage, options);
  return {
    list,
    iterate: iterator(list),
    get: async (id, options) => http.get(`/events/${segment(id)}`, '', Event, options),
    icsUrl: (filters) => http.url('/events.ics', toQuery(plain(filters))),
    eventIcsUrl: (id) => http.url(`/events/${segment(id)}.ics`),
    create: (input, options) => http.send('POST', '/events', input, Event, options),
    update: async (id, patch, options) => http.send('PATCH', `/events/${segment(id)}`, patch, Event, options),
    delete: async (id, options) => http.send('DELETE', `/events/${segment(id)}`, undefined, null, options),
  };
}
