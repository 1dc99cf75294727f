// A real WordPress for the plugin's tests: Debian's `wordpress` package (copied, so the test owns
// its wp-config.php and wp-content), Debian's MariaDB on a private socket in a temp dir, PHP's
// built-in web server, and the reference API server (in-process, seed data) that also serves a
// CDN folder built in memory from the widgets' sources. Nothing here touches system services or
// /etc; everything lives under one temp dir and stops in close().
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../../..');
export const WORDPRESS = '/usr/share/wordpress';
const MARIADBD = '/usr/sbin/mariadbd';

/** What the test machine must have; `.ci/run` installs it. */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!existsSync(`${WORDPRESS}/wp-settings.php`)) missing.push('wordpress');
  if (!existsSync(`${WORDPRESS}/wp-content/themes/twentytwentythree/theme.json`)) missing.push('wordpress-theme-twentytwentythree');
  if (!existsSync(`${WORDPRESS}/wp-content/themes/twentytwentyone/style.css`)) missing.push('wordpress-theme-twentytwentyone');
  if (!existsSync(MARIADBD)) missing.push('mariadb-server');
  try {
    execFileSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']);
  } catch {
    missing.push('php-cli php-mysql');
  }
  return missing;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms: number, proc?: ChildProcess, log?: () => string) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc && proc.exitCode !== null) throw new Error(`${what}: the process exited (${proc.exitCode})\n${log?.() ?? ''}`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what}: not ready after ${ms} ms\n${log?.() ?? ''}`);
}

export interface PostSpec {
  as: 'author' | 'contributor' | 'admin';
  title: string;
  content: string;
}

export interface SetupResult {
  users: Record<'author' | 'contributor' | 'editor', number>;
  posts: Record<string, { id: number; saved: string }>;
  unfiltered_html: Record<'administrator' | 'editor' | 'author' | 'contributor', boolean>;
  kses_post_iframe: string;
  wp_version: string;
}

export interface WordPressSite {
  url: string;
  apiUrl: string;
  cdnUrl: string;
  dir: string;
  password: string;
  adminPassword: string;
  setup: SetupResult;
  debugLog(): string;
  php(script: string, ...args: string[]): string;
  close(): Promise<void>;
}

/**
 * Starts everything and writes the given posts (by their authors, through wp_insert_post, so kses
 * applies as in the editor). `alliance` is passed to the PHP side as FK_ALLIANCE.
 */
export async function startWordPress(posts: Record<string, PostSpec>, zip: string, alliance: string): Promise<WordPressSite> {
  const tmp = mkdtempSync(join(tmpdir(), 'fk-wp-'));
  const procs: ChildProcess[] = [];
  let api: { url: string; close(): Promise<void> } | undefined;
  const close = async () => {
    for (const p of procs.reverse()) {
      if (p.exitCode === null && p.pid) {
        const exited = new Promise((r) => { p.once('exit', r); setTimeout(r, 5000); });
        // php -S with workers forks children that outlive their parent: end the whole group.
        try { process.kill(-p.pid, 'SIGTERM'); } catch { p.kill('SIGTERM'); }
        await exited;
      }
    }
    await api?.close();
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    // 1. The API and the CDN folder (built from the widgets' sources as the CDN build does).
    const { buildCdn } = await import(join(repo, 'packages/widgets/scripts/cdn-sizes.mjs'));
    const cdn = join(tmp, 'cdn');
    const { files } = (await buildCdn()) as { files: Map<string, string> };
    for (const [name, text] of files) {
      mkdirSync(dirname(join(cdn, name)), { recursive: true });
      writeFileSync(join(cdn, name), text);
    }
    cpSync(join(repo, 'packages/widgets/static/fk.css'), join(cdn, 'fk.css'));
    const { startServer } = await import(join(repo, 'packages/server/src/index.ts'));
    api = await startServer({ port: 0, memory: true, dataSets: ['seed', 'upcoming'], log: () => {}, siteDir: null, cdnDir: cdn });

    // 2. MariaDB, private: its own data dir and socket, no TCP.
    const db = join(tmp, 'db');
    const socket = join(tmp, 'mysql.sock');
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${db}`, `--user=${userInfo().username}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'pipe' });
    const dbLog = join(tmp, 'mariadb.err');
    const mariadb = spawn(MARIADBD, ['--no-defaults', `--datadir=${db}`, `--socket=${socket}`, '--skip-networking', `--user=${userInfo().username}`, `--pid-file=${join(tmp, 'mariadb.pid')}`, `--log-error=${dbLog}`, '--innodb-buffer-pool-size=32M'], { stdio: 'ignore' });
    procs.push(mariadb);
    const mysql = (sql: string) => execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', sql], { stdio: 'pipe' });
    await waitFor('MariaDB', () => { try { mysql('SELECT 1'); return true; } catch { return false; } }, 30_000, mariadb, () => (existsSync(dbLog) ? readFileSync(dbLog, 'utf8') : ''));
    mysql('CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');

    // 3. WordPress: Debian's files (its symlinks to shared PHP libraries resolved), our config.
    const dir = join(tmp, 'wordpress');
    execFileSync('cp', ['-rL', WORDPRESS, dir]);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const secret = randomBytes(8).toString('hex');
    const debugLog = join(tmp, 'debug.log');
    const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
      .map((k) => `define('${k}', '${randomBytes(24).toString('hex')}');`).join('\n');
    const config = readFileSync(join(here, 'php/wp-config.php.template'), 'utf8')
      .replace('{{DB_NAME}}', 'wordpress').replace('{{DB_SOCKET}}', socket).replace('{{SALTS}}', salts)
      .replaceAll('{{URL}}', url).replace('{{DEBUG_LOG}}', debugLog);
    writeFileSync(join(dir, 'wp-config.php'), config);
    const env = { ...process.env, FK_WP_URL: url, FK_WP_SECRET: secret, FK_ALLIANCE: alliance, FK_POSTS: JSON.stringify(posts) };
    const php = (script: string, ...args: string[]) =>
      execFileSync('php', ['-d', 'memory_limit=256M', join(here, 'php', script), dir, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const setup = JSON.parse(php('setup.php', zip)) as SetupResult;

    // 4. PHP's built-in web server with a few workers (the editor loads many files at once).
    const serverLog: string[] = [];
    const web = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', dir], { env: { ...env, PHP_CLI_SERVER_WORKERS: '4' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    web.stderr?.on('data', (d: Buffer) => { if (serverLog.length < 2000) serverLog.push(d.toString()); });
    procs.push(web);
    await waitFor('php -S', async () => { try { return (await fetch(`${url}/wp-login.php`)).ok; } catch { return false; } }, 30_000, web, () => serverLog.join(''));

    return {
      url, apiUrl: `${api.url}/v1`, cdnUrl: `${api.url}/cdn/`, dir, setup,
      password: `pw-${secret}`, adminPassword: `admin-password-${secret}`,
      debugLog: () => (existsSync(debugLog) ? readFileSync(debugLog, 'utf8') : ''),
      php, close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
