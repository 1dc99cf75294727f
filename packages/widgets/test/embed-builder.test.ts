// The embed builder (/einbinden/) in real Chromium against the real reference server: alliances
// chosen by name, the live preview with the real widget, every copied output exactly as expected
// (and the copied snippet working on a page of another origin), the contrast check, axe, the
// keyboard, both languages, 360 px, and the builder run as a static page from the CDN folder.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXTS } from '../src/builder/i18n.js';
import { axeViolations, launch, startEmbedEnv, startHostServer, type HostServer, watchProblems } from './embed-env.js';

const SUEDWEST = 'fachkraefteallianz-suedwest';
const LUDWIGSBURG = 'fachkraefteallianz-landkreis-ludwigsburg';

let env: Awaited<ReturnType<typeof startEmbedEnv>>;
let host: HostServer;
let browser: Browser;
let A: string;
let suedwestWebsite: string | null;

beforeAll(async () => {
  env = await startEmbedEnv();
  A = env.api.url;
  host = await startHostServer({ staticDir: env.tmp });
  browser = await launch();
  suedwestWebsite = ((await (await fetch(`${A}/v1/alliances/${SUEDWEST}`)).json()) as { website: string | null }).website;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await env?.close();
});

async function open(path = '/einbinden/', width = 1280, origin = A): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const problems = await watchProblems(page);
  await page.goto(origin + path);
  // Loaded: the alliances are in the list.
  await expect.poll(() => page.locator('#alliance-one option').count(), { timeout: 20_000 }).toBeGreaterThan(3);
  return { page, context, problems };
}

