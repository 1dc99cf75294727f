/**
 * iCalendar (RFC 5545) export of events: pure functions from {@link Event} objects to the text of
 * a `.ics` file or feed. Nothing here does I/O, so the server can stream, cache or sign the result.
 */
import { DateTime, partialDateRange, type Event } from '@fachkraefte/schema';
import rrulePkg from 'rrule';
import {
  categoryLabel, composeDescription, composeLocation, isImprecise, PRODID, X,
} from './ics-shared.js';
import {
  addDays, BERLIN, isAmbiguousWallTime, isoDate, wallTimeAt, wallTimeToInstant, type WallTime,
} from './zoned-time.js';

/** Options of {@link eventsToICalendar} and {@link eventToICalendar}. */
export interface ICalendarOptions {
  /** Shown by calendar apps as the name of a subscribed calendar (`X-WR-CALNAME`, `NAME`). */
  calendarName: string;
  /**
   * Public base URL of the API, e.g. `https://api.example.org`. Events with neither a registration
   * nor an online URL then link to `<baseUrl>/v1/events/<id>`.
   * @default undefined (no URL for such events)
   */
  baseUrl?: string;
  /**
   * @deprecated Ignored. DTSTAMP was the time of writing; it is now each event's `modified` time,
   * so that a feed's bytes (and ETag) change only when its events do. Kept so that callers compile.
   */
  now?: Date;
  /**
   * The zone timed events are written in. Only Europe/Berlin, the zone of the domain.
   * @default 'Europe/Berlin'
   */
  timeZone?: 'Europe/Berlin';
}

// rrule ships CommonJS; its named exports are not visible to Node's ESM loader.
const { RRule } = rrulePkg as unknown as typeof import('rrule');

const CRLF = '\r\n';

/**
 * DTSTAMP of an event whose record carries no `modified` time (one built by hand, not read from the
 * store): a fixed instant, so that the same events always give the same bytes. Never the time of
 * writing: that changed the feed's ETag every second, and no client could revalidate it (304).
 */
export const UNKNOWN_MODIFIED_STAMP = '20000101T000000Z';

/**
 * VTIMEZONE for Europe/Berlin with the EU rules in force since 1996 (last Sunday of March, 01:00
 * UTC, and last Sunday of October). Older events are converted correctly by `Intl`, but a client
 * would read their wall time with these rules; the domain has no events before 2012.
 */
const VTIMEZONE_BERLIN = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19960331T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Replaces lone UTF-16 surrogates, which cannot be written as UTF-8, by U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11). Line breaks of any kind become `\n` (or a space for
 * one-line values such as SUMMARY); all other control characters are dropped, so that no input can
 * end the content line and start a property of its own.
 */
