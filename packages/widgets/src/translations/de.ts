import type { Translation } from './translation.js';

// Counts with digit groups ("1.250") without Intl: the first number format on a page loads ICU data.
const n = (x: number) => `${x}`.replace(/\B(?=(\d{3})+$)/g, '.');

/** German, the default and fallback locale. */
export const de = {
  locale: 'de-DE',
  months: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember',
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  refreshFailed: (time) => `Die Daten konnten nicht aktualisiert werden. Angezeigt wird der Stand von ${time} Uhr.`,
  errors: {
    config: 'Dieses Element ist nicht richtig eingerichtet.',
    api: 'Es ist keine Datenquelle angegeben (Attribut „api“ oder <meta name="fachkraefte:api">).',
    network: 'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung.',
    timeout: 'Der Server antwortet zu langsam.',
    'not-found': 'Dieser Eintrag wurde nicht gefunden.',
    http: (status) => `Der Server meldet einen Fehler (${status}).`,
    'invalid-response': 'Der Server hat unerwartete Daten geliefert.',
    unknown: 'Etwas ist schiefgegangen.',
  },
  directory: {
    title: 'Fachkräfteallianzen',
    search: 'Suche nach Name oder Region',
    searchHint: 'Die Liste wird beim Tippen gefiltert.',
    state: 'Bundesland',
    kind: 'Art',
    all: 'Alle',
    filters: 'Allianzen filtern',
    resultCount: (shown, total) =>
      shown === total ? `${n(total)} ${total === 1 ? 'Allianz' : 'Allianzen'}` : `${n(shown)} von ${n(total)} Allianzen`,
    empty: 'Es sind noch keine Allianzen eingetragen.',
    emptyFiltered: 'Keine Allianz passt zu Ihrer Suche.',
    resetFilters: 'Suche zurücksetzen',
    founded: (date) => `gegründet ${date}`,
    memberCount: (named, stated) =>
      stated !== null && stated !== named
        ? `${n(stated)} Mitglieder laut Allianz, ${named > 0 ? `${n(named)} namentlich bekannt` : 'keines namentlich bekannt'}`
        : stated === null
          ? `${n(named)} ${named === 1 ? 'Mitglied' : 'Mitglieder'} namentlich bekannt`
          : `${n(named)} ${named === 1 ? 'Mitglied' : 'Mitglieder'}`,
  },
  profile: {
    back: 'Alle Allianzen',
    description: 'Über die Allianz',
    areas: 'Gebiet',
    founded: 'Gegründet',
    website: 'Website',
    coordinator: 'Koordination',
    patrons: 'Schirmherrschaft',
    contacts: 'Ansprechpersonen',
    representatives: 'Beteiligte Personen',
    representativesHint: 'Sie sprechen laut den veröffentlichten Quellen für die Allianz oder ihre Mitglieder.',
    focusAreas: 'Handlungsschwerpunkte',
    projectGroups: 'Projektgruppen',
    members: 'Mitglieder',
    memberSearch: 'Mitglieder durchsuchen',
    memberType: 'Art der Organisation',
    allTypes: 'Alle Arten',
    memberCount: (shown, total) =>
      shown === total ? `${n(total)} ${total === 1 ? 'Mitglied' : 'Mitglieder'}` : `${n(shown)} von ${n(total)} Mitgliedern`,
    memberCountNote: (named, stated) =>
      stated !== null && stated !== named
        ? `Die Allianz gibt ${n(stated)} Mitglieder an; die veröffentlichten Quellen nennen ${named > 0 ? `${n(named)} davon` : 'keines davon'} mit Namen.`
        : stated === null
          ? 'Wie viele Mitglieder die Allianz insgesamt hat, geben die veröffentlichten Quellen nicht an; gezählt ist, wer dort mit Namen genannt ist.'
          : '',
    noMembers: 'Die Mitglieder sind nicht einzeln veröffentlicht.',
    noMembersStated: (stated) => `Die Allianz nennt ${n(stated)} Mitglieder, aber nicht einzeln.`,
    noMatches: 'Kein Mitglied passt zu Ihrer Suche.',
    showMore: (count) => `${n(count)} weitere anzeigen`,
    email: 'E-Mail',
    phone: 'Telefon',
    since: (date) => `seit ${date}`,
    until: (date) => `bis ${date}`,
    membershipFee: 'Die Mitgliedschaft ist beitragspflichtig.',
  },
  kinds: { state: 'Landesallianz', regional: 'Regionale Allianz', district: 'Kreisallianz', network: 'Netzwerk' },
  states: {
    'DE-BW': 'Baden-Württemberg', 'DE-BY': 'Bayern', 'DE-BE': 'Berlin', 'DE-BB': 'Brandenburg',
    'DE-HB': 'Bremen', 'DE-HH': 'Hamburg', 'DE-HE': 'Hessen', 'DE-MV': 'Mecklenburg-Vorpommern',
    'DE-NI': 'Niedersachsen', 'DE-NW': 'Nordrhein-Westfalen', 'DE-RP': 'Rheinland-Pfalz',
    'DE-SL': 'Saarland', 'DE-SN': 'Sachsen', 'DE-ST': 'Sachsen-Anhalt', 'DE-SH': 'Schleswig-Holstein',
    'DE-TH': 'Thüringen',
  },
  organisationTypes: {
    landkreis: 'Landkreise', gemeinde: 'Städte und Gemeinden', arbeitsagentur: 'Agenturen für Arbeit',
    jobcenter: 'Jobcenter', ihk: 'Industrie- und Handelskammern', handwerkskammer: 'Handwerkskammern',
    kreishandwerkerschaft: 'Kreishandwerkerschaften', gewerkschaft: 'Gewerkschaften',
    verband: 'Arbeitgeber- und Branchenverbände', wirtschaftsfoerderung: 'Wirtschaftsförderung',
    berufsschule: 'Berufliche Schulen', schulamt: 'Schulämter', hochschule: 'Hochschulen',
    bildungsregion: 'Bildungsregionen', schulewirtschaft: 'Arbeitskreise SchuleWirtschaft',
    unternehmen: 'Unternehmen', landesbehoerde: 'Landesbehörden und Ministerien', sonstige: 'Sonstige',
  },
  roles: { founding: 'Gründungsmitglied', lead: 'Federführung', member: 'Mitglied' },
} satisfies Translation;
