// The plugin in a real WordPress (Debian's 6.1 package, MariaDB, PHP 8.2), looked at by a real
// Chromium: posts written by an Author and a Contributor (no unfiltered_html) show working widgets
// with data from the reference API; the fallback link is in the HTML; hostile attribute values are
// refused or escaped; the settings page checks its nonce; uninstall removes the option.
// Screenshots of the posts go to $FK_WP_SHOTS when it is set.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../scripts/zip.mjs';
import { findChromium } from '../../../scripts/find-chromium.mjs';
import { missingPrerequisites, type PostSpec, startWordPress, type WordPressSite } from './wordpress.js';

const SLUG = 'fachkraefteallianz-suedwest';
const ATTACK = '"><script>alert(1)</script>';

const posts: Record<string, PostSpec> = {
  directory: { as: 'author', title: 'Verzeichnis', content: 'Alle Allianzen:\n\n[fachkraefte widget="alliance-directory"]' },
  profile: { as: 'author', title: 'Profil', content: `[fachkraefte widget="alliance-directory" alliance="${SLUG}" heading-level="2"]` },
  calendarEn: { as: 'author', title: 'Events', content: `[fachkraefte widget="event-calendar" alliance="${SLUG}" lang="en" view="list" theme="light"]` },
  map: { as: 'contributor', title: 'Karte', content: `[fachkraefte widget="member-map" alliance="${SLUG}" tiles="none"]` },
  block: { as: 'author', title: 'Block', content: `<!-- wp:fachkraefte/widget {"widget":"event-calendar","alliance":"${SLUG}","view":"list","fallbackText":"Kalender \\u0026 mehr"} /-->` },
  raw: {
    as: 'author', title: 'Roh',
    content: `<meta name="fachkraefte:api" content="https://daten.example.de/v1"><script type="module" src="https://www.example.de/cdn/fk.js"></script>
<fk-alliance-directory history><a href="https://www.example.de/fachkraefte">Übersicht</a></fk-alliance-directory>
<iframe src="https://www.example.de/embed/alliance-directory.html" title="Allianzen"></iframe>`,
  },
  hostileAuthor: { as: 'author', title: 'Angriff Autor', content: `[fachkraefte widget="alliance-directory" alliance='${ATTACK}']\n\n[fachkraefte widget="event-calendar" fallback="javascript:alert(1)"]` },
  // An administrator's content is not filtered by kses: here only the plugin stands between the
  // shortcode's values and the page.
  hostileAdmin: {
    as: 'admin', title: 'Angriff Admin',
    content: [
      `[fachkraefte widget="alliance-directory" alliance='x" onmouseover="alert(1)']`,
      '[fachkraefte widget="event-calendar" fallback="javascript:alert(document.cookie)"]',
      `[fachkraefte widget="member-map" alliance="${SLUG}" tiles="https://tracker.example/{z}/{x}/{y}.png"]`,
      '[fachkraefte widget="alliance-directory" onclick="alert(1)"]',
      '[fachkraefte widget="iframe"]',
      '[fachkraefte widget="event-calendar" view="month&quot; onfocus=&quot;alert(1)"]',
      `[fachkraefte widget="member-map" alliance="${SLUG}" tiles="none" tiles-attribution='" onmouseover="alert(1)' fallback-text="<img src=x onerror=alert(1)>"]`,
    ].join('\n\n'),
  },
};

let site: WordPressSite;
let browser: Browser;
let visitor: BrowserContext;
let alliances: { slug: string; name: string }[];
let members: { name: string }[];
const dialogs: string[] = [];
const shots = process.env.FK_WP_SHOTS;
// The release zip is what the test installs (through WordPress's own unzip_file()).
const zipDir = join(process.env.TMPDIR ?? '/tmp', `fk-wp-zip-${process.pid}`);

const postUrl = (key: string) => `${site.url}/?p=${site.setup.posts[key]!.id}`;

async function open(context: BrowserContext, key: string): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const res = await page.goto(postUrl(key));
  expect(res?.status()).toBe(200);
  return page;
}

async function login(context: BrowserContext, user: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
  return page;
}

