import { Event, EventFilters, EventInput, EventPatch, formatIssues, previousStartProblem, Slug } from '@fachkraefte/schema';
import { parseRule } from '@fachkraefte/schema/rrule';
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import rrulePkg from 'rrule';
import { eventsToICalendar, eventToICalendar, icsFileName } from '../export/ics.js';
import { addDays, BERLIN, isoDate, wallTimeAt } from '../export/zoned-time.js';
import { requireKey } from '../http/auth.js';
import { readBody } from '../http/body.js';
import { badRequest, HttpProblem, notFound } from '../http/problem.js';
import { parseQuery } from '../http/query.js';
import { actorOf, changedFields, filterInstant, type KeyScope, type Store } from '../store/store.js';
import { type AppEnv, emptyQuery, pathParam, slugify } from './common.js';

// rrule ships CommonJS; its named exports are not visible to Node's ESM loader.
const { rrulestr } = rrulePkg as unknown as typeof import('rrule');

/** The most events one feed carries; a narrower filter gets the rest. */
export const FEED_LIMIT = 5_000;

/**
 * The feed without `from` and `to` is what calendar apps subscribe to (`/v1/events.ics`,
 * `?alliance=…`), and they cannot react to a 400. When all its events would exceed
 * {@link FEED_LIMIT}, it holds those from this many days before today (Berlin) onwards, series
 * that still run then included: a quarter back keeps what a subscriber just attended, and
 * everything ahead is what a subscription is for. Still more than FEED_LIMIT: the earliest
 * starting FEED_LIMIT of them, so the far future is what is left out.
 */
export const FEED_DEFAULT_DAYS_BACK = 90;

/** The first day of the feed's default window: {@link FEED_DEFAULT_DAYS_BACK} days before today in Berlin. */
export function feedDefaultFrom(now: Date = new Date()): string {
  return addDays(isoDate(wallTimeAt(now.getTime(), BERLIN)), -FEED_DEFAULT_DAYS_BACK);
}

/**
 * The 400 for a feed whose explicit range holds more than {@link FEED_LIMIT} events, naming the
 * range parameters the client sent (those it can narrow), each saying what else would help.
 */
function feedTooLarge(f: { from?: string | undefined; to?: string | undefined }): HttpProblem {
  const more = `more than ${FEED_LIMIT} events`;
  const filters = 'or filter by alliance, category or status';
  if (f.from && f.to) {
    return badRequest([
      { parameter: 'from', message: `from…to selects ${more}: move from and to closer together, ${filters}` },
      { parameter: 'to', message: `from…to selects ${more}: move from and to closer together, ${filters}` },
    ]);
  }
  if (f.from) return badRequest([{ parameter: 'from', message: `selects ${more} from this date on: send a later from or a to as well, ${filters}` }]);
  return badRequest([{ parameter: 'to', message: `selects ${more} up to this date: send an earlier to or a from as well, ${filters}` }]);
}

const FeedFilters = EventFilters; // `limit`/`cursor` make no sense for a feed: refused below.

async function checkAlliances(store: Store, slugs: readonly string[]): Promise<void> {
  const missing: string[] = [];
  for (const slug of slugs) if (!(await store.allianceExists(slug))) missing.push(slug);
  if (missing.length) throw badRequest(missing.map((slug) => ({ parameter: 'body.alliances', message: `the alliance "${slug}" does not exist` })));
}

/**
 * A scoped key may create, change or delete an event only when every alliance it names is the
 * key's. A key of another alliance may add or remove its own alliance (co-organise, withdraw) and
 * change nothing else. Admin keys may do anything.
 */
function requireEventScope(scope: KeyScope, before: Event | null, after: Event | null): void {
  if (scope.admin) return;
  const own = scope.alliance;
  const named = [...(before?.alliances ?? []), ...(after?.alliances ?? [])];
  const others = [...new Set(named.filter((a) => a !== own))];
  if (others.length === 0) return;
  const list = others.map((a) => `"${a}"`).join(', ');
  if (!before || !after) {
    throw new HttpProblem(403, before
      ? `The event "${before.id}" also belongs to ${list}: a key of "${own}" may not delete it. Withdraw instead (PATCH its alliances without "${own}").`
      : `A key of "${own}" may not create events in the calendar of ${list}. Create it for "${own}"; the other alliances can then add themselves as co-organisers.`);
  }
  const added = after.alliances.filter((a) => !before.alliances.includes(a));
  const removed = before.alliances.filter((a) => !after.alliances.includes(a));
  const onlyOwn = [...added, ...removed].every((a) => a === own) && added.length + removed.length > 0;
  const fields = changedFields(before, after);
  if (onlyOwn && fields.length === 1 && fields[0] === 'alliances') return;
  // A repeated co-organise (a retry after a timeout) changes nothing: answered as done.
  if (fields.length === 0 && before.alliances.includes(own)) return;
  if (!before.alliances.includes(own) && !after.alliances.includes(own)) {
    throw new HttpProblem(403, `The API key is scoped to the alliance "${own}" and may not change the event "${before.id}" of ${list}.`);
  }
  throw new HttpProblem(403, `The event "${before.id}" also belongs to ${list}: a key of "${own}" may only add or remove its own alliance (co-organise or withdraw), and change nothing else of it.`);
}

