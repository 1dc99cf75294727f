/**
 * The demo data set: what the five press releases in `/work/shared/seeds/` say, and nothing else.
 *
 * Reading rules kept throughout:
 * - A fact the sources leave open is `null` (or `[]`), never a plausible guess: no founding dates,
 *   event times, venues, street addresses or websites that the texts do not give.
 * - An organisation's `position` is the centre of the town it sits in (good enough for a member
 *   map; the sources give no street addresses). Where only the seat of a wider body is known
 *   (Südwestmetall, IHK Hochrhein-Bodensee) the seat's town is used.
 * - People are the ones the texts name, with the role the texts give them; no e-mail or phone
 *   number unless printed in the source (only Edmund Rohde's are).
 * - The "Weitere Meldungen" teasers below seed 001 are a website's sidebar, not part of the
 *   release, and are left out.
 */
import type { Alliance, Event, Membership, Organisation, OrganisationType, Person, Position } from '@fachkraefte/schema';
import type { DataSet } from './types.js';

type AllianceRecord = Omit<Alliance, 'memberCount'>;

/** Towns the seed organisations and venues sit in: their name and approximate centre. */
const TOWNS = {
  loerrach: { locality: 'Lörrach', position: { lat: 47.6156, lon: 7.6614 } },
  waldshutTiengen: { locality: 'Waldshut-Tiengen', position: { lat: 47.6226, lon: 8.2143 } },
  badSaeckingen: { locality: 'Bad Säckingen', position: { lat: 47.5533, lon: 7.9469 } },
  rheinfelden: { locality: 'Rheinfelden (Baden)', position: { lat: 47.5606, lon: 7.7874 } },
  weilAmRhein: { locality: 'Weil am Rhein', position: { lat: 47.5947, lon: 7.6206 } },
  freiburg: { locality: 'Freiburg im Breisgau', position: { lat: 47.999, lon: 7.842 } },
  konstanz: { locality: 'Konstanz', position: { lat: 47.6779, lon: 9.1732 } },
  stuttgart: { locality: 'Stuttgart', position: { lat: 48.7758, lon: 9.1829 } },
  heilbronn: { locality: 'Heilbronn', position: { lat: 49.1427, lon: 9.2109 } },
  schwaebischHall: { locality: 'Schwäbisch Hall', position: { lat: 49.1122, lon: 9.7375 } },
  ludwigsburg: { locality: 'Ludwigsburg', position: { lat: 48.8975, lon: 9.1916 } },
  hildesheim: { locality: 'Hildesheim', position: { lat: 52.1508, lon: 9.9511 } },
  hannover: { locality: 'Hannover', position: { lat: 52.3759, lon: 9.732 } },
} as const satisfies Record<string, { locality: string; position: Position }>;

/** The town keys above; exported for the fictitious data sets, which place events there. */
export type SeedTown = keyof typeof TOWNS;

/** Locality and centre of a seed town, for the fictitious data sets' venues. */
export function seedTown(town: SeedTown): { locality: string; position: Position } {
  const t = TOWNS[town];
  return { locality: t.locality, position: { ...t.position } };
}

function org(
  id: string,
  name: string,
  type: OrganisationType,
  town: SeedTown,
  aliases: string[] = [],
): Organisation {
  const t = TOWNS[town];
  return {
    id,
    name,
    aliases,
    type,
    address: { streetAddress: null, postalCode: null, locality: t.locality, countryCode: 'DE' },
    position: { ...t.position },
    // No website anywhere: the sources print none, and a wrong official domain is worse than none.
    website: null,
    fictitious: false,
  };
}

