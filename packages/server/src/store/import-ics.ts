import { Event, formatIssues } from '@fachkraefte/schema';
import { parseICalendarFeed } from '../export/ics-import.js';
import { type Actor, type KeyScope, type Store, SYSTEM } from './store.js';

/** What an import did, item by item: the report the CLI prints. */
export interface ImportReport {
  added: string[];
  changed: { id: string; fields: string[] }[];
  unchanged: string[];
  skipped: { uid: string | null; id?: string; reason: string }[];
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
  const report: ImportReport = { added: [], changed: [], unchanged: [], skipped: [...parsed.skipped] };
  for (const input of parsed.events) {
    const result = Event.safeParse({ ...input, fictitious: false });
    if (!result.success) {
      const why = formatIssues(result.error.issues).slice(0, 3).map((i) => `${i.parameter}: ${i.message}`).join('; ');
      report.skipped.push({ uid: null, id: input.id, reason: `not a valid event (${why})` });
      continue;
    }
    const event = result.data;
    const current = await store.getEvent(event.id);
    if (!current) {
      if (!options.dryRun) await store.createEvent(event, options.actor ?? SYSTEM);
      report.added.push(event.id);
      continue;
    }
    if (!current.alliances.includes(options.alliance)) {
      report.skipped.push({ uid: null, id: event.id, reason: `an event with this UID belongs to ${current.alliances.join(', ')}` });
      continue;
    }
    const others = current.alliances.filter((a) => a !== options.alliance);
    if (options.scope && !options.scope.admin && others.length) {
      report.skipped.push({ uid: null, id: event.id, reason: `the event is co-organised by ${others.join(', ')}: only an admin key may change it by import` });
      continue;
    }
    // Keep what the feed cannot know: co-organising alliances and organisers added in the API.
    const next: Event = { ...event, alliances: current.alliances, organisers: current.organisers.length ? current.organisers : event.organisers };
    const fields = changedFields(current, next);
    if (fields.length === 0) {
      report.unchanged.push(event.id);
      continue;
    }
    if (!options.dryRun) await store.updateEvent(event.id, () => next, options.actor ?? SYSTEM);
    report.changed.push({ id: event.id, fields });
  }
  return report;
}
