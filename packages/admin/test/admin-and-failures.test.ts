/**
 * An admin creates and revokes a key; the failure states (revoked key, 403, 409, 429, server
 * stopped) each shown clearly with what was typed kept; a keyboard-only flow; and every view in
 * German and English at 360 and 1280 px without axe violations or sideways scrolling
 * (screenshots into $FK_SHOTS when set).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinDay, cleanBuild, expectAxeClean, type Harness, LUDWIGSBURG, navLink, openApp, revokeKey, shot, signIn, startHarness, SUEDWEST } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  cleanBuild();
});

const api = async (path: string, key?: string) => fetch(`${h.base}${path}`, key ? { headers: { authorization: `Bearer ${key}` } } : {});

describe('admin', () => {
  it('creates a key shown once with a copy button, and revokes it', async () => {
    const { page, context } = await openApp(h);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.base });
    await signIn(page, h.adminKey);
    expect(await page.locator('[data-scope]').textContent()).toContain('Administration');
    await navLink(page, 'Schlüssel').click();
    await page.getByLabel('Bezeichnung (wessen Schlüssel?)').fill('Vertretung Südwest (E2E)');
    await page.getByLabel('Darf ändern').selectOption(SUEDWEST);
    await page.getByRole('button', { name: 'Schlüssel anlegen' }).click();
    const shown = page.locator('#new-key');
    await expect.poll(() => shown.inputValue()).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const key = await shown.inputValue();
    await expectAxeClean(page, 'key shown once');
    await shot(page, 'state-key-shown-once-de-1280');
    await page.getByRole('button', { name: 'Kopieren' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    expect((await (await api('/v1/keys/self', key)).json()).label).toBe('Vertretung Südwest (E2E)');
    await page.getByRole('button', { name: /Fertig/ }).click();
    expect(await page.locator('#new-key').count()).toBe(0);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /^Widerrufen\s*: Vertretung Südwest \(E2E\)$/ }).click();
    await expect.poll(() => page.locator('.notice-ok').textContent()).toContain('widerrufen');
    expect((await api('/v1/keys/self', key)).status).toBe(401);
    await expectAxeClean(page, 'keys after revoking');
    await context.close();
  });

  it('explains a conflict (409) when an alliance exists already', async () => {
    const { page, context } = await openApp(h);
    await signIn(page, h.adminKey);
    await navLink(page, 'Allianzen').click();
    await page.getByLabel('Name', { exact: true }).fill('Doppelt');
    await page.getByLabel(/^Kürzel/).fill(SUEDWEST);
    await page.getByRole('button', { name: 'Allianz anlegen' }).click();
    await expect.poll(() => page.locator('[data-trouble="conflict"]').textContent()).toContain('Konflikt');
    expect(await page.getByLabel(/^Kürzel/).inputValue()).toBe(SUEDWEST);
    await expectAxeClean(page, '409');
    await shot(page, 'state-409-de-1280');
    await context.close();
  });
});

describe('failure states', () => {
  it('sends a signed-in coordinator back to sign-in when the key is revoked, keeping the draft', async () => {
    const key = await h.srv.createApiKey(SUEDWEST, 'Bald widerrufen');
    const { page, context } = await openApp(h);
    await signIn(page, key);
    await page.getByRole('link', { name: 'Neuer Termin' }).click();
    await page.getByLabel('Titel').fill('Entwurf bleibt');
    expect(await revokeKey(h, 'Bald widerrufen')).toBe(204);
    await page.getByRole('button', { name: 'Termin anlegen' }).click();
    await expect.poll(() => page.locator('[data-trouble="auth"]').textContent()).toContain('gilt nicht mehr');
    expect(await page.getByRole('heading', { name: 'Anmelden' }).count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.getItem('fk-admin-key'))).toBeNull();
    await expectAxeClean(page, '401: back to sign-in');
    await shot(page, 'state-401-signin-de-1280');
    // Signed in again (with a valid key), the draft is still there.
    await signIn(page, h.suedwestKey);
    expect(await page.getByLabel('Titel').inputValue()).toBe('Entwurf bleibt');
    page.once('dialog', (d) => void d.accept());
    await navLink(page, 'Termine').click();
    await context.close();
  });

  it('shows the server\'s reason for a 403, keeping what was typed', async () => {
    const other = (await (await api(`/v1/events?alliance=${LUDWIGSBURG}&limit=50`)).json()).items.find((e: { alliances: string[] }) => !e.alliances.includes(SUEDWEST));
    expect(other).toBeTruthy();
    const { page, context } = await openApp(h);
    await signIn(page, h.suedwestKey);
    await page.goto(`${h.base}/verwaltung/#/events/${other.id}`);
    await expect.poll(() => page.getByLabel('Titel').inputValue()).toBe(other.title);
    await page.getByLabel('Titel').fill('Fremder Termin, geändert');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    const refusal = page.locator('[data-trouble="forbidden"]');
    await expect.poll(() => refusal.textContent()).toContain('Nicht erlaubt');
    expect(await refusal.textContent()).toContain(SUEDWEST);
    expect(await page.getByLabel('Titel').inputValue()).toBe('Fremder Termin, geändert');
    await expectAxeClean(page, '403');
    await shot(page, 'state-403-de-1280');
    await context.close();
  });

  it('shows 429 with the wait, then "server down" when the server stops; nothing typed is lost', async () => {
    const slow = await startHarness({ writeLimit: { perMinute: 1, burst: 1 } });
    try {
      const { page } = await openApp(slow);
      await signIn(page, slow.suedwestKey);
      for (const title of ['Erster Termin', 'Zweiter Termin']) {
        await page.getByRole('link', { name: 'Neuer Termin' }).click();
        await page.getByLabel('Titel').fill(title);
        await page.getByLabel('Datum', { exact: true }).fill(berlinDay(5));
        await page.getByRole('button', { name: 'Termin anlegen' }).click();
        if (title === 'Erster Termin') await expect.poll(() => page.locator('.notice-ok').count()).toBe(1);
      }
      const rate = page.locator('[data-trouble="rate"]');
      await expect.poll(() => rate.textContent()).toMatch(/warten Sie \d+ Sekunden/);
      expect(await page.getByLabel('Titel').inputValue()).toBe('Zweiter Termin');
      await expectAxeClean(page, '429');
    await shot(page, 'state-429-de-1280');

      await slow.srv.close();
      await page.getByRole('button', { name: 'Termin anlegen' }).click();
      await expect.poll(() => page.locator('[data-trouble="offline"]').textContent()).toContain('nicht erreichbar');
      expect(await page.locator('.banner.notice-offline').count()).toBe(1);
      expect(await page.getByLabel('Titel').inputValue()).toBe('Zweiter Termin');
      await expectAxeClean(page, 'server down');
    await shot(page, 'state-server-down-de-1280');
    } finally {
      await slow.close();
    }
  });
});

describe('keyboard only', () => {
  /** Presses Tab until the focused element matches, at most 60 times. */
  async function tabTo(page: Page, test: (el: { id: string; text: string; tag: string }) => boolean) {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const el = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return { id: a?.id ?? '', text: (a?.textContent ?? '').trim(), tag: a?.tagName ?? '' };
      });
      if (test(el)) {
        // Focus is visible: an outline of at least 2 px.
        const outline = await page.evaluate(() => {
          const s = getComputedStyle(document.activeElement!);
          return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
        });
        expect(outline.style).not.toBe('none');
        expect(outline.width).toBeGreaterThanOrEqual(2);
        return;
      }
    }
    throw new Error('not reached with Tab');
  }

  it('signs in, creates an event and finds it in the list without a mouse', async () => {
    const { page, context } = await openApp(h);
    await tabTo(page, (el) => el.id === 'key');
    await page.keyboard.type(h.suedwestKey);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-who]').count()).toBe(1);
    await tabTo(page, (el) => el.text === 'Neuer Termin');
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.id === 'ev-title');
    await page.keyboard.type('Tastatur-Termin');
    // The date is filled in (in two weeks); a date field is typed in the browser's own order,
    // so the flow keeps the default rather than depend on the machine's locale.
    expect(await page.locator('#ev-start-date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await tabTo(page, (el) => el.text.startsWith('Termin anlegen'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.card', { hasText: 'Tastatur-Termin' }).count()).toBe(1);
    await context.close();
  });
});

