/**
 * A shared organisation in the member form, in real Chromium against the real server: the form
 * says which other alliances it belongs to ("Auch Mitglied in: …") from the organisation's
 * `alliances`, shows its details instead of fields a scoped key may not save, and when a change is
 * refused anyway (it became shared while the form was open) names those alliances, keeps what was
 * typed and offers to put the details back. Screenshots de/en × 360/1280 with FK_SHOTS.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appPerFile, expectAxeClean, type Harness, LUDWIGSBURG, openApp, shot, signIn, SUEDWEST } from './harness.js';

let h: Harness;
let page: Page;
let problems: string[];
const SHARED = 'wirtschaftsregion-suedwest';

appPerFile((app) => ({ h, page, problems } = app));

const nameOf = async (slug: string) => ((await (await fetch(`${h.base}/v1/alliances/${slug}`)).json()) as { name: string }).name;
async function call(method: string, path: string, key: string, body?: unknown) {
  const res = await fetch(`${h.base}${path}`, {
    method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}
const go = (hash: string) => page.evaluate((x) => { location.hash = x; }, hash);

describe('a shared organisation in the member form', () => {
  it('says which other alliances share it, and shows its details instead of fields the key may not save', async () => {
    const shared = (await call('GET', `/v1/organisations/${SHARED}`, h.suedwestKey)).json;
    const others = (shared.alliances as string[]).filter((a) => a !== SUEDWEST);
    expect(others.length).toBeGreaterThan(0);
    await signIn(page, h.suedwestKey);
    await go(`#/members/${SHARED}`);
    const box = page.locator('[data-shared]');
    await expect.poll(() => box.textContent(), { timeout: 15_000 }).toContain('Auch Mitglied in:');
    for (const other of others) expect(await box.textContent()).toContain(await nameOf(other));
    expect(await box.textContent()).not.toContain(await nameOf(SUEDWEST));
    expect(await box.textContent()).toContain('nur die Administration');
    expect(await page.getByLabel('Name', { exact: true }).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain(shared.name);
    await expectAxeClean(page, 'shared organisation');
    await shot(page, 'shared-org-de-1280');
    // Role and "since" are this alliance's own: they save.
    await page.getByLabel('Mitglied seit (optional)').fill('2014');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(() => page.locator('.notice-ok').textContent()).toContain('ist geändert');
    const members = (await (await fetch(`${h.base}/v1/alliances/${SUEDWEST}/members?q=Wirtschaftsregion`)).json()).items as { id: string; membership: { since: string } }[];
    expect(members.find((m) => m.id === SHARED)?.membership.since).toBe('2014');
  });

  it('names the alliances when a change is refused because the organisation became shared, keeps the typed text, and puts the details back', async () => {
    const created = await call('POST', '/v1/organisations', h.suedwestKey, { id: 'e2e-geteilt-gmbh', name: 'Geteilt GmbH', type: 'unternehmen' });
    expect(created.status).toBe(201);
    expect((await call('PUT', `/v1/alliances/${SUEDWEST}/members/e2e-geteilt-gmbh`, h.suedwestKey, { role: 'member' })).status).toBe(201);
    await go('#/members/e2e-geteilt-gmbh');
    // Its own: the fields are there, and no alliance is named.
    await expect.poll(() => page.getByLabel('Website (optional)').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-shared]').count()).toBe(0);
    // Meanwhile Ludwigsburg adds it as a member.
    const ludwigsburg = await h.srv.createApiKey(LUDWIGSBURG, 'Geschäftsstelle Ludwigsburg');
    expect((await call('PUT', `/v1/alliances/${LUDWIGSBURG}/members/e2e-geteilt-gmbh`, ludwigsburg, { role: 'member' })).status).toBe(201);
    await page.getByLabel('Website (optional)').fill('https://example.org/geteilt');
    await page.getByLabel('Rolle').selectOption('founding');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    const refusal = page.locator('[data-trouble="forbidden"]');
    await expect.poll(() => refusal.textContent()).toContain('Nicht gespeichert');
    expect(await refusal.textContent()).toContain(await nameOf(LUDWIGSBURG));
    expect(await refusal.textContent()).toContain('nur die Administration');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-trouble'))).toBe('forbidden');
    // Nothing typed is lost; the form now says who shares it.
    expect(await page.getByLabel('Website (optional)').inputValue()).toBe('https://example.org/geteilt');
    expect(await page.locator('[data-shared]').textContent()).toContain(await nameOf(LUDWIGSBURG));
    await expectAxeClean(page, 'refused change of a shared organisation');
    await shot(page, 'shared-org-refused-de-1280');
    // Put the details back: the role as typed saves alone.
    await page.getByRole('button', { name: /Angaben der Organisation zurücksetzen/ }).click();
    expect(await page.getByLabel('Website (optional)').count()).toBe(0);
    expect(await page.getByLabel('Rolle').inputValue()).toBe('founding');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(() => page.locator('.notice-ok').textContent()).toContain('ist geändert');
    const org = (await call('GET', '/v1/organisations/e2e-geteilt-gmbh', h.suedwestKey)).json;
    expect(org.website).toBeNull();
    expect(org.alliances).toEqual([SUEDWEST, LUDWIGSBURG].sort());
  });

  it('names the alliances of an organisation found to be added, before it is added', async () => {
    await go('#/members');
    await page.getByLabel('Organisation suchen (Name oder Ort)').fill('Geteilt GmbH');
    await page.getByRole('button', { name: 'Suchen' }).click();
    // Already a member here: found, but no "add". A Ludwigsburg member that is not Südwest's:
    const theirs = (await (await fetch(`${h.base}/v1/organisations?alliance=${LUDWIGSBURG}&limit=50`)).json()).items as { id: string; name: string }[];
    const ours = new Set(((await (await fetch(`${h.base}/v1/organisations?alliance=${SUEDWEST}&limit=200`)).json()).items as { id: string }[]).map((o) => o.id));
    const candidate = theirs.find((o) => !ours.has(o.id))!;
    await go(`#/members/${candidate.id}/join`);
    await expect.poll(() => page.locator('[data-shared]').textContent(), { timeout: 15_000 }).toContain(await nameOf(LUDWIGSBURG));
    expect(await page.locator('[data-shared]').textContent()).toContain('Nach der Aufnahme');
    await expectAxeClean(page, 'adding an organisation of another alliance');
  });

  it('tells an admin that a change applies to every alliance sharing it, and lets it change', async () => {
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await signIn(page, h.adminKey);
    await page.locator('header select').selectOption(SUEDWEST);
    await go(`#/members/${SHARED}`);
    await expect.poll(() => page.locator('[data-shared]').textContent(), { timeout: 15_000 }).toContain('gilt für alle diese Allianzen');
    await page.getByLabel('Website (optional)').fill('https://example.org/wsw');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(() => page.locator('.notice-ok').count()).toBe(1);
    expect((await call('GET', `/v1/organisations/${SHARED}`, h.adminKey)).json.website).toBe('https://example.org/wsw');
    expect(problems).toEqual([]);
  });
});

describe('a shared organisation in both languages and widths', () => {
  it.each([['de', 360], ['en', 360], ['en', 1280]] as const)('%s at %i px: axe 0, no sideways scrolling, English complete', async (lang, width) => {
    const { page: p, context, problems: pr } = await openApp(h, { width, lang });
    await signIn(p, h.suedwestKey);
    await p.evaluate((x) => { location.hash = x; }, `#/members/${SHARED}`);
    await expect.poll(() => p.locator('[data-shared]').count(), { timeout: 15_000 }).toBe(1);
    expect(await p.locator('[data-shared]').textContent()).toContain(lang === 'de' ? 'Auch Mitglied in:' : 'Also a member of:');
    await expectAxeClean(p, `shared organisation ${lang} ${width}`);
    expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    if (lang === 'en') expect(await p.locator('main').textContent()).not.toMatch(/Auch Mitglied|Administration|Mitgliedschaft|Rolle/);
    await shot(p, `shared-org-${lang}-${width}`);
    expect(pr).toEqual([]);
    await context.close();
  });
});
