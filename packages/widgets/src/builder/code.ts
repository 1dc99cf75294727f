/**
 * The code the embed builder gives out, as pure functions of its state: the snippet, the CSS of
 * the accent colour, the iframe code, the WordPress shortcode and the CSP directives. Kept apart
 * from the page's DOM so that each output is tested on its own.
 *
 * @module
 */
import { EMBED_HEIGHTS, EMBED_OPTIONS, type EmbedWidget, embedTitle, escapeHtml, iframeCode } from '@fachkraefte/schema/embed';

/** An alliance as the builder lists it. */
export interface AllianceRef {
  slug: string;
  name: string;
  website?: string | null;
}

/** Everything the outputs depend on. */
export interface BuilderState {
  widget: EmbedWidget;
  /** The chosen alliances (none: the directory's list, or every alliance's events). */
  alliances: readonly AllianceRef[];
  /** Attribute values by name (booleans as `''` when on); names a widget does not take are ignored. */
  options: Readonly<Record<string, string | undefined>>;
  /** `#rrggbb`, or null for the widgets' own accent. */
  accent: string | null;
  /** The text colour on the accent. */
  accentText: string;
  /** Absolute API base without a trailing slash, e.g. `https://daten.example.de/v1`. */
  api: string;
  /** Absolute URL of the CDN folder, with a trailing slash. */
  cdn: string;
  /** Absolute URL of the embed pages' folder, with a trailing slash; empty when unknown. */
  embed: string;
  /** A page of the site to link to without JavaScript; empty for a link to the data. */
  fallback: string;
}

/** basemap.de, the map's default tiles. */
export const DEFAULT_TILE_ORIGIN = 'https://sgx.geodatenzentrum.de';

const BOOLEAN = new Set(['history', 'json-ld']);

/** The element's attributes in the order of the shared table: `alliance` first, booleans as `''`. */
export function elementAttributes(s: BuilderState): [string, string][] {
  const out: [string, string][] = [];
  for (const option of EMBED_OPTIONS[s.widget]) {
    if (option.name === 'alliance') {
      const slugs = s.alliances.map((a) => a.slug);
      if (slugs.length) out.push(['alliance', slugs.join(',')]);
      continue;
    }
    const value = s.options[option.name];
    if (value === undefined || (value === '' && !BOOLEAN.has(option.name))) continue;
    out.push([option.name, BOOLEAN.has(option.name) ? '' : value]);
  }
  return out;
}

/**
 * The language of the fallback's text and the iframe's title: the widget's `lang`, else German,
 * the language of the sites this is for and the one an embed page without `lang` speaks (the
 * builder's own language is the editor's, not the site's).
 */
export function widgetLang(s: BuilderState): 'de' | 'en' {
  return s.options.lang === 'en' ? 'en' : 'de';
}

const FALLBACK = {
  de: { alliances: 'Fachkräfteallianzen (Daten als JSON)', data: 'Daten als JSON', ics: 'Termine als Kalenderdatei (.ics)', icsOf: (n: string) => `Termine: ${n} (Kalenderdatei .ics)`, members: (n: string) => `Mitglieder: ${n} (GeoJSON)` },
  en: { alliances: 'Skilled-worker alliances (data as JSON)', data: 'data as JSON', ics: 'Events as a calendar file (.ics)', icsOf: (n: string) => `Events: ${n} (calendar file .ics)`, members: (n: string) => `Members: ${n} (GeoJSON)` },
};

/** The no-JavaScript content of the element: links to the same information. */
export function fallbackLinks(s: BuilderState, lang: 'de' | 'en'): { href: string; text: string }[] {
  const t = FALLBACK[lang];
  const names = s.alliances.map((a) => a.name);
  if (s.fallback) return [{ href: s.fallback, text: embedTitle(s.widget, lang, names) }];
  const enc = encodeURIComponent;
  switch (s.widget) {
    case 'alliance-directory': {
      const one = s.alliances[0];
      if (!one) return [{ href: `${s.api}/alliances`, text: t.alliances }];
      return one.website ? [{ href: one.website, text: one.name }] : [{ href: `${s.api}/alliances/${enc(one.slug)}`, text: `${one.name} (${t.data})` }];
    }
    case 'event-calendar':
      return s.alliances.length
        ? [{ href: `${s.api}/events.ics?alliance=${s.alliances.map((a) => enc(a.slug)).join(',')}`, text: t.icsOf(names.join(', ')) }]
        : [{ href: `${s.api}/events.ics`, text: t.ics }];
    case 'member-map':
      return s.alliances.map((a) => ({ href: `${s.api}/alliances/${enc(a.slug)}/members.geojson`, text: t.members(a.name) }));
  }
}

