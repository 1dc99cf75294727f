/**
 * The event form's preview (<fk-event-preview>, the calendar's own rendering), its co-organising
 * alliances, and the server's problem details in German — in real Chromium against the real
 * server. Screenshots into $FK_SHOTS when set.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { berlinDay, cleanBuild, expectAxeClean, type Harness, LUDWIGSBURG, openApp, shot, signIn, startHarness, SUEDWEST } from './harness.js';

let h: Harness;
const opened: { close(): Promise<void> }[] = [];
const stamp = Date.now().toString(36);

beforeAll(async () => {
  h = await startHarness();
});
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close().catch(() => {});
});
afterAll(async () => {
  await h?.close();
  cleanBuild();
});

const api = async (path: string, init: RequestInit & { key?: string } = {}) => fetch(`${h.base}${path}`, {
  ...init, headers: { ...(init.key ? { authorization: `Bearer ${init.key}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) },
});
type Ev = { id: string; title: string; alliances: string[]; status: string };
async function findEvent(title: string): Promise<Ev | undefined> {
  const r = await (await api(`/v1/events?q=${encodeURIComponent(title)}&status=scheduled,cancelled,postponed,rescheduled`)).json() as { items: Ev[] };
  return r.items.find((e) => e.title === title);
}

async function app(key: string, opts: { width?: number; lang?: 'de' | 'en' } = {}) {
  const o = await openApp(h, opts);
  opened.push(o.context);
  await signIn(o.page, key);
  // An admin key works on the alliance picked in the header: Südwest, like the alliance key.
  if (key === h.adminKey) await o.page.locator('header select').selectOption(SUEDWEST);
  return o;
}

/** The text of a part of the preview (inside its shadow root; playwright's locators pierce it). */
const preview = (page: Page, part: 'entry' | 'details') => page.locator(`fk-event-preview [part~="${part}"]`);

async function fillBasics(page: Page, title: string, en = false) {
  await page.getByRole('link', { name: en ? 'New event' : 'Neuer Termin' }).click();
  await page.getByLabel(en ? 'Title' : 'Titel', { exact: true }).fill(title);
  await page.getByLabel(en ? 'Date' : 'Datum', { exact: true }).fill(berlinDay(20));
  await page.getByLabel(en ? 'Starts at' : 'Beginn').fill('18:00');
  await page.getByLabel(en ? 'End date' : 'Enddatum').fill(berlinDay(20));
  await page.getByLabel(en ? 'Ends at (optional)' : 'Ende (optional)').fill('20:30');
}

