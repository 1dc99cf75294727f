/**
 * Import of an alliance's existing iCalendar feed (RFC 5545) into event inputs, for the CLI.
 * Node only (node:crypto). Parsing is left to ical.js; everything it hands back is checked and
 * mapped here, and every failure inside one VEVENT becomes a "skipped" entry rather than an abort.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import ICAL from 'ical.js';
import {
  DateTime, EventInput, EventStatus, formatIssues, HttpUrl, parsePartialDate, partialDateRange, Recurrence, Slug,
  type Event, type EventCategory,
} from '@fachkraefte/schema';
import { parseRule } from '@fachkraefte/schema/rrule';
import {
  categoryFromName, decomposeDescription, decomposeLocation, isImprecise, X,
} from './ics-shared.js';
import {
  addDays, BERLIN, formatOffset, isKnownTimeZone, isoDate, toIsoInZone, wallAsUtcMs,
  wallTimeAt, wallTimeToInstant, type WallTime,
} from './zoned-time.js';

/**
 * An imported event: every field of `EventInput` set (nothing left to defaults), so it can be
 * compared, stored or sent to `POST /v1/events` as is.
 */
export type EventInputLike = Omit<Event, 'fictitious'>;

/** Where in the feed a VEVENT stands, so that a person can find it in the file. */
export interface ICalendarPosition {
  /** 1-based count of the VEVENT in the file ("VEVENT #3"), over all its VCALENDARs. */
  vevent: number;
  /** 1-based line of its `BEGIN:VEVENT`, or null if it could not be told. */
  line: number | null;
}

/** One VEVENT that was not imported, and why. */
export interface SkippedICalendarItem extends ICalendarPosition {
  /** The event id its UID gives (see {@link eventIdForUid}), or null when it has no UID. */
  id: string | null;
  /** The VEVENT's UID (at most 200 characters, control characters removed), or null when it has none. */
  uid: string | null;
  /** Its SUMMARY as it would be imported, or null when it has none or it could not be read. */
  title: string | null;
  reason: string;
}

/** Where an imported event came from: `sources[i]` belongs to `events[i]`. */
export interface ICalendarSource extends ICalendarPosition {
  /** The VEVENT's UID (at most 200 characters, control characters removed). */
  uid: string;
}

/** Options of {@link parseICalendarFeed}. */
export interface ParseICalendarOptions {
  /** Slug of the alliance the events belong to. */
  alliance: string;
  /**
   * At most this many events are imported; the rest are reported as skipped.
   * @default 5000
   */
  maxEvents?: number;
}

/** The result of {@link parseICalendarFeed}. */
export interface ICalendarImport {
  events: EventInputLike[];
  /** One per event, in the same order: its UID and where it stands in the feed. */
  sources: ICalendarSource[];
  skipped: SkippedICalendarItem[];
}

/** Thrown when the text as a whole is not a usable iCalendar feed. */
export class ICalendarParseError extends Error {
  override name = 'ICalendarParseError';
}

/** Larger feeds are refused before parsing: ical.js keeps the whole tree in memory. */
const MAX_CHARS = 20_000_000;
const DEFAULT_MAX_EVENTS = 5000;
const LIMITS = { title: 300, summary: 1000, description: 20000, venueName: 200, street: 200, locality: 120 } as const;

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

/** A reason to skip one VEVENT; caught per event and reported. */
class Skip extends Error {}

/** A printable excerpt of untrusted text for an error message. */
function excerpt(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex -- keeps control characters out of messages
  const clean = text.slice(0, max * 2).replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim();
  return clean.length > max ? `${[...clean].slice(0, max).join('')}…` : clean;
}

/** Cuts to at most `max` characters (code points, so no surrogate pair is split) and trims. */
function cut(text: string, max: number): string {
  const chars = [...text];
  return (chars.length > max ? chars.slice(0, max).join('') : text).trim();
}

/** Cleans imported text: line ends unified, control characters dropped, trimmed, cut; null if empty. */
function cleanText(value: unknown, max: number, singleLine = false): string | null {
  if (typeof value !== 'string') return null;
  let s = value.replace(/\r\n|[\r\u0085\u2028\u2029]/g, '\n').replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '');
  if (singleLine) s = s.replace(/\s+/g, ' ');
  const out = cut(s.trim(), max);
  return out === '' ? null : out;
}