function person(
  name: string,
  role: string | null,
  organisation: Organisation | null,
  extra: Partial<Pick<Person, 'from' | 'to' | 'email' | 'phone' | 'organisationName'>> = {},
): Person {
  return {
    name,
    role,
    organisation: organisation?.id ?? null,
    organisationName: extra.organisationName ?? organisation?.name ?? null,
    from: extra.from ?? null,
    to: extra.to ?? null,
    email: extra.email ?? null,
    phone: extra.phone ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Alliance slugs
// ---------------------------------------------------------------------------------------------

const BW = 'allianz-fuer-fachkraefte-bw';
const SUEDWEST = 'fachkraefteallianz-suedwest';
const HEILBRONN_FRANKEN = 'fachkraeftebuendnis-heilbronn-franken';
const LUDWIGSBURG = 'fachkraefteallianz-landkreis-ludwigsburg';
const WALDSHUT = 'netzwerk-fachkraefte-landkreis-waldshut';
const LEINE_WESER = 'fachkraeftebuendnis-leine-weser';

/** The slugs of the six seed alliances, for the fictitious data sets that attach to them. */
export const SEED_ALLIANCES = {
  bw: BW,
  suedwest: SUEDWEST,
  heilbronnFranken: HEILBRONN_FRANKEN,
  ludwigsburg: LUDWIGSBURG,
  waldshut: WALDSHUT,
  leineWeser: LEINE_WESER,
} as const;

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

// State level (seeds 000, 001, 004). The ministry of 2012 (seed 001) and the one of 2016
// (seed 000) are different bodies: the portfolio was reorganised in between.
const mfwBw = org(
  'ministerium-fuer-finanzen-und-wirtschaft-baden-wuerttemberg',
  'Ministerium für Finanzen und Wirtschaft Baden-Württemberg',
  'landesbehoerde', 'stuttgart',
  ['Finanz- und Wirtschaftsministerium'],
);
const wmBw = org(
  'ministerium-fuer-wirtschaft-arbeit-und-wohnungsbau-baden-wuerttemberg',
  'Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg',
  'landesbehoerde', 'stuttgart',
);
const rpFreiburg = org('regierungspraesidium-freiburg', 'Regierungspräsidium Freiburg', 'landesbehoerde', 'freiburg');
const mwNi = org(
  'niedersaechsisches-ministerium-fuer-wirtschaft-arbeit-und-verkehr',
  'Niedersächsisches Ministerium für Wirtschaft, Arbeit und Verkehr',
  'landesbehoerde', 'hannover',
);

// Fachkräfteallianz Südwest: the member list of seed 000, in the order printed there.
const lkLoerrach = org('landkreis-loerrach', 'Landkreis Lörrach', 'landkreis', 'loerrach');
const lkWaldshut = org('landkreis-waldshut', 'Landkreis Waldshut', 'landkreis', 'waldshutTiengen');
const aaLoerrach = org(
  'agentur-fuer-arbeit-loerrach', 'Agentur für Arbeit Lörrach', 'arbeitsagentur', 'loerrach',
  ['Bundesagentur für Arbeit Lörrach'],
);
const dehogaFreiburg = org('dehoga-geschaeftsstelle-freiburg', 'Dehoga Geschäftsstelle Freiburg', 'verband', 'freiburg');
// "(Südbaden)": the part of the DGB district that sits in Freiburg, the seat of Südbaden's office.
const dgbSuedbaden = org(
  'dgb-bezirk-baden-wuerttemberg-suedbaden', 'DGB-Bezirk Baden-Württemberg (Südbaden)', 'gewerkschaft', 'freiburg',
);
const dhLoerrach = org('duale-hochschule-loerrach', 'Duale Hochschule Lörrach', 'hochschule', 'loerrach', ['DHBW Lörrach']);
// The release names Gatex without saying what it is; "sonstige" claims nothing more.
const gatex = org('gatex-bad-saeckingen', 'Gatex Bad Säckingen', 'sonstige', 'badSaeckingen');
const hwkFreiburg = org('handwerkskammer-freiburg', 'Handwerkskammer Freiburg', 'handwerkskammer', 'freiburg');
const hwkKonstanz = org('handwerkskammer-konstanz', 'Handwerkskammer Konstanz', 'handwerkskammer', 'konstanz');
const igmLoerrach = org('ig-metall-loerrach', 'IG Metall Lörrach', 'gewerkschaft', 'loerrach');
const ihkHochrhein = org('ihk-hochrhein-bodensee', 'IHK Hochrhein-Bodensee', 'ihk', 'konstanz');
const jcLoerrach = org('jobcenter-landkreis-loerrach', 'Jobcenter Landkreis Lörrach', 'jobcenter', 'loerrach', ['Jobcenter Lörrach']);
const jcWaldshut = org('jobcenter-landkreis-waldshut', 'Jobcenter Landkreis Waldshut', 'jobcenter', 'waldshutTiengen', ['Jobcenter Waldshut']);
const bsLoerrach = org('berufliche-schulen-loerrach', 'Berufliche Schulen Lörrach', 'berufsschule', 'loerrach');
const bsWaldshut = org('berufliche-schulen-waldshut', 'Berufliche Schulen Waldshut', 'berufsschule', 'waldshutTiengen');
const khLoerrach = org('kreishandwerkerschaft-loerrach', 'Kreishandwerkerschaft Lörrach', 'kreishandwerkerschaft', 'loerrach');
const khWaldshut = org('kreishandwerkerschaft-waldshut', 'Kreishandwerkerschaft Waldshut', 'kreishandwerkerschaft', 'waldshutTiengen');
const saLoerrach = org('staatliches-schulamt-loerrach', 'Staatliches Schulamt Lörrach', 'schulamt', 'loerrach');
const stLoerrach = org('stadt-loerrach', 'Stadt Lörrach', 'gemeinde', 'loerrach');
const stRheinfelden = org('stadt-rheinfelden-baden', 'Stadt Rheinfelden (Baden)', 'gemeinde', 'rheinfelden', ['Rheinfelden']);
const stWaldshutTiengen = org('stadt-waldshut-tiengen', 'Stadt Waldshut-Tiengen', 'gemeinde', 'waldshutTiengen');
const stWeil = org('stadt-weil-am-rhein', 'Stadt Weil am Rhein', 'gemeinde', 'weilAmRhein');
const suedwestmetall = org('suedwestmetall', 'Südwestmetall', 'verband', 'stuttgart');
const suedwesttextil = org('suedwesttextil', 'Südwesttextil', 'verband', 'stuttgart');
const wsw = org(
  'wirtschaftsregion-suedwest', 'Wirtschaftsregion Südwest GmbH', 'wirtschaftsfoerderung', 'loerrach',
  ['Wirtschaftsregion Südwest', 'WSW'],
);
const swLoerrach = org('arbeitskreis-schulewirtschaft-loerrach', 'Arbeitskreis SchuleWirtschaft Lörrach', 'schulewirtschaft', 'loerrach');

const suedwestMembers: Organisation[] = [
  lkLoerrach, lkWaldshut, aaLoerrach, dehogaFreiburg, dgbSuedbaden, dhLoerrach, gatex, hwkFreiburg,
  hwkKonstanz, igmLoerrach, ihkHochrhein, jcLoerrach, jcWaldshut, bsLoerrach, bsWaldshut, khLoerrach,
  khWaldshut, saLoerrach, stLoerrach, stRheinfelden, stWaldshutTiengen, stWeil, suedwestmetall,
  suedwesttextil, wsw, swLoerrach,
];

// Fachkräftebündnis Heilbronn-Franken (seed 001): the bodies whose representatives speak.
const ihkHn = org('ihk-heilbronn-franken', 'IHK Heilbronn-Franken', 'ihk', 'heilbronn');
const hwkHn = org('handwerkskammer-heilbronn-franken', 'Handwerkskammer Heilbronn-Franken', 'handwerkskammer', 'heilbronn');
const aaHeilbronn = org('agentur-fuer-arbeit-heilbronn', 'Agentur für Arbeit Heilbronn', 'arbeitsagentur', 'heilbronn');
const aaSha = org('agentur-fuer-arbeit-schwaebisch-hall', 'Agentur für Arbeit Schwäbisch Hall', 'arbeitsagentur', 'schwaebischHall');
const agvHn = org('arbeitgeberverband-heilbronn-franken', 'Arbeitgeberverband Heilbronn-Franken e.V.', 'verband', 'heilbronn');
const whf = org(
  'wirtschaftsregion-heilbronn-franken', 'Wirtschaftsregion Heilbronn-Franken GmbH', 'wirtschaftsfoerderung', 'heilbronn',
  ['WHF'],
);
const dgbNw = org('dgb-nordwuerttemberg', 'DGB Nordwürttemberg', 'gewerkschaft', 'heilbronn');

const heilbronnMembers: Organisation[] = [hwkHn, aaHeilbronn, aaSha, agvHn, whf, dgbNw];

// Fachkräfteallianz Landkreis Ludwigsburg (seed 002): the eleven founding members, in order.
const ludwigsburgFounders: Organisation[] = [
  org('landkreis-ludwigsburg', 'Landkreis Ludwigsburg', 'landkreis', 'ludwigsburg'),
  org('wirtschaftsfoerderung-region-stuttgart', 'Wirtschaftsförderung Region Stuttgart', 'wirtschaftsfoerderung', 'stuttgart', ['WRS']),
  org('jobcenter-landkreis-ludwigsburg', 'Jobcenter Landkreis Ludwigsburg', 'jobcenter', 'ludwigsburg'),
  org('agentur-fuer-arbeit-ludwigsburg', 'Agentur für Arbeit Ludwigsburg', 'arbeitsagentur', 'ludwigsburg'),
  org('ihk-region-stuttgart-bezirkskammer-ludwigsburg', 'IHK Region Stuttgart – Bezirkskammer Ludwigsburg', 'ihk', 'ludwigsburg'),
  org('arbeitgeber-baden-wuerttemberg', 'Arbeitgeber Baden-Württemberg', 'verband', 'stuttgart'),
  org('dgb-kreisverband-ludwigsburg', 'DGB – Kreisverband Ludwigsburg', 'gewerkschaft', 'ludwigsburg'),
  org('kreishandwerkerschaft-landkreis-ludwigsburg', 'Kreishandwerkerschaft Landkreis Ludwigsburg', 'kreishandwerkerschaft', 'ludwigsburg'),
  org('staatliches-schulamt-ludwigsburg', 'Staatliches Schulamt Ludwigsburg', 'schulamt', 'ludwigsburg'),
  org('berufliche-schulen-des-landkreises-ludwigsburg', 'Berufliche Schulen des Landkreises Ludwigsburg', 'berufsschule', 'ludwigsburg'),
  org('bildungsregion-landkreis-ludwigsburg', 'Bildungsregion Landkreis Ludwigsburg', 'bildungsregion', 'ludwigsburg'),
];

// Regionales Fachkräftebündnis Leine-Weser (seed 004). The release spells the office both
// "Amt für Regionale …" and "Amt für regionale …"; the contact line's spelling is the name.
const arlLw = org(
  'amt-fuer-regionale-landesentwicklung-leine-weser',
  'Amt für regionale Landesentwicklung Leine-Weser',
  'landesbehoerde', 'hildesheim',
  ['Amt für Regionale Landesentwicklung Leine-Weser'],
);

const organisations: Organisation[] = [
  mfwBw, wmBw, rpFreiburg, mwNi,
  ...suedwestMembers,
  ihkHn, ...heilbronnMembers,
  ...ludwigsburgFounders,
  arlLw,
];

// ---------------------------------------------------------------------------------------------
// Memberships
// ---------------------------------------------------------------------------------------------

const membership = (alliance: string, organisation: Organisation, role: Membership['role']): Membership => ({
  alliance, organisation: organisation.id, role, since: null,
});

const memberships: Membership[] = [
  // The state alliance is "vertreten durch Staatssekretär Ingo Rust im Ministerium für Finanzen
  // und Wirtschaft": the ministry leads it. No other member is named.
  membership(BW, mfwBw, 'lead'),
  // Seed 000 does not say who founded the alliance in 2013 and who joined later: all "member".
  ...suedwestMembers.map((o) => membership(SUEDWEST, o, 'member')),
  // "unter der Federführung der IHK Heilbronn-Franken"
  membership(HEILBRONN_FRANKEN, ihkHn, 'lead'),
  ...heilbronnMembers.map((o) => membership(HEILBRONN_FRANKEN, o, 'member')),
  ...ludwigsburgFounders.map((o) => membership(LUDWIGSBURG, o, 'founding')),
  // The WSW initiated the network and runs it; it is not one of the 26 partners, none of whom is
  // named, so the named list and the stated count of 26 differ on purpose.
  membership(WALDSHUT, wsw, 'lead'),
  // "in deren Institution das Bündnis koordiniert wird"
  membership(LEINE_WESER, arlLw, 'lead'),
];

// ---------------------------------------------------------------------------------------------
// Alliances
// ---------------------------------------------------------------------------------------------

const focus = (slug: string, name: string) => ({ slug, name });

const alliances: AllianceRecord[] = [
  {
    slug: BW,
    name: 'Allianz für Fachkräfte Baden-Württemberg',
    kind: 'state',
    state: 'DE-BW',
    areas: ['Baden-Württemberg'],
    founded: null,
    description:
      'Landesweite Allianz zur Sicherung der Fachkräftebasis in Baden-Württemberg. Ein zentrales Ziel ist die ' +
      'Gründung regionaler Fachkräfteallianzen, die die Ziele der Vereinbarung „von A wie Ausbildung bis Z wie ' +
      'Zuwanderung“ vor Ort umsetzen. Als erste regionale Fachkräfteallianz schloss das Fachkräftebündnis ' +
      'Heilbronn-Franken mit ihr eine Kooperationsvereinbarung, bei der die Allianz durch Staatssekretär Ingo ' +
      'Rust im Ministerium für Finanzen und Wirtschaft vertreten war. Für die regionalen Fachkräfteallianzen ' +
      'sah der Entwurf zum Landeshaushalt 2017 insgesamt 300 000 Euro vor; gefördert werden ab 2017 nicht mehr ' +
      'die Koordinierungsstellen selbst, sondern deren inhaltliche Arbeit in Form von Aktivitäten und ' +
      'Veranstaltungen.',
    website: null,
    coordinator: {
      organisation: mfwBw.id,
      organisationName: mfwBw.name,
      people: [person('Ingo Rust', 'Staatssekretär', mfwBw)],
    },
    patrons: [],
    contacts: [],
    representatives: [person('Dominik Schulze', 'Landeskoordinator der regionalen Fachkräfteallianzen', wmBw)],
    focusAreas: [],
    projectGroups: [],
    statedMemberCount: null,
    parent: null,
    membershipFee: null,
    fictitious: false,
  },
  {
    slug: SUEDWEST,
    name: 'Fachkräfteallianz Südwest',
    kind: 'regional',
    state: 'DE-BW',
    areas: ['Landkreis Lörrach', 'Landkreis Waldshut'],
    founded: '2013-04',
    description:
      'Gemeinschaftsprojekt der Landkreise Lörrach und Waldshut. Die Allianz versteht sich als Forum des ' +
      'Erfahrungsaustausches und der Koordination regionaler Aktivitäten zur Gewinnung von Fachkräften. Sie ' +
      'bündelt vorhandene Angebote und Informationen, stellt sie für Unternehmen aufbereitet zur Verfügung und ' +
      'ist erste Anlaufstelle rund um das Thema Fachkräfte. In regelmäßigen Treffen mit den übrigen regionalen ' +
      'Fachkräfteallianzen in Baden-Württemberg findet ein Wissens- und Erfahrungsaustausch statt. ' +
      'Herausforderungen: Digitalisierung, Arbeitswelt 4.0, Stärkung des Images der dualen Berufsausbildung. ' +
      'Ende November 2016 waren in beiden Landkreisen mehr als 3000 Arbeitsstellen unbesetzt und zum ' +
      'Ausbildungsbeginn mehr als 200 Ausbildungsstellen frei gemeldet.',
    website: null,
    coordinator: {
      organisation: null,
      organisationName: null,
      people: [
        person('Gudrun Gempp', 'Projektmanagerin', null, { from: '2016-03' }),
        person('Carolina Bahamondes Pavez', 'Projektmanagerin', null, { to: '2016-03' }),
      ],
    },
    patrons: [
      person('Marion Dammann', 'Landrätin', lkLoerrach),
      person('Dr. Martin Kistler', 'Landrat', lkWaldshut),
    ],
    // Quoted in seed 000 on the labour-market figures; the release gives him no title.
    contacts: [],
    representatives: [person('Horst Eckert', null, aaLoerrach)],
    focusAreas: [
      focus('it', 'IT'),
      focus('pflege', 'Pflege'),
      focus('erziehung-schule', 'Erziehung/Schule'),
      focus('integration-von-migranten-in-den-arbeitsmarkt', 'Integration von Migranten in den Arbeitsmarkt'),
      focus('integration-vorhandener-potenziale-in-den-arbeitsmarkt', 'Integration vorhandener Potenziale in den Arbeitsmarkt'),
    ],
    projectGroups: [
      { name: 'Integration von Flüchtlingen in den Arbeitsmarkt', description: null },
      { name: 'Gewinnung von Fachkräften von außerhalb', description: null },
      { name: 'Berufsorientierung', description: null },
    ],
    statedMemberCount: 26,
    parent: BW,
    membershipFee: null,
    fictitious: false,
  },
  {
    slug: HEILBRONN_FRANKEN,
    name: 'Fachkräftebündnis Heilbronn-Franken',
    kind: 'regional',
    state: 'DE-BW',
    areas: ['Region Heilbronn-Franken'],
    founded: null,
    description:
      'Fachkräftebündnis unter der Federführung der IHK Heilbronn-Franken; die Beteiligung der Wirtschaftsregion ' +
      'Heilbronn-Franken GmbH stellt die Interessen der kommunalen Seite sicher. Als erste regionale ' +
      'Fachkräfteallianz in Baden-Württemberg schloss das Bündnis am 24. September 2012 eine ' +
      'Kooperationsvereinbarung mit der Allianz für Fachkräfte Baden-Württemberg: ein jährliches ' +
      'Spitzengespräch zum Abgleich der Ziele, Maßnahmen und Ergebnisse, gegenseitige Unterstützung und ' +
      'Information, ein ständiger Vertreter des Ministeriums bei den Fachkräftekonferenzen des Bündnisses und ' +
      'die gemeinsame Nutzung des Arbeitsmarktmonitors der Bundesagentur für Arbeit und des ' +
      'IHK-Fachkräftemonitors.',
    website: null,
    coordinator: { organisation: ihkHn.id, organisationName: ihkHn.name, people: [] },
    patrons: [],
    contacts: [],
    // The representatives quoted in seed 001, with the office the release gives them.
    representatives: [
      person('Kirsten Hirschmann', 'IHK-Vizepräsidentin', ihkHn),
      person('Ulrich Bopp', 'Präsident', hwkHn),
      person('Guido Rebstock', 'Vorsitzender der Geschäftsführung', aaSha),
      person('Martin Diepgen', 'Vorsitzender der Geschäftsführung', aaHeilbronn),
      person('Rolf Blaettner', 'Geschäftsführer', agvHn),
      person('Dr. Andreas Schumm', 'Geschäftsführer', whf),
      person('Bernhard Löffler', 'Regionsvorsitzender', dgbNw),
    ],
    focusAreas: [],
    projectGroups: [],
    statedMemberCount: null,
    parent: BW,
    membershipFee: null,
    fictitious: false,
  },
  {
    slug: LUDWIGSBURG,
    name: 'Fachkräfteallianz Landkreis Ludwigsburg',
    kind: 'district',
    state: 'DE-BW',
    areas: ['Landkreis Ludwigsburg'],
    // The release says "am Freitag" and "Anfang dieses Jahres" without a year or date.
    founded: null,
    description:
      'Elf Bündnispartner unterzeichneten die Fachkräfteallianz an einem Freitag im Rahmen der ' +
      'Berufsinformationstage an der Oscar-Walcker-Schule (das Datum nennt die Quelle nicht), nachdem es ' +
      'Anfang desselben Jahres eine erste gemeinsame Veranstaltung der Projektpartner gegeben hatte. Die ' +
      'Allianz bündelt nach dem Vorbild der Allianzen auf Regional- und Landesebene die Initiativen im ' +
      'Arbeits- und Bildungssektor des Landkreises, koordiniert bestehende Angebote und initiiert neue ' +
      'Maßnahmen, etwa Veranstaltungen, Infobörsen oder Ausbildungspatenschaften. Besonders in den ' +
      'Pflegeberufen wird der Fachkräftemangel auch im Landkreis bereits deutlich.',
    website: null,
    coordinator: null,
    patrons: [],
    contacts: [],
    representatives: [],
    focusAreas: [
      focus('uebergang-von-der-schule-in-den-beruf', 'Übergang von der Schule in den Beruf'),
      focus('ausschoepfung-inlaendischer-fachkraeftepotenziale', 'Ausschöpfung inländischer Fachkräftepotenziale'),
      focus('wettbewerbsfaehigkeit-auf-dem-europaeischen-arbeitsmarkt', 'Wettbewerbsfähigkeit auf dem europäischen Arbeitsmarkt'),
      focus('vereinbarkeit-von-familie-und-beruf', 'Vereinbarkeit von Familie und Beruf'),
    ],
    projectGroups: [],
    statedMemberCount: 11,
    // The release ties the work to projects "auf Landes- und Regionsebene" but names no parent.
    parent: null,
    membershipFee: null,
    fictitious: false,
  },
  {
    slug: WALDSHUT,
    // The release calls it only "ein neues Netzwerk zur Gewinnung und Bindung von Fachkräften";
    // this name is a working title.
    name: 'Netzwerk Fachkräfte Landkreis Waldshut',
    kind: 'network',
    state: 'DE-BW',
    areas: ['Landkreis Waldshut'],
    // Founded at the kick-off, which an article of 30 April 2024 reports without giving the day.
    founded: '2024-04',
    description:
      'Neues, kostenpflichtiges Netzwerk zur Gewinnung und Bindung von Fachkräften, auf Initiative der ' +
      'Wirtschaftsregion Südwest GmbH (WSW) gegründet von 26 Unternehmen, Institutionen und Kommunen aus dem ' +
      'Landkreis Waldshut (in der Quelle nicht namentlich genannt). Elf Arbeitgeber sagten am Ende einer ' +
      'Online-Informationsveranstaltung Anfang März 2024 zu, in den Tagen danach kamen weitere 15 Partner hinzu. ' +
      'Das Netzwerk möchte den Landkreis bei Fachkräften und ihren Familien sichtbarer machen, Mitarbeitende ' +
      'anziehen, fördern und in der Region halten. Noch vor der Sommerpause 2024 war ein weiteres Treffen ' +
      'geplant, auch zum Austausch mit dem PersonalerForum Südwest.',
    website: null,
    coordinator: { organisation: wsw.id, organisationName: wsw.name, people: [] },
    patrons: [],
    contacts: [],
    representatives: [
      person('Alexander Maas', 'Geschäftsführer', wsw),
      person('Andrea Flum', 'Projektleitung Marketing und Kommunikation', wsw),
      person('Kai Müller', 'Wirtschaftsbeauftragter des Landkreises Waldshut', wsw),
    ],
    focusAreas: [
      focus('gewinnung-und-bindung-von-fachkraeften', 'Gewinnung und Bindung von Fachkräften'),
      focus('standortmarketing', 'Standortmarketing'),
    ],
    projectGroups: [{ name: 'Arbeitsgruppe Marke', description: 'Befasst sich mit dem Thema Marke.' }],
    statedMemberCount: 26,
    parent: null,
    membershipFee: true,
    fictitious: false,
  },
  {
    slug: LEINE_WESER,
    name: 'Regionales Fachkräftebündnis Leine-Weser',
    kind: 'regional',
    state: 'DE-NI',
    areas: [
      'Landkreis Nienburg', 'Landkreis Schaumburg', 'Landkreis Hameln-Pyrmont', 'Landkreis Holzminden',
      'Landkreis Hildesheim', 'Region Hannover',
    ],
    // Recognised at the end of August: the release gives no year; 2015 is the year the eight
    // Niedersachsen alliances were recognised (domain notes), under minister Olaf Lies.
    founded: '2015-08',
    description:
      'Eines von acht Regionalen Fachkräftebündnissen in Niedersachsen, Ende August vom Niedersächsischen ' +
      'Ministerium für Wirtschaft, Arbeit und Verkehr (Minister Olaf Lies) anerkannt. Unternehmen, öffentliche ' +
      'Arbeitgeber, Verbände, Arbeitsagenturen, Jobcenter, Gewerkschaften und weitere Akteure reagieren ' +
      'gemeinsam auf den drohenden Fachkräftemangel, besonders in der IT und bei Ingenieursstellen. Das Bündnis ' +
      'entwickelt und initiiert Fachkräfteprojekte, begutachtet Förderanträge und gibt strukturelle Impulse in ' +
      'den beteiligten Kommunen; für die acht Bündnisse stehen in der laufenden EU-Förderperiode insgesamt ' +
      '26 Millionen Euro bereit. Koordiniert wird es im Amt für regionale Landesentwicklung Leine-Weser in ' +
      'Hildesheim.',
    website: null,
    coordinator: {
      organisation: arlLw.id,
      organisationName: arlLw.name,
      people: [person('Karin Beckmann', 'Leiterin des Amtes, Landesbeauftragte', arlLw)],
    },
    patrons: [],
    contacts: [
      person('Edmund Rohde', 'Ansprechpartner', arlLw, {
        phone: '05121-9129833',
        email: 'edmund.rohde@arl-lw.niedersachsen.de',
      }),
    ],
    representatives: [],
    focusAreas: [
      focus('aktivierung-ungenutzter-fachkraeftepotenziale', 'Aktivierung ungenutzter Fachkräftepotenziale'),
      focus('ausbildungs-und-berufsperspektiven-junger-menschen', 'Ausbildungs- und Berufsperspektiven junger Menschen'),
      focus('weiterbildung', 'Weiterbildung'),
      focus('arbeitgeberattraktivitaet', 'Arbeitgeberattraktivität'),
      focus('integration-von-gefluechteten', 'Integration von Geflüchteten'),
    ],
    projectGroups: [],
    statedMemberCount: null,
    parent: null,
    membershipFee: null,
    fictitious: false,
  },
];

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

const events: Event[] = [
  {
    id: 'suedwest-jahresvollversammlung-2016',
    title: 'Jahresvollversammlung der Fachkräfteallianz Südwest',
    summary: 'Die 26 institutionellen Partner blicken im Landratsamt Lörrach auf ein erfolgreiches Jahr zurück.',
    description:
      'Jahresvollversammlung der Fachkräfteallianz Südwest mit Rückblick auf die Arbeit der drei ' +
      'Projektgruppen und Ausblick auf 2017 mit den Schwerpunkten IT, Pflege und Erziehung/Schule. Die ' +
      'Pressemitteilung dazu berichtet auch von der Neuausrichtung des Förderrahmens der regionalen ' +
      'Fachkräfteallianzen durch das Ministerium für Wirtschaft, Arbeit und Wohnungsbau. Die Uhrzeit nennt ' +
      'die Quelle nicht.',
    start: '2016-11-30',
    end: null,
    allDay: true,
    venue: {
      name: 'Landratsamt Lörrach',
      address: { streetAddress: null, postalCode: null, locality: 'Lörrach', countryCode: 'DE' },
      position: { ...TOWNS.loerrach.position },
    },
    onlineUrl: null,
    status: 'scheduled',
    categories: ['vollversammlung'],
    alliances: [SUEDWEST],
    organisers: [],
    registrationUrl: null,
    recurrence: null,
    fictitious: false,
  },
  {
    id: 'suedwest-tandem-berufsorientierung-2016',
    title: 'Tandem Berufsorientierung',
    summary: 'Veranstaltung zur Berufsorientierung, an der sich die Fachkräfteallianz Südwest beteiligte.',
    description:
      'In Kooperation mit dem Regierungspräsidium Freiburg, dem Staatlichen Schulamt Lörrach und der Agentur ' +
      'für Arbeit Lörrach. Tag und Ort nennt die Quelle nicht, nur den Monat Juli 2016.',
    start: '2016-07',
    end: null,
    allDay: true,
    venue: null,
    onlineUrl: null,
    status: 'scheduled',
    categories: ['berufsorientierung'],
    alliances: [SUEDWEST],
    organisers: [rpFreiburg.id, saLoerrach.id, aaLoerrach.id],
    registrationUrl: null,
    recurrence: null,
    fictitious: false,
  },
  {
    id: 'kooperationsvereinbarung-bw-heilbronn-franken-2012',
    title: 'Kooperationsvereinbarung Allianz für Fachkräfte Baden-Württemberg und Fachkräftebündnis Heilbronn-Franken',
    summary: 'Die erste Kooperationsvereinbarung einer regionalen Fachkräfteallianz mit der Landesallianz.',
    description:
      'Staatssekretär Ingo Rust für die Allianz für Fachkräfte Baden-Württemberg und das Fachkräftebündnis ' +
      'Heilbronn-Franken verabschieden eine Kooperationsvereinbarung: jährliches Spitzengespräch, gegenseitige ' +
      'Unterstützung und Information, ein ständiger Vertreter des Ministeriums bei den Fachkräftekonferenzen ' +
      'des Bündnisses. Ort und Uhrzeit nennt die Quelle nicht.',
    start: '2012-09-24',
    end: null,
    allDay: true,
    venue: null,
    onlineUrl: null,
    status: 'scheduled',
    categories: ['unterzeichnung'],
    alliances: [BW, HEILBRONN_FRANKEN],
    organisers: [],
    registrationUrl: null,
    recurrence: null,
    fictitious: false,
  },
  {
    id: 'waldshut-netzwerk-online-informationsveranstaltung-2024',
    title: 'Online-Informationsveranstaltung zum neuen Fachkräftenetzwerk im Landkreis Waldshut',
    summary: 'Am Ende der Veranstaltung sagten elf Arbeitgeber zu, dem Netzwerk beizutreten.',
    description: 'Online-Informationsveranstaltung der Wirtschaftsregion Südwest GmbH „Anfang März“ 2024; Tag und Uhrzeit nennt die Quelle nicht.',
    start: '2024-03',
    end: null,
    allDay: true,
    venue: null,
    onlineUrl: null,
    status: 'scheduled',
    categories: ['informationsveranstaltung'],
    alliances: [WALDSHUT],
    organisers: [wsw.id],
    registrationUrl: null,
    recurrence: null,
    fictitious: false,
  },
  {
    id: 'waldshut-netzwerk-auftaktveranstaltung-2024',
    title: 'Auftaktveranstaltung des Netzwerks zur Gewinnung und Bindung von Fachkräften im Landkreis Waldshut',
    summary: '26 Unternehmen, Institutionen und Kommunen gründen auf Initiative der WSW ein neues Netzwerk.',
    description:
      'Motto: „Mit Mut fangen die schönsten Geschichten an“. Arbeitsphasen und persönlicher Austausch; die ' +
      'Ergebnisse des Tages wurden festgehalten und die nächsten Schritte geplant, darunter eine Arbeitsgruppe ' +
      'zum Thema Marke. Berichtet am 30. April 2024; den Tag der Veranstaltung und den Ort nennt die Quelle nicht.',
    start: '2024-04',
    end: null,
    allDay: true,
    venue: null,
    onlineUrl: null,
    status: 'scheduled',
    categories: ['netzwerktreffen'],
    alliances: [WALDSHUT],
    organisers: [wsw.id],
    registrationUrl: null,
    recurrence: null,
    fictitious: false,
  },
];

/**
 * The demo data set taken from the five source texts: six alliances, their named organisations,
 * memberships, people and the five events the texts date. Nothing in it is invented; facts the
 * sources leave open are `null`.
 *
 * Treat it as read-only: it is one shared object. {@link loadDataSet} hands out copies.
 *
 * @example
 * ```ts
 * import { seedDataSet } from './seed/index.js';
 * seedDataSet.alliances.map((a) => a.name); // ['Allianz für Fachkräfte Baden-Württemberg', …]
 * ```
 */
export const seedDataSet: DataSet = {
  name: 'seed',
  alliances,
  organisations,
  memberships,
  events,
};
