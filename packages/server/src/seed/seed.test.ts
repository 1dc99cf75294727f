import { Alliance, Event, formatIssues, Membership, Organisation, type Person } from '@fachkraefte/schema';
import { describe, expect, it } from 'vitest';
import { addDays, berlinDateTime, berlinOffset, berlinWallClock, isoDate } from './berlin-time.js';
import {
  type DataSet, dataSetNames, isDataSetName, loadDataSet, mergeDataSets, seedDataSet, upcomingDataSet,
  volumeDataSet,
} from './index.js';

// --- helpers ----------------------------------------------------------------------------------

/** Parses `value` with `schema`; returns readable problems, including fields the schema drops. */
function problems(schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } }, value: unknown, label: string): string[] {
  const result = schema.safeParse(value);
  if (!result.success) {
    return formatIssues(result.error!.issues as never, label).map((i) => `${i.parameter}: ${i.message}`);
  }
  // zod objects strip unknown keys: a record that changes on parsing carries a field the API lacks.
  try {
    expect(result.data).toStrictEqual(value);
  } catch {
    return [`${label}: has fields the schema does not know`];
  }
  return [];
}

/** Every schema problem of every record of a data set, as `alliances[2].founded: …` lines. */
function schemaProblems(data: DataSet): string[] {
  const counts = new Map<string, number>();
  for (const m of data.memberships) counts.set(m.alliance, (counts.get(m.alliance) ?? 0) + 1);
  return [
    ...data.alliances.flatMap((a, i) => problems(Alliance, { ...a, memberCount: counts.get(a.slug) ?? 0 }, `alliances[${i}]`)),
    ...data.organisations.flatMap((o, i) => problems(Organisation, o, `organisations[${i}]`)),
    ...data.memberships.flatMap((m, i) => problems(Membership, m, `memberships[${i}]`)),
    ...data.events.flatMap((e, i) => problems(Event, e, `events[${i}]`)),
  ];
}

