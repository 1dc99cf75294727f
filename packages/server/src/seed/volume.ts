/**
 * A large, generated, clearly fictitious data set for tests and benchmarks: by default 50
 * alliances, 5 000 organisations and 10 000 events over two years. Everything derives from a
 * seeded PRNG, so the same options always give the same data; ids start with `vol-` and cannot
 * collide with the seed (no prefix) or the upcoming set (`beispiel-`).
 */
import {
  type Alliance, type AllianceKind, type Bundesland, EVENT_CATEGORIES, EVENT_CATEGORY_LABELS, type Event,
  type EventCategory, type EventStatus, type FocusAreaRef, type Membership, type Organisation,
  type OrganisationType,
} from '@fachkraefte/schema';
import { addDays, berlinDateTime, berlinWallClock, type CalendarDay, isoDate } from './berlin-time.js';
import type { DataSet } from './types.js';

/** Options of {@link volumeDataSet}. */
export interface VolumeOptions {
  /** Number of alliances. @default 50 */
  alliances?: number;
  /** Number of organisations; each is a member of one to three alliances. @default 5000 */
  organisations?: number;
  /** Number of events. @default 10000 */
  events?: number;
  /** Seed of the pseudo-random generator; the same seed gives the same data. @default 1 */
  seed?: number;
  /** First day of the two years the events spread over (its date in Berlin). @default 2026-01-01 */
  start?: Date;
}

/** Small, fast, seedable PRNG (mulberry32): floats in [0, 1). Not for anything secret. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Towns well inside Germany (border towns left out so the jitter cannot cross a border). */
const TOWNS: readonly { name: string; state: Bundesland; lat: number; lon: number }[] = [
  { name: 'Berlin', state: 'DE-BE', lat: 52.52, lon: 13.405 },
  { name: 'Hamburg', state: 'DE-HH', lat: 53.5511, lon: 9.9937 },
  { name: 'München', state: 'DE-BY', lat: 48.1372, lon: 11.5756 },
  { name: 'Köln', state: 'DE-NW', lat: 50.9375, lon: 6.9603 },
  { name: 'Frankfurt am Main', state: 'DE-HE', lat: 50.1109, lon: 8.6821 },
  { name: 'Stuttgart', state: 'DE-BW', lat: 48.7758, lon: 9.1829 },
  { name: 'Düsseldorf', state: 'DE-NW', lat: 51.2277, lon: 6.7735 },
  { name: 'Leipzig', state: 'DE-SN', lat: 51.3397, lon: 12.3731 },
  { name: 'Dortmund', state: 'DE-NW', lat: 51.5136, lon: 7.4653 },
  { name: 'Bremen', state: 'DE-HB', lat: 53.0793, lon: 8.8017 },
  { name: 'Dresden', state: 'DE-SN', lat: 51.0504, lon: 13.7373 },
  { name: 'Hannover', state: 'DE-NI', lat: 52.3759, lon: 9.732 },
  { name: 'Nürnberg', state: 'DE-BY', lat: 49.4521, lon: 11.0767 },
  { name: 'Bielefeld', state: 'DE-NW', lat: 52.0302, lon: 8.5325 },
  { name: 'Bonn', state: 'DE-NW', lat: 50.7374, lon: 7.0982 },
  { name: 'Münster', state: 'DE-NW', lat: 51.9607, lon: 7.6261 },
  { name: 'Mannheim', state: 'DE-BW', lat: 49.4875, lon: 8.466 },
  { name: 'Karlsruhe', state: 'DE-BW', lat: 49.0069, lon: 8.4037 },
  { name: 'Augsburg', state: 'DE-BY', lat: 48.3705, lon: 10.8978 },
  { name: 'Wiesbaden', state: 'DE-HE', lat: 50.0782, lon: 8.2398 },
  { name: 'Mainz', state: 'DE-RP', lat: 49.9929, lon: 8.2473 },
  { name: 'Kiel', state: 'DE-SH', lat: 54.3233, lon: 10.1228 },
  { name: 'Lübeck', state: 'DE-SH', lat: 53.8655, lon: 10.6866 },
  { name: 'Magdeburg', state: 'DE-ST', lat: 52.1205, lon: 11.6276 },
  { name: 'Halle (Saale)', state: 'DE-ST', lat: 51.4825, lon: 11.9697 },
  { name: 'Erfurt', state: 'DE-TH', lat: 50.9848, lon: 11.0299 },
  { name: 'Jena', state: 'DE-TH', lat: 50.9271, lon: 11.5892 },
  { name: 'Rostock', state: 'DE-MV', lat: 54.0924, lon: 12.0991 },
  { name: 'Schwerin', state: 'DE-MV', lat: 53.6355, lon: 11.4012 },
  { name: 'Potsdam', state: 'DE-BB', lat: 52.3906, lon: 13.0645 },
  { name: 'Cottbus', state: 'DE-BB', lat: 51.7563, lon: 14.3329 },
  { name: 'Saarbrücken', state: 'DE-SL', lat: 49.2402, lon: 6.9969 },
  { name: 'Kassel', state: 'DE-HE', lat: 51.3127, lon: 9.4797 },
  { name: 'Ulm', state: 'DE-BW', lat: 48.4011, lon: 9.9876 },
  { name: 'Regensburg', state: 'DE-BY', lat: 49.0134, lon: 12.1016 },
  { name: 'Würzburg', state: 'DE-BY', lat: 49.7913, lon: 9.9534 },
  { name: 'Osnabrück', state: 'DE-NI', lat: 52.2799, lon: 8.0472 },
  { name: 'Oldenburg', state: 'DE-NI', lat: 53.1435, lon: 8.2146 },
  { name: 'Göttingen', state: 'DE-NI', lat: 51.5413, lon: 9.9158 },
  { name: 'Chemnitz', state: 'DE-SN', lat: 50.8278, lon: 12.9214 },
  { name: 'Koblenz', state: 'DE-RP', lat: 50.3569, lon: 7.589 },
  { name: 'Gießen', state: 'DE-HE', lat: 50.5841, lon: 8.6784 },
  { name: 'Paderborn', state: 'DE-NW', lat: 51.7189, lon: 8.7575 },
  { name: 'Heilbronn', state: 'DE-BW', lat: 49.1427, lon: 9.2109 },
];

const SURNAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
];
const TRADES = [
  'Maschinenbau', 'Elektrotechnik', 'Pflegedienst', 'Logistik', 'Bau', 'Software', 'Holzbau', 'Metallbau',
  'Gebäudetechnik', 'Druckerei', 'Kunststofftechnik', 'Landtechnik', 'Steuerberatung', 'Hotel', 'Bäckerei',
];
const LEGAL_FORMS = ['GmbH', 'GmbH & Co. KG', 'KG', 'AG', 'e. K.'];

/** Organisation types other than companies, with a name pattern for each. */
const PUBLIC_TYPES: readonly [OrganisationType, (town: string) => string][] = [
  // Many towns here are kreisfrei or city-states, so the district is a made-up neighbour.
  ['landkreis', (t) => `Landkreis Beispielland bei ${t}`],
  ['gemeinde', (t) => `Stadt ${t}`],
  ['arbeitsagentur', (t) => `Agentur für Arbeit ${t}`],
  ['jobcenter', (t) => `Jobcenter ${t}`],
  ['ihk', (t) => `IHK ${t}`],
  ['handwerkskammer', (t) => `Handwerkskammer ${t}`],
  ['kreishandwerkerschaft', (t) => `Kreishandwerkerschaft ${t}`],
  ['gewerkschaft', (t) => `DGB-Kreisverband ${t}`],
  ['verband', (t) => `Arbeitgeberverband ${t} e. V.`],
  ['wirtschaftsfoerderung', (t) => `Wirtschaftsförderung ${t} GmbH`],
  ['berufsschule', (t) => `Berufliches Schulzentrum ${t}`],
  ['schulamt', (t) => `Staatliches Schulamt ${t}`],
  ['hochschule', (t) => `Hochschule ${t}`],
  ['bildungsregion', (t) => `Bildungsregion ${t}`],
  ['schulewirtschaft', (t) => `Arbeitskreis SchuleWirtschaft ${t}`],
  ['landesbehoerde', (t) => `Regionalbüro des Landes in ${t}`],
  ['sonstige', (t) => `Bildungswerk ${t} e. V.`],
];

