#!/usr/bin/env node
// `pnpm release:cdn`: the widgets' CDN folder as a tarball a web team deploys without Node:
//   release/fachkraefte-widgets-cdn-<version>.tar.gz (+ .sha256), holding
//   fachkraefte-widgets-cdn-<version>/{README.md, integrity.json, cdn/…}
// The folder is built first if its sources changed (scripts/build.mjs), its .br/.gz are made anew
// from the files in the tarball (so they can never be stale), integrity.json has the SRI hash
// (sha384) of every file, and README.md the cache rules and the nginx and Apache snippets
// (scripts/release/cdn-README.md; the release tests serve the tarball with that nginx snippet).
//   node scripts/release-cdn.mjs [--out DIR] [--no-build]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = resolve(outAt >= 0 ? args[outAt + 1] : join(root, 'release'));
const widgets = join(root, 'packages/widgets');
const { version } = JSON.parse(readFileSync(join(widgets, 'package.json'), 'utf8'));
const name = `fachkraefte-widgets-cdn-${version}`;

function run(command, argv, options = {}) {
  const r = spawnSync(command, argv, { stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`release:cdn: ${command} ${argv.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
    process.exit(1);
  }
}

if (!args.includes('--no-build')) run(process.execPath, [join(root, 'scripts/build.mjs'), '@fachkraefte/widgets']);
const source = join(widgets, 'dist/cdn');
if (!existsSync(join(source, 'fk.js'))) {
  console.error(`release:cdn: ${source}/fk.js is missing; run pnpm build`);
  process.exit(1);
}

const stage = join(outDir, name);
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
// Only the files themselves: their .br/.gz are made again below from exactly these bytes.
cpSync(source, join(stage, 'cdn'), { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
run(process.execPath, [join(root, 'scripts/precompress.mjs'), join(stage, 'cdn')]);

const files = [];
(function walk(dir) {
  for (const n of readdirSync(dir).sort()) {
    const full = join(dir, n);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(full);
  }
})(join(stage, 'cdn'));
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
const integrity = {
  name: '@fachkraefte/widgets',
  version,
  algorithm: 'sha384',
  // Keys are paths inside the tarball's folder; values as a page's integrity attribute takes them.
  files: Object.fromEntries(files.map((f) => [relative(stage, f), { integrity: sri(f), size: statSync(f).size }])),
};
writeFileSync(join(stage, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);

const readme = readFileSync(join(root, 'scripts/release/cdn-README.md'), 'utf8')
  .replaceAll('{{VERSION}}', version)
  .replaceAll('{{FK_JS_SRI}}', integrity.files['cdn/fk.js'].integrity)
  .replaceAll('{{FK_CSS_SRI}}', integrity.files['cdn/fk.css'].integrity);
writeFileSync(join(stage, 'README.md'), readme);

// GNU tar: sorted names, no owner names from this machine, and every file stamped with the release
// time (SOURCE_DATE_EPOCH if set, for a reproducible tarball). Not a fixed old date: nginx and Apache
// derive ETag and Last-Modified from mtime and size, so a changed fk.js of the same size with the
// same mtime would be answered 304 to every browser revalidating it.
const epoch = /^\d+$/.test(process.env.SOURCE_DATE_EPOCH ?? '') ? process.env.SOURCE_DATE_EPOCH : String(Math.floor(Date.now() / 1000));
const tarball = join(outDir, `${name}.tar.gz`);
run('tar', ['--sort=name', `--mtime=@${epoch}`, '--owner=0', '--group=0', '--numeric-owner', '-czf', tarball, '-C', outDir, name]);
rmSync(stage, { recursive: true, force: true });
const sum = createHash('sha256').update(readFileSync(tarball)).digest('hex');
writeFileSync(`${tarball}.sha256`, `${sum}  ${name}.tar.gz\n`);
console.log(`release:cdn: ${relative(process.cwd(), tarball) || tarball} (${(statSync(tarball).size / 1024).toFixed(1)} KB, ${files.length} files, sha256 ${sum.slice(0, 16)}…)`);
