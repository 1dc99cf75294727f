import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EMBED_HEIGHTS, EMBED_WIDGETS, type EmbedWidget, embedAlliances, embedAttributes, embedLang, embedTitle, escapeHtml, iframeCode,
} from '@fachkraefte/schema/embed';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { badRequest, HttpProblem } from '../http/problem.js';
import type { Store } from '../store/store.js';
import type { AppEnv } from './common.js';

const EMBED_PATH = /^\/embed\/([a-z-]+)\.html$/;

/** The widget of an embed page's path, or null when the path is not one. */
function widgetOf(path: string): EmbedWidget | null {
  const name = EMBED_PATH.exec(path)?.[1];
  return (EMBED_WIDGETS as readonly string[]).includes(name ?? '') ? (name as EmbedWidget) : null;
}

/** The names of the alliances an embed shows, in the order given; unknown slugs are left out. */
async function allianceNames(store: Store, slugs: readonly string[]): Promise<{ names: string[]; missing: string[] }> {
  const names: string[] = [];
  const missing: string[] = [];
  for (const slug of slugs) {
    const a = await store.getAlliance(slug);
    if (a) names.push(a.name);
    else missing.push(slug);
  }
  return { names, missing };
}

/**
 * The URL a request was made with, as the client sees it. Behind a proxy the `Host` header is
 * the public one (nginx: `proxy_set_header Host $host`), so this is the address to give out.
 */
const requestUrl = (c: Context<AppEnv>) => new URL(c.req.url);

/**
 * The iframe pages `/embed/{widget}.html`, rendered from the files in `siteDir/embed/`: the
 * query string's allow-listed options become the element's attributes (escaped), the `<title>`
 * names the alliance(s), `<html lang>` follows `lang`, and the head carries the oEmbed discovery
 * link. Rendered here rather than by the page's script, because a consumer of oEmbed discovery
 * (Drupal, WordPress) reads the HTML without running it. The same files still work as static
 * copies: their script (embed.js) does the same in the browser.
 */
export function embedPages(siteDir: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const widget = widgetOf(c.req.path);
    if (!widget) return next();
    let page: string;
    try {
      page = await readFile(join(siteDir, 'embed', `${widget}.html`), 'utf8');
    } catch {
      return next();
    }
    const url = requestUrl(c);
    const attrs = embedAttributes(widget, url.searchParams);
    const lang = embedLang(url.searchParams.get('lang'));
    const { names } = await allianceNames(c.var.store, embedAlliances(url.searchParams.get('alliance')));
    const title = embedTitle(widget, lang, names);
    const discovery = new URL('/oembed', url);
    discovery.searchParams.set('url', url.href);
    discovery.searchParams.set('format', 'json');
    const attrText = attrs.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeHtml(v)}"`)).join('');
    const html = page
      .replace(/<html lang="[^"]*"/, `<html lang="${lang}" data-fk-rendered`)
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
      .replace('</head>', `  <link rel="alternate" type="application/json+oembed" href="${escapeHtml(discovery.href)}" title="${escapeHtml(title)}">\n</head>`)
      .replace(`<fk-${widget}>`, `<fk-${widget}${attrText}>`);
    return c.body(html, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      // Rendered from the data: as fresh as the API's answers.
      'Cache-Control': 'public, max-age=60, stale-while-revalidate=60',
    });
  };
}

/** `maxwidth` / `maxheight` of an oEmbed request: a positive whole number of pixels, or absent. */
function pixels(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1) throw badRequest([{ parameter: name, message: 'expected a whole number of pixels, 1 or more' }]);
  return Number(raw);
}

/**
 * `GET /oembed?url=…&format=json`: the oEmbed (1.0) answer of type `rich` for an embed page of
 * this server, its `html` the iframe code the embed builder gives out. 404 for any URL that is
 * not one of this server's embed pages (or names an alliance it does not have), 501 for
 * `format=xml`, 400 for a missing or malformed parameter.
 */