const FOCUS_AREAS: readonly FocusAreaRef[] = [
  { slug: 'uebergang-von-der-schule-in-den-beruf', name: 'Übergang von der Schule in den Beruf' },
  { slug: 'vereinbarkeit-von-familie-und-beruf', name: 'Vereinbarkeit von Familie und Beruf' },
  { slug: 'integration-von-gefluechteten', name: 'Integration von Geflüchteten' },
  { slug: 'it', name: 'IT' },
  { slug: 'pflege', name: 'Pflege' },
  { slug: 'weiterbildung', name: 'Weiterbildung' },
  { slug: 'arbeitgeberattraktivitaet', name: 'Arbeitgeberattraktivität' },
  { slug: 'fachkraefte-aus-dem-ausland', name: 'Fachkräfte aus dem Ausland' },
];

const KINDS: readonly AllianceKind[] = ['regional', 'regional', 'district', 'district', 'network'];

const EVENT_TITLES: Record<EventCategory, string> = {
  vollversammlung: 'Vollversammlung',
  berufsorientierung: 'Tag der Berufsorientierung',
  informationsveranstaltung: 'Informationsveranstaltung',
  netzwerktreffen: 'Netzwerktreffen',
  konferenz: 'Fachkräftekonferenz',
  unterzeichnung: 'Unterzeichnung einer Vereinbarung',
  workshop: 'Workshop',
  messe: 'Ausbildungsmesse',
  sonstige: 'Aktionstag',
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min || value > 1_000_000) {
    throw new RangeError(`volumeDataSet: "${name}" must be an integer from ${min} to 1000000, got ${String(value)}`);
  }
  return value;
}

/**
 * Generates a fictitious data set of any size, for tests, benchmarks and load demos. Each
 * organisation is a member of one to three alliances (each alliance with one `lead`), events
 * spread over two years from `start` with timed, all-day, multi-day, online, recurring,
 * cancelled, postponed and rescheduled ones among them. All names carry "Beispiel", all records
 * `fictitious: true`; positions lie within a few kilometres of real German town centres.
 *
 * Deterministic: the same options give deep-equal data. The default size builds in well under a
 * second (no Math.random, no validation inside the loop).
 *
 * @throws RangeError when a count is not an integer in range (alliances ≥ 1), the seed is not a
 *   finite number, or `start` is not a valid Date.
 * @example
 * ```ts
 * const small = volumeDataSet({ alliances: 3, organisations: 20, events: 40, seed: 7 });
 * small.events.length; // 40
 * ```
 */
