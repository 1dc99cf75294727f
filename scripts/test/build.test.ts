/**
 * scripts/build.mjs (what `pnpm build` and `pnpm start` run) on a small repository of its own: two
 * packages, b depending on a, whose build scripts record each run. A package is rebuilt when and
 * only when its inputs, a dependency's inputs or its outputs changed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
let repo: string;

// Each build copies its sources (and its dependency's output) into dist/ and appends to builds.log.
const buildScript = (name: string, dep?: string) =>
  `node -e "const f=require('fs');f.mkdirSync('dist',{recursive:true});f.writeFileSync('dist/out.txt',f.readFileSync('src/index.txt','utf8')${dep ? `+f.readFileSync('../${dep}/dist/out.txt','utf8')` : ''});f.appendFileSync('../../builds.log','${name}\\n')"`;

function build(...args: string[]) {
  const r = spawnSync(process.execPath, [join(repo, 'scripts/build.mjs'), ...args], { cwd: repo, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
/** Which packages the last build ran, in order. */
function builtBy(fn: () => { status: number | null; out: string }) {
  rmSync(join(repo, 'builds.log'), { force: true });
  const r = fn();
  expect(r.status, r.out).toBe(0);
  return existsSync(join(repo, 'builds.log')) ? readFileSync(join(repo, 'builds.log'), 'utf8').trim().split('\n') : [];
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'fk-build-test-'));
  mkdirSync(join(repo, 'scripts'));
  cpSync(join(root, 'scripts/build.mjs'), join(repo, 'scripts/build.mjs'));
  writeFileSync(join(repo, '.gitignore'), 'dist/\n.cache/\nbuilds.log\n');
  writeFileSync(join(repo, 'tsconfig.json'), '{}\n');
  for (const [name, dep] of [['a', undefined], ['b', 'a']] as const) {
    mkdirSync(join(repo, 'packages', name, 'src'), { recursive: true });
    mkdirSync(join(repo, 'packages', name, 'test'));
    writeFileSync(join(repo, 'packages', name, 'src/index.txt'), `${name}-1\n`);
    writeFileSync(join(repo, 'packages', name, 'test/x.test.ts'), '// a test\n');
    writeFileSync(join(repo, 'packages', name, 'package.json'), JSON.stringify({
      name: `@t/${name}`, version: '1.0.0', files: ['dist'],
      scripts: { build: buildScript(name, dep) }, dependencies: dep ? { [`@t/${dep}`]: 'workspace:*' } : {},
    }));
  }
  for (const a of [['init', '-q'], ['add', '-A']]) expect(spawnSync('git', a, { cwd: repo }).status).toBe(0);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('scripts/build.mjs', () => {
  it('builds everything once, dependencies first, then nothing', () => {
    expect(builtBy(() => build())).toEqual(['a', 'b']);
    expect(readFileSync(join(repo, 'packages/b/dist/out.txt'), 'utf8')).toBe('b-1\na-1\n');
    expect(builtBy(() => build())).toEqual([]);
  });

  it('does not rebuild for a touch or a test file; does for a changed byte, with its dependants', () => {
    const src = join(repo, 'packages/a/src/index.txt');
    utimesSync(src, new Date(), new Date());
    appendFileSync(join(repo, 'packages/a/test/x.test.ts'), '// more\n');
    expect(builtBy(() => build())).toEqual([]);
    writeFileSync(src, 'a-2\n');
    expect(builtBy(() => build())).toEqual(['a', 'b']);
    expect(readFileSync(join(repo, 'packages/b/dist/out.txt'), 'utf8')).toBe('b-1\na-2\n');
    writeFileSync(join(repo, 'packages/b/src/index.txt'), 'b-2\n');
    expect(builtBy(() => build())).toEqual(['b']);
  });

  it('rebuilds a package whose output was deleted or changed, and new untracked sources count', () => {
    rmSync(join(repo, 'packages/b/dist'), { recursive: true });
    expect(builtBy(() => build())).toEqual(['b']);
    writeFileSync(join(repo, 'packages/a/dist/out.txt'), 'tampered, longer than before\n');
    expect(builtBy(() => build())).toEqual(['a']);
    writeFileSync(join(repo, 'packages/a/src/new.txt'), 'new file, not yet in git\n');
    expect(builtBy(() => build())).toEqual(['a', 'b']);
  });

  it('--check lists what is stale and builds nothing; a named package builds with its dependencies only', () => {
    writeFileSync(join(repo, 'packages/a/src/index.txt'), 'a-3\n');
    const check = build('--check');
    expect(check.status).toBe(1);
    expect(check.out).toMatch(/@t\/a is stale \(inputs changed\)/);
    expect(builtBy(() => build('@t/a'))).toEqual(['a']);
    expect(builtBy(() => build('--force', '@t/a'))).toEqual(['a']);
    expect(builtBy(() => build())).toEqual(['b']);
  });

  it('a failing build leaves no stamp and fails the run; an unknown package is a clear error', () => {
    writeFileSync(join(repo, 'packages/a/src/index.txt'), 'a-4\n');
    const pkg = join(repo, 'packages/a/package.json');
    const good = readFileSync(pkg, 'utf8');
    writeFileSync(pkg, JSON.stringify({ ...JSON.parse(good), scripts: { build: 'node -e "process.exit(3)"' } }));
    const r = build();
    expect(r.status).toBe(3);
    expect(r.out).toMatch(/@t\/a failed \(exit 3\)/);
    expect(existsSync(join(repo, '.cache/build/_t_a.json'))).toBe(false);
    expect(build('--check').out).toMatch(/@t\/a is stale \(never built here\)/);
    writeFileSync(pkg, good);
    expect(builtBy(() => build())).toEqual(['a', 'b']);
    const unknown = build('@t/nope');
    expect(unknown.status).toBe(2);
    expect(unknown.out).toMatch(/no package @t\/nope/);
  });
});
