// Shared by the app's tests: the app and the widgets' CDN folder built into a temp folder, the
// real reference server started in-process (memory PGlite) serving the demo page at /, the CDN
// at /cdn/ and the app at /verwaltung/, and a real Chromium (playwright-core, system binary).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer, type ServerOptions } from '@fachkraefte/server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
// @ts-expect-error plain ESM script without types
import { buildAdmin } from '../scripts/build.mjs';
// @ts-expect-error plain ESM script without types
import { buildCdn } from '../../widgets/scripts/cdn-sizes.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const SUEDWEST = 'fachkraefteallianz-suedwest';
export const LUDWIGSBURG = 'fachkraefteallianz-landkreis-ludwigsburg';

let built: { dir: string; admin: string; cdn: string } | null = null;

/** Builds the app and the CDN folder once per test file. */
async function build() {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'fk-admin-test-'));
  const admin = join(dir, 'admin');
  const cdn = join(dir, 'cdn');
  await buildAdmin(admin);
  const { files } = (await buildCdn()) as { files: Map<string, string> };
  for (const [name, text] of files) {
    mkdirSync(dirname(join(cdn, name)), { recursive: true });
    writeFileSync(join(cdn, name), text);
  }
  copyFileSync(join(repo, 'packages/widgets/static/fk.css'), join(cdn, 'fk.css'));
  built = { dir, admin, cdn };
  return built;
}

export interface Harness {
  srv: RunningServer;
  base: string;
  browser: Browser;
  adminKey: string;
  suedwestKey: string;
  close(): Promise<void>;
}

/** A server with the demo page, the CDN and the app, and a browser. */
export async function startHarness(options: Partial<ServerOptions> = {}): Promise<Harness> {
  const b = await build();
  const srv = await startServer({
    port: 0, memory: true, dataSets: ['seed', 'upcoming'], log: () => {}, siteDir: join(repo, 'examples/municipal-page'),
    cdnDir: b.cdn, adminDir: b.admin, writeLimit: { perMinute: 60_000, burst: 10_000 }, ...options,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
    // German UI: date and time fields show and take DD.MM.YYYY and 24 h, as a coordinator's browser does.
    args: ['--lang=de-DE', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    srv, base: srv.url, browser,
    adminKey: await srv.createApiKey('admin', 'Betrieb (Test)'),
    suedwestKey: await srv.createApiKey(SUEDWEST, 'Geschäftsstelle Südwest (G. Gempp)'),
    async close() {
      await browser.close();
      await srv.close().catch(() => {});
    },
  };
}

/** Removes the build folder (afterAll of the last user). */
export function cleanBuild() {
  if (built) rmSync(built.dir, { recursive: true, force: true });
  built = null;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it is now (WCAG 2.1 A/AA): 0 violations. Injected through the DevTools
 * protocol, which the page's CSP does not govern (an inline script would be refused, rightly).
 */
export async function expectAxeClean(page: Page, what: string) {
  const violations = await page.evaluate(async (src) => {
    const w = window as unknown as { axe?: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } };
    if (!w.axe) (0, eval)(src);
    const r = await w.axe!.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, AXE);
  expect(violations, `axe in ${what}`).toEqual([]);
}

/** A page of the app in a fresh context (its own sessionStorage), collecting CSP refusals and page errors. */
export async function openApp(h: Harness, opts: { width?: number; lang?: 'de' | 'en' } = {}) {
  const context = await h.browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${h.base}/verwaltung/`);
  if (opts.lang === 'en') await page.getByRole('button', { name: /English/ }).click();
  return { page, context, problems };
}

/** Signs in through the form. */
export async function signIn(page: Page, key: string) {
  await page.getByLabel(/Persönlicher Schlüssel|Personal key/).fill(key);
  await page.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
  await expect.poll(() => page.locator('[data-who]').count(), { timeout: 15_000 }).toBe(1);
}

/** Revokes the key with this label through the admin API, as another admin would; the answer's status. */
export async function revokeKey(h: Harness, label: string): Promise<number> {
  const auth = { authorization: `Bearer ${h.adminKey}` };
  const keys = (await (await fetch(`${h.base}/v1/keys`, { headers: auth })).json()).items as { id: string; label: string }[];
  const key = keys.find((k) => k.label === label);
  if (!key) throw new Error(`no key labelled "${label}"`);
  return (await fetch(`${h.base}/v1/keys/${key.id}`, { method: 'DELETE', headers: auth })).status;
}

/** `YYYY-MM-DD` in Berlin, `days` from today. */
export function berlinDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(Date.now() + days * 86_400_000);
}

/** A full-page screenshot into $FK_SHOTS (when set), to be looked at. */
export async function shot(page: Page, name: string) {
  const dir = process.env.FK_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** A section link in the app's navigation (scoped, so an event titled "… Allianzen" never matches "Allianzen"). */
export function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: /Bereiche|Sections/ }).getByRole('link', { name, exact: true });
}

/**
 * One server and one app page for a whole test file: started before the first test, a screenshot
 * of the page when a test fails (for whoever reads the failure), everything closed after the last.
 * `use` receives them once they are up.
 */
export function appPerFile(use: (app: { h: Harness; page: Page; problems: string[] }) => void): void {
  let h: Harness | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    h = await startHarness();
    const opened = await openApp(h);
    page = opened.page;
    use({ h, ...opened });
  });
  afterEach(async (t) => {
    if (t.task.result?.state === 'fail') {
      await page?.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/fk-admin-failed-${t.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`, fullPage: true });
    }
  });
  afterAll(async () => {
    await h?.close();
    cleanBuild();
  });
}