/** Undoes RFC 5545 TEXT escaping; needed for X- properties, which ical.js leaves raw. */
function unescapeText(raw: string): string {
  return raw.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** An http(s) URL that the schema accepts, or null. */
function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  return HttpUrl.safeParse(v).success ? v : null;
}

/** The raw text of an X-FK property (ical.js types unknown X- properties as raw strings). */
function xText(vevent: Component, name: string): string | null {
  const v = vevent.getFirstPropertyValue(name.toLowerCase());
  return typeof v === 'string' ? unescapeText(v) : null;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The event id for a UID: `ics-` and the first 16 hex digits of its SHA-256, so that importing the
 * same feed again yields the same ids (and updates instead of duplicates).
 */
export function eventIdForUid(uid: string): string {
  return `ics-${sha256Hex(uid).slice(0, 16)}`;
}

/** The part of CLDR's `supplemental/windowsZones.json` read here. */
interface CldrWindowsZones {
  supplemental: { windowsZones: { mapTimezones: { mapZone: { _other: string; _type: string; _territory: string } }[] } };
}

/**
 * Windows zone id → IANA zone, from CLDR's windowsZones (territory "001", the zone CLDR names for
 * the Windows zone as a whole), keyed in lower case. Outlook writes `TZID=W. Europe Standard Time`
 * and often leaves the VTIMEZONE out; CLDR's table is the one ICU ships.
 */
const WINDOWS_ZONES: ReadonlyMap<string, string> = new Map(
  // CLDR's own JSON (Unicode). Read with require: the build (esbuild) drops a JSON import's
  // `with { type: 'json' }` from packages it leaves external, and Node then refuses the import.
  (createRequire(import.meta.url)('cldr-core/supplemental/windowsZones.json') as CldrWindowsZones)
    .supplemental.windowsZones.mapTimezones
    .filter(({ mapZone }) => mapZone._territory === '001')
    .map(({ mapZone }) => [mapZone._other.toLowerCase(), mapZone._type] as const),
);

/** A TZID as some apps write it (quoted, padded) in the form it is looked up in. */
function normaliseTzid(tzid: string): string {
  return tzid.trim().replace(/^"(.*)"$/, '$1').trim().replace(/\s+/g, ' ');
}

/** The IANA zone for a Windows zone id, if CLDR maps it and this runtime knows the zone. */
export function ianaForWindowsZone(tzid: string): string | null {
  const iana = WINDOWS_ZONES.get(normaliseTzid(tzid).toLowerCase());
  return iana && isKnownTimeZone(iana) ? iana : null;
}

/**
 * Resolves TZIDs: IANA names through Intl (RFC 5545 rules for gaps and overlaps), others through
 * the feed's VTIMEZONE, and Windows zone ids without one through CLDR's mapping to IANA.
 */
class Zones {
  private readonly defined = new Map<string, Timezone>();

  constructor(root: Component) {
    for (const vtz of root.getAllSubcomponents('vtimezone')) {
      const tzid = vtz.getFirstPropertyValue('tzid');
      if (typeof tzid !== 'string') continue;
      try {
        this.defined.set(tzid, new ICAL.Timezone(vtz));
      } catch {
        // A broken VTIMEZONE only matters if an event uses it; that event is then skipped.
      }
    }
  }

  /** The instant and the zone to write it in (IANA name, or a fixed offset in minutes). */
  resolve(time: Time, tzid: string | null): { ms: number; zone: string | number } {
    const wall: WallTime = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
    if (time.zone === ICAL.Timezone.utcTimezone) return { ms: wallAsUtcMs(wall), zone: BERLIN };
    if (!tzid) return { ms: wallTimeToInstant(wall, BERLIN), zone: BERLIN }; // floating: the domain's zone
    if (isKnownTimeZone(tzid)) return { ms: wallTimeToInstant(wall, tzid), zone: tzid };
    // The feed's own VTIMEZONE first: it says what the writer meant, the mapping only guesses.
    const vtz = this.defined.get(tzid) ?? this.defined.get(normaliseTzid(tzid));
    if (!vtz) {
      const iana = ianaForWindowsZone(tzid);
      if (iana) return { ms: wallTimeToInstant(wall, iana), zone: iana };
      // Display names ("(UTC+01:00) Amsterdam, Berlin, …") are localised and not in CLDR.
      const what = /^\(UTC\s*([+\-\u2212]\d{1,2}:\d{2})?\)/i.test(normaliseTzid(tzid))
        ? 'a Windows display name, which CLDR does not map; no VTIMEZONE for it'
        : 'neither IANA nor a Windows zone id, and no VTIMEZONE for it';
      throw new Skip(`unknown time zone "${excerpt(tzid)}" (${what})`);
    }
    const offsetSeconds = vtz.utcOffset(time);
    if (!Number.isFinite(offsetSeconds)) throw new Skip(`time zone "${excerpt(tzid)}" could not be read`);
    return { ms: wallAsUtcMs(wall) - offsetSeconds * 1000, zone: Math.round(offsetSeconds / 60) };
  }

  iso(time: Time, tzid: string | null): { ms: number; iso: string } {
    const { ms, zone } = this.resolve(time, tzid);
    if (typeof zone === 'string') return { ms, iso: toIsoInZone(ms, zone) };
    const w = wallTimeAt(ms + zone * 60_000, 'UTC');
    const p = (n: number) => String(n).padStart(2, '0');
    return { ms, iso: `${isoDate(w)}T${p(w.hour)}:${p(w.minute)}:${p(w.second)}${formatOffset(zone)}` };
  }
}

/**
 * Checks the value as written: ical.js silently rolls impossible dates over (`2026-13-45` becomes
 * a day in 2027), which would import a wrong date without a word.
 */
function checkTimeText(raw: unknown, what: string): void {
  const m = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z?)?$/.exec(raw) : null;
  if (!m) throw new Skip(`${what} is not a valid date or date-time`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) {
    throw new Skip(`${what} "${excerpt(raw as string)}" is not a real date or time`);
  }
}

