// The iCalendar and GeoJSON answers of the running server, read back with independent parsers
// (ical.js, the parser Thunderbird uses) and compared field by field with the JSON of the same
// records: what a calendar app or a map shows must be what the API says.
import { type Event, partialDateRange } from '@fachkraefte/schema';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_DEFAULT_DAYS_BACK, FEED_LIMIT, feedDefaultFrom } from '../src/routes/events.js';
import {
  allPages, expectProblem, LEINE_WESER, LUDWIGSBURG, request, startTestServer, SUEDWEST, type TestServer,
} from './helpers.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

let t: TestServer;
let base: string;
let admin: string;

const DST_EVENT = {
  id: 'test-sommerzeit',
  title: 'Nachtschicht-Infoabend über die Zeitumstellung',
  start: '2026-03-29T01:30:00+01:00',
  end: '2026-03-29T03:30:00+02:00',
  alliances: [SUEDWEST],
};

beforeAll(async () => {
  t = await startTestServer(['seed', 'upcoming']);
  base = t.srv.url;
  admin = await t.srv.createApiKey('admin');
  const res = await request(base, '/v1/events', {
    method: 'POST', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' }, body: JSON.stringify(DST_EVENT),
  });
  expect(res.status).toBe(201);
});
afterAll(() => t.srv.close());

/**
 * Parses a calendar; its Berlin zone comes from the calendar's own VTIMEZONE, which RFC 5545
 * requires whenever a TZID is referenced (a calendar of all-day events only needs none).
 */
