/**
 * fk.js, the CDN autoloader, in real Chromium against the CDN folder built in memory: it imports
 * the widgets within a screen's height of the viewport at once, the others only when the visitor
 * scrolls near them, and widgets added later as they appear. The page has no API: only which
 * modules the browser asks for is looked at.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { buildCdn } from '../scripts/cdn-sizes.mjs';

const PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Autoloader</title>
<script type="module" src="/cdn/fk.js"></script></head><body style="margin:0">
<fk-alliance-directory style="display:block;height:300px"></fk-alliance-directory>
<div style="height:5000px"></div>
<fk-event-calendar id="far" style="display:block;height:300px"></fk-event-calendar>
</body></html>`;

/** A page with fk.js and no widget. */
const EMPTY = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Ohne Widget</title>
<script type="module" src="/cdn/fk.js"></script></head><body><p>Kein Widget</p></body></html>`;

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const { files } = (await buildCdn()) as { files: Map<string, string> };
  server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const file = path.startsWith('/cdn/') ? files.get(path.slice(5)) : undefined;
    if (path === '/') res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
    else if (path === '/empty') res.writeHead(200, { 'Content-Type': 'text/html' }).end(EMPTY);
    else if (file !== undefined) res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(file);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The widget entry modules the page has asked for so far, and every URL in the order asked. */
async function open(path = '/'): Promise<{ page: Page; asked: () => string[]; urls: string[] }> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  const urls: string[] = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  await page.goto(`${origin}${path}`);
  if (path === '/') await page.waitForFunction(() => customElements.get('fk-alliance-directory'));
  const asked = () => urls.filter((u) => /^\/cdn\/[a-z-]+\.js$/.test(u) && u !== '/cdn/fk.js').sort();
  return { page, asked, urls };
}

describe('fk.js (autoloader)', () => {
  it('imports a widget near the viewport at once, one far below only when the visitor scrolls near it', async () => {
    const { page, asked } = await open();
    await page.waitForTimeout(300);
    expect(asked()).toEqual(['/cdn/alliance-directory.js']);
    expect(await page.evaluate(() => !!customElements.get('fk-event-calendar'))).toBe(false);
    await page.evaluate(() => document.getElementById('far')!.scrollIntoView());
    await page.waitForFunction(() => customElements.get('fk-event-calendar'));
    expect(asked()).toEqual(['/cdn/alliance-directory.js', '/cdn/event-calendar.js']);
    await page.close();
  });

  it('imports a widget added later once it appears, and only the widgets on the page', async () => {
    const { page, asked } = await open();
    await page.evaluate(() => document.body.prepend(document.createElement('fk-member-map')));
    await page.waitForFunction(() => customElements.get('fk-member-map'));
    expect(asked()).toEqual(['/cdn/alliance-directory.js', '/cdn/member-map.js']);
    await page.close();
  });

  it('fetches the SDK beside the first widget, not after it: no round trip more for the data', async () => {
    const { page, urls } = await open();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/sdk-[\w-]+\.js$/.test(e.name)));
    const sdk = urls.findIndex((u) => /^\/cdn\/chunks\/sdk-[\w-]+\.js$/.test(u));
    const entry = urls.indexOf('/cdn/alliance-directory.js');
    // Asked for together with the widget's entry, before any chunk that entry imports.
    const firstChunkOfEntry = urls.findIndex((u, i) => i > entry && /^\/cdn\/chunks\/chunk-/.test(u));
    expect(sdk).toBeGreaterThan(-1);
    expect(sdk).toBeLessThan(firstChunkOfEntry);
    expect(urls.filter((u) => /\/sdk-/.test(u))).toHaveLength(1);
    await page.close();
  });

  it('loads nothing more on a page without widgets', async () => {
    const { page, urls } = await open('/empty');
    await page.waitForTimeout(300);
    expect(urls.filter((u) => u.startsWith('/cdn/'))).toEqual(['/cdn/fk.js']);
    await page.close();
  });
});
