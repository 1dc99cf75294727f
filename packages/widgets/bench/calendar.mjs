// Calendar benchmark in Chromium: a month with 1,000 (generated, fictitious) events is rendered,
// then the calendar switches to the next month (another 1,000), in <fk-event-calendar> and in
// FullCalendar 6 (core + daygrid + list, bundled here with esbuild), on the same data from the same
// local server, in the same run. Each run is a fresh page, the two alternate which goes first;
// medians and the ratios are printed.
//
// Fairness: each page's own module script creates its calendar as soon as the library has been
// evaluated, and the clock stops once the month is painted with all its events (the live region /
// FullCalendar's eventsSet after its event source has delivered, then one frame). FullCalendar
// fires eventsSet before its source answers too (with no events, or after "next" with those it
// already has): counting that call measured an empty month, as this benchmark did until
// 2026-11-21. Each side reports how many event elements it showed when its clock stopped. Two times are taken: from navigation (script download,
// parse and styles included: what a visitor waits) and from creating the calendar. Both show at
// most 3 rows per day and "+N more" (FullCalendar: dayMaxEventRows: 3). Ours includes the SDK's
// schema validation of every event. FullCalendar's event source loads the range the way ours does
// (the weeks in parallel, all pages; FC_LOADER=pages: the whole range page after page, as before).
// Not a test: timings depend on the machine (and on what else runs on it).
// Run: pnpm --filter @fachkraefte/widgets bench:calendar (RUNS=15 for more runs; needs /usr/bin/chromium or CHROME_PATH).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { volumeEvents } from '../test/calendar-data.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const here = fileURLToPath(new URL('..', import.meta.url));
const esbuild = createRequire(createRequire(import.meta.url).resolve('@web/dev-server-esbuild'))('esbuild');
const build = async (options) => (await esbuild.build({ bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, conditions: ['@fachkraefte/source', 'production'], ...options })).outputFiles[0].text;
const ours = await build({ entryPoints: [`${here}src/components/event-calendar/event-calendar.ts`] });
const fc = await build({
  stdin: {
    contents: `import { Calendar } from '@fullcalendar/core'; import dayGridPlugin from '@fullcalendar/daygrid'; import listPlugin from '@fullcalendar/list'; import deLocale from '@fullcalendar/core/locales/de';
      window.FC = { Calendar, plugins: [dayGridPlugin, listPlugin], deLocale };`,
    resolveDir: here, loader: 'js',
  },
});

// The same API answer for both: GET /v1/events?from&to, pages of 500, as the reference server sends them.
const events = [...volumeEvents(1000, 2026, 3), ...volumeEvents(1000, 2026, 4)];
const api = createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const from = Date.parse(`${u.searchParams.get('from')}T00:00:00+01:00`);
  const to = Date.parse(`${u.searchParams.get('to')}T24:00:00+02:00`);
  const all = events.filter((e) => Date.parse(e.end) >= from && Date.parse(e.start) < to);
  const start = Number(u.searchParams.get('cursor') ?? 0);
  const limit = Number(u.searchParams.get('limit') ?? 50);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
  res.end(JSON.stringify({ items: all.slice(start, start + limit), nextCursor: start + limit < all.length ? String(start + limit) : null }));
});
await new Promise((r) => api.listen(0, '127.0.0.1', r));
const API = `http://127.0.0.1:${api.address().port}/v1`;