describe('every view, German and English, 360 and 1280 px', () => {
  const shots = process.env.FK_SHOTS;
  if (shots) mkdirSync(shots, { recursive: true });

  it.each([
    ['de', 360], ['de', 1280], ['en', 360], ['en', 1280],
  ] as const)('%s at %i px: axe 0, no sideways scrolling', async (lang, width) => {
    const { page, context, problems } = await openApp(h, { width, lang });
    const check = async (name: string) => {
      await page.waitForTimeout(150);
      await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 15_000 });
      if (shots) await page.screenshot({ path: `${shots}/${name}-${lang}-${width}.png`, fullPage: true });
      await expectAxeClean(page, `${name} (${lang}, ${width})`);
      const overflow = await page.evaluate(() => {
        const wide = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => `${e.tagName}.${e.className}`);
        return { by: document.documentElement.scrollWidth - window.innerWidth, wide: wide.slice(0, 5) };
      });
      expect(overflow.by, `${name} scrolls sideways at ${width} px: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(0);
    };
    await check('signin');
    await signIn(page, h.adminKey);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    const views: [string, string][] = [
      ['events', '#/events'], ['event-new', '#/events/new'], ['members', '#/members'], ['member-new', '#/members/new'],
      ['profile', '#/profile'], ['import', '#/import'], ['history', '#/history'], ['keys', '#/keys'], ['alliances', '#/alliances'],
    ];
    for (const [name, hash] of views) {
      await page.evaluate((hsh) => { location.hash = hsh; }, hash);
      await check(name);
      if (name === 'event-new') {
        await page.locator('#ev-freq').selectOption('WEEKLY');
        await page.getByRole('checkbox', { name: lang === 'de' ? 'Dienstag' : 'Tuesday' }).check();
        await check('event-recurrence');
        page.once('dialog', (d) => void d.accept());
      }
    }
    // English is complete: no German word of the navigation or the forms is left.
    if (lang === 'en') expect(await page.locator('header').textContent()).not.toMatch(/Termine|Mitglieder|Abmelden|Verlauf/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
