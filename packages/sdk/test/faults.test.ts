/**
 * The SDK against a real local server that misbehaves on purpose: every fault gives the
 * documented error, retries follow the rules, and nothing is retried that must not be.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError, createClient, FkError, isApiError, isFkError, isNetworkError, isNotFoundError,
  isResponseValidationError, isTimeoutError, NetworkError, NotFoundError, ResponseValidationError,
  TimeoutError, type ClientOptions,
} from '../src/index.js';
import { alliance, event } from './fixtures.js';
import { json, problem, startFaultyServer, type FaultyServer } from './faulty-server.js';

let srv: FaultyServer;
beforeAll(async () => {
  srv = await startFaultyServer();
});
afterEach(() => srv.reset());
afterAll(() => srv.close());

const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: srv.url, retry: { baseDelay: 20 }, ...options });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

const page = (items: unknown[], nextCursor: string | null = null) => ({ items, nextCursor });

describe('server errors and retries', () => {
  it('retries a GET after 500 and returns the later success', async () => {
    srv.on('GET /v1/alliances/a', (_req, res, n) => (n < 3 ? problem(res, 500, 'Internal Server Error') : json(res, 200, alliance('a'))));
    const result = await client().alliances.get('a');
    expect(result.slug).toBe('a');
    expect(srv.count('GET /v1/alliances/a')).toBe(3);
  });

  it('gives up after the retry limit with an ApiError carrying status and problem', async () => {
    srv.on('GET /v1/alliances/a', (_req, res) => problem(res, 500, 'Internal Server Error', 'database is down'));
    const error = await rejection(client({ retry: { limit: 1, baseDelay: 10 } }).alliances.get('a'));
    expect(error).toBeInstanceOf(ApiError);
    expect(isApiError(error)).toBe(true);
    expect(isNotFoundError(error)).toBe(false);
    const e = error as ApiError;
    expect(e.status).toBe(500);
    expect(e.problem).toMatchObject({ title: 'Internal Server Error', detail: 'database is down', status: 500 });
    expect(e.url).toBe(`${srv.url}/v1/alliances/a`);
    expect(e.message).toBe(`GET ${srv.url}/v1/alliances/a failed with 500 Internal Server Error: database is down`);
    expect(srv.count('GET /v1/alliances/a')).toBe(2);
  });

  it('waits with exponential backoff between retries', async () => {
    srv.on('GET /v1/alliances/a', (_req, res) => problem(res, 502, 'Bad Gateway'));
    await rejection(client({ retry: { limit: 2, baseDelay: 100 } }).alliances.get('a'));
    const [first, second, third] = srv.seen.map((s) => s.at);
    // Equal jitter keeps at least half of 100 ms, then of 200 ms.
    expect(second! - first!).toBeGreaterThanOrEqual(45);
    expect(third! - second!).toBeGreaterThanOrEqual(95);
    expect(third! - second!).toBeLessThan(1000);
  });

  it('honours Retry-After in seconds on 503', async () => {
    srv.on('GET /v1/alliances', (_req, res, n) =>
      n === 1 ? problem(res, 503, 'Service Unavailable', undefined, { 'retry-after': '1' }) : json(res, 200, page([alliance('a')])));
    const { items } = await client().alliances.list();
    expect(items).toHaveLength(1);
    expect(srv.seen).toHaveLength(2);
    const waited = srv.seen[1]!.at - srv.seen[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(2000);
  });

  it('honours Retry-After as an HTTP-date on 429', async () => {
    srv.on('GET /v1/alliances', (_req, res, n) => {
      if (n > 1) return json(res, 200, page([]));
      // HTTP-dates have whole seconds: two seconds ahead means a wait of 1–2 s.
      problem(res, 429, 'Too Many Requests', undefined, { 'retry-after': new Date(Date.now() + 2000).toUTCString() });
    });
    await client().alliances.list();
    expect(srv.seen).toHaveLength(2);
    const waited = srv.seen[1]!.at - srv.seen[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(2600);
  });

  it('cuts a long Retry-After to maxRetryAfter', async () => {
    srv.on('GET /v1/alliances', (_req, res, n) =>
      n === 1 ? problem(res, 429, 'Too Many Requests', undefined, { 'retry-after': '3600' }) : json(res, 200, page([])));
    const started = performance.now();
    await client({ retry: { maxRetryAfter: 200 } }).alliances.list();
    expect(srv.seen).toHaveLength(2);
    const waited = srv.seen[1]!.at - srv.seen[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('does not retry 4xx answers other than 408 and 429', async () => {
    srv.on('GET /v1/alliances', (_req, res) => problem(res, 400, 'Bad Request', 'limit must be ≤ 500'));
    const error = await rejection(client().alliances.list({ limit: 20 }));
    expect((error as ApiError).status).toBe(400);
    expect(srv.seen).toHaveLength(1);
  });

  it('never retries a POST or a PATCH, but retries a PUT and a DELETE', async () => {
    const unavailable = (_req: unknown, res: Parameters<typeof json>[0]) =>
      problem(res, 503, 'Service Unavailable', undefined, { 'retry-after': '0' });
    srv.on('POST /v1/events', unavailable);
    srv.on('PATCH /v1/events/e1', unavailable);
    srv.on('PUT /v1/alliances/a/members/o1', unavailable);
    srv.on('DELETE /v1/events/e1', unavailable);
    const c = client({ apiKey: 'test-key-123456' });
    const input = { title: 'Netzwerktreffen', start: '2026-03-04T17:00:00+01:00', alliances: ['a'] };
    expect(((await rejection(c.events.create(input))) as ApiError).status).toBe(503);
    expect(((await rejection(c.events.update('e1', { status: 'cancelled' }))) as ApiError).status).toBe(503);
    expect(((await rejection(c.alliances.putMember('a', 'o1', { role: 'member' }))) as ApiError).status).toBe(503);
    expect(((await rejection(c.events.delete('e1'))) as ApiError).status).toBe(503);
    expect(srv.count('POST /v1/events')).toBe(1);
    expect(srv.count('PATCH /v1/events/e1')).toBe(1);
    expect(srv.count('PUT /v1/alliances/a/members/o1')).toBe(3);
    expect(srv.count('DELETE /v1/events/e1')).toBe(3);
  });

  it('gives a NotFoundError with the problem for a 404', async () => {
    srv.on('GET /v1/alliances/nirgendwo', (_req, res) => problem(res, 404, 'Not Found', 'No alliance "nirgendwo".'));
    const error = await rejection(client().alliances.get('nirgendwo'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(isNotFoundError(error) && isApiError(error) && isFkError(error)).toBe(true);
    expect((error as NotFoundError).name).toBe('NotFoundError');
    expect((error as NotFoundError).message).toBe(`GET ${srv.url}/v1/alliances/nirgendwo failed with 404 Not Found: No alliance "nirgendwo".`);
    expect(srv.seen).toHaveLength(1);
  });

  it('lists the rejected parameters of a 400 problem in the message', async () => {
    srv.on('GET /v1/events', (_req, res) => {
      res.writeHead(400, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, errors: [{ parameter: 'from', message: 'expected a date' }] }));
    });
    const error = (await rejection(client().events.list({ from: '2026-01-01' }))) as ApiError;
    expect(error.message).toContain('400 Bad Request (from: expected a date)');
    expect(error.problem?.errors).toEqual([{ parameter: 'from', message: 'expected a date' }]);
  });

  it('keeps the status when the error body is not a problem', async () => {
    srv.on('GET /v1/alliances/a', (_req, res) => {
      res.writeHead(403, 'Forbidden', { 'content-type': 'text/html' });
      res.end('<h1>nope</h1>');
    });
    const error = (await rejection(client().alliances.get('a'))) as ApiError;
    expect(error.status).toBe(403);
    expect(error.problem).toBeNull();
    expect(error.message).toBe(`GET ${srv.url}/v1/alliances/a failed with 403 Forbidden`);
  });
});

describe('time-outs, resets and aborts', () => {
  it('gives a TimeoutError when the server hangs', async () => {
    srv.on('GET /v1/alliances', () => undefined);
    const started = performance.now();
    const error = await rejection(client({ timeout: 300 }).alliances.list());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(isTimeoutError(error)).toBe(true);
    expect((error as TimeoutError).timeout).toBe(300);
    expect((error as TimeoutError).message).toBe(`GET ${srv.url}/v1/alliances: no response within 300 ms`);
    // Time-outs are not retried: the server was patient enough to answer once.
    expect(srv.seen).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('gives a NetworkError when the connection is reset, after retrying the GET', async () => {
    srv.on('GET /v1/alliances', (req) => req.socket.destroy());
    const error = await rejection(client().alliances.list());
    expect(error).toBeInstanceOf(NetworkError);
    expect(isNetworkError(error)).toBe(true);
    expect((error as NetworkError).message).toMatch(new RegExp(`^GET ${srv.url}/v1/alliances: network error \\(fetch failed`));
    expect((error as NetworkError).cause).toBeInstanceOf(Error);
    expect(srv.seen).toHaveLength(3);
  });

  it('gives a NetworkError when nothing listens', async () => {
    const closed = await startFaultyServer();
    const url = closed.url;
    await closed.close();
    const error = await rejection(createClient({ baseUrl: url, retry: 0 }).alliances.list());
    expect(isNetworkError(error)).toBe(true);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('reads a slow body that arrives within the time-out', async () => {
    srv.on('GET /v1/alliances/a', (_req, res) => {
      const text = JSON.stringify(alliance('a'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(text.slice(0, 40));
      setTimeout(() => res.end(text.slice(40)), 250);
    });
    const result = await client({ timeout: 1000 }).alliances.get('a');
    expect(result.name).toBe('Testallianz a');
  });

  it('gives a TimeoutError when the body stalls', async () => {
    srv.on('GET /v1/alliances/a', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"slug":"a",');
    });
    const error = await rejection(client({ timeout: 300 }).alliances.get('a'));
    expect(isTimeoutError(error)).toBe(true);
    expect((error as Error).message).toBe(`GET ${srv.url}/v1/alliances/a: the response body did not arrive within 300 ms`);
  });

  it('passes the caller\'s AbortError through untouched, while waiting for headers', async () => {
    srv.on('GET /v1/alliances', () => undefined);
    const controller = new AbortController();
    const pending = client().alliances.list(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe('AbortError');
    expect(isFkError(error)).toBe(false);
  });

  it('passes the caller\'s abort reason through while the body streams', async () => {
    srv.on('GET /v1/alliances/a', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"slug":');
    });
    const controller = new AbortController();
    const reason = new DOMException('the user left the page', 'AbortError');
    const pending = client().alliances.get('a', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 100);
    expect(await rejection(pending)).toBe(reason);
  });

  it('passes an abort of a write through untouched, and rejects at once when already aborted', async () => {
    srv.on('POST /v1/organisations', () => undefined);
    const c = client({ apiKey: 'test-key-123456' });
    const controller = new AbortController();
    const pending = c.organisations.create({ name: 'Gewerbeschule Lörrach', type: 'berufsschule' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(pending)).toBe(controller.signal.reason);
    const aborted = AbortSignal.abort();
    expect(await rejection(c.alliances.get('a', { signal: aborted }))).toBe(aborted.reason);
    expect(await rejection(c.events.delete('e1', { signal: aborted }))).toBe(aborted.reason);
  });
});

describe('bodies that do not match', () => {
  it('gives a ResponseValidationError for malformed JSON', async () => {
    srv.on('GET /v1/alliances', (_req, res) => json(res, 200, '{"items": [,]'));
    const error = await rejection(client().alliances.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(isResponseValidationError(error)).toBe(true);
    const e = error as ResponseValidationError;
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path).toBe('root');
    expect(e.message).toMatch(new RegExp(`^The response to GET ${srv.url}/v1/alliances does not match the API: root: not valid JSON`));
  });

  it('gives a ResponseValidationError for a body that is not JSON at all', async () => {
    srv.on('GET /v1/alliances', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Captive portal</title>');
    });
    const error = (await rejection(client().alliances.list())) as ResponseValidationError;
    expect(error.message).toContain('root: expected JSON, got text/html; charset=utf-8');
  });

  it('names the path of each schema violation, never a JSON dump', async () => {
    const items = [event(0), event(1), event(2), { ...event(3), start: 'morgen früh' }, { ...event(4), status: 'vielleicht' }];
    srv.on('GET /v1/events', (_req, res) => json(res, 200, page(items)));
    const error = (await rejection(client().events.list())) as ResponseValidationError;
    expect(error.issues).toEqual([
      { path: 'items[3].start', message: 'expected an ISO 8601 date-time with offset' },
      { path: 'items[4].status', message: 'expected one of "scheduled", "cancelled", "postponed", "rescheduled"' },
    ]);
    expect(error.status).toBe(200);
    expect(error.message).toBe(
      `The response to GET ${srv.url}/v1/events does not match the API: items[3].start: expected an ISO 8601 date-time with offset; ` +
      'items[4].status: expected one of "scheduled", "cancelled", "postponed", "rescheduled"',
    );
    expect(error.message).not.toContain('{');
  });

  it('lists the first five issues and counts the rest', async () => {
    const items = Array.from({ length: 8 }, (_, i) => ({ ...alliance(`a${i}`), kind: 'galaxy' }));
    srv.on('GET /v1/alliances', (_req, res) => json(res, 200, page(items)));
    const error = (await rejection(client().alliances.list())) as ResponseValidationError;
    expect(error.issues).toHaveLength(8);
    expect(error.message).toContain('items[4].kind');
    expect(error.message).not.toContain('items[5].kind');
    expect(error.message).toMatch(/\(and 3 more\)$/);
  });
});

describe('conditional requests and sharing', () => {
  const withEtag = () => {
    srv.on('GET /v1/alliances/a', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      json(res, 200, alliance('a'), { etag: '"v1"' });
    });
  };

  it('sends If-None-Match and serves the cached body on 304', async () => {
    withEtag();
    const c = client();
    const first = await c.alliances.get('a');
    const second = await c.alliances.get('a');
    expect(second).toEqual(first);
    expect(srv.seen.map((s) => s.headers['if-none-match'])).toEqual([undefined, '"v1"']);
    // Each caller gets its own copy: changing one does not change the cache.
    second.name = 'changed';
    expect((await c.alliances.get('a')).name).toBe('Testallianz a');
  });

  it('does not cache with cache: false, and evicts the least recently used entry', async () => {
    withEtag();
    srv.on('GET /v1/alliances/b', (_req, res) => json(res, 200, alliance('b'), { etag: '"b1"' }));
    const off = client({ cache: false });
    await off.alliances.get('a');
    await off.alliances.get('a');
    expect(srv.seen.map((s) => s.headers['if-none-match'])).toEqual([undefined, undefined]);
    srv.seen.length = 0;
    const small = client({ cache: { maxEntries: 1 } });
    await small.alliances.get('a');
    await small.alliances.get('b');
    await small.alliances.get('a');
    expect(srv.seen.map((s) => s.headers['if-none-match'])).toEqual([undefined, undefined, undefined]);
  });

  it('treats a 304 it did not ask for as an invalid response', async () => {
    srv.on('GET /v1/alliances/a', (_req, res) => {
      res.writeHead(304);
      res.end();
    });
    const error = (await rejection(client().alliances.get('a'))) as ResponseValidationError;
    expect(error.message).toContain('304 Not Modified, but nothing was cached');
  });

  it('shares one request among identical GETs in flight', async () => {
    srv.on('GET /v1/alliances/a', (_req, res) => {
      setTimeout(() => json(res, 200, alliance('a')), 100);
    });
    const c = client();
    const results = await Promise.all(Array.from({ length: 10 }, () => c.alliances.get('a')));
    expect(srv.seen).toHaveLength(1);
    expect(new Set(results.map((r) => r.slug))).toEqual(new Set(['a']));
    // Shared, but not the same object: one caller's changes stay its own.
    expect(new Set(results).size).toBe(10);
    await c.alliances.get('a');
    expect(srv.seen).toHaveLength(2);
  });

  it('lets one caller abort a shared request without affecting the others', async () => {
    srv.on('GET /v1/alliances/a', (_req, res) => {
      setTimeout(() => json(res, 200, alliance('a')), 150);
    });
    const c = client();
    const controller = new AbortController();
    const leaving = c.alliances.get('a', { signal: controller.signal });
    const staying = c.alliances.get('a');
    setTimeout(() => controller.abort(), 30);
    expect(await rejection(leaving)).toBe(controller.signal.reason);
    expect((await staying).slug).toBe('a');
    expect(srv.seen).toHaveLength(1);
  });

  it('cancels a shared request when every caller aborts, and starts afresh for the next', async () => {
    srv.on('GET /v1/alliances/a', (_req, res, n) => {
      if (n === 1) return; // hangs until aborted
      json(res, 200, alliance('a'));
    });
    const c = client();
    const a = new AbortController();
    const b = new AbortController();
    const first = c.alliances.get('a', { signal: a.signal });
    const second = c.alliances.get('a', { signal: b.signal });
    setTimeout(() => {
      a.abort();
      b.abort();
    }, 30);
    expect(await rejection(first)).toBe(a.signal.reason);
    expect(await rejection(second)).toBe(b.signal.reason);
    expect((await c.alliances.get('a')).slug).toBe('a');
    expect(srv.seen).toHaveLength(2);
  });

  it('does not share writes', async () => {
    srv.on('DELETE /v1/events/e1', (_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const c = client({ apiKey: 'test-key-123456' });
    await Promise.all([c.events.delete('e1'), c.events.delete('e1')]);
    expect(srv.count('DELETE /v1/events/e1')).toBe(2);
  });
});

describe('the API key', () => {
  const key = 'fk_live_5ecret0000key1111abcd';
  const leaks = (error: unknown): string[] => {
    const e = error as Error;
    const places: Record<string, string> = {
      message: e.message,
      stack: String(e.stack),
      json: JSON.stringify(e),
      inspect: inspect(e, { depth: 10, showHidden: true }),
      cause: inspect(e.cause, { depth: 10, showHidden: true }),
      string: String(e),
    };
    return Object.entries(places).filter(([, text]) => text.includes(key) || text.includes('5ecret')).map(([where]) => where);
  };

  it('is sent as a bearer token', async () => {
    srv.on('GET /v1/alliances/a', (_req, res) => json(res, 200, alliance('a')));
    await client({ apiKey: key }).alliances.get('a');
    expect(srv.seen[0]!.headers.authorization).toBe(`Bearer ${key}`);
  });

  it('never appears in an error, even when the server echoes it', async () => {
    const c = client({ apiKey: key, retry: 0, timeout: 300 });
    srv.on('GET /v1/alliances/echo', (req, res) =>
      problem(res, 401, 'Unauthorized', `invalid credentials: ${String(req.headers.authorization)}`));
    srv.on('GET /v1/alliances/raw', (req, res) => json(res, 200, `{"broken": "${String(req.headers.authorization)}`));
    srv.on('GET /v1/alliances/field', (req, res) => json(res, 200, { ...alliance('a'), kind: String(req.headers.authorization) }));
    srv.on('POST /v1/events', (req, res) => {
      res.writeHead(400, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'x', title: `Bad key ${key}`, status: 400, errors: [{ parameter: 'authorization', message: String(req.headers.authorization) }] }));
    });
    srv.on('GET /v1/alliances/reset', (req) => req.socket.destroy());
    srv.on('GET /v1/alliances/hang', () => undefined);

    const errors = [
      await rejection(c.alliances.get('echo')),
      await rejection(c.alliances.get('raw')),
      await rejection(c.alliances.get('field')),
      await rejection(c.events.create({ title: 'x', start: '2026-03-04T17:00:00+01:00', alliances: ['a'] })),
      await rejection(c.alliances.get('reset')),
      await rejection(c.alliances.get('hang')),
    ];
    expect(errors.map((e) => (e as Error).name)).toEqual([
      'ApiError', 'ResponseValidationError', 'ResponseValidationError', 'ApiError', 'NetworkError', 'TimeoutError',
    ]);
    // The server did see the key, so a leak would have something to leak.
    expect(srv.seen.every((s) => s.headers.authorization === `Bearer ${key}`)).toBe(true);
    for (const error of errors) expect(leaks(error)).toEqual([]);
    expect((errors[0] as ApiError).problem?.detail).toBe('invalid credentials: Bearer ***');
    expect((errors[3] as ApiError).message).toContain('Bad key ***');
  });

  it('is redacted when passed as an Authorization header and from URLs', async () => {
    const c = createClient({ baseUrl: `http://user:pw123456@127.0.0.1:1/?token=${key}`, headers: { Authorization: `Token ${key}` }, retry: 0 });
    const error = await rejection(c.alliances.get('a'));
    expect(isNetworkError(error)).toBe(true);
    expect(leaks(error)).toEqual([]);
    expect((error as NetworkError).url).toBe('http://***:***@127.0.0.1:1/v1/alliances/a');
  });
});

describe('client options and writes', () => {
  it('rejects bad options with a clear TypeError', () => {
    expect(() => createClient(undefined as unknown as ClientOptions)).toThrow(/expected options/);
    expect(() => createClient({ baseUrl: '' })).toThrow(/`baseUrl` is required/);
    expect(() => createClient({ baseUrl: '/api' })).toThrow(/must be an absolute URL such as "https:\/\/api.example.org", got "\/api"/);
    expect(() => createClient({ baseUrl: 'ftp://example.org' })).toThrow(/must be an http\(s\) URL/);
    expect(() => createClient({ baseUrl: srv.url, timeout: -1 })).toThrow('`timeout` must be a number ≥ 1, got -1');
    expect(() => createClient({ baseUrl: srv.url, retry: { limit: Number.NaN } })).toThrow(/retry.limit/);
    expect(() => createClient({ baseUrl: srv.url, cache: { maxEntries: 0 } })).toThrow(/cache.maxEntries/);
    expect(() => createClient({ baseUrl: srv.url, apiKey: '' })).toThrow(/apiKey/);
  });

  it('accepts a base URL with /v1 and a trailing slash, and builds feed URLs', () => {
    const c = createClient({ baseUrl: 'https://api.example.org/fk/v1/' });
    expect(c.alliances.membersGeoJsonUrl('fachkraefteallianz-suedwest'))
      .toBe('https://api.example.org/fk/v1/alliances/fachkraefteallianz-suedwest/members.geojson');
    expect(c.events.icsUrl({ alliance: ['a', 'b'], category: [], status: ['scheduled'], from: '2026-01-01' }))
      .toBe('https://api.example.org/fk/v1/events.ics?alliance=a,b&from=2026-01-01&status=scheduled');
    expect(c.events.icsUrl()).toBe('https://api.example.org/fk/v1/events.ics');
    expect(c.events.eventIcsUrl('a b/c')).toBe('https://api.example.org/fk/v1/events/a%20b%2Fc.ics');
  });

  it('resolves a relative base URL against the page in a browser', () => {
    const global = globalThis as { location?: { href: string } };
    global.location = { href: 'https://www.loerrach-landkreis.de/wirtschaft/fachkraefte' };
    try {
      const c = createClient({ baseUrl: '/api' });
      expect(c.alliances.membersGeoJsonUrl('a')).toBe('https://www.loerrach-landkreis.de/api/v1/alliances/a/members.geojson');
    } finally {
      delete global.location;
    }
  });

  it('refuses writes without an API key, before sending anything', async () => {
    const c = client();
    const error = await rejection(c.events.delete('e1'));
    expect(error).toBeInstanceOf(FkError);
    expect((error as Error).message).toBe('DELETE /events/e1 changes data and needs an API key: createClient({ baseUrl, apiKey })');
    expect(srv.seen).toHaveLength(0);
  });

  it('sends writes as JSON and validates the answer', async () => {
    srv.on('PATCH /v1/events/e1', (req, res) => json(res, 200, { ...event(1), id: 'e1', ...JSON.parse(req.body) }));
    srv.on('PUT /v1/alliances/a/members/o1', (req, res) =>
      json(res, 200, { alliance: 'a', organisation: 'o1', since: null, ...JSON.parse(req.body) }));
    const c = client({ apiKey: 'test-key-123456' });
    const updated = await c.events.update('e1', { status: 'cancelled' });
    expect(updated.status).toBe('cancelled');
    expect(srv.seen[0]!.headers['content-type']).toBe('application/json');
    expect(await c.alliances.putMember('a', 'o1', { role: 'lead', since: '2013-04' }))
      .toEqual({ alliance: 'a', organisation: 'o1', role: 'lead', since: '2013-04' });
  });

  it('rejects an empty id before sending', async () => {
    const error = await rejection(client().alliances.get(''));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('expected a non-empty id or slug, got an empty string');
  });

  it('stops iterating when the API repeats a cursor', async () => {
    srv.on('GET /v1/organisations', (_req, res) => json(res, 200, page([], 'same')));
    const seen: unknown[] = [];
    const error = await rejection((async () => {
      for await (const org of client().organisations.iterate({ limit: 1 })) seen.push(org);
    })());
    expect(isFkError(error)).toBe(true);
    expect((error as Error).message).toContain('returned the cursor "same" twice');
    expect(srv.seen.map((s) => s.url)).toEqual(['/v1/organisations?limit=1', '/v1/organisations?cursor=same&limit=1']);
  });
});
