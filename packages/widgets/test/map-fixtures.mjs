// Fixtures of <fk-member-map>'s tests, as one web-test-runner plugin: a local tile server on its
// own origin (so "a new host" is real, with no internet), the same tiles on the page's own origin
// (a self-hosted tile server), a data server with positioned and hostile members, and a real
// bundle of the element built with code splitting (so the lazy Leaflet chunk is a real request).
import { createServer } from 'node:http';
import { deflateSync } from 'node:zlib';
import { buildElementBundle } from './bundle.mjs';


const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** A 256×256 RGB PNG tile: a pale land colour, a grid, and a band whose hue depends on z/x/y. */
export function tilePng(z, x, y) {
  const size = 256;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  const hue = [(x * 53 + z * 17) % 60, (y * 37) % 40, (z * 29) % 50];
  for (let row = 0; row < size; row++) {
    const o = row * (size * 3 + 1);
    raw[o] = 0;
    for (let col = 0; col < size; col++) {
      const p = o + 1 + col * 3;
      const line = row % 64 === 0 || col % 64 === 0;
      const band = Math.abs(row - col) < 6;
      const [r, g, b] = line ? [200, 205, 195] : band ? [150 + hue[0], 190 + hue[1], 220] : [236 - hue[1] / 4, 240, 226 + hue[2] / 5];
      raw[p] = r; raw[p + 1] = g; raw[p + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const TILE = /\/(\d+)\/(\d+)\/(\d+)\.png$/;

/** A tile server on its own loopback origin that logs every request (path and Referer). */
export async function startTileServer() {
  const log = [];
  const server = createServer((req, res) => {
    log.push({ path: req.url ?? '', referer: req.headers.referer ?? null });
    const m = TILE.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
    res.end(tilePng(+m[1], +m[2], +m[3]));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, log, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

const XSS = `<img src=x onerror="window.__xss=1">"'><script>window.__xss=1</script>`;
const TOWNS = [
  ['Lörrach', 47.6156, 7.6614], ['Waldshut-Tiengen', 47.6226, 8.2143], ['Freiburg im Breisgau', 47.999, 7.842],
  ['Konstanz', 47.6779, 9.1732], ['Stuttgart', 48.7758, 9.1829], ['Heilbronn', 49.1427, 9.2109],
];
const TYPES = ['landkreis', 'gemeinde', 'arbeitsagentur', 'jobcenter', 'ihk', 'handwerkskammer', 'gewerkschaft', 'verband', 'berufsschule', 'unternehmen'];

/**
 * `count` generated (fictitious) members spread around six towns, deterministic, with positions.
 * Used by the tests (many markers) and the benchmark (5,000).
 */
export function placedMembers(count) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: count }, (_, i) => {
    const [town, lat, lon] = TOWNS[i % TOWNS.length];
    return {
      id: `karte-org-${i}`, name: `Beispielbetrieb ${String(i).padStart(4, '0')} ${town}`, aliases: [], type: TYPES[i % TYPES.length],
      address: { streetAddress: null, postalCode: null, locality: town, countryCode: 'DE' },
      position: { lat: lat + (rnd() - 0.5) * 0.3, lon: lon + (rnd() - 0.5) * 0.45 },
      website: i % 3 === 0 ? `https://betrieb-${i}.example.org/` : null, fictitious: true,
      membership: { role: i % 50 === 0 ? 'founding' : 'member', since: null },
    };
  });
}

function hostileMembers() {
  const site = 'https://example.org/"><script>window.__xss=1</script>';
  return [0, 1].map((i) => ({
    id: `xss-org-${i}`, name: `Organisation ${i} ${XSS}`, aliases: [`Alias ${XSS}`], type: i ? 'ihk' : 'unternehmen',
    address: { streetAddress: `Straße ${XSS}`, postalCode: '79539', locality: `Lörrach ${XSS}`, countryCode: 'DE' },
    position: { lat: 47.6156 + i * 0.5, lon: 7.6614 + i * 0.5 }, website: site, fictitious: true,
    membership: { role: 'founding', since: '2013-04' },
  }));
}

/** A data server: `/many/v1/alliances/viele/members` (600 placed members, paged) and `/xss/…/xss-karte/members`. */
export async function startMapDataServer() {
  const many = placedMembers(600);
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status, body) => {
      res.writeHead(status, { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/many/v1/alliances/viele/members') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      return json(200, { items: many.slice(start, start + limit), nextCursor: start + limit < many.length ? String(start + limit) : null });
    }
    if (url.pathname === '/xss/v1/alliances/xss-karte/members') return json(200, { items: hostileMembers(), nextCursor: null });
    return json(404, { type: 'about:blank', title: 'Not found', status: 404 });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

/** The registering bundle of the map, split like the CDN build: entry + lazy Leaflet chunk (file name → text). */
export function buildMapBundle() {
  return buildElementBundle('member-map', { split: true });
}

// Records CSP violations, errors and every resource the page fetched (its own performance
// timeline: fetches, images and module imports, from the shadow DOM too).
const probe = `window.__violations = []; window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
window.__origins = () => [...new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).origin))].sort();
window.__resources = () => performance.getEntriesByType('resource').map((e) => e.name);
window.__warnings = [];
const warn = console.warn.bind(console);
console.warn = (...args) => { window.__warnings.push(args.map(String).join(' ')); warn(...args); };`;

function page(body, scripts = '<script type="module" src="/__map/bundle/member-map.js"></script>') {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Karte</title>
<script src="/__map/probe.js"></script>${scripts}</head>
<body><h1>Karte</h1><dialog id="host-dialog"><p>Dialog der Seite</p></dialog>${body}</body></html>`;
}

/**
 * The web-test-runner plugin: servers for the run, the bundle (and a second copy of it under
 * `/__map/copy/`), the pages (`/__map/privacy.html?api=…`, `/__map/csp.html?api=…`,
 * `/__map/two-copies.html?api=…`) and the `fk-map-env` module.
 */
export function mapFixturesPlugin() {
  let tiles, data, bundle;
  return {
    name: 'fk-map-fixtures',
    async serverStart() {
      [tiles, data, bundle] = await Promise.all([startTileServer(), startMapDataServer(), buildMapBundle()]);
    },
    async serverStop() {
      await tiles?.close();
      await data?.close();
    },
    resolveImport({ source }) {
      return source === 'fk-map-env' ? '/__map/env.js' : undefined;
    },
    serve(context) {
      const path = context.path;
      if (!path.startsWith('/__map/')) return undefined;
      // The page asks for the API origin of the run (`?api=`): the reference server belongs to the
      // other fixtures plugin. Only a loopback origin is accepted, as it goes into a header.
      const ref = /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.exec(new URLSearchParams(context.querystring).get('api') ?? '')?.[0] ?? '';
      if (path === '/__map/env.js') {
        return { body: `export const TILES = ${JSON.stringify(tiles.url)};\nexport const MAPDATA = ${JSON.stringify(data.url)};\n`, type: 'js' };
      }
      if (path === '/__map/tile-log') return { body: JSON.stringify(tiles.log), type: 'json' };
      if (path === '/__map/tile-log/reset') {
        tiles.log.length = 0;
        return { body: '[]', type: 'json' };
      }
      if (path === '/__map/probe.js') return { body: probe, type: 'js' };
      const m = TILE.exec(path);
      if (path.startsWith('/__map/tiles/') && m) return { body: tilePng(+m[1], +m[2], +m[3]), type: 'image/png' };
      // The same build under a second folder is a second copy: its own module instances, its own
      // class, its own lazy chunks (imports inside it are relative), as two CMS plugins would load it.
      const copy = /^\/__map\/(bundle|copy)\/(.+)$/.exec(path);
      if (copy) {
        const file = bundle.get(copy[2]);
        return file === undefined ? undefined : { body: file, type: 'js' };
      }
      const template = `${tiles.url}/tiles/{z}/{x}/{y}.png`;
      const el = `<fk-member-map api="${ref}/v1" alliance="fachkraefteallianz-suedwest" tiles="${template}" tiles-attribution="© Test-Kacheln"><ul><li>Liste ohne JavaScript</li></ul></fk-member-map>`;
      if (path === '/__map/privacy.html') return { body: page(el), type: 'html' };
      if (path === '/__map/two-copies.html') {
        const plane = (lang) => `<fk-member-map api="${ref}/v1" alliance="fachkraefteallianz-suedwest" tiles="none" lang="${lang}"></fk-member-map>`;
        const scripts = '<script type="module" src="/__map/bundle/member-map.js"></script><script type="module" src="/__map/copy/member-map.js"></script>';
        return { body: page(plane('de') + plane('en'), scripts), type: 'html' };
      }
      if (path === '/__map/csp.html') {
        return {
          body: page(el),
          type: 'html',
          headers: {
            // Stricter than the demo page: no data: images either.
            'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' ${tiles.url}; connect-src ${ref}`,
          },
        };
      }
      return undefined;
    },
  };
}
