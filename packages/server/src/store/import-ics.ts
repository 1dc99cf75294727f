import { Event, formatIssues } from '@fachkraefte/schema';
import { parseICalendarFeed, type ICalendarPosition } from '../export/ics-import.js';
import { type Actor, type KeyScope, type Store, SYSTEM } from './store.js';

/** One event of an import, named as a person knows it: by title and UID, and by its id in the API. */
export interface ImportedEventRef {
  /** Event id in the API (`ics-` and 16 hex digits of the UID's SHA-256). */
  id: string;
  /** The VEVENT's UID (at most 200 characters). */
  uid: string;
  /** The event's title, from SUMMARY. */
  title: string;
  /** Its start as stored (ISO date or date-time with offset), so that events of one title can be told apart. */
  start: string;
}

/** A VEVENT that was not imported: as much of its name as could be read, where it stands, and why. */
export interface SkippedImportItem extends ICalendarPosition {
  /** Event id its UID gives, or null when it has no UID. */
  id: string | null;
  uid: string | null;
  /** Its SUMMARY, or null when it has none or it could not be read. */
  title: string | null;
  /** Its start as it would be stored, or null when it was not read that far. */
  start: string | null;
  reason: string;
}

/**
 * What an import did, item by item: the report the CLI prints and the imports route returns.
 * Plain data only (strings, numbers, null, arrays), so `JSON.stringify` keeps all of it.
 */
export interface ImportReport {
  added: ImportedEventRef[];
  changed: (ImportedEventRef & { fields: string[] })[];
  unchanged: ImportedEventRef[];
  skipped: SkippedImportItem[];
}

// `modified` is the server's own record of the last change, never the feed's.
const FIELDS = (Object.keys(Event.shape) as (keyof Event)[]).filter((key) => key !== 'modified');

function changedFields(before: Event, after: Event): string[] {
  return FIELDS.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/**
 * Imports an iCalendar feed into an alliance's events. Idempotent: an event's id is derived from
 * its UID, so importing the same feed again adds nothing and changes nothing; a changed VEVENT
 * updates its event. An event of the same UID that belongs to other alliances is left alone.
 * With `dryRun` nothing is written, and the report says what would happen.
 */
export async function importICalendar(
  store: Store,
  text: string,
  options: {
    alliance: string; dryRun?: boolean; maxEvents?: number;
    /** Who imports, for the change history. @default the operator (`system`) */
    actor?: Actor;
    /** The key's scope: a scoped key leaves events that other alliances co-organise alone. */
    scope?: KeyScope;
  },
): Promise<ImportReport> {
  if (!(await store.allianceExists(options.alliance))) throw new Error(`no alliance "${options.alliance}"`);
  const parsed = parseICalendarFeed(text, { alliance: options.alliance, ...(options.maxEvents ? { maxEvents: options.maxEvents } : {}) });
  const report: ImportReport = {
    added: [], changed: [], unchanged: [],
    skipped: parsed.skipped.map((s) => ({ id: s.id, uid: s.uid, title: s.title, start: null, reason: s.reason, vevent: s.vevent, line: s.line })),
  };
  for (const [index, input] of parsed.events.entries()) {
    const { uid, vevent, line } = parsed.sources[index]!;
    const ref: ImportedEventRef = { id: input.id, uid, title: input.title, start: input.start };
    const result = Event.safeParse({ ...input, fictitious: false });
    if (!result.success) {
      const why = formatIssues(result.error.issues).slice(0, 3).map((i) => `${i.parameter}: ${i.message}`).join('; ');
      report.skipped.push({ ...ref, reason: `not a valid event (${why})`, vevent, line });
      continue;
    }
    const event = result.data;
    const current = await store.getEvent(event.id);
    if (!current) {
      if (!options.dryRun) await store.createEvent(event, options.actor ?? SYSTEM);
      report.added.push(ref);
      continue;
    }
    if (!current.alliances.includes(options.alliance)) {
      report.skipped.push({ ...ref, reason: `an event with this UID belongs to ${current.alliances.join(', ')}`, vevent, line });
      continue;
    }
    const others = current.alliances.filter((a) => a !== options.alliance);
    if (options.scope && !options.scope.admin && others.length) {
      report.skipped.push({ ...ref, reason: `the event is co-organised by ${others.join(', ')}: only an admin key may change it by import`, vevent, line });
      continue;
    }
    // Keep what the feed cannot know: co-organising alliances and organisers added in the API.
    const next: Event = { ...event, alliances: current.alliances, organisers: current.organisers.length ? current.organisers : event.organisers };
    const fields = changedFields(current, next);
    if (fields.length === 0) {
      report.unchanged.push(ref);
      continue;
    }
    if (!options.dryRun) await store.updateEvent(event.id, () => next, options.actor ?? SYSTEM);
    report.changed.push({ ...ref, fields });
  }
  return report;
}
