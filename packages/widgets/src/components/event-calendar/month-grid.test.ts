import { expect } from '@open-wc/testing';
import type { Event } from '@fachkraefte/schema';
import { layoutWeek, monthWeeks, occurrences } from './month-grid.js';
import { parseDay } from '@fachkraefte/schema/rrule';

const event = (id: string, title: string, start: string, more: Partial<Event> = {}): Event => ({
  id, title, start, end: null, allDay: start.length === 10, summary: null, description: null, venue: null, onlineUrl: null,
  status: 'scheduled', categories: [], alliances: [], organisers: [], registrationUrl: null, recurrence: null, fictitious: true,
  ...more,
});
const titles = (events: Event[], from = '2026-05-01', to = '2026-05-31') =>
  occurrences(events, parseDay(from), parseDay(to), 'Europe/Berlin').map((o) => o.event.title);

describe('month grid', () => {
  it('orders titles of one time as a German dictionary does (DIN 5007-1): umlauts as their vowel, ß as ss, case ignored', () => {
    const at = '2026-05-12T18:00:00+02:00';
    const list = ['Zukunftstag', 'Österreich-Abend', 'Ärztetag', 'azubi-Speeddating', 'Ausbildungsmesse', 'Straßenfest', 'Strasse der Berufe', 'Ohm-Preis']
      .map((t, i) => event(`e${i}`, t, at));
    expect(titles(list)).to.deep.equal(['Ärztetag', 'Ausbildungsmesse', 'azubi-Speeddating', 'Ohm-Preis', 'Österreich-Abend', 'Strasse der Berufe', 'Straßenfest', 'Zukunftstag']);
  });

  it('puts month-only dates first, then all-day and longer events, then by start time', () => {
    const list = [
      event('late', 'A spät', '2026-05-12T20:00:00+02:00'),
      event('early', 'B früh', '2026-05-12T08:00:00+02:00'),
      event('day', 'C ganztägig', '2026-05-12'),
      event('long', 'D drei Tage', '2026-05-12', { end: '2026-05-14' }),
      event('month', 'E irgendwann im Mai', '2026-05'),
    ];
    expect(titles(list)).to.deep.equal(['E irgendwann im Mai', 'D drei Tage', 'C ganztägig', 'B früh', 'A spät']);
  });

  it('keeps a multi-day event in one row across the days of its week', () => {
    const [week] = monthWeeks(2026, 5).filter((w) => w.includes(parseDay('2026-05-12')));
    const list = [event('one', 'Eintägig', '2026-05-13T09:00:00+02:00'), event('long', 'Messe', '2026-05-12', { end: '2026-05-14' })];
    const cells = layoutWeek(week!, occurrences(list, week![0]!, week![6]!, 'Europe/Berlin'));
    const row = (iso: string) => cells[parseDay(iso) - week![0]!]!.map((o) => o?.event.id ?? null);
    expect(row('2026-05-12')).to.deep.equal(['long']);
    expect(row('2026-05-13')).to.deep.equal(['long', 'one']);
    expect(row('2026-05-14')).to.deep.equal(['long']);
  });
});
