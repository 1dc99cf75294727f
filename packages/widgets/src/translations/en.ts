import type { Translation } from './translation.js';

// Counts with digit groups ("1,250") without Intl: the first number format on a page loads ICU data.
const n = (x: number) => `${x}`.replace(/\B(?=(\d{3})+$)/g, ',');

/** English (British conventions: `en-GB` dates, 24-hour times). */
export const en = {
  locale: 'en-GB',
  months: 'January February March April May June July August September October November December',
  loading: 'Loading …',
  retry: 'Try again',
  refreshFailed: (time) => `The data could not be refreshed. Showing the data as of ${time}.`,
  errors: {
    config: 'This element is not set up correctly.',
    api: 'No data source is configured (attribute "api" or <meta name="fachkraefte:api">).',
    network: 'The server cannot be reached. Please check your internet connection.',
    timeout: 'The server is responding too slowly.',
    'not-found': 'This entry was not found.',
    http: (status) => `The server reported an error (${status}).`,
    'invalid-response': 'The server sent unexpected data.',
    unknown: 'Something went wrong.',
  },
  directory: {
    title: 'Skilled-worker alliances',
    search: 'Search by name or region',
    searchHint: 'The list is filtered as you type.',
    state: 'Federal state',
    kind: 'Type',
    all: 'All',
    filters: 'Filter alliances',
    resultCount: (shown, total) =>
      shown === total ? `${n(total)} ${total === 1 ? 'alliance' : 'alliances'}` : `${n(shown)} of ${n(total)} alliances`,
    empty: 'No alliances have been added yet.',
    emptyFiltered: 'No alliance matches your search.',
    resetFilters: 'Reset search',
    founded: (date) => `founded ${date}`,
    memberCount: (named, stated) =>
      stated !== null && stated !== named
        ? `${n(stated)} members as stated by the alliance, ${named > 0 ? `${n(named)} known by name` : 'none known by name'}`
        : stated === null
          ? `${n(named)} ${named === 1 ? 'member' : 'members'} known by name`
          : `${n(named)} ${named === 1 ? 'member' : 'members'}`,
  },
  profile: {
    back: 'All alliances',
    description: 'About the alliance',
    areas: 'Area',
    founded: 'Founded',
    website: 'Website',
    coordinator: 'Coordination',
    patrons: 'Patrons',
    contacts: 'Contacts',
    representatives: 'People involved',
    representativesHint: 'According to the published sources, they speak for the alliance or its members.',
    focusAreas: 'Focus areas',
    projectGroups: 'Project groups',
    members: 'Members',
    memberSearch: 'Search members',
    memberType: 'Type of organisation',
    allTypes: 'All types',
    memberCount: (shown, total) =>
      shown === total ? `${n(total)} ${total === 1 ? 'member' : 'members'}` : `${n(shown)} of ${n(total)} members`,
    memberCountNote: (named, stated) =>
      stated !== null && stated !== named
        ? `The alliance states ${n(stated)} members; the published sources name ${named > 0 ? `${n(named)} of them` : 'none of them'}.`
        : stated === null
          ? 'The published sources do not say how many members the alliance has in all; counted are those they name.'
          : '',
    noMembers: 'The members are not published individually.',
    noMembersStated: (stated) => `The alliance states ${n(stated)} members but does not name them.`,
    noMatches: 'No member matches your search.',
    showMore: (count) => `Show ${n(count)} more`,
    email: 'Email',
    phone: 'Phone',
    since: (date) => `since ${date}`,
    until: (date) => `until ${date}`,
    membershipFee: 'Membership is subject to a fee.',
  },
  kinds: { state: 'State alliance', regional: 'Regional alliance', district: 'District alliance', network: 'Network' },
  states: {
    'DE-BW': 'Baden-Württemberg', 'DE-BY': 'Bavaria', 'DE-BE': 'Berlin', 'DE-BB': 'Brandenburg',
    'DE-HB': 'Bremen', 'DE-HH': 'Hamburg', 'DE-HE': 'Hesse', 'DE-MV': 'Mecklenburg-Western Pomerania',
    'DE-NI': 'Lower Saxony', 'DE-NW': 'North Rhine-Westphalia', 'DE-RP': 'Rhineland-Palatinate',
    'DE-SL': 'Saarland', 'DE-SN': 'Saxony', 'DE-ST': 'Saxony-Anhalt', 'DE-SH': 'Schleswig-Holstein',
    'DE-TH': 'Thuringia',
  },
  organisationTypes: {
    landkreis: 'Districts', gemeinde: 'Towns and municipalities', arbeitsagentur: 'Employment agencies',
    jobcenter: 'Job centres', ihk: 'Chambers of commerce (IHK)', handwerkskammer: 'Chambers of crafts',
    kreishandwerkerschaft: 'District crafts associations', gewerkschaft: 'Trade unions',
    verband: 'Employers’ and trade associations', wirtschaftsfoerderung: 'Economic development agencies',
    berufsschule: 'Vocational schools', schulamt: 'School authorities', hochschule: 'Universities',
    bildungsregion: 'Education regions', schulewirtschaft: 'SchoolBusiness working groups',
    unternehmen: 'Companies', landesbehoerde: 'State authorities and ministries', sonstige: 'Other',
  },
  roles: { founding: 'Founding member', lead: 'Lead', member: 'Member' },
} satisfies Translation;
