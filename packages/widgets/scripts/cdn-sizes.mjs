// What a page downloads, measured without a prior build: the CDN folder built in memory with the
// options of tsup.config.ts's CDN build (esbuild, ES2022, minified, split into shared chunks,
// workspace packages from their sources, Lit's production build), and the SDK's browser bundle.
// Per widget: its entry file plus every chunk it imports statically (recursively); chunks loaded
// with import() (English texts, Leaflet, the dialog, optional features) are listed apart. Sizes
// are deterministic for given sources, so `pnpm test` checks them against the budgets (test/size.test.ts)
// and `pnpm --filter @fachkraefte/widgets size:report` prints them.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cssMinifyPlugin } from './css-minify.mjs';

// The esbuild that tsup uses (the CDN build's own).
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild');
const root = fileURLToPath(new URL('..', import.meta.url));
const sdkRoot = fileURLToPath(new URL('../../sdk/', import.meta.url));

/** gzip -9, as a server compresses static files ahead of time. */
export const gzip = (text) => gzipSync(text, { level: 9 }).length;
/** brotli at its highest quality. */
export const brotli = (text) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const STATIC = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.\.?\/[^"']+)["']/g;
const DYNAMIC = /import\(\s*["'](\.\.?\/[^"']+)["']\s*\)/g;

/** The CDN folder's files (`fk.js`, `member-map.js`, `chunks/…`), built in memory. */
export async function buildCdn() {
  const names = readdirSync(`${root}src/components`).filter((n) => existsSync(`${root}src/components/${n}/${n}.ts`));
  const entryPoints = { fk: `${root}src/autoloader.ts`, ...Object.fromEntries(names.map((n) => [n, `${root}src/components/${n}/${n}.ts`])) };
  const result = await esbuild.build({
    entryPoints, absWorkingDir: root, bundle: true, splitting: true, format: 'esm', target: 'es2022', platform: 'browser', minify: true,
    write: false, outdir: '/cdn', chunkNames: 'chunks/[name]-[hash]', legalComments: 'none', treeShaking: true,
    conditions: ['@fachkraefte/source', 'production'], logLevel: 'silent', plugins: [cssMinifyPlugin],
    // As tsup does: the widgets' tsconfig for every file (class fields as Lit needs them).
    tsconfig: `${root}tsconfig.json`,
  });
  return { names, files: new Map(result.outputFiles.map((f) => [f.path.replace(/^\/cdn\//, ''), f.text])) };
}

const resolve = (from, spec) => new URL(spec, `file:///${from}`).pathname.slice(1);

/**
 * The files an entry loads before it runs (static imports, recursively) and those it may import()
 * later. An import() that fk.js makes too (the SDK, which fk.js fetches beside the first widget)
 * counts as loaded at once: every widget needs it for its data.
 */
export function closure(files, entry, eager = new Set()) {
  const seen = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`${entry}: imports ${file}, which the build did not write`);
    for (const m of text.matchAll(STATIC)) visit(resolve(file, m[1]));
    for (const m of text.matchAll(DYNAMIC)) {
      const target = resolve(file, m[1]);
      if (eager.has(target)) visit(target);
      else lazy.add(target);
    }
  };
  visit(entry);
  return { files: [...seen], lazy: [...lazy].filter((f) => !seen.has(f)) };
}

/**
 * The SDK as a browser app bundles it: ESM, minified, with ky, zod/mini and the schemas; every
 * export, or (`withOccurrences: false`) all but `occurrences` and the expander it brings, which
 * tree shaking leaves out of an app that does not call it.
 */
export async function buildSdk({ withOccurrences = true } = {}) {
  const entry = `${sdkRoot}src/index.ts`;
  const contents = withOccurrences
    ? `export * from ${JSON.stringify(entry)};`
    : `export * from ${JSON.stringify(entry)}; export const occurrences = undefined;`;
  const result = await esbuild.build({
    stdin: { contents, resolveDir: sdkRoot, loader: 'ts', sourcefile: 'sdk-entry.ts' }, bundle: true, format: 'esm', target: 'es2022', platform: 'browser',
    minify: true, write: false, outfile: '/sdk.js', legalComments: 'none', conditions: ['@fachkraefte/source'], logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * Sizes in bytes, compressed: per widget (initial download and lazy chunks), the autoloader, all
 * three widgets with the autoloader (shared chunks counted once), and the SDK's browser bundle.
 */
export async function measure() {
  const { names, files } = await buildCdn();
  const size = (list) => ({ gzip: list.reduce((s, f) => s + gzip(files.get(f)), 0), brotli: list.reduce((s, f) => s + brotli(files.get(f)), 0) });
  const widgets = {};
  const all = new Set(['fk.js']);
  // What fk.js imports besides the widgets themselves.
  const eager = new Set([...files.get('fk.js').matchAll(DYNAMIC)].map((m) => resolve('fk.js', m[1])));
  for (const name of names) {
    const c = closure(files, `${name}.js`, eager);
    for (const f of c.files) all.add(f);
    widgets[name] = { ...size(c.files), files: c.files.length, lazy: c.lazy.map((f) => ({ file: f, ...size([f]) })) };
  }
  const sdk = await buildSdk();
  const client = await buildSdk({ withOccurrences: false });
  return {
    widgets,
    autoloader: size(['fk.js']),
    all: { ...size([...all]), files: all.size },
    sdk: { gzip: gzip(sdk), brotli: brotli(sdk) },
    sdkWithoutOccurrences: { gzip: gzip(client), brotli: brotli(client) },
  };
}
