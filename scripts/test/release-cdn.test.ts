/**
 * `pnpm release:cdn` end to end, as a web team without Node uses it: the tarball is built, unpacked,
 * and served by a plain nginx (Debian's, with its brotli_static module) and a plain Apache httpd
 * (Debian's, with Debian's mime.conf), each configured with the snippet of the tarball's own README,
 * copied literally — only the example folder /var/www/fachkraefte is replaced by where the test
 * unpacked it. A page on a third origin loads
 * the widgets from that nginx (with the SRI hashes of integrity.json) and the data from the real
 * reference server, in real Chromium.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { findChromium } from '../find-chromium.mjs';

const root = new URL('../../', import.meta.url).pathname;
const version = JSON.parse(readFileSync(join(root, 'packages/widgets/package.json'), 'utf8')).version as string;
const name = `fachkraefte-widgets-cdn-${version}`;
const NGINX_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const APACHE_MODULES = '/usr/lib/apache2/modules';
const SHORT = 'public, max-age=300, stale-while-revalidate=60';
const YEAR = 'public, max-age=31536000, immutable';

type Manifest = { version: string; algorithm: string; files: Record<string, { integrity: string; size: number }> };
type Raw = { status: number; headers: IncomingHttpHeaders; body: Buffer };

let work: string;
let unpacked: string;
let manifest: Manifest;
let nginx: ChildProcess | undefined;
let nginxLog = '';
let cdn: string;
let apache: ChildProcess | undefined;
let apacheLog = '';
let apacheUrl: string;
let api: { url: string; close(): Promise<void> };
let pageServer: Server;
let pageOrigin: string;
let browser: Browser;
let pageHtml = '';

const cdnUrl = () => cdn;
const sri = (body: Buffer) => `sha384-${createHash('sha384').update(body).digest('base64')}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** One GET with exactly these request headers; the body as sent (no decoding). */
function raw(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** The fenced block after `<!-- marker -->` in the README. */
function snippet(readme: string, marker: string): string {
  const m = new RegExp(`<!-- ${marker} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!m) throw new Error(`README has no block after <!-- ${marker} -->`);
  return m[1]!;
}

async function waitForHttp(url: string, timeoutMs: number, log = () => nginxLog) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await raw(url);
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`${url} does not answer: ${(error as Error).message}\n${log()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fk-release-cdn-'));
  // 1. The tarball, exactly as `pnpm release:cdn` makes it (builds the widgets first if stale).
  const release = spawnSync(process.execPath, [join(root, 'scripts/release-cdn.mjs'), '--out', join(work, 'out')], { encoding: 'utf8' });
  expect(release.status, `${release.stdout}\n${release.stderr}`).toBe(0);
  const tarball = join(work, 'out', `${name}.tar.gz`);
  const www = join(work, 'www');
  mkdirSync(www);
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', www], { encoding: 'utf8' });
  expect(untar.status, untar.stderr).toBe(0);
  unpacked = join(www, name);
  manifest = JSON.parse(readFileSync(join(unpacked, 'integrity.json'), 'utf8'));

  // 2. nginx with the README's snippet. As root its workers run as nobody: the folders must be readable.
  for (const dir of [work, www]) chmodSync(dir, 0o755);
  if (!existsSync(NGINX_MODULE) || spawnSync('nginx', ['-v']).error) {
    throw new Error('nginx with the brotli_static module is needed: apt-get install -y nginx libnginx-mod-http-brotli-static (.ci/run does)');
  }
  const readme = readFileSync(join(unpacked, 'README.md'), 'utf8');
  const block = snippet(readme, 'nginx-snippet');
  expect(block).toContain('root /var/www/fachkraefte;');
  const port = await freePort();
  const conf = join(work, 'nginx.conf');
  const tmp = join(work, 'nginx-tmp');
  mkdirSync(tmp);
  writeFileSync(conf, [
    `load_module ${NGINX_MODULE};`,
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(work, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 64; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(tmp, t)};`),
    `  server {\n    listen 127.0.0.1:${port};`,
    block.replaceAll('/var/www/fachkraefte', unpacked),
    '  }',
    '}',
    '',
  ].join('\n'));
  nginx = spawn('nginx', ['-c', conf, '-p', work], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stderr!.on('data', (d: Buffer) => (nginxLog += d.toString()));
  nginx.on('exit', (code) => (nginxLog += `\nnginx exited with ${code}`));
  cdn = `http://127.0.0.1:${port}`;
  await waitForHttp(`${cdn}/cdn/fk.js`, 15_000);

  // 3. Apache httpd with the README's snippet, on Debian's mime.conf (which types .gz as
  // application/x-gzip and .br as a language): what a Debian server already has.
  if (!existsSync(`${APACHE_MODULES}/mod_rewrite.so`) || spawnSync('/usr/sbin/apache2', ['-v']).error) {
    throw new Error('Apache httpd is needed: apt-get install -y apache2 (.ci/run does)');
  }
  const apachePort = await freePort();
  const apacheConf = join(work, 'apache.conf');
  writeFileSync(apacheConf, [
    ...['mpm_event', 'authz_core', 'mime', 'rewrite', 'headers', 'dir'].map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`),
    `ServerRoot ${work}`,
    'ServerName localhost',
    `Listen 127.0.0.1:${apachePort}`,
    `PidFile ${join(work, 'apache.pid')}`,
    `DefaultRuntimeDir ${work}`,
    `ErrorLog ${join(work, 'apache-error.log')}`,
    'LogLevel warn',
    'TypesConfig /etc/mime.types',
    'Include /etc/apache2/mods-available/mime.conf',
    `DocumentRoot ${unpacked}`,
    `<Directory ${unpacked}>
  Require all granted
</Directory>`,
    snippet(readme, 'apache-snippet').replaceAll('/var/www/fachkraefte', unpacked),
    '',
  ].join('\n'));
  apache = spawn('/usr/sbin/apache2', ['-X', '-f', apacheConf], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const s of [apache.stdout!, apache.stderr!]) s.on('data', (d: Buffer) => (apacheLog += d.toString()));
  apache.on('exit', (code) => (apacheLog += `\napache exited with ${code}`));
  apacheUrl = `http://127.0.0.1:${apachePort}`;
  await waitForHttp(`${apacheUrl}/cdn/fk.js`, 15_000, () => `${apacheLog}\n${existsSync(join(work, 'apache-error.log')) ? readFileSync(join(work, 'apache-error.log'), 'utf8') : ''}`);

  // 4. The reference server (real, in-memory PGlite) and a page on a third origin.
  const { startServer } = await import(new URL('../../packages/server/src/index.ts', import.meta.url).href);
  // It also serves the widgets README's opening example as its site, with the unpacked folder at /cdn/.
  const site = join(work, 'site');
  mkdirSync(site);
  const widgetsReadme = readFileSync(join(root, 'packages/widgets/README.md'), 'utf8');
  const example = /^# @fachkraefte\/widgets\n\n```sh\nnpm install @fachkraefte\/widgets[^\n]*\n```\n\n```html\n([\s\S]*?)```/.exec(widgetsReadme);
  if (!example) throw new Error('packages/widgets/README.md must open with the install line and an html example');
  writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>README</title>\n${example[1]}</head></html>`);
  api = await startServer({ port: 0, memory: true, dataSets: ['seed'], log: () => {}, siteDir: site, cdnDir: join(unpacked, 'cdn') });
  pageServer = createHttpServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(pageHtml);
  });
  await new Promise<void>((r) => pageServer.listen(0, '127.0.0.1', r));
  pageOrigin = `http://localhost:${(pageServer.address() as { port: number }).port}`;
  const chrome = findChromium();
  if (!chrome) throw new Error('Chromium not found (CHROME_PATH or apt-get install -y chromium)');
  browser = await chromium.launch({ executablePath: chrome, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (pageServer ? pageServer.close(r) : r(null)));
  await api?.close();
  if (apache && apache.exitCode === null) {
    apache.kill('SIGTERM');
    await new Promise((r) => apache!.once('exit', r));
  }
  if (nginx && nginx.exitCode === null) {
    nginx.kill('SIGQUIT');
    await new Promise((r) => nginx!.once('exit', r));
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The README's page snippet, pointed at the test's nginx and reference server. */
function page(jsIntegrity: string, cssIntegrity: string) {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Release-Test</title>
<meta name="fachkraefte:api" content="${api.url}/v1">
<link rel="stylesheet" href="${cdn}/cdn/fk.css" integrity="${cssIntegrity}" crossorigin="anonymous">
<script type="module" src="${cdn}/cdn/fk.js" integrity="${jsIntegrity}" crossorigin="anonymous"></script>
</head><body><main>
<fk-alliance-directory><a href="https://www.example-landkreis.de/fachkraefte">Übersicht</a></fk-alliance-directory>
<fk-event-calendar alliance="fachkraefteallianz-suedwest"><a href="${api.url}/v1/events.ics">Termine</a></fk-event-calendar>
</main></body></html>`;
}

describe('release:cdn tarball', () => {
  it('holds the CDN folder with .br and .gz beside every file, integrity.json and the README', () => {
    const files = Object.keys(manifest.files);
    expect(manifest.version).toBe(version);
    expect(files).toContain('cdn/fk.js');
    expect(files).toContain('cdn/fk.css');
    for (const el of ['alliance-directory', 'event-calendar', 'member-map']) expect(files).toContain(`cdn/${el}.js`);
    const plain = files.filter((f) => !/\.(br|gz)$/.test(f));
    expect(plain.filter((f) => f.startsWith('cdn/chunks/')).length).toBeGreaterThan(3);
    for (const f of plain) {
      const body = readFileSync(join(unpacked, f));
      expect(brotliDecompressSync(readFileSync(join(unpacked, `${f}.br`))).equals(body), `${f}.br`).toBe(true);
      expect(gunzipSync(readFileSync(join(unpacked, `${f}.gz`))).equals(body), `${f}.gz`).toBe(true);
    }
    // Every file on disk is in the manifest with its hash, and nothing else is.
    const onDisk: string[] = [];
    const walk = (rel: string) => {
      for (const e of readdirSync(join(unpacked, rel), { withFileTypes: true })) (e.isDirectory() ? walk(`${rel}/${e.name}`) : onDisk.push(`${rel}/${e.name}`));
    };
    walk('cdn');
    expect(onDisk.sort()).toEqual(files.slice().sort());
    for (const f of files) expect(manifest.files[f]!.integrity, f).toBe(sri(readFileSync(join(unpacked, f))));
    const readme = readFileSync(join(unpacked, 'README.md'), 'utf8');
    expect(readme).toContain(YEAR);
    expect(readme).toContain(SHORT);
    expect(readme).toContain(manifest.files['cdn/fk.js']!.integrity);
    expect(readme).not.toMatch(/\{\{\w+\}\}/);
    expect(snippet(readme, 'apache-snippet')).toContain('AddEncoding br .br');
  });

  it.each(['nginx', 'apache'])('is served by %s with the README snippet: every file as its hash says, identity, brotli and gzip', async (server) => {
    const cdn = server === 'nginx' ? cdnUrl() : apacheUrl;
    for (const f of Object.keys(manifest.files).filter((p) => !/\.(br|gz)$/.test(p))) {
      const url = `${cdn}/${f}`;
      const want = manifest.files[f]!.integrity;
      const identity = await raw(url);
      expect(identity.status, f).toBe(200);
      expect(identity.headers['content-encoding'], f).toBeUndefined();
      expect(sri(identity.body), f).toBe(want);
      const br = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding'], f).toBe('br');
      expect(sri(brotliDecompressSync(br.body)), f).toBe(want);
      const gz = await raw(url, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding'], f).toBe('gzip');
      expect(sri(gunzipSync(gz.body)), f).toBe(want);
    }
  });

  it.each(['nginx', 'apache'])('%s sends the documented headers: types, CORS, nosniff, Vary, short-lived entries, immutable chunks', async (server) => {
    const cdn = server === 'nginx' ? cdnUrl() : apacheUrl;
    const chunk = Object.keys(manifest.files).find((f) => /^cdn\/chunks\/[^/]+-[A-Z0-9]{8}\.js$/.test(f))!;
    const cases: [string, string, string][] = [
      ['cdn/fk.js', 'text/javascript', SHORT],
      ['cdn/alliance-directory.js', 'text/javascript', SHORT],
      ['cdn/fk.css', 'text/css', SHORT],
      [chunk, 'text/javascript', YEAR],
    ];
    for (const [path, type, cache] of cases) {
      for (const enc of ['br', 'gzip', '']) {
        const res = await raw(`${cdn}/${path}`, enc ? { 'accept-encoding': enc, origin: pageOrigin } : { origin: pageOrigin });
        expect(res.status, `${path} ${enc}`).toBe(200);
        expect(res.headers['content-type'], `${path} ${enc}`).toBe(type);
        expect(res.headers['content-language'], `${path} ${enc}`).toBeUndefined();
        expect(res.headers['cache-control'], `${path} ${enc}`).toBe(cache);
        expect(res.headers['access-control-allow-origin'], `${path} ${enc}`).toBe('*');
        expect(res.headers['x-content-type-options'], `${path} ${enc}`).toBe('nosniff');
        if (enc) expect(res.headers.vary, `${path} ${enc}`).toMatch(/accept-encoding/i);
      }
    }
    // Last-Modified (and with it nginx's and Apache's ETag) is the release's time, not a fixed date:
    // else a changed fk.js of the same size would be answered 304.
    const modified = Date.parse((await raw(`${cdn}/cdn/fk.js`)).headers['last-modified'] ?? '');
    expect(Math.abs(Date.now() - modified)).toBeLessThan(3_600_000);
    // Revalidation of a short-lived file: its ETag answers 304.
    const first = await raw(`${cdn}/cdn/fk.js`, { 'accept-encoding': 'br' });
    expect(first.headers.etag).toBeTruthy();
    const again = await raw(`${cdn}/cdn/fk.js`, { 'accept-encoding': 'br', 'if-none-match': first.headers.etag as string });
    expect(again.status).toBe(304);
    expect((await raw(`${cdn}/cdn/nicht-da.js`)).status).toBe(404);
  });

  it('renders the widgets in Chromium from nginx and the reference server, with SRI on fk.js and fk.css', async () => {
    const alliances = (await (await fetch(`${api.url}/v1/alliances`)).json()) as { items: { name: string }[] };
    const first = alliances.items[0]!.name;
    pageHtml = page(manifest.files['cdn/fk.js']!.integrity, manifest.files['cdn/fk.css']!.integrity);
    const tab = await browser.newPage();
    const problems: string[] = [];
    const hosts = new Set<string>();
    tab.on('pageerror', (e) => problems.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    tab.on('request', (r) => hosts.add(new URL(r.url()).origin));
    try {
      await tab.goto(`${pageOrigin}/`);
      await tab.waitForFunction((name) => document.querySelector('fk-alliance-directory')?.shadowRoot?.textContent?.includes(name), first, { timeout: 30_000 });
      await tab.waitForFunction(() => !!customElements.get('fk-event-calendar') && !!document.querySelector('fk-event-calendar')?.shadowRoot?.querySelector('[part~="grid"], [part~="list"]'), undefined, { timeout: 30_000 });
      expect(problems).toEqual([]);
      // For a person to look at (git-ignored).
      mkdirSync(join(root, 'screenshots/tmp'), { recursive: true });
      await tab.setViewportSize({ width: 1280, height: 900 });
      await tab.screenshot({ path: join(root, 'screenshots/tmp/release-cdn-nginx-1280.png'), fullPage: true });
      // Nothing from any host the page did not name.
      expect([...hosts].sort()).toEqual([api.url, cdn, pageOrigin].map((u) => new URL(u).origin).sort());
    } finally {
      await tab.close();
    }
  });

  it("runs the widgets README's opening example from the unpacked folder", async () => {
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on('pageerror', (e) => problems.push(e.message));
    // Failed loads by URL (the console names no URL); the browser's own /favicon.ico request aside.
    tab.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
    tab.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
    try {
      await tab.goto(`${api.url}/`);
      await tab.waitForSelector('fk-alliance-directory:not([alliance]) [part~="list"]', { timeout: 30_000 });
      // The second element shows one alliance's profile, in English.
      await tab.waitForFunction(() => document.querySelector('fk-alliance-directory[alliance]')?.shadowRoot?.textContent?.includes('Fachkräfteallianz Südwest'), undefined, { timeout: 30_000 });
      expect(problems).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('does not run fk.js whose integrity does not match (the SRI check is real)', async () => {
    const good = manifest.files['cdn/fk.js']!.integrity;
    const bad = `sha384-${Buffer.alloc(48, 7).toString('base64')}`;
    expect(bad).not.toBe(good);
    pageHtml = page(bad, manifest.files['cdn/fk.css']!.integrity);
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await tab.goto(`${pageOrigin}/`, { waitUntil: 'networkidle' });
      expect(await tab.evaluate(() => !!customElements.get('fk-alliance-directory'))).toBe(false);
      expect(errors.join('\n')).toMatch(/integrity/i);
    } finally {
      await tab.close();
    }
  });
});
