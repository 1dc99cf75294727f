// Search-as-you-type benchmark in Chromium: 5,000 (generated, fictitious) member organisations in
// one alliance's profile; types a query key by key and measures, per keystroke, the time from the
// input event to a laid-out result (Lit update + style + layout). Goal: every keystroke < 16 ms.
// Not a test: timings depend on the machine. Run: `pnpm bench` (needs /usr/bin/chromium or CHROME_PATH).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startFaultyServer } from '../test/faulty-server.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const esbuild = createRequire(createRequire(import.meta.url).resolve('@web/dev-server-esbuild'))('esbuild');
const bundle = (await esbuild.build({
  entryPoints: [`${here}src/components/alliance-directory/alliance-directory.ts`],
  bundle: true, format: 'esm', target: 'es2022', minify: true, write: false,
  conditions: ['@fachkraefte/source', 'production'],
})).outputFiles[0].text;

// The faulty server's /volume mode serves the 5,000 members; it needs no upstream here.
const data = await startFaultyServer('http://127.0.0.1:9');
const page = `<!doctype html><html lang="de"><body>
<fk-alliance-directory api="${data.url}/volume/v1" alliance="volumen-allianz"></fk-alliance-directory>
<script type="module" src="/bundle.js"></script></body></html>`;
const site = createServer((req, res) => {
  if (req.url === '/bundle.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
  else res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
});
await new Promise((r) => site.listen(0, '127.0.0.1', r));

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(`http://127.0.0.1:${site.address().port}/`);
  await tab.waitForSelector('fk-alliance-directory #fk-mq', { timeout: 30_000 });
  const query = 'beispielbetrieb 12 lörrach';
  const times = await tab.evaluate(async (q) => {
    const el = document.querySelector('fk-alliance-directory');
    const input = el.shadowRoot.querySelector('#fk-mq');
    const out = [];
    // Type, then delete again: both directions matter (deleting widens the result).
    const steps = [...[...q].map((_, i) => q.slice(0, i + 1)), ...[...q].map((_, i) => q.slice(0, q.length - i - 1))];
    for (const value of steps) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      el.shadowRoot.querySelector('.members').getBoundingClientRect(); // forces style + layout
      out.push({ value, ms: performance.now() - t0, rows: el.shadowRoot.querySelectorAll('[part~="member"]').length });
    }
    return out;
  }, query);
  const ms = times.map((t) => t.ms).sort((a, b) => a - b);
  const pct = (p) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))];
  console.log(`5,000 members, ${times.length} keystrokes: median ${pct(50).toFixed(2)} ms, p95 ${pct(95).toFixed(2)} ms, max ${ms.at(-1).toFixed(2)} ms (frame budget 16 ms)`);
  console.log(`rows in the DOM at most: ${Math.max(...times.map((t) => t.rows))}`);
  if (ms.at(-1) >= 16) {
    console.log('slowest:', times.sort((a, b) => b.ms - a.ms).slice(0, 3));
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  site.close();
  await data.close();
}
