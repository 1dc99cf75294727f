// Screenshots of <fk-event-calendar> at 360 px and 1280 px, German and English, month grid, list
// and the details dialog (of the multi-day fair and of a rescheduled event), into
// /tmp/shots/calendar-*.png (or the folder SHOTS names). Not a test: run it and look at them.
//   node --import tsx --conditions=@fachkraefte/source test/calendar-shots.mjs
// WIDTHS=1280 LANGS=de MONTHS=2026-04 narrow it down; COLUMN=790 is the main column of the demo page.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startCalendarServer } from './calendar-data.mjs';

const require = createRequire(import.meta.url);
const esbuild = createRequire(require.resolve('@web/dev-server-esbuild'))('esbuild');
const here = fileURLToPath(new URL('..', import.meta.url));
const out = process.env.SHOTS ?? '/tmp/shots';
mkdirSync(out, { recursive: true });

const api = await startCalendarServer(['seed']);
const bundle = (await esbuild.build({
  entryPoints: [`${here}src/components/event-calendar/event-calendar.ts`], bundle: true, format: 'esm', minify: true,
  write: false, conditions: ['@fachkraefte/source', 'production'],
})).outputFiles[0].text;
const page = (lang, month) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Termine</title>
<script type="module" src="/c.js"></script><link rel="stylesheet" href="/p.css"></head>
<body><main><h1>${lang === 'de' ? 'Wirtschaft &amp; Arbeit' : 'Economy &amp; work'}</h1>
<fk-event-calendar api="${api.url}/v1" month="${month}"></fk-event-calendar></main></body></html>`;
const web = createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/c.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
  if (u.pathname === '/p.css') return void res.writeHead(200, { 'Content-Type': 'text/css' }).end(`body{font-family:system-ui,sans-serif;margin:0;padding:16px;max-width:${process.env.COLUMN ?? 1200}px}`);
  res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(u.searchParams.get('lang') ?? 'de', u.searchParams.get('month') ?? '2026-05'));
});
await new Promise((r) => web.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${web.address().port}`;

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const ready = (p) => p.waitForFunction(() => document.querySelector('fk-event-calendar')?.shadowRoot?.querySelector('[role=status]')?.textContent?.includes(':'));
try {
  for (const width of (process.env.WIDTHS ?? '360,1280').split(',').map(Number)) {
    for (const lang of (process.env.LANGS ?? 'de,en').split(',')) {
      const p = await browser.newPage({ viewport: { width, height: 900 } });
      // May: every status; April: long titles; August: a month without events (and the next ones).
      for (const month of (process.env.MONTHS ?? '2026-05,2026-04,2026-08,2026-09,2026-03').split(',')) {
        await p.goto(`${origin}/?lang=${lang}&month=${month}`);
        await ready(p);
        await p.screenshot({ path: `${out}/calendar-${width}-${lang}-${month}.png`, fullPage: true });
      }
      // The other view, then the details of an event.
      await p.goto(`${origin}/?lang=${lang}&month=2026-05`);
      await ready(p);
      await p.locator('fk-event-calendar').locator(`button[aria-pressed=false]`).click();
      await p.screenshot({ path: `${out}/calendar-${width}-${lang}-other-view.png`, fullPage: true });
      await p.locator('fk-event-calendar').locator('[data-key="messe"]').first().click();
      await p.waitForTimeout(200);
      await p.screenshot({ path: `${out}/calendar-${width}-${lang}-dialog.png` });
      await p.keyboard.press('Escape');
      await p.locator('fk-event-calendar').locator('[data-key="verlegt"]').first().click();
      await p.waitForTimeout(200);
      await p.screenshot({ path: `${out}/calendar-${width}-${lang}-dialog-rescheduled.png` });
      await p.close();
    }
  }
  console.log(`screenshots in ${out}/calendar-*.png`);
} finally {
  await browser.close();
  web.close();
  await api.close();
}
