/**
 * `@fachkraefte/sdk/admin` against the real reference server (in-process, embedded database):
 * who is signed in, keys, profiles, alliances, `.ics` imports and the change history.
 */
import { startServer, type RunningServer } from '@fachkraefte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminClient, type FkAdminClient } from '../src/admin.js';
import { createClient, isApiError, type ApiError } from '../src/index.js';

let srv: RunningServer;
let admin: FkAdminClient;
let suedwest: FkAdminClient;
const SUEDWEST = 'fachkraefteallianz-suedwest';
const base = () => srv.url;

beforeAll(async () => {
  srv = await startServer({ port: 0, memory: true, dataSets: ['seed'], siteDir: null, cdnDir: null, adminDir: null, log: () => {} });
  admin = createAdminClient({ baseUrl: base(), apiKey: await srv.createApiKey('admin', 'Betrieb'), retry: 0 });
  suedwest = createAdminClient({ baseUrl: base(), apiKey: await srv.createApiKey(SUEDWEST, 'Geschäftsstelle Südwest'), retry: 0 });
}, 120_000);
afterAll(() => srv?.close());

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isApiError(error)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const ICS = (uid: string, title: string) => [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20270304T170000', 'DTEND;TZID=Europe/Berlin:20270304T190000', `SUMMARY:${title}`,
  'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

describe('keys', () => {
  it('says who is signed in', async () => {
    expect(await suedwest.keys.self()).toMatchObject({ scope: SUEDWEST, label: 'Geschäftsstelle Südwest', revokedAt: null });
    expect((await admin.keys.self()).scope).toBe('admin');
  });

  it('creates a key shown once, lists it without the secret, revokes it, and the key then fails at once', async () => {
    const created = await admin.keys.create({ scope: SUEDWEST, label: 'Vertretung' });
    expect(created.key.length).toBeGreaterThan(20);
    const listed = (await admin.keys.list()).items.find((k) => k.id === created.id)!;
    expect(listed).toMatchObject({ label: 'Vertretung', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const vertretung = createAdminClient({ baseUrl: base(), apiKey: created.key, retry: 0 });
    expect((await vertretung.keys.list()).items.map((k) => k.id)).toEqual([created.id]);
    await admin.keys.revoke(created.id);
    expect((await failure(vertretung.keys.self())).status).toBe(401);
  });

  it('refuses a scoped key that creates keys (403) and names the field of a bad scope (400)', async () => {
    expect((await failure(suedwest.keys.create({ scope: SUEDWEST, label: 'x' }))).status).toBe(403);
    const bad = await failure(admin.keys.create({ scope: 'gibt-es-nicht', label: 'x' }));
    expect(bad.status).toBe(400);
    expect(bad.problem?.errors?.map((e) => e.parameter)).toEqual(['body.scope']);
    // The secret of the client is never in an error.
    expect(JSON.stringify(bad)).not.toMatch(/Bearer [A-Za-z0-9_-]{10}/);
  });
});

describe('alliances', () => {
  it('changes the own profile and refuses what only an admin may change', async () => {
    const updated = await suedwest.alliances.update(SUEDWEST, { description: 'Neu beschrieben.', website: 'https://example.org/suedwest' });
    expect(updated).toMatchObject({ description: 'Neu beschrieben.', website: 'https://example.org/suedwest' });
    const refused = await failure(suedwest.alliances.update(SUEDWEST, { kind: 'state' }));
    expect(refused.status).toBe(403);
    expect(refused.problem?.errors?.map((e) => e.parameter)).toEqual(['body.kind']);
    expect((await failure(suedwest.alliances.update(SUEDWEST, { website: 'kein link' }))).problem?.errors?.[0]?.parameter).toBe('body.website');
  });

  it('lets an admin create and delete an alliance', async () => {
    const made = await admin.alliances.create({ slug: 'sdk-admin-probe', name: 'Probe', kind: 'regional', state: 'DE-BW' });
    expect(made).toMatchObject({ slug: 'sdk-admin-probe', memberCount: 0 });
    expect((await failure(admin.alliances.create({ slug: 'sdk-admin-probe', name: 'Probe', kind: 'regional', state: 'DE-BW' }))).status).toBe(409);
    await admin.alliances.delete('sdk-admin-probe');
    expect((await failure(admin.alliances.get('sdk-admin-probe'))).status).toBe(404);
    expect((await failure(suedwest.alliances.delete(SUEDWEST))).status).toBe(403);
  });
});

describe('organisations', () => {
  it('gives one organisation with the alliances it is a member of, and a refused change names them', async () => {
    const shared = await suedwest.organisations.get('wirtschaftsregion-suedwest');
    expect(shared.alliances).toContain(SUEDWEST);
    const others = shared.alliances.filter((a) => a !== SUEDWEST);
    expect(others.length).toBeGreaterThan(0);
    const refused = await failure(suedwest.organisations.update('wirtschaftsregion-suedwest', { name: 'WSW' }));
    expect(refused.status).toBe(403);
    for (const other of others) expect(refused.problem?.detail).toContain(other);
    const made = await suedwest.organisations.create({ id: 'sdk-org-probe', name: 'SDK Probe GmbH', type: 'unternehmen' });
    expect(made.alliances).toEqual([]);
    await suedwest.alliances.putMember(SUEDWEST, 'sdk-org-probe', { role: 'member' });
    expect((await suedwest.organisations.update('sdk-org-probe', { website: 'https://example.org/probe' })).alliances).toEqual([SUEDWEST]);
    await suedwest.organisations.delete('sdk-org-probe');
  });

  it('shares its resources with the read client: the same reads, on one transport', async () => {
    const read = createClient({ baseUrl: base(), retry: 0 });
    expect(Object.keys(admin).sort()).toEqual([...Object.keys(read), 'keys', 'changes'].sort());
    expect(Object.isFrozen(admin)).toBe(true);
    expect((await admin.focusAreas.list()).items).toEqual((await read.focusAreas.list()).items);
    // The read client's organisation leaves the alliances out (its schema does not know them).
    expect(await read.organisations.get('wirtschaftsregion-suedwest')).not.toHaveProperty('alliances');
  });
});

describe('imports and the change history', () => {
  it('reports a dry run by title, writes nothing, then imports; the history names the key', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const dry = await suedwest.alliances.importIcs(SUEDWEST, ICS('sdk-probe-1', 'Sprechstunde Ausbildung'), { dryRun: true });
    expect(dry).toMatchObject({ alliance: SUEDWEST, dryRun: true, changed: [], unchanged: [], skipped: [] });
    expect(dry.added.map((e) => e.title)).toEqual(['Sprechstunde Ausbildung']);
    expect((await failure(suedwest.events.get(dry.added[0]!.id))).status).toBe(404);
    const done = await suedwest.alliances.importIcs(SUEDWEST, ICS('sdk-probe-1', 'Sprechstunde Ausbildung'));
    expect(done.dryRun).toBe(false);
    expect((await suedwest.events.get(done.added[0]!.id)).title).toBe('Sprechstunde Ausbildung');
    const again = await suedwest.alliances.importIcs(SUEDWEST, ICS('sdk-probe-1', 'Sprechstunde Ausbildung'));
    expect(again.unchanged).toHaveLength(1);

    const changes = (await suedwest.changes.list({ alliance: SUEDWEST, since })).items;
    const imported = changes.find((c) => c.kind === 'event' && c.id === done.added[0]!.id)!;
    expect(imported).toMatchObject({ action: 'created', by: { scope: SUEDWEST, label: 'Geschäftsstelle Südwest' } });
    const walked: number[] = [];
    for await (const change of suedwest.changes.iterate({ alliance: SUEDWEST, since, limit: 1 })) walked.push(change.seq);
    expect(walked).toEqual(changes.map((c) => c.seq));
  });

  it('names the body for a file that is no calendar', async () => {
    const bad = await failure(suedwest.alliances.importIcs(SUEDWEST, 'kein Kalender', { dryRun: true }));
    expect(bad.status).toBe(400);
    expect(bad.problem?.errors?.[0]?.parameter).toBe('body');
  });
});
