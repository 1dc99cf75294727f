import type { MembershipRole, OrganisationType } from '@fachkraefte/schema';

/**
 * Every text `<fk-member-map>` shows beyond the shared catalog (errors, retry). Kept beside the
 * component so the map's strings ship only with the map; `satisfies MapStrings` makes a missing
 * key in either language a compile error.
 */
export interface MapStrings {
  region: string;
  keys: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  legend: string;
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
  roles: Record<MembershipRole, string>;
}

const num = (locale: string) => (x: number) => x.toLocaleString(locale);
const de_ = num('de-DE');
const en_ = num('en-GB');

/** German, the fallback. */
export const de = {
  region: 'Karte der Mitglieder',
  keys: 'Pfeiltasten verschieben die Karte, Plus und Minus zoomen. Mit Tab erreichen Sie die Markierungen.',
  zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern',
  fit: 'Alle zeigen',
  legend: 'Arten von Organisationen',
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
  roles: { founding: 'Gründungsmitglied', lead: 'Federführung', member: 'Mitglied' },
} satisfies MapStrings;

/** English. */
export const en = {
  region: 'Map of the members',
  keys: 'Arrow keys move the map, plus and minus zoom. Use Tab to reach the markers.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Show all',
  legend: 'Types of organisation',
  list: 'List of members',
  count: (s, t) => (s === t ? `${en_(t)} ${t === 1 ? 'member' : 'members'}` : `${en_(s)} of ${en_(t)} members`),
  cluster: (n) => `${en_(n)} members`,
  marker: (name, type, town) => [name, type, town].filter(Boolean).join(', '),
  consent: (host) =>
    `The map loads map images from ${host}. That service receives your IP address. The map loads only when you choose “Load map”. The list works without the map.`,
  load: 'Load map',
  remember: 'Your choice applies to this page view.',
  remembered: 'Your choice is stored in this browser.',
  noPosition: 'no location',
  empty: 'No members are listed for this selection.',
  close: 'Close',
  website: 'Website',
  address: 'Address',
  type: 'Type',
  showMore: (n) => `Show ${en_(n)} more`,
  inGroup: (n) => `${en_(n)} members at this place`,
  types: {
    landkreis: 'District', gemeinde: 'Town/municipality', arbeitsagentur: 'Employment agency', jobcenter: 'Job centre',
    ihk: 'Chamber of commerce (IHK)', handwerkskammer: 'Chamber of crafts', kreishandwerkerschaft: 'District crafts association',
    gewerkschaft: 'Trade union', verband: 'Employers’/trade association', wirtschaftsfoerderung: 'Economic development agency',
    berufsschule: 'Vocational school', schulamt: 'School authority', hochschule: 'University', bildungsregion: 'Education region',
    schulewirtschaft: 'SchoolBusiness working group', unternehmen: 'Company',
    landesbehoerde: 'State authority/ministry', sonstige: 'Other',
  },
  roles: { founding: 'Founding member', lead: 'Lead', member: 'Member' },
} satisfies MapStrings;

/** The map's strings by locale. */
export const MAP_STRINGS = { de, en } as const satisfies Record<string, MapStrings>;
