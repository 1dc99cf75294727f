#!/usr/bin/env node
// `pnpm check:packages`: the four npm packages as they would be published. Each is built if stale
// (scripts/build.mjs), packed with `pnpm pack` (which rewrites `workspace:` ranges to versions),
// and its tarball checked:
//   - no `workspace:` or `link:`/`file:` range is left in the packed package.json, and every
//     dependency on a sibling package names that sibling's current version;
//   - publint --strict (warnings fail too) finds nothing;
//   - @arethetypeswrong/cli finds nothing. The schema and the SDK ship ESM and CJS and are checked
//     for every resolution mode (node10, node16 from CJS and from ESM, bundler); the server (Node,
//     ESM) and the widgets (Lit, browsers, ESM) are ESM only by design and checked with attw's
//     `esm-only` profile, which leaves out `require()` and node10 resolution.
// Prints one line per check and exits 1 if any failed. `--json FILE` also writes the results.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const PACKAGES = [
  { name: '@fachkraefte/schema', dir: 'packages/schema', profile: 'strict' },
  { name: '@fachkraefte/sdk', dir: 'packages/sdk', profile: 'strict' },
  { name: '@fachkraefte/server', dir: 'packages/server', profile: 'esm-only' },
  { name: '@fachkraefte/widgets', dir: 'packages/widgets', profile: 'esm-only' },
];
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const bin = (name) => join(root, 'node_modules/.bin', name);

function run(command, argv, cwd = root) {
  const r = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
}

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), ...PACKAGES.map((p) => p.name)], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const versions = Object.fromEntries(PACKAGES.map((p) => [p.name, JSON.parse(readFileSync(join(root, p.dir, 'package.json'), 'utf8')).version]));
const out = mkdtempSync(join(tmpdir(), 'fk-pack-'));
const results = [];
try {
  for (const p of PACKAGES) {
    const result = { name: p.name, checks: {} };
    results.push(result);
    const pack = run('pnpm', ['pack', '--pack-destination', out, '--json'], join(root, p.dir));
    if (!pack.ok) {
      result.checks.pack = { ok: false, output: pack.output };
      continue;
    }
    const tarball = JSON.parse(pack.output.slice(pack.output.indexOf('{'))).filename;
    result.tarball = tarball;
    result.checks.pack = { ok: true, output: tarball };

    const manifest = JSON.parse(run('tar', ['-xOzf', tarball, 'package/package.json']).output);
    const bad = [];
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies']) {
      for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
        if (/^(workspace|link|file|portal):/.test(range)) bad.push(`${field}.${dep}: ${range}`);
        else if (field !== 'devDependencies' && versions[dep] && range !== versions[dep] && range !== `^${versions[dep]}` && range !== `~${versions[dep]}`) bad.push(`${field}.${dep}: ${range}, but ${dep} is ${versions[dep]}`);
      }
    }
    result.checks.ranges = { ok: bad.length === 0, output: bad.join('\n') || 'no workspace: ranges; sibling versions match' };

    const publint = run(bin('publint'), ['--strict', tarball]);
    // publint exits 0 with suggestions; a clean package says "All good!".
    result.checks.publint = { ok: publint.ok && /All good!/.test(publint.output), output: publint.output.trim() };

    const attw = run(bin('attw'), [tarball, '--profile', p.profile, '--format', 'ascii']);
    result.checks.attw = { ok: attw.ok, output: attw.output.trim() };
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

let failed = 0;
for (const r of results) {
  for (const [check, { ok, output }] of Object.entries(r.checks)) {
    console.log(`${ok ? '✓' : '✖'} ${r.name} ${check}`);
    if (!ok) {
      failed++;
      console.log(output.replace(/^/gm, '    '));
    }
  }
}
if (jsonAt >= 0) writeFileSync(args[jsonAt + 1], JSON.stringify(results, null, 2));
console.log(failed ? `check:packages: ${failed} check(s) failed` : 'check:packages: all four packages pack cleanly');
process.exit(failed ? 1 : 0);
