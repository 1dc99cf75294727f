// The web-test-runner plugin of <fk-event-calendar>'s tests: a reference server of its own (seed
// data plus the events of calendar-data.mjs, created through the real write API), a server in
// front of it that fails on purpose, two separately built copies of the element's bundle (the
// strict-CSP page and the two-copies page), and ical.js for the browser to parse downloads with.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startCalendarServer } from './calendar-data.mjs';
import { buildElementBundle, probeScript } from './bundle.mjs';

// ical.js is the server's dependency: resolve it from there (its ESM build sits beside the CJS one).
const icalPath = createRequire(fileURLToPath(new URL('../../server/package.json', import.meta.url)))
  .resolve('ical.js').replace(/ical\.es5\.cjs$/, 'ical.js');

const probe = probeScript;

/**
 * A real local server in front of the calendar's reference server that fails on purpose. The
 * calendar asks for its range week by week, so the faults count per URL (path and query), not per
 * path as test/faulty-server.mjs does for the other widgets: `/flip/<id>/v1/…` answers each URL
 * once and then 503; `/recover/<id>/v1/…` fails each URL three times (the SDK's try and two
 * retries), then answers; `/slow/<id>/v1/…` answers after 1.5 s (a loading state to look at).
 */
async function startFaultProxy(realUrl) {
  const counts = new Map();
  const server = createServer(async (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://x');
    const [, mode, id, ...rest] = url.pathname.split('/');
    const key = `${mode}:${id}:/${rest.join('/')}${url.search}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const fail = (mode === 'flip' && n > 1) || (mode === 'recover' && n <= 3) || !['flip', 'recover', 'slow'].includes(mode);
    if (fail) {
      res.writeHead(mode === 'flip' ? 503 : 500, { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' });
      return void res.end(JSON.stringify({ type: 'https://fachkraefte.dev/problems/internal', title: 'Kaputt (absichtlich)', status: 500 }));
    }
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 1500));
    try {
      const upstream = await fetch(`${realUrl}/${rest.join('/')}${url.search}`);
      res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json', 'Cache-Control': 'no-store' });
      res.end(await upstream.text());
    } catch (error) {
      res.destroy(error);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The element's registering bundle, built as a page would load it from a CDN. */
const buildBundle = () => buildElementBundle('event-calendar');

/** The plugin; add it to `plugins` in web-test-runner.config.mjs. */
export function calendarFixtures() {
  let server;
  let faults;
  let bundles;
  return {
    name: 'fk-calendar-fixtures',
    async serverStart() {
      server = await startCalendarServer();
      faults = await startFaultProxy(server.url);
      // Two builds of the same sources: two script tags of two CMS plugins load two copies.
      const [a, b] = await Promise.all([buildBundle(), buildBundle()]);
      bundles = { a, b };
    },
    async serverStop() {
      await faults?.close();
      await server?.close();
    },
    resolveImport({ source }) {
      if (source === 'fk-calendar-env') return '/__cal/env.js';
      if (source === 'ical.js') return '/__cal/ical.js';
      return undefined;
    },
    serve({ path }) {
      if (path === '/__cal/env.js') {
        return { body: `export const CAL_API = ${JSON.stringify(server.url)};\nexport const CAL_FAULTS = ${JSON.stringify(faults.url)};\n`, type: 'js' };
      }
      if (path === '/__cal/ical.js') return { body: readFileSync(icalPath, 'utf8'), type: 'js' };
      if (path === '/__cal/probe.js') return { body: probe, type: 'js' };
      const bundle = /^\/__cal\/(a|b)\/event-calendar\.js$/.exec(path);
      if (bundle) return { body: bundles[bundle[1]], type: 'js' };
      if (path === '/__cal/two-copies.html') {
        return {
          type: 'html',
          body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Two copies</title>
<script src="/__cal/probe.js"></script><script type="module" src="/__cal/a/event-calendar.js"></script><script type="module" src="/__cal/b/event-calendar.js"></script></head>
<body><fk-event-calendar api="${server.url}/v1" month="2026-05" view="month"></fk-event-calendar></body></html>`,
        };
      }
      if (path === '/__cal/csp.html') {
        return {
          type: 'html',
          headers: { 'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${server.url}` },
          body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CSP</title>
<script src="/__cal/probe.js"></script><script type="module" src="/__cal/a/event-calendar.js"></script></head>
<body><fk-event-calendar api="${server.url}/v1" month="2026-05" view="month" json-ld><a href="https://example.org/termine">Termine</a></fk-event-calendar></body></html>`,
        };
      }
      return undefined;
    },
  };
}
