#!/usr/bin/env node
// `pnpm bench:page`: Lighthouse 12.2.3 (mobile, simulated throttling) three times against the demo
// page of the built server, and the medians of what a visitor feels: performance, CLS, TBT,
// accessibility, SEO. A benchmark, not a test: the numbers move with the machine's load.
//
//   pnpm bench:page                 builds, serves the demo page in memory on a free port, measures
//   pnpm bench:page --no-build      the same with the dist/ folders as they are
//   pnpm bench:page --url URL       measures a page that is already served (e.g. by `pnpm start`)
//   pnpm bench:page --runs 5        more runs (default 3)
//   pnpm bench:page --save DIR      also keeps each run's Lighthouse report (lighthouse-N.json)
//
// Chromium comes from CHROME_PATH or the usual install paths (scripts/find-chromium.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { findChromium } from './find-chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: { url: { type: 'string' }, runs: { type: 'string', default: '3' }, 'no-build': { type: 'boolean' }, save: { type: 'string' } },
});
const runs = Number(values.runs);
const chrome = findChromium();
if (!chrome) {
  console.error('Chromium not found: install it (apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

let server;
let url = values.url;
if (!url) {
  if (!values['no-build']) {
    const b = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const port = await freePort();
  server = spawn(process.execPath, ['packages/server/dist/cli.js', 'serve', '--memory', '--port', String(port)], {
    cwd: root, stdio: ['ignore', 'ignore', 'pipe'],
  });
  // The server logs "Demo page: …" once it listens.
  await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${text}`)), 60_000);
    server.stderr.on('data', (d) => {
      text += d;
      if (text.includes('Demo page:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited (${code}):\n${text}`)));
  });
  url = `http://127.0.0.1:${port}/`;
}

const flags = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage';
const lighthouse = `${root}node_modules/.bin/lighthouse`;
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(lighthouse, [
      url, '--quiet', '--output=json', '--output-path=stdout', '--form-factor=mobile', '--throttling-method=simulate',
      '--only-categories=performance,accessibility,seo', `--chrome-flags=${flags}`,
    ], { env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`lighthouse failed (${r.status}):\n${r.stderr}`);
    const lhr = JSON.parse(r.stdout);
    if (values.save) {
      mkdirSync(values.save, { recursive: true });
      writeFileSync(join(values.save, `lighthouse-${i + 1}.json`), r.stdout);
    }
    const row = {
      performance: Math.round(lhr.categories.performance.score * 100),
      cls: lhr.audits['cumulative-layout-shift'].numericValue,
      fcp: lhr.audits['first-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      seo: Math.round(lhr.categories.seo.score * 100),
    };
    const failing = ['accessibility', 'seo'].flatMap((c) => lhr.categories[c].auditRefs
      .filter((a) => a.weight > 0 && lhr.audits[a.id].score !== null && lhr.audits[a.id].score < 1).map((a) => `${c}:${a.id}`));
    results.push(row);
    console.log(`run ${i + 1}: performance ${row.performance}, CLS ${row.cls.toFixed(3)}, FCP ${Math.round(row.fcp)} ms, TBT ${Math.round(row.tbt)} ms, LCP ${Math.round(row.lcp)} ms, accessibility ${row.accessibility}, SEO ${row.seo}${failing.length ? `  (failing: ${failing.join(', ')})` : ''}`);
  }
} finally {
  server?.kill('SIGTERM');
}

const median = (key) => {
  const v = results.map((r) => r[key]).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
};
console.log(`\nLighthouse 12.2.3, mobile, simulated throttling, median of ${runs} (${url}):`);
console.log(`performance ${median('performance')}, CLS ${median('cls').toFixed(3)}, FCP ${Math.round(median('fcp'))} ms, TBT ${Math.round(median('tbt'))} ms, LCP ${Math.round(median('lcp'))} ms, accessibility ${median('accessibility')}, SEO ${median('seo')}`);
