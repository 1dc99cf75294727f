// Map benchmark in Chromium: 5,000 (generated, fictitious) members clustered and drawn, by
// <fk-member-map> (supercluster + its own marker buttons, tile-free mode) and by Leaflet +
// Leaflet.markercluster (addLayers of 5,000 L.marker) on the same data, in the same run: maps of
// the same pixel size (Leaflet's box takes our surface's size), fitted to the same bounds with the same 48 px padding (the zoom of both is
// printed and must match), no tiles for either. Each run starts from a fresh element and ends
// after the next frame is painted with the markers and clusters in the DOM. Our element's lazy
// chunks (clustering, plane) are fetched in the warm-up run, as Leaflet's scripts are before it.
// Not a test: timings depend on the machine. Run: `node bench/map.mjs` (needs /usr/bin/chromium or CHROME_PATH).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { buildMapBundle, placedMembers } from '../test/map-fixtures.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const require = createRequire(import.meta.url);
const file = (p) => readFileSync(require.resolve(p), 'utf8');
const files = {
  '/leaflet.js': [file('leaflet/dist/leaflet.js'), 'text/javascript'],
  '/leaflet.css': [file('leaflet/dist/leaflet.css'), 'text/css'],
  '/markercluster.js': [file('leaflet.markercluster/dist/leaflet.markercluster.js'), 'text/javascript'],
  '/markercluster.css': [file('leaflet.markercluster/dist/MarkerCluster.css') + file('leaflet.markercluster/dist/MarkerCluster.Default.css'), 'text/css'],
  '/members.json': [JSON.stringify(placedMembers(5000)), 'application/json'],
};
for (const [name, text] of await buildMapBundle()) files[`/b/${name}`] = [text, 'text/javascript'];
files['/'] = [`<!doctype html><html lang="de"><head><meta charset="utf-8">
<link rel="stylesheet" href="/leaflet.css"><link rel="stylesheet" href="/markercluster.css">
<script src="/leaflet.js"></script><script src="/markercluster.js"></script></head>
<body><div id="stage"></div><script type="module">
import FkMemberMap from '/b/member-map.js';
const members = await (await fetch('/members.json')).json();
// The real element, fed from memory instead of the network: what is measured is clustering + drawing.
class BenchMap extends FkMemberMap { loadMembers() { return Promise.resolve(structuredClone(members)); } }
customElements.define('bench-map', BenchMap);
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
const stage = document.getElementById('stage');
window.runOurs = async () => {
  stage.replaceChildren();
  await frame();
  const t0 = performance.now();
  const el = document.createElement('bench-map');
  el.setAttribute('api', 'http://127.0.0.1:9/v1');
  el.setAttribute('alliance', 'viele');
  el.setAttribute('tiles', 'none');
  el.style.setProperty('--fk-map-height', '420px');
  el.style.width = '1500px';
  stage.append(el);
  while (!el.shadowRoot?.querySelector('[part~="cluster"]')) await new Promise((r) => setTimeout(r));
  await frame();
  const s = el.shadowRoot.querySelector('[part~="surface"]');
  // Leaflet's box gets exactly the pixels of our map surface (the list takes the rest of the width).
  box = [s.clientWidth, s.clientHeight];
  return { ms: performance.now() - t0, drawn: el.shadowRoot.querySelectorAll('[data-k]').length, zoom: el.view.zoom, size: [s.clientWidth, s.clientHeight] };
};
let box = [1000, 420];
window.runLeaflet = async () => {
  stage.replaceChildren();
  await frame();
  const t0 = performance.now();
  const div = document.createElement('div');
  div.style.width = box[0] + 'px';
  div.style.height = box[1] + 'px';
  stage.append(div);
  const map = L.map(div, { zoomControl: false, attributionControl: false, maxZoom: 18 });
  const lats = members.map((m) => m.position.lat), lons = members.map((m) => m.position.lon);
  map.fitBounds([[Math.min(...lats), Math.min(...lons)], [Math.max(...lats), Math.max(...lons)]], { padding: [48, 48], animate: false });
  // The same clustering radius as ours: supercluster's radius 48 is on a 512-unit tile extent,
  // i.e. 24 screen pixels on 256 px tiles; markercluster's default would be 80 px.
  const group = L.markerClusterGroup({ animate: false, maxClusterRadius: 24 });
  group.addLayers(members.map((m) => L.marker([m.position.lat, m.position.lon], { title: m.name })));
  map.addLayer(group);
  await frame();
  return { ms: performance.now() - t0, drawn: div.querySelectorAll('.leaflet-marker-icon').length, zoom: map.getZoom(), size: [div.clientWidth, div.clientHeight] };
};
window.ready = true;
</script></body></html>`, 'text/html'];

const site = createServer((req, res) => {
  const f = files[new URL(req.url ?? '/', 'http://x').pathname];
  if (!f) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': f[1] }).end(f[0]);
});
await new Promise((r) => site.listen(0, '127.0.0.1', r));

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${site.address().port}/`);
  await page.waitForFunction(() => window.ready === true);
  const ours = [], theirs = [];
  let drawn = {};
  // Alternating, after one warm-up each, so both meet the same state of the machine.
  await page.evaluate(() => window.runOurs());
  await page.evaluate(() => window.runLeaflet());
  for (let i = 0; i < RUNS; i++) {
    const a = await page.evaluate(() => window.runOurs());
    const b = await page.evaluate(() => window.runLeaflet());
    ours.push(a.ms);
    theirs.push(b.ms);
    drawn = { ours: a.drawn, leaflet: b.drawn };
    if (a.zoom !== b.zoom || a.size.join() !== b.size.join()) throw new Error(`unfair: zoom ${a.zoom} vs ${b.zoom}, size ${a.size} vs ${b.size}`);
    drawn.zoom = a.zoom;
    drawn.size = a.size.join('×');
  }
  const mo = median(ours), ml = median(theirs);
  console.log(`5,000 members, ${RUNS} runs each (median, clustered and drawn until the next frame), both ${drawn.size} px at zoom ${drawn.zoom}:`);
  console.log(`  <fk-member-map> (supercluster, tile-free)   ${mo.toFixed(1)} ms   (${drawn.ours} markers/clusters drawn)`);
  console.log(`  Leaflet 1.9.4 + Leaflet.markercluster 1.5.3 ${ml.toFixed(1)} ms   (${drawn.leaflet} icons drawn)`);
  console.log(`  ratio Leaflet.markercluster / fk-member-map: ${(ml / mo).toFixed(1)}×`);
} finally {
  await browser.close();
  site.close();
}
