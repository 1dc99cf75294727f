// HTTP behaviour that caches, browsers and careless or hostile clients rely on: ETags and 304s,
// Cache-Control, CORS, 404/405, and a 400 naming the parameter for every malformed request —
// never a 500 or a stack trace for a client's own mistake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoInternals, expectProblem, LUDWIGSBURG, request, startTestServer, SUEDWEST, type TestServer,
} from './helpers.js';

const LISTED_ORIGIN = 'https://www.gemeinde-beispiel.de';
const OTHER_ORIGIN = 'https://evil.example';

let t: TestServer;
let base: string;
const get = (path: string, headers: Record<string, string> = {}) => request(base, path, { headers });

beforeAll(async () => {
  t = await startTestServer(['seed', 'upcoming'], { corsWriteOrigins: [LISTED_ORIGIN] });
  base = t.srv.url;
});
afterAll(() => t.srv.close());

/** Every GET resource of the API (`/healthz` is apart: a health check must not be cached). */
const GETS = [
  '/v1/alliances',
  '/v1/alliances?state=DE-BW',
  `/v1/alliances/${SUEDWEST}`,
  `/v1/alliances/${SUEDWEST}/members`,
  `/v1/alliances/${SUEDWEST}/members.geojson`,
  '/v1/organisations',
  '/v1/organisations/landkreis-loerrach',
  '/v1/events',
  '/v1/events/suedwest-jahresvollversammlung-2016',
  '/v1/events.ics',
  '/v1/events/suedwest-jahresvollversammlung-2016.ics',
  '/v1/focus-areas',
  '/v1/openapi.json',
];

