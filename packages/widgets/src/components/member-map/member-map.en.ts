import type { MapStrings } from './member-map.i18n.js';

const en_ = (x: number) => x.toLocaleString('en-GB');

/** English, fetched by `loadMapStrings` only when an English map renders. */
export const en = {
  region: 'Map of the members',
  borders: 'State borders: © GeoBasis-DE / BKG (2017)',
  keys: 'Arrow keys move the map, plus and minus zoom. Use Tab to reach the markers. On touch screens: drag with one finger, zoom with two fingers or the zoom in and zoom out buttons.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Show all',
  legend: 'Types of organisation',
  filter: (n, off) => (off ? `Filter by type (${en_(off)} of ${en_(n)} hidden)` : `Filter by type (${en_(n)})`),
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
} satisfies MapStrings;

