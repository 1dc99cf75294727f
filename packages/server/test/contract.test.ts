// The contract: every answer of a broad sweep of requests (reads, writes, errors) must be one the
// server's own OpenAPI document declares — the status for that path and method, the content type,
// and for JSON bodies the schema, checked with ajv against the document served at /v1/openapi.json.
// Named imports: both packages are CommonJS, whose default export TypeScript types as the module.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, LEINE_WESER, LUDWIGSBURG, request, startTestServer, SUEDWEST, type TestServer } from './helpers.js';

type Json = Record<string, any>;

let t: TestServer;
let base: string;
let doc: Json;
let ajv: Ajv2020;
let templates: { path: string; re: RegExp; literal: number }[];
let admin: string;
let suedwest: string;

const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

beforeAll(async () => {
  t = await startTestServer(['seed', 'upcoming']);
  base = t.srv.url;
  admin = await t.srv.createApiKey('admin');
  suedwest = await t.srv.createApiKey(SUEDWEST);
  const res = await request(base, '/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.json;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi');
  templates = Object.keys(doc.paths).map((path) => ({
    path,
    re: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    literal: path.replace(/\{[^}]+\}/g, '').length,
  }));
});
afterAll(() => t.srv.close());

/** The OpenAPI path template a concrete path belongs to; the most literal one wins (`{id}.ics` over `{id}`). */
function templateOf(pathname: string): string | null {
  const matches = templates.filter((tpl) => tpl.re.test(pathname)).sort((a, b) => b.literal - a.literal);
  return matches[0]?.path ?? null;
}

