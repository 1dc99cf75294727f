// Screenshots of <fk-member-map> at 360 px and 1280 px, German and English, into /tmp/shots:
// before consent, with the local fixture tiles after consent, with a popup, and tile-free.
// Run: node --import tsx --conditions=@fachkraefte/source test/map-screenshots.mjs
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { buildMapBundle, startTileServer } from './map-fixtures.mjs';
import { startReferenceServer } from './reference-server.mjs';

const out = process.env.SHOTS ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const [api, tiles, bundle] = await Promise.all([startReferenceServer(), startTileServer(), buildMapBundle()]);

function page(lang, mode) {
  const attrs = mode === 'plane' ? 'tiles="none"' : `tiles="${tiles.url}/tiles/{z}/{x}/{y}.png" tiles-attribution="© Test-Kacheln (lokal)"`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Karte</title><link rel="stylesheet" href="/page.css"><script type="module" src="/b/member-map.js"></script></head>
<body><main><h1>${lang === 'de' ? 'Mitglieder auf der Karte' : 'Members on the map'}</h1>
<fk-member-map api="${api.url}/v1" alliance="fachkraefteallianz-suedwest fachkraeftebuendnis-heilbronn-franken" ${attrs}></fk-member-map></main></body></html>`;
}
const site = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/page.css') return void res.writeHead(200, { 'Content-Type': 'text/css' }).end('body{font-family:system-ui,sans-serif;margin:0;padding:16px;color:#1a1a1a}main{max-width:1200px;margin:auto}');
  const file = url.pathname.startsWith('/b/') ? bundle.get(url.pathname.slice(3)) : undefined;
  if (file) return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(file);
  const m = /^\/(de|en)\/(tiles|plane)$/.exec(url.pathname);
  if (!m) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': `default-src 'self'; style-src 'self'; img-src 'self' ${tiles.url}; connect-src ${api.url}` });
  res.end(page(m[1], m[2]));
});
await new Promise((r) => site.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${site.address().port}`;

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const q = (sel) => `fk-member-map >> ${sel}`;
try {
  for (const lang of ['de', 'en']) {
    for (const width of [360, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      const p = await ctx.newPage();
      p.on('console', (m) => m.type() === 'error' && console.error(`[${lang} ${width}]`, m.text()));
      await p.goto(`${origin}/${lang}/tiles`);
      await p.locator(q('[part~="consent-button"]')).waitFor();
      await p.locator(q('[part~="list-item"]')).first().waitFor();
      await p.screenshot({ path: `${out}/map-${lang}-${width}-consent.png`, fullPage: true });
      await p.locator(q('[part~="consent-button"]')).click();
      await p.waitForFunction(() => document.querySelector('fk-member-map')?.shadowRoot?.querySelectorAll('img.leaflet-tile-loaded').length > 3);
      await p.waitForTimeout(300);
      await p.screenshot({ path: `${out}/map-${lang}-${width}-tiles.png`, fullPage: true });
      await p.locator(q('[part~="list-item"]')).nth(3).click();
      await p.waitForTimeout(300);
      await p.locator(q('.marks [aria-current="true"]')).click();
      await p.locator(q('dialog[open]')).waitFor();
      await p.screenshot({ path: `${out}/map-${lang}-${width}-popup.png` });
      await p.goto(`${origin}/${lang}/plane`);
      await p.locator(q('[part~="cluster"]')).first().waitFor();
      await p.screenshot({ path: `${out}/map-${lang}-${width}-plane.png`, fullPage: true });
      await ctx.close();
      console.log(`map-${lang}-${width}-{consent,tiles,popup,plane}.png`);
    }
  }
} finally {
  await browser.close();
  site.close();
  await tiles.close();
  await api.close();
}
