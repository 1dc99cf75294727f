/** The default tile source after consent: basemap.de web raster (BKG), Web Mercator. */
export const BASEMAP_DE = {
  template:
    'https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/de_basemapde_web_raster_farbe/default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png',
  attribution: '© basemap.de / BKG | Datenquellen: © GeoBasis-DE',
} as const;

/** A resolved `tiles` attribute. */
export type TileSource =
  | { kind: 'none' }
  | { kind: 'tiles'; template: string; origin: string; host: string; attribution: string }
  | { kind: 'invalid'; value: string };

/**
 * Reads the `tiles` attribute: `none` (tile-free mode), an XYZ template (`{z}/{x}/{y}`), or a
 * WMTS REST template (`{TileMatrix}/{TileRow}/{TileCol}`, turned into `{z}/{y}/{x}`). Relative
 * templates resolve against the page (a self-hosted tile server). Only http(s).
 */
export function resolveTiles(value: string | null | undefined, attribution: string | null | undefined, base: string): TileSource {
  const raw = (value ?? '').trim();
  if (raw === 'none') return { kind: 'none' };
  const template = (raw || BASEMAP_DE.template)
    .replace(/\{TileMatrix\}/gi, '{z}')
    .replace(/\{TileRow\}/gi, '{y}')
    .replace(/\{TileCol\}/gi, '{x}');
  if (!/\{z\}/.test(template) || !/\{x\}/.test(template) || !/\{y\}/.test(template)) return { kind: 'invalid', value: raw };
  let url: URL;
  try {
    // The braces must survive URL parsing, which would percent-encode them.
    url = new URL(template.replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D')), base);
  } catch {
    return { kind: 'invalid', value: raw };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'invalid', value: raw };
  return {
    kind: 'tiles',
    template: url.href.replace(/%7B/gi, '{').replace(/%7D/gi, '}'),
    origin: url.origin,
    host: url.host,
    attribution: (attribution ?? '').trim() || (raw ? '' : BASEMAP_DE.attribution),
  };
}

/** Hosts the visitor agreed to in this page view: one "Karte laden" serves every map on the page. */
const granted = new Set<string>();
const KEY = 'fk-map-consent:';

/** Where consent is remembered beyond the page view; only when the site allows it. */
function store(remember: string | null): Storage | null {
  try {
    if (remember === 'local') return localStorage;
    if (remember !== null) return sessionStorage;
  } catch {
    // Storage can be blocked (privacy settings, sandboxed frames): consent then lasts the page view.
  }
  return null;
}

/** True when the visitor agreed to tiles from `origin` (this page view, or remembered when allowed). */
export function hasConsent(origin: string, remember: string | null): boolean {
  if (granted.has(origin)) return true;
  try {
    return store(remember)?.getItem(KEY + origin) === '1';
  } catch {
    return false;
  }
}

/** Records consent for `origin`; stored only when `remember` is set (`session` or `local`). */
export function grantConsent(origin: string, remember: string | null): void {
  granted.add(origin);
  try {
    store(remember)?.setItem(KEY + origin, '1');
  } catch {
    // See store(): nothing to do.
  }
}
