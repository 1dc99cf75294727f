// @web/test-runner in real Chromium, against the real reference server and a server that fails on
// purpose, both started for the run. Run through `pnpm test` (Node with tsx and the
// `@fachkraefte/source` condition, so the server's TypeScript sources load without a build).
import { existsSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { startFaultyServer } from './test/faulty-server.mjs';
import { startReferenceServer } from './test/reference-server.mjs';
import { buildElementBundle, probeScript } from './test/bundle.mjs';

const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((p) => p && existsSync(p));
if (!executablePath) {
  console.error(
    'No Chromium found. Install it with `apt-get install chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chromium or Chrome binary.',
  );
  process.exit(1);
}

/** Two separately built copies of the registering bundle, as two script tags on a page load them. */
const buildBundle = () => buildElementBundle('alliance-directory');

/** The page a strict-CSP site would serve; every script and style comes from 'self'. */
function cspPage(api) {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CSP</title>
<script src="/__fixtures/probe.js"></script>
<script type="module" src="/__bundles/a/alliance-directory.js"></script></head>
<body><fk-alliance-directory api="${api}/v1"><a href="https://example.org/">Fachkräfteallianzen</a></fk-alliance-directory></body></html>`;
}

/** Loads two copies of the bundle, one after the other, as two plugins of a CMS might. */
function twoCopiesPage(api) {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Two copies</title>
<script src="/__fixtures/probe.js"></script>
<script type="module" src="/__bundles/a/alliance-directory.js"></script>
<script type="module" src="/__bundles/b/alliance-directory.js"></script></head>
<body><fk-alliance-directory api="${api}/v1"></fk-alliance-directory></body></html>`;
}

const probe = probeScript;

function fixturesPlugin() {
  let reference;
  let faulty;
  let bundles;
  return {
    name: 'fk-fixtures',
    async serverStart() {
      reference = await startReferenceServer();
      faulty = await startFaultyServer(reference.url);
      const [a, b] = await Promise.all([buildBundle(), buildBundle()]);
      bundles = { a, b };
    },
    async serverStop() {
      await faulty?.close();
      await reference?.close();
    },
    resolveImport({ source }) {
      if (source === 'fk-test-env') return '/__fk-env.js';
      return undefined;
    },
    serve(context) {
      const path = context.path;
      if (path === '/__fk-env.js') {
        return { body: `export const API = ${JSON.stringify(reference.url)};\nexport const FAULTY = ${JSON.stringify(faulty.url)};\n`, type: 'js' };
      }
      if (path === '/__fixtures/probe.js') return { body: probe, type: 'js' };
      const bundle = /^\/__bundles\/(a|b)\/alliance-directory\.js$/.exec(path);
      if (bundle) return { body: bundles[bundle[1]], type: 'js' };
      if (path === '/__fixtures/csp.html') {
        return {
          body: cspPage(reference.url),
          type: 'html',
          headers: {
            'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${reference.url}`,
          },
        };
      }
      if (path === '/__fixtures/two-copies.html') return { body: twoCopiesPage(reference.url), type: 'html' };
      return undefined;
    },
  };
}

/**
 * Counts passed, failed and skipped tests for the root `pnpm test`, which sums every runner into
 * one "N passed, N failed" line. A file that failed to load counts as a failure.
 */
function countsReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) counts.skipped += 1;
          else if (t.passed) counts.passed += 1;
          else counts.failed += 1;
        }
        for (const s of suite?.suites ?? []) walk(s);
      };
      for (const session of sessions) {
        walk(session.testResults);
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += session.errors.length;
      }
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}

export default {
  files: 'src/**/*.test.ts',
  reporters: [defaultReporter(), countsReporter(process.env.FK_WTR_RESULTS)],
  nodeResolve: { exportConditions: ['@fachkraefte/source', 'production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), fixturesPlugin(), (await import('./test/map-fixtures.mjs')).mapFixturesPlugin(), (await import('./test/calendar-fixtures.mjs')).calendarFixtures()],
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    }),
  ],
};