/** All values of a date/date-time property, each checked. */
function timesOf(prop: Property, what: string): Time[] {
  const raw = prop.toJSON().slice(3);
  return prop.getValues().map((v, i) => {
    if (!(v instanceof ICAL.Time)) throw new Skip(`${what} is not a date or date-time`);
    checkTimeText(raw[i], what);
    return v;
  });
}

function timeOf(prop: Property | null, what: string): Time | null {
  if (!prop) return null;
  const [first] = timesOf(prop, what);
  if (!first) throw new Skip(`${what} has no value`);
  return first;
}

function tzidOf(prop: Property): string | null {
  const p = prop.getParameter('tzid');
  return typeof p === 'string' ? p : null;
}

/**
 * Outlook may write a Windows display name unquoted, `TZID=(UTC+01:00) Amsterdam, …:20261203T180000`:
 * its colon ends the parameter, the value cannot be read, and the reader's own error would say
 * nothing useful. Say what it is instead.
 */
function checkDisplayNameTzid(vevent: Component): void {
  for (const name of ['dtstart', 'dtend', 'exdate']) {
    for (const prop of vevent.getAllProperties(name)) {
      const tzid = tzidOf(prop);
      if (tzid !== null && /^\(UTC[^)]*$/i.test(tzid.trim())) {
        throw new Skip(`${name.toUpperCase()} has a Windows display name as TZID ("${excerpt(tzid)}…", not quoted), which CLDR does not map`);
      }
    }
  }
}

/** The title a VEVENT would get, for the report of a skipped one; null if it has none or it cannot be read. */
function titleOf(vevent: Component): string | null {
  try {
    return cleanText(vevent.getFirstPropertyValue('summary'), LIMITS.title, true);
  } catch {
    return null;
  }
}

