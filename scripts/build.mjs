#!/usr/bin/env node
// `pnpm build`: builds every package under packages/ that has a `build` script, in dependency order,
// and skips a package whose inputs have not changed since its last successful build. `pnpm start`
// runs this first, so a checkout that is already built starts in seconds instead of rebuilding
// everything (41 s here, 116 s on a busy machine).
//
// Up to date means: the fingerprint of the package's inputs equals the one stamped after its last
// successful build, and every file that build produced is still there with the same size.
//   inputs      every file of the package that git tracks or would track (so dist/, node_modules/
//               and generated files are out by .gitignore), except tests and benchmarks; the shared
//               build config at the root (tsup.preset.mjs, tsconfig.json, pnpm-lock.yaml, this
//               script, scripts/precompress.mjs); and the fingerprints of its workspace dependencies
//               (the server and the widgets bundle the schema's and the SDK's sources).
//   fingerprint SHA-256 over paths and contents, not mtimes: a checkout or a `touch` does not force a
//               rebuild, a changed byte always does, and an edit that is undone rebuilds once.
//   stamp       .cache/build/<package>.json, written only after the build succeeded (and removed
//               before it starts, so an interrupted build is redone).
// Without git (a source tarball) every package is built every time.
//
//   node scripts/build.mjs                    build what changed
//   node scripts/build.mjs --force            build everything
//   node scripts/build.mjs @fachkraefte/widgets   build this package and what it depends on
//   node scripts/build.mjs --check            exit 1 and list what is stale; build nothing
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const stampDir = join(root, '.cache/build');
const SHARED = ['tsup.preset.mjs', 'tsconfig.json', 'pnpm-lock.yaml', 'scripts/build.mjs', 'scripts/precompress.mjs'];
const NOT_INPUT = /(^|\/)(test|tests|bench|__screenshots__)\/|\.test(-d)?\.[cm]?[jt]sx?$|(^|\/)README\.md$|(^|\/)CHANGELOG\.md$/;

const args = process.argv.slice(2);
const force = args.includes('--force');
const checkOnly = args.includes('--check');
const wanted = args.filter((a) => !a.startsWith('--'));

/** Packages under packages/ with a build script, keyed by name. */
const packages = new Map();
for (const dir of readdirSync(join(root, 'packages'))) {
  const file = join(root, 'packages', dir, 'package.json');
  if (!existsSync(file)) continue;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  if (!pkg.scripts?.build) continue;
  packages.set(pkg.name, { name: pkg.name, dir: `packages/${dir}`, pkg });
}
for (const p of packages.values()) {
  const all = { ...p.pkg.dependencies, ...p.pkg.devDependencies, ...p.pkg.peerDependencies };
  p.deps = Object.keys(all).filter((d) => packages.has(d));
}
for (const name of wanted) {
  if (!packages.has(name)) {
    console.error(`build: no package ${name} with a build script; there are: ${[...packages.keys()].join(', ')}`);
    process.exit(2);
  }
}

/** Dependency order (each package after its workspace dependencies), limited to `wanted` and theirs. */
const order = [];
const seen = new Set();
function visit(name, path = []) {
  if (path.includes(name)) throw new Error(`build: dependency cycle ${[...path, name].join(' → ')}`);
  if (seen.has(name)) return;
  for (const d of packages.get(name).deps) visit(d, [...path, name]);
  seen.add(name);
  order.push(packages.get(name));
}
for (const name of wanted.length ? wanted : [...packages.keys()].sort()) visit(name);

/** Files git tracks or would track (null without git). */
function gitFiles() {
  const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 || r.error) return null;
  return r.stdout.split('\0').filter(Boolean);
}

function hashFiles(hash, files) {
  for (const f of files.sort()) {
    hash.update(`${f}\0`);
    // A tracked file deleted in the work tree changes the hash through its missing content.
    try {
      hash.update(readFileSync(join(root, f)));
    } catch {
      hash.update('\0missing\0');
    }
    hash.update('\0');
  }
}