function parse(ics: string): { root: Component; zone: Timezone; events: Component[] } {
  const root = new ICAL.Component(ICAL.parse(ics));
  const vtz = root.getFirstSubcomponent('vtimezone');
  if (/;TZID=/.test(ics)) expect(vtz, 'VTIMEZONE').toBeTruthy();
  if (vtz) expect(vtz.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
  return { root, zone: vtz ? new ICAL.Timezone(vtz) : ICAL.Timezone.utcTimezone, events: root.getAllSubcomponents('vevent') };
}

/** The absolute instant of a DATE-TIME property, with the TZID resolved by the feed's VTIMEZONE. */
function instant(vevent: Component, name: string, zone: Timezone): string {
  const p = vevent.getFirstProperty(name)!;
  const time = (p.getFirstValue() as Time).clone();
  const tzid = p.getParameter('tzid');
  if (tzid) {
    expect(tzid).toBe('Europe/Berlin');
    time.zone = zone;
  } else {
    expect(time.zone).toBe(ICAL.Timezone.utcTimezone);
  }
  return new Date(time.toUnixTime() * 1000).toISOString();
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Checks one VEVENT against the JSON of the same event, field by field. */
function expectSameEvent(vevent: Component, e: Event, zone: Timezone): void {
  expect(vevent.getFirstPropertyValue('uid')).toBe(`${e.id}@fachkraefte`);
  expect(vevent.getFirstPropertyValue('summary')).toBe(e.title);
  const status = vevent.getFirstPropertyValue('status');
  expect(status).toBe(e.status === 'cancelled' ? 'CANCELLED' : e.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED');
  const dtstart = vevent.getFirstProperty('dtstart')!;
  if (e.allDay) {
    const start = dtstart.getFirstValue() as Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe(partialDateRange(e.start).first);
    const end = vevent.getFirstPropertyValue('dtend') as Time;
    expect(end.isDate).toBe(true);
    // DTEND of a DATE event is exclusive: the day after the last day.
    expect(end.toString()).toBe(dayAfter(partialDateRange(e.end ?? e.start).last));
  } else {
    expect((dtstart.getFirstValue() as Time).isDate).toBe(false);
    expect(dtstart.getParameter('tzid')).toBe('Europe/Berlin');
    expect(instant(vevent, 'dtstart', zone)).toBe(new Date(e.start).toISOString());
    if (e.end) expect(instant(vevent, 'dtend', zone)).toBe(new Date(e.end).toISOString());
  }
  if (e.recurrence) {
    const rrule = (vevent.getFirstPropertyValue('rrule') as InstanceType<typeof ICAL.Recur>).toString();
    expect(vevent.getAllProperties('exdate')).toHaveLength(e.recurrence.exdates.length);
    const count = /(?:^|;)COUNT=(\d+)/.exec(e.recurrence.rrule);
    if (count) {
      // COUNT goes out as the UNTIL of the last start: calendar apps show COUNT starts less the excluded.
      expect(rrule).not.toMatch(/COUNT/);
      expect(rrule.replace(/;UNTIL=[^;]+/, '')).toBe(e.recurrence.rrule.replace(/;COUNT=\d+/, ''));
      const it = new ICAL.Event(vevent).iterator();
      let shown = 0;
      for (let next = it.next(); next && shown <= 1000; next = it.next()) shown++;
      expect(shown).toBe(Number(count[1]) - e.recurrence.exdates.length);
    } else {
      expect(rrule).toBe(e.recurrence.rrule);
    }
  } else {
    expect(vevent.getFirstProperty('rrule')).toBeNull();
  }
  const categories = vevent.getAllProperties('categories').flatMap((p) => p.getValues() as string[]);
  expect(categories).toHaveLength(e.categories.length);
}

async function feedAndJson(query: string): Promise<{ ics: string; json: Event[]; contentType: string | null }> {
  const feed = await request(base, `/v1/events.ics${query ? `?${query}` : ''}`);
  expect(feed.status, feed.text.slice(0, 300)).toBe(200);
  const json = await allPages<Event>(base, `/v1/events?limit=500${query ? `&${query}` : ''}`);
  return { ics: feed.text, json: json.items, contentType: feed.headers.get('content-type') };
}

describe('GET /v1/events.ics', () => {
  it('holds every event of the list, field by field', async () => {
    const { ics, json, contentType } = await feedAndJson('');
    expect(contentType).toMatch(/^text\/calendar/);
    const { root, zone, events } = parse(ics);
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toHaveLength(json.length);
    expect(json.length).toBeGreaterThanOrEqual(26);
    const byUid = new Map(events.map((v) => [v.getFirstPropertyValue('uid') as string, v]));
    for (const e of json) {
      const vevent = byUid.get(`${e.id}@fachkraefte`);
      expect(vevent, e.id).toBeDefined();
      expectSameEvent(vevent!, e, zone);
    }
  });

  it('writes RFC 5545 lines: CRLF, folded at 75 octets', async () => {
    const { ics } = await feedAndJson('');
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // The long seed title must have been folded to stay within that limit.
    expect(ics).toMatch(/\r\n /);
  });

  it.each([
    `alliance=${LEINE_WESER}`,
    `alliance=${LUDWIGSBURG},${LEINE_WESER}`,
    'status=cancelled',
    'category=vollversammlung,konferenz',
    'q=lorrach',
    'from=2016-01-01&to=2016-12-31',
    'from=2026-03-29&to=2026-03-29',
  ])('carries the same events as the JSON list for %s', async (query) => {
    const { ics, json } = await feedAndJson(query);
    const { zone, events } = parse(ics);
    expect(json.length).toBeGreaterThan(0);
    expect(events.map((v) => v.getFirstPropertyValue('uid')).sort()).toEqual(json.map((e) => `${e.id}@fachkraefte`).sort());
    for (const e of json) expectSameEvent(events.find((v) => v.getFirstPropertyValue('uid') === `${e.id}@fachkraefte`)!, e, zone);
  });

  it('marks the cancelled upcoming event STATUS:CANCELLED', async () => {
    const { ics } = await feedAndJson('status=cancelled');
    const { events } = parse(ics);
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0]!.getFirstPropertyValue('uid')).toBe('beispiel-workshop-arbeitgeberattraktivitaet@fachkraefte');
  });

  it('answers an empty selection with a valid, empty calendar', async () => {
    const { ics, json } = await feedAndJson('q=gibt-es-sicher-nicht');
    expect(json).toEqual([]);
    expect(parse(ics).events).toEqual([]);
  });
});

describe('GET /v1/events/{id}.ics', () => {
  it('writes the all-day seed event with VALUE=DATE', async () => {
    const res = await request(base, '/v1/events/suedwest-jahresvollversammlung-2016.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.ics"$/);
    expect(res.text).toContain('DTSTART;VALUE=DATE:20161130');
    expect(res.text).toContain('DTEND;VALUE=DATE:20161201');
    const { zone, events } = parse(res.text);
    expect(events).toHaveLength(1);
    const json = (await request(base, '/v1/events/suedwest-jahresvollversammlung-2016')).json as Event;
    expectSameEvent(events[0]!, json, zone);
  });

  it('writes an event known only to the month as the whole month', async () => {
    const res = await request(base, '/v1/events/suedwest-tandem-berufsorientierung-2016.ics');
    const { events } = parse(res.text);
    expect((events[0]!.getFirstPropertyValue('dtstart') as Time).toString()).toBe('2016-07-01');
    expect((events[0]!.getFirstPropertyValue('dtend') as Time).toString()).toBe('2016-08-01');
  });

  it('writes a recurring upcoming event with its RRULE and EXDATE', async () => {
    const id = 'beispiel-sprechstunde-fachkraeftesicherung-leine-weser';
    const res = await request(base, `/v1/events/${id}.ics`);
    const { zone, events } = parse(res.text);
    const json = (await request(base, `/v1/events/${id}`)).json as Event;
    expect(json.recurrence?.exdates).toHaveLength(1);
    expectSameEvent(events[0]!, json, zone);
    expect(instant(events[0]!, 'exdate', zone)).toBe(new Date(json.recurrence!.exdates[0]!).toISOString());
  });

  it('keeps Berlin wall time and the UTC instants of an event across the DST switch', async () => {
    const res = await request(base, `/v1/events/${DST_EVENT.id}.ics`);
    expect(res.status).toBe(200);
    const { zone, events } = parse(res.text);
    const v = events[0]!;
    expect(v.getFirstPropertyValue('summary')).toBe(DST_EVENT.title);
    const start = v.getFirstProperty('dtstart')!;
    const end = v.getFirstProperty('dtend')!;
    // Wall times as a Berlin calendar shows them: 01:30 (CET) to 03:30 (CEST), one hour apart.
    expect(start.getParameter('tzid')).toBe('Europe/Berlin');
    expect(end.getParameter('tzid')).toBe('Europe/Berlin');
    expect((start.getFirstValue() as Time).toString()).toBe('2026-03-29T01:30:00');
    expect((end.getFirstValue() as Time).toString()).toBe('2026-03-29T03:30:00');
    expect(instant(v, 'dtstart', zone)).toBe('2026-03-29T00:30:00.000Z');
    expect(instant(v, 'dtend', zone)).toBe('2026-03-29T01:30:00.000Z');
    // The feed itself has timed events, so it must carry the zone those TZIDs refer to.
    expect(res.text).toContain('BEGIN:VTIMEZONE');
  });

  it('answers an unknown event with 404', async () => {
    expectProblem(await request(base, '/v1/events/gibt-es-nicht.ics'), 404);
  });
});

describe('revalidation of the .ics answers (ETag, 304)', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const leineWeser = `/v1/events.ics?alliance=${LEINE_WESER}`;

  it.each([leineWeser, '/v1/events.ics', `/v1/events/${DST_EVENT.id}.ics`])('%s: the same data gives the same ETag; If-None-Match gets 304', async (path) => {
    const first = await request(base, path);
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^(W\/)?"/); // weak when compressed (compress.ts)
    // More than a second later: a stamp of the time of writing would have changed the bytes.
    await sleep(1100);
    const second = await request(base, path);
    expect(second.headers.get('etag')).toBe(tag);
    expect(second.text).toBe(first.text);
    const conditional = await request(base, path, { headers: { 'If-None-Match': tag! } });
    expect(conditional.status).toBe(304);
    expect(conditional.text).toBe('');
  });

  it('stamps each event with its modified time; a PATCH of one event changes the feed and its ETag', async () => {
    const before = await request(base, leineWeser);
    const json = await allPages<Event>(base, `/v1/events?limit=500&alliance=${LEINE_WESER}`);
    const target = json.items[0]!;
    const stamp = (e: Event) => new Date(e.modified!).toISOString().replace(/[-:]|\.\d{3}/g, '');
    const vevent = (ics: string, id: string) => parse(ics).events.find((v) => v.getFirstPropertyValue('uid') === `${id}@fachkraefte`)!;
    expect(vevent(before.text, target.id).getFirstPropertyValue('dtstamp')!.toString().replace(/[-:]/g, '')).toBe(stamp(target));
    await sleep(1100);
    const patched = await request(base, `/v1/events/${target.id}`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ summary: 'Geändert, damit der Feed sich ändert.' }),
    });
    expect(patched.status).toBe(200);
    const after = await request(base, leineWeser, { headers: { 'If-None-Match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const v = vevent(after.text, target.id);
    expect(v.getFirstPropertyValue('dtstamp')!.toString().replace(/[-:]/g, '')).toBe(stamp(patched.json as Event));
    expect(v.getFirstPropertyValue('last-modified')!.toString()).toBe(v.getFirstPropertyValue('dtstamp')!.toString());
    expect(stamp(patched.json as Event)).not.toBe(stamp(target));
  });
});

describe('the feed over the volume data set (more than FEED_LIMIT events)', () => {
  let vol: TestServer;
  beforeAll(async () => {
    vol = await startTestServer(['seed', 'volume']);
  }, 120_000);
  afterAll(() => vol?.srv.close());
  const uids = (ics: string) => parse(ics).events.map((v) => v.getFirstPropertyValue('uid') as string);

  it(`serves the bare URL (a subscription) with the events from ${FEED_DEFAULT_DAYS_BACK} days back, at most FEED_LIMIT`, async () => {
    const from = feedDefaultFrom();
    expect(Date.parse(`${from}T12:00:00Z`)).toBeCloseTo(Date.now() - FEED_DEFAULT_DAYS_BACK * 86_400_000, -8);
    const feed = await request(vol.srv.url, '/v1/events.ics');
    expect(feed.status, feed.text.slice(0, 300)).toBe(200);
    const got = uids(feed.text);
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThanOrEqual(FEED_LIMIT);
    // Exactly the window as the JSON list gives it (same overlap rule, same order), cut at FEED_LIMIT.
    const window = (await allPages<Event>(vol.srv.url, `/v1/events?limit=500&from=${from}`)).items;
    expect(got).toEqual(window.slice(0, FEED_LIMIT).map((e) => `${e.id}@fachkraefte`));
    // Nothing from before the window: no seed event of 2016 (the bare feed held it when small).
    expect(got).not.toContain('suedwest-jahresvollversammlung-2016@fachkraefte');
    // The same for a subscription with a filter that still leaves too many.
    const two = await request(vol.srv.url, '/v1/events.ics?status=scheduled');
    expect(two.status).toBe(200);
    expect(uids(two.text).length).toBeLessThanOrEqual(FEED_LIMIT);
  });

  it.each([
    ['from=2026-01-01&to=2027-12-31', ['from', 'to']],
    ['from=2020-01-01', ['from']],
    ['to=2030-01-01', ['to']],
  ])('refuses an explicit range over FEED_LIMIT (%s), naming what the client sent', async (query, names) => {
    const res = await request(vol.srv.url, `/v1/events.ics?${query}`);
    expectProblem(res, 400, names);
    expect((res.json.errors as { parameter: string }[]).map((e) => e.parameter)).toEqual(names);
    expect(res.json.detail).toContain(`more than ${FEED_LIMIT} events`);
    for (const e of res.json.errors as { message: string }[]) expect(e.message).toMatch(/alliance/);
  });

  it('serves a range within FEED_LIMIT whole', async () => {
    const feed = await request(vol.srv.url, '/v1/events.ics?from=2026-06-01&to=2026-06-30');
    expect(feed.status).toBe(200);
    const json = (await allPages<Event>(vol.srv.url, '/v1/events?limit=500&from=2026-06-01&to=2026-06-30')).items;
    expect(json.length).toBeGreaterThan(100);
    expect(uids(feed.text).sort()).toEqual(json.map((e) => `${e.id}@fachkraefte`).sort());
  });
});

describe('GET /v1/alliances/{slug}/members.geojson', () => {
  // Not lon 7–9 / lat 47–48 as first planned: the seed puts Südwestmetall and Südwesttextil at
  // their seat in Stuttgart (48.78 N, 9.18 E) and two chambers in Konstanz (9.17 E). Baden-
  // Württemberg's box still tells the orders apart: there every longitude is below every latitude.
  it('is an RFC 7946 FeatureCollection of the Südwest members in [lon, lat] order', async () => {
    const res = await request(base, `/v1/alliances/${SUEDWEST}/members.geojson`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const fc = JSON.parse(res.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc).not.toHaveProperty('crs'); // RFC 7946 §4: WGS 84 only, no crs member
    expect(Array.isArray(fc.features)).toBe(true);
    const inner = fc.features.filter((f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates[1]! < 48);
    expect(inner.length).toBeGreaterThanOrEqual(20); // most members sit in Lörrach and Waldshut (lat 47–48)
    const members = (await allPages<{ id: string; name: string; position: { lat: number; lon: number } | null }>(base, `/v1/alliances/${SUEDWEST}/members`)).items;
    const placed = members.filter((m) => m.position);
    expect(placed).toHaveLength(26);
    expect(fc.features).toHaveLength(placed.length);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates).toHaveLength(2);
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(lon).toBeGreaterThanOrEqual(7.5);
      expect(lon).toBeLessThanOrEqual(10.5);
      expect(lat).toBeGreaterThanOrEqual(47.5);
      expect(lat).toBeLessThanOrEqual(49.8);
      expect(typeof f.properties).toBe('object');
      const member = placed.find((m) => m.id === f.id);
      expect(member, String(f.id)).toBeDefined();
      expect(f.geometry.coordinates).toEqual([member!.position!.lon, member!.position!.lat]);
      expect(f.properties.name).toBe(member!.name);
    }
  });

  it('places the Leine-Weser members in Niedersachsen', async () => {
    const fc = (await request(base, `/v1/alliances/${LEINE_WESER}/members.geojson`)).json;
    expect(fc.features.length).toBeGreaterThan(0);
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lat).toBeGreaterThan(51);
      expect(lat).toBeLessThan(53.5);
      expect(lon).toBeGreaterThan(8.5);
      expect(lon).toBeLessThan(11);
    }
  });
});
