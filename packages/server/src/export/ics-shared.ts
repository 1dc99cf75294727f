/**
 * What the iCalendar export and import must agree on: how the human-readable DESCRIPTION and
 * LOCATION are put together, the names of our `X-FK-*` properties and the category labels. Kept in
 * one place so that an import of our own feed can take these texts apart again exactly.
 */
import {
  EVENT_CATEGORIES, EVENT_CATEGORY_LABELS, parsePartialDate,
  type Event, type EventCategory, type EventStatus, type Venue,
} from '@fachkraefte/schema';
import { BERLIN, wallTimeAt } from './zoned-time.js';

/** PRODID of every feed we write (RFC 5545 §3.7.3: "-//owner//product//language"). */
export const PRODID = '-//fachkraefte//Fachkräfte API//DE';

/**
 * Our private properties (RFC 5545 §3.8.8.2 "X-" names). Calendar apps ignore them; the importer
 * reads them to restore what the standard properties cannot carry without loss.
 */
export const X = {
  /** The exact status; STATUS knows no "postponed" or "rescheduled". */
  status: 'X-FK-STATUS',
  /** A start/end known only to the month or year (`2016-07`); DTSTART must name a day. */
  start: 'X-FK-START',
  end: 'X-FK-END',
  /** The short summary, to take DESCRIPTION apart again. */
  summary: 'X-FK-SUMMARY',
  /** The venue's name, to take LOCATION apart again. */
  venueName: 'X-FK-VENUE-NAME',
  onlineUrl: 'X-FK-ONLINE-URL',
  registrationUrl: 'X-FK-REGISTRATION-URL',
  fictitious: 'X-FK-FICTITIOUS',
  /** The former start of a rescheduled event, as written in the record (no standard property holds it). */
  previousStart: 'X-FK-PREVIOUS-START',
} as const;

const MONTHS_DE = [
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni',
  'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
] as const;

/** A partial date in German words: `2016-07` → "Juli 2016", `2016` → "2016". */
export function partialDateLabel(value: string): string {
  const p = parsePartialDate(value);
  if (!p) return value;
  if (p.precision === 'year') return String(p.year);
  if (p.precision === 'month') return `${MONTHS_DE[p.month! - 1]} ${p.year}`;
  return `${p.day}. ${MONTHS_DE[p.month! - 1]} ${p.year}`;
}

/** True when an all-day date is known only to the month or year. */
export function isImprecise(value: string | null): boolean {
  if (value === null) return false;
  const p = parsePartialDate(value);
  return p !== null && p.precision !== 'day';
}

/** The fields that decide the DESCRIPTION text. */
export type DescriptionFields = Pick<
  Event, 'summary' | 'description' | 'status' | 'allDay' | 'start' | 'end' | 'onlineUrl' | 'registrationUrl' | 'fictitious' | 'previousStart'
>;

/**
 * A former start in German words, as the event's own date would read: "3. März 2027" for an
 * all-day date, "3. März 2027, 18:00 Uhr" (Berlin) for a date-time.
 */
export function previousStartLabel(value: string, allDay: boolean): string {
  if (allDay) return partialDateLabel(value);
  const w = wallTimeAt(Date.parse(value), BERLIN);
  const hm = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
  return `${w.day}. ${MONTHS_DE[w.month - 1]} ${w.year}, ${hm} Uhr`;
}

const STATUS_NOTES: Record<EventStatus, string | null> = {
  scheduled: null,
  cancelled: 'Abgesagt: Diese Veranstaltung findet nicht statt.',
  postponed: 'Verschoben: Der neue Termin steht noch nicht fest.',
  rescheduled: 'Auf einen neuen Termin verlegt.',
};