const FC_LOADER = process.env.FC_LOADER ?? 'weeks';
// Module scripts run in order: the second one starts once the library has been evaluated.
const page = (lib, measure) => `<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body><div id="host"></div><script type="module" src="/${lib}.js"></script>
<script type="module">window.__result = (${measure})(${JSON.stringify(API)}, ${JSON.stringify(FC_LOADER)});</script></body></html>`;
const site = createServer((req, res) => {
  if (req.url === '/ours.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(ours);
  if (req.url === '/fc.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(fc);
  res.writeHead(200, { 'Content-Type': 'text/html' }).end(req.url === '/ours' ? page('ours', measureOurs) : req.url === '/fc' ? page('fc', measureFc) : '');
});
await new Promise((r) => site.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${site.address().port}`;

/** In the page: [ms from creation until March is painted, ms for the switch to April, event elements, requests, ms from navigation until March is painted]. */
const measureOurs = async (apiBase) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  const until = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 1)); };
  await customElements.whenDefined('fk-event-calendar');
  const t0 = performance.now();
  const el = document.createElement('fk-event-calendar');
  el.setAttribute('api', apiBase);
  el.setAttribute('month', '2026-03');
  el.setAttribute('view', 'month');
  document.getElementById('host').append(el);
  const status = () => el.shadowRoot?.querySelector('[role=status]')?.textContent ?? '';
  await until(() => status().startsWith('März 2026:'));
  await frame();
  const t1 = performance.now();
  const fromNavigation = t1;
  const shownFirst = el.shadowRoot.querySelectorAll('[part~=event]').length;
  const requests = performance.getEntriesByType('resource').filter((r) => r.name.includes('/events')).map((r) => `${r.name.slice(r.name.indexOf('?'))} ${Math.round(r.startTime - t0)}–${Math.round(r.responseEnd - t0)} ms`);
  // The neighbour prefetch is part of the design; give it the time a visitor reading March gives it.
  await new Promise((r) => setTimeout(r, 1500));
  const t2 = performance.now();
  el.shadowRoot.querySelector('[aria-label="Nächster Monat"]').click();
  await until(() => status().startsWith('April 2026:'));
  await frame();
  return [t1 - t0, performance.now() - t2, el.shadowRoot.querySelectorAll('[part~=event]').length, requests, fromNavigation, shownFirst];
};

const measureFc = async (apiBase, loader) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  while (!window.FC) await new Promise((r) => setTimeout(r, 1));
  let loaded;
  let delivered = false;
  const t0 = performance.now();
  const calendar = new window.FC.Calendar(document.getElementById('host'), {
    plugins: window.FC.plugins, locale: window.FC.deLocale, timeZone: 'Europe/Berlin', initialView: 'dayGridMonth',
    initialDate: '2026-03-01', dayMaxEventRows: 3,
    events: async (info, success, failure) => {
      try {
        const pages = async (from, to) => {
          const all = [];
          let cursor = null;
          do {
            const u = `${apiBase}/events?from=${from}&to=${to}&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
            const page = await (await fetch(u)).json();
            all.push(...page.items);
            cursor = page.nextCursor;
          } while (cursor);
          return all;
        };
        const day = (ms) => new Date(ms).toISOString().slice(0, 10);
        const from = Date.parse(info.startStr.slice(0, 10));
        const to = Date.parse(info.endStr.slice(0, 10)) - 864e5; // FullCalendar's end is exclusive
        const parts = [];
        if (loader === 'pages') parts.push(pages(day(from), day(to)));
        else for (let d = from; d <= to; d += 7 * 864e5) parts.push(pages(day(d), day(Math.min(d + 6 * 864e5, to))));
        const seen = new Set();
        const all = (await Promise.all(parts)).flat().filter((e) => !seen.has(e.id) && seen.add(e.id));
        // eventsSet also fires before the source has answered (with no events): only the call
        // after this delivery means the month is shown with its events.
        delivered = true;
        success(all.map((e) => ({ id: e.id, title: e.title, start: e.start, end: e.end, allDay: e.allDay })));
      } catch (error) { failure(error); }
    },
    eventsSet: () => delivered && loaded?.(),
  });
  let done = new Promise((r) => (loaded = r));
  calendar.render();
  await done;
  await frame();
  const t1 = performance.now();
  const fromNavigation = t1;
  const shownFirst = document.querySelectorAll('.fc-event').length;
  await new Promise((r) => setTimeout(r, 1500));
  done = new Promise((r) => (loaded = r));
  delivered = false;
  const t2 = performance.now();
  calendar.next();
  await done;
  await frame();
  return [t1 - t0, performance.now() - t2, document.querySelectorAll('.fc-event').length, [], fromNavigation, shownFirst];
};

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const results = { ours: [], fc: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const name of i % 2 ? ['fc', 'ours'] : ['ours', 'fc']) {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await tab.goto(`${origin}/${name}`);
      results[name].push(await tab.evaluate(() => window.__result));
      await tab.close();
    }
  }
  const row = (name, label) => {
    const r = results[name];
    // The fewest event elements any run showed when its clock stopped: never 0, or the month was not there yet.
    return { label, render: median(r.map((x) => x[0])), switch: median(r.map((x) => x[1])), nav: median(r.map((x) => x[4])), events: r[0][2], first: Math.min(...r.map((x) => x[5])) };
  };
  const a = row('ours', '<fk-event-calendar>');
  const b = row('fc', `FullCalendar 6.1.20`);
  console.log(`${RUNS} runs each, 1,000 events per month, FullCalendar loading by ${FC_LOADER}, medians:`);
  for (const r of [a, b]) {
    console.log(`  ${r.label.padEnd(22)} navigation → month ${r.nav.toFixed(1).padStart(7)} ms   creation → month ${r.render.toFixed(1).padStart(7)} ms   month switch ${r.switch.toFixed(1).padStart(7)} ms   (event elements: at least ${r.first} when the first month counted as shown, ${r.events} after the switch)`);
  }
  if (process.env.DEBUG) console.log(results.ours.map((r) => r[3]));
  console.log(`  ratio ours / FullCalendar: from navigation ${(a.nav / b.nav).toFixed(2)}, from creation ${(a.render / b.render).toFixed(2)}, switch ${(a.switch / b.switch).toFixed(2)}`);
} finally {
  await browser.close();
  api.close();
  site.close();
}