const files = gitFiles();
const fingerprints = new Map();
function fingerprint(p) {
  if (fingerprints.has(p.name)) return fingerprints.get(p.name);
  const hash = createHash('sha256');
  hashFiles(hash, files.filter((f) => f.startsWith(`${p.dir}/`) && !NOT_INPUT.test(f.slice(p.dir.length + 1))));
  hashFiles(hash, SHARED.filter((f) => files.includes(f) || existsSync(join(root, f))));
  for (const d of p.deps) hash.update(`${d}=${fingerprint(packages.get(d))}\n`);
  const value = hash.digest('hex');
  fingerprints.set(p.name, value);
  return value;
}

/** What a build leaves behind: dist/ and the other entries of `files` that git ignores (generated). */
function outputsOf(p) {
  const out = {};
  const walk = (rel) => {
    const full = join(root, rel);
    if (!existsSync(full)) return;
    const st = statSync(full);
    if (st.isDirectory()) for (const n of readdirSync(full)) walk(`${rel}/${n}`);
    else out[rel] = st.size;
  };
  walk(`${p.dir}/dist`);
  for (const entry of p.pkg.files ?? []) {
    const rel = `${p.dir}/${entry}`;
    if (!entry.startsWith('!') && !/[*?]/.test(entry) && entry !== 'dist' && !files.some((f) => f === rel || f.startsWith(`${rel}/`))) walk(rel);
  }
  return out;
}

const stampFile = (p) => join(stampDir, `${p.name.replace(/[@/]/g, '_')}.json`);

/** Why the package must be built, or null when it is up to date. */
function staleBecause(p) {
  if (force) return '--force';
  if (!files) return 'no git: cannot tell what changed';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile(p), 'utf8'));
  } catch {
    return 'never built here';
  }
  if (stamp.fingerprint !== fingerprint(p)) return 'inputs changed';
  for (const [rel, size] of Object.entries(stamp.outputs ?? {})) {
    let now;
    try {
      now = statSync(join(root, rel)).size;
    } catch {
      return `output missing: ${relative(root, join(root, rel))}`;
    }
    if (now !== size) return `output changed: ${rel}`;
  }
  if (!Object.keys(stamp.outputs ?? {}).length) return 'no outputs recorded';
  return null;
}

mkdirSync(stampDir, { recursive: true });
const started = Date.now();
const stale = [];
for (const p of order) {
  // A dependency that is rebuilt makes its dependants stale through the fingerprint already;
  // a rebuilt dependency with the same inputs (e.g. --force) changes nothing downstream.
  const why = staleBecause(p);
  if (!why) {
    console.log(`build: ${p.name} is up to date`);
    continue;
  }
  stale.push(p.name);
  if (checkOnly) {
    console.log(`build: ${p.name} is stale (${why})`);
    continue;
  }
  console.log(`build: ${p.name} (${why})`);
  rmSync(stampFile(p), { force: true });
  // Fingerprint taken before the build: a source edited while it runs is rebuilt next time.
  const before = files ? fingerprint(p) : null;
  const r = spawnSync('pnpm', ['run', 'build'], { cwd: join(root, p.dir), stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: ${p.name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  // The CDN folder gets its .br/.gz beside each file as part of the widgets' build.
  if (existsSync(join(root, p.dir, 'dist/cdn'))) {
    const c = spawnSync(process.execPath, [join(root, 'scripts/precompress.mjs'), join(root, p.dir, 'dist/cdn')], { stdio: 'inherit' });
    if (c.status !== 0) process.exit(c.status || 1);
  }
  if (before) writeFileSync(stampFile(p), `${JSON.stringify({ fingerprint: before, builtAt: new Date().toISOString(), outputs: outputsOf(p) }, null, 1)}\n`);
}
if (checkOnly) {
  process.exit(stale.length ? 1 : 0);
}
console.log(`build: ${stale.length ? `built ${stale.join(', ')}` : 'nothing to build'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