/** The paragraphs before and after the free description, in order. */
function descriptionFrame(e: Omit<DescriptionFields, 'description'>): { head: string[]; tail: string[] } {
  const head: string[] = [];
  const status = STATUS_NOTES[e.status];
  // Calendar apps show no field for the former date: the note at the top says it.
  if (e.status === 'rescheduled' && e.previousStart) head.push(`Auf einen neuen Termin verlegt (bisher: ${previousStartLabel(e.previousStart, e.allDay)}).`);
  else if (status) head.push(status);
  if (e.allDay && (isImprecise(e.start) || isImprecise(e.end))) {
    const span = e.end !== null && e.end !== e.start
      ? `${partialDateLabel(e.start)} bis ${partialDateLabel(e.end)}`
      : partialDateLabel(e.start);
    head.push(`Genauer Termin nicht bekannt (${span})`);
  }
  if (e.summary) head.push(e.summary);
  const tail: string[] = [];
  if (e.onlineUrl) tail.push(`Online-Teilnahme: ${e.onlineUrl}`);
  if (e.registrationUrl) tail.push(`Anmeldung: ${e.registrationUrl}`);
  if (e.fictitious) tail.push('Fiktiver Beispieltermin: keine echte Veranstaltung.');
  return { head, tail };
}

/**
 * The DESCRIPTION text: status and date notes first (many apps show only the first lines),
 * then summary, description, links and the example-data note, as paragraphs.
 */
export function composeDescription(e: DescriptionFields): string {
  const { head, tail } = descriptionFrame(e);
  return [...head, ...(e.description ? [e.description] : []), ...tail].join('\n\n');
}

/**
 * Takes a DESCRIPTION written by {@link composeDescription} apart again: the free description, or
 * `undefined` when the text was not written that way (another app's feed, or edited by hand).
 */
export function decomposeDescription(text: string, e: Omit<DescriptionFields, 'description'>): string | null | undefined {
  const { head, tail } = descriptionFrame(e);
  if ([...head, ...tail].join('\n\n') === text) return null;
  const prefix = head.length ? head.join('\n\n') + '\n\n' : '';
  const suffix = tail.length ? '\n\n' + tail.join('\n\n') : '';
  if (text.length <= prefix.length + suffix.length || !text.startsWith(prefix) || !text.endsWith(suffix)) return undefined;
  const middle = text.slice(prefix.length, text.length - suffix.length);
  return composeDescription({ ...e, description: middle }) === text ? middle : undefined;
}

/** LOCATION: "Landratsamt Lörrach, Palmstraße 3, 79539 Lörrach". */
export function composeLocation(venue: Venue): string {
  const a = venue.address;
  if (!a) return venue.name;
  const town = a.postalCode ? `${a.postalCode} ${a.locality}` : a.locality;
  return [venue.name, ...(a.streetAddress ? [a.streetAddress] : []), town].join(', ');
}

/**
 * Takes a LOCATION written by {@link composeLocation} apart again, given the venue's name; the
 * address, `null` for a bare name, or `undefined` when the text was not written that way.
 */
export function decomposeLocation(text: string, name: string): Venue['address'] | undefined {
  if (text === name) return null;
  if (!text.startsWith(name + ', ')) return undefined;
  const rest = text.slice(name.length + 2);
  const cut = rest.lastIndexOf(', ');
  const streetAddress = cut >= 0 ? rest.slice(0, cut) : null;
  const town = cut >= 0 ? rest.slice(cut + 2) : rest;
  const m = /^(\d{5}) (.+)$/.exec(town);
  const address = { streetAddress, postalCode: m ? m[1]! : null, locality: m ? m[2]! : town, countryCode: 'DE' as const };
  return composeLocation({ name, address, position: null }) === text ? address : undefined;
}

/** The German label of a category, as shown in CATEGORIES. */
export function categoryLabel(code: EventCategory): string {
  return EVENT_CATEGORY_LABELS[code];
}

const CATEGORY_BY_NAME = new Map<string, EventCategory>(
  EVENT_CATEGORIES.flatMap((c) => [[c, c], [EVENT_CATEGORY_LABELS[c].toLowerCase(), c]] as const),
);

/** The category code for a CATEGORIES entry (code or German label, any case), or `null`. */
export function categoryFromName(name: string): EventCategory | null {
  return CATEGORY_BY_NAME.get(name.trim().toLowerCase()) ?? null;
}