/** The snippet: `<meta>`, stylesheet and script once per page, then the element with its fallback. */
export function snippetCode(s: BuilderState): string {
  const tag = `fk-${s.widget}`;
  const attrs = elementAttributes(s).map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeHtml(v)}"`)).join('');
  const links = fallbackLinks(s, widgetLang(s)).map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a>`);
  const inner = links.length > 1 ? `  <ul>\n${links.map((l) => `    <li>${l}</li>`).join('\n')}\n  </ul>` : `  ${links[0] ?? ''}`;
  return [
    `<meta name="fachkraefte:api" content="${escapeHtml(s.api)}">`,
    `<link rel="stylesheet" href="${escapeHtml(s.cdn)}fk.css">`,
    `<script type="module" src="${escapeHtml(s.cdn)}fk.js"></script>`,
    '',
    `<${tag}${attrs}>`,
    inner,
    `</${tag}>`,
  ].join('\n');
}

/** The CSS of a chosen accent colour, for the site's stylesheet; empty without one. */
export function accentCss(s: BuilderState): string {
  if (!s.accent) return '';
  return `fk-${s.widget} {\n  --fk-color-accent: ${s.accent};\n  --fk-color-accent-contrast: ${s.accentText};\n  --fk-color-focus: ${s.accent};\n}`;
}

/** The embed page's URL for this state: every option in its query string. */
export function embedUrl(s: BuilderState): string {
  const q = new URLSearchParams();
  for (const [k, v] of elementAttributes(s)) q.set(k, v === '' ? 'true' : v);
  if (s.accent) q.set('accent', s.accent);
  const query = q.toString().replace(/%2C/g, ',');
  return `${s.embed}${s.widget}.html${query ? `?${query}` : ''}`;
}

/** The iframe code, with the resize script; empty when the embed pages' address is unknown. */
export function iframeSnippet(s: BuilderState): string {
  if (!s.embed) return '';
  return iframeCode({
    src: embedUrl(s),
    title: embedTitle(s.widget, widgetLang(s), s.alliances.map((a) => a.name)),
    height: EMBED_HEIGHTS[s.widget],
    resizeScript: `${s.embed}resize.js`,
  });
}

/** A shortcode attribute value: no `"` (ends the value) and no `[`/`]` (end the shortcode). */
const shortcodeValue = (v: string) => v.replace(/"/g, '&quot;').replace(/\[/g, '&#91;').replace(/\]/g, '&#93;');

/**
 * The WordPress shortcode of the plugin (`[fachkraefte widget="…" alliance="…" …]`): the
 * element's attributes by the same names, booleans as `"true"`. No accent colour: the plugin
 * refuses attributes it does not know, and a colour belongs in the theme's CSS (WordPress:
 * Customizer → Additional CSS), where the builder's CSS rule goes.
 */
export function shortcode(s: BuilderState): string {
  const parts = [`widget="${s.widget}"`];
  for (const [k, v] of elementAttributes(s)) parts.push(`${k}="${shortcodeValue(v === '' ? 'true' : v)}"`);
  return `[fachkraefte ${parts.join(' ')}]`;
}

const originOf = (url: string): string | null => {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
};

/** One directive the site's CSP needs, and why (a key of the builder's texts). */
export interface CspDirective {
  name: string;
  sources: string[];
  why: 'script' | 'style' | 'connect' | 'img' | 'frame';
}

/** The directives a site needs for this state, for the snippet and the iframe alike. */
export function cspDirectives(s: BuilderState): CspDirective[] {
  const cdn = originOf(s.cdn);
  const api = originOf(s.api);
  const embed = s.embed ? originOf(s.embed) : null;
  const list = (...sources: (string | null)[]) => [...new Set(sources.filter((x): x is string => Boolean(x)))];
  const out: CspDirective[] = [
    { name: 'script-src', sources: list("'self'", cdn, embed), why: 'script' },
    { name: 'style-src', sources: list("'self'", cdn), why: 'style' },
    { name: 'connect-src', sources: list("'self'", api), why: 'connect' },
  ];
  if (s.widget === 'member-map') {
    const tiles = s.options.tiles;
    const tileOrigin = !tiles ? DEFAULT_TILE_ORIGIN : tiles === 'none' ? null : originOf(tiles);
    out.push({ name: 'img-src', sources: list("'self'", 'data:', tileOrigin), why: 'img' });
  }
  if (embed) out.push({ name: 'frame-src', sources: [embed], why: 'frame' });
  return out;
}

/** The directives as text to paste into a policy, one per line. */
export function cspText(s: BuilderState): string {
  return cspDirectives(s).map((d) => `${d.name} ${d.sources.join(' ')};`).join('\n');
}