async function copy(page: Page, button: string): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => page.locator('#code-status').textContent()).toMatch(/kopiert|copied/);
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('embed builder', () => {
  it('lists the alliances by name; the preview is the real widget; the copied snippet works on another origin', async () => {
    const { page, context, problems } = await open();
    const names = await page.locator('#alliance-one option').allTextContents();
    expect(names).toContain('Fachkräfteallianz Südwest');
    expect(names.some((n) => n.includes('fachkraefteallianz-'))).toBe(false);
    await page.locator('#builder').getByLabel('Allianz', { exact: true }).selectOption({ label: 'Fachkräfteallianz Südwest' });
    // The preview: the real directory, showing the chosen alliance's profile from the API.
    await expect.poll(() => page.locator('#preview fk-alliance-directory #fk-profile-title').textContent(), { timeout: 20_000 }).toBe('Fachkräfteallianz Südwest');

    const snippet = await copy(page, 'Snippet kopieren');
    expect(snippet).toBe([
      `<meta name="fachkraefte:api" content="${A}/v1">`,
      `<link rel="stylesheet" href="${A}/cdn/fk.css">`,
      `<script type="module" src="${A}/cdn/fk.js"></script>`,
      '',
      `<fk-alliance-directory alliance="${SUEDWEST}">`,
      // The alliance's website if the data has one, else its record in the API.
      suedwestWebsite
        ? `  <a href="${suedwestWebsite}">Fachkräfteallianz Südwest</a>`
        : `  <a href="${A}/v1/alliances/${SUEDWEST}">Fachkräfteallianz Südwest (Daten als JSON)</a>`,
      '</fk-alliance-directory>',
    ].join('\n'));
    expect(await page.locator('#code-status').textContent()).toBe('Snippet (Web-Komponente): in die Zwischenablage kopiert.');

    // Pasted into a page of another origin, it shows the widget …
    host.pages.set('/snippet.html', { body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Gemeinde</title></head><body><main>\n${snippet}\n</main></body></html>` });
    const site = await context.newPage();
    await site.goto(`${host.url}/snippet.html`);
    await expect.poll(() => site.locator('fk-alliance-directory #fk-profile-title').textContent(), { timeout: 20_000 }).toBe('Fachkräfteallianz Südwest');
    // … and without JavaScript, the fallback link.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${host.url}/snippet.html`);
    expect(await plain.getByRole('link', { name: /^Fachkräfteallianz Südwest/ }).getAttribute('href')).toBe(suedwestWebsite ?? `${A}/v1/alliances/${SUEDWEST}`);
    await noJs.close();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('calendar: several alliances by name and every option, in each of the four outputs', async () => {
    const { page, context, problems } = await open();
    await page.locator('#builder').getByLabel('Terminkalender').check();
    await page.locator('#builder').getByLabel('Fachkräfteallianz Südwest').check();
    await page.locator('#builder').getByLabel('Fachkräfteallianz Landkreis Ludwigsburg').check();
    await page.locator('#builder').getByLabel('Sprache des Widgets').selectOption('en');
    await page.locator('#builder').getByLabel('Ansicht').selectOption('list');
    await page.locator('#builder').getByLabel('Überschriftenebene').selectOption('3');
    await page.locator('#builder').getByLabel('Erster Monat').fill('2026-11');
    await page.locator('#builder').getByLabel('Auswahl in der Adresse merken').check();
    await page.locator('#builder').getByLabel('Strukturierte Daten für Suchmaschinen (JSON-LD)').check();
    const slugs = `${LUDWIGSBURG},${SUEDWEST}`;
    const names = 'Fachkräfteallianz Landkreis Ludwigsburg, Fachkräfteallianz Südwest';

    const snippet = await copy(page, 'Snippet kopieren');
    expect(snippet.split('\n').slice(4)).toEqual([
      `<fk-event-calendar alliance="${slugs}" lang="en" view="list" month="2026-11" history json-ld heading-level="3">`,
      `  <a href="${A}/v1/events.ics?alliance=${slugs}">Events: ${names} (calendar file .ics)</a>`,
      '</fk-event-calendar>',
    ]);
    const query = `alliance=${slugs}&amp;lang=en&amp;view=list&amp;month=2026-11&amp;history=true&amp;json-ld=true&amp;heading-level=3`;
    expect(await copy(page, 'iframe-Code kopieren')).toBe(
      `<iframe src="${A}/embed/event-calendar.html?${query}" title="Events: ${names}" width="100%" height="820" loading="lazy"></iframe>\n` +
      `<script src="${A}/embed/resize.js" async></script>`,
    );
    expect(await copy(page, 'Shortcode kopieren')).toBe(
      `[fachkraefte widget="event-calendar" alliance="${slugs}" lang="en" view="list" month="2026-11" history="true" json-ld="true" heading-level="3"]`,
    );
    expect(await copy(page, 'CSP kopieren')).toBe(`script-src 'self' ${A};\nstyle-src 'self' ${A};\nconnect-src 'self' ${A};\nframe-src ${A};`);

    // The preview: the real calendar with the options, but without history (it would write the
    // builder's own URL).
    const preview = page.locator('#preview fk-event-calendar');
    await expect.poll(() => preview.getAttribute('view'), { timeout: 10_000 }).toBe('list');
    expect(await preview.getAttribute('alliance')).toBe(slugs);
    expect(await preview.getAttribute('lang')).toBe('en');
    expect(await preview.getAttribute('history')).toBeNull();
    await expect.poll(() => page.locator('#preview fk-event-calendar [part~="list"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('#preview fk-event-calendar [part~="error"]').count()).toBe(0);

    // The iframe code from the builder and the server's oEmbed answer for that page agree.
    const src = `${A}/embed/event-calendar.html?${query.replace(/&amp;/g, '&')}`;
    const oembed = (await (await fetch(`${A}/oembed?url=${encodeURIComponent(src)}&format=json`)).json()) as { html: string };
    expect(oembed.html).toBe(await copy(page, 'iframe-Code kopieren'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('map: needs an alliance; the CSP names the tile host it will use', async () => {
    const { page, context } = await open();
    await page.locator('#builder').getByLabel('Mitgliederkarte').check();
    await expect.poll(() => page.locator('#alliance-required').textContent()).toBe('Die Karte braucht mindestens eine Allianz.');
    await expect.poll(() => page.locator('#preview').textContent()).toBe('Die Karte braucht mindestens eine Allianz.');
    expect(await page.locator('#preview fk-member-map').count()).toBe(0);
    await page.locator('#builder').getByLabel('Fachkräfteallianz Südwest').check();
    expect(await page.locator('#alliance-required').count()).toBe(0);
    await expect.poll(() => page.locator('#preview fk-member-map [part~="list-item"]').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await page.locator('#out-csp').textContent()).toContain("img-src 'self' data: https://sgx.geodatenzentrum.de;");
    await page.locator('#builder').getByLabel('Kartenhintergrund').selectOption('custom');
    await page.locator('#builder').getByLabel('Kachel-URL').fill('https://tiles.example.org/{z}/{x}/{y}.png');
    await page.locator('#builder').getByLabel('Quellenangabe der Kacheln').fill('© Beispiel "Karten"');
    expect(await page.locator('#out-csp').textContent()).toContain("img-src 'self' data: https://tiles.example.org;");
    expect(await page.locator('#out-snippet').textContent()).toContain(
      `<fk-member-map alliance="${SUEDWEST}" tiles="https://tiles.example.org/{z}/{x}/{y}.png" tiles-attribution="© Beispiel &quot;Karten&quot;">`,
    );
    expect(await page.locator('#out-shortcode').textContent()).toBe(
      `[fachkraefte widget="member-map" alliance="${SUEDWEST}" tiles="https://tiles.example.org/{z}/{x}/{y}.png" tiles-attribution="© Beispiel &quot;Karten&quot;"]`,
    );
    // A value the widget would reject is marked and left out of the code.
    const size = page.locator('#builder').getByLabel('Einträge je Seite');
    await size.fill('0');
    expect(await size.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#out-snippet').textContent()).not.toContain('page-size');
    await size.fill('25');
    expect(await size.getAttribute('aria-invalid')).toBe('false');
    expect(await page.locator('#out-shortcode').textContent()).toContain(' page-size="25"]');
    await page.locator('#builder').getByLabel('Kartenhintergrund').selectOption('none');
    expect(await page.locator('#out-csp').textContent()).toContain("img-src 'self' data:;");
    await context.close();
  });

  it('checks the accent colour against WCAG AA and shows both ratios', async () => {
    const { page, context } = await open();
    const field = page.locator('#builder').getByLabel('Farbwert (#rrggbb)');
    const read = async () => ({
      text: await page.locator('#ratio-text').textContent(), textVerdict: await page.locator('#verdict-text').textContent(),
      accent: await page.locator('#ratio-accent').textContent(), accentVerdict: await page.locator('#verdict-accent').textContent(),
    });
    // #767676 is the greyest grey that passes on white (4.54:1); #777777 fails (4.48:1): shown
    // rounded down, never as a passing 4,5.
    // The text colour on the accent is whichever of white and black contrasts more (for these
    // greys black, 4.6:1).
    await field.fill('#767676');
    expect(await read()).toEqual({ text: '4,6 : 1 (schwarzer Text)', textVerdict: '✓ erfüllt AA', accent: '4,5 : 1', accentVerdict: '✓ erfüllt AA' });
    await field.fill('#777777');
    expect(await read()).toEqual({ text: '4,6 : 1 (schwarzer Text)', textVerdict: '✓ erfüllt AA', accent: '4,4 : 1', accentVerdict: '✗ zu wenig Kontrast (AA: 4,5 : 1)' });
    // Dark blue: white text.
    await field.fill('#12324f');
    expect((await read()).text).toBe('13,1 : 1 (weißer Text)');
    // Yellow: black text on it passes, yellow links on white do not.
    await field.fill('#ffff00');
    expect(await read()).toEqual({ text: '19,5 : 1 (schwarzer Text)', textVerdict: '✓ erfüllt AA', accent: '1,0 : 1', accentVerdict: '✗ zu wenig Kontrast (AA: 4,5 : 1)' });
    await field.fill('grün');
    expect(await page.locator('#contrast-invalid').isVisible()).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('#00607a');
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    expect(await page.locator('#out-css').textContent()).toBe('fk-alliance-directory {\n  --fk-color-accent: #00607a;\n  --fk-color-accent-contrast: #ffffff;\n  --fk-color-focus: #00607a;\n}');
    expect(await page.locator('#out-iframe').textContent()).toContain('accent=%2300607a');
    await expect.poll(() => page.locator('#preview fk-alliance-directory').evaluate((el) => (el as HTMLElement).style.getPropertyValue('--fk-color-accent'))).toBe('#00607a');
    await page.getByRole('button', { name: 'Standard' }).click();
    expect(await field.inputValue()).toBe('#0b5cad');
    expect(await page.locator('#css-block').isHidden()).toBe(true);
    await context.close();
  });

  for (const width of [360, 1280]) {
    it(`has no axe violations and no CSP violation at ${width} px, German and English, with each widget`, async () => {
      const { page, context, problems } = await open('/einbinden/', width);
      for (const lang of ['de', 'en'] as const) {
        if (lang === 'en') await page.getByRole('link', { name: 'English' }).click();
        for (const widget of ['alliance-directory', 'event-calendar', 'member-map']) {
          await page.locator(`input[name="widget"][value="${widget}"]`).check();
          if (widget !== 'alliance-directory') {
            const box = page.locator('#alliance-many input').first();
            if (!(await box.isChecked())) await box.check();
          }
          const tag = `fk-${widget}`;
          // At 360 px the preview sits more than a screen below the form: fk.js loads a widget that
          // far down only when the visitor comes near (the page-speed work), as a visitor scrolling there does.
          await page.locator('#preview').scrollIntoViewIfNeeded();
          await expect.poll(() => page.locator(`#preview ${tag}[data-fk-ready]`).count(), { timeout: 20_000 }).toBe(1);
          await page.waitForTimeout(500);
          expect(await axeViolations(page), `${lang} ${widget}`).toEqual([]);
        }
      }
      // Nothing wider than the viewport at 360 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('switches its language in place: every text in English, and back', async () => {
    const { page, context } = await open();
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(page.url()).toContain('lang=en');
    const texts = await page.locator('[data-i18n]').evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.i18n!, e.textContent]));
    expect(texts.length).toBeGreaterThan(80);
    for (const [key, text] of texts) expect(text, key!).toBe(TEXTS.en[key as keyof typeof TEXTS.en]);
    expect(await page.title()).toBe('Embed a widget – skilled-worker alliances');
    expect(await page.locator('#alliance-status').textContent()).toMatch(/^\d+ alliances loaded\.$/);
    await page.getByRole('link', { name: 'Deutsch' }).click();
    expect(await page.locator('h1').textContent()).toBe('Widget einbinden');
    // Every text of the page is in both tables (the HTML carries the German ones).
    for (const [key, text] of await page.locator('[data-i18n]').evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.i18n!, e.textContent]))) {
      expect(text, key!).toBe(TEXTS.de[key as keyof typeof TEXTS.de]);
    }
    await context.close();
  });

  it('works by keyboard alone: every control in Tab order, choose, set and copy without a mouse', async () => {
    const { page, context } = await open();
    // Tab order reaches every visible control of the form and every copy button.
    const controls = await page.locator('#builder input:visible, #builder select:visible, #builder button:visible, #builder summary:visible, button[data-copy]:visible:enabled').count();
    const reached = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el && el !== document.body ? el.id || `${el.tagName}:${el.getAttribute('data-copy') ?? el.textContent?.trim().slice(0, 20)}` : null;
      });
      if (id) reached.add(id);
    }
    const expected = await page.locator('#builder input:visible, #builder select:visible, #builder button:visible, #builder summary:visible, button[data-copy]:visible:enabled')
      .evaluateAll((els) => els.map((el) => el.id || `${el.tagName}:${el.getAttribute('data-copy') ?? el.textContent?.trim().slice(0, 20)}`));
    // Radios form one tab stop (arrow keys move within the group).
    const missing = expected.filter((id) => !reached.has(id) && !id.startsWith('INPUT:'));
    expect(controls).toBeGreaterThan(10);
    expect(missing).toEqual([]);

    // Choose the calendar with the arrow keys, an alliance with the space bar, copy with Enter.
    await page.locator('input[name="widget"]:checked').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="widget"]:checked').getAttribute('value')).toBe('event-calendar');
    await page.locator('#builder').getByLabel('Fachkräfteallianz Südwest').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Shortcode kopieren' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`[fachkraefte widget="event-calendar" alliance="${SUEDWEST}"]`);
    // The skip link goes to the code.
    await page.goto(`${A}/einbinden/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Code springen');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');
    await context.close();
  });

  it('runs as a static page from the CDN folder on another host, with the API given as ?api=', async () => {
    const { page, context, problems } = await open(`/cdn/einbinden/?api=${encodeURIComponent(`${A}/v1`)}`, 1280, host.url);
    await page.locator('#builder').getByLabel('Allianz', { exact: true }).selectOption({ label: 'Fachkräfteallianz Südwest' });
    await expect.poll(() => page.locator('#preview fk-alliance-directory #fk-profile-title').textContent(), { timeout: 20_000 }).toBe('Fachkräfteallianz Südwest');
    const snippet = await page.locator('#out-snippet').textContent();
    expect(snippet).toContain(`<meta name="fachkraefte:api" content="${A}/v1">`);
    expect(snippet).toContain(`<script type="module" src="${host.url}/cdn/fk.js"></script>`);
    // The embed pages are guessed beside the CDN folder, and can be changed.
    expect(await page.locator('#builder').getByLabel('Einbettungsseiten (/embed/)').inputValue()).toBe(`${host.url}/embed/`);
    expect(problems).toEqual([]);
    await context.close();
  });
});