/**
 * 400 when `to` lies before `from`, compared as the store reads them (a date is Berlin midnight, and
 * `to` as a date takes in its whole day): such a window is empty, and answering 200 with nothing
 * hid the client's mistake.
 */
function checkWindow(f: { from?: string | undefined; to?: string | undefined }): void {
  if (!f.from || !f.to) return;
  const from = filterInstant(f.from, false);
  const to = filterInstant(f.to, true);
  // A date `to` ends at the next midnight, exclusive: ending at `from` means its day lies before it.
  // An instant `to` equal to `from` still asks what runs at that instant.
  if (/^\d{4}-\d{2}-\d{2}$/.test(f.to) ? to <= from : to < from) {
    throw badRequest([{ parameter: 'to', message: 'must not be before from' }]);
  }
}

/** Validates a finished event: a timing error names its body field. */
function finish(event: unknown): Event {
  const result = Event.safeParse(event);
  if (!result.success) throw badRequest(formatIssues(result.error.issues, 'body'));
  const e = result.data;
  const previous = previousStartProblem(e);
  if (previous) throw badRequest([{ parameter: 'body.previousStart', message: previous }]);
  // The database stores timestamps of the years 1000–9999 only as the partial dates allow them;
  // year 0000 reached PostgreSQL and failed there with a 500.
  for (const field of ['start', 'end', 'previousStart'] as const) {
    const value = e[field];
    if (!e.allDay && value != null) {
      const year = new Date(value).getUTCFullYear();
      if (year < 1000 || year > 9999) throw badRequest([{ parameter: `body.${field}`, message: 'must lie in the years 1000–9999' }]);
    }
  }
  // The RRULE pattern lets through rules that rrule cannot expand (UNTIL=2026, BYDAY=XX): expand
  // it here, so that they are answered with a 400 instead of failing in the store.
  if (e.recurrence) {
    const problem = rruleProblem(e.recurrence.rrule);
    if (problem) throw badRequest([{ parameter: 'body.recurrence.rrule', message: problem }]);
  }
  return e;
}

const RRULE_NUMBERS: Record<string, RegExp> = {
  COUNT: /^[1-9]\d{0,4}$/,
  INTERVAL: /^[1-9]\d{0,3}$/,
};
const RRULE_NUMBER_LIST = /^[+-]?\d{1,3}(?:,[+-]?\d{1,3})*$/;

/**
 * What is wrong with an RRULE value that the schema's pattern lets through, or null. rrule turns a
 * non-numeric INTERVAL into NaN and then loops forever, and throws on unknown parts, a malformed
 * UNTIL or BYDAY: each of these failed the request with a 500 (or hung the server) before.
 */
function rruleProblem(rule: string): string | null {
  for (const part of rule.split(';')) {
    const [name = '', value = ''] = part.split('=');
    const number = RRULE_NUMBERS[name];
    if (number && !number.test(value)) return `${name} must be a positive whole number`;
    if (/^BY(?:MONTH|MONTHDAY|YEARDAY|WEEKNO|SETPOS|HOUR|MINUTE|SECOND)$/.test(name) && !RRULE_NUMBER_LIST.test(value)) {
      return `${name} must be a comma-separated list of whole numbers`;
    }
  }
  try {
    rrulestr(`DTSTART:20200101T000000Z\nRRULE:${rule}`);
  } catch (err) {
    return `is not a valid RRULE: ${String((err as Error).message).slice(0, 100)}`;
  }
  // Only the subset the widget and calendar apps expand alike is stored.
  try {
    parseRule(rule);
  } catch (err) {
    return (err as Error).message;
  }
  return null;
}

