// The web-test-runner plugin of <fk-event-calendar>'s tests: a reference server of its own (seed
// data plus the events of calendar-data.mjs, created through the real write API), a built bundle
// of the element for the strict-CSP page, and ical.js for the browser to parse downloads with.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startCalendarServer } from './calendar-data.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const esbuild = createRequire(createRequire(import.meta.url).resolve('@web/dev-server-esbuild'))('esbuild');
const icalPath = fileURLToPath(new URL('../../../node_modules/.pnpm/ical.js@2.2.1/node_modules/ical.js/dist/ical.js', import.meta.url));

const probe = `window.__violations = []; window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));`;

/** The plugin; add it to `plugins` in web-test-runner.config.mjs. */
export function calendarFixtures() {
  let server;
  let bundle;
  return {
    name: 'fk-calendar-fixtures',
    async serverStart() {
      server = await startCalendarServer();
      const result = await esbuild.build({
        entryPoints: [`${here}src/components/event-calendar/event-calendar.ts`],
        bundle: true, format: 'esm', target: 'es2022', minify: true, write: false,
        conditions: ['@fachkraefte/source', 'production'],
      });
      bundle = result.outputFiles[0].text;
    },
    async serverStop() {
      await server?.close();
    },
    resolveImport({ source }) {
      if (source === 'fk-calendar-env') return '/__cal/env.js';
      if (source === 'ical.js') return '/__cal/ical.js';
      return undefined;
    },
    serve({ path }) {
      if (path === '/__cal/env.js') return { body: `export const CAL_API = ${JSON.stringify(server.url)};\n`, type: 'js' };
      if (path === '/__cal/ical.js') return { body: readFileSync(icalPath, 'utf8'), type: 'js' };
      if (path === '/__cal/probe.js') return { body: probe, type: 'js' };
      if (path === '/__cal/event-calendar.js') return { body: bundle, type: 'js' };
      if (path === '/__cal/csp.html') {
        return {
          type: 'html',
          headers: { 'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${server.url}` },
          body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CSP</title>
<script src="/__cal/probe.js"></script><script type="module" src="/__cal/event-calendar.js"></script></head>
<body><fk-event-calendar api="${server.url}/v1" month="2026-05" view="month" json-ld><a href="https://example.org/termine">Termine</a></fk-event-calendar></body></html>`,
        };
      }
      return undefined;
    },
  };
}