describe('the preview, as <fk-event-calendar> shows the event', () => {
  it('follows what is typed: time, place, categories, organiser, status — without a request', async () => {
    const { page, problems } = await app(h.suedwestKey);
    const title = `Vorschau-Abend ${stamp}`;
    await fillBasics(page, title);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.getByLabel('Name des Ortes').fill('Landratsamt Lörrach');
    await page.getByLabel('Ort', { exact: true }).fill('Lörrach');
    await page.getByLabel('Berufsorientierung').check();
    await page.getByLabel('Messe').check();
    await page.getByLabel('Link zur Anmeldung (optional)').fill('https://example.org/anmeldung');
    const list = preview(page, 'entry');
    await expect.poll(() => list.textContent()).toContain(title);
    expect(await list.locator('.when').textContent()).toBe('18:00–20:30 Uhr');
    expect(await list.textContent()).toContain('Landratsamt Lörrach, Lörrach');
    const details = preview(page, 'details');
    expect(await details.textContent()).toContain('Berufsorientierung, Messe');
    expect(await details.textContent()).toContain('Fachkräfteallianz Südwest');
    expect(await details.getByRole('link', { name: 'Zur Anmeldung' }).getAttribute('href')).toBe('https://example.org/anmeldung');
    // The date heading is the calendar's own ("Dienstag, 4. März 2031").
    const day = new Intl.DateTimeFormat('de-DE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${berlinDay(20)}T12:00:00Z`));
    expect(await list.locator('.day-title').textContent()).toBe(day);
    // The date in words beside the fields, whatever format the browser gives its date fields.
    const words = new Intl.DateTimeFormat('de-DE', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${berlinDay(20)}T12:00:00Z`));
    expect(await page.locator('[data-when-words]').textContent()).toBe(`Eingetragen: ${words}, 18:00 Uhr bis 20:30 Uhr`);
    await expectAxeClean(page, 'form with preview');

    // Online instead of a place; then cancelled: the calendar's "abgesagt".
    await page.getByLabel('an einem Ort').uncheck();
    await page.getByLabel('online', { exact: true }).check();
    await page.getByLabel('Link zur Online-Teilnahme').fill('https://meet.example.org/vorschau');
    await expect.poll(() => list.textContent()).toContain('Online teilnehmen');
    expect(await details.getByRole('link', { name: 'meet.example.org' }).count()).toBe(1);
    await page.locator('#ev-status-cancelled').check();
    await expect.poll(() => list.locator('[part~="status"]').textContent()).toBe('abgesagt');
    // Typing and choosing asked nothing of any server.
    expect(requests).toEqual([]);
    await expectAxeClean(page, 'form with a cancelled preview');
    await shot(page, 'event-form-preview-cancelled-de-1280');
    expect(problems).toEqual([]);
  });

  it('shows a rescheduled event with its former date, and says when there is no date yet', async () => {
    const { page } = await app(h.suedwestKey);
    const title = `Verlegt-Abend ${stamp}`;
    await fillBasics(page, title);
    await page.getByRole('button', { name: 'Termin anlegen' }).click();
    await expect.poll(async () => (await findEvent(title))?.id).toBeTruthy();
    const ev = (await findEvent(title))!;
    await page.goto(`${h.base}/verwaltung/#/events/${ev.id}/postpone`);
    await expect.poll(() => page.getByLabel('Titel', { exact: true }).inputValue()).toBe(title);
    await page.locator('#ev-status-rescheduled').check();
    await page.getByLabel('Datum', { exact: true }).fill(berlinDay(27));
    await page.getByLabel('Enddatum').fill(berlinDay(27));
    const former = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.parse(`${berlinDay(20)}T12:00:00Z`));
    await expect.poll(() => preview(page, 'entry').locator('[part~="status"]').textContent()).toBe(`verschoben vom ${former}`);
    await page.getByLabel('Datum', { exact: true }).fill('');
    await expect.poll(() => page.locator('.ev-preview').textContent()).toContain('sobald Datum und Uhrzeit vollständig sind');
    await expectAxeClean(page, 'preview without a date');
  });

  it('speaks English in the English app', async () => {
    const { page } = await app(h.suedwestKey, { lang: 'en' });
    await fillBasics(page, `Preview evening ${stamp}`, true);
    await page.getByLabel('Career guidance').check();
    await page.locator('#ev-status-postponed').check();
    await expect.poll(() => preview(page, 'details').textContent()).toContain('Career guidance');
    expect(await preview(page, 'entry').locator('.when').textContent()).toBe('18:00–20:30');
    const words = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${berlinDay(20)}T12:00:00Z`));
    expect(await page.locator('[data-when-words]').textContent()).toBe(`Entered: ${words}, 18:00 to 20:30`);
    expect(await preview(page, 'entry').locator('[part~="status"]').textContent()).toContain('postponed');
    await expectAxeClean(page, 'English preview');
  });
});

describe('co-organising alliances', () => {
  it('an alliance key: picks one by keyboard, the server refuses at the field, removing it saves', async () => {
    const { page } = await app(h.suedwestKey);
    const title = `Gemeinsamer Abend ${stamp}`;
    await fillBasics(page, title);
    const own = page.locator('#ev-alliances li', { hasText: 'Fachkräfteallianz Südwest' });
    expect(await own.textContent()).toContain('Ihre Allianz');
    expect(await own.getByRole('button').count()).toBe(0);
    const search = page.getByRole('combobox', { name: 'Weitere Allianz hinzufügen' });
    await search.focus();
    await page.keyboard.type('ludwigsb');
    await expect.poll(() => search.getAttribute('aria-expanded')).toBe('true');
    const options = page.locator('#ev-alliance-options').getByRole('option');
    await expect.poll(() => options.count()).toBe(1);
    expect(await options.first().textContent()).toContain('Ludwigsburg');
    await expectAxeClean(page, 'alliance search open');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // Enter took the option and did not submit the form.
    await expect.poll(() => page.locator('#ev-alliances li[data-alliance]').count()).toBe(2);
    expect(await search.inputValue()).toBe('');
    expect(await page.locator('[data-trouble]').count()).toBe(0);
    await expect.poll(() => preview(page, 'details').textContent()).toContain('Ludwigsburg');
    await shot(page, 'event-form-coorganisers-de-1280');

    await page.getByRole('button', { name: 'Termin anlegen' }).click();
    const error = page.locator('#ev-alliance-error');
    await expect.poll(() => error.textContent()).toContain(`darf keine Termine im Kalender von „${LUDWIGSBURG}“ anlegen`);
    expect(await search.getAttribute('aria-invalid')).toBe('true');
    // At the alliances' field only: the title is not marked.
    expect(await page.locator('#ev-title-error').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ev-alliance-search');
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(title);
    expect(await findEvent(title)).toBeUndefined();
    await expectAxeClean(page, 'alliance refused at the field');
    await shot(page, 'event-form-coorganisers-refused-de-1280');

    // Remove by keyboard: Tab from the search field backwards reaches the remove button.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Entfernen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#ev-alliances li[data-alliance]').count()).toBe(1);
    await page.getByRole('button', { name: 'Termin anlegen' }).click();
    await expect.poll(async () => (await findEvent(title))?.alliances).toEqual([SUEDWEST]);
  });

  it('an alliance key co-organises another alliance\'s event: adding itself is all it changes', async () => {
    const other = (await (await api(`/v1/events?alliance=${LUDWIGSBURG}&limit=50`)).json() as { items: Ev[] }).items.filter((e) => !e.alliances.includes(SUEDWEST)).at(-1)!;
    const { page } = await app(h.suedwestKey);
    await page.goto(`${h.base}/verwaltung/#/events/${other.id}`);
    await expect.poll(() => page.getByLabel('Titel', { exact: true }).inputValue()).toBe(other.title);
    // Not this alliance's event: nothing is fixed, and its own alliance is offered like any other.
    expect(await page.locator('#ev-alliances li', { hasText: 'Ihre Allianz' }).count()).toBe(0);
    const search = page.getByRole('combobox', { name: 'Weitere Allianz hinzufügen' });
    await search.fill('südwest');
    await page.locator('#ev-alliance-options').getByRole('option', { name: 'Fachkräfteallianz Südwest' }).click();
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(async () => (await (await api(`/v1/events/${other.id}`)).json() as Ev).alliances).toEqual([...other.alliances, SUEDWEST]);
    const after = await (await api(`/v1/events/${other.id}`)).json() as Ev;
    expect(after.title).toBe(other.title);
  });

  it('an admin key: creates an event of two alliances, then withdraws one', async () => {
    const { page } = await app(h.adminKey);
    const title = `Zwei-Allianzen-Abend ${stamp}`;
    await fillBasics(page, title);
    const search = page.getByRole('combobox', { name: 'Weitere Allianz hinzufügen' });
    await search.fill('Landkreis Ludwigsburg');
    await page.locator('#ev-alliance-options').getByRole('option', { name: /Ludwigsburg/ }).click();
    await page.getByRole('button', { name: 'Termin anlegen' }).click();
    await expect.poll(async () => (await findEvent(title))?.alliances?.slice().sort()).toEqual([LUDWIGSBURG, SUEDWEST].sort());
    const ev = (await findEvent(title))!;
    await page.goto(`${h.base}/verwaltung/#/events/${ev.id}`);
    const remove = page.locator('#ev-alliances li', { hasText: 'Ludwigsburg' }).getByRole('button', { name: /Entfernen/ });
    await expect.poll(() => remove.count()).toBe(1);
    await remove.click();
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(async () => (await findEvent(title))?.alliances).toEqual([SUEDWEST]);
  });

  it('an alliance that was deleted meanwhile: the server\'s 400 at the field, in German', async () => {
    const slug = `test-allianz-${stamp}`;
    const made = await api('/v1/alliances', { method: 'POST', key: h.adminKey, body: JSON.stringify({ slug, name: `Testallianz ${stamp}`, kind: 'regional', state: 'DE-BW' }) });
    expect(made.status, await made.clone().text()).toBe(201);
    const { page } = await app(h.adminKey);
    await fillBasics(page, `Gelöschte Allianz ${stamp}`);
    await page.getByRole('combobox', { name: 'Weitere Allianz hinzufügen' }).fill(`Testallianz ${stamp}`);
    await page.locator('#ev-alliance-options').getByRole('option', { name: `Testallianz ${stamp}` }).click();
    expect((await api(`/v1/alliances/${slug}`, { method: 'DELETE', key: h.adminKey })).status).toBe(204);
    await page.getByRole('button', { name: 'Termin anlegen' }).click();
    await expect.poll(() => page.locator('#ev-alliance-error').textContent()).toContain(`die Allianz „${slug}“ gibt es nicht`);
    await expectAxeClean(page, 'alliance gone');
  });
});

describe('the server\'s messages in the app\'s language', () => {
  for (const lang of ['de', 'en'] as const) {
    it(`field errors and a refusal in ${lang === 'de' ? 'German' : 'English'}`, async () => {
      const en = lang === 'en';
      const { page } = await app(h.suedwestKey, { lang });
      await fillBasics(page, `Fehler-Abend ${lang} ${stamp}`, en);
      await page.getByLabel(en ? 'End date' : 'Enddatum').fill(berlinDay(19));
      await page.getByLabel(en ? 'Registration link (optional)' : 'Link zur Anmeldung (optional)').fill('kein-link');
      await page.getByRole('button', { name: en ? 'Create event' : 'Termin anlegen' }).click();
      const link = page.locator('#ev-registration-error');
      await expect.poll(() => link.textContent()).toContain(en ? 'expected an absolute http(s) URL' : 'vollständige Internetadresse (URL)');
      await page.getByLabel(en ? 'Registration link (optional)' : 'Link zur Anmeldung (optional)').fill('https://example.org/');
      await page.getByRole('button', { name: en ? 'Create event' : 'Termin anlegen' }).click();
      await expect.poll(() => page.locator('#ev-end-date-error').textContent()).toContain(en ? 'must not be before start' : 'darf nicht vor dem Beginn liegen');
      await expectAxeClean(page, `field error, ${lang}`);
      await shot(page, `event-form-server-error-${lang}-1280`);

      // A refusal of another alliance's event: the detail sentence itself translated.
      const other = (await (await api(`/v1/events?alliance=${LUDWIGSBURG}&limit=50`)).json() as { items: Ev[] }).items.find((e) => !e.alliances.includes(SUEDWEST))!;
      page.once('dialog', (d) => void d.accept()); // leaving the unsaved form
      await page.goto(`${h.base}/verwaltung/#/events/${other.id}`);
      await expect.poll(() => page.getByLabel(en ? 'Title' : 'Titel', { exact: true }).inputValue()).toBe(other.title);
      await page.getByLabel(en ? 'Title' : 'Titel', { exact: true }).fill(`${other.title} (geändert)`);
      await page.getByRole('button', { name: en ? 'Save changes' : 'Änderungen speichern' }).click();
      const refusal = page.locator('[data-trouble="forbidden"]');
      await expect.poll(() => refusal.textContent()).toContain(en
        ? `The server says: “The API key is scoped to the alliance "${SUEDWEST}" and may not change the event "${other.id}"`
        : `Der Schlüssel gilt für die Allianz „${SUEDWEST}“ und darf den Termin „${other.id}“ von „${LUDWIGSBURG}“ nicht ändern.`);
      await expectAxeClean(page, `refusal, ${lang}`);
      page.once('dialog', (d) => void d.accept());
    });
  }
});

describe('screenshots of the form with preview and co-organisers', () => {
  for (const lang of ['de', 'en'] as const) {
    for (const width of [360, 1280]) {
      it(`${lang} at ${width} px: no sideways scrolling, axe clean`, async () => {
        const en = lang === 'en';
        const { page } = await app(h.adminKey, { lang, width });
        await fillBasics(page, en ? `Training fair ${stamp}` : `Ausbildungsmesse ${stamp}`, en);
        await page.getByLabel(en ? 'Name of the place' : 'Name des Ortes').fill('Stadthalle Ludwigsburg');
        await page.getByLabel(en ? 'Town' : 'Ort', { exact: true }).fill('Ludwigsburg');
        await page.getByLabel(en ? 'Fair' : 'Messe').check();
        await page.getByRole('combobox', { name: /Weitere Allianz|Add another alliance/ }).fill('ludwig');
        await page.locator('#ev-alliance-options').getByRole('option').first().click();
        await page.getByRole('combobox', { name: /Weitere Allianz|Add another alliance/ }).fill('fach');
        await expect.poll(() => page.locator('#ev-alliance-options').getByRole('option').count()).toBeGreaterThan(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await expectAxeClean(page, `form ${lang} ${width}`);
        await shot(page, `event-form-extra-${lang}-${width}`);
        page.once('dialog', (d) => void d.accept());
      });
    }
  }
});
