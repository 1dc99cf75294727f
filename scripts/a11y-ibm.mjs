#!/usr/bin/env node
// A second accessibility opinion: IBM's Equal Access engine (accessibility-checker-engine, the
// rules behind IBM's checker, policy "IBM_Accessibility" = WCAG 2.1/2.2 AA plus IBM's own rules)
// run in Chromium over the demo page's widgets, in several states. It sees into open shadow roots.
// Not part of `pnpm test` (axe is the gate there); run by hand:
//
//   node --import tsx --conditions=@fachkraefte/source scripts/a11y-ibm.mjs [--json out.json]
//
// The engine is installed on first use into .cache/ace with npm (pinned version); no other host.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

const ENGINE = 'accessibility-checker-engine@4.0.34';
const root = new URL('..', import.meta.url).pathname;
const aceDir = join(root, '.cache/ace');
const aceJs = join(aceDir, 'node_modules/accessibility-checker-engine/ace.js');
if (!existsSync(aceJs)) {
  mkdirSync(aceDir, { recursive: true });
  execFileSync('npm', ['install', '--prefix', aceDir, '--no-save', '--no-audit', '--no-fund', ENGINE], { stdio: 'inherit' });
}

const { buildCdn } = await import(join(root, 'packages/widgets/scripts/cdn-sizes.mjs'));
const cdn = mkdtempSync(join(tmpdir(), 'fk-ace-cdn-'));
for (const [name, text] of (await buildCdn()).files) {
  mkdirSync(dirname(join(cdn, name)), { recursive: true });
  writeFileSync(join(cdn, name), text);
}
writeFileSync(join(cdn, 'fk.css'), readFileSync(join(root, 'packages/widgets/static/fk.css')));
const { startServer } = await import(join(root, 'packages/server/src/index.ts'));
const server = await startServer({ port: 0, memory: true, dataSets: ['seed', 'upcoming'], log: () => {}, cdnDir: cdn });

const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const findings = [];
try {
  // The demo page's CSP forbids inline script; the engine is injected past it, the widgets are unchanged.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const check = async (state, lang) => {
    await page.addScriptTag({ content: readFileSync(aceJs, 'utf8') });
    const results = await page.evaluate(async () => {
      const report = await new window.ace.Checker().check(document, ['IBM_Accessibility']);
      return report.results
        .filter((r) => r.value[1] !== 'PASS')
        .map((r) => ({ rule: r.ruleId, level: r.value[0], outcome: r.value[1], path: r.path.dom, message: r.message, snippet: r.snippet }));
    });
    for (const r of results) {
      const widget = /fk-(alliance-directory|event-calendar|member-map)/.exec(r.path)?.[0] ?? 'page';
      findings.push({ state, lang, widget, ...r });
    }
  };
  const settle = () => page.waitForTimeout(1500);
  for (const lang of ['de', 'en']) {
    await page.goto(`${server.url}/`);
    if (lang === 'en') {
      await page.evaluate(() => document.querySelectorAll('fk-alliance-directory, fk-event-calendar, fk-member-map').forEach((el) => el.setAttribute('lang', 'en')));
    }
    await page.locator('fk-alliance-directory [part~="item"]').first().waitFor({ timeout: 30_000 });
    await page.locator('fk-member-map').first().scrollIntoViewIfNeeded();
    await page.locator('fk-event-calendar').first().scrollIntoViewIfNeeded();
    await page.locator('fk-member-map [part~="list-item"]').first().waitFor({ timeout: 30_000 });
    await settle();
    await check('demo page, lists loaded', lang);
    await page.locator('fk-alliance-directory [part~="item-button"]').first().click();
    await page.locator('fk-alliance-directory [part~="profile"]').waitFor();
    await settle();
    await check('directory: a profile open', lang);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(cdn, { recursive: true, force: true });
}

const out = process.argv.indexOf('--json');
if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify(findings, null, 2));
const summary = new Map();
for (const f of findings) {
  const key = `${f.widget} | ${f.level} ${f.outcome} | ${f.rule}`;
  const s = summary.get(key) ?? { count: 0, states: new Set(), message: f.message };
  s.count += 1;
  s.states.add(`${f.state} (${f.lang})`);
  summary.set(key, s);
}
for (const [key, s] of [...summary].sort()) console.log(`${key} ×${s.count}\n    ${s.message}\n    in: ${[...s.states].join('; ')}`);
const violations = findings.filter((f) => f.level === 'VIOLATION' && f.outcome === 'FAIL' && f.widget !== 'page');
console.log(`\n${violations.length} violation(s) inside the widgets; ${findings.length} non-pass result(s) in all.`);
