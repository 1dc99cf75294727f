// The iframe pages on ANOTHER origin in real Chromium: the host page (localhost:B) frames the
// reference server's embed pages (127.0.0.1:A) with the iframe code of the oEmbed answer; the
// frame becomes exactly as tall as its content and follows it; forged height messages (another
// origin's frame, the host page itself, the embed frame navigated elsewhere) are ignored; without
// the host script the fixed height stays; the pages work under a path prefix and as static copies.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, REPO, startEmbedEnv, startHostServer, type HostServer, watchProblems } from './embed-env.js';

const SUEDWEST = 'fachkraefteallianz-suedwest';

let env: Awaited<ReturnType<typeof startEmbedEnv>>;
let host: HostServer;
let prefixed: HostServer;
let browser: Browser;
let A: string;

beforeAll(async () => {
  env = await startEmbedEnv();
  A = env.api.url;
  // A static copy of the embed folder beside the CDN folder, with the API proxied at ../v1.
  const site = join(env.tmp, 'static');
  mkdirSync(site, { recursive: true });
  cpSync(join(REPO, 'examples/municipal-page/embed'), join(site, 'embed'), { recursive: true });
  cpSync(env.cdn, join(site, 'cdn'), { recursive: true });
  host = await startHostServer({ staticDir: env.tmp, proxy: { prefix: '/static/v1/', to: `${A}/v1` } });
  // The reference server behind a reverse proxy under a path prefix.
  prefixed = await startHostServer({ proxy: { prefix: '/fachkraefte/', to: A } });
  browser = await launch();
  // The host page's forging frame: posts a huge height to its parent, over and over.
  host.pages.set('/forge.html', {
    body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Forge</title><script src="/forge.js"></script></head><body><p>forge</p></body></html>`,
  });
  host.pages.set('/forge.js', {
    type: 'text/javascript',
    body: `const send = () => parent.postMessage({ type: 'fachkraefte:embed-height', height: 5000 }, '*');
send(); setInterval(send, 100);`,
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await prefixed?.close();
  await env?.close();
});

async function oembedHtml(page: string): Promise<string> {
  const res = await fetch(`${A}/oembed?url=${encodeURIComponent(`${A}${page}`)}&format=json`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { html: string }).html;
}

/** A host page on origin B: a site stylesheet that makes every box border-box, and `body`. */
function hostPage(path: string, body: string): void {
  host.pages.set(path, {
    body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Gemeinde</title>
<link rel="stylesheet" href="/site.css"></head><body><main><h1>Fachkräfte</h1>
${body}
<p>Text unter dem Widget.</p></main></body></html>`,
  });
  host.pages.set('/site.css', { type: 'text/css', body: '*, *::before, *::after { box-sizing: border-box; } iframe { border: 3px solid #456; width: 100%; }' });
}

/** The frame's content height as the embed page measures it, and whether it scrolls. */
async function measure(page: Page, frameSelector: string): Promise<{ iframe: number; content: number; scrolls: boolean }> {
  const handle = await page.$(frameSelector);
  const frame = (await handle!.contentFrame()) as Frame;
  const iframe = await handle!.evaluate((el) => (el as HTMLIFrameElement).clientHeight);
  const inner = await frame.evaluate(() => ({
    content: Math.ceil(document.body.getBoundingClientRect().height),
    scrolls: document.documentElement.scrollHeight > window.innerHeight,
  }));
  return { iframe, ...inner };
}

async function settled(page: Page, frameSelector: string): Promise<number> {
  let last = -1;
  let stable = 0;
  // Exactly as tall: the iframe's inner height equals the content's, and the frame does not
  // scroll; the same for a few consecutive reads (the widget has finished loading).
  await expect.poll(async () => {
    const m = await measure(page, frameSelector);
    const ok = m.iframe === m.content && !m.scrolls && m.content > 100;
    stable = ok && m.content === last ? stable + 1 : 0;
    last = m.content;
    return stable >= 3;
  }, { timeout: 30_000, intervals: [250] }).toBe(true);
  return last;
}

describe('self-sizing iframes on another origin', () => {
  it('an iframe becomes exactly as tall as its content, and follows it', async () => {
    const code = await oembedHtml(`/embed/alliance-directory.html?lang=de`);
    hostPage('/directory.html', code);
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    const problems = await watchProblems(page);
    await page.goto(`${host.url}/directory.html`);
    expect(new URL(page.url()).origin).not.toBe(new URL(A).origin);
    const list = await settled(page, 'iframe');
    // Taller than the fixed 900 px the code starts with: the whole list shows without scrolling.
    expect(list).not.toBe(900);
    // Open an alliance inside the frame: the content changes, the frame follows.
    const frame = (await (await page.$('iframe'))!.contentFrame())!;
    await frame.locator('fk-alliance-directory [part~="item-button"]').first().click();
    await expect.poll(() => frame.locator('fk-alliance-directory #fk-profile-title').count(), { timeout: 20_000 }).toBe(1);
    const profile = await settled(page, 'iframe');
    expect(profile).not.toBe(list);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the calendar as well, in a narrow column', async () => {
    hostPage('/calendar.html', await oembedHtml(`/embed/event-calendar.html?alliance=${SUEDWEST}&lang=en`));
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${host.url}/calendar.html`);
    await settled(page, 'iframe');
    const frame = (await (await page.$('iframe'))!.contentFrame())!;
    expect(await frame.evaluate(() => document.title)).toBe('Events: Fachkräfteallianz Südwest');
    await page.close();
  });

  it('ignores heights from another origin\'s frame, from the host page, and from the embed frame navigated elsewhere', async () => {
    const code = await oembedHtml(`/embed/alliance-directory.html?alliance=${SUEDWEST}`);
    hostPage('/forged.html', `${code.replace('<iframe ', '<iframe id="real" ')}\n<iframe id="forge" src="/forge.html" title="Forge" height="150"></iframe>`);
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    await page.goto(`${host.url}/forged.html`);
    const height = await settled(page, '#real');
    // The host page's own window posts too (e.source is not the frame's window).
    await page.evaluate(() => window.postMessage({ type: 'fachkraefte:embed-height', height: 4000 }, '*'));
    await page.waitForTimeout(1000);
    expect((await measure(page, '#real')).iframe).toBe(height);
    // The forging frame resizes nobody, itself included (its origin is not the embed server's).
    expect(await page.$eval('#forge', (el) => (el as HTMLIFrameElement).clientHeight)).toBe(150 - 6);
    // The embed frame, navigated to another origin: its window is the frame's, its origin not
    // the one of the iframe's src.
    const real = (await (await page.$('#real'))!.contentFrame())!;
    await real.evaluate((url) => { location.href = url; }, `${host.url}/forge.html`).catch(() => undefined);
    await expect.poll(() => page.frames().filter((f) => f.url().endsWith('/forge.html')).length).toBe(2);
    await page.waitForTimeout(1000);
    expect(await page.$eval('#real', (el) => (el as HTMLIFrameElement).src)).toContain(`${A}/embed/`);
    expect(await page.$eval('#real', (el) => (el as HTMLIFrameElement).clientHeight)).toBe(height);
    await page.close();
  });

  it('without the host script the fixed height stays and the widget still works', async () => {
    const code = (await oembedHtml(`/embed/event-calendar.html?alliance=${SUEDWEST}`)).replace(/\n<script[^]*$/, '');
    hostPage('/plain.html', code);
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    await page.goto(`${host.url}/plain.html`);
    const frame = (await (await page.$('iframe'))!.contentFrame())!;
    await expect.poll(() => frame.locator('fk-event-calendar[data-fk-ready]').count(), { timeout: 20_000 }).toBe(1);
    await page.waitForTimeout(1000);
    // The height attribute of the code, less the site's 3 px borders (border-box).
    expect(await page.$eval('iframe', (el) => (el as HTMLIFrameElement).clientHeight)).toBe(820 - 6);
    await page.close();
  });

  it('the embed pages work under a path prefix: widget, title and accent colour', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const problems = await watchProblems(page);
    await page.goto(`${prefixed.url}/fachkraefte/embed/member-map.html?alliance=${SUEDWEST}&tiles=none&accent=%2300607a`);
    await expect.poll(() => page.locator('fk-member-map [part~="list-item"]').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await page.title()).toBe('Mitglieder auf der Karte: Fachkräfteallianz Südwest');
    expect(await page.locator('fk-member-map').evaluate((el) => getComputedStyle(el).getPropertyValue('--fk-color-accent').trim())).toBe('#00607a');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a static copy of the embed folder does in the browser what the server renders', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const problems = await watchProblems(page);
    await page.goto(`${host.url}/static/embed/event-calendar.html?alliance=${SUEDWEST}&lang=en&view=list&history=false&api=https://evil.example/v1`);
    const el = page.locator('fk-event-calendar');
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('Events: Fachkräfteallianz Südwest');
    expect(await el.getAttribute('alliance')).toBe(SUEDWEST);
    expect(await el.getAttribute('view')).toBe('list');
    expect(await el.getAttribute('history')).toBeNull();
    expect(await el.getAttribute('api')).toBeNull();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('fk-event-calendar [part~="list"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