function people(a: DataSet['alliances'][number]): Person[] {
  return [...a.patrons, ...a.contacts, ...a.representatives, ...(a.coordinator?.people ?? [])];
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/** Dangling references and duplicate ids of a data set that is meant to stand alone. */
function integrityProblems(data: DataSet): string[] {
  const out: string[] = [];
  const alliances = new Set(data.alliances.map((a) => a.slug));
  const orgs = new Set(data.organisations.map((o) => o.id));
  for (const d of duplicates(data.alliances.map((a) => a.slug))) out.push(`duplicate alliance ${d}`);
  for (const d of duplicates(data.organisations.map((o) => o.id))) out.push(`duplicate organisation ${d}`);
  for (const d of duplicates(data.events.map((e) => e.id))) out.push(`duplicate event ${d}`);
  for (const d of duplicates(data.memberships.map((m) => `${m.alliance}/${m.organisation}`))) out.push(`duplicate membership ${d}`);
  for (const m of data.memberships) {
    if (!alliances.has(m.alliance)) out.push(`membership → unknown alliance ${m.alliance}`);
    if (!orgs.has(m.organisation)) out.push(`membership → unknown organisation ${m.organisation}`);
  }
  for (const e of data.events) {
    if (e.alliances.length === 0) out.push(`event ${e.id} has no alliance`);
    for (const a of e.alliances) if (!alliances.has(a)) out.push(`event ${e.id} → unknown alliance ${a}`);
    for (const o of e.organisers) if (!orgs.has(o)) out.push(`event ${e.id} → unknown organisation ${o}`);
  }
  for (const a of data.alliances) {
    if (a.parent !== null && !alliances.has(a.parent)) out.push(`alliance ${a.slug} → unknown parent ${a.parent}`);
    if (a.coordinator?.organisation && !orgs.has(a.coordinator.organisation)) {
      out.push(`alliance ${a.slug} coordinator → unknown organisation ${a.coordinator.organisation}`);
    }
    for (const p of people(a)) {
      if (p.organisation !== null && !orgs.has(p.organisation)) out.push(`${p.name} → unknown organisation ${p.organisation}`);
    }
  }
  return out;
}

const GERMANY = { minLat: 47.27, maxLat: 55.06, minLon: 5.87, maxLon: 15.04 };
const inGermany = (p: { lat: number; lon: number }) =>
  p.lat >= GERMANY.minLat && p.lat <= GERMANY.maxLat && p.lon >= GERMANY.minLon && p.lon <= GERMANY.maxLon;

/** The offset Berlin clocks show at an instant, as ICU knows it: `+01:00` / `+02:00`. */
const intlOffsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' });
function intlOffset(ms: number): string {
  const name = intlOffsetFormat.formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
  return name.replace('GMT', '');
}
const intlWallFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
/** `YYYY-MM-DD HH:MM` on a Berlin clock, as ICU knows it. */
const intlWall = (ms: number) => intlWallFormat.format(ms);

const seedOf = (slug: string) => seedDataSet.alliances.find((a) => a.slug === slug)!;
const membersOf = (data: DataSet, slug: string) => data.memberships.filter((m) => m.alliance === slug);
const orgName = (id: string) => seedDataSet.organisations.find((o) => o.id === id)?.name;

// --- seed ----------------------------------------------------------------------------------------

describe('seed data set', () => {
  it('parses with the API schemas, record by record', () => {
    expect(schemaProblems(seedDataSet)).toEqual([]);
  });

  it('refers only to alliances and organisations it holds, with unique ids', () => {
    expect(integrityProblems(seedDataSet)).toEqual([]);
  });

  it('holds the six alliances of the sources, with their exact names', () => {
    expect(Object.fromEntries(seedDataSet.alliances.map((a) => [a.slug, a.name]))).toEqual({
      'allianz-fuer-fachkraefte-bw': 'Allianz für Fachkräfte Baden-Württemberg',
      'fachkraefteallianz-suedwest': 'Fachkräfteallianz Südwest',
      'fachkraeftebuendnis-heilbronn-franken': 'Fachkräftebündnis Heilbronn-Franken',
      'fachkraefteallianz-landkreis-ludwigsburg': 'Fachkräfteallianz Landkreis Ludwigsburg',
      'netzwerk-fachkraefte-landkreis-waldshut': 'Netzwerk Fachkräfte Landkreis Waldshut',
      'fachkraeftebuendnis-leine-weser': 'Regionales Fachkräftebündnis Leine-Weser',
    });
  });

  it('is not marked fictitious anywhere', () => {
    const flags = [
      ...seedDataSet.alliances.map((a) => a.fictitious),
      ...seedDataSet.organisations.map((o) => o.fictitious),
      ...seedDataSet.events.map((e) => e.fictitious),
    ];
    expect(flags.filter(Boolean)).toEqual([]);
  });

  it('names the 26 members of the Fachkräfteallianz Südwest that seed 000 lists', () => {
    const members = membersOf(seedDataSet, 'fachkraefteallianz-suedwest').map((m) => orgName(m.organisation));
    expect(members).toHaveLength(26);
    expect(members).toEqual(expect.arrayContaining([
      'Landkreis Lörrach', 'Landkreis Waldshut', 'Agentur für Arbeit Lörrach', 'Dehoga Geschäftsstelle Freiburg',
      'DGB-Bezirk Baden-Württemberg (Südbaden)', 'Duale Hochschule Lörrach', 'Gatex Bad Säckingen',
      'Handwerkskammer Freiburg', 'Handwerkskammer Konstanz', 'IG Metall Lörrach', 'IHK Hochrhein-Bodensee',
      'Jobcenter Landkreis Lörrach', 'Jobcenter Landkreis Waldshut', 'Berufliche Schulen Lörrach',
      'Berufliche Schulen Waldshut', 'Kreishandwerkerschaft Lörrach', 'Kreishandwerkerschaft Waldshut',
      'Staatliches Schulamt Lörrach', 'Stadt Lörrach', 'Stadt Rheinfelden (Baden)', 'Stadt Waldshut-Tiengen',
      'Stadt Weil am Rhein', 'Südwestmetall', 'Südwesttextil', 'Wirtschaftsregion Südwest GmbH',
      'Arbeitskreis SchuleWirtschaft Lörrach',
    ]));
    const suedwest = seedOf('fachkraefteallianz-suedwest');
    expect(suedwest.statedMemberCount).toBe(26);
    expect(suedwest.founded).toBe('2013-04');
    expect(suedwest.parent).toBe('allianz-fuer-fachkraefte-bw');
    expect(seedDataSet.organisations.find((o) => o.id === 'agentur-fuer-arbeit-loerrach')!.aliases)
      .toContain('Bundesagentur für Arbeit Lörrach');
  });

  it('keeps the Südwest people, project groups and 2017 focus as the sources give them', () => {
    const suedwest = seedOf('fachkraefteallianz-suedwest');
    expect(suedwest.patrons.map((p) => [p.name, p.role, p.organisation])).toEqual([
      ['Marion Dammann', 'Landrätin', 'landkreis-loerrach'],
      ['Dr. Martin Kistler', 'Landrat', 'landkreis-waldshut'],
    ]);
    expect(suedwest.coordinator!.people.map((p) => [p.name, p.role, p.from, p.to])).toEqual([
      ['Gudrun Gempp', 'Projektmanagerin', '2016-03', null],
      ['Carolina Bahamondes Pavez', 'Projektmanagerin', null, '2016-03'],
    ]);
    expect(suedwest.projectGroups.map((g) => g.name)).toEqual([
      'Integration von Flüchtlingen in den Arbeitsmarkt', 'Gewinnung von Fachkräften von außerhalb', 'Berufsorientierung',
    ]);
    expect(suedwest.focusAreas.map((f) => f.name)).toEqual(expect.arrayContaining(['IT', 'Pflege', 'Erziehung/Schule']));
  });

  it('dates the Südwest events as the sources do, leaving the time of day open', () => {
    const assembly = seedDataSet.events.find((e) => e.id === 'suedwest-jahresvollversammlung-2016')!;
    expect([assembly.start, assembly.allDay, assembly.venue?.name, assembly.venue?.position])
      .toEqual(['2016-11-30', true, 'Landratsamt Lörrach', { lat: 47.6156, lon: 7.6614 }]);
    const tandem = seedDataSet.events.find((e) => e.id === 'suedwest-tandem-berufsorientierung-2016')!;
    expect([tandem.start, tandem.allDay, tandem.organisers]).toEqual([
      '2016-07', true, ['regierungspraesidium-freiburg', 'staatliches-schulamt-loerrach', 'agentur-fuer-arbeit-loerrach'],
    ]);
  });

  it('has the IHK Heilbronn-Franken as the one lead of its Fachkräftebündnis, and the 2012 agreement', () => {
    const hf = membersOf(seedDataSet, 'fachkraeftebuendnis-heilbronn-franken');
    expect(hf.filter((m) => m.role === 'lead').map((m) => m.organisation)).toEqual(['ihk-heilbronn-franken']);
    expect(hf.map((m) => orgName(m.organisation)).sort()).toEqual([
      'Agentur für Arbeit Heilbronn', 'Agentur für Arbeit Schwäbisch Hall', 'Arbeitgeberverband Heilbronn-Franken e.V.',
      'DGB Nordwürttemberg', 'Handwerkskammer Heilbronn-Franken', 'IHK Heilbronn-Franken',
      'Wirtschaftsregion Heilbronn-Franken GmbH',
    ]);
    const agreement = seedDataSet.events.find((e) => e.categories.includes('unterzeichnung'))!;
    expect([agreement.start, agreement.allDay, agreement.alliances]).toEqual([
      '2012-09-24', true, ['allianz-fuer-fachkraefte-bw', 'fachkraeftebuendnis-heilbronn-franken'],
    ]);
  });

  it('has the state alliance represented by Staatssekretär Ingo Rust of a Landesbehörde', () => {
    const bw = seedOf('allianz-fuer-fachkraefte-bw');
    expect([bw.kind, bw.state]).toEqual(['state', 'DE-BW']);
    const rust = people(bw).find((p) => p.name === 'Ingo Rust')!;
    expect(rust.role).toBe('Staatssekretär');
    const ministry = seedDataSet.organisations.find((o) => o.id === rust.organisation)!;
    expect([ministry.name, ministry.type]).toEqual(['Ministerium für Finanzen und Wirtschaft Baden-Württemberg', 'landesbehoerde']);
  });

  it('has exactly eleven founding members in Ludwigsburg and no invented signing date', () => {
    const lb = membersOf(seedDataSet, 'fachkraefteallianz-landkreis-ludwigsburg');
    expect(lb).toHaveLength(11);
    expect(lb.every((m) => m.role === 'founding')).toBe(true);
    const alliance = seedOf('fachkraefteallianz-landkreis-ludwigsburg');
    expect([alliance.kind, alliance.founded, alliance.focusAreas.length]).toEqual(['district', null, 4]);
    expect(seedDataSet.events.filter((e) => e.alliances.includes(alliance.slug))).toEqual([]);
  });

  it('has the Wirtschaftsregion Südwest as one organisation in two alliances', () => {
    expect(seedDataSet.organisations.filter((o) => o.name.startsWith('Wirtschaftsregion Südwest'))).toHaveLength(1);
    expect(seedDataSet.memberships.filter((m) => m.organisation === 'wirtschaftsregion-suedwest').map((m) => m.alliance))
      .toEqual(['fachkraefteallianz-suedwest', 'netzwerk-fachkraefte-landkreis-waldshut']);
  });

  it('keeps the Waldshut network fee-based with 26 unnamed partners and its two 2024 events', () => {
    const net = seedOf('netzwerk-fachkraefte-landkreis-waldshut');
    expect([net.kind, net.statedMemberCount, net.membershipFee, net.projectGroups.map((g) => g.name)])
      .toEqual(['network', 26, true, ['Arbeitsgruppe Marke']]);
    expect(net.representatives.map((p) => p.name)).toEqual(['Alexander Maas', 'Andrea Flum', 'Kai Müller']);
    expect(seedDataSet.events.filter((e) => e.alliances.includes(net.slug)).map((e) => [e.start, e.allDay]).sort())
      .toEqual([['2024-03', true], ['2024-04', true]]);
  });

  it('has the Leine-Weser contact exactly as seed 004 prints it', () => {
    const lw = seedOf('fachkraeftebuendnis-leine-weser');
    expect([lw.state, lw.founded, lw.areas]).toEqual(['DE-NI', '2015-08', [
      'Landkreis Nienburg', 'Landkreis Schaumburg', 'Landkreis Hameln-Pyrmont', 'Landkreis Holzminden',
      'Landkreis Hildesheim', 'Region Hannover',
    ]]);
    const rohde = lw.contacts.find((p) => p.name === 'Edmund Rohde')!;
    expect([rohde.phone, rohde.email, rohde.organisation]).toEqual([
      '05121-9129833', 'edmund.rohde@arl-lw.niedersachsen.de', 'amt-fuer-regionale-landesentwicklung-leine-weser',
    ]);
    expect(lw.coordinator!.organisation).toBe('amt-fuer-regionale-landesentwicklung-leine-weser');
  });

  it('lists as contacts only whom a source names as a contact; quoted people are representatives', () => {
    const contacts = seedDataSet.alliances.flatMap((a) => a.contacts.map((p) => `${a.slug}: ${p.name}`));
    expect(contacts).toEqual(['fachkraeftebuendnis-leine-weser: Edmund Rohde']);
    expect(seedOf('fachkraeftebuendnis-heilbronn-franken').representatives).toHaveLength(7);
  });

  it('publishes no contact detail and no website that the sources do not print', () => {
    const withDetails = seedDataSet.alliances.flatMap(people).filter((p) => p.email !== null || p.phone !== null);
    expect(withDetails.map((p) => p.name)).toEqual(['Edmund Rohde']);
    const websites = [...seedDataSet.alliances.map((a) => a.website), ...seedDataSet.organisations.map((o) => o.website)];
    expect(websites.filter((w) => w !== null)).toEqual([]);
  });

  it('places every organisation in a German town', () => {
    const misplaced = seedDataSet.organisations.filter((o) => !o.position || !inGermany(o.position) || !o.address?.locality);
    expect(misplaced.map((o) => o.id)).toEqual([]);
  });
});

// --- Berlin time ------------------------------------------------------------------------------

describe('Europe/Berlin offsets', () => {
  it('match ICU for every day of 2024–2028 and for every quarter hour around each switch', () => {
    const mismatches: string[] = [];
    for (let day = { year: 2024, month: 1, day: 1 }; day.year < 2029; day = addDays(day, 1)) {
      for (const hour of [0, 1, 3, 12, 23]) {
        const text = berlinDateTime(day, hour, 30);
        const ms = Date.parse(text);
        if (intlOffset(ms) !== text.slice(-6) || intlWall(ms) !== `${isoDate(day)} ${String(hour).padStart(2, '0')}:30`) {
          mismatches.push(text);
        }
      }
    }
    for (const switchAt of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
      for (let ms = Date.parse(switchAt) - 3 * 3_600_000; ms < Date.parse(switchAt) + 3 * 3_600_000; ms += 900_000) {
        const w = berlinWallClock(new Date(ms));
        const shown = `${isoDate(w)} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
        if (shown !== intlWall(ms)) mismatches.push(`${new Date(ms).toISOString()} → ${shown}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses the wall-clock hours that do not exist or happen twice', () => {
    expect(() => berlinOffset({ year: 2026, month: 3, day: 29 }, 2, 30)).toThrow(/does not exist/);
    expect(() => berlinOffset({ year: 2026, month: 10, day: 25 }, 2, 30)).toThrow(/ambiguous/);
    expect(berlinOffset({ year: 2026, month: 3, day: 29 }, 3)).toBe('+02:00');
    expect(berlinOffset({ year: 2026, month: 10, day: 25 }, 3)).toBe('+01:00');
  });
});

// --- upcoming ------------------------------------------------------------------------------------

describe('upcoming data set', () => {
  // Winter, the days before both DST switches, New Year's Eve late at night, a 31st, summer, a
  // late summer evening (after every time of day the set uses), and a day whose "+12 days" is a 29th.
  const moments = [
    '2026-01-15T09:00:00Z', '2026-03-20T12:00:00Z', '2026-10-20T22:30:00Z', '2026-12-31T23:30:00Z',
    '2027-01-31T10:00:00Z', '2027-07-01T00:00:00Z', '2026-06-10T19:30:00Z', '2026-05-17T08:00:00Z',
  ].map((s) => new Date(s));

  it.each(moments)('parses, refers to seed data only and dates its events after %s, or earlier that month', (now) => {
    const upcoming = upcomingDataSet(now);
    const merged = mergeDataSets('check', seedDataSet, upcoming);
    expect(schemaProblems(merged)).toEqual([]);
    expect(integrityProblems(merged)).toEqual([]);
    const today = isoDate(berlinWallClock(now));
    const horizon = now.getTime() + 130 * 86_400_000;
    const day = (e: { start: string }) => e.start.slice(0, 10);
    const past = upcoming.events.filter((e) => day(e) < today);
    const early = upcoming.events.filter((e) => day(e) >= today && (e.allDay ? e.start <= today : Date.parse(e.start) <= now.getTime()));
    const late = upcoming.events.filter((e) => Date.parse(e.allDay ? `${e.start}T00:00:00Z` : e.start) > horizon);
    expect(early.map((e) => e.id)).toEqual([]);
    expect(late.map((e) => e.id)).toEqual([]);
    // The past ones fill this month's days before today, every three to four days, and only those.
    expect(past.every((e) => day(e).slice(0, 7) === today.slice(0, 7))).toBe(true);
    const dayOfMonth = Number(today.slice(8, 10));
    expect(past.length).toBe([2, 5, 8, 11, 15, 19, 23, 27].filter((n) => n < dayOfMonth).length);
    expect(past.every((e) => e.status === 'scheduled' && e.alliances.length === 1 && !e.recurrence)).toBe(true);
    expect(upcoming.events.length - past.length).toBe(21);
  });

  it('fills the days of the month before today: at the end of a month the calendar is not empty', () => {
    const { events } = upcomingDataSet(new Date('2026-11-29T10:00:00Z'));
    const november = events.filter((e) => e.start.startsWith('2026-11-')).map((e) => e.start.slice(0, 10));
    expect(november).toEqual(['2026-11-27', '2026-11-24', '2026-11-21', '2026-11-18', '2026-11-14', '2026-11-10', '2026-11-06', '2026-11-02']);
    // On the 1st there is no earlier day in the month.
    expect(upcomingDataSet(new Date('2026-12-01T10:00:00Z')).events.filter((e) => e.start < '2026-12-01')).toEqual([]);
  });

  it.each(moments)('gives every timed event the offset Berlin clocks show then (now %s)', (now) => {
    const wrong = upcomingDataSet(now).events
      .filter((e) => !e.allDay)
      .flatMap((e) => [e.start, e.end!, ...(e.recurrence?.exdates ?? [])])
      .filter((t) => intlOffset(Date.parse(t)) !== t.slice(-6) || intlWall(Date.parse(t)) !== t.slice(0, 16).replace('T', ' '));
    expect(wrong).toEqual([]);
    // A monthly series on the 29th–31st would silently skip short months.
    const monthly = upcomingDataSet(now).events.filter((e) => e.recurrence?.rrule.includes('FREQ=MONTHLY'));
    expect(monthly.length).toBeGreaterThan(0);
    expect(monthly.filter((e) => Number(e.start.slice(8, 10)) > 28).map((e) => e.start)).toEqual([]);
  });

  it('is entirely fictitious and visibly marked', () => {
    const { events, alliances, organisations, memberships } = upcomingDataSet(moments[0]!);
    expect([alliances, organisations, memberships]).toEqual([[], [], []]);
    expect(events.length).toBeGreaterThanOrEqual(15);
    expect(events.length).toBeLessThanOrEqual(29);
    const unmarked = events.filter((e) => !e.fictitious || !e.id.startsWith('beispiel-') || !e.title.startsWith('Beispiel:'));
    expect(unmarked.map((e) => e.id)).toEqual([]);
  });

  it('covers the cases a calendar must show', () => {
    const { events } = upcomingDataSet(moments[1]!);
    const statuses = new Set(events.map((e) => e.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'postponed', 'rescheduled', 'scheduled']);
    expect(events.some((e) => e.allDay && e.end === e.start)).toBe(true);
    expect(events.some((e) => e.allDay && e.end !== null && e.end > e.start)).toBe(true);
    expect(events.some((e) => !e.allDay && e.end!.slice(0, 10) > e.start.slice(0, 10))).toBe(true);
    const online = events.filter((e) => e.venue === null);
    expect(online.length).toBeGreaterThan(0);
    expect(online.every((e) => e.onlineUrl?.startsWith('https://www.example.org/'))).toBe(true);
    const monthly = events.find((e) => e.recurrence?.rrule === 'FREQ=MONTHLY;COUNT=4')!;
    // The excluded date is the series' second occurrence: same day of month and time, next month.
    const [exdate] = monthly.recurrence!.exdates;
    expect(exdate!.slice(8, 16)).toBe(monthly.start.slice(8, 16));
    expect(Number(exdate!.slice(5, 7))).toBe((Number(monthly.start.slice(5, 7)) % 12) + 1);
  });

  it('gives what its doc comment promises', () => {
    const { events } = upcomingDataSet(new Date('2026-03-20T12:00:00Z'));
    expect([events.length, events[0]!.start, events[6]!.start]).toEqual([27, '2026-03-18T08:00:00+01:00', '2026-03-22T18:00:00+01:00']);
  });

  it('is deterministic for a given now and moves with it', () => {
    expect(upcomingDataSet(moments[2]!)).toEqual(upcomingDataSet(new Date(moments[2]!.getTime())));
    const later = upcomingDataSet(new Date(moments[2]!.getTime() + 7 * 86_400_000));
    expect(later.events[0]!.start).not.toBe(upcomingDataSet(moments[2]!).events[0]!.start);
  });

  it('rejects an invalid now', () => {
    expect(() => upcomingDataSet(new Date('no date'))).toThrow(RangeError);
  });
});

// --- volume --------------------------------------------------------------------------------------

describe('volume data set', () => {
  // How fast it builds is a benchmark's question (pnpm bench), not a test's: a busy machine failed it.
  const volume = volumeDataSet();

  it('has the default size', () => {
    expect([volume.name, volume.alliances.length, volume.organisations.length, volume.events.length])
      .toEqual(['volume', 50, 5000, 10_000]);
  });

  it('parses with the API schemas, record by record', () => {
    expect(schemaProblems(volume).slice(0, 10)).toEqual([]);
  });

  it('refers only to its own records, alone and next to the seed and upcoming data', () => {
    expect(integrityProblems(volume)).toEqual([]);
    const all = mergeDataSets('all', seedDataSet, upcomingDataSet(new Date('2026-05-01T10:00:00Z')), volume);
    expect(integrityProblems(all)).toEqual([]);
  });

  it('puts each organisation in one to three alliances, and gives each alliance one lead', () => {
    const perOrg = new Map<string, number>();
    for (const m of volume.memberships) perOrg.set(m.organisation, (perOrg.get(m.organisation) ?? 0) + 1);
    const counts = volume.organisations.map((o) => perOrg.get(o.id) ?? 0);
    expect(counts.filter((c) => c < 1 || c > 3)).toEqual([]);
    expect(new Set(counts)).toEqual(new Set([1, 2, 3]));
    const leads = volume.alliances.map((a) => membersOf(volume, a.slug).filter((m) => m.role === 'lead').length);
    expect(leads.filter((n) => n !== 1)).toEqual([]);
  });

  it('is fictitious, marked and placed in Germany', () => {
    expect(volume.alliances.filter((a) => !a.fictitious || !a.slug.startsWith('vol-') || !a.name.includes('Beispiel'))).toEqual([]);
    expect(volume.organisations.filter((o) => !o.fictitious || !o.id.startsWith('vol-') || !o.name.includes('Beispiel'))).toEqual([]);
    expect(volume.events.filter((e) => !e.fictitious || !e.id.startsWith('vol-') || !e.title.startsWith('Beispiel:'))).toEqual([]);
    const outside = [...volume.organisations.map((o) => o.position!), ...volume.events.flatMap((e) => (e.venue ? [e.venue.position!] : []))]
      .filter((p) => !inGermany(p));
    expect(outside).toEqual([]);
  });

  it('spreads events over two years from start, with every kind of event among them', () => {
    const first = '2026-01-01';
    const last = isoDate(addDays({ year: 2026, month: 1, day: 1 }, 729));
    const days = volume.events.map((e) => e.start.slice(0, 10));
    expect(days.filter((d) => d < first || d > last)).toEqual([]);
    const count = (f: (e: DataSet['events'][number]) => boolean) => volume.events.filter(f).length;
    expect(count((e) => e.recurrence !== null)).toBeGreaterThan(100);
    expect(count((e) => e.status === 'cancelled')).toBeGreaterThan(100);
    expect(count((e) => e.status === 'postponed')).toBeGreaterThan(10);
    expect(count((e) => e.allDay)).toBeGreaterThan(1000);
    expect(count((e) => e.allDay && e.end !== null && e.end > e.start)).toBeGreaterThan(100);
    expect(count((e) => e.venue === null && e.onlineUrl !== null)).toBeGreaterThan(100);
    expect(count((e) => e.start.endsWith('+02:00'))).toBeGreaterThan(1000);
    expect(count((e) => e.start.endsWith('+01:00'))).toBeGreaterThan(1000);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const options = { alliances: 5, organisations: 200, events: 300 };
    expect(volumeDataSet({ ...options, seed: 42 })).toEqual(volumeDataSet({ ...options, seed: 42 }));
    expect(volumeDataSet({ ...options, seed: 42 })).not.toEqual(volumeDataSet({ ...options, seed: 43 }));
    expect(volumeDataSet()).toEqual(volume);
  });

  it('honours small sizes and another start', () => {
    const small = volumeDataSet({ alliances: 2, organisations: 30, events: 40, seed: 3, start: new Date('2030-06-15T12:00:00Z') });
    expect([small.alliances.length, small.organisations.length, small.events.length]).toEqual([2, 30, 40]);
    expect(small.events.filter((e) => e.start.slice(0, 10) < '2030-06-15')).toEqual([]);
    expect(integrityProblems(small)).toEqual([]);
    expect(schemaProblems(small)).toEqual([]);
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => volumeDataSet({ alliances: 0 })).toThrow(/"alliances" must be an integer/);
    expect(() => volumeDataSet({ events: 1.5 })).toThrow(/"events" must be an integer/);
    expect(() => volumeDataSet({ organisations: -1 })).toThrow(/"organisations"/);
    expect(() => volumeDataSet({ seed: Number.NaN })).toThrow(/"seed"/);
    expect(() => volumeDataSet({ start: new Date('x') })).toThrow(/"start"/);
  });
});

// --- loadDataSet ----------------------------------------------------------------------------------

describe('loadDataSet', () => {
  it('loads every named data set complete in itself', () => {
    expect([...dataSetNames]).toEqual(['seed', 'upcoming', 'volume']);
    for (const name of dataSetNames) {
      const data = loadDataSet(name, new Date('2026-11-21T10:00:00Z'));
      expect(data.name).toBe(name);
      expect(integrityProblems(data)).toEqual([]);
    }
  });

  it('adds the upcoming events to the seed data', () => {
    const data = loadDataSet('upcoming', new Date('2026-11-21T10:00:00Z'));
    expect(data.alliances).toEqual(seedDataSet.alliances);
    expect(data.events.filter((e) => e.fictitious)).toEqual(upcomingDataSet(new Date('2026-11-21T10:00:00Z')).events);
  });

  it('hands out copies, so the shared seed data cannot be changed through it', () => {
    const data = loadDataSet('seed');
    data.alliances[0]!.name = 'geändert';
    data.memberships.length = 0;
    expect(seedDataSet.alliances[0]!.name).toBe('Allianz für Fachkräfte Baden-Württemberg');
    expect(seedDataSet.memberships.length).toBeGreaterThan(0);
  });

  it('names the valid data sets when given an unknown one', () => {
    expect(isDataSetName('volume')).toBe(true);
    expect(isDataSetName('demo')).toBe(false);
    expect(() => loadDataSet('demo' as never)).toThrow('unknown data set "demo": expected one of seed, upcoming, volume');
  });
});