export function escapeText(value: string, options: { singleLine?: boolean } = {}): string {
  let s = wellFormed(value)
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, options.singleLine ? ' ' : '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
  if (options.singleLine) s = s.replace(/ {2,}/g, ' ').trim();
  return s.replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line into chunks of at most 75 octets (RFC 5545 §3.1), continuation lines
 * starting with a space. Counts UTF-8 octets and breaks only between code points, so no multi-byte
 * character (ä, ß, emoji) is ever split.
 */
export function foldLine(line: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII test
  if (line.length <= 75 && /^[\x00-\x7F]*$/.test(line)) return line; // the common case, no work
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join(CRLF);
}

const pad = (n: number) => String(n).padStart(2, '0');
const wallStamp = (w: WallTime) => `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
const dateStamp = (isoDay: string) => isoDay.replace(/-/g, '');
const utcStamp = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A bad event that the schema should have stopped; names the event and the field. */
function invalid(event: Pick<Event, 'id'>, field: string, message: string): Error {
  return new Error(`event "${event.id}": ${field}: ${message}`);
}

function parseInstant(event: Event, field: string, value: string): number {
  if (!DateTime.safeParse(value).success) throw invalid(event, field, `expected an ISO 8601 date-time with offset, got "${value}"`);
  return Date.parse(value);
}

/**
 * A timed DTSTART/DTEND/EXDATE as Berlin wall time with TZID. Times in the hour that October
 * repeats are written in UTC instead: their wall time alone does not say which pass is meant.
 */
function timedProperty(name: string, ms: number): string {
  if (isAmbiguousWallTime(ms, BERLIN)) return `${name}:${utcStamp(ms)}`;
  return `${name};TZID=${BERLIN}:${wallStamp(wallTimeAt(ms, BERLIN))}`;
}

/** The first and last day (inclusive) of an all-day event; partial dates span their month or year. */
function allDaySpan(event: Event): { first: string; last: string } {
  let first: string;
  let last: string;
  try {
    first = partialDateRange(event.start).first;
    last = partialDateRange(event.end ?? event.start).last;
  } catch {
    throw invalid(event, 'start/end', 'expected dates (YYYY-MM-DD, YYYY-MM or YYYY) for an all-day event');
  }
  if (last < first) throw invalid(event, 'end', 'must not be before start');
  return { first, last };
}

const RRULE_RE = /^[A-Z]+=[A-Za-z0-9,:+-]+(?:;[A-Z]+=[A-Za-z0-9,:+-]+)*$/;

/**
 * How DTSTART is written, which is how a client expands the series: in Berlin wall time (TZID),
 * in UTC (a start in the repeated October hour) or in dates (all-day). `wall` is the wall clock of
 * DTSTART as the milliseconds of `Date.UTC` of its fields ("floating" time).
 */
interface SeriesStart { frame: 'berlin' | 'utc' | 'date'; wall: number }

const DAY_MS = 86_400_000;
/** A COUNT series whose last start lies further ahead than this keeps its COUNT. */
const COUNT_HORIZON_YEARS = 100;
const LAST_START_CACHE_SIZE = 2_000;
const lastStartCache = new Map<string, number | null>();

/**
 * The wall clock (floating ms) of the last start of a COUNT series: the COUNT-th date the rule
 * yields from DTSTART, excluded dates included (RFC 5545 counts them). Expanded in floating wall
 * time by `rrule`, which, like the widget's expander, leaves out dates a month does not have
 * (the 31st, 29 February) and a DTSTART the rule does not match. Null when the series does not
 * reach COUNT within {@link COUNT_HORIZON_YEARS}. Cached: a feed writes the same series again and
 * again, and a sparse rule can take a good part of a second to expand.
 */
function lastStartWall(rule: string, startWall: number): number | null {
  const key = `${startWall}|${rule}`;
  const hit = lastStartCache.get(key);
  if (hit !== undefined) return hit;
  const options = RRule.parseString(rule);
  const count = options.count ?? 0;
  let last: number | null;
  const plain = Object.keys(options).every((k) => !k.startsWith('by'));
  if (plain && (options.freq === RRule.DAILY || options.freq === RRule.WEEKLY)) {
    // Every period has exactly one date, the weekday of DTSTART: no expansion needed.
    last = startWall + (count - 1) * (options.interval ?? 1) * (options.freq === RRule.WEEKLY ? 7 : 1) * DAY_MS;
  } else {
    const dtstart = new Date(startWall);
    const horizon = new Date(startWall);
    horizon.setUTCFullYear(horizon.getUTCFullYear() + COUNT_HORIZON_YEARS);
    const dates = new RRule({ ...options, dtstart, tzid: null }).between(dtstart, horizon, true);
    last = dates.length === count ? dates[dates.length - 1]!.getTime() : null;
  }
  if (lastStartCache.size >= LAST_START_CACHE_SIZE) lastStartCache.delete(lastStartCache.keys().next().value!);
  lastStartCache.set(key, last);
  return last;
}

/**
 * `UNTIL=` for the last start of a COUNT series, or null to keep COUNT. UTC for a timed series,
 * and of the two instants a repeated-hour wall time can mean the later one, so that the last
 * start is within UNTIL whichever pass a client reads; a date for an all-day series.
 */
function countAsUntil(rule: string, start: SeriesStart): string | null {
  const wall = lastStartWall(rule, start.wall);
  if (wall === null) return null;
  if (start.frame === 'date') return `UNTIL=${dateStamp(new Date(wall).toISOString().slice(0, 10))}`;
  if (start.frame === 'utc') return `UNTIL=${utcStamp(wall)}`;
  const d = new Date(wall);
  let ms = wallTimeToInstant({
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  }, BERLIN);
  if (isAmbiguousWallTime(ms, BERLIN)) ms += 3_600_000;
  return `UNTIL=${utcStamp(ms)}`;
}

/**
 * The RRULE value, with UNTIL brought into the form RFC 5545 §3.3.10 demands: UTC for a timed
 * event (a date-only UNTIL means the end of that day in Berlin), a date for an all-day event.
 * COUNT becomes the UNTIL of the last start: calcurse 4.7 shows a phantom occurrence after the
 * last one for COUNT with an EXDATE, and an UNTIL means the same series to every client.
 */
function rruleValue(event: Event, rrule: string, start: SeriesStart): string {
  if (!RRULE_RE.test(rrule)) throw invalid(event, 'recurrence.rrule', 'expected an RFC 5545 RRULE value such as FREQ=WEEKLY;COUNT=5');
  return rrule.split(';').map((part) => {
    const [key, value = ''] = part.split('=') as [string, string?];
    if (key === 'COUNT') {
      let until: string | null;
      try {
        until = countAsUntil(rrule, start);
      } catch {
        until = null; // a rule `rrule` cannot expand goes out as stored: clients judge it themselves
      }
      return until ?? part;
    }
    if (key !== 'UNTIL') return part;
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
    if (!m) throw invalid(event, 'recurrence.rrule', `UNTIL must be YYYYMMDD or YYYYMMDDTHHMMSSZ, got "${value}"`);
    const [, y, mo, d, h, mi, s, z] = m;
    if (event.allDay) {
      if (h === undefined) return part;
      const ms = z ? Date.UTC(+y!, +mo! - 1, +d!, +h, +mi!, +s!) : wallTimeToInstant({ year: +y!, month: +mo!, day: +d!, hour: +h, minute: +mi!, second: +s! }, BERLIN);
      return `UNTIL=${dateStamp(isoDate(wallTimeAt(ms, BERLIN)))}`;
    }
    if (z) return part;
    const wall = h === undefined
      ? { year: +y!, month: +mo!, day: +d!, hour: 23, minute: 59, second: 59 }
      : { year: +y!, month: +mo!, day: +d!, hour: +h, minute: +mi!, second: +s! };
    return `UNTIL=${utcStamp(wallTimeToInstant(wall, BERLIN))}`;
  }).join(';');
}

/** Whether a URL is an absolute http(s) URL; returns it serialised by the URL parser, or null. */
function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The content lines (unfolded) of one VEVENT. */
function veventLines(event: Event, options: ICalendarOptions): string[] {
  const lines: string[] = ['BEGIN:VEVENT'];
  const push = (name: string, value: string) => lines.push(`${name}:${value}`);
  push('UID', `${escapeText(event.id, { singleLine: true })}@fachkraefte`);
  // The stamp of the event's last change: the same data gives the same bytes (and ETag), and a
  // client sees which events changed. LAST-MODIFIED only when known: a made-up one would be a lie.
  const modified = event.modified === undefined ? NaN : Date.parse(event.modified);
  if (Number.isNaN(modified)) push('DTSTAMP', UNKNOWN_MODIFIED_STAMP);
  else {
    push('DTSTAMP', utcStamp(modified));
    push('LAST-MODIFIED', utcStamp(modified));
  }

  let startWall: WallTime | null = null;
  let seriesStart: SeriesStart;
  if (event.allDay) {
    const { first, last } = allDaySpan(event);
    seriesStart = { frame: 'date', wall: Date.parse(`${first}T00:00:00Z`) };
    lines.push(`DTSTART;VALUE=DATE:${dateStamp(first)}`);
    // DTEND of a DATE event is exclusive (RFC 5545 §3.6.1): the day after the last day.
    lines.push(`DTEND;VALUE=DATE:${dateStamp(addDays(last, 1))}`);
  } else {
    const start = parseInstant(event, 'start', event.start);
    startWall = wallTimeAt(start, BERLIN);
    lines.push(timedProperty('DTSTART', start));
    const w = startWall;
    seriesStart = isAmbiguousWallTime(start, BERLIN)
      ? { frame: 'utc', wall: Math.floor(start / 1000) * 1000 }
      : { frame: 'berlin', wall: Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) };
    if (event.end !== null) {
      const end = parseInstant(event, 'end', event.end);
      if (end < start) throw invalid(event, 'end', 'must not be before start');
      lines.push(timedProperty('DTEND', end));
    }
  }

  if (event.recurrence) {
    push('RRULE', rruleValue(event, event.recurrence.rrule, seriesStart));
    for (const ex of event.recurrence.exdates) {
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(ex);
      if (event.allDay) {
        const day = dateOnly ? ex : isoDate(wallTimeAt(parseInstant(event, 'recurrence.exdates', ex), BERLIN));
        lines.push(`EXDATE;VALUE=DATE:${dateStamp(day)}`);
      } else if (dateOnly) {
        // A bare date excludes the occurrence on that day: same wall time as DTSTART.
        const [y, m, d] = ex.split('-').map(Number) as [number, number, number];
        const wall = { ...startWall!, year: y, month: m, day: d };
        lines.push(timedProperty('EXDATE', wallTimeToInstant(wall, BERLIN)));
      } else {
        lines.push(timedProperty('EXDATE', parseInstant(event, 'recurrence.exdates', ex)));
      }
    }
  }

  push('SUMMARY', escapeText(event.title, { singleLine: true }));
  const description = composeDescription(event);
  if (description) push('DESCRIPTION', escapeText(description));
  if (event.venue) {
    push('LOCATION', escapeText(composeLocation(event.venue), { singleLine: true }));
    const p = event.venue.position;
    if (p && Number.isFinite(p.lat) && Number.isFinite(p.lon)) {
      push('GEO', `${Number(p.lat.toFixed(6))};${Number(p.lon.toFixed(6))}`);
    }
  }
  const base = options.baseUrl ? options.baseUrl.replace(/\/+$/, '') : null;
  const url = safeUrl(event.registrationUrl) ?? safeUrl(event.onlineUrl)
    ?? (base ? safeUrl(`${base}/v1/events/${encodeURIComponent(event.id)}`) : null);
  if (url) push('URL', url);
  push('STATUS', event.status === 'cancelled' ? 'CANCELLED' : event.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED');
  if (event.categories.length) {
    push('CATEGORIES', event.categories.map((c) => escapeText(categoryLabel(c), { singleLine: true })).join(','));
  }
  // All-day entries (a month-long "sometime in July" above all) must not block free/busy time.
  push('TRANSP', event.allDay ? 'TRANSPARENT' : 'OPAQUE');

  push(X.status, event.status);
  if (event.allDay && isImprecise(event.start)) push(X.start, event.start);
  if (event.allDay && isImprecise(event.end)) push(X.end, event.end!);
  if (event.summary) push(X.summary, escapeText(event.summary));
  if (event.venue) push(X.venueName, escapeText(event.venue.name, { singleLine: true }));
  if (event.onlineUrl) push(X.onlineUrl, escapeText(event.onlineUrl, { singleLine: true }));
  if (event.registrationUrl) push(X.registrationUrl, escapeText(event.registrationUrl, { singleLine: true }));
  if (event.previousStart) push(X.previousStart, event.previousStart);
  if (event.fictitious) push(X.fictitious, 'TRUE');
  lines.push('END:VEVENT');
  return lines;
}

/**
 * Writes events as one iCalendar feed (RFC 5545): CRLF line ends, lines folded at 75 octets, timed
 * events in Europe/Berlin with a VTIMEZONE, all-day events as dates with an exclusive DTEND.
 * DTSTAMP and LAST-MODIFIED are each event's `modified` time ({@link UNKNOWN_MODIFIED_STAMP} when
 * it has none), and nothing depends on the time of writing: the same events give the same bytes.
 * Throws an `Error` naming the event and field when an event breaks the schema's rules.
 *
 * @example
 * ```ts
 * const ics = eventsToICalendar(events, { calendarName: 'Fachkräfteallianz Südwest' });
 * return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
 * ```
 */
export function eventsToICalendar(events: Event[], options: ICalendarOptions): string {
  if (options.timeZone !== undefined && options.timeZone !== BERLIN) {
    throw new Error(`timeZone: only "${BERLIN}" is supported, got "${String(options.timeZone)}"`);
  }
  const name = escapeText(options.calendarName, { singleLine: true });
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${name}`,
    `NAME:${name}`,
    `X-WR-TIMEZONE:${BERLIN}`,
    // Subscribed feeds: ask clients to refresh twice a day (RFC 7986 and the Outlook/Apple name).
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
  ];
  if (events.some((e) => !e.allDay)) lines.push(...VTIMEZONE_BERLIN);
  for (const event of events) lines.push(...veventLines(event, options));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * Writes one event as a complete iCalendar file, for an "add to calendar" download.
 *
 * @example
 * ```ts
 * const ics = eventToICalendar(event, { calendarName: 'Fachkräfte-Termine' });
 * c.header('content-disposition', `attachment; filename="${icsFileName(event)}"`);
 * ```
 */
export function eventToICalendar(event: Event, options: ICalendarOptions): string {
  return eventsToICalendar([event], options);
}

/** Lower-case ASCII slug of a title, German letters transliterated (ä → ae, ß → ss). */
function asciiSlug(text: string, max: number): string {
  const slug = text
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/**
 * A safe ASCII file name for the download of one event: slug of the title and the (Berlin) start
 * date, e.g. `jahresvollversammlung-2016-11-30.ics`. Never contains quotes, slashes or spaces, so
 * it can go into a Content-Disposition header as is.
 *
 * @example
 * ```ts
 * icsFileName(event); // 'jahresvollversammlung-2016-11-30.ics'
 * ```
 */
export function icsFileName(event: Pick<Event, 'title' | 'start' | 'allDay'>): string {
  let date = '';
  if (event.allDay) {
    if (/^\d{4}(?:-\d{2}){0,2}$/.test(event.start)) date = event.start;
  } else if (DateTime.safeParse(event.start).success) {
    date = isoDate(wallTimeAt(Date.parse(event.start), BERLIN));
  }
  const slug = asciiSlug(event.title, 60) || 'termin';
  return `${slug}${date ? `-${date}` : ''}.ics`;
}
