// The write path between alliances, cell by cell (docs/server.md, "Who may change what"): events
// naming several alliances, organisations shared by several alliances, memberships, alliance
// profiles, keys through the API, the change history with its tombstones, freshness and the write
// rate limit. Every cell is tried allowed and refused, against a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer, expectProblem, HEILBRONN, LUDWIGSBURG, request, startTestServer, SUEDWEST, type TestServer, WALDSHUT,
} from './helpers.js';

let t: TestServer;
let base: string;
let admin: string;
let suedwest: string;
let ludwigsburg: string;

async function call(method: string, path: string, key: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return request(base, path, {
    method,
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}
const get = (path: string, key: string | null = null) => call('GET', path, key);

const event = (id: string, alliances: string[], fields: Record<string, unknown> = {}) => ({
  id, title: `Test ${id}`, start: '2030-06-03T18:00:00+02:00', end: '2030-06-03T20:00:00+02:00', alliances, ...fields,
});

beforeAll(async () => {
  t = await startTestServer(['seed', 'upcoming']);
  base = t.srv.url;
  admin = await t.srv.createApiKey('admin', 'Betrieb');
  suedwest = await t.srv.createApiKey(SUEDWEST, 'Geschäftsstelle Südwest (G. Gempp)');
  ludwigsburg = await t.srv.createApiKey(LUDWIGSBURG, 'Geschäftsstelle Ludwigsburg');
});
afterAll(() => t.srv.close());

describe('events naming several alliances', () => {
  it('creates an event only for alliances all within the key\'s scope', async () => {
    expect((await call('POST', '/v1/events', suedwest, event('p-own', [SUEDWEST]))).status).toBe(201);
    const foreign = await call('POST', '/v1/events', ludwigsburg, event('p-foreign', [SUEDWEST]));
    expectProblem(foreign, 403);
    expect(foreign.json.detail).toContain(`"${SUEDWEST}"`);
    // Naming its own alliance and another one is posting into the other's calendar: refused.
    expectProblem(await call('POST', '/v1/events', suedwest, event('p-both', [SUEDWEST, LUDWIGSBURG])), 403);
    expectProblem(await call('POST', '/v1/events', null, event('p-anon', [SUEDWEST])), 401);
    expect((await call('POST', '/v1/events', admin, event('p-shared', [SUEDWEST, LUDWIGSBURG]))).status).toBe(201);
    expectProblem(await get('/v1/events/p-foreign'), 404);
    expectProblem(await get('/v1/events/p-both'), 404);
  });

  it('lets the owning alliance change its own event, and no other', async () => {
    expect((await call('PATCH', '/v1/events/p-own', suedwest, { title: 'Geändert' })).status).toBe(200);
    const other = await call('PATCH', '/v1/events/p-own', ludwigsburg, { title: 'Übernommen' });
    expectProblem(other, 403);
    expect(other.json.detail).toMatch(/may not change the event "p-own"/);
    expect((await call('PATCH', '/v1/events/p-own', admin, { summary: 'Vom Betrieb' })).status).toBe(200);
    expect((await get('/v1/events/p-own')).json).toMatchObject({ title: 'Geändert', summary: 'Vom Betrieb' });
  });

  it('refuses every alliance but an admin key a change of a co-organised event other than its own membership', async () => {
    for (const key of [suedwest, ludwigsburg]) {
      const res = await call('PATCH', '/v1/events/p-shared', key, { title: 'Allein geändert' });
      expectProblem(res, 403);
      expect(res.json.detail).toMatch(/may only add or remove its own alliance/);
    }
    expect((await call('PATCH', '/v1/events/p-shared', admin, { title: 'Gemeinsam' })).status).toBe(200);
    expect((await get('/v1/events/p-shared')).json.title).toBe('Gemeinsam');
  });

  it('lets another alliance co-organise and withdraw, and nothing more', async () => {
    const join = await call('PATCH', '/v1/events/p-own', ludwigsburg, { alliances: [SUEDWEST, LUDWIGSBURG] });
    expect(join.status, join.text).toBe(200);
    expect(join.json.alliances).toEqual([SUEDWEST, LUDWIGSBURG]);
    // A retry of the same request (after a timeout) changes nothing and is not refused.
    expect((await call('PATCH', '/v1/events/p-own', ludwigsburg, { alliances: [SUEDWEST, LUDWIGSBURG] })).status).toBe(200);
    // Once co-organised, the owner alone may no longer change it …
    expectProblem(await call('PATCH', '/v1/events/p-own', suedwest, { title: 'Nur Südwest' }), 403);
    // … joining with another change, adding a third alliance or removing the other one are refused.
    expectProblem(await call('PATCH', '/v1/events/p-own', ludwigsburg, { alliances: [SUEDWEST], title: 'Weg' }), 403);
    expectProblem(await call('PATCH', '/v1/events/p-own', ludwigsburg, { alliances: [SUEDWEST, LUDWIGSBURG, HEILBRONN] }), 403);
    expectProblem(await call('PATCH', '/v1/events/p-own', ludwigsburg, { alliances: [LUDWIGSBURG] }), 403);
    // Sending unchanged values with the alliances is no other change.
    const same = (await get('/v1/events/p-own')).json;
    const withdraw = await call('PATCH', '/v1/events/p-own', ludwigsburg, { alliances: [SUEDWEST], title: same.title });
    expect(withdraw.status, withdraw.text).toBe(200);
    expect(withdraw.json.alliances).toEqual([SUEDWEST]);
    expect((await call('PATCH', '/v1/events/p-own', suedwest, { title: 'Wieder allein' })).status).toBe(200);
    // A key of an alliance that is not on the event learns nothing from a bad body: 403 first.
    expectProblem(await call('PATCH', '/v1/events/p-own', ludwigsburg, { end: 'kaputt' }), 403);
  });

  it('deletes an event only with every alliance in scope; a co-organiser withdraws instead', async () => {
    const refused = await call('DELETE', '/v1/events/p-shared', suedwest);
    expectProblem(refused, 403);
    expect(refused.json.detail).toMatch(/Withdraw instead/);
    expectProblem(await call('DELETE', '/v1/events/p-own', ludwigsburg), 403);
    expect((await call('DELETE', '/v1/events/p-own', suedwest)).status).toBe(204);
    expect((await call('DELETE', '/v1/events/p-shared', admin)).status).toBe(204);
  });
});

describe('organisations shared by several alliances', () => {
  it('refuses the take-over: adding another alliance\'s organisation grants no right to change it', async () => {
    // landkreis-loerrach is a member of Südwest only.
    const added = await call('PUT', `/v1/alliances/${LUDWIGSBURG}/members/landkreis-loerrach`, ludwigsburg, { role: 'member' });
    expect(added.status).toBe(201);
    for (const body of [{ name: 'Übernommen' }, { website: 'https://www.example.org/' }]) {
      const res = await call('PATCH', '/v1/organisations/landkreis-loerrach', ludwigsburg, body);
      expectProblem(res, 403);
      expect(res.json.detail).toContain(`"${SUEDWEST}"`);
    }
    // Now shared: Südwest's own key may not change it alone either, and the answer names Ludwigsburg.
    const own = await call('PATCH', '/v1/organisations/landkreis-loerrach', suedwest, { aliases: ['LK Lörrach'] });
    expectProblem(own, 403);
    expect(own.json.detail).toContain(`"${LUDWIGSBURG}"`);
    expectProblem(await call('DELETE', '/v1/organisations/landkreis-loerrach', ludwigsburg), 403);
    expect((await get('/v1/organisations/landkreis-loerrach')).json.name).toBe('Landkreis Lörrach');
    expect((await call('PATCH', '/v1/organisations/landkreis-loerrach', admin, { aliases: ['LK Lörrach'] })).status).toBe(200);
    // Ludwigsburg removes its membership: Südwest may change its member again.
    expect((await call('DELETE', `/v1/alliances/${LUDWIGSBURG}/members/landkreis-loerrach`, ludwigsburg)).status).toBe(204);
    expect((await call('PATCH', '/v1/organisations/landkreis-loerrach', suedwest, { aliases: [] })).status).toBe(200);
  });

  it('says which alliances an organisation belongs to, before a change is refused, and keeps it current', async () => {
    // Seeded as shared: the record names both alliances (sorted), and a scoped key can tell in advance.
    const shared = await get('/v1/organisations/wirtschaftsregion-suedwest');
    expect(shared.status).toBe(200);
    expect(shared.json.alliances).toEqual([SUEDWEST, WALDSHUT].sort());
    // Also in what a write answers (the same representation as a GET, with its ETag).
    const created = await call('POST', '/v1/organisations', suedwest, { id: 'p-zaehlt-gmbh', name: 'Zählt GmbH', type: 'unternehmen' });
    expect(created.status).toBe(201);
    expect(created.json.alliances).toEqual([]);
    expect((await call('PUT', `/v1/alliances/${SUEDWEST}/members/p-zaehlt-gmbh`, suedwest, { role: 'member' })).status).toBe(201);
    const own = await call('PATCH', '/v1/organisations/p-zaehlt-gmbh', suedwest, { website: 'https://www.example.org/' });
    expect(own.status).toBe(200);
    expect(own.json.alliances).toEqual([SUEDWEST]);
    const etag = own.headers.get('etag');
    expect((await call('GET', '/v1/organisations/p-zaehlt-gmbh', null, undefined, { 'If-None-Match': etag! })).status).toBe(304);
    // Another alliance adds it: the record says so at once (no stale cached answer), and the refusal names the same alliance.
    expect((await call('PUT', `/v1/alliances/${LUDWIGSBURG}/members/p-zaehlt-gmbh`, ludwigsburg, { role: 'member' })).status).toBe(201);
    const now = await call('GET', '/v1/organisations/p-zaehlt-gmbh', null, undefined, { 'If-None-Match': etag! });
    expect(now.status).toBe(200);
    expect(now.json.alliances).toEqual([SUEDWEST, LUDWIGSBURG].sort());
    const refused = await call('PATCH', '/v1/organisations/p-zaehlt-gmbh', suedwest, { name: 'Zählt nicht GmbH' });
    expectProblem(refused, 403);
    for (const other of now.json.alliances.filter((a: string) => a !== SUEDWEST)) expect(refused.json.detail).toContain(`"${other}"`);
    // The list is read-only: a PATCH that sends it back is told so at the field.
    expectProblem(await call('PATCH', '/v1/organisations/p-zaehlt-gmbh', admin, { alliances: [SUEDWEST] }), 400, ['body.alliances']);
    // Lists of organisations and of members stay as they were: the alliances are on the record only.
    const listed = (await get('/v1/organisations?q=Z%C3%A4hlt')).json.items[0];
    expect(listed.id).toBe('p-zaehlt-gmbh');
    expect(listed).not.toHaveProperty('alliances');
    expect((await call('DELETE', '/v1/organisations/p-zaehlt-gmbh', admin)).status).toBe(204);
  });

  it('refuses a change of an organisation seeded as shared to each alliance\'s key', async () => {
    const res = await call('PATCH', '/v1/organisations/wirtschaftsregion-suedwest', suedwest, { name: 'WSW' });
    expectProblem(res, 403);
    expect(res.json.detail).toContain(`"${WALDSHUT}"`);
  });

  it('lets the creating alliance change and delete an organisation of no alliance; others and loaded ones are refused', async () => {
    expect((await call('POST', '/v1/organisations', suedwest, { id: 'p-neu-gmbh', name: 'Neu GmbH', type: 'unternehmen' })).status).toBe(201);
    expect((await call('PATCH', '/v1/organisations/p-neu-gmbh', suedwest, { website: 'https://www.example.org/' })).status).toBe(200);
    expectProblem(await call('PATCH', '/v1/organisations/p-neu-gmbh', ludwigsburg, { website: 'https://www.example.com/' }), 403);
    expectProblem(await call('DELETE', '/v1/organisations/p-neu-gmbh', ludwigsburg), 403);
    expect((await call('DELETE', '/v1/organisations/p-neu-gmbh', suedwest)).status).toBe(204);
    // A ministry of the seed belongs to no alliance and was created by no key: admin only.
    const ministry = 'regierungspraesidium-freiburg';
    const refused = await call('PATCH', `/v1/organisations/${ministry}`, suedwest, { aliases: ['RP Freiburg'] });
    expectProblem(refused, 403);
    expect(refused.json.detail).toMatch(/only an admin key/);
    expect((await call('PATCH', `/v1/organisations/${ministry}`, admin, { aliases: ['RP Freiburg'] })).status).toBe(200);
  });

  it('lets any key create an organisation, none without a key', async () => {
    expect((await call('POST', '/v1/organisations', ludwigsburg, { id: 'p-lb-gmbh', name: 'LB GmbH', type: 'unternehmen' })).status).toBe(201);
    expect((await call('POST', '/v1/organisations', admin, { id: 'p-admin-gmbh', name: 'Admin GmbH', type: 'unternehmen' })).status).toBe(201);
    expectProblem(await call('POST', '/v1/organisations', null, { id: 'p-anon', name: 'Anon', type: 'unternehmen' }), 401);
  });

  it('changes memberships of the key\'s own alliance only', async () => {
    expectProblem(await call('PUT', `/v1/alliances/${SUEDWEST}/members/p-lb-gmbh`, ludwigsburg, { role: 'member' }), 403);
    expect((await call('PUT', `/v1/alliances/${LUDWIGSBURG}/members/p-lb-gmbh`, ludwigsburg, { role: 'member' })).status).toBe(201);
    expectProblem(await call('DELETE', `/v1/alliances/${LUDWIGSBURG}/members/p-lb-gmbh`, suedwest), 403);
    expect((await call('DELETE', `/v1/alliances/${LUDWIGSBURG}/members/p-lb-gmbh`, admin)).status).toBe(204);
  });
});

describe('alliance profiles', () => {
  it('lets the alliance\'s key change its profile, answering with the record and the ETag a GET gives', async () => {
    const profile = {
      description: 'Die Fachkräfteallianz Südwest bündelt die Kräfte der Landkreise Lörrach und Waldshut.',
      website: 'https://www.example.org/fachkraefte',
      statedMemberCount: 27,
      focusAreas: [{ slug: 'pflege', name: 'Pflege' }],
      projectGroups: [{ name: 'Berufsorientierung', description: null }],
      contacts: [{ name: 'Geschäftsstelle', role: 'Projektmanagement', organisation: null, organisationName: 'Wirtschaftsregion Südwest', from: null, to: null, email: 'fachkraefte@example.org', phone: null }],
      membershipFee: false,
    };
    const res = await call('PATCH', `/v1/alliances/${SUEDWEST}`, suedwest, profile);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject(profile);
    const read = await get(`/v1/alliances/${SUEDWEST}`);
    expect(read.json).toEqual(res.json);
    expect(res.headers.get('etag')).toMatch(/^(W\/)?"[0-9a-f]{40}"$/);
    expect(res.headers.get('etag')).toBe(read.headers.get('etag'));
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses another alliance\'s key, bad fields (named), and slug, kind or parent from a scoped key', async () => {
    expectProblem(await call('PATCH', `/v1/alliances/${SUEDWEST}`, ludwigsburg, { description: 'Übernommen' }), 403);
    expectProblem(await call('PATCH', `/v1/alliances/${SUEDWEST}`, suedwest, { statedMemberCount: -3, website: 'javascript:alert(1)' }), 400, ['body.statedMemberCount', 'body.website']);
    expectProblem(await call('PATCH', `/v1/alliances/${SUEDWEST}`, suedwest, { memberCount: 3 }), 400, ['body.memberCount']);
    const locked = await call('PATCH', `/v1/alliances/${SUEDWEST}`, suedwest, { kind: 'state', parent: null, slug: 'suedwest' });
    expectProblem(locked, 403, ['body.kind', 'body.slug']);
    // Sending the current value is no change.
    expect((await call('PATCH', `/v1/alliances/${SUEDWEST}`, suedwest, { kind: 'regional' })).status).toBe(200);
    expectProblem(await call('PATCH', `/v1/alliances/${SUEDWEST}`, admin, { parent: SUEDWEST }), 400, ['body.parent']);
    expectProblem(await call('PATCH', `/v1/alliances/${SUEDWEST}`, admin, { parent: 'gibt-es-nicht' }), 400, ['body.parent']);
    expectProblem(await call('PATCH', `/v1/alliances/${SUEDWEST}`, admin, { slug: LUDWIGSBURG }), 409, ['body.slug']);
  });

  it('lets an admin create, rename (carrying members, events and keys along) and delete an alliance', async () => {
    expectProblem(await call('POST', '/v1/alliances', suedwest, { slug: 'p-netz', name: 'Netz', kind: 'network', state: 'DE-BW' }), 403);
    const created = await call('POST', '/v1/alliances', admin, { slug: 'p-netz', name: 'Netzwerk Probe', kind: 'network', state: 'DE-BW', parent: 'allianz-fuer-fachkraefte-bw' });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ slug: 'p-netz', memberCount: 0, areas: [], description: null, fictitious: false });
    expect(created.headers.get('location')).toBe('/v1/alliances/p-netz');
    const netzKey = (await call('POST', '/v1/keys', admin, { scope: 'p-netz', label: 'Probe' })).json.key;
    expect((await call('PUT', '/v1/alliances/p-netz/members/landkreis-waldshut', netzKey, { role: 'member' })).status).toBe(201);
    expect((await call('POST', '/v1/events', netzKey, event('p-netz-treffen', ['p-netz']))).status).toBe(201);
    expect((await call('POST', '/v1/events', admin, event('p-netz-gemeinsam', ['p-netz', SUEDWEST]))).status).toBe(201);

    const renamed = await call('PATCH', '/v1/alliances/p-netz', admin, { slug: 'p-netzwerk', name: 'Netzwerk Probe neu' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.headers.get('location')).toBe('/v1/alliances/p-netzwerk');
    expect(renamed.json).toMatchObject({ slug: 'p-netzwerk', memberCount: 1 });
    expectProblem(await get('/v1/alliances/p-netz'), 404);
    expect((await get('/v1/alliances/p-netzwerk/members')).json.items.map((m: { id: string }) => m.id)).toEqual(['landkreis-waldshut']);
    expect((await get('/v1/events/p-netz-treffen')).json.alliances).toEqual(['p-netzwerk']);
    expect((await get('/v1/events?alliance=p-netzwerk')).json.items).toHaveLength(2);
    // The key follows its alliance.
    expect((await call('PATCH', '/v1/events/p-netz-treffen', netzKey, { title: 'Umbenannt' })).status).toBe(200);

    expectProblem(await call('DELETE', '/v1/alliances/p-netzwerk', netzKey), 403);
    expect((await call('DELETE', '/v1/alliances/p-netzwerk', admin)).status).toBe(204);
    expectProblem(await get('/v1/alliances/p-netzwerk'), 404);
    // Its own event went, the co-organised one stays with Südwest, the organisation stays, its key is revoked.
    expectProblem(await get('/v1/events/p-netz-treffen'), 404);
    expect((await get('/v1/events/p-netz-gemeinsam')).json.alliances).toEqual([SUEDWEST]);
    expect((await get('/v1/organisations/landkreis-waldshut')).status).toBe(200);
    expectProblem(await call('PATCH', '/v1/events/p-netz-gemeinsam', netzKey, { title: 'x' }), 401);
  });
});

describe('keys through the API', () => {
  it('lets an admin create a scoped key that writes at once, shown once and listed without secret', async () => {
    const created = await call('POST', '/v1/keys', admin, { scope: SUEDWEST, label: 'Vertretung Südwest' });
    expect(created.status, created.text).toBe(201);
    expect(Object.keys(created.json).sort()).toEqual(['createdAt', 'id', 'key', 'label', 'scope']);
    expect(created.json).toMatchObject({ scope: SUEDWEST, label: 'Vertretung Südwest', id: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(created.headers.get('cache-control')).toBe('no-store');
    const key: string = created.json.key;
    expect((await call('POST', '/v1/events', key, event('p-by-new-key', [SUEDWEST]))).status).toBe(201);

    const list = await get('/v1/keys', admin);
    expect(list.status).toBe(200);
    expect(list.json.items).toContainEqual({ id: created.json.id, scope: SUEDWEST, label: 'Vertretung Südwest', createdAt: created.json.createdAt, revokedAt: null });
    // The secret is all after `fk_<id>_` (base64url: it may itself hold `_`).
    expect(list.text).not.toContain(key.split('_').slice(2).join('_'));
    // A scoped key sees itself only.
    const own = await get('/v1/keys', key);
    expect(own.json.items.map((k: { id: string }) => k.id)).toEqual([created.json.id]);
    // The answer depends on the key and holds labels: no shared cache may keep it.
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(own.headers.get('vary')).toMatch(/Authorization/);

    // Revoked by an admin: refused at once.
    expect((await call('DELETE', `/v1/keys/${created.json.id}`, admin)).status).toBe(204);
    expectProblem(await call('PATCH', '/v1/events/p-by-new-key', key, { title: 'x' }), 401);
    expectProblem(await call('DELETE', `/v1/keys/${created.json.id}`, admin), 404);
    expect((await get('/v1/keys', admin)).json.items.find((k: { id: string }) => k.id === created.json.id).revokedAt).toMatch(/^\d{4}-/);
  });

  it('lets a scoped key revoke itself but no other key, and create none', async () => {
    const mine = (await call('POST', '/v1/keys', admin, { scope: LUDWIGSBURG, label: 'Kurzzeit' })).json;
    expectProblem(await call('POST', '/v1/keys', mine.key, { scope: LUDWIGSBURG, label: 'Noch einer' }), 403);
    const suedwestId = (await get('/v1/keys', suedwest)).json.items[0].id;
    expectProblem(await call('DELETE', `/v1/keys/${suedwestId}`, mine.key), 403);
    expect((await call('DELETE', `/v1/keys/${mine.id}`, mine.key)).status).toBe(204);
    expectProblem(await get('/v1/keys', mine.key), 401);
  });

  it('answers bad key bodies with 400 naming the field, and no key with 401', async () => {
    expectProblem(await call('POST', '/v1/keys', admin, { scope: 'gibt-es-nicht', label: 'x' }), 400, ['body.scope']);
    expectProblem(await call('POST', '/v1/keys', admin, { scope: SUEDWEST }), 400, ['body.label']);
    expectProblem(await call('POST', '/v1/keys', admin, { scope: SUEDWEST, label: 'x'.repeat(121) }), 400, ['body.label']);
    expectProblem(await call('DELETE', '/v1/keys/../../etc', admin), 404);
    expectProblem(await call('DELETE', '/v1/keys/nicht-hex', admin), 400, ['id']);
    expectProblem(await get('/v1/keys'), 401);
  });
});

describe('change history', () => {
  it('records who, when and what of every write, with a tombstone for a deletion', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    expect((await call('POST', '/v1/events', suedwest, event('p-history', [SUEDWEST]))).status).toBe(201);
    expect((await call('PATCH', '/v1/events/p-history', suedwest, { title: 'Neuer Titel', status: 'cancelled' })).status).toBe(200);
    expect((await call('DELETE', '/v1/events/p-history', suedwest)).status).toBe(204);
    expectProblem(await get('/v1/events/p-history'), 404);

    const res = await get(`/v1/changes?alliance=${SUEDWEST}&since=${encodeURIComponent(before)}&limit=500`, suedwest);
    expect(res.status).toBe(200);
    const mine = res.json.items.filter((c: { id: string }) => c.id === 'p-history');
    expect(mine.map((c: { action: string }) => c.action)).toEqual(['created', 'updated', 'deleted']);
    expect(mine[1].fields.sort()).toEqual(['status', 'title']);
    expect(mine[2]).toMatchObject({ kind: 'event', action: 'deleted', alliances: [SUEDWEST], by: { scope: SUEDWEST, label: 'Geschäftsstelle Südwest (G. Gempp)', keyId: expect.any(String) } });
    expect(Date.parse(mine[2].at)).toBeGreaterThanOrEqual(Date.parse(before));
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('shows the public who changed only as a scope, and a key label only to keys of the alliances concerned', async () => {
    const pub = await get(`/v1/changes?alliance=${SUEDWEST}&limit=500`);
    expect(pub.status).toBe(200);
    expect(pub.text).not.toContain('Gempp');
    const tomb = pub.json.items.find((c: { id: string; action: string }) => c.id === 'p-history' && c.action === 'deleted');
    expect(tomb.by).toEqual({ scope: SUEDWEST });
    expect(pub.headers.get('cache-control')).toMatch(/^public/);
    expect(pub.headers.get('vary')).toMatch(/Authorization/);
    // Ludwigsburg's key sees the label of its own changes but not of Südwest's.
    const lb = await get('/v1/changes?limit=500', ludwigsburg);
    const items = lb.json.items as { alliances: string[]; by: { label?: string } }[];
    expect(items.some((c) => c.alliances.includes(LUDWIGSBURG) && c.by.label === 'Geschäftsstelle Ludwigsburg')).toBe(true);
    expect(items.filter((c) => !c.alliances.includes(LUDWIGSBURG)).every((c) => c.by.label === undefined)).toBe(true);
    // The history of keys is for admin keys only.
    expect(items.some((c: any) => c.kind === 'key')).toBe(false);
    expect((await get('/v1/changes?limit=500', admin)).json.items.some((c: any) => c.kind === 'key')).toBe(true);
  });

  it('pages with a cursor, in order, and filters by since', async () => {
    const first = await get('/v1/changes?limit=3');
    expect(first.json.items).toHaveLength(3);
    const second = await get(`/v1/changes?limit=3&cursor=${first.json.nextCursor}`);
    const seqs = [...first.json.items, ...second.json.items].map((c: { seq: number }) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(6);
    // A mirror resumes after the last seq it applied, also from the last page (whose nextCursor is null).
    const resumed = await get(`/v1/changes?limit=2&after=${seqs[3]}`);
    expect(resumed.json.items.map((c: { seq: number }) => c.seq)).toEqual(seqs.slice(4, 6));
    expectProblem(await get('/v1/changes?after=-1'), 400, ['after']);
    const future = await get(`/v1/changes?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.json).toEqual({ items: [], nextCursor: null });
    expectProblem(await get('/v1/changes?cursor=WyJhIl0'), 400, ['cursor']);
    expectProblem(await get('/v1/changes?since=2026-01-01'), 400, ['since']);
    expectProblem(await get('/v1/changes?alliance=A%20B'), 400, ['alliance']);
  });

  it('gives every record a modified time that a write moves forward', async () => {
    const before = (await get('/v1/organisations/landkreis-waldshut')).json.modified;
    expect(before).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await get('/v1/events?limit=1')).json.items[0].modified).toMatch(/^\d{4}-/);
    expect((await get(`/v1/alliances/${LUDWIGSBURG}`)).json.modified).toMatch(/^\d{4}-/);
    const after = await call('PATCH', '/v1/organisations/landkreis-waldshut', suedwest, { aliases: ['LK Waldshut'] });
    expect(after.status).toBe(200);
    expect(Date.parse(after.json.modified)).toBeGreaterThan(Date.parse(before));
  });
});

describe('freshness', () => {
  it('lets caches keep an answer at most 2 × max-age, and a reader revalidating after a write gets the new record', async () => {
    const first = await get('/v1/events/beispiel-netzwerktreffen-suedwest');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=60');
    const etag = first.headers.get('etag')!;
    const written = await call('PATCH', '/v1/events/beispiel-netzwerktreffen-suedwest', suedwest, { summary: 'Frisch' });
    expect(written.status).toBe(200);
    expect(written.headers.get('etag')).not.toBe(etag);
    const again = await call('GET', '/v1/events/beispiel-netzwerktreffen-suedwest', null, undefined, { 'If-None-Match': etag });
    expect(again.status).toBe(200);
    expect(again.json.summary).toBe('Frisch');
    expect(again.headers.get('etag')).toBe(written.headers.get('etag'));
    const revalidated = await call('GET', '/v1/events/beispiel-netzwerktreffen-suedwest', null, undefined, { 'If-None-Match': written.headers.get('etag')! });
    expect(revalidated.status).toBe(304);
  });
});

describe('rate limit of writes', () => {
  it('answers a key over its limit with 429 and Retry-After, other keys and reads unaffected', async () => {
    const limited = await startTestServer(['seed'], { writeLimit: { perMinute: 6, burst: 3 } });
    try {
      const one = await limited.srv.createApiKey(SUEDWEST);
      const two = await limited.srv.createApiKey(SUEDWEST);
      const post = (key: string, i: number) => request(limited.srv.url, '/v1/organisations', {
        method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: `rl-${key.slice(3, 9)}-${i}`, name: `Rate ${i}`, type: 'sonstige' }),
      });
      for (let i = 0; i < 3; i++) expect((await post(one, i)).status).toBe(201);
      const over = await post(one, 3);
      expectProblem(over, 429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(10);
      expect((await request(limited.srv.url, '/v1/organisations/rl-0')).status).toBe(404);
      expect((await post(two, 0)).status).toBe(201);
      for (let i = 0; i < 5; i++) expect((await request(limited.srv.url, '/v1/alliances')).status).toBe(200);
    } finally {
      await limited.srv.close();
    }
  });
});
