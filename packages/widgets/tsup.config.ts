import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { preset } from '../../tsup.preset.mjs';
import { cssMinifyPlugin } from './scripts/css-minify.mjs';

// Workspace packages resolve to their TypeScript sources, Lit to its production build.
const conditions = ['@fachkraefte/source', 'production'];

/**
 * The elements, by file name in the CDN folder and in dist/: every folder of src/components with a
 * registering `<name>.ts`, so that a new widget needs no change here.
 */
const names = readdirSync('src/components').filter((n) => existsSync(`src/components/${n}/${n}.ts`));
const elements = Object.fromEntries(names.map((n) => [n, `src/components/${n}/${n}.ts`]));
const components = Object.fromEntries(names.map((n) => [`${n}.component`, `src/components/${n}/${n}.component.ts`]));

export default defineConfig([
  // npm: ESM per element; dependencies stay external so an app bundles one Lit and one SDK.
  {
    ...(preset() as Options),
    entry: {
      index: 'src/index.ts',
      ...elements,
      ...components,
      // For editors' apps only (not in the CDN folder below): unsaved events drawn by the calendar's code.
      'event-preview': 'src/components/event-calendar/event-preview.ts',
    },
    format: ['esm'],
    outDir: 'dist',
    clean: false,
    // Shared modules (base class, SDK adapter) become chunks: registering and non-registering
    // entries must share one class, not carry a copy each.
    splitting: true,
    dts: true,
    esbuildPlugins: [cssMinifyPlugin],
    esbuildOptions(options) {
      options.conditions = conditions;
    },
  },
  // CDN: self-hostable folder, everything bundled, shared chunks between the elements.
  {
    entry: { fk: 'src/autoloader.ts', ...elements },
    format: ['esm'],
    outDir: 'dist/cdn',
    target: 'es2022',
    platform: 'browser',
    clean: false,
    splitting: true,
    minify: true,
    // esbuild's own tree shaking: tsup's `treeshake` adds a Rollup pass whose output is not
    // minified again (it was some 200 bytes gzipped larger), and scripts/cdn-sizes.mjs measures
    // exactly this esbuild build in memory for the size budgets.
    sourcemap: false,
    esbuildPlugins: [cssMinifyPlugin],
    // static/fk.css: the widgets' space reserved before they upgrade (a stylesheet, CSP-safe).
    publicDir: 'static',
    dts: false,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.conditions = conditions;
      options.chunkNames = 'chunks/[name]-[hash]';
      options.legalComments = 'none';
    },
  },
  // The embed builder (/einbinden/), a page of the CDN folder: a bundle of its own, so that it
  // changes none of the widgets' chunks; its HTML and CSS come from static/einbinden/.
  {
    entry: { 'einbinden/builder': 'src/builder/builder.ts' },
    format: ['esm'],
    outDir: 'dist/cdn',
    target: 'es2022',
    platform: 'browser',
    clean: false,
    splitting: false,
    minify: true,
    sourcemap: false,
    dts: false,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.conditions = conditions;
      options.legalComments = 'none';
    },
  },
]);
