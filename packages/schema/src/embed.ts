/**
 * The options of the embeddable widgets, as one table shared by everything that writes or reads
 * them outside the widgets themselves: the server's iframe pages (`/embed/*.html`) and its oEmbed
 * answer, and the embed builder (`/einbinden/`). A query parameter of an embed page passes to the
 * element only when it is listed here, so the table is also the allow-list.
 *
 * @module
 */

/** The widgets that can be embedded, by file name of their embed page and tag without `fk-`. */
export const EMBED_WIDGETS = ['alliance-directory', 'event-calendar', 'member-map'] as const;
/** One of {@link EMBED_WIDGETS}. */
export type EmbedWidget = (typeof EMBED_WIDGETS)[number];

/** How an option's value is written. */
export type EmbedOptionKind = 'slug' | 'slugs' | 'enum' | 'boolean' | 'int' | 'month' | 'time-zone' | 'url' | 'text';

/** One attribute of a widget that an embed may set. */
export interface EmbedOption {
  /** The attribute name, also the query parameter of the embed page. */
  readonly name: string;
  readonly kind: EmbedOptionKind;
  /** The allowed values of an `enum`. */
  readonly values?: readonly string[];
  /** Bounds of an `int`. */
  readonly min?: number;
  readonly max?: number;
}

const lang: EmbedOption = { name: 'lang', kind: 'enum', values: ['de', 'en'] };
const theme: EmbedOption = { name: 'theme', kind: 'enum', values: ['auto', 'light', 'dark'] };
const pageSize: EmbedOption = { name: 'page-size', kind: 'int', min: 1, max: 500 };
const history: EmbedOption = { name: 'history', kind: 'boolean' };
const jsonLd: EmbedOption = { name: 'json-ld', kind: 'boolean' };

/**
 * Every attribute of each widget except `api` (an embed page uses its own server's API: a query
 * string that could point the page at another API would let anyone put any text into a frame
 * that carries this server's name).
 */
export const EMBED_OPTIONS: Readonly<Record<EmbedWidget, readonly EmbedOption[]>> = {
  'alliance-directory': [
    { name: 'alliance', kind: 'slug' }, lang, theme, history, jsonLd,
    { name: 'heading-level', kind: 'int', min: 1, max: 6 }, pageSize,
  ],
  'event-calendar': [
    { name: 'alliance', kind: 'slugs' }, lang, theme,
    { name: 'view', kind: 'enum', values: ['month', 'list'] },
    { name: 'month', kind: 'month' }, { name: 'time-zone', kind: 'time-zone' }, history, jsonLd,
    { name: 'heading-level', kind: 'int', min: 2, max: 6 },
  ],
  'member-map': [
    { name: 'alliance', kind: 'slugs' }, lang, theme,
    { name: 'tiles', kind: 'url' }, { name: 'tiles-attribution', kind: 'text' },
    { name: 'remember-consent', kind: 'enum', values: ['session', 'local'] }, pageSize,
  ],
};

/**
 * The accent colour of an embed page (`?accent=%2300607a`): not an attribute but the
 * `--fk-color-accent` custom property, set by the page's script. Six hex digits only.
 */
export const EMBED_ACCENT = /^#[0-9a-f]{6}$/i;

/**
 * The height an iframe of each widget gets before (or without) the resize script: enough for the
 * widget's usual first view, so that a page without the script still works (the rest scrolls).
 */
export const EMBED_HEIGHTS: Readonly<Record<EmbedWidget, number>> = {
  'alliance-directory': 900,
  'event-calendar': 820,
  'member-map': 760,
};

/** The longest value an embed option may have; longer ones are dropped. */
export const EMBED_VALUE_MAX = 500;

/** The `type` of the message an embed page posts to its parent with its height. */
export const EMBED_HEIGHT_MESSAGE = 'fachkraefte:embed-height';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether `value` is a well-formed value of `option`. Embed pages pass malformed values on
 * anyway (escaped): the widget then names the attribute and the problem itself, which helps the
 * person who wrote the URL more than a silently ignored parameter.
 */
