// Every GET endpoint of the reference server, with every filter, against a real server and a real
// PGlite: what an API user (a widget, the SDK, curl) gets back.
import type { Event } from '@fachkraefte/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataSet } from '../src/seed/index.js';
import {
  allPages, BW, expectProblem, HEILBRONN, LEINE_WESER, LUDWIGSBURG, request, startTestServer, SUEDWEST, WALDSHUT,
  type TestServer,
} from './helpers.js';

let t: TestServer;
let base: string;
const get = (path: string) => request(base, path);

/** Test events of a far year for the range filters; `zeitfenstertest` marks them for `q`. */
function testEvent(id: string, start: string, end: string | null, allDay = false): Event {
  return {
    id, title: `Zeitfenstertest ${id}`, summary: null, description: null, start, end, allDay, venue: null,
    onlineUrl: null, status: 'scheduled', categories: ['sonstige'], alliances: [SUEDWEST], organisers: [],
    registrationUrl: null, recurrence: null, fictitious: true,
  };
}

beforeAll(async () => {
  t = await startTestServer(['seed', 'upcoming']);
  base = t.srv.url;
  // Loaded through the store's own loader (the same path the CLI's `load` takes), not mocked.
  await t.srv.store.load({
    name: 'range-test', alliances: [], organisations: [], memberships: [],
    events: [
      testEvent('t-before', '2031-04-30T10:00:00+02:00', '2031-04-30T12:00:00+02:00'),
      testEvent('t-running', '2031-05-01T10:00:00+02:00', '2031-05-03T10:00:00+02:00'),
      // 23:30 in Berlin on 4 May: belongs to 4 May. The next one is 22:30 UTC on 4 May = 5 May in Berlin.
      testEvent('t-late', '2031-05-04T23:30:00+02:00', '2031-05-05T00:30:00+02:00'),
      testEvent('t-nextday', '2031-05-04T22:30:00Z', '2031-05-04T23:30:00Z'),
      testEvent('t-allday', '2031-05-06', null, true),
      testEvent('t-point', '2031-05-08T10:00:00+02:00', null),
    ],
  });
});
afterAll(() => t.srv.close());

const ids = (items: { id?: string; slug?: string }[]) => items.map((i) => i.id ?? i.slug);

describe('GET /v1/alliances', () => {
  it('lists the six alliances of the seeds by their exact names', async () => {
    const res = await get('/v1/alliances');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json.nextCursor).toBeNull();
    expect(res.json.items.map((a: { name: string }) => a.name).sort()).toEqual([
      'Allianz für Fachkräfte Baden-Württemberg',
      'Fachkräfteallianz Landkreis Ludwigsburg',
      'Fachkräfteallianz Südwest',
      'Fachkräftebündnis Heilbronn-Franken',
      'Netzwerk Fachkräfte Landkreis Waldshut',
      'Regionales Fachkräftebündnis Leine-Weser',
    ].sort());
  });

  it('filters by state and kind', async () => {
    expect(ids((await get('/v1/alliances?state=DE-NI')).json.items)).toEqual([LEINE_WESER]);
    expect(ids((await get('/v1/alliances?state=DE-BW')).json.items).sort()).toEqual([BW, LUDWIGSBURG, SUEDWEST, HEILBRONN, WALDSHUT].sort());
    expect(ids((await get('/v1/alliances?state=DE-BY')).json.items)).toEqual([]);
    expect(ids((await get('/v1/alliances?kind=district')).json.items)).toEqual([LUDWIGSBURG]);
    expect(ids((await get('/v1/alliances?kind=network')).json.items)).toEqual([WALDSHUT]);
    expect(ids((await get('/v1/alliances?kind=state')).json.items)).toEqual([BW]);
    expect(ids((await get('/v1/alliances?kind=regional&state=DE-NI')).json.items)).toEqual([LEINE_WESER]);
  });

  it('finds areas with q, ignoring case, umlauts and accents', async () => {
    for (const q of ['lorrach', 'Lörrach', 'LOERRACH', 'lörr', 'Lo%CC%88rrach' /* o + combining diaeresis */]) {
      expect(ids((await get(`/v1/alliances?q=${q}`)).json.items), q).toEqual([SUEDWEST]);
    }
    expect(ids((await get('/v1/alliances?q=hameln')).json.items)).toEqual([LEINE_WESER]);
    expect(ids((await get('/v1/alliances?q=sudwest')).json.items)).toEqual([SUEDWEST]);
    expect(ids((await get('/v1/alliances?q=nirgendwo')).json.items)).toEqual([]);
  });

  it('pages with limit and cursor to the end', async () => {
    const { items, pages } = await allPages(base, '/v1/alliances?limit=4');
    expect(pages).toBe(2);
    expect(new Set(ids(items)).size).toBe(6);
  });
});

