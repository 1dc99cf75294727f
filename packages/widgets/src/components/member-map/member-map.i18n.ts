import type { OrganisationType } from '@fachkraefte/schema';
import type { Locale } from '../../translations/translation.js';

/**
 * Every text `<fk-member-map>` shows beyond the shared catalog (errors, retry). Kept beside the
 * component so the map's strings ship only with the map; `satisfies MapStrings` makes a missing
 * key in either language a compile error.
 */
export interface MapStrings {
  region: string;
  keys: string;
  /** Credit of the Länder outlines of the tile-free map. */
  borders: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  legend: string;
  /** The legend's disclosure: how many types, and how many of them are hidden. */
  filter: (types: number, hidden: number) => string;
  list: string;
  count: (shown: number, total: number) => string;
  cluster: (n: number) => string;
  /** Marker name: organisation, type, town. */
  marker: (name: string, type: string, town: string | null) => string;
  /** Placeholder before consent: which host receives the visitor's IP address. */
  consent: (host: string) => string;
  load: string;
  remember: string;
  remembered: string;
  noPosition: string;
  empty: string;
  close: string;
  website: string;
  address: string;
  type: string;
  showMore: (n: number) => string;
  inGroup: (n: number) => string;
  types: Record<OrganisationType, string>;
}

const de_ = (x: number) => x.toLocaleString('de-DE');

/** German, the fallback. */
export const de = {
  region: 'Karte der Mitglieder',
  borders: 'Ländergrenzen: © GeoBasis-DE / BKG (2017)',
  keys: 'Pfeiltasten verschieben die Karte, Plus und Minus zoomen. Mit Tab erreichen Sie die Markierungen. Auf Touchscreens: mit einem Finger verschieben, mit zwei Fingern oder den Schaltflächen Vergrößern und Verkleinern zoomen.',
  zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern',
  fit: 'Alle zeigen',
  legend: 'Arten von Organisationen',
  filter: (n, off) => (off ? `Arten filtern (${de_(off)} von ${de_(n)} ausgeblendet)` : `Arten filtern (${de_(n)})`),
  list: 'Liste der Mitglieder',
  count: (s, t) => (s === t ? `${de_(t)} ${t === 1 ? 'Mitglied' : 'Mitglieder'}` : `${de_(s)} von ${de_(t)} Mitgliedern`),
  cluster: (n) => `${de_(n)} Mitglieder`,
  marker: (name, type, town) => [name, type, town].filter(Boolean).join(', '),
  consent: (host) =>
    `Die Karte lädt Kartenbilder von ${host}. Dabei erhält dieser Dienst Ihre IP-Adresse. Erst wenn Sie „Karte laden“ wählen, wird die Karte geladen. Die Liste funktioniert ohne Karte.`,
  load: 'Karte laden',
  remember: 'Ihre Wahl gilt für diesen Seitenaufruf.',
  remembered: 'Ihre Wahl wird in diesem Browser gespeichert.',
  noPosition: 'ohne Standort',
  empty: 'Für diese Auswahl sind keine Mitglieder eingetragen.',
  close: 'Schließen',
  website: 'Website',
  address: 'Adresse',
  type: 'Art',
  showMore: (n) => `${de_(n)} weitere anzeigen`,
  inGroup: (n) => `${de_(n)} Mitglieder an diesem Ort`,
  types: {
    landkreis: 'Landkreis', gemeinde: 'Stadt/Gemeinde', arbeitsagentur: 'Agentur für Arbeit', jobcenter: 'Jobcenter',
    ihk: 'IHK', handwerkskammer: 'Handwerkskammer', kreishandwerkerschaft: 'Kreishandwerkerschaft',
    gewerkschaft: 'Gewerkschaft', verband: 'Arbeitgeber-/Branchenverband', wirtschaftsfoerderung: 'Wirtschaftsförderung',
    berufsschule: 'Berufliche Schule', schulamt: 'Schulamt', hochschule: 'Hochschule', bildungsregion: 'Bildungsregion',
    schulewirtschaft: 'Arbeitskreis SchuleWirtschaft', unternehmen: 'Unternehmen',
    landesbehoerde: 'Landesbehörde/Ministerium', sonstige: 'Sonstige',
  },
} satisfies MapStrings;

const loaded: Partial<Record<Locale, MapStrings>> = { de };
let loading: Promise<unknown> | undefined;

/** The map's strings for `locale` once loaded, else German. */
export function mapStrings(locale: Locale): MapStrings {
  return loaded[locale] ?? de;
}

/**
 * Fetches the English strings the first time an English map renders (a German page never
 * downloads them); `undefined` when nothing needs to load. Never rejects: on failure German stays.
 */
export function loadMapStrings(locale: Locale): Promise<unknown> | undefined {
  if (loaded[locale]) return undefined;
  return (loading ??= import('./member-map.en.js').then(
    (m) => (loaded.en = m.en),
    () => (loaded.en = de),
  ));
}