/** Maps one VEVENT. Throws {@link Skip} with the reason when it cannot be imported. */
function mapEvent(vevent: Component, uid: string, zones: Zones, alliance: string): EventInputLike {
  const own = xText(vevent, X.status) !== null; // written by our exporter: X-FK-* can be trusted to restore fields

  const title = cleanText(vevent.getFirstPropertyValue('summary'), LIMITS.title, true);
  if (!title) throw new Skip('no SUMMARY (title)');

  const startProp = vevent.getFirstProperty('dtstart');
  checkDisplayNameTzid(vevent);
  const startTime = timeOf(startProp, 'DTSTART');
  if (!startProp || !startTime) throw new Skip('no DTSTART');
  const endProp = vevent.getFirstProperty('dtend');
  const endTime = timeOf(endProp, 'DTEND');
  const durationValue = vevent.getFirstPropertyValue('duration');
  const duration = durationValue instanceof ICAL.Duration ? durationValue : null;

  const allDay = startTime.isDate;
  let start: string;
  let end: string | null = null;
  if (allDay) {
    start = isoDate(startTime);
    let exclusiveEnd: string | null = null;
    if (endTime && endTime.isDate) exclusiveEnd = isoDate(endTime);
    else if (!endTime && duration) exclusiveEnd = addDays(start, Math.max(1, Math.round(duration.toSeconds() / 86_400)));
    const last = exclusiveEnd ? addDays(exclusiveEnd, -1) : start;
    if (last < start) throw new Skip('DTEND is before DTSTART');
    end = last === start ? null : last;
    if (own) {
      // Restore dates known only to the month or year, if DTSTART/DTEND still span them.
      const xs = xText(vevent, X.start);
      const xe = xText(vevent, X.end);
      if (xs && isImprecise(xs) && partialDateRange(xs).first === start) {
        const lastDay = end ?? start;
        if (xe && isImprecise(xe) && partialDateRange(xe).last === lastDay) { start = xs; end = xe; }
        else if (!xe && partialDateRange(xs).last === lastDay) { start = xs; end = null; }
        else start = xs;
      }
    }
  } else {
    const s = zones.iso(startTime, tzidOf(startProp));
    start = s.iso;
    if (endTime && endProp) {
      if (endTime.isDate) throw new Skip('DTEND is a date but DTSTART a date-time');
      const e = zones.iso(endTime, tzidOf(endProp));
      if (e.ms < s.ms) throw new Skip('DTEND is before DTSTART');
      end = e.iso;
    } else if (duration) {
      const seconds = duration.toSeconds();
      if (seconds < 0) throw new Skip('DURATION is negative');
      end = toIsoInZone(s.ms + seconds * 1000, BERLIN);
    }
  }

  const statusX = xText(vevent, X.status);
  const statusRaw = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
  // TENTATIVE from another app means "planned, not confirmed", not "postponed": map it to scheduled.
  const status: Event['status'] = statusX && EventStatus.safeParse(statusX).success
    ? (statusX as Event['status'])
    : statusRaw === 'CANCELLED' ? 'cancelled' : 'scheduled';

  // Our own former start of a rescheduled event, if it still has the form of the (new) start.
  const xPrevious = own && status === 'rescheduled' ? xText(vevent, X.previousStart) : null;
  const previousStart = xPrevious && xPrevious !== start
    && (allDay ? parsePartialDate(xPrevious) !== null : DateTime.safeParse(xPrevious).success) ? xPrevious : null;

  let onlineUrl: string | null = null;
  let registrationUrl: string | null = null;
  if (own) {
    onlineUrl = httpUrl(xText(vevent, X.onlineUrl));
    registrationUrl = httpUrl(xText(vevent, X.registrationUrl));
  } else {
    registrationUrl = httpUrl(vevent.getFirstPropertyValue('url'));
  }

  // Venue: LOCATION text and GEO position.
  let venue: Event['venue'] = null;
  const location = cleanText(vevent.getFirstPropertyValue('location'), 2000, true);
  const geo = vevent.getFirstPropertyValue('geo');
  const position = Array.isArray(geo) && geo.length === 2
    && typeof geo[0] === 'number' && typeof geo[1] === 'number'
    && Number.isFinite(geo[0]) && Number.isFinite(geo[1]) && Math.abs(geo[0]) <= 90 && Math.abs(geo[1]) <= 180
    ? { lat: geo[0], lon: geo[1] } : null;
  if (location) {
    const venueName = own ? cleanText(xText(vevent, X.venueName), LIMITS.venueName, true) : null;
    const address = venueName ? decomposeLocation(location, venueName) : undefined;
    if (venueName && address !== undefined) {
      const a = address && {
        ...address,
        streetAddress: address.streetAddress === null ? null : cleanText(address.streetAddress, LIMITS.street, true),
        locality: cut(address.locality, LIMITS.locality),
      };
      venue = { name: venueName, address: a && a.locality ? a : null, position };
    } else if (!own && httpUrl(location) && !onlineUrl) {
      onlineUrl = httpUrl(location); // "LOCATION:https://…" is how many apps write an online meeting
    } else {
      venue = { name: cut(location, LIMITS.venueName), address: null, position };
    }
  }

  const summary = own ? cleanText(xText(vevent, X.summary), LIMITS.summary) : null;
  const fictitious = own && xText(vevent, X.fictitious)?.toUpperCase() === 'TRUE';
  const rawDescription = vevent.getFirstPropertyValue('description');
  let description: string | null = null;
  if (typeof rawDescription === 'string') {
    const plain = own
      ? decomposeDescription(rawDescription, { summary, status, allDay, start, end, onlineUrl, registrationUrl, fictitious, previousStart })
      : undefined;
    description = plain === undefined ? cleanText(rawDescription, LIMITS.description) : cleanText(plain, LIMITS.description);
  }

  const categories: EventCategory[] = [];
  for (const prop of vevent.getAllProperties('categories')) {
    for (const value of prop.getValues()) {
      const code = typeof value === 'string' ? categoryFromName(value) : null;
      if (code && !categories.includes(code) && categories.length < 10) categories.push(code);
    }
  }

  const recurrence = mapRecurrence(vevent, zones, allDay);

  const event: EventInputLike = {
    id: eventIdForUid(uid), title, summary, description, start, end, previousStart, allDay, venue,
    onlineUrl, status, categories, alliances: [alliance], organisers: [], registrationUrl, recurrence,
  };
  // The last word belongs to the schema: what it rejects is skipped with its own message.
  const check = EventInput.safeParse(event);
  if (!check.success) {
    throw new Skip(formatIssues(check.error.issues).map((i) => `${i.parameter}: ${i.message}`).join('; '));
  }
  return event;
}

