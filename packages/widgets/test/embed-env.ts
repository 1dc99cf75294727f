// Shared by the embed tests (builder and iframes): the CDN folder built into a temporary directory
// as `pnpm build` makes it (the widgets, fk.js, fk.css and the builder), the real reference server
// serving it with the demo page's folder, a second server on ANOTHER origin (localhost instead of
// 127.0.0.1, another port) for host pages, and Chromium driven by playwright-core.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
// @ts-expect-error plain ESM script without types
import { buildCdn } from '../scripts/cdn-sizes.mjs';
// @ts-expect-error plain ESM script without types
import { findChromium } from '../../../scripts/find-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
// The esbuild that tsup uses (the CDN build's own).
const esbuild = createRequire(require.resolve('tsup'))('esbuild');

/** Builds the CDN folder (as tsup.config.ts's CDN and builder builds) into `dir`. */
export async function buildCdnFolder(dir: string): Promise<void> {
  const { files } = (await buildCdn()) as { files: Map<string, string> };
  for (const [name, text] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  cpSync(join(root, 'static'), dir, { recursive: true });
  await esbuild.build({
    entryPoints: { 'einbinden/builder': join(root, 'src/builder/builder.ts') },
    bundle: true, format: 'esm', target: 'es2022', platform: 'browser', minify: true, outdir: dir,
    conditions: ['@fachkraefte/source', 'production'], logLevel: 'silent', legalComments: 'none',
  });
}

/** A plain web server for host pages: routes by path, else files under `staticDir` (if any). */
export interface HostServer {
  /** `http://localhost:PORT`: another origin than the reference server's 127.0.0.1. */
  url: string;
  pages: Map<string, { body: string; type?: string; headers?: Record<string, string> }>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

export async function startHostServer(options: { staticDir?: string; proxy?: { prefix: string; to: string } } = {}): Promise<HostServer> {
  const pages = new Map<string, { body: string; type?: string; headers?: Record<string, string> }>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    if (page) {
      res.writeHead(200, { 'Content-Type': page.type ?? 'text/html; charset=utf-8', ...page.headers });
      res.end(page.body);
      return;
    }
    if (options.proxy && path.startsWith(options.proxy.prefix)) {
      // A reverse proxy that serves the reference server under a path prefix.
      const upstream = await fetch(options.proxy.to + req.url!.slice(options.proxy.prefix.length - 1));
      const headers: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) headers[k] = v;
      });
      res.writeHead(upstream.status, headers);
      res.end(Buffer.from(await upstream.arrayBuffer()));
      return;
    }
    if (options.staticDir) {
      let file = normalize(join(options.staticDir, decodeURIComponent(path)));
      if (file.startsWith(options.staticDir)) {
        if (path.endsWith('/')) file = join(file, 'index.html');
        try {
          const body = readFileSync(file);
          res.writeHead(200, { 'Content-Type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
          res.end(body);
          return;
        } catch {
          // not there: 404 below
        }
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    pages,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The reference server with the demo folder and a freshly built CDN folder. */
export async function startEmbedEnv(): Promise<{ api: { url: string; close(): Promise<void> }; cdn: string; tmp: string; close(): Promise<void> }> {
  const tmp = mkdtempSync(join(tmpdir(), 'fk-embed-'));
  const cdn = join(tmp, 'cdn');
  await buildCdnFolder(cdn);
  const { startServer } = await import('../../server/src/index.js');
  const api = await startServer({ port: 0, memory: true, dataSets: ['seed'], log: () => {}, siteDir: join(REPO, 'examples/municipal-page'), cdnDir: cdn });
  return {
    api, cdn, tmp,
    close: async () => {
      await api.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: install it (apt-get install chromium) or set CHROME_PATH.');
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page (it sees into the widgets' open shadow roots). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  return result;
}

/** Records CSP violations, page errors and console errors from the start of each document. */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    // Failed loads are counted below, by URL (a browser's own /favicon.ico is no problem of ours).
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}
