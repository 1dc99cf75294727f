// Inputs a hostile (or just careless) client sends, against the real server: none of them may get a
// 5xx, leak a secret into the log, or leave the data half loaded.
import { connect } from 'node:net';
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
  it('answers a body nested 10,000 deep (20 KB) with 400 naming body, on every write', async () => {
    const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const [method, path] of [
      ['POST', '/v1/events'], ['PATCH', '/v1/events/beispiel-netzwerktreffen-suedwest'], ['POST', '/v1/organisations'],
      ['PATCH', '/v1/organisations/landkreis-loerrach'], ['PUT', `/v1/alliances/${SUEDWEST}/members/landkreis-loerrach`],
    ] as const) {
      for (const body of [deepArray, deepObject]) {
        const res = await write(method, path, body);
        expectProblem(res, 400, ['body']);
        expect(res.json.detail).toMatch(/nested more than 32 levels/);
        expectNoInternals(res);
      }
    }
    // Inside a string, brackets are text and do not count.
    const inText = await write('POST', '/v1/events', newEvent({ title: '['.repeat(100), description: '{"\\"['.repeat(50) }));
    expect(inText.status, inText.text).toBe(201);
    expect(t.lines.filter((l) => l.status >= 500)).toEqual([]);
  });

  it('takes a body nested 32 deep to the schema, and refuses 33', async () => {
    const nested = (n: number) => `${'{"title":'.repeat(n - 1)}{}${'}'.repeat(n - 1)}`;
    const at32 = await write('POST', '/v1/events', nested(32));
    expectProblem(at32, 400, ['body.title']);
    expect(at32.json.detail).not.toMatch(/nested/);
    const at33 = await write('POST', '/v1/events', nested(33));
    expectProblem(at33, 400, ['body']);
    expect(at33.json.detail).toMatch(/nested more than 32 levels/);
  });

  it('answers a lone surrogate in a body with 400 naming the field, and stores nothing', async () => {
    // JSON.stringify writes a lone surrogate as the escape \ud800, which JSON.parse turns back into one.
    const org = await write('POST', '/v1/organisations', '{"id":"lone-surrogate","name":"A\\ud800","type":"sonstige"}');
    expectProblem(org, 400, ['body.name']);
    expect(org.json.errors[0].message).toMatch(/lone surrogate/);
    expect((await request(base, '/v1/organisations/lone-surrogate')).status).toBe(404);
    expectProblem(await write('POST', '/v1/events', newEvent({ title: 'Treffen \udfff' })), 400, ['body.title']);
    expectProblem(await write('POST', '/v1/events', newEvent({ categories: ['x\ud83d'] })), 400, ['body.categories[0]']);
    expectProblem(await write('PATCH', '/v1/events/beispiel-netzwerktreffen-suedwest', { venue: { name: '\ud800x' } }), 400, ['body.venue.name']);
    expectProblem(await write('POST', '/v1/events', '{"title":"x","\\ud800":1}'), 400, ['body']);
    // A surrogate pair is a character like any other.
    const pair = await write('POST', '/v1/events', newEvent({ title: 'Treffen \ud83d\ude00' }));
    expect(pair.status, pair.text).toBe(201);
    expect(pair.json.title).toBe('Treffen 😀');
  });

  it('never lets a lone surrogate in through the query: the URL parser makes it U+FFFD, and no 5xx follows', async () => {
    // %ED%A0%80 is \ud800 in (invalid) UTF-8. WHATWG URL decoding replaces it, so query.ts needs
    // no check of its own; this test holds that in place.
    expect(new URL('http://x/?q=%ED%A0%80').searchParams.get('q')).toBe('\ufffd\ufffd\ufffd');
    for (const query of ['q=%ED%A0%80', 'q=a%ED%B0%80b', `alliance=${SUEDWEST}%ED%A0%80`, 'from=%ED%A0%80', 'category=%F0%9F']) {
      for (const path of ['/v1/events', '/v1/organisations', '/v1/alliances']) {
        if (path !== '/v1/events' && !query.startsWith('q=')) continue;
        const res = await request(base, `${path}?${query}`);
        expect(res.status, `${path}?${query}`).toBeLessThan(500);
        expect(res.text).not.toMatch(/\\ud[89ab]/i);
      }
    }
    expect(t.lines.filter((l) => l.status >= 500)).toEqual([]);
  });

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

describe('event windows', () => {
  it('answers to before from with 400 naming to, on the list and the feed', async () => {
    for (const path of ['/v1/events', '/v1/events.ics']) {
      for (const [from, to] of [
        ['2026-05-01', '2026-04-01'],
        ['2026-05-01', '2026-04-30'],
        ['2026-05-01T12:00:00+02:00', '2026-05-01T11:59:59+02:00'],
        // A date means midnight in Berlin: 23:30 the evening before is before it.
        ['2026-05-01', '2026-04-30T23:30:00+02:00'],
        ['2026-05-01T00:00:00Z', '2026-05-01T01:59:00+02:00'],
      ]) {
        const res = await request(base, `${path}?from=${encodeURIComponent(from!)}&to=${encodeURIComponent(to!)}`);
        expectProblem(res, 400, ['to']);
        expect(res.json.errors[0].message).toBe('must not be before from');
      }
    }
  });

  it('takes a window of one day, or of one instant', async () => {
    for (const path of ['/v1/events', '/v1/events.ics']) {
      for (const [from, to] of [
        ['2026-05-01', '2026-05-01'],
        ['2026-05-01T12:00:00+02:00', '2026-05-01T12:00:00+02:00'],
        // `to` as a date takes in its whole day.
        ['2026-05-01T18:00:00+02:00', '2026-05-01'],
        ['2026-05-01', '2026-04-30T23:30:00+01:00'],
      ]) {
        const res = await request(base, `${path}?from=${encodeURIComponent(from!)}&to=${encodeURIComponent(to!)}`);
        expect(res.status, `${path} ${from} ${to}: ${res.text.slice(0, 200)}`).toBe(200);
      }
    }
  });

  it('finds an event on the day when from and to name that day', async () => {
    const day = await request(base, '/v1/events?from=2027-03-01&to=2027-03-01');
    expect(day.status).toBe(200);
    expect(day.json.items.map((e: { title: string }) => e.title)).toContain('Hostile Test');
  });
});

