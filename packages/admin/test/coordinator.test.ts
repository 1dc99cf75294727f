/**
 * End to end as a coordinator, in real Chromium against the real server: sign in, create an event
 * and find it in <fk-event-calendar> on the demo page, cancel it and see "abgesagt", add a member
 * and see it in the directory and the map's list, import an .ics file. axe in every state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appPerFile, berlinDay, expectAxeClean, type Harness, navLink, shot, signIn, SUEDWEST } from './harness.js';

let h: Harness;
let page: Page;
let problems: string[];
const TITLE = `Ausbildungsabend Lörrach ${Date.now().toString(36)}`;

appPerFile((app) => ({ h, page, problems } = app));

/**
 * The demo page as a new visitor sees it (a fresh browser context: a visitor who loaded the page
 * before may keep the old answer up to the freshness bound, 2 minutes).
 */
async function demoPage(): Promise<Page> {
  const demo = await (await h.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
  await demo.goto(`${h.base}/`);
  return demo;
}

async function findInCalendar(demo: Page, text: string) {
  const calendar = demo.locator('fk-event-calendar');
  // The list view and the calendar's own search: a busy month grid folds events into "+n weitere".
  await calendar.getByRole('button', { name: 'Liste' }).click();
  await calendar.getByLabel('Suche').fill(text);
  for (let i = 0; i < 3; i++) {
    const hit = calendar.locator('li', { hasText: text }).last();
    if (await hit.isVisible({ timeout: 8_000 }).catch(() => false)) return hit;
    // The event may fall in the next month.
    await calendar.getByRole('button', { name: 'Nächster Monat' }).click();
  }
  throw new Error(`"${text}" is not in the calendar`);
}

describe('a coordinator keeps the alliance current', () => {
  it('signs in with a key, after a wrong one, and sees label and alliance', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Anmelden' }).count()).toBe(1);
    await expectAxeClean(page, 'sign-in');
    await page.getByLabel('Persönlicher Schlüssel').fill('falsch-falsch-falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.locator('[data-trouble="auth"]').textContent()).toContain('unbekannt oder widerrufen');
    await expectAxeClean(page, 'sign-in with a wrong key');
    await shot(page, 'state-wrong-key-de-1280');
    await signIn(page, h.suedwestKey);
    expect(await page.locator('[data-who]').textContent()).toBe('Geschäftsstelle Südwest (G. Gempp)');
    expect(await page.locator('[data-scope]').textContent()).toBe('Fachkräfteallianz Südwest');
    // The key is kept for this tab only.
    const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('fk-admin-key'), local: localStorage.length, cookie: document.cookie, url: location.href }));
    expect(stored).toMatchObject({ session: h.suedwestKey, local: 0, cookie: '' });
    expect(stored.url).not.toContain(h.suedwestKey);
    await expect.poll(() => page.locator('.card').count()).toBeGreaterThan(0);
    await expectAxeClean(page, 'events list');
  });

  it('creates an event that the demo page shows in <fk-event-calendar>', async () => {
    await page.getByRole('link', { name: 'Neuer Termin' }).click();
    await page.getByLabel('Titel').fill(TITLE);
    await page.getByLabel('Datum', { exact: true }).fill(berlinDay(1));
    await page.getByLabel('Beginn').fill('18:00');
    await page.getByLabel('Enddatum').fill(berlinDay(1));
    await page.getByLabel('Ende (optional)').fill('20:00');
    await page.getByLabel('Name des Ortes').fill('Landratsamt Lörrach');
    await page.getByLabel('Ort', { exact: true }).fill('Lörrach');
    await page.getByLabel('Netzwerktreffen').check();
    await expectAxeClean(page, 'new event form');
    await page.getByRole('button', { name: 'Termin anlegen' }).click();
    const note = page.locator('.notice-ok');
    await expect.poll(() => note.textContent()).toContain('spätestens in 2 Minuten');
    expect(await note.textContent()).toContain(TITLE);
    await expect.poll(() => page.locator('.card', { hasText: TITLE }).count()).toBe(1);
    await expectAxeClean(page, 'events list after saving');

    const demo = await demoPage();
    await findInCalendar(demo, TITLE);
    await demo.context().close();
  });

  it('cancels the event, and the demo page marks it "abgesagt"', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.locator('.card', { hasText: TITLE }).getByRole('button', { name: /^Absagen/ }).click();
    await expect.poll(() => page.locator('.card', { hasText: TITLE }).locator('.badge').textContent()).toBe('abgesagt');
    await expectAxeClean(page, 'events list with a cancelled event');
    await shot(page, 'state-cancelled-de-1280');
    const demo = await demoPage();
    const hit = await findInCalendar(demo, TITLE);
    // The calendar names the status with the event (its own text, "abgesagt").
    expect(await hit.textContent()).toContain('abgesagt');
    await demo.context().close();
  });

  it('moves the event to a new date and back: the former date is kept, then dropped', async () => {
    const find = async () => {
      const found = await (await fetch(`${h.base}/v1/events?q=${encodeURIComponent(TITLE)}&alliance=${SUEDWEST}&status=scheduled,cancelled,rescheduled`)).json() as { items: { title: string; start: string; status: string; previousStart?: string | null }[] };
      return found.items.find((e) => e.title === TITLE);
    };
    const before = await find();
    expect(before?.status).toBe('cancelled');
    await page.locator('.card', { hasText: TITLE }).getByRole('link', { name: /^Verschieben/ }).click();
    await page.locator('#ev-status-rescheduled').check();
    await page.getByLabel('Datum', { exact: true }).fill(berlinDay(3));
    await page.getByLabel('Enddatum').fill(berlinDay(3));
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(async () => (await find())?.status).toBe('rescheduled');
    expect((await find())?.previousStart).toBe(before?.start);

    // Set back to "findet statt": the server keeps a former start only on a rescheduled event.
    await page.locator('.card', { hasText: TITLE }).getByRole('link', { name: /^Bearbeiten/ }).click();
    await page.locator('#ev-status-scheduled').check();
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(async () => (await find())?.status).toBe('scheduled');
    expect((await find())?.previousStart ?? null).toBeNull();
    expect(await page.locator('[data-trouble]').count()).toBe(0);
  });

  it('writes a recurring series with a skipped date, previewed in words', async () => {
    await page.getByRole('link', { name: 'Neuer Termin' }).click();
    await page.getByLabel('Titel').fill(`${TITLE} Sprechstunde`);
    // 2027-03-09 is the second Tuesday of March 2027.
    await page.getByLabel('Datum', { exact: true }).fill('2027-03-09');
    await page.getByLabel('Beginn').fill('17:00');
    await page.getByLabel('Wiederholt sich').selectOption('MONTHLY');
    await expect.poll(() => page.locator('[data-rule-text]').textContent()).toBe('jeden zweiten Dienstag im Monat, 6-mal');
    const dates = page.locator('.dates li');
    expect(await dates.count()).toBe(6);
    expect(await dates.nth(1).textContent()).toContain('13. April 2027');
    await dates.nth(1).getByRole('button', { name: /auslassen/ }).click();
    expect(await dates.nth(1).getByRole('button').getAttribute('aria-pressed')).toBe('true');
    await expectAxeClean(page, 'recurrence builder');
    await page.getByRole('button', { name: 'Termin anlegen' }).click();
    await expect.poll(() => page.locator('.notice-ok').count()).toBe(1);
    const events = await (await fetch(`${h.base}/v1/events?q=${encodeURIComponent('Sprechstunde')}&alliance=${SUEDWEST}&from=2027-01-01`)).json() as { items: { title: string; recurrence: unknown }[] };
    expect(events.items.find((e) => e.title === `${TITLE} Sprechstunde`)?.recurrence).toEqual({ rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6', exdates: ['2027-04-13'] });
  });

  it('shows the server\'s field errors at the field, and keeps what was typed', async () => {
    await page.getByRole('link', { name: 'Neuer Termin' }).click();
    await page.getByLabel('Titel').fill('Ende vor Beginn');
    await page.getByLabel('Datum', { exact: true }).fill(berlinDay(3));
    await page.getByLabel('Beginn').fill('18:00');
    await page.getByLabel('Enddatum').fill(berlinDay(2));
    await page.getByLabel('Ende (optional)').fill('10:00');
    await page.getByLabel('Link zur Anmeldung (optional)').fill('kein-link');
    await page.getByRole('button', { name: 'Termin anlegen' }).click();
    await expect.poll(() => page.locator('#ev-registration-error').textContent()).toContain('URL');
    expect(await page.getByLabel('Link zur Anmeldung (optional)').getAttribute('aria-invalid')).toBe('true');
    // Focus moves to the first field named.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ev-registration');
    expect(await page.getByLabel('Titel').inputValue()).toBe('Ende vor Beginn');
    await expectAxeClean(page, 'form with a field error');
    await shot(page, 'state-field-error-de-1280');
    await page.getByLabel('Link zur Anmeldung (optional)').fill('https://example.org/anmeldung');
    await page.getByRole('button', { name: 'Termin anlegen' }).click();
    await expect.poll(() => page.locator('#ev-end-date-error').textContent()).toContain('darf nicht vor dem Beginn liegen');
    expect(await page.locator('#ev-registration-error').count()).toBe(0);
    expect(await page.getByLabel('Ende (optional)').inputValue()).toBe('10:00');
    // Leaving with unsaved changes asks first; staying keeps the text.
    page.once('dialog', (d) => {
      expect(d.message()).toContain('ungespeicherte Änderungen');
      void d.dismiss();
    });
    await navLink(page, 'Mitglieder').click();
    expect(await page.getByLabel('Titel').inputValue()).toBe('Ende vor Beginn');
    page.once('dialog', (d) => void d.accept());
    await navLink(page, 'Mitglieder').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Mitglieder', level: 1 }).count()).toBe(1);
  });

  it('adds a new organisation placed on the map, and the demo page lists it', async () => {
    const name = `Ausbildungsbetrieb Probe ${Date.now().toString(36)}`;
    await page.getByRole('link', { name: 'Neue Organisation anlegen' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Art', { exact: true }).selectOption('unternehmen');
    await page.getByLabel('Ort', { exact: true }).fill('Lörrach');
    // A click on the map sets the coordinates; typing refines them.
    await page.locator('svg.map').click({ position: { x: 60, y: 300 } });
    expect(Number(await page.getByLabel('Breite (lat)').inputValue())).toBeGreaterThan(47);
    await page.getByLabel('Breite (lat)').fill('47.6147');
    await page.getByLabel('Länge (lon)').fill('7.6647');
    await page.getByLabel('Rolle').selectOption('member');
    await page.getByLabel('Mitglied seit (optional)').fill('2026-11');
    await expectAxeClean(page, 'new member form');
    await page.getByRole('button', { name: 'Als Mitglied aufnehmen' }).click();
    await expect.poll(() => page.locator('.notice-ok').textContent()).toContain('ist jetzt Mitglied');
    await expect.poll(() => page.locator('.card', { hasText: name }).count()).toBe(1);
    await expectAxeClean(page, 'members list');

    const demo = await demoPage();
    // The map's list names every member (a page of rows at a time, "show more" adds the next).
    const map = demo.locator('fk-member-map').first();
    // The map loads its data when it comes into view.
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.locator('ul.rows li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    for (let i = 0; i < 20 && !(await map.locator('ul.rows li', { hasText: name }).count()); i++) {
      const more = map.locator('[part="show-more"]');
      if (!(await more.count())) break;
      await more.click();
    }
    // Placed on the map: its row is a button that shows it there.
    expect(await map.locator('ul.rows li', { hasText: name }).locator('[part="list-item"]').count()).toBe(1);
    await demo.context().close();
  });

  it('adds an existing organisation found by name, and explains a refused change', async () => {
    await page.getByLabel('Organisation suchen (Name oder Ort)').fill('Ludwigsburg');
    await page.getByRole('button', { name: 'Suchen' }).click();
    const add = page.getByRole('link', { name: /^Aufnehmen/ }).first();
    await expect.poll(() => add.count()).toBe(1);
    const orgName = (await add.locator('.visually-hidden').textContent())!.replace(/^: /, '');
    await add.click();
    await page.getByLabel('Rolle').selectOption('member');
    await page.getByRole('button', { name: 'Als Mitglied aufnehmen' }).click();
    await expect.poll(() => page.locator('.card', { hasText: orgName }).count()).toBe(1);
    // The organisation is shared with Ludwigsburg now: the form says so, and shows its details
    // instead of fields this key may not save (the refusal itself: test/shared-organisation.test.ts).
    await page.locator('.card', { hasText: orgName }).getByRole('link', { name: /^Bearbeiten/ }).click();
    await expect.poll(() => page.locator('[data-shared]').textContent()).toContain('Auch Mitglied in:');
    expect(await page.locator('[data-shared]').textContent()).toContain('Ludwigsburg');
    expect(await page.getByLabel('Website (optional)').count()).toBe(0);
    expect(await page.getByLabel('Rolle').count()).toBe(1);
    await expectAxeClean(page, 'a shared organisation');
    await shot(page, 'state-shared-org-de-1280');
    await navLink(page, 'Mitglieder').click();
  });

  it('imports an .ics file after a dry run reported by title', async () => {
    await navLink(page, 'Import').click();
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Outlook//DE', 'BEGIN:VEVENT', 'UID:e2e-import-1', 'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=W. Europe Standard Time:20270415T170000', 'DTEND;TZID=W. Europe Standard Time:20270415T190000',
      'SUMMARY:Elternabend Berufswahl', 'END:VEVENT', 'BEGIN:VEVENT', 'DTSTART:20270416T170000Z', 'SUMMARY:Ohne UID', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    await page.getByLabel(/Kalenderdatei/).setInputFiles({ name: 'outlook.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await page.getByRole('button', { name: 'Prüfen (ändert nichts)' }).click();
    await expect.poll(() => page.locator('[data-summary]').textContent()).toBe('1 neu, 0 geändert, 0 unverändert, 1 übersprungen');
    expect(await page.locator('.report').textContent()).toContain('Elternabend Berufswahl');
    expect(await page.getByRole('heading', { name: /noch nichts geändert/ }).count()).toBe(1);
    await expectAxeClean(page, 'import dry run');
    await shot(page, 'state-import-dry-run-de-1280');
    await page.getByRole('button', { name: 'Jetzt importieren' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Ergebnis des Imports' }).count()).toBe(1);
    const found = await (await fetch(`${h.base}/v1/events?q=Elternabend&alliance=${SUEDWEST}&from=2027-01-01`)).json() as { items: { title: string }[] };
    expect(found.items.map((e) => e.title)).toEqual(['Elternabend Berufswahl']);
  });

  it('shows the history: who, when, what', async () => {
    await navLink(page, 'Verlauf').click();
    await expect.poll(() => page.locator('tr[data-change]').count()).toBeGreaterThan(3);
    const first = await page.locator('tbody tr').first().textContent();
    expect(first).toContain('Geschäftsstelle Südwest (G. Gempp)');
    expect(await page.locator('tbody').textContent()).toContain('Termin');
    await expectAxeClean(page, 'history');
  });

  it('changes the profile and names a bad website at its field', async () => {
    await navLink(page, 'Profil').click();
    await page.getByLabel('Website', { exact: true }).fill('nicht-gueltig');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect.poll(() => page.locator('#pr-website-error').count()).toBe(1);
    await expectAxeClean(page, 'profile with an error');
    await page.getByLabel('Website', { exact: true }).fill('https://example.org/suedwest');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect.poll(() => page.locator('.notice-ok').count()).toBe(1);
    const a = await (await fetch(`${h.base}/v1/alliances/${SUEDWEST}`)).json() as { website: string };
    expect(a.website).toBe('https://example.org/suedwest');
  });

  it('signs out and forgets the key; no CSP refusal or page error happened', async () => {
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Anmelden' }).count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.getItem('fk-admin-key'))).toBeNull();
    await page.reload();
    expect(await page.getByRole('heading', { name: 'Anmelden' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
