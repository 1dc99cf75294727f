// The recurrence builder against the API's own rule parser and expander: every rule it writes is
// one the server takes, reads back the same, and is described in words that match its dates.
import { parseRule } from '@fachkraefte/schema/rrule';
import { describe as group, expect, it } from 'vitest';
import { describe, emptyRepeat, fromRrule, toRrule, type Repeat } from '../src/recurrence.js';
import { berlinDateTime, berlinParts } from '../src/time.js';

const r = (over: Partial<Repeat>): Repeat => ({ ...emptyRepeat(), ...over });

group('recurrence builder', () => {
  it.each([
    [r({ freq: 'MONTHLY', monthly: 'nth', end: 'count', count: '6' }), '2027-03-09', 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6', 'jeden zweiten Dienstag im Monat, 6-mal'],
    [r({ freq: 'MONTHLY', monthly: 'last', end: 'until', until: '2027-12-31' }), '2027-03-30', 'FREQ=MONTHLY;BYDAY=-1TU;UNTIL=20271231', 'jeden letzten Dienstag im Monat, bis 31.12.2027'],
    [r({ freq: 'MONTHLY', monthly: 'day', end: 'never' }), '2027-03-14', 'FREQ=MONTHLY;BYMONTHDAY=14', 'jeden Monat am 14., ohne Ende'],
    [r({ freq: 'WEEKLY', interval: '2', weekdays: ['MO', 'WE'], end: 'count', count: '10' }), '2027-03-01', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10', 'alle 2 Wochen am Montag und Mittwoch, 10-mal'],
    [r({ freq: 'DAILY', end: 'count', count: '3' }), '2027-03-01', 'FREQ=DAILY;COUNT=3', 'jeden Tag, 3-mal'],
    [r({ freq: 'YEARLY', end: 'never' }), '2027-03-01', 'FREQ=YEARLY', 'jedes Jahr, ohne Ende'],
  ])('%#: writes %s as a rule the API parses, reads it back, says it in words', (repeat, start, rule, words) => {
    expect(toRrule(repeat, start)).toBe(rule);
    expect(() => parseRule(rule)).not.toThrow();
    expect(fromRrule(rule, start)).toEqual(repeat);
    expect(describe(repeat, start)).toBe(words);
  });

  it('keeps a rule it cannot show as a custom rule, unchanged', () => {
    for (const rule of ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'FREQ=YEARLY;BYMONTH=3,9', 'FREQ=MONTHLY;BYDAY=3TU', 'kaputt']) {
      const repeat = fromRrule(rule, '2027-03-09');
      expect(repeat.freq).toBe('custom');
      expect(toRrule(repeat, '2027-03-09')).toBe(rule);
    }
    expect(toRrule(emptyRepeat(), '2027-03-09')).toBeNull();
  });
});

group('Berlin wall time', () => {
  it('writes the offset of the day, winter and summer, and reads it back', () => {
    expect(berlinDateTime('2027-01-15', '17:00')).toBe('2027-01-15T17:00:00+01:00');
    expect(berlinDateTime('2027-07-15', '17:00')).toBe('2027-07-15T17:00:00+02:00');
    expect(berlinParts('2027-07-15T15:00:00Z')).toEqual(['2027-07-15', '17:00']);
    expect(berlinDateTime('2027-07-15', '')).toBeNull();
    expect(berlinDateTime('15.07.2027', '17:00')).toBeNull();
  });
});
