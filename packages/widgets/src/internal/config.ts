import { LOCALE_CODES } from '../translations/catalog.js';
import type { Locale } from '../translations/translation.js';

/** Name of the page-wide `<meta>` that sets the API base for every widget on the page. */
export const API_META = 'fachkraefte:api';

/** The outcome of resolving the API base of a widget. */
export type ApiBase = { ok: true; url: string } | { ok: false; reason: 'missing' | 'invalid'; value?: string };

/**
 * The API base for `el`: its `api` attribute, else `<meta name="fachkraefte:api" content>`.
 * Relative values resolve against the document (`/v1` on the page's own host, the usual
 * self-hosted setup). Only `http:` and `https:` are accepted.
 */
export function resolveApiBase(attribute: string | null | undefined, doc: Document = document): ApiBase {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${API_META}"]`)?.content;
  const raw = (attribute ?? '').trim() || (meta ?? '').trim();
  if (!raw) return { ok: false, reason: 'missing' };
  try {
    const url = new URL(raw, doc.baseURI);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'invalid', value: raw };
    url.hash = '';
    url.search = '';
    return { ok: true, url: url.href.replace(/\/+$/, '') };
  } catch {
    return { ok: false, reason: 'invalid', value: raw };
  }
}

/** Maps a BCP 47 tag to a shipped locale (`de-AT` → `de`), or `null` when none fits. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] as Locale;
  return LOCALE_CODES.includes(primary) ? primary : null;
}

/**
 * The locale for `el`: its own `lang`, else the nearest ancestor's (which includes `<html lang>`),
 * else German. An unsupported language on the element itself is reported by the caller.
 */
export function resolveLocale(el: Element, own: string | null | undefined): { locale: Locale; unknown?: string } {
  if (own) {
    const m = matchLocale(own);
    if (m) return { locale: m };
    return { locale: 'de', unknown: own };
  }
  const inherited = el.parentElement?.closest('[lang]')?.getAttribute('lang') ?? el.ownerDocument.documentElement.lang;
  return { locale: matchLocale(inherited) ?? 'de' };
}

/** The `theme` values a widget accepts. */
export const THEMES = ['auto', 'light', 'dark'] as const;
/** One of {@link THEMES}. */
export type Theme = (typeof THEMES)[number];
