import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventIdForUid, ICalendarParseError } from '../export/ics-import.js';
import { eventsToICalendar } from '../export/ics.js';
import { loadDataSet } from '../seed/index.js';
import { importICalendar } from './import-ics.js';
import { openTestStore } from '../../test/helpers.js';
import type { Store } from './store.js';

const ALLIANCE = 'fachkraefteallianz-suedwest';

describe('importICalendar', () => {
  let store: Store;
  let close: () => Promise<void>;
  let feed: string;
  let set: ReturnType<typeof loadDataSet>;

  beforeAll(async () => {
    // In-memory PGlite, or a fresh database when the suite runs on PostgreSQL.
    ({ store, close } = await openTestStore());
    // Alliances and organisations only: the feed's events come from another data set.
    set = loadDataSet('upcoming', new Date('2026-11-21T12:00:00Z'));
    await store.load({ ...set, events: [] });
    feed = eventsToICalendar(set.events.slice(0, 8), { calendarName: 'Extern', now: new Date('2026-11-21T12:00:00Z') });
  });
  afterAll(() => close());

  it('adds every event of a feed, then finds nothing to do on the second run', async () => {
    const first = await importICalendar(store, feed, { alliance: ALLIANCE });
    expect(first.added).toHaveLength(8);
    expect(first.changed).toEqual([]);
    const stored = await store.listEvents({ alliance: [ALLIANCE], limit: 50 });
    expect(stored.items.map((e) => e.id).sort()).toEqual(first.added.map((a) => a.id).sort());

    const second = await importICalendar(store, feed, { alliance: ALLIANCE });
    expect(second).toMatchObject({ added: [], changed: [] });
    expect(second.unchanged).toHaveLength(8);
    expect(second.unchanged).toEqual(first.added);
  });

  it('names every event by title, UID and start, next to its id', async () => {
    const report = await importICalendar(store, feed, { alliance: ALLIANCE, dryRun: true });
    const source = set.events.slice(0, 8);
    expect(report.unchanged).toEqual(source.map((e) => ({
      id: eventIdForUid(`${e.id}@fachkraefte`), uid: `${e.id}@fachkraefte`, title: e.title, start: e.start,
    })));
    expect(report.unchanged.every((u) => u.title.length > 0)).toBe(true);
  });

  it('gives a report that survives JSON, as the imports route sends it', async () => {
    // One VEVENT without UID (nulls in the report), one changed, the rest unchanged.
    const edited = feed.replace(/^UID:.*\r\n/m, '').replace(/^(SUMMARY:.*\r\n(?:[\s\S]*?))^SUMMARY:.*$/m, '$1SUMMARY:Über JSON');
    const report = await importICalendar(store, edited, { alliance: ALLIANCE, dryRun: true });
    expect([report.skipped.length, report.changed.length, report.unchanged.length]).toEqual([1, 1, 6]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('updates an event whose VEVENT changed, naming the fields', async () => {
    const summary = /^SUMMARY:(.*)$/m.exec(feed)![1]!;
    const edited = feed.replace(`SUMMARY:${summary}`, 'SUMMARY:Neuer Titel');
    const report = await importICalendar(store, edited, { alliance: ALLIANCE });
    expect(report.changed).toHaveLength(1);
    expect(report.changed[0]!.fields).toContain('title');
    expect((await store.getEvent(report.changed[0]!.id))?.title).toBe('Neuer Titel');
  });

  it('writes nothing in a dry run', async () => {
    const edited = feed.replace(/^SUMMARY:.*$/m, 'SUMMARY:Nur geprüft');
    const report = await importICalendar(store, edited, { alliance: ALLIANCE, dryRun: true });
    expect(report.changed).toHaveLength(1);
    expect((await store.getEvent(report.changed[0]!.id))?.title).not.toBe('Nur geprüft');
  });

  it('skips VEVENTs without UID with a reason, and leaves events of other alliances alone', async () => {
    const noUid = feed.replace(/^UID:.*\r\n/m, '');
    const report = await importICalendar(store, noUid, { alliance: ALLIANCE });
    const first = set.events[0]!;
    // Found in the file by its title and its place: no UID, so no id either.
    const line = noUid.split('\r\n').indexOf('BEGIN:VEVENT') + 1;
    expect(report.skipped).toEqual([{ id: null, uid: null, title: first.title, start: null, reason: 'no UID', vevent: 1, line }]);

    const other = await importICalendar(store, feed, { alliance: 'fachkraeftebuendnis-leine-weser' });
    expect(other.added).toEqual([]);
    expect(other.skipped.filter((s) => /belongs to/.test(s.reason))).toHaveLength(8);
    expect(other.skipped[0]).toEqual({
      id: eventIdForUid(`${first.id}@fachkraefte`), uid: `${first.id}@fachkraefte`, title: first.title, start: first.start,
      reason: `an event with this UID belongs to ${ALLIANCE}`, vevent: 1, line,
    });
  });

  it('refuses what is not iCalendar, and unknown alliances', async () => {
    await expect(importICalendar(store, 'Hallo Welt', { alliance: ALLIANCE })).rejects.toBeInstanceOf(ICalendarParseError);
    await expect(importICalendar(store, feed, { alliance: 'nope' })).rejects.toThrow('no alliance "nope"');
  });
});
