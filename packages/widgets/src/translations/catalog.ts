/**
 * The catalogs at run time. German ships in every bundle (the default and the fallback); every
 * other locale is fetched with `import()` the first time a widget on the page needs it, so a German
 * page never downloads the English texts (in the CDN build each becomes its own small chunk).
 * Widgets reach this through `FkElement` (`this.t`, and the `pending()` hook that waits for the
 * catalog before rendering); only `translations/index.ts` carries every catalog at once.
 */
import { de } from './de.js';
import type { OrganisationType } from '@fachkraefte/schema';
import type { Locale, Translation } from './translation.js';

/**
 * The organisation types in the API's order (`ORGANISATION_TYPES` of `@fachkraefte/schema`, which
 * a test keeps equal): the German catalog's keys. Taken from the catalog, a widget's first download
 * carries no module of the schema package; the schemas arrive with the SDK, on first use.
 */
export const ORGANISATION_TYPES = Object.keys(de.organisationTypes) as OrganisationType[];

/** Every locale code, German first. */
export const LOCALE_CODES: readonly Locale[] = ['de', 'en'];

/** How each locale other than German arrives: a dynamic import, so bundlers split it off. */
const LOADERS: Record<Exclude<Locale, 'de'>, () => Promise<Translation>> = {
  en: () => import('./en.js').then((m) => m.en),
};

const loaded: Partial<Record<Locale, Translation>> = { de };
const loading: Partial<Record<Locale, Promise<unknown>>> = {};

/** The catalog for `locale` if it has been loaded, else German. */
export function translation(locale: Locale): Translation {
  return loaded[locale] ?? de;
}

/**
 * Loads the catalog for `locale` once per page. Returns `undefined` when it is already there (so a
 * render need not wait a tick), else a promise that never rejects: a catalog that cannot be
 * fetched leaves the widget in German, with a warning, rather than empty.
 */
export function loadTranslation(locale: Locale): Promise<unknown> | undefined {
  if (locale === 'de' || loaded[locale]) return undefined;
  return (loading[locale] ??= LOADERS[locale]().then(
    (t) => (loaded[locale] = t),
    (error: unknown) => {
      console.warn(`[fachkraefte] could not load the "${locale}" texts; showing German:`, error);
      loaded[locale] = de;
    },
  ));
}
