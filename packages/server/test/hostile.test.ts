// Inputs a hostile (or just careless) client sends, against the real server: none of them may get a
// 5xx, leak a secret into the log, or leave the data half loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoInternals, expectProblem, request, startTestServer, SUEDWEST, type TestServer } from './helpers.js';

let t: TestServer;
let base: string;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  base = t.srv.url;
  admin = await t.srv.createApiKey('admin');
});
afterAll(() => t.srv.close());

const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

describe('cursors', () => {
  const LISTS = ['/v1/alliances', `/v1/alliances/${SUEDWEST}/members`, '/v1/organisations', '/v1/events', '/v1/focus-areas'];

  it('answers a cursor holding a NUL character with 400 naming cursor, on every list', async () => {
    // The cursor of the issue, byte for byte: ["a\u0000","b"].
    expect(Buffer.from('WyJhXHUwMDAwIiwiYiJd', 'base64url').toString()).toBe('["a\\u0000","b"]');
    for (const path of LISTS) {
      const res = await request(base, `${path}?cursor=WyJhXHUwMDAwIiwiYiJd`);
      expectProblem(res, 400, ['cursor']);
      expectNoInternals(res);
    }
    // The event list's first part is an instant; its second (the id) goes to the database as text.
    expectProblem(await request(base, `/v1/events?cursor=${cursorOf(['2026-01-01T00:00:00.000Z', 'a\u0000'])}`), 400, ['cursor']);
  });

  it('answers a cursor holding a lone surrogate with 400 naming cursor, on every list', async () => {
    for (const path of LISTS) {
      expectProblem(await request(base, `${path}?cursor=${cursorOf(['\ud800', 'b'])}`), 400, ['cursor']);
    }
    expectProblem(await request(base, `/v1/events?cursor=${cursorOf(['2026-01-01T00:00:00.000Z', '\udfff'])}`), 400, ['cursor']);
  });

  it('still takes the cursors the server hands out', async () => {
    for (const path of LISTS) {
      const first = await request(base, `${path}?limit=1`);
      expect(first.status, path).toBe(200);
      const next = await request(base, `${path}?limit=1&cursor=${encodeURIComponent(first.json.nextCursor)}`);
      expect(next.status, path).toBe(200);
      expect(next.json.items[0], path).not.toEqual(first.json.items[0]);
    }
  });
});

/** Sends a write with the admin key; `body` goes as is when a string. */
function write(method: string, path: string, body: unknown, type = 'application/json') {
  return request(base, path, {
    method,
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const newEvent = (extra: Record<string, unknown> = {}) => ({
  title: 'Hostile Test', start: '2027-03-01T10:00:00+01:00', alliances: [SUEDWEST], ...extra,
});

describe('JSON bodies', () => {
  it('answers a +json media type other than merge-patch with 415', async () => {
    for (const type of ['application/evil+json', 'application/ld+json', 'application/problem+json', 'text/json']) {
      const res = await write('POST', '/v1/events', newEvent(), type);
      expectProblem(res, 415);
      const patch = await write('PATCH', '/v1/events/beispiel-netzwerktreffen-suedwest', { summary: 'evil' }, type);
      expectProblem(patch, 415);
    }
    expect((await request(base, '/v1/events/beispiel-netzwerktreffen-suedwest')).json.summary).not.toBe('evil');
    expect((await write('POST', '/v1/events', newEvent(), 'application/json; charset=utf-8')).status).toBe(201);
    expect((await write('PATCH', '/v1/events/beispiel-netzwerktreffen-suedwest', { summary: 'ok' }, 'application/merge-patch+json')).status).toBe(200);
  });
});
