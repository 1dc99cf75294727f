/**
 * The profile editor, in real Chromium against the real server: every list the API lets a
 * coordinator change is edited through buttons (add, move, remove) and labelled fields, server
 * errors land at the field they name (`contacts[1].email` → that contact's e-mail input), nothing
 * typed is lost on an error or a revoked key, leaving with unsaved changes asks first. Keyboard
 * only where it matters; axe in every state; screenshots de/en × 360/1280 with FK_SHOTS.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appPerFile, expectAxeClean, type Harness, navLink, openApp, revokeKey, shot, signIn, SUEDWEST } from './harness.js';

let h: Harness;
let page: Page;
let problems: string[];

appPerFile((app) => ({ h, page, problems } = app));

const api = async () => (await (await fetch(`${h.base}/v1/alliances/${SUEDWEST}`, { cache: 'no-store' })).json()) as Record<string, any>;
const list = (id: string) => page.locator(`#pr-${id}`);
const items = (id: string) => list(id).locator(':scope > .list-items > .list-item');
const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
const activeText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the profile editor', () => {
  it('shows every list of the profile with what the alliance has today', async () => {
    await signIn(page, h.suedwestKey);
    await navLink(page, 'Profil').click();
    await expect.poll(() => page.locator('#pr-name').count(), { timeout: 15_000 }).toBe(1);
    const a = await api();
    expect(await items('areas').count()).toBe(a.areas.length);
    expect(await items('patrons').count()).toBe(a.patrons.length);
    expect(await items('focusAreas').count()).toBe(a.focusAreas.length);
    expect(await items('projectGroups').count()).toBe(a.projectGroups.length);
    expect(await items('representatives').count()).toBe(a.representatives.length);
    expect(await items('coordinatorPeople').count()).toBe(a.coordinator.people.length);
    // Each item is a group named by its position and name, e.g. "Schirmherr/-in 1: Marion Dammann".
    expect(await page.getByRole('group', { name: `Schirmherr/-in 1: ${a.patrons[0].name}` }).count()).toBe(1);
    expect(await items('patrons').first().getByLabel('Name', { exact: true }).inputValue()).toBe(a.patrons[0].name);
    expect(await list('contacts').textContent()).toContain('Noch keine Einträge.');
    await expectAxeClean(page, 'profile editor');
    await shot(page, 'profile-de-1280');
  });

  it('adds, fills and orders contacts with the keyboard only, and places the server\'s error at the contact\'s e-mail', async () => {
    // Keyboard only: focus the button, press Enter; the new contact's first field takes the focus.
    await list('contacts').locator('[data-act="add"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(activeId).toMatch(/^pr-contacts-\d+-name$/);
    await page.keyboard.type('Geschäftsstelle Südwest');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Funktionspostfach');
    await items('contacts').nth(0).getByLabel('E-Mail (optional)').fill('kein-mail');
    await list('contacts').locator(':scope > [data-act="add"]').press('Enter');
    await expect.poll(() => items('contacts').count()).toBe(2);
    await page.keyboard.type('Gudrun Gempp');
    const second = items('contacts').nth(1);
    await second.getByLabel('E-Mail (optional)').fill('info@fachkraefteallianz-suedwest.example');
    await second.getByLabel('Telefon (optional)').fill('07621 410-0');
    // The organisation from the members: its published name is filled in when empty.
    await second.getByLabel('Organisation aus den Mitgliedern').selectOption({ index: 1 });
    expect(await second.getByLabel('Name der Organisation, wie veröffentlicht').inputValue()).not.toBe('');

    // Move Gudrun Gempp up with the keyboard: the focus stays on her button, the order changes.
    await second.locator('[data-act="up"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => items('contacts').first().getByLabel('Name', { exact: true }).inputValue()).toBe('Gudrun Gempp');
    expect(await activeText()).toContain('Nach oben');
    expect(await activeText()).toContain('Kontakt 1: Gudrun Gempp');
    // The first item's "up" does nothing (and keeps the focus).
    await page.keyboard.press('Enter');
    expect(await items('contacts').first().getByLabel('Name', { exact: true }).inputValue()).toBe('Gudrun Gempp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-disabled'))).toBe('true');
    await expectAxeClean(page, 'profile with two new contacts');

    await page.getByRole('button', { name: 'Profil speichern' }).click();
    // The second contact sent (`contacts[1].email`) is the one with the bad address: its field, focused.
    const bad = items('contacts').nth(1).getByLabel('E-Mail (optional)');
    await expect.poll(() => bad.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(async () => (await activeId()) === (await bad.getAttribute('id'))).toBe(true);
    // In the coordinator's words, not the schema's ("expected an e-mail address").
    expect(await items('contacts').nth(1).locator('.error').textContent()).toContain('Bitte eine E-Mail-Adresse eingeben');
    expect(await page.locator('[data-trouble="invalid"]').textContent()).toContain('1 Feld(er) markiert');
    expect(await page.locator('[data-summary] li').allTextContents()).toEqual([expect.stringMatching(/^Kontakt 2: Geschäftsstelle Südwest – E-Mail \(optional\): Bitte eine E-Mail-Adresse/)]);
    // Nothing typed is lost.
    expect(await bad.inputValue()).toBe('kein-mail');
    expect(await items('contacts').nth(1).getByLabel('Funktion (optional)').inputValue()).toBe('Funktionspostfach');
    expect(await items('contacts').first().getByLabel('Telefon (optional)').inputValue()).toBe('07621 410-0');
    await expectAxeClean(page, 'profile with an error in a contact');
    await shot(page, 'profile-error-de-1280');

    await bad.fill('fachkraefte@loerrach-landkreis.example');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect.poll(() => page.locator('.notice-ok').textContent()).toContain('spätestens in 2 Minuten');
    const a = await api();
    expect(a.contacts.map((c: any) => [c.name, c.role, c.email])).toEqual([
      ['Gudrun Gempp', null, 'info@fachkraefteallianz-suedwest.example'],
      ['Geschäftsstelle Südwest', 'Funktionspostfach', 'fachkraefte@loerrach-landkreis.example'],
    ]);
    expect(a.contacts[0].phone).toBe('07621 410-0');
    expect(a.contacts[0].organisation).not.toBeNull();
    expect(a.contacts[0].organisationName).not.toBeNull();
  });

  it('removes, reorders and adds areas, patrons, focus areas and project groups', async () => {
    const before = await api();
    // Areas: remove the first; the focus moves to the next item's "remove".
    await items('areas').first().locator('[data-act="remove"]').click();
    expect(await activeText()).toContain(`Gebiet 1: ${before.areas[1]}`);
    await list('areas').locator(':scope > [data-act="add"]').click();
    await page.keyboard.type('Stadt Bad Säckingen');
    // Patrons: the first one down.
    await items('patrons').first().locator('[data-act="down"]').click();
    // A known focus area keeps its slug; a new one gets one derived from its name.
    const known = (await (await fetch(`${h.base}/v1/focus-areas`)).json()).items as { slug: string; name: string }[];
    const other = known.find((k) => !before.focusAreas.some((f: any) => f.slug === k.slug))!;
    await list('focusAreas').locator(':scope > [data-act="add"]').click();
    await page.keyboard.type(other.name);
    await list('focusAreas').locator(':scope > [data-act="add"]').click();
    await page.keyboard.type('Übergang Schule–Beruf im Grenzraum');
    // The new one moves to the top, one place per click; the focus stays on its button.
    const key = await items('focusAreas').last().getAttribute('data-key');
    for (let i = 0; i <= before.focusAreas.length; i++) await list('focusAreas').locator(`[data-key="${key}"] [data-act="up"]`).click();
    expect(await items('focusAreas').first().getByLabel('Schwerpunkt').inputValue()).toBe('Übergang Schule–Beruf im Grenzraum');
    expect(await activeText()).toContain('Schwerpunkt 1: Übergang');
    // A project group with a description.
    await list('projectGroups').locator(':scope > [data-act="add"]').click();
    await page.keyboard.type('Pflege-Nachwuchs');
    await items('projectGroups').last().getByLabel('Beschreibung (optional)').fill('Gemeinsame Kampagne der Pflegeschulen.');
    await expectAxeClean(page, 'profile with changed lists');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect.poll(() => page.locator('.notice-ok').count()).toBe(1);

    const a = await api();
    expect(a.areas).toEqual([...before.areas.slice(1), 'Stadt Bad Säckingen']);
    expect(a.patrons.map((p: any) => p.name)).toEqual([before.patrons[1].name, before.patrons[0].name, ...before.patrons.slice(2).map((p: any) => p.name)]);
    expect(a.focusAreas).toEqual([
      { slug: 'uebergang-schule-beruf-im-grenzraum', name: 'Übergang Schule–Beruf im Grenzraum' }, ...before.focusAreas, { slug: other.slug, name: other.name },
    ]);
    expect(a.projectGroups.at(-1)).toEqual({ name: 'Pflege-Nachwuchs', description: 'Gemeinsame Kampagne der Pflegeschulen.' });
  });

  it('edits the coordination: an organisation from the members and a person\'s dates, with the error at the date', async () => {
    const coordination = page.locator('#pr-coordinator');
    await coordination.getByLabel('Organisation aus den Mitgliedern').first().selectOption({ index: 1 });
    const orgName = await page.locator('#pr-coord-orgname').inputValue();
    expect(orgName).not.toBe('');
    const person = items('coordinatorPeople').first();
    await person.getByLabel('Bis (optional)').fill('2026-13');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect.poll(() => person.getByLabel('Bis (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(await person.locator('.error').textContent()).toContain('Dieses Datum gibt es nicht.');
    await person.getByLabel('Bis (optional)').fill('');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect.poll(() => page.locator('.notice-ok').count()).toBe(1);
    const a = await api();
    expect(a.coordinator.organisationName).toBe(orgName);
    expect(a.coordinator.organisation).toMatch(/^[a-z0-9-]+$/);
  });

  it('names a text that is too long and a member count that is no number at their fields', async () => {
    await page.locator('#pr-description').fill('x'.repeat(5001));
    await page.locator('#pr-count').fill('zwölf');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect.poll(() => page.locator('#pr-description-error').textContent()).toContain('höchstens 5000 Zeichen');
    expect(await page.locator('#pr-count').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#pr-count-error').textContent()).toContain('ganze Zahl');
    // Two marked fields far apart on a long page: a list names both, in page order, and takes the focus there.
    const summary = page.locator('[data-summary] li');
    expect(await summary.allTextContents()).toEqual([expect.stringMatching(/^Beschreibung: Zu lang/), expect.stringMatching(/^Genannte Mitgliederzahl: Bitte eine ganze Zahl/)]);
    await summary.nth(1).getByRole('button').click();
    expect(await activeId()).toBe('pr-count');
    await expectAxeClean(page, 'profile with two marked fields');
    expect(await page.locator('#pr-count').inputValue()).toBe('zwölf');
    await page.locator('#pr-description').fill('Kurz.');
    await page.locator('#pr-count').fill('27');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect.poll(() => page.locator('.notice-ok').count()).toBe(1);
    expect((await api()).statedMemberCount).toBe(27);
  });

  it('caps a list at the API\'s maximum: the add button says so and does nothing', async () => {
    const add = list('projectGroups').locator(':scope > [data-act="add"]');
    for (let n = await items('projectGroups').count(); n < 30; n++) await add.click();
    expect(await add.getAttribute('aria-disabled')).toBe('true');
    await add.press('Enter'); // a keyboard user: the button keeps the focus and does nothing
    expect(await items('projectGroups').count()).toBe(30);
    expect(await list('projectGroups').textContent()).toContain('Höchstens 30 Einträge.');
    // Blank items are not sent: leaving now would lose nothing, but the form is dirty: it asks.
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); void d.dismiss(); });
    await navLink(page, 'Termine').click();
    await expect.poll(() => asked).toContain('ungespeicherte Änderungen');
    expect(await items('projectGroups').count()).toBe(30);
    expect(page.url()).toContain('#/profile');
  });

  it('keeps what was typed when the key is revoked, through the new sign-in', async () => {
    await page.locator('#pr-website').fill('https://example.org/neu');
    expect(await revokeKey(h, 'Geschäftsstelle Südwest (G. Gempp)')).toBe(204);
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect.poll(() => page.locator('[data-trouble="auth"]').count()).toBe(1);
    const fresh = await h.srv.createApiKey(SUEDWEST, 'Geschäftsstelle Südwest (neu)');
    await signIn(page, fresh);
    await expect.poll(() => page.locator('#pr-website').inputValue()).toBe('https://example.org/neu');
    expect(await items('projectGroups').count()).toBe(30);
    expect(problems).toEqual([]);
  });
});

describe('the shared draft in the admin forms', () => {
  it('keeps what an admin typed for a new alliance and a new key when the key is revoked, through the new sign-in', async () => {
    const key = await h.srv.createApiKey('admin', 'Betrieb (Entwurf)');
    const { page: p, context, problems: pr } = await openApp(h);
    await signIn(p, key);
    await navLink(p, 'Schlüssel').click();
    await p.locator('#key-label').fill('Vertretung Südwest (Entwurf)');
    // Leaving with unsaved changes asks: "stay" (Playwright dismisses an unhandled dialog) stays …
    await navLink(p, 'Allianzen').click();
    await expect.poll(() => p.url()).toContain('#/keys');
    expect(await p.locator('#key-label').inputValue()).toBe('Vertretung Südwest (Entwurf)');
    // … "leave" leaves, and forgets that draft (checked at the end).
    p.once('dialog', (d) => void d.accept());
    await navLink(p, 'Allianzen').click();
    await p.locator('#al-name').fill('Fachkräfteallianz Entwurf');
    await p.locator('#al-slug').fill('fachkraefteallianz-entwurf');
    expect(await revokeKey(h, 'Betrieb (Entwurf)')).toBe(204);
    await p.getByRole('button', { name: 'Allianz anlegen' }).click();
    await expect.poll(() => p.locator('[data-trouble="auth"]').count()).toBe(1);
    await signIn(p, await h.srv.createApiKey('admin', 'Betrieb (Entwurf 2)'));
    await expect.poll(() => p.locator('#al-name').inputValue()).toBe('Fachkräfteallianz Entwurf');
    expect(await p.locator('#al-slug').inputValue()).toBe('fachkraefteallianz-entwurf');
    p.once('dialog', (d) => void d.accept());
    await navLink(p, 'Schlüssel').click();
    expect(await p.locator('#key-label').inputValue()).toBe('');
    expect(pr).toEqual([]);
    await context.close();
  });
});

describe('the profile editor in both languages and widths', () => {
  it.each([['de', 360], ['en', 360], ['en', 1280]] as const)('%s at %i px: axe 0, no sideways scrolling, English complete', async (lang, width) => {
    const key = await h.srv.createApiKey(SUEDWEST, 'Geschäftsstelle Südwest (Bildschirm)');
    const { page: p, context, problems: pr } = await openApp(h, { width, lang });
    await signIn(p, key);
    await navLink(p, lang === 'de' ? 'Profil' : 'Profile').click();
    await expect.poll(() => p.locator('#pr-contacts .list-item').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectAxeClean(p, `profile ${lang} ${width}`);
    const by = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(by, 'sideways scrolling').toBeLessThanOrEqual(0);
    if (lang === 'en') expect(await p.locator('main').textContent()).not.toMatch(/Kontakt|Schirmherr|Nach oben|Entfernen|Gebiet hinzufügen|Projektgruppe/);
    await shot(p, `profile-${lang}-${width}`);
    expect(pr).toEqual([]);
    await context.close();
  });
});