export function oembedRoute(options: { hasEmbedPages: boolean; providerName?: string }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/oembed', async (c) => {
    const self = requestUrl(c);
    const format = self.searchParams.get('format') ?? 'json';
    if (format === 'xml') throw new HttpProblem(501, 'Only format=json is implemented; XML is optional in oEmbed and not offered.');
    if (format !== 'json') throw badRequest([{ parameter: 'format', message: `"${format.slice(0, 40)}" is not json (or xml, which is not implemented)` }]);
    const raw = self.searchParams.get('url');
    if (raw === null || raw.trim() === '') throw badRequest([{ parameter: 'url', message: 'required: the address of an embed page, e.g. /embed/event-calendar.html?alliance=…' }]);
    if (raw.length > 4000) throw badRequest([{ parameter: 'url', message: 'longer than 4000 characters' }]);
    let target: URL;
    try {
      target = new URL(raw);
    } catch {
      throw badRequest([{ parameter: 'url', message: 'not an absolute URL (https://…)' }]);
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw badRequest([{ parameter: 'url', message: 'must be an http(s) URL' }]);
    const maxwidth = pixels(self, 'maxwidth');
    const maxheight = pixels(self, 'maxheight');
    const widget = widgetOf(target.pathname);
    if (!options.hasEmbedPages || target.origin !== self.origin || !widget) {
      throw new HttpProblem(404, `${target.origin}${target.pathname} is not an embed page of this server (${self.origin}/embed/{alliance-directory,event-calendar,member-map}.html).`);
    }
    const lang = embedLang(target.searchParams.get('lang'));
    const { names, missing } = await allianceNames(c.var.store, embedAlliances(target.searchParams.get('alliance')));
    if (missing.length) throw new HttpProblem(404, `The alliance "${missing[0]}" does not exist, so the embed page has nothing to show.`);
    // The page as the embed builder writes its address: only the options the page passes on.
    const src = new URL(target.pathname, self.origin);
    for (const [k, v] of embedAttributes(widget, target.searchParams)) src.searchParams.set(k, v === '' ? 'true' : v);
    const accent = target.searchParams.get('accent');
    if (accent && /^#[0-9a-f]{6}$/i.test(accent)) src.searchParams.set('accent', accent);
    const title = embedTitle(widget, lang, names);
    const height = Math.min(EMBED_HEIGHTS[widget], maxheight ?? Number.POSITIVE_INFINITY);
    const width = Math.min(800, maxwidth ?? Number.POSITIVE_INFINITY);
    const body = {
      version: '1.0',
      type: 'rich',
      title,
      provider_name: options.providerName ?? 'Fachkräfteallianzen',
      provider_url: `${self.origin}/`,
      // Commas kept as the builder writes them (`alliance=a,b`), not as %2C.
      html: iframeCode({ src: src.href.replace(/%2C/gi, ','), title, height, resizeScript: new URL('/embed/resize.js', self.origin).href }),
      width,
      height,
      cache_age: 3600,
    };
    return c.json(body, 200, {
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    });
  });
  return app;
}

/** basemap.de, the member map's default tile host: the builder's preview may show it after consent. */
const TILE_HOST = 'https://sgx.geodatenzentrum.de';

/**
 * The embed builder's page, `cdnDir/einbinden/index.html`, at `/einbinden/`: its defaults for the
 * API, the CDN folder and the embed pages (`<meta name="fachkraefte:…">`, relative to the page in
 * the file, so that it runs as a static page from any CDN folder) are replaced by this server's.
 * Under the strict policy of the demo page; the preview may show the map's default tiles.
 */
export function builderPage(cdnDir: string, defaults: { api: string; cdn: string; embed: string }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || (c.req.path !== '/einbinden/' && c.req.path !== '/einbinden/index.html')) return next();
    let page = await readFile(join(cdnDir, 'einbinden', 'index.html'), 'utf8');
    for (const [name, value] of Object.entries(defaults)) {
      page = page.replace(new RegExp(`(<meta name="fachkraefte:${name}" content=")[^"]*(")`), `$1${escapeHtml(value)}$2`);
    }
    return c.body(page, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: ${TILE_HOST}; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'`,
    });
  };
}
