// Shared by the test-runner plugins: real bundles of an element, built as a CDN would serve them,
// and the probe script a fixture page runs first to record CSP violations, errors and warnings.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cssMinifyPlugin } from '../scripts/css-minify.mjs';

// The esbuild that @web/dev-server-esbuild uses.
const esbuild = createRequire(createRequire(import.meta.url).resolve('@web/dev-server-esbuild'))('esbuild');
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The registering bundle of an element (`alliance-directory`, …), minified. With `split`, the
 * lazy chunks come apart as in the CDN build: a Map of file name → text; else the one file's text.
 */
export async function buildElementBundle(name, { split = false } = {}) {
  const result = await esbuild.build({
    entryPoints: [`${root}src/components/${name}/${name}.ts`],
    bundle: true, format: 'esm', target: 'es2022', minify: true, write: false,
    conditions: ['@fachkraefte/source', 'production'],
    // As the CDN build ships them: the styles minified (the CSP and hostile-page tests run these bundles).
    plugins: [cssMinifyPlugin],
    ...(split ? { splitting: true, outdir: '/out' } : {}),
  });
  if (!split) return result.outputFiles[0].text;
  return new Map(result.outputFiles.map((f) => [f.path.replace(/^\/out\//, ''), f.text]));
}

/** A classic script for the head of a fixture page: it must run before the modules. */
export const probeScript = `window.__violations = []; window.__errors = []; window.__warnings = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
const warn = console.warn.bind(console);
console.warn = (...args) => { window.__warnings.push(args.map(String).join(' ')); warn(...args); };`;