describe('GET /v1/alliances/{slug}', () => {
  it('returns Südwest with 26 named and 26 stated members', async () => {
    const res = await get(`/v1/alliances/${SUEDWEST}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ slug: SUEDWEST, name: 'Fachkräfteallianz Südwest', memberCount: 26, statedMemberCount: 26, founded: '2013-04', state: 'DE-BW' });
    expect(res.json.patrons.map((p: { name: string }) => p.name)).toEqual(['Marion Dammann', 'Dr. Martin Kistler']);
    expect(res.json.projectGroups).toHaveLength(3);
  });

  it('returns the Leine-Weser contact Edmund Rohde with his phone number', async () => {
    const res = await get(`/v1/alliances/${LEINE_WESER}`);
    expect(res.json.contacts).toContainEqual(expect.objectContaining({
      name: 'Edmund Rohde', phone: '05121-9129833', email: 'edmund.rohde@arl-lw.niedersachsen.de',
    }));
  });

  it('answers 404 for an unknown alliance and 400 for a malformed slug', async () => {
    expectProblem(await get('/v1/alliances/gibt-es-nicht'), 404);
    expectProblem(await get('/v1/alliances/Not_A_Slug'), 400, ['slug']);
  });
});

describe('GET /v1/alliances/{slug}/members', () => {
  it('lists the eleven founding members of Ludwigsburg', async () => {
    const res = await get(`/v1/alliances/${LUDWIGSBURG}/members`);
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(11);
    for (const m of res.json.items) expect(m.membership).toEqual({ role: 'founding', since: null });
    expect(ids(res.json.items)).toContain('bildungsregion-landkreis-ludwigsburg');
  });

  it('lists the 26 members of Südwest', async () => {
    const { items } = await allPages(base, `/v1/alliances/${SUEDWEST}/members?limit=5`);
    expect(items).toHaveLength(26);
    expect(new Set(ids(items)).size).toBe(26);
  });

  it('filters by type as a comma list or as repeated keys', async () => {
    const expected = ['jobcenter-landkreis-loerrach', 'jobcenter-landkreis-waldshut', 'landkreis-loerrach', 'landkreis-waldshut'];
    const comma = await get(`/v1/alliances/${SUEDWEST}/members?type=landkreis,jobcenter`);
    expect(ids(comma.json.items).sort()).toEqual(expected);
    const repeated = await get(`/v1/alliances/${SUEDWEST}/members?type=landkreis&type=jobcenter`);
    expect(ids(repeated.json.items).sort()).toEqual(expected);
    expectProblem(await get(`/v1/alliances/${SUEDWEST}/members?type=kirche`), 400, ['type']);
  });

  it('searches members by name, alias and town', async () => {
    expect(ids((await get(`/v1/alliances/${SUEDWEST}/members?q=dhbw`)).json.items)).toEqual(['duale-hochschule-loerrach']);
    const waldshut = ids((await get(`/v1/alliances/${SUEDWEST}/members?q=waldshut`)).json.items);
    expect(waldshut).toEqual(expect.arrayContaining(['landkreis-waldshut', 'stadt-waldshut-tiengen', 'berufliche-schulen-waldshut']));
    expect(waldshut).not.toContain('landkreis-loerrach');
  });

  it('answers 404 for the members of an unknown alliance', async () => {
    expectProblem(await get('/v1/alliances/gibt-es-nicht/members'), 404);
  });
});

describe('GET /v1/alliances/{slug}/members.geojson', () => {
  it('returns a FeatureCollection of the members', async () => {
    const res = await get(`/v1/alliances/${LUDWIGSBURG}/members.geojson`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(res.json.type).toBe('FeatureCollection');
    expect(res.json.features).toHaveLength(11);
    expectProblem(await get('/v1/alliances/gibt-es-nicht/members.geojson'), 404);
  });
});

describe('GET /v1/organisations', () => {
  it('filters by alliance, type and q', async () => {
    const ludwigsburg = await allPages(base, `/v1/organisations?alliance=${LUDWIGSBURG}`);
    expect(ludwigsburg.items).toHaveLength(11);
    const ihks = await get('/v1/organisations?type=ihk');
    expect(ihks.json.items.length).toBeGreaterThanOrEqual(3);
    for (const o of ihks.json.items) expect(o.type).toBe('ihk');
    const both = await get(`/v1/organisations?alliance=${HEILBRONN}&type=ihk,handwerkskammer`);
    expect(ids(both.json.items).sort()).toEqual(['handwerkskammer-heilbronn-franken', 'ihk-heilbronn-franken']);
    // The alias "Bundesagentur für Arbeit Lörrach" and the umlaut-free spelling both find it.
    expect(ids((await get('/v1/organisations?q=bundesagentur%20fur%20arbeit%20lorrach')).json.items)).toEqual(['agentur-fuer-arbeit-loerrach']);
    expect(ids((await get('/v1/organisations?q=WSW')).json.items)).toEqual(['wirtschaftsregion-suedwest']);
  });

  it('returns the same organisations on every page as in one list', async () => {
    const { items } = await allPages(base, '/v1/organisations?limit=7');
    const one = await get('/v1/organisations?limit=500');
    expect(ids(items)).toEqual(ids(one.json.items));
    expect(items.length).toBe(loadDataSet('seed').organisations.length);
  });

  it('answers 400 for an unknown alliance slug shape and an empty list for an unknown alliance', async () => {
    expectProblem(await get('/v1/organisations?alliance=NO'), 400, ['alliance']);
    expect((await get('/v1/organisations?alliance=gibt-es-nicht')).json.items).toEqual([]);
  });
});

describe('GET /v1/organisations/{id}', () => {
  it('returns one organisation, 404 for an unknown one', async () => {
    const res = await get('/v1/organisations/landkreis-loerrach');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: 'landkreis-loerrach', name: 'Landkreis Lörrach', type: 'landkreis', position: { lat: expect.any(Number), lon: expect.any(Number) } });
    expectProblem(await get('/v1/organisations/gibt-es-nicht'), 404);
  });
});

describe('GET /v1/events', () => {
  const range = async (query: string) => ids((await get(`/v1/events?q=zeitfenstertest&${query}`)).json.items);

  it('includes an event that started before `from` and ends after it', async () => {
    expect(await range('from=2031-05-02&to=2031-05-02')).toEqual(['t-running']);
    expect(await range('from=2031-05-03T09:59:00%2B02:00&to=2031-05-03T23:00:00%2B02:00')).toEqual(['t-running']);
    expect(await range('from=2031-05-03T10:00:01%2B02:00&to=2031-05-03T23:00:00%2B02:00')).toEqual([]);
  });

  it('takes a date `to` as the whole day in Europe/Berlin', async () => {
    // 23:30 Berlin on 4 May is in; 00:30 Berlin on 5 May (still 4 May in UTC) is not.
    expect(await range('from=2031-05-04&to=2031-05-04')).toEqual(['t-late']);
    expect(await range('from=2031-05-05&to=2031-05-05')).toEqual(['t-late', 't-nextday']);
    expect(await range('to=2031-05-01')).not.toContain('t-late');
    expect(await range('to=2031-04-30')).toEqual(['t-before']);
  });

  it('treats all-day events as running from midnight to midnight in Berlin', async () => {
    expect(await range('from=2031-05-06T23:59:00%2B02:00&to=2031-05-07')).toEqual(['t-allday']);
    expect(await range('from=2031-05-07&to=2031-05-07')).toEqual([]);
    expect(await range('from=2031-05-05T23:59:00%2B02:00&to=2031-05-06T00:00:01%2B02:00')).toEqual(['t-allday']);
    // The seed's all-day events: one day, and one known only to the month (July 2016).
    expect(ids((await get('/v1/events?from=2016-11-30&to=2016-11-30')).json.items)).toEqual(['suedwest-jahresvollversammlung-2016']);
    expect(ids((await get('/v1/events?from=2016-07-15&to=2016-07-15')).json.items)).toEqual(['suedwest-tandem-berufsorientierung-2016']);
  });

  it('includes an event without end at its start instant', async () => {
    expect(await range('from=2031-05-08T10:00:00%2B02:00')).toEqual(['t-point']);
    expect(await range('from=2031-05-08T10:00:01%2B02:00')).toEqual([]);
  });

  it('orders by start and returns only what is in range', async () => {
    const all = await range('from=2031-01-01&to=2031-12-31');
    expect(all).toEqual(['t-before', 't-running', 't-late', 't-nextday', 't-allday', 't-point']);
  });

  it('filters by several alliances, comma-separated or repeated', async () => {
    const comma = await get(`/v1/events?alliance=${LUDWIGSBURG},${LEINE_WESER}`);
    const repeated = await get(`/v1/events?alliance=${LUDWIGSBURG}&alliance=${LEINE_WESER}`);
    expect(comma.json.items.length).toBeGreaterThan(0);
    expect(ids(repeated.json.items)).toEqual(ids(comma.json.items));
    for (const e of comma.json.items) expect(e.alliances.some((a: string) => a === LUDWIGSBURG || a === LEINE_WESER)).toBe(true);
    const one = (await get(`/v1/events?alliance=${LUDWIGSBURG}`)).json.items.length;
    const other = (await get(`/v1/events?alliance=${LEINE_WESER}`)).json.items.length;
    expect(comma.json.items.length).toBe(one + other); // no event of the upcoming set belongs to both
  });

  it('filters by category, status and q', async () => {
    const vv = await get('/v1/events?category=vollversammlung');
    expect(ids(vv.json.items)).toContain('suedwest-jahresvollversammlung-2016');
    for (const e of vv.json.items) expect(e.categories).toContain('vollversammlung');
    expect(ids((await get('/v1/events?status=cancelled')).json.items)).toEqual(['beispiel-workshop-arbeitgeberattraktivitaet']);
    expect(ids((await get('/v1/events?status=postponed,rescheduled')).json.items).sort())
      .toEqual(['beispiel-infoabend-vereinbarkeit-ludwigsburg', 'beispiel-netzwerktreffen-waldshut']);
    const scheduled = await allPages(base, '/v1/events?status=scheduled&limit=10');
    for (const e of scheduled.items) expect(e.status).toBe('scheduled');
    expect(ids((await get('/v1/events?q=spitzengesprach')).json.items)).toEqual(expect.arrayContaining(['beispiel-spitzengespraech-bw-heilbronn-franken']));
    const lorrach = await get('/v1/events?q=lorrach&status=scheduled&category=vollversammlung');
    expect(ids(lorrach.json.items)).toContain('suedwest-jahresvollversammlung-2016');
  });
});

describe('GET /v1/events/{id}', () => {
  it('returns one event, 404 for an unknown one', async () => {
    const res = await get('/v1/events/suedwest-jahresvollversammlung-2016');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: 'suedwest-jahresvollversammlung-2016', start: '2016-11-30', allDay: true, alliances: [SUEDWEST] });
    expectProblem(await get('/v1/events/gibt-es-nicht'), 404);
  });
});

describe('GET /v1/focus-areas, /v1/openapi.json, /healthz', () => {
  it('lists the focus areas with the alliances that name them', async () => {
    const res = await get('/v1/focus-areas');
    expect(res.status).toBe(200);
    expect(res.json.items).toContainEqual({ slug: 'pflege', name: 'Pflege', alliances: [SUEDWEST] });
    expect(res.json.items).toContainEqual({ slug: 'vereinbarkeit-von-familie-und-beruf', name: 'Vereinbarkeit von Familie und Beruf', alliances: [LUDWIGSBURG] });
    const paged = await allPages(base, '/v1/focus-areas?limit=3');
    expect(paged.items).toEqual(res.json.items);
    expect(paged.pages).toBe(Math.ceil(res.json.items.length / 3));
  });

  it('serves the OpenAPI document', async () => {
    const res = await get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    expect(Object.keys(res.json.paths)).toEqual(expect.arrayContaining(['/v1/alliances', '/v1/events', '/v1/events.ics', '/healthz']));
  });

  it('answers /healthz while the database answers', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
  });
});

describe('cursors', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  it.each([
    '/v1/alliances', `/v1/alliances/${SUEDWEST}/members`, '/v1/organisations', '/v1/events', '/v1/focus-areas',
  ])('answers a cursor this server did not make with 400 naming cursor: %s', async (path) => {
    for (const cursor of ['nonsense!', 'AAAA', b64({ a: 1 }), b64(['x']), b64(['1', 'x', 'y'])]) {
      expectProblem(await get(`${path}?cursor=${encodeURIComponent(cursor)}`), 400, ['cursor']);
    }
  });

  it('answers a forged event cursor whose date PostgreSQL cannot read with 400', async () => {
    // Date.parse('1') is a valid date in V8, but not a timestamp PostgreSQL reads: this was a 500.
    expectProblem(await get(`/v1/events?cursor=${b64(['1', 'x'])}`), 400, ['cursor']);
  });
});

describe('pagination over the volume data set', () => {
  let vol: TestServer;
  const seed = loadDataSet('seed');
  const volume = loadDataSet('volume');
  beforeAll(async () => {
    vol = await startTestServer(['seed', 'volume']);
  }, 120_000);
  afterAll(() => vol?.srv.close());

  it('walks /v1/organisations?limit=137 to the end with no duplicates or gaps', async () => {
    const { items, pages } = await allPages<{ id: string; name: string }>(vol.srv.url, '/v1/organisations?limit=137');
    const expected = new Set([...seed.organisations, ...volume.organisations].map((o) => o.id));
    expect(volume.organisations.length).toBe(5000);
    expect(items.length).toBe(expected.size);
    expect(new Set(items.map((o) => o.id))).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.size / 137));
    // The documented order (name, then id) holds across page boundaries.
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(a.name < b.name || (a.name === b.name && a.id < b.id), `${a.id} before ${b.id}`).toBe(true);
    }
  });

  it('walks /v1/events?limit=500 to the end with no duplicates or gaps', async () => {
    const { items, pages } = await allPages<Event>(vol.srv.url, '/v1/events?limit=500');
    const expected = new Set([...seed.events, ...volume.events].map((e) => e.id));
    expect(volume.events.length).toBe(10_000);
    expect(items.length).toBe(expected.size);
    expect(new Set(items.map((e) => e.id))).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.size / 500));
  });

  // The bare feed's default window and the 400 of a too-wide range: test/ics.test.ts.
  it('serves the feed of one alliance whole', async () => {
    const narrow = await request(vol.srv.url, '/v1/events.ics?alliance=vol-allianz-001');
    expect(narrow.status).toBe(200);
    const expected = volume.events.filter((e) => e.alliances.includes('vol-allianz-001')).length;
    expect(expected).toBeGreaterThan(0);
    expect(narrow.text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(expected);
  });

  it('walks a filtered event list to the end', async () => {
    const filtered = volume.events.filter((e) => e.status === 'cancelled');
    expect(filtered.length).toBeGreaterThan(0);
    const { items } = await allPages<Event>(vol.srv.url, '/v1/events?status=cancelled&limit=50');
    expect(new Set(items.map((e) => e.id))).toEqual(new Set(filtered.map((e) => e.id)));
    expect(items.length).toBe(filtered.length);
  });
});