/** RRULE and EXDATE as a {@link Recurrence}; RDATE and several RRULEs are not supported. */
function mapRecurrence(vevent: Component, zones: Zones, allDay: boolean): Event['recurrence'] {
  const rrules = vevent.getAllProperties('rrule');
  if (rrules.length === 0) return null;
  if (rrules.length > 1) throw new Skip('several RRULEs in one event are not supported');
  if (vevent.hasProperty('rdate')) throw new Skip('RDATE is not supported');
  // The written form keeps the source's order of parts; ical.js' Recur#toString reorders and drops some.
  const rrule = rrules[0]!.toICALString().replace(/\r?\n[ \t]/g, '').replace(/^[^:]*:/, '');
  const exdates: string[] = [];
  for (const prop of vevent.getAllProperties('exdate')) {
    for (const value of timesOf(prop, 'EXDATE')) {
      if (value.isDate) exdates.push(isoDate(value));
      else {
        const { ms, iso } = zones.iso(value, tzidOf(prop));
        exdates.push(allDay ? isoDate(wallTimeAt(ms, BERLIN)) : iso);
      }
    }
  }
  const parsed = Recurrence.safeParse({ rrule, exdates });
  if (!parsed.success) {
    throw new Skip(`unsupported recurrence: ${formatIssues(parsed.error.issues).map((i) => `${i.parameter}: ${i.message}`).join('; ')}`);
  }
  try {
    parseRule(rrule);
  } catch (error) {
    throw new Skip(`unsupported recurrence: ${(error as Error).message}`);
  }
  return { rrule, exdates };
}

/**
 * The line of each VEVENT's `BEGIN:VEVENT` that stands directly in a VCALENDAR, in file order: the
 * same VEVENTs, in the same order, that are read from the parsed tree. Lines are physical lines of
 * the file (folded continuation lines start with a blank, so they never match).
 */
function veventLines(text: string): number[] {
  const lines: number[] = [];
  const open: string[] = [];
  const re = /^(BEGIN|END):([A-Za-z0-9-]+)[ \t]*$/gim;
  let lineNo = 1;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf('\n', from); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) lineNo++;
    from = m.index;
    const name = m[2]!.toUpperCase();
    if (m[1]!.toUpperCase() === 'END') {
      open.pop();
      continue;
    }
    if (name === 'VEVENT' && open.length === 1 && open[0] === 'VCALENDAR') lines.push(lineNo);
    open.push(name);
  }
  return lines;
}

