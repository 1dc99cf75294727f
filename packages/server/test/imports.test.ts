// POST /v1/alliances/{slug}/imports: an alliance's calendar file through the API while the server
// runs, with a dry run, a report by title and UID, Outlook's Windows zone names, the permission
// rules of the write path, and every way the upload can be wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, expectProblem, LUDWIGSBURG, request, startTestServer, SUEDWEST, type TestServer } from './helpers.js';

let t: TestServer;
let admin: string;
let suedwest: string;
let ludwigsburg: string;

function ics(events: { uid: string; summary: string; start: string; tzid?: string }[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN'];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, 'DTSTAMP:20261101T090000Z', `DTSTART;TZID=${e.tzid ?? 'Europe/Berlin'}:${e.start}`,
      `SUMMARY:${e.summary}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

function upload(slug: string, key: string | null, body: string, query = '', type = 'text/calendar'): Promise<Answer> {
  return request(t.srv.url, `/v1/alliances/${slug}/imports${query}`, {
    method: 'POST',
    headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), 'Content-Type': type },
    body,
  });
}

const FEED = ics([
  { uid: 'stammtisch-1@example.org', summary: 'Unternehmensstammtisch Lörrach', start: '20301203T180000' },
  { uid: 'outlook-1@example.org', summary: 'Netzwerktreffen (Outlook)', start: '20300115T180000', tzid: 'W. Europe Standard Time' },
]);

beforeAll(async () => {
  t = await startTestServer(['seed']);
  admin = await t.srv.createApiKey('admin', 'Betrieb');
  suedwest = await t.srv.createApiKey(SUEDWEST, 'Geschäftsstelle Südwest');
  ludwigsburg = await t.srv.createApiKey(LUDWIGSBURG, 'Geschäftsstelle Ludwigsburg');
});
afterAll(() => t.srv.close());

describe('POST /v1/alliances/{slug}/imports', () => {
  it('reports a dry run by title and UID and writes nothing', async () => {
    const dry = await upload(SUEDWEST, suedwest, FEED, '?dryRun=true');
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json).toMatchObject({ alliance: SUEDWEST, dryRun: true, changed: [], unchanged: [], skipped: [] });
    const named = dry.json.added.map((a: { title: string; uid: string }) => [a.uid, a.title]).sort();
    expect(named).toEqual([
      ['outlook-1@example.org', 'Netzwerktreffen (Outlook)'],
      ['stammtisch-1@example.org', 'Unternehmensstammtisch Lörrach'],
    ]);
    expect((await request(t.srv.url, '/v1/events?q=stammtisch')).json.items).toEqual([]);
  });

  it('imports, is idempotent by UID, and maps Outlook\'s Windows zone names to Europe/Berlin', async () => {
    const real = await upload(SUEDWEST, suedwest, FEED);
    expect(real.status, real.text).toBe(200);
    expect(real.json.dryRun).toBe(false);
    expect(real.json.added).toHaveLength(2);
    const outlook = real.json.added.find((a: { uid: string }) => a.uid === 'outlook-1@example.org');
    const stored = (await request(t.srv.url, `/v1/events/${outlook.id}`)).json;
    expect(stored).toMatchObject({ title: 'Netzwerktreffen (Outlook)', start: '2030-01-15T18:00:00+01:00', alliances: [SUEDWEST] });
    const again = await upload(SUEDWEST, suedwest, FEED);
    expect(again.json.added).toEqual([]);
    expect(again.json.unchanged.map((u: { uid: string }) => u.uid).sort()).toEqual(['outlook-1@example.org', 'stammtisch-1@example.org']);
    // Recorded in the history under the importing key.
    const changes = (await request(t.srv.url, `/v1/changes?alliance=${SUEDWEST}`, { headers: { Authorization: `Bearer ${suedwest}` } })).json.items;
    expect(changes.filter((c: { id: string }) => c.id === outlook.id)).toEqual([
      expect.objectContaining({ action: 'created', by: expect.objectContaining({ label: 'Geschäftsstelle Südwest' }) }),
    ]);
  });

  it('leaves an event another alliance co-organises to admin keys, and refuses other alliances\' keys', async () => {
    const id = (await upload(SUEDWEST, suedwest, FEED, '?dryRun=true')).json.unchanged.find((u: { uid: string }) => u.uid === 'stammtisch-1@example.org').id;
    const join = await request(t.srv.url, `/v1/events/${id}`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${ludwigsburg}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ alliances: [SUEDWEST, LUDWIGSBURG] }),
    });
    expect(join.status, join.text).toBe(200);
    const changedFeed = FEED.replace('Unternehmensstammtisch Lörrach', 'Unternehmensstammtisch Lörrach (neuer Ort)');
    const scoped = await upload(SUEDWEST, suedwest, changedFeed);
    expect(scoped.json.changed).toEqual([]);
    expect(scoped.json.skipped).toEqual([expect.objectContaining({ uid: 'stammtisch-1@example.org', title: 'Unternehmensstammtisch Lörrach (neuer Ort)', reason: expect.stringMatching(/co-organised by fachkraefteallianz-landkreis-ludwigsburg/) })]);
    const byAdmin = await upload(SUEDWEST, admin, changedFeed);
    expect(byAdmin.json.changed).toEqual([expect.objectContaining({ uid: 'stammtisch-1@example.org', fields: ['title'] })]);
    expect((await request(t.srv.url, `/v1/events/${id}`)).json.alliances).toEqual([SUEDWEST, LUDWIGSBURG]);
    expectProblem(await upload(SUEDWEST, ludwigsburg, FEED), 403);
  });

  it('answers a wrong upload with a clear problem, never a 5xx', async () => {
    expectProblem(await upload(SUEDWEST, null, FEED), 401);
    expectProblem(await upload(SUEDWEST, suedwest, FEED, '', 'application/json'), 415);
    expectProblem(await upload(SUEDWEST, suedwest, 'Termine: 3.12. Stammtisch'), 400, ['body']);
    expectProblem(await upload(SUEDWEST, suedwest, '   '), 400, ['body']);
    expectProblem(await upload(SUEDWEST, suedwest, FEED, '?dryRun=ja'), 400, ['dryRun']);
    expectProblem(await upload(SUEDWEST, suedwest, FEED, '?dry=true'), 400, ['dry']);
    expectProblem(await upload('gibt-es-nicht', admin, FEED), 404);
    const huge = FEED.replace('END:VCALENDAR', `X-PAD:${'x'.repeat(2 * 1024 * 1024)}\r\nEND:VCALENDAR`);
    expectProblem(await upload(SUEDWEST, suedwest, huge), 413);
    expect(t.lines.filter((l) => l.status >= 500)).toEqual([]);
  });
});
