/**
 * The SDK against the real reference server (in-process, embedded database, seed + volume data):
 * lists, filters, pages, conditional requests, sharing, writes and errors as users meet them.
 */
import { startServer, type RequestLogLine, type RunningServer } from '@fachkraefte/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient, isApiError, isNotFoundError, NotFoundError, type ApiError, type FkClient,
} from '../src/index.js';

let srv: RunningServer;
let lines: RequestLogLine[] = [];
let client: FkClient;

beforeAll(async () => {
  srv = await startServer({ port: 0, memory: true, dataSets: ['seed', 'volume'], log: (line) => lines.push(line) });
  client = createClient({ baseUrl: srv.url });
}, 120_000);
afterAll(() => srv?.close());
beforeEach(() => {
  lines = [];
});

const SUEDWEST = 'fachkraefteallianz-suedwest';
const gets = (prefix: string) => lines.filter((l) => l.method === 'GET' && l.path.startsWith(prefix));

describe('reads', () => {
  it('lists alliances and filters them', async () => {
    const bw = await client.alliances.list({ state: 'DE-BW', limit: 500 });
    expect(bw.items.length).toBeGreaterThan(0);
    expect(bw.items.every((a) => a.state === 'DE-BW')).toBe(true);
    expect(bw.items.map((a) => a.slug)).toContain(SUEDWEST);
    const ni = await client.alliances.list({ state: 'DE-NI', kind: 'regional', limit: 500 });
    expect(ni.items.every((a) => a.state === 'DE-NI' && a.kind === 'regional')).toBe(true);
    expect(ni.items.map((a) => a.name)).toContain('Regionales Fachkräftebündnis Leine-Weser');
    const seed = (await client.alliances.list({ limit: 500 })).items.filter((a) => !a.fictitious);
    expect(seed).toHaveLength(6);
  });

  it('iterates every alliance, seed and volume, across pages', async () => {
    const all = (await client.alliances.list({ limit: 500 })).items.map((a) => a.slug);
    const walked: string[] = [];
    for await (const alliance of client.alliances.iterate({ limit: 4 })) walked.push(alliance.slug);
    expect(walked).toEqual(all);
    expect(walked.length).toBeGreaterThan(50);
    expect(gets('/v1/alliances?').filter((l) => l.path.includes('limit=4'))).toHaveLength(Math.ceil(all.length / 4));
  });

  it('gets one alliance with its facts', async () => {
    const suedwest = await client.alliances.get(SUEDWEST);
    expect(suedwest.name).toBe('Fachkräfteallianz Südwest');
    expect(suedwest.founded).toBe('2013-04');
    expect(suedwest.statedMemberCount).toBe(26);
  });

  it('gives a NotFoundError with the server\'s problem for an unknown slug', async () => {
    const error = await client.alliances.get('gibt-es-nicht').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(isNotFoundError(error)).toBe(true);
    const e = error as NotFoundError;
    expect(e.status).toBe(404);
    expect(e.problem?.status).toBe(404);
    expect(e.problem?.detail ?? e.problem?.title).toMatch(/gibt-es-nicht/);
    expect(e.message).toContain(`GET ${srv.url}/v1/alliances/gibt-es-nicht failed with 404`);
  });

  it('reports a rejected filter as an ApiError naming the parameter', async () => {
    // A JavaScript caller can pass what TypeScript would reject.
    const error = (await client.alliances.list({ limit: 0 }).catch((e: unknown) => e)) as ApiError;
    expect(isApiError(error)).toBe(true);
    expect(error.status).toBe(400);
    expect(error.problem?.errors?.map((e) => e.parameter)).toContain('limit');
    expect(error.message).toMatch(/limit: /);
  });

  it('lists and iterates all 26 members of the Südwest alliance', async () => {
    const first = await client.alliances.members(SUEDWEST, { limit: 10 });
    expect(first.items).toHaveLength(10);
    expect(first.nextCursor).not.toBeNull();
    const all = [];
    for await (const member of client.alliances.iterateMembers(SUEDWEST, { limit: 7 })) all.push(member);
    expect(all).toHaveLength(26);
    expect(new Set(all.map((m) => m.id)).size).toBe(26);
    expect(all.every((m) => ['founding', 'lead', 'member'].includes(m.membership.role))).toBe(true);
    // 26 members at 7 a page: four pages.
    expect(gets(`/v1/alliances/${SUEDWEST}/members`).filter((l) => l.path.includes('limit=7'))).toHaveLength(4);
  });

  it('filters members by type (a list, sent comma-separated)', async () => {
    const { items } = await client.alliances.members(SUEDWEST, { type: ['landkreis', 'arbeitsagentur'], limit: 100 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((m) => m.type === 'landkreis' || m.type === 'arbeitsagentur')).toBe(true);
    expect(lines.at(-1)!.path).toContain('type=landkreis,arbeitsagentur');
  });

  it('iterates every organisation across many pages with no duplicates or gaps', async () => {
    const limit = 97;
    const ids: string[] = [];
    for await (const org of client.organisations.iterate({ limit })) ids.push(org.id);
    const pages = gets('/v1/organisations?');
    expect(ids.length).toBeGreaterThan(5000);
    expect(new Set(ids).size).toBe(ids.length);
    // No gaps: the count equals what one big walk with the largest pages returns.
    const big: string[] = [];
    for await (const org of client.organisations.iterate({ limit: 500 })) big.push(org.id);
    expect(new Set(big)).toEqual(new Set(ids));
    expect(pages).toHaveLength(Math.ceil(ids.length / limit));
  });

  it('iterates events of one alliance and stops when the consumer stops', async () => {
    const { items: alliances } = await client.alliances.list({ limit: 500 });
    const slug = alliances.find((a) => a.fictitious)!.slug;
    let n = 0;
    for await (const event of client.events.iterate({ alliance: [slug], limit: 5 })) {
      expect(event.alliances).toContain(slug);
      if (++n === 12) break;
    }
    expect(n).toBe(12);
    expect(gets('/v1/events?')).toHaveLength(3);
  });

  it('filters events by date, category and status', async () => {
    const { items } = await client.events.list({
      from: '2026-03-01', to: '2026-03-31', status: ['scheduled'], category: ['netzwerktreffen', 'workshop'], limit: 500,
    });
    expect(items.filter((e) => !e.recurrence).length).toBeGreaterThan(0);
    for (const event of items) {
      expect(event.status).toBe('scheduled');
      expect(event.categories.some((c) => c === 'netzwerktreffen' || c === 'workshop')).toBe(true);
      // A recurring event matches when one of its occurrences falls into the range.
      if (event.recurrence) continue;
      if (event.allDay) {
        expect((event.end ?? event.start) >= '2026-03-01' && event.start <= '2026-03-31').toBe(true);
      } else {
        expect(Date.parse(event.end ?? event.start)).toBeGreaterThanOrEqual(Date.parse('2026-03-01T00:00:00+01:00'));
        expect(Date.parse(event.start)).toBeLessThan(Date.parse('2026-04-01T00:00:00+02:00'));
      }
    }
    const one = await client.events.get(items[0]!.id);
    expect(one).toEqual(items[0]);
  });

  it('lists organisations of an alliance and gets one', async () => {
    const { items } = await client.organisations.list({ alliance: SUEDWEST, limit: 500 });
    expect(items).toHaveLength(26);
    const org = await client.organisations.get(items[0]!.id);
    expect(org.id).toBe(items[0]!.id);
  });

  it('lists the focus areas', async () => {
    const { items, nextCursor } = await client.focusAreas.list();
    expect(nextCursor).toBeNull();
    expect(items.map((f) => f.slug)).toContain('it');
  });

  it('builds feed URLs the server answers', async () => {
    const geo = await fetch(client.alliances.membersGeoJsonUrl(SUEDWEST));
    expect(geo.status).toBe(200);
    const collection = (await geo.json()) as { type: string; features: unknown[] };
    expect(collection.type).toBe('FeatureCollection');
    const feed = await fetch(client.events.icsUrl({ alliance: [SUEDWEST] }));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
    const { items } = await client.events.list({ alliance: [SUEDWEST], limit: 1 });
    const one = await fetch(client.events.eventIcsUrl(items[0]!.id));
    expect(one.status).toBe(200);
  });
});

describe('conditional requests and sharing against the server', () => {
  it('revalidates with If-None-Match and serves the cached body on 304', async () => {
    const c = createClient({ baseUrl: srv.url });
    const first = await c.alliances.get(SUEDWEST);
    const second = await c.alliances.get(SUEDWEST);
    expect(second).toEqual(first);
    const seen = gets(`/v1/alliances/${SUEDWEST}`);
    expect(seen.map((l) => [l.status, l.conditional ?? false])).toEqual([[200, false], [304, true]]);
  });

  it('sends N concurrent identical GETs as one request', async () => {
    const c = createClient({ baseUrl: srv.url });
    const results = await Promise.all(Array.from({ length: 20 }, () => c.events.list({ limit: 200 })));
    expect(gets('/v1/events?')).toHaveLength(1);
    expect(results.every((r) => r.items.length === 200)).toBe(true);
  });
});

describe('writes against the server', () => {
  it('creates, updates and deletes an event with an alliance key', async () => {
    const key = await srv.createApiKey(SUEDWEST);
    const c = createClient({ baseUrl: srv.url, apiKey: key });
    const created = await c.events.create({
      title: 'SDK-Test: Netzwerktreffen', start: '2030-03-04T17:00:00+01:00', end: '2030-03-04T19:00:00+01:00',
      alliances: [SUEDWEST], categories: ['netzwerktreffen'],
    });
    expect(created.title).toBe('SDK-Test: Netzwerktreffen');
    const updated = await c.events.update(created.id, { status: 'cancelled' });
    expect(updated.status).toBe('cancelled');
    expect((await c.events.get(created.id)).status).toBe('cancelled');
    await c.events.delete(created.id);
    await expect(c.events.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates an organisation, makes it a member and removes it again', async () => {
    const c = createClient({ baseUrl: srv.url, apiKey: await srv.createApiKey('admin') });
    const org = await c.organisations.create({ name: 'SDK-Test Gewerbeschule', type: 'berufsschule' });
    expect(org.type).toBe('berufsschule');
    expect((await c.organisations.update(org.id, { aliases: ['SDK-GS'] })).aliases).toEqual(['SDK-GS']);
    const membership = await c.alliances.putMember(SUEDWEST, org.id, { role: 'member', since: '2030-01' });
    expect(membership).toEqual({ alliance: SUEDWEST, organisation: org.id, role: 'member', since: '2030-01' });
    await c.alliances.deleteMember(SUEDWEST, org.id);
    await c.organisations.delete(org.id);
    await expect(c.organisations.get(org.id)).rejects.toSatisfy(isNotFoundError);
  });

  it('gives 401 without a valid key and 403 outside the key\'s scope', async () => {
    const wrong = createClient({ baseUrl: srv.url, apiKey: 'fk_not_a_real_key_000000' });
    const e401 = (await wrong.events.delete('x').catch((e: unknown) => e)) as ApiError;
    expect(e401.status).toBe(401);
    expect(e401.message).not.toContain('fk_not_a_real_key_000000');
    const other = createClient({ baseUrl: srv.url, apiKey: await srv.createApiKey('fachkraeftebuendnis-heilbronn-franken') });
    const e403 = (await other.alliances.deleteMember(SUEDWEST, 'x').catch((e: unknown) => e)) as ApiError;
    expect(e403.status).toBe(403);
  });
});