/** Parses the whole text; every failure here is about the file, not one event. */
function parseRoot(text: string): Component[] {
  const body = text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  if (!/^BEGIN:VCALENDAR\r?\n/i.test(body)) {
    throw new ICalendarParseError(
      `Not an iCalendar feed: it must start with "BEGIN:VCALENDAR", but starts with "${excerpt(body)}".`,
    );
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /began but did not end/.test(message) ? ' The file looks truncated: a BEGIN has no matching END.' : '';
    throw new ICalendarParseError(`Invalid iCalendar data: ${excerpt(message, 120)}.${hint}`, { cause: error });
  }
  // One VCALENDAR gives a jCal array; several give an array of them.
  const list = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal : [jcal];
  const roots = list.map((j) => new ICAL.Component(j as unknown[]));
  if (!/\r?\nEND:VCALENDAR\s*$/i.test(body)) {
    throw new ICalendarParseError('Invalid iCalendar data: the file does not end with "END:VCALENDAR"; it looks truncated.');
  }
  for (const root of roots) {
    if (root.name !== 'vcalendar') throw new ICalendarParseError(`Invalid iCalendar data: expected VCALENDAR, found ${excerpt(root.name.toUpperCase())}.`);
  }
  return roots;
}

/**
 * Reads an iCalendar feed and maps its VEVENTs to event inputs for `options.alliance`. Ids are
 * derived from the UIDs (`ics-<16 hex of sha256(uid)>`), so a re-import gives the same ids.
 * Timed events keep the offset of their zone; all-day events get inclusive dates. VEVENTs that
 * cannot be imported are listed in `skipped` with the reason. Throws an {@link ICalendarParseError}
 * with a readable message when the text is not iCalendar, is truncated or is too large.
 *
 * @example
 * ```ts
 * const { events, skipped } = parseICalendarFeed(await readFile('feed.ics', 'utf8'), { alliance: 'fachkraefteallianz-suedwest' });
 * for (const s of skipped) console.warn(`skipped ${s.uid ?? '(no UID)'}: ${s.reason}`);
 * ```
 */
export function parseICalendarFeed(text: string, options: ParseICalendarOptions): ICalendarImport {
  if (typeof text !== 'string') throw new TypeError('parseICalendarFeed: text must be a string');
  if (!Slug.safeParse(options.alliance).success) {
    throw new TypeError(`parseICalendarFeed: alliance must be a slug, got "${excerpt(String(options.alliance))}"`);
  }
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!Number.isInteger(maxEvents) || maxEvents < 0) throw new TypeError('parseICalendarFeed: maxEvents must be a non-negative integer');
  if (text.length > MAX_CHARS) {
    throw new ICalendarParseError(`The iCalendar feed is too large (${text.length} characters; at most ${MAX_CHARS} are accepted).`);
  }

  const events: EventInputLike[] = [];
  const sources: ICalendarSource[] = [];
  const skipped: SkippedICalendarItem[] = [];
  const seen = new Set<string>();
  const roots = parseRoot(text);
  const lines = veventLines(text);
  let count = 0;
  for (const root of roots) {
    const zones = new Zones(root);
    for (const vevent of root.getAllSubcomponents('vevent')) {
      const position: ICalendarPosition = { vevent: ++count, line: lines[count - 1] ?? null };
      let uid: string | null = null;
      try {
        const rawUid = vevent.getFirstPropertyValue('uid');
        uid = typeof rawUid === 'string' && rawUid.trim() !== '' ? rawUid.trim() : null;
        if (uid === null) throw new Skip('no UID');
        if (vevent.hasProperty('recurrence-id')) throw new Skip('changed occurrence of a series (RECURRENCE-ID) is not supported');
        if (seen.has(uid)) throw new Skip('duplicate UID');
        seen.add(uid);
        if (events.length >= maxEvents) throw new Skip(`more than ${maxEvents} events in the feed (maxEvents)`);
        events.push(mapEvent(vevent, uid, zones, options.alliance));
        sources.push({ uid: excerpt(uid, 200), ...position });
      } catch (error) {
        // Not only Skip: anything ical.js throws while reading one event stays with that event.
        const reason = error instanceof Skip ? error.message : `could not be read: ${excerpt(error instanceof Error ? error.message : String(error), 120)}`;
        skipped.push({
          id: uid === null ? null : eventIdForUid(uid), uid: uid === null ? null : excerpt(uid, 200),
          title: titleOf(vevent), reason, ...position,
        });
      }
    }
  }
  return { events, sources, skipped };
}