/** Every way the answer breaks the contract; empty when it keeps it. */
function violations(method: string, url: string, res: Answer): string[] {
  const pathname = new URL(url, base).pathname;
  const template = templateOf(pathname);
  if (!template) return [`${method} ${url}: ${pathname} is not a path of the document`];
  const operation = doc.paths[template][method.toLowerCase()];
  if (!operation) return [`${method} ${url}: ${template} has no ${method} operation`];
  const declared = operation.responses[String(res.status)];
  if (!declared) return [`${method} ${url}: status ${res.status} is not declared for ${method} ${template} (declared: ${Object.keys(operation.responses).join(', ')})`];
  if (res.status === 204 || res.status === 304) return res.text === '' ? [] : [`${method} ${url}: ${res.status} with a body`];
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const content = declared.content ?? {};
  if (!(mediaType in content)) return [`${method} ${url}: ${res.status} as ${mediaType} is not declared (declared: ${Object.keys(content).join(', ') || 'no body'})`];
  if (!/json/.test(mediaType)) return [];
  const ref = `openapi#/paths/${pointer(template)}/${method.toLowerCase()}/responses/${res.status}/content/${pointer(mediaType)}/schema`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  if (validate(JSON.parse(res.text))) return [];
  return (validate.errors ?? []).slice(0, 5).map((e: { instancePath: string; message?: string; params: unknown }) => `${method} ${url} ${res.status}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Sends a request and returns the contract violations of its answer (and the answer). */
async function check(method: string, path: string, options: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.Authorization = `Bearer ${options.key}`;
  if (options.body !== undefined && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
  const res = await request(base, path, {
    method, headers,
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  return { res, problems: violations(method, path, res) };
}

const READS: [string, number][] = [
  ['/v1/alliances', 200],
  ['/v1/alliances?state=DE-NI&kind=regional', 200],
  ['/v1/alliances?q=lorrach&limit=1', 200],
  ['/v1/alliances?limit=2', 200],
  ['/v1/alliances?limit=0', 400],
  ['/v1/alliances?state=XX', 400],
  ['/v1/alliances?unknown=1', 400],
  ['/v1/alliances?cursor=nonsense', 400],
  [`/v1/alliances/${SUEDWEST}`, 200],
  [`/v1/alliances/${LEINE_WESER}`, 200],
  ['/v1/alliances/gibt-es-nicht', 404],
  ['/v1/alliances/Bad_Slug', 400],
  [`/v1/alliances/${SUEDWEST}?x=1`, 400],
  [`/v1/alliances/${SUEDWEST}/members`, 200],
  [`/v1/alliances/${LUDWIGSBURG}/members?type=landkreis,jobcenter&q=ludwigsburg`, 200],
  [`/v1/alliances/${SUEDWEST}/members?limit=3`, 200],
  [`/v1/alliances/${SUEDWEST}/members?type=kirche`, 400],
  ['/v1/alliances/gibt-es-nicht/members', 404],
  [`/v1/alliances/${SUEDWEST}/members.geojson`, 200],
  ['/v1/alliances/gibt-es-nicht/members.geojson', 404],
  [`/v1/alliances/${SUEDWEST}/members.geojson?x=1`, 400],
  ['/v1/organisations', 200],
  [`/v1/organisations?alliance=${SUEDWEST}&type=landkreis&q=waldshut`, 200],
  ['/v1/organisations?limit=5', 200],
  ['/v1/organisations?type=x', 400],
  ['/v1/organisations/landkreis-loerrach', 200],
  ['/v1/organisations/amt-fuer-regionale-landesentwicklung-leine-weser', 200],
  ['/v1/organisations/gibt-es-nicht', 404],
  ['/v1/organisations/BAD', 400],
  ['/v1/events', 200],
  ['/v1/events?limit=500', 200],
  ['/v1/events?limit=3', 200],
  [`/v1/events?from=2026-01-01&to=2030-12-31&alliance=${SUEDWEST},${LEINE_WESER}&status=scheduled,cancelled&q=beispiel`, 200],
  ['/v1/events?category=vollversammlung', 200],
  ['/v1/events?from=yesterday', 400],
  ['/v1/events?status=a&status=b', 400],
  ['/v1/events?limit=abc', 400],
  ['/v1/events/suedwest-jahresvollversammlung-2016', 200],
  ['/v1/events/beispiel-sprechstunde-fachkraeftesicherung-leine-weser', 200],
  ['/v1/events/gibt-es-nicht', 404],
  ['/v1/events/Bad_Id', 400],
  ['/v1/events.ics', 200],
  [`/v1/events.ics?alliance=${SUEDWEST}`, 200],
  ['/v1/events.ics?limit=5', 400],
  ['/v1/events.ics?from=x', 400],
  ['/v1/events/suedwest-jahresvollversammlung-2016.ics', 200],
  ['/v1/events/gibt-es-nicht.ics', 404],
  ['/v1/events/BAD.ics', 400],
  ['/v1/focus-areas', 200],
  ['/v1/focus-areas?limit=2', 200],
  ['/v1/focus-areas?q=x', 400],
  ['/v1/focus-areas?cursor=AAAA', 400],
  ['/v1/openapi.json', 200],
  ['/v1/openapi.json?x=1', 400],
  ['/healthz', 200],
  ['/healthz?x=1', 400],
];

describe('contract: reads', () => {
  it('the document is OpenAPI 3.1 with a response schema for every JSON answer', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, ops] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(ops as Json)) {
        for (const [status, response] of Object.entries((op as Json).responses as Json)) {
          for (const [type, media] of Object.entries(((response as Json).content ?? {}) as Json)) {
            expect((media as Json).schema, `${method} ${path} ${status} ${type}`).toBeDefined();
          }
        }
      }
    }
  });

  it.each(READS)('GET %s → %i, as declared', async (path, status) => {
    const { res, problems } = await check('GET', path);
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    expect(problems).toEqual([]);
  });

  it('304 answers are declared too', async () => {
    for (const path of ['/v1/alliances', '/v1/events.ics', `/v1/alliances/${SUEDWEST}/members.geojson`, '/v1/focus-areas']) {
      const first = await request(base, path);
      const { res, problems } = await check('GET', path, { headers: { 'If-None-Match': first.headers.get('etag')! } });
      expect(res.status).toBe(304);
      expect(problems).toEqual([]);
    }
  });

  it('every page of every list keeps the contract', async () => {
    for (const list of ['/v1/alliances?limit=2', '/v1/organisations?limit=10', '/v1/events?limit=7', `/v1/alliances/${SUEDWEST}/members?limit=9`]) {
      let cursor: string | null = null;
      do {
        const path: string = cursor ? `${list}&cursor=${encodeURIComponent(cursor)}` : list;
        const { res, problems } = await check('GET', path);
        expect(res.status).toBe(200);
        expect(problems).toEqual([]);
        cursor = res.json.nextCursor;
      } while (cursor);
    }
  });
});

describe('contract: writes', () => {
  const event = {
    id: 'vertrag-test', title: 'Vertragstest', start: '2030-02-01T10:00:00+01:00', end: '2030-02-01T12:00:00+01:00',
    alliances: [SUEDWEST], categories: ['workshop'], venue: { name: 'Rathaus', address: { streetAddress: 'Marktplatz 1', postalCode: '79539', locality: 'Lörrach', countryCode: 'DE' }, position: { lat: 47.61, lon: 7.66 } },
    recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3', exdates: ['2030-02-08'] }, registrationUrl: 'https://www.example.org/anmeldung',
  };
  // A function: the keys exist only once beforeAll has run.
  const steps = (): [string, string, { key?: string; body?: unknown; headers?: Record<string, string> }, number][] => [
    ['POST', '/v1/events', { body: event }, 401],
    ['POST', '/v1/events', { key: 'not-a-key-at-all-really', body: event }, 401],
    ['POST', '/v1/events', { key: suedwest, body: { ...event, alliances: [LUDWIGSBURG] } }, 403],
    ['POST', '/v1/events', { key: suedwest, body: event }, 201],
    ['POST', '/v1/events', { key: suedwest, body: event }, 409],
    ['POST', '/v1/events', { key: suedwest, body: { ...event, id: undefined, title: 'Zweiter Test', allDay: true, start: '2030-03', end: null, recurrence: null } }, 201],
    ['POST', '/v1/events', { key: suedwest, body: { ...event, colour: 'red' } }, 400],
    ['POST', '/v1/events', { key: suedwest, body: '{' }, 400],
    ['POST', '/v1/events', { key: suedwest, body: 'x', headers: { 'Content-Type': 'text/plain' } }, 415],
    ['POST', '/v1/events', { key: suedwest, body: { ...event, description: 'x'.repeat(70_000) } }, 413],
    ['PATCH', '/v1/events/vertrag-test', { key: suedwest, body: { status: 'postponed' } }, 200],
    ['PATCH', '/v1/events/vertrag-test', { key: suedwest, body: { end: '2030-01-01T00:00:00+01:00' } }, 400],
    ['PATCH', '/v1/events/vertrag-test', { key: suedwest, body: 'x', headers: { 'Content-Type': 'text/plain' } }, 415],
    ['PATCH', '/v1/events/beispiel-netzwerktreffen-ludwigsburg', { key: suedwest, body: { title: 'x' } }, 403],
    ['PATCH', '/v1/events/gibt-es-nicht', { key: suedwest, body: { title: 'x' } }, 404],
    ['PATCH', '/v1/events/vertrag-test', { body: { title: 'x' } }, 401],
    ['DELETE', '/v1/events/beispiel-netzwerktreffen-ludwigsburg', { key: suedwest }, 403],
    ['DELETE', '/v1/events/vertrag-test', { key: suedwest }, 204],
    ['DELETE', '/v1/events/vertrag-test', { key: suedwest }, 404],
    ['DELETE', '/v1/events/vertrag-test', {}, 401],
    ['POST', '/v1/organisations', { key: suedwest, body: { id: 'vertrag-gmbh', name: 'Vertrag GmbH', type: 'unternehmen', address: { streetAddress: null, postalCode: null, locality: 'Lörrach', countryCode: 'DE' }, website: 'https://www.example.org/' } }, 201],
    ['POST', '/v1/organisations', { key: suedwest, body: { id: 'vertrag-gmbh', name: 'Vertrag GmbH', type: 'unternehmen' } }, 409],
    ['POST', '/v1/organisations', { key: suedwest, body: { name: 'x', type: 'unbekannt' } }, 400],
    ['POST', '/v1/organisations', { body: { name: 'x', type: 'sonstige' } }, 401],
    ['PATCH', '/v1/organisations/vertrag-gmbh', { key: admin, body: { aliases: ['V'] } }, 200],
    ['PUT', `/v1/alliances/${SUEDWEST}/members/vertrag-gmbh`, { key: suedwest, body: { role: 'member', since: '2030' } }, 201],
    ['PUT', `/v1/alliances/${SUEDWEST}/members/vertrag-gmbh`, { key: suedwest, body: { role: 'lead' } }, 200],
    ['PUT', `/v1/alliances/${SUEDWEST}/members/vertrag-gmbh`, { key: suedwest, body: { role: 'boss' } }, 400],
    ['PUT', `/v1/alliances/${LUDWIGSBURG}/members/vertrag-gmbh`, { key: suedwest, body: { role: 'member' } }, 403],
    ['PUT', `/v1/alliances/${SUEDWEST}/members/gibt-es-nicht`, { key: suedwest, body: { role: 'member' } }, 404],
    ['PUT', `/v1/alliances/${SUEDWEST}/members/vertrag-gmbh`, { key: suedwest, body: JSON.stringify({ role: 'member', x: 'y'.repeat(70_000) }) }, 413],
    ['PATCH', '/v1/organisations/vertrag-gmbh', { key: suedwest, body: { aliases: ['VG'] } }, 200],
    ['PATCH', '/v1/organisations/vertrag-gmbh', { key: suedwest, body: { type: 'x' } }, 400],
    ['PATCH', '/v1/organisations/gibt-es-nicht', { key: admin, body: { aliases: [] } }, 404],
    [`GET`, `/v1/alliances/${SUEDWEST}/members?q=vertrag`, {}, 200],
    ['PUT', `/v1/alliances/${LUDWIGSBURG}/members/vertrag-gmbh`, { key: admin, body: { role: 'member' } }, 201],
    ['DELETE', '/v1/organisations/vertrag-gmbh', { key: suedwest }, 403],
    ['DELETE', `/v1/alliances/${LUDWIGSBURG}/members/vertrag-gmbh`, { key: admin }, 204],
    ['DELETE', `/v1/alliances/${LUDWIGSBURG}/members/vertrag-gmbh`, { key: admin }, 404],
    ['DELETE', `/v1/alliances/${SUEDWEST}/members/vertrag-gmbh`, {}, 401],
    ['DELETE', '/v1/organisations/vertrag-gmbh', { key: suedwest }, 204],
    ['DELETE', '/v1/organisations/vertrag-gmbh', { key: admin }, 404],
    ['PATCH', `/v1/alliances/${SUEDWEST}`, { key: suedwest, body: { statedMemberCount: 27, website: 'https://www.example.org/' } }, 200],
    ['PATCH', `/v1/alliances/${SUEDWEST}`, { key: suedwest, body: { kind: 'state' } }, 403],
    ['PATCH', `/v1/alliances/${SUEDWEST}`, { key: suedwest, body: { statedMemberCount: -1 } }, 400],
    ['PATCH', `/v1/alliances/${LUDWIGSBURG}`, { key: suedwest, body: { statedMemberCount: 1 } }, 403],
    ['POST', '/v1/alliances', { key: admin, body: { slug: 'vertrag-allianz', name: 'Vertragsallianz', kind: 'network', state: 'DE-BW' } }, 201],
    ['POST', '/v1/alliances', { key: admin, body: { slug: 'vertrag-allianz', name: 'Vertragsallianz', kind: 'network', state: 'DE-BW' } }, 409],
    ['POST', '/v1/alliances', { key: suedwest, body: { slug: 'x', name: 'X', kind: 'network', state: 'DE-BW' } }, 403],
    ['DELETE', '/v1/alliances/vertrag-allianz', { key: admin }, 204],
    ['DELETE', '/v1/alliances/vertrag-allianz', { key: admin }, 404],
    ['POST', '/v1/keys', { key: admin, body: { scope: SUEDWEST, label: 'Vertrag' } }, 201],
    ['POST', '/v1/keys', { key: admin, body: { scope: 'gibt-es-nicht', label: 'Vertrag' } }, 400],
    ['POST', '/v1/keys', { key: suedwest, body: { scope: 'admin', label: 'Vertrag' } }, 403],
    ['GET', '/v1/keys', { key: suedwest }, 200],
    ['DELETE', '/v1/keys/000000000000', { key: admin }, 404],
    ['GET', '/v1/changes?limit=5', {}, 200],
    ['GET', `/v1/changes?alliance=${SUEDWEST}`, { key: suedwest }, 200],
    ['GET', '/v1/changes?since=gestern', {}, 400],
    ['POST', `/v1/alliances/${SUEDWEST}/imports?dryRun=true`, { key: suedwest, body: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', headers: { 'Content-Type': 'text/calendar' } }, 200],
    ['POST', `/v1/alliances/${SUEDWEST}/imports`, { key: suedwest, body: 'kein Kalender', headers: { 'Content-Type': 'text/calendar' } }, 400],
    ['POST', `/v1/alliances/${SUEDWEST}/imports`, { key: suedwest, body: { x: 1 } }, 415],
    ['POST', `/v1/alliances/${LUDWIGSBURG}/imports`, { key: suedwest, body: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', headers: { 'Content-Type': 'text/calendar' } }, 403],
    ['POST', '/v1/data-sets', { key: suedwest, body: { name: 'seed' } }, 403],
    ['POST', '/v1/data-sets', { key: admin, body: { name: 'gibt-es-nicht' } }, 400],
  ];

  it('every answer of a write scenario is declared, and its JSON matches the schema', async () => {
    const all: string[] = [];
    for (const [method, path, options, status] of steps()) {
      const { res, problems } = await check(method, path, options);
      expect(res.status, `${method} ${path}: ${res.text.slice(0, 300)}`).toBe(status);
      all.push(...problems);
    }
    expect(all).toEqual([]);
  });

  it('fails an answer whose status the document does not declare', () => {
    // The checker itself must be able to fail: a 500 or a 418 is declared nowhere.
    const fake = (status: number, body: unknown): Answer => ({
      status, headers: new Headers({ 'content-type': 'application/json' }), text: JSON.stringify(body), json: body,
    });
    expect(violations('GET', '/v1/alliances', fake(500, {}))).toHaveLength(1);
    expect(violations('POST', '/v1/events', fake(418, {}))).toHaveLength(1);
    expect(violations('GET', '/v1/alliances', fake(200, { items: [{ slug: 'x' }], nextCursor: null })).length).toBeGreaterThan(0);
    expect(violations('GET', '/v1/alliances', fake(200, { items: [], nextCursor: null }))).toEqual([]);
  });
});
