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

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const { files } = (await buildCdn()) as { files: Map<string, string> };
  server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const file = path.startsWith('/cdn/') ? files.get(path.slice(5)) : undefined;
    if (path === '/') res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
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

/** The widget entry modules the page has asked for so far. */
async function open(): Promise<{ page: Page; asked: () => string[] }> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  const urls: string[] = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => customElements.get('fk-alliance-directory'));
  const asked = () => urls.filter((u) => /^\/cdn\/[a-z-]+\.js$/.test(u) && u !== '/cdn/fk.js').sort();
  return { page, asked };
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
});
