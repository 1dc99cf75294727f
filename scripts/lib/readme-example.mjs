// Shared by the packages' README tests: each README opens with its install line and an example of
// at most ten lines; this finds that example and runs it as written with Node (tsx), from inside the
// package so that the package imports itself by name (package self-reference).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

const tsx = createRequire(import.meta.url).resolve('tsx');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The first code block of `<pkgDir>/README.md` after `# <name>` and the install line
 * (`npm install <name>`, anything after it on that line allowed), or null when the README does
 * not open that way.
 */
export function readmeExample(pkgDir, name) {
  const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
  const re = new RegExp(`^# ${escape(name)}\\n\\n\`\`\`sh\\nnpm install ${escape(name)}[^\\n]*\\n\`\`\`\\n\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\``);
  return re.exec(readme)?.[1] ?? null;
}

/** Runs `code` as a module in `pkgDir` (written to its .cache folder) and returns what it printed. */
export async function runExample(pkgDir, code, { env = {}, timeout = 60_000 } = {}) {
  mkdirSync(join(pkgDir, '.cache'), { recursive: true });
  writeFileSync(join(pkgDir, '.cache', 'readme-example.mts'), code);
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@fachkraefte/source', '--import', tsx, '.cache/readme-example.mts'],
    { cwd: pkgDir, env: { ...process.env, ...env }, timeout },
  );
  return { stdout, stderr, lines: stdout.trimEnd().split('\n') };
}