beforeAll(async () => {
  const missing = missingPrerequisites();
  if (missing.length) {
    throw new Error(`The WordPress test needs Debian packages: apt-get install -y ${missing.join(' ')} (.ci/run installs them).`);
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROME_PATH.');
  site = await startWordPress(posts, buildZip(zipDir), SLUG);
  alliances = ((await (await fetch(`${site.apiUrl}/alliances?limit=200`)).json()) as { items: { slug: string; name: string }[] }).items;
  members = ((await (await fetch(`${site.apiUrl}/alliances/${SLUG}/members?limit=200`)).json()) as { items: { name: string }[] }).items;
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  visitor = await browser.newContext();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(zipDir, { recursive: true, force: true });
});

describe('WordPress 6.1 with the plugin', () => {
  it('is Debian\'s WordPress, whose roles below Editor lack unfiltered_html and whose kses drops the iframe', () => {
    expect(site.setup.wp_version).toMatch(/^6\.1\./);
    expect(site.setup.unfiltered_html).toEqual({ administrator: true, editor: true, author: false, contributor: false });
    expect(site.setup.kses_post_iframe).not.toContain('<iframe');
    // The README snippet saved by an Author: only the link text survives.
    const saved = site.setup.posts.raw!.saved;
    expect(saved).not.toMatch(/<fk-|<script|<meta|<iframe/);
    expect(saved).toContain('Übersicht');
    // The shortcode is plain text to kses, so it survives for Authors and Contributors.
    expect(site.setup.posts.directory!.saved).toContain('[fachkraefte widget="alliance-directory"]');
    expect(site.setup.posts.map!.saved).toContain('[fachkraefte widget="member-map"');
  });

  it('shows nothing to visitors while the API and CDN are not set', async () => {
    const html = await (await fetch(postUrl('directory'))).text();
    expect(html).toContain('Alle Allianzen:');
    expect(html).not.toContain('<fk-');
    expect(html).not.toContain('[fachkraefte');
    expect(html).not.toContain('fachkraefte-error');
  });

  it('settings page: Administrators only, refuses a request without a valid nonce, refuses non-http URLs, saves', async () => {
    const author = await browser.newContext();
    const authorPage = await login(author, 'author', site.password);
    const denied = await authorPage.goto(`${site.url}/wp-admin/options-general.php?page=fachkraefte`);
    expect(denied?.status()).toBe(403);
    await author.close();

    const admin = await browser.newContext({ locale: 'de-DE' });
    const page = await login(admin, 'admin', site.adminPassword);
    const form = { option_page: 'fachkraefte', action: 'update', 'fachkraefte_settings[api_base]': 'https://evil.example/v1', 'fachkraefte_settings[cdn_url]': 'https://evil.example/cdn/' };
    const noNonce = await page.request.post(`${site.url}/wp-admin/options.php`, { form, maxRedirects: 0 });
    expect(noNonce.status()).toBe(403);
    const badNonce = await page.request.post(`${site.url}/wp-admin/options.php`, { form: { ...form, _wpnonce: 'abcdef1234', _wp_http_referer: '/wp-admin/options-general.php?page=fachkraefte' }, maxRedirects: 0 });
    expect(badNonce.status()).toBe(403);

    await page.goto(`${site.url}/wp-admin/options-general.php?page=fachkraefte`);
    expect(await page.inputValue('#fachkraefte_api_base')).toBe('');
    expect(await page.locator('input[name="_wpnonce"]').count()).toBe(1);
    await page.fill('#fachkraefte_api_base', 'javascript:alert(1)');
    await page.fill('#fachkraefte_cdn_url', `${site.cdnUrl}fk.js`);
    // type="url" would stop the browser from sending javascript:; the server must refuse it on its own.
    await page.locator('#fachkraefte_api_base').evaluate((el) => el.setAttribute('type', 'text'));
    await Promise.all([page.waitForURL(/settings-updated=true/), page.click('#submit')]);
    await expect.poll(() => page.locator('.notice, .error, .updated').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('API-Adresse: Bitte eine vollständige http(s)-Adresse angeben')]));
    expect(await page.inputValue('#fachkraefte_api_base')).toBe('');
    expect(await page.inputValue('#fachkraefte_cdn_url')).toBe(site.cdnUrl);

    await page.fill('#fachkraefte_api_base', `${site.apiUrl}/`);
    await Promise.all([page.waitForURL(/settings-updated=true/), page.click('#submit')]);
    expect(await page.inputValue('#fachkraefte_api_base')).toBe(site.apiUrl);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: join(shots, 'settings-1280.png'), fullPage: true });
    }
    await admin.close();
  });

  it('an Author\'s directory post: the element, the module script and the fallback link in the HTML', async () => {
    const html = await (await fetch(postUrl('directory'))).text();
    expect(html).toContain(`<fk-alliance-directory api="${site.apiUrl}"><p><a href="${site.apiUrl}/alliances">Übersicht der Fachkräfteallianzen (Daten)</a></p></fk-alliance-directory>`);
    expect(html).toContain(`<script type="module" src="${site.cdnUrl}fk.js" id="fachkraefte-js"></script>`);
    expect(html).toMatch(new RegExp(`<link[^>]+href='${site.cdnUrl}fk\\.css'`));
    expect(html.match(/fk\.js/g)).toHaveLength(1);
  });

  it('an Author\'s directory post lists every alliance in Chromium', async () => {
    const page = await open(visitor, 'directory');
    const items = page.locator('fk-alliance-directory').locator('[part~="item"]');
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(alliances.length);
    for (const a of alliances.slice(0, 5)) await page.locator('fk-alliance-directory').getByText(a.name, { exact: true }).first().waitFor();
    // The fallback is hidden once the widget runs.
    expect(await page.locator('fk-alliance-directory > p > a').isVisible()).toBe(false);
    await page.close();
  });

  it('an Author\'s profile post shows the alliance and its members; screenshots 360 and 1280', async () => {
    const page = await open(visitor, 'profile');
    const name = alliances.find((a) => a.slug === SLUG)!.name;
    const widget = page.locator('fk-alliance-directory');
    await widget.getByRole('heading', { name, level: 2 }).waitFor({ timeout: 20_000 });
    expect(members.length).toBeGreaterThan(0);
    await widget.locator('[part~="member"]').first().waitFor();
    const shown = await widget.locator('[part~="member"]').allInnerTexts();
    expect(shown.some((t) => t.includes(members[0]!.name))).toBe(true);
    if (shots) {
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(shots, `post-profile-de-${width}.png`), fullPage: true });
      }
    }
    await page.close();
  });

  it('an Author\'s calendar post in English (lang="en") renders in English', async () => {
    const html = await (await fetch(postUrl('calendarEn'))).text();
    expect(html).toContain(`<fk-event-calendar api="${site.apiUrl}" alliance="${SLUG}" lang="en" view="list" theme="light"><p><a href="${site.apiUrl}/events.ics?alliance=${SLUG}">Events as a calendar file (.ics)</a></p></fk-event-calendar>`);
    const ics = await fetch(`${site.apiUrl}/events.ics?alliance=${SLUG}`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const page = await open(visitor, 'calendarEn');
    const cal = page.locator('fk-event-calendar');
    await cal.getByRole('button', { name: 'Today' }).first().waitFor({ timeout: 20_000 });
    // The alliance's next event (from the API) appears, in this month or one of the next ones.
    const next = ((await (await fetch(`${site.apiUrl}/events?alliance=${SLUG}&from=${new Date().toISOString()}&limit=1`)).json()) as { items: { title: string }[] }).items[0];
    expect(next).toBeDefined();
    const title = cal.getByText(next!.title).first();
    for (let i = 0; i < 4 && !(await title.isVisible()); i++) {
      await cal.getByRole('button', { name: 'Next month' }).click();
      await page.waitForTimeout(500);
    }
    await title.waitFor({ timeout: 10_000 });
    await cal.getByRole('button', { name: 'Today' }).first().click();
    if (shots) {
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(shots, `post-calendar-en-${width}.png`), fullPage: true });
      }
    }
    await page.close();
  });

  it('a Contributor\'s map post (published by an admin) lists the alliance\'s members', async () => {
    const page = await open(visitor, 'map');
    const rows = page.locator('fk-member-map').locator('[part~="list-item"]');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const texts = await rows.allInnerTexts();
    expect(texts.some((t) => t.includes(members[0]!.name))).toBe(true);
    if (shots) {
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(shots, `post-map-de-${width}.png`), fullPage: true });
      }
    }
    await page.close();
  });

  it('the block, saved by an Author, renders through the same function', async () => {
    const html = await (await fetch(postUrl('block'))).text();
    expect(html).toMatch(new RegExp(`<div class="wp-block-fachkraefte-widget"><fk-event-calendar api="${site.apiUrl}" alliance="${SLUG}" view="list"><p><a href="[^"]+">Kalender &amp; mehr</a></p></fk-event-calendar></div>`));
    const page = await open(visitor, 'block');
    await page.locator('fk-event-calendar').getByRole('button', { name: 'Heute' }).first().waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('in a classic theme (Twenty Twenty-One) the script and style, enqueued after wp_head, still reach the page', async () => {
    const switched = site.php('theme.php', 'twentytwentyone');
    expect(switched).toBe('twentytwentyone');
    try {
      const html = await (await fetch(postUrl('directory'))).text();
      expect(html).toContain('/themes/twentytwentyone/');
      const body = html.slice(html.indexOf('<fk-alliance-directory'));
      expect(body).toContain(`<script type="module" src="${site.cdnUrl}fk.js" id="fachkraefte-js"></script>`);
      expect(body).toMatch(new RegExp(`<link[^>]+href='${site.cdnUrl}fk\\.css'`));
      const page = await open(visitor, 'directory');
      await expect.poll(() => page.locator('fk-alliance-directory').locator('[part~="item"]').count(), { timeout: 20_000 }).toBe(alliances.length);
      await page.close();
    } finally {
      site.php('theme.php', 'twentytwentythree');
    }
  });

  it('without JavaScript the fallback link is shown and leads to the data', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await open(noJs, 'map');
    const link = page.locator('fk-member-map a');
    expect(await link.isVisible()).toBe(true);
    expect(await link.innerText()).toBe('Mitglieder als GeoJSON-Datei');
    const res = await fetch((await link.getAttribute('href'))!);
    expect(res.status).toBe(200);
    expect((await res.json()).type).toBe('FeatureCollection');
    await noJs.close();
  });

  it('hostile values from an Author are refused with a visible note, never executed', async () => {
    const html = await (await fetch(postUrl('hostileAuthor'))).text();
    expect(html).not.toMatch(/<script>alert|javascript:alert/);
    const page = await open(visitor, 'hostileAuthor');
    const notes = await page.locator('.fachkraefte-error').allInnerTexts();
    expect(notes).toHaveLength(2);
    expect(notes[1]).toContain('„fallback“ muss eine http(s)-Adresse sein.');
    await page.close();
  });

  it('hostile values in an administrator\'s post (no kses) are refused or escaped', async () => {
    const html = await (await fetch(postUrl('hostileAdmin'))).text();
    const body = html.slice(html.indexOf('wp-block-post-content'));
    expect(body).not.toMatch(/<script>alert|javascript:|tracker\.example|<img|onclick=|onfocus=&quot;|onmouseover="/);
    const page = await open(visitor, 'hostileAdmin');
    const notes = await page.locator('.fachkraefte-error').allInnerTexts();
    expect(notes).toEqual([
      expect.stringContaining('„alliance“ muss ein Kürzel aus Kleinbuchstaben'),
      expect.stringContaining('„fallback“ muss eine http(s)-Adresse sein.'),
      expect.stringContaining('„tiles“ muss „none“ sein oder eine http(s)-Kachel-Vorlage'),
      expect.stringContaining('unbekanntes Attribut „onclick“'),
      expect.stringContaining('„widget“ muss alliance-directory, event-calendar oder member-map sein.'),
      expect.stringContaining('„view“ muss einer dieser Werte sein: month, list.'),
    ]);
    // The last one is valid: its text values arrive as text, attribute for attribute.
    const map = page.locator('fk-member-map');
    expect(await map.count()).toBe(1);
    expect(await map.getAttribute('tiles-attribution')).toBe('" onmouseover="alert(1)');
    expect(await map.getAttribute('onmouseover')).toBeNull();
    expect(await page.locator('fk-member-map > p > a').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await map.locator('[part~="list-item"]').first().waitFor({ timeout: 20_000 });
    await map.hover();
    expect(dialogs).toEqual([]);
    if (shots) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(shots, 'post-refused-de-1280.png'), fullPage: true });
    }
    await page.close();
  });

  it('the block editor offers the block to an Author, with the alliances by name from the API', async () => {
    const author = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await login(author, 'author', site.password);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${site.url}/wp-admin/post-new.php`);
    await page.waitForFunction(() => Boolean((window as any).wp?.blocks?.getBlockType?.('fachkraefte/widget')), null, { timeout: 60_000 });
    await page.evaluate(() => {
      const wp = (window as any).wp;
      wp.data.dispatch('core/block-editor').insertBlocks(wp.blocks.createBlock('fachkraefte/widget', { widget: 'member-map' }));
    });
    const name = alliances.find((a) => a.slug === SLUG)!.name;
    const select = page.locator('.wp-block-fachkraefte-widget select').nth(1);
    await expect.poll(async () => (await select.locator('option').allInnerTexts()).includes(name), { timeout: 20_000 }).toBe(true);
    await select.selectOption(SLUG);
    await page.locator('.wp-block-fachkraefte-widget').getByText(`Mitgliederkarte – ${name}`).waitFor();
    const attrs = await page.evaluate(() => (window as any).wp.data.select('core/block-editor').getBlocks().find((b: any) => b.name === 'fachkraefte/widget').attributes);
    expect(attrs).toMatchObject({ widget: 'member-map', alliance: SLUG });
    if (shots) await page.screenshot({ path: join(shots, 'block-editor-1280.png') });
    expect(errors).toEqual([]);
    await author.close();
  });

  it('writes no PHP warning or notice', () => {
    expect(site.debugLog()).not.toMatch(/fachkraefte/i);
  });

  it('uninstall removes the option', () => {
    const result = JSON.parse(site.php('uninstall.php')) as { before: unknown; after: unknown };
    expect(result.before).toEqual({ api_base: site.apiUrl, cdn_url: site.cdnUrl });
    expect(result.after).toBeNull();
  });
});