/**
 * `/v1/events`, the iCalendar feed and single events (mounted on `/v1`, as `/events.ics` is a
 * sibling of `/events`). A key scoped to an alliance may create, change and delete the events that
 * alliance organises (its slug among `alliances`).
 */
export function eventRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/events', async (c) => {
    const filters = parseQuery(new URL(c.req.url), EventFilters);
    checkWindow(filters);
    return c.json(await c.var.store.listEvents(filters));
  });

  app.post('/events', async (c) => {
    const scope = await requireKey(c, c.var.store);
    const input = await readBody(c, EventInput);
    requireEventScope(scope, null, { alliances: input.alliances } as Event);
    await checkAlliances(c.var.store, input.alliances);
    const event = finish({
      id: input.id ?? `${slugify(input.title, 40)}-${randomBytes(4).toString('hex')}`,
      title: input.title,
      summary: input.summary ?? null,
      description: input.description ?? null,
      start: input.start,
      end: input.end ?? null,
      previousStart: input.previousStart ?? null,
      allDay: input.allDay ?? false,
      venue: input.venue ?? null,
      onlineUrl: input.onlineUrl ?? null,
      status: input.status ?? 'scheduled',
      categories: input.categories ?? [],
      alliances: input.alliances,
      organisers: input.organisers ?? [],
      registrationUrl: input.registrationUrl ?? null,
      recurrence: input.recurrence ?? null,
      fictitious: false,
    });
    const created = await c.var.store.createEvent(event, actorOf(scope));
    if (!created) throw new HttpProblem(409, `An event with the id "${event.id}" exists already; send another id.`);
    c.header('Location', `/v1/events/${event.id}`);
    return c.json(created, 201);
  });


  app.get('/events.ics', async (c) => {
    const url = new URL(c.req.url);
    for (const key of ['limit', 'cursor']) {
      if (url.searchParams.has(key)) throw badRequest([{ parameter: key, message: 'is not taken by the feed, which carries every matching event' }]);
    }
    const filters = parseQuery(url, FeedFilters);
    checkWindow(filters);
    let events = await c.var.store.allEvents(filters, FEED_LIMIT + 1);
    if (events.length > FEED_LIMIT) {
      // An explicit range is the client's choice: it gets told which part to narrow.
      if (filters.from || filters.to) throw feedTooLarge(filters);
      events = await c.var.store.allEvents({ ...filters, from: feedDefaultFrom() }, FEED_LIMIT);
    }
    const ics = eventsToICalendar(events, { calendarName: 'Fachkräfte-Termine', baseUrl: url.origin });
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="fachkraefte.ics"' });
  });

  app.get('/events/:file{[^/]+\\.ics}', async (c) => {
    parseQuery(new URL(c.req.url), emptyQuery);
    const id = pathParam(c.req.param('file').slice(0, -4), 'id', Slug);
    const event = await c.var.store.getEvent(id);
    if (!event) throw notFound(`The event "${id}"`);
    const ics = eventToICalendar(event, { calendarName: event.title, baseUrl: new URL(c.req.url).origin });
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="${icsFileName(event)}"` });
  });

  app.get('/events/:id{[^/]+}', async (c) => {
    parseQuery(new URL(c.req.url), emptyQuery);
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const event = await c.var.store.getEvent(id);
    if (!event) throw notFound(`The event "${id}"`);
    return c.json(event);
  });

  app.patch('/events/:id{[^/]+}', async (c) => {
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const scope = await requireKey(c, c.var.store);
    const patch = await readBody(c, EventPatch);
    if (patch.alliances) await checkAlliances(c.var.store, patch.alliances);
    const updated = await c.var.store.updateEvent(id, (current) => {
      // Refused before the body is judged: a key that may not touch the event learns nothing of it.
      if (!scope.admin && !current.alliances.includes(scope.alliance) && !patch.alliances?.includes(scope.alliance)) {
        requireEventScope(scope, current, current);
      }
      const next = finish({ ...current, ...patch });
      requireEventScope(scope, current, next);
      return next;
    }, actorOf(scope));
    if (!updated) throw notFound(`The event "${id}"`);
    return c.json(updated);
  });

  app.delete('/events/:id{[^/]+}', async (c) => {
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const scope = await requireKey(c, c.var.store);
    const event = await c.var.store.getEvent(id);
    if (!event) throw notFound(`The event "${id}"`);
    requireEventScope(scope, event, null);
    await c.var.store.deleteEvent(id, actorOf(scope));
    return c.body(null, 204);
  });

  return app;
}