describe('caching', () => {
  it.each(GETS)('%s carries an ETag and public Cache-Control, and answers If-None-Match with 304', async (path) => {
    const first = await get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
    const cc = first.headers.get('cache-control') ?? '';
    expect(cc).toMatch(/(^|, )public(,|$)/);
    expect(cc).toMatch(/max-age=\d+/);
    expect(cc).toMatch(/stale-while-revalidate=\d+/);

    const again = await get(path, { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(cc);

    // Another (or a stale) tag gets the full answer again, with the same tag as before.
    const stale = await get(path, { 'If-None-Match': '"not-the-tag"' });
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(first.text);
    expect(stale.headers.get('etag')).toBe(etag);
  });

  it('matches If-None-Match weakly and in lists, as RFC 9110 asks of caches', async () => {
    const etag = (await get('/v1/events')).headers.get('etag')!;
    expect((await get('/v1/events', { 'If-None-Match': `W/${etag}` })).status).toBe(304);
    expect((await get('/v1/events', { 'If-None-Match': `"other", ${etag}` })).status).toBe(304);
    expect((await get('/v1/events', { 'If-None-Match': '*' })).status).toBe(304);
  });

  it('gives different representations different ETags', async () => {
    const a = await get('/v1/alliances?state=DE-BW');
    const b = await get('/v1/alliances?state=DE-NI');
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
  });

  it('takes the max-age from the maxAge option', async () => {
    const other = await startTestServer(['seed'], { maxAge: 17 });
    try {
      const res = await request(other.srv.url, '/v1/alliances');
      expect(res.headers.get('cache-control')).toBe('public, max-age=17, stale-while-revalidate=17');
    } finally {
      await other.srv.close();
    }
  });

  it('never lets a cache keep an error or the health check', async () => {
    expect((await get('/v1/alliances/gibt-es-nicht')).headers.get('cache-control')).toBe('no-store');
    expect((await get('/v1/alliances?limit=0')).headers.get('cache-control')).toBe('no-store');
    expect((await get('/healthz')).headers.get('cache-control')).toBe('no-store');
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await request(base, '/v1/alliances', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers.get('etag')).toBe((await get('/v1/alliances')).headers.get('etag'));
  });
});

describe('CORS', () => {
  it('lets any origin read', async () => {
    const res = await get('/v1/alliances', { Origin: OTHER_ORIGIN });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag/);
  });

  it('allows a preflight for GET from any origin', async () => {
    const res = await request(base, '/v1/events', {
      method: 'OPTIONS',
      headers: { Origin: OTHER_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/GET/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/i);
  });

  it('refuses a write preflight from an origin that is not listed', async () => {
    const res = await request(base, '/v1/events/x', {
      method: 'OPTIONS',
      headers: { Origin: OTHER_ORIGIN, 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('allows a write preflight from a listed origin, and only for that origin', async () => {
    const res = await request(base, '/v1/events/x', {
      method: 'OPTIONS',
      headers: { Origin: LISTED_ORIGIN, 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/PATCH/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('marks a write answer readable for a listed origin only', async () => {
    const write = (origin: string) => request(base, '/v1/events', {
      method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{}',
    });
    const listed = await write(LISTED_ORIGIN);
    expect(listed.status).toBe(401);
    expect(listed.headers.get('access-control-allow-origin')).toBe(LISTED_ORIGIN);
    const other = await write(OTHER_ORIGIN);
    expect(other.status).toBe(401);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('closes writes to every origin by default', async () => {
    const closed = await startTestServer(['seed']);
    try {
      const res = await request(closed.srv.url, '/v1/events/x', {
        method: 'OPTIONS', headers: { Origin: LISTED_ORIGIN, 'Access-Control-Request-Method': 'DELETE' },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await closed.srv.close();
    }
  });
});

describe('routes and methods', () => {
  it.each(['/v1/nope', '/v1', '/v2/alliances', '/nope', `/v1/alliances/${SUEDWEST}/members/x/y`, '/v1/events.json'])(
    'answers the unknown route %s with a 404 problem', async (path) => {
      const res = await get(path);
      expectProblem(res, 404);
      expect(res.json.instance).toBe(path);
    });

  it.each([
    ['DELETE', '/v1/alliances', 'GET, HEAD, POST'],
    ['POST', `/v1/alliances/${SUEDWEST}`, 'GET, HEAD, PATCH, DELETE'],
    ['GET', `/v1/alliances/${SUEDWEST}/imports`, 'POST'],
    ['PUT', '/v1/keys', 'GET, HEAD, POST'],
    ['GET', '/v1/keys/abc', 'DELETE'],
    ['POST', '/v1/changes', 'GET, HEAD'],
    ['GET', '/v1/data-sets', 'POST'],
    ['PUT', '/v1/events', 'GET, HEAD, POST'],
    ['POST', '/v1/events/x', 'GET, HEAD, PATCH, DELETE'],
    ['DELETE', '/v1/events.ics', 'GET, HEAD'],
    ['GET', `/v1/alliances/${SUEDWEST}/members/landkreis-loerrach`, 'PUT, DELETE'],
    ['POST', '/v1/openapi.json', 'GET, HEAD'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const res = await request(base, path, { method });
    expectProblem(res, 405);
    expect(res.headers.get('allow')).toBe(allow);
  });
});

describe('bad parameters', () => {
  it.each([
    ['/v1/alliances?foo=1', 'foo'],
    ['/v1/alliances?State=DE-BW', 'State'],
    [`/v1/alliances/${SUEDWEST}?q=x`, 'q'],
    ['/v1/events/suedwest-jahresvollversammlung-2016.ics?x=1', 'x'],
    ['/v1/openapi.json?format=yaml', 'format'],
    ['/healthz?verbose=1', 'verbose'],
    ['/v1/organisations?alliances=x', 'alliances'],
  ])('answers the unknown parameter in %s with 400 naming %s', async (path, parameter) => {
    expectProblem(await get(path), 400, [parameter]);
  });

  it.each([
    ['/v1/alliances?limit=0', 'limit'],
    ['/v1/alliances?limit=501', 'limit'],
    ['/v1/alliances?limit=abc', 'limit'],
    ['/v1/alliances?limit=1.5', 'limit'],
    ['/v1/alliances?limit=-1', 'limit'],
    ['/v1/alliances?limit=99999999999999999999', 'limit'],
    ['/v1/events?limit=', 'limit'],
    ['/v1/alliances?state=XX', 'state'],
    ['/v1/alliances?state=de-bw', 'state'],
    ['/v1/alliances?kind=', 'kind'],
    ['/v1/alliances?kind=county', 'kind'],
    ['/v1/alliances?state=DE-BW&state=DE-NI', 'state'],
    ['/v1/alliances?q=a&q=b', 'q'],
    ['/v1/alliances?q=', 'q'],
    ['/v1/events?from=yesterday', 'from'],
    ['/v1/events?from=2026-02-30', 'from'],
    ['/v1/events?to=2026-13-01', 'to'],
    ['/v1/events?from=2026-01-01T10:00:00', 'from'], // a date-time needs its offset
    ['/v1/events?from=2026-01-01&from=2026-02-01', 'from'],
    ['/v1/events?category=party', 'category'],
    ['/v1/events?status=done', 'status'],
    ['/v1/events?alliance=a,,b', 'alliance'],
    ['/v1/events?alliance=Not%20A%20Slug', 'alliance'],
    [`/v1/events?alliance=${Array.from({ length: 60 }, (_, i) => `a${i}`).join(',')}`, 'alliance'],
    ['/v1/events.ics?limit=10', 'limit'],
    ['/v1/events.ics?cursor=abc', 'cursor'],
    ['/v1/events.ics?from=gestern', 'from'],
    [`/v1/alliances/${SUEDWEST}/members?type=`, 'type'],
    ['/v1/focus-areas?limit=0', 'limit'],
  ])('answers %s with 400 naming %s', async (path, parameter) => {
    const res = await get(path);
    expectProblem(res, 400, [parameter]);
    expect(res.json.detail).toContain(parameter);
  });

  it('names every bad parameter of one request', async () => {
    const res = await get('/v1/events?limit=0&foo=1&status=done');
    expectProblem(res, 400, ['foo']);
  });

  it.each([
    '/v1/alliances/Fachkraefteallianz-Suedwest',
    '/v1/alliances/a--b',
    '/v1/alliances/-a',
    `/v1/alliances/${'a'.repeat(81)}`,
    '/v1/alliances/%C3%BCber/members',
    '/v1/alliances/a_b/members.geojson',
    '/v1/organisations/Landkreis%20L%C3%B6rrach',
    '/v1/events/..%2F..%2Fetc%2Fpasswd',
    '/v1/events/UPPER.ics',
  ])('answers the malformed path %s with 400', async (path) => {
    const res = await get(path);
    expectProblem(res, 400);
    expect(res.json.errors[0].parameter).toMatch(/^(slug|id)$/);
  });
});

describe('hostile input', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const HOSTILE = [
    '/v1/alliances?q=%00',
    '/v1/events?q=a%00b',
    '/v1/alliances/%00',
    '/v1/alliances/%00/members',
    '/v1/events/%00.ics',
    '/v1/organisations?q=%',
    '/v1/organisations?q=_',
    '/v1/alliances?q=%25',
    '/v1/alliances?q=%5C',
    '/v1/alliances?q=%E0%A4%A',
    '/v1/alliances/%E0%A4%A',
    '/v1/alliances?q=%F0%9F%98%80',
    '/v1/alliances/%F0%9F%98%80',
    '/v1/alliances?q=%ED%A0%80',
    `/v1/alliances?q=${'a'.repeat(10_000)}`,
    `/v1/alliances?${'k'.repeat(10_000)}=1`,
    `/v1/events?${Array.from({ length: 1200 }, (_, i) => `x${i}=1`).join('&')}`,
    `/v1/events?cursor=${'A'.repeat(5000)}`,
    `/v1/events?cursor=${b64(['1', 'x'])}`,
    `/v1/events?cursor=${b64(['2026-01-01T00:00:00.000Z', { a: 1 }])}`,
    `/v1/alliances?cursor=${b64([1e308, -1])}`,
    `/v1/focus-areas?cursor=${b64([-5])}`,
    `/v1/focus-areas?cursor=${b64([1e300])}`,
    `/v1/alliances?q=${encodeURIComponent("'; drop table alliances; --")}`,
    `/v1/organisations?alliance=${encodeURIComponent("x' or '1'='1")}`,
    `/v1/events?status=${encodeURIComponent('scheduled); delete from events; --')}`,
    '/v1/alliances?__proto__=1',
    '/v1/alliances?constructor=1',
    '/v1/alliances?toString=x',
    '/v1/events?hasOwnProperty=1',
    '/v1/alliances?state[]=DE-BW',
    '/v1/events?from=0000-01-01',
    '/v1/events?to=9999-12-31',
    '/v1/events?from=275760-09-13',
    '/v1/events?from=2026-01-01T25:00:00Z',
    '/v1/events?limit=0x10',
    '/v1/events?limit=1e2',
    '/v1/events?limit=%20%2050',
  ];

  it.each(HOSTILE)('answers %s without a 500 or internals', async (path) => {
    const res = await get(path);
    expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(200);
    expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
    if (res.status >= 400) expectProblem(res, res.status);
    expectNoInternals(res);
  });

  it('treats LIKE wildcards and SQL in q as plain text', async () => {
    expect((await get('/v1/organisations?q=%25')).json.items).toEqual([]);
    expect((await get('/v1/organisations?q=_')).json.items).toEqual([]);
    expect((await get(`/v1/alliances?q=${encodeURIComponent("'; drop table alliances; --")}`)).json.items).toEqual([]);
    // The table is still there.
    expect((await get('/v1/alliances')).json.items).toHaveLength(6);
  });

  it('has logged no 5xx for any of it', () => {
    const failures = t.lines.filter((l) => l.status >= 500);
    expect(failures).toEqual([]);
  });
});

describe('request log', () => {
  it('writes one structured line per request with method, path, status and duration', async () => {
    const before = t.lines.length;
    await get(`/v1/alliances/${LUDWIGSBURG}/members?limit=3`);
    const line = t.lines.at(-1)!;
    expect(t.lines.length).toBe(before + 1);
    expect(line).toMatchObject({ method: 'GET', path: `/v1/alliances/${LUDWIGSBURG}/members?limit=3`, status: 200, level: 'info' });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(line.time))).toBe(false);
  });
});
