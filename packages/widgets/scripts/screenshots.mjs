// Screenshots of the demo page (examples/municipal-page) at 360 and 1280 px, German and English,
// served by the real reference server from the CDN build. Run after `pnpm build`:
//   node --import tsx --conditions=@fachkraefte/source scripts/screenshots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
const out = process.argv[2] ?? '/tmp/shots';
const { startServer } = await import(new URL('../../server/src/index.ts', import.meta.url).href);
const server = await startServer({ port: 0, memory: true, dataSets: ['seed'], log: () => {} });
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  for (const lang of ['de', 'en']) {
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const logs = [];
      page.on('console', (m) => logs.push(m.type() + ': ' + m.text()));
      page.on('pageerror', (e) => logs.push('pageerror: ' + e.message));
      page.on('request', (r) => { if (!r.url().startsWith(server.url)) logs.push('THIRD-PARTY ' + r.url()); });
      await page.goto(server.url + '/');
      if (lang === 'en') await page.evaluate(() => document.querySelector('fk-alliance-directory').setAttribute('lang', 'en'));
      await page.waitForSelector('fk-alliance-directory [part~="list"]', { timeout: 15000 });
      await page.screenshot({ path: `${out}/list-${lang}-${width}.png`, fullPage: true });
      await page.locator('fk-alliance-directory [part~="item-button"]', { hasText: 'Südwest' }).click();
      await page.waitForSelector('fk-alliance-directory [part~="profile"]');
      await page.screenshot({ path: `${out}/profile-${lang}-${width}.png`, fullPage: true });
      console.log(lang, width, logs.length ? logs : 'no console output');
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