export function isValidEmbedValue(option: EmbedOption, value: string): boolean {
  if (value.length > EMBED_VALUE_MAX) return false;
  switch (option.kind) {
    case 'slug': return SLUG.test(value);
    case 'slugs': return value.split(/[\s,]+/).filter(Boolean).every((s) => SLUG.test(s)) && /\S/.test(value);
    case 'enum': return option.values!.includes(value);
    case 'boolean': return value === '' || value === 'true' || value === 'false';
    case 'int': {
      if (!/^\d{1,4}$/.test(value)) return false;
      const n = Number(value);
      return n >= (option.min ?? 0) && n <= (option.max ?? Number.MAX_SAFE_INTEGER);
    }
    case 'month': return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
    case 'time-zone': return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(value);
    case 'url': return value === 'none' || /^(?:https?:\/\/|\/)[^\s"<>]*$/.test(value);
    case 'text': return !/[\u0000-\u001f]/.test(value);
  }
}

/**
 * The attributes an embed page's query string sets on its element, in table order: listed names
 * only, each at most {@link EMBED_VALUE_MAX} characters, without control characters. A boolean
 * given as `false` is left off (`?history=false` must not switch history on).
 */
export function embedAttributes(widget: EmbedWidget, params: URLSearchParams): [string, string][] {
  const out: [string, string][] = [];
  for (const option of EMBED_OPTIONS[widget]) {
    const value = params.get(option.name);
    if (value === null || value.length > EMBED_VALUE_MAX || /[\u0000-\u001f]/.test(value)) continue;
    if (option.kind === 'boolean') {
      if (value !== 'false') out.push([option.name, '']);
    } else {
      out.push([option.name, value]);
    }
  }
  return out;
}

/** The slugs of the alliance(s) an embed shows, from its `alliance` value. */
export function embedAlliances(value: string | null | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((s) => SLUG.test(s)).slice(0, 20);
}

/** The language of an embed, from its `lang` option: English when asked for, else German. */
export function embedLang(value: string | null | undefined): 'de' | 'en' {
  return value === 'en' ? 'en' : 'de';
}

const TITLES = {
  de: { 'alliance-directory': 'Fachkräfteallianzen', 'event-calendar': 'Termine', 'member-map': 'Mitglieder auf der Karte' },
  en: { 'alliance-directory': 'Skilled-worker alliances', 'event-calendar': 'Events', 'member-map': 'Members on the map' },
} as const;

/**
 * The title of an embed (its page's `<title>`, the iframe's `title`, oEmbed's `title`): what the
 * widget shows and whose, e.g. "Termine: Fachkräfteallianz Südwest". A directory of one alliance
 * is that alliance's name alone.
 *
 * @example embedTitle('member-map', 'en', ['Fachkräfteallianz Südwest']) // "Members on the map: Fachkräfteallianz Südwest"
 */
export function embedTitle(widget: EmbedWidget, lang: 'de' | 'en', allianceNames: readonly string[]): string {
  const what = TITLES[lang][widget];
  if (allianceNames.length === 0) return widget === 'alliance-directory' ? what : `${what}: ${TITLES[lang]['alliance-directory']}`;
  if (widget === 'alliance-directory' && allianceNames.length === 1) return allianceNames[0]!;
  return `${what}: ${allianceNames.join(', ')}`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** What {@link iframeCode} writes. */
export interface IframeCodeOptions {
  /** Absolute URL of the embed page, with its query string. */
  src: string;
  title: string;
  height: number;
  /** Absolute URL of the host script (`…/embed/resize.js`); left out when not given. */
  resizeScript?: string;
}

/**
 * The iframe code for a site: the frame with a `title` for screen readers, the full width, the
 * widget's fixed height, lazy loading; and, when given, the host script that sizes the frame to
 * its content. Without the script (a CMS that strips it) the fixed height still works.
 */
export function iframeCode(o: IframeCodeOptions): string {
  const frame = `<iframe src="${escapeHtml(o.src)}" title="${escapeHtml(o.title)}" width="100%" height="${Math.round(o.height)}" loading="lazy"></iframe>`;
  return o.resizeScript ? `${frame}\n<script src="${escapeHtml(o.resizeScript)}" async></script>` : frame;
}
