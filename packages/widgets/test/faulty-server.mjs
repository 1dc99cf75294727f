// A real local HTTP server that fails on purpose, for the states the reference server cannot
// produce on demand: 500s, slow answers, malformed bodies, a refresh that fails after a success,
// hostile strings in every field, and a very large alliance. Valid data is taken from the real
// reference server (proxied), so only the fault is made up.
import { createServer } from 'node:http';

const XSS = `<img src=x onerror="window.__xss=1">"'><script>window.__xss=1</script>`;

/** An alliance whose every text field carries markup and script, still valid for the schema. */
function hostileAlliance(website) {
  return {
    slug: 'xss-allianz', name: `Allianz ${XSS}`, kind: 'regional', state: 'DE-BW',
    areas: [`Kreis ${XSS}`], founded: '2013-04', description: `Beschreibung ${XSS}\n\nZweiter Absatz ${XSS}`,
    website,
    coordinator: { organisation: null, organisationName: `Koordination ${XSS}`, people: [person()] },
    patrons: [person()], contacts: [person()], representatives: [person()],
    focusAreas: [{ slug: 'xss-fokus', name: `Fokus ${XSS}` }],
    projectGroups: [{ name: `Gruppe ${XSS}`, description: `Gruppe ${XSS}` }],
    statedMemberCount: 3, memberCount: 1, parent: null, membershipFee: true, fictitious: true,
  };
}
function person() {
  return {
    name: `Person ${XSS}`, role: `Rolle ${XSS}`, organisation: null, organisationName: `Org ${XSS}`,
    from: '2016-03', to: null, email: 'kontakt@example.org', phone: '05121-9129833',
  };
}
function hostileMember(website) {
  return {
    id: 'xss-org', name: `Organisation ${XSS}`, aliases: [`Alias ${XSS}`], type: 'unternehmen',
    address: { streetAddress: `Straße ${XSS}`, postalCode: '79539', locality: `Lörrach ${XSS}`, countryCode: 'DE' },
    position: null, website, fictitious: true, membership: { role: 'founding', since: '2013-04' },
  };
}

const TYPES = ['landkreis', 'gemeinde', 'arbeitsagentur', 'jobcenter', 'ihk', 'handwerkskammer', 'gewerkschaft', 'verband', 'berufsschule', 'unternehmen'];
const TOWNS = ['Lörrach', 'Waldshut-Tiengen', 'Weil am Rhein', 'Rheinfelden', 'Bad Säckingen', 'Schopfheim'];
/** 5,000 generated (fictitious) member organisations. */
export function volumeMembers(count = 5000) {
  return Array.from({ length: count }, (_, i) => ({
    id: `vol-org-${i}`, name: `Beispielbetrieb ${String(i).padStart(4, '0')} ${TOWNS[i % TOWNS.length]}`,
    aliases: [], type: TYPES[i % TYPES.length],
    address: { streetAddress: null, postalCode: null, locality: TOWNS[i % TOWNS.length], countryCode: 'DE' },
    position: null, website: i % 3 === 0 ? `https://betrieb-${i}.example.org/` : null, fictitious: true,
    membership: { role: i % 50 === 0 ? 'founding' : 'member', since: null },
  }));
}
const VOLUME = volumeMembers();
const volumeAlliance = {
  ...hostileAlliance(null), slug: 'volumen-allianz', name: 'Volumen-Allianz (fiktiv)', areas: ['Beispielkreis'],
  description: 'Erzeugte Beispieldaten.', coordinator: null, patrons: [], contacts: [], representatives: [], focusAreas: [], projectGroups: [],
  statedMemberCount: null, memberCount: VOLUME.length, membershipFee: null,
};

/**
 * Starts the faulty server. `realUrl` is the reference server's origin; modes are path prefixes:
 * `/500`, `/404`, `/slow/<id>`, `/recover/<id>`, `/malformed`, `/empty`, `/flip/<id>` (first answer per path real, then 500),
 * `/xss`, `/xss-js` (a javascript: website: invalid for the API schema), `/volume`.
 */
export async function startFaultyServer(realUrl) {
  const seen = new Set();
  const failures = new Map();
  const server = createServer(async (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://x');
    const [, mode, ...rest] = url.pathname.split('/');
    let path = `/${rest.join('/')}`;
    const json = (status, body, type = 'application/json') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const problem = (status) =>
      json(status, { type: 'https://fachkraefte.dev/problems/internal', title: 'Kaputt (absichtlich)', status }, 'application/problem+json');
    const proxy = async () => {
      const upstream = await fetch(`${realUrl}${path}${url.search}`);
      json(upstream.status, await upstream.text(), upstream.headers.get('content-type') ?? 'application/json');
    };
    try {
      switch (mode) {
        case '500':
          return problem(500);
        case '404':
          return problem(404);
        case 'slow':
          // /slow/<id>/v1/…: a fresh path per test, so no cache answers before the delay is over.
          rest.shift();
          path = `/${rest.join('/')}`;
          await new Promise((r) => setTimeout(r, 1500));
          return await proxy();
        case 'recover': {
          // /recover/<id>/v1/…: the first three requests per path fail (the SDK's first try and
          // its two retries), then the real answer: what a retry button meets after an outage.
          const id = rest.shift();
          path = `/${rest.join('/')}`;
          const key = `${id}:${path}`;
          const n = (failures.get(key) ?? 0) + 1;
          failures.set(key, n);
          if (n <= 3) return problem(500);
          return await proxy();
        }
        case 'malformed':
          return json(200, '{"items": [{"slug": 42}], "nextCursor": ', 'application/json');
        case 'empty':
          return json(200, { items: [], nextCursor: null });
        case 'flip': {
          const id = rest.shift();
          path = `/${rest.join('/')}`;
          const key = `${id}:${path}`;
          if (seen.has(key)) return problem(503);
          seen.add(key);
          return await proxy();
        }
        case 'xss':
        case 'xss-js': {
          const site = mode === 'xss' ? 'https://example.org/"><script>window.__xss=1</script>' : 'javascript:window.__xss=1';
          if (path === '/v1/alliances') return json(200, { items: [hostileAlliance(site)], nextCursor: null });
          if (path === '/v1/alliances/xss-allianz') return json(200, hostileAlliance(site));
          if (path === '/v1/alliances/xss-allianz/members') return json(200, { items: [hostileMember(site)], nextCursor: null });
          return problem(404);
        }
        case 'volume': {
          if (path === '/v1/alliances') return json(200, { items: [volumeAlliance], nextCursor: null });
          if (path === '/v1/alliances/volumen-allianz') return json(200, volumeAlliance);
          if (path === '/v1/alliances/volumen-allianz/members') {
            const limit = Number(url.searchParams.get('limit') ?? 50);
            const start = Number(url.searchParams.get('cursor') ?? 0);
            const items = VOLUME.slice(start, start + limit);
            return json(200, { items, nextCursor: start + limit < VOLUME.length ? String(start + limit) : null });
          }
          return problem(404);
        }
        default:
          return problem(404);
      }
    } catch (error) {
      if (!res.headersSent) problem(502);
      else res.destroy(error);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