describe('API keys in the URL', () => {
  it('answers a key in the query string with 400 naming the parameter, on every path, and never logs or echoes it', async () => {
    const secret = admin; // a real, valid key: the worst case
    const cases: [string, string, string][] = [
      ['GET', '/v1/events', 'api_key'],
      ['GET', '/v1/alliances', 'KEY'],
      ['GET', `/v1/alliances/${SUEDWEST}`, 'apikey'],
      ['GET', '/v1/events.ics', 'Access_Token'],
      ['GET', '/v1/openapi.json', 'token'],
      ['GET', '/healthz', 'api-key'],
      ['GET', '/', 'api_key'],
      ['GET', '/nothing-here', 'api_key'],
      ['HEAD', '/v1/events', 'api_key'],
      ['POST', '/v1/events', 'api_key'],
      ['PATCH', '/v1/events/beispiel-netzwerktreffen-suedwest', 'token'],
      ['DELETE', '/v1/events/beispiel-netzwerktreffen-suedwest', 'access_token'],
      ['PUT', `/v1/alliances/${SUEDWEST}/members/landkreis-loerrach`, 'key'],
    ];
    const before = t.lines.length;
    for (const [method, path, name] of cases) {
      const res = await request(base, `${path}?limit=1&${name}=${secret}`, {
        method,
        // The header carries the same valid key: the write must still not happen.
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        ...(method === 'GET' || method === 'HEAD' || method === 'DELETE' ? {} : { body: JSON.stringify(method === 'PUT' ? { role: 'member' } : newEvent({ title: 'Via URL key' })) }),
      });
      expect(res.status, `${method} ${path} ${name}`).toBe(400);
      expect(res.text).not.toContain(secret);
      // A page on another origin may read why (the browser would otherwise report a network error).
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      if (method !== 'HEAD') {
        expectProblem(res, 400, [name]);
        expect(res.json.detail).toMatch(/Authorization: Bearer/);
      }
    }
    // Percent-encoded names are the same names to the server, and redacted as well.
    expectProblem(await request(base, `/v1/events?api%5Fkey=${secret}`), 400, ['api_key']);
    const logged = t.lines.slice(before);
    expect(logged).toHaveLength(cases.length + 1);
    for (const line of logged) {
      expect(JSON.stringify(line)).not.toContain(secret);
      expect(line.path).toMatch(/(?:api_key|KEY|apikey|Access_Token|token|api-key|key|access_token|api%5Fkey)=\[redacted\]/);
      expect(line.status).toBe(400);
    }
    expect(logged[0]!.path).toBe('/v1/events?limit=1&api_key=[redacted]');
    // Nothing was written through the URL key.
    expect((await request(base, '/v1/events?q=via%20url%20key')).json.items).toEqual([]);
    expect((await request(base, '/v1/events/beispiel-netzwerktreffen-suedwest')).status).toBe(200);
  });

  it('still logs other query values as they were sent', async () => {
    const before = t.lines.length;
    expect((await request(base, '/v1/events?q=keynote&limit=2')).status).toBe(200);
    expect(t.lines.slice(before).map((l) => l.path)).toEqual(['/v1/events?q=keynote&limit=2']);
  });
});

/** Sends `head` and part of a body over a raw socket, then drops the connection as a client that gives up. */
async function giveUpMidBody(head: string, part: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const socket = connect(t.srv.port, '127.0.0.1', () => {
      socket.write(head + part, () => setTimeout(() => {
        socket.destroy();
        resolve();
      }, 100));
    });
    socket.on('error', reject);
  });
}

/** Waits until the server logged `count` more lines than `before`. */
async function logged(before: number, count = 1) {
  for (let i = 0; i < 100 && t.lines.length < before + count; i++) await new Promise((r) => setTimeout(r, 20));
  return t.lines.slice(before);
}

describe('clients that give up', () => {
  it('logs a client that gives up mid-body as 499 at warn, with no error line', async () => {
    for (const [method, path] of [['POST', '/v1/events'], ['PATCH', '/v1/events/beispiel-netzwerktreffen-suedwest'], ['POST', '/v1/organisations']]) {
      const before = t.lines.length;
      await giveUpMidBody(
        `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${admin}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
        '{"title":"Abgebrochen',
      );
      const lines = await logged(before);
      expect(lines, `${method} ${path}`).toHaveLength(1);
      expect(lines[0]).toMatchObject({ method, path, status: 499, level: 'warn', error: 'client closed the request' });
    }
    // Chunked, without Content-Length: the same.
    const before = t.lines.length;
    await giveUpMidBody(
      `POST /v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${admin}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      '10\r\n{"title":"Abgebr\r\n',
    );
    expect((await logged(before))[0]).toMatchObject({ status: 499, level: 'warn', error: 'client closed the request' });
    expect(t.lines.filter((l) => l.level === 'error' || l.status >= 500)).toEqual([]);
    // The server goes on answering, and nothing of the half-sent bodies was stored.
    expect((await request(base, '/v1/events?q=abgebr')).json.items).toEqual([]);
  });
});

// The data directory lock and the first start killed halfway are in data-dir.test.ts (PGlite only).
