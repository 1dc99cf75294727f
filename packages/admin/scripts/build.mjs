// Builds the app into dist/ (or the folder given): index.html, and the script and style sheet
// with a hash of their content in the name, so that the server may keep them a year. No inline
// script or style: the page runs under `script-src 'self'; style-src 'self'`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The esbuild that tsup uses, as the widgets' CDN build does: no second copy to keep in step.
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild');
const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds the app into `outDir` (emptied first); returns the names of the files written. */
export async function buildAdmin(outDir = join(root, 'dist')) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const result = await esbuild.build({
    entryPoints: { app: join(root, 'src/main.ts'), style: join(root, 'src/styles.css') },
    bundle: true, format: 'esm', target: 'es2022', platform: 'browser', minify: true, sourcemap: false,
    // Split: what a view loads with import() (a preview, a map) becomes a chunk of its own, kept out
    // of the initial download that test/size.test.ts budgets.
    splitting: true, chunkNames: 'chunk-[hash]',
    outdir: join(outDir, 'assets'), entryNames: '[name]-[hash]', write: true, metafile: true,
    conditions: ['@fachkraefte/source', 'production'], legalComments: 'none', logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  const outputs = Object.keys(result.metafile.outputs).map((f) => basename(f));
  const js = outputs.find((f) => /^app-.*\.js$/.test(f));
  const css = outputs.find((f) => /^style-.*\.css$/.test(f));
  if (!js || !css) throw new Error(`build: missing outputs in ${outputs.join(', ')}`);
  // The CSS entry also leaves an empty JS stub behind in some esbuild versions: drop it.
  for (const f of outputs) if (/^style-.*\.js$/.test(f)) rmSync(join(outDir, 'assets', f));
  const html = readFileSync(join(root, 'src/index.html'), 'utf8').replace('%SCRIPT%', `assets/${js}`).replace('%STYLE%', `assets/${css}`);
  writeFileSync(join(outDir, 'index.html'), html);
  writeFileSync(join(outDir, 'favicon.svg'), readFileSync(join(root, 'src/favicon.svg')));
  return { js, css };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { js, css } = await buildAdmin(process.argv[2]);
  console.log(`admin: dist/index.html, assets/${js}, assets/${css}`);
}