export function volumeDataSet(options: VolumeOptions = {}): DataSet {
  const allianceCount = checkCount('alliances', options.alliances ?? 50, 1);
  const organisationCount = checkCount('organisations', options.organisations ?? 5000, 0);
  const eventCount = checkCount('events', options.events ?? 10_000, 0);
  const seed = options.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`volumeDataSet: "seed" must be a finite number, got ${String(seed)}`);
  }
  const startDate = options.start ?? new Date('2026-01-01T00:00:00+01:00');
  if (!(startDate instanceof Date) || Number.isNaN(startDate.getTime())) {
    throw new RangeError(`volumeDataSet: "start" must be a valid Date, got ${String(startDate)}`);
  }
  const wall = berlinWallClock(startDate);
  const firstDay: CalendarDay = { year: wall.year, month: wall.month, day: wall.day };

  const rand = mulberry32(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => rand() < p;
  // Within about ±2 km of a town centre: enough to spread markers, too little to leave Germany.
  const jitter = (v: number) => Math.round((v + (rand() - 0.5) * 0.04) * 1e5) / 1e5;

  // Alliances ---------------------------------------------------------------------------------
  const allianceWidth = Math.max(3, String(allianceCount).length);
  const alliances: Omit<Alliance, 'memberCount'>[] = [];
  const allianceTowns: (typeof TOWNS)[number][] = [];
  for (let i = 1; i <= allianceCount; i++) {
    const town = TOWNS[(i - 1) % TOWNS.length]!;
    allianceTowns.push(town);
    const slug = `vol-allianz-${pad(i, allianceWidth)}`;
    const kind = pick(KINDS);
    const label = kind === 'network' ? 'Beispiel-Fachkräftenetzwerk' : kind === 'district' ? 'Beispiel-Fachkräfteallianz' : 'Beispiel-Fachkräftebündnis Region';
    const foundedYear = 2010 + int(15);
    const precision = int(3);
    const focusCount = 1 + int(3);
    const focusStart = int(FOCUS_AREAS.length);
    alliances.push({
      slug,
      name: `${label} ${town.name} ${i}`,
      kind,
      state: town.state,
      areas: [kind === 'district' ? `Landkreis Beispielland bei ${town.name}` : `Region ${town.name}`],
      founded: precision === 0 ? String(foundedYear) : precision === 1 ? `${foundedYear}-${pad(1 + int(12), 2)}` : `${foundedYear}-${pad(1 + int(12), 2)}-${pad(1 + int(28), 2)}`,
      description: `Fiktives Beispiel für Tests und Lastmessungen (Nr. ${i}); diese Allianz gibt es nicht.`,
      website: null,
      coordinator: null,
      patrons: [],
      contacts: [{
        name: 'Geschäftsstelle (Beispiel)',
        role: 'Koordination',
        organisation: null,
        organisationName: null,
        from: null,
        to: null,
        email: `${slug}@example.org`,
        phone: null,
      }],
      representatives: [],
      focusAreas: Array.from({ length: focusCount }, (_, k) => FOCUS_AREAS[(focusStart + k) % FOCUS_AREAS.length]!),
      projectGroups: chance(0.5) ? [{ name: 'Beispiel-Projektgruppe Berufsorientierung', description: null }] : [],
      statedMemberCount: chance(0.3) ? null : 0, // replaced below once the members are known
      parent: null,
      membershipFee: kind === 'network' ? true : chance(0.5) ? false : null,
      fictitious: true,
    });
  }

  // Organisations and memberships -----------------------------------------------------------
  const orgWidth = Math.max(5, String(organisationCount).length);
  const organisations: Organisation[] = [];
  const memberships: Membership[] = [];
  const membersOf: string[][] = alliances.map(() => []);
  const maxPerOrg = Math.min(3, allianceCount);
  for (let i = 1; i <= organisationCount; i++) {
    const home = int(allianceCount);
    const town = allianceTowns[home]!;
    const id = `vol-org-${pad(i, orgWidth)}`;
    let name: string;
    let type: OrganisationType;
    if (chance(0.7)) {
      type = 'unternehmen';
      name = `${pick(SURNAMES)} ${pick(TRADES)} ${pick(LEGAL_FORMS)} (Beispiel ${i})`;
    } else {
      const [t, pattern] = pick(PUBLIC_TYPES);
      type = t;
      name = `${pattern(town.name)} (Beispiel ${i})`;
    }
    organisations.push({
      id,
      name,
      aliases: [],
      type,
      address: { streetAddress: null, postalCode: null, locality: town.name, countryCode: 'DE' },
      position: { lat: jitter(town.lat), lon: jitter(town.lon) },
      website: null,
      fictitious: true,
    });
    // The home alliance first, then up to two others, all different.
    const count = 1 + int(maxPerOrg);
    const chosen = [home];
    while (chosen.length < count) {
      const a = int(allianceCount);
      if (!chosen.includes(a)) chosen.push(a);
    }
    for (const a of chosen) {
      const alliance = alliances[a]!;
      const founding = chance(0.2);
      // The first member of an alliance leads it, so every alliance with members has a lead.
      const role = membersOf[a]!.length === 0 ? 'lead' : founding ? 'founding' : 'member';
      membersOf[a]!.push(id);
      memberships.push({
        alliance: alliance.slug,
        organisation: id,
        role,
        since: role === 'member' ? String(Number(alliance.founded!.slice(0, 4)) + int(3)) : alliance.founded,
      });
    }
  }
  alliances.forEach((a, k) => {
    if (a.statedMemberCount !== null) a.statedMemberCount = membersOf[k]!.length + int(5);
  });

  // Events ----------------------------------------------------------------------------------
  const eventWidth = Math.max(5, String(eventCount).length);
  const events: Event[] = [];
  for (let i = 1; i <= eventCount; i++) {
    const id = `vol-event-${pad(i, eventWidth)}`;
    const a = int(allianceCount);
    const town = allianceTowns[a]!;
    const eventAlliances = [alliances[a]!.slug];
    if (allianceCount > 1 && chance(0.1)) {
      const b = (a + 1 + int(allianceCount - 1)) % allianceCount;
      eventAlliances.push(alliances[b]!.slug);
    }
    const members = membersOf[a]!;
    const organisers: string[] = [];
    if (members.length > 0) {
      const n = int(3);
      for (let k = 0; k < n; k++) {
        const o = pick(members);
        if (!organisers.includes(o)) organisers.push(o);
      }
    }
    const category = pick(EVENT_CATEGORIES);
    const categories: EventCategory[] = [category];
    if (chance(0.15)) {
      const other = pick(EVENT_CATEGORIES);
      if (other !== category) categories.push(other);
    }
    const day = addDays(firstDay, int(730));
    const allDay = chance(0.25);
    let start: string;
    let end: string | null;
    if (allDay) {
      start = isoDate(day);
      const length = chance(0.2) ? 2 + int(3) : 1;
      end = isoDate(addDays(day, length - 1));
    } else {
      // 07:00–20:45, never the hour of a DST switch (02:00–03:00).
      const hour = 7 + int(14);
      const minute = pick([0, 0, 15, 30, 45]);
      start = berlinDateTime(day, hour, minute);
      const multiDay = chance(0.03);
      if (multiDay) end = berlinDateTime(addDays(day, 1), 16, 0);
      else if (chance(0.1)) end = null;
      else {
        const endMinutes = Math.min(hour * 60 + minute + 60 + 30 * int(6), 23 * 60 + 30);
        end = berlinDateTime(day, Math.floor(endMinutes / 60), endMinutes % 60);
      }
    }
    const online = chance(0.12);
    const r = rand();
    const status: EventStatus = r < 0.04 ? 'cancelled' : r < 0.05 ? 'postponed' : r < 0.06 ? 'rescheduled' : 'scheduled';
    let recurrence: Event['recurrence'] = null;
    if (chance(0.05)) {
      // Monthly and yearly rules only on days every month has, so no occurrence silently drops.
      const rules = day.day <= 28
        ? ['FREQ=WEEKLY;COUNT=6', 'FREQ=MONTHLY;COUNT=4', 'FREQ=MONTHLY;INTERVAL=3;COUNT=4', 'FREQ=YEARLY;COUNT=2']
        : ['FREQ=WEEKLY;COUNT=6', 'FREQ=WEEKLY;INTERVAL=2;COUNT=5', 'FREQ=DAILY;COUNT=3'];
      recurrence = { rrule: pick(rules), exdates: [] };
    }
    events.push({
      id,
      title: `Beispiel: ${EVENT_TITLES[category]} ${town.name}`,
      summary: `Fiktiver Termin Nr. ${i} (${EVENT_CATEGORY_LABELS[category]}).`,
      description: null,
      start,
      end,
      allDay,
      venue: online
        ? null
        : {
          name: `Beispiel-Tagungszentrum ${town.name}`,
          address: { streetAddress: null, postalCode: null, locality: town.name, countryCode: 'DE' },
          position: { lat: jitter(town.lat), lon: jitter(town.lon) },
        },
      onlineUrl: online ? `https://www.example.org/beispiel/${id}` : null,
      status,
      categories,
      alliances: eventAlliances,
      organisers,
      registrationUrl: chance(0.3) ? `https://www.example.org/anmeldung/${id}` : null,
      recurrence,
      fictitious: true,
    });
  }

  return { name: 'volume', alliances, organisations, memberships, events };
}
