import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { dayOf, expand, isoDay, parseDay, parseRule, toInstant, wallAt, weekday } from './rrule.js';

const days = (list: number[]) => list.map(isoDay);
const D = (s: string) => parseDay(s);

/** The same rule expanded by ical.js (floating wall time), as an independent oracle. */
function oracle(rule: string, start: string, until: string): string[] {
  const it = ICAL.Recur.fromString(rule).iterator(ICAL.Time.fromDateTimeString(`${start}T18:00:00`));
  const out: string[] = [];
  for (let t = it.next(), i = 0; t && i < 2000; t = it.next(), i++) {
    const day = t.toString().slice(0, 10);
    if (day > until) break;
    out.push(day);
  }
  return out;
}

describe('recurrence', () => {
  it('parses the parts it supports and refuses the rest with a RangeError', () => {
    expect(parseRule('FREQ=MONTHLY;BYDAY=2TU,-1SU;COUNT=6;WKST=MO')).to.deep.include({ freq: 'MONTHLY', count: 6, byday: [[2, 1], [-1, 6]] });
    expect(() => parseRule('FREQ=HOURLY')).to.throw(RangeError, 'FREQ');
    expect(parseRule('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1')).to.deep.include({ bysetpos: [-1] });
    expect(() => parseRule('FREQ=MONTHLY;BYSETPOS=1')).to.throw(RangeError, 'BYSETPOS=1 is supported with FREQ=MONTHLY or YEARLY and BYDAY only');
    expect(() => parseRule('FREQ=MONTHLY;BYMONTHDAY=1,15;BYSETPOS=-1')).to.throw(RangeError, 'BYDAY only');
    expect(() => parseRule('FREQ=YEARLY;BYWEEKNO=20')).to.throw(RangeError, 'RRULE BYWEEKNO=20 is not supported');
    expect(() => parseRule('FREQ=DAILY;BYHOUR=9,17')).to.throw(RangeError, 'BYHOUR');
    expect(() => parseRule('FREQ=WEEKLY;WKST=SU')).to.throw(RangeError, 'WKST');
    expect(() => parseRule('FREQ=WEEKLY;COUNT=3;UNTIL=20261231')).to.throw(RangeError, 'exclude each other');
    expect(() => parseRule('FREQ=WEEKLY;FREQ=DAILY')).to.throw(RangeError, 'twice');
    expect(() => parseRule('FREQ=WEEKLY;BYDAY=MO,WE;BYSETPOS=2')).to.throw(RangeError, 'MONTHLY or YEARLY');
    expect(() => parseRule('FREQ=MONTHLY;BYDAY=0MO')).to.throw(RangeError, 'BYDAY=0MO');
    expect(() => parseRule('FREQ=WEEKLY;BYDAY=2TU')).to.throw(RangeError, 'BYDAY');
    expect(() => parseRule('FREQ=DAILY;INTERVAL=x')).to.throw(RangeError, 'INTERVAL');
    expect(() => parseRule('FREQ=MONTHLY;BYMONTHDAY=32')).to.throw(RangeError, 'BYMONTHDAY');
  });

  it('expands daily, weekly, monthly and yearly rules as ical.js does', () => {
    const cases: [string, string][] = [
      ['FREQ=DAILY;COUNT=10', '2026-03-25'],
      ['FREQ=DAILY;INTERVAL=3;UNTIL=20260430T235959', '2026-03-25'], // a date-only UNTIL differs by design: see below
      ['FREQ=DAILY;BYDAY=MO,WE,FR;COUNT=12', '2026-03-25'],
      ['FREQ=WEEKLY;COUNT=8', '2026-03-18'],
      ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10', '2026-03-17'],
      ['FREQ=MONTHLY;BYDAY=2TU;COUNT=12', '2026-09-08'],
      ['FREQ=MONTHLY;BYDAY=-1SU;COUNT=12', '2026-03-29'],
      ['FREQ=MONTHLY;BYMONTHDAY=31;COUNT=7', '2026-01-31'],
      ['FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=13', '2026-01-31'],
      ['FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=9', '2026-01-01'],
      ['FREQ=MONTHLY;INTERVAL=6;COUNT=4', '2026-03-12'],
      ['FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=4', '2026-02-13'],
      ['FREQ=YEARLY;COUNT=5', '2024-03-01'],
      ['FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=5', '2026-03-29'],
      ['FREQ=YEARLY;BYMONTH=5,11;BYMONTHDAY=30;COUNT=6', '2026-05-30'],
      // BYSETPOS: the last weekday of each month, the first and last Monday, the last Sunday of March.
      ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=14', '2026-01-30'],
      ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1,-1;COUNT=10', '2026-01-05'],
      ['FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYSETPOS=-1;COUNT=5', '2026-03-29'],
      ['FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=-2;INTERVAL=2;COUNT=6', '2026-01-27'],
    ];
    for (const [rule, start] of cases) {
      const mine = days(expand(rule, D(start), { from: D(start), to: D('2032-12-31') }));
      expect(mine, rule).to.deep.equal(oracle(rule, start, '2032-12-31'));
      expect(mine.length, rule).to.be.greaterThan(2);
    }
  });

  it('skips dates a year or month does not have (RFC 5545 §3.3.10), where ical.js moves them', () => {
    expect(days(expand('FREQ=YEARLY;COUNT=3', D('2024-02-29'), { from: D('2024-01-01'), to: D('2040-12-31') }))).to.deep.equal([
      '2024-02-29', '2028-02-29', '2032-02-29',
    ]);
    // The 20th Monday of each year (ical.js 2.2 returns the following Mondays of 2026 instead).
    expect(days(expand('FREQ=YEARLY;BYDAY=20MO;COUNT=3', D('2026-05-18'), { from: D('2026-01-01'), to: D('2030-12-31') }))).to.deep.equal([
      '2026-05-18', '2027-05-17', '2028-05-15',
    ]);
  });

  it('counts occurrences before the range and left-out days towards COUNT', () => {
    const rule = 'FREQ=WEEKLY;COUNT=6';
    const all = expand(rule, D('2026-03-04'), { from: D('2026-03-01'), to: D('2026-12-31') });
    expect(days(all)).to.deep.equal(['2026-03-04', '2026-03-11', '2026-03-18', '2026-03-25', '2026-04-01', '2026-04-08']);
    const april = expand(rule, D('2026-03-04'), { from: D('2026-04-01'), to: D('2026-04-30') });
    expect(days(april)).to.deep.equal(['2026-04-01', '2026-04-08']);
    const without = expand(rule, D('2026-03-04'), { from: D('2026-03-01'), to: D('2026-12-31'), exdays: new Set([D('2026-03-11')]) });
    expect(days(without)).to.have.length(5).and.not.include('2026-03-11');
    expect(days(without).at(-1)).to.equal('2026-04-08');
  });

  it('ends at UNTIL: a date, a UTC instant, and a wall time', () => {
    const start = D('2026-03-23');
    const time = [18, 0, 0];
    const n = (until: string) => expand(`FREQ=DAILY;UNTIL=${until}`, start, { from: start, to: D('2026-12-31'), time }).length;
    expect(n('20260329')).to.equal(7); // a date: the whole day
    // 29 March 18:00 in Berlin (after the switch, CEST) is 16:00 UTC.
    expect(n('20260329T160000Z')).to.equal(7);
    expect(n('20260329T155959Z')).to.equal(6);
    expect(n('20260329T180000')).to.equal(7);
    // All-day: a UTC UNTIL counts by its day in Berlin (23:30 UTC is already the next day).
    expect(expand('FREQ=DAILY;UNTIL=20260329T233000Z', start, { from: start, to: D('2026-12-31') }).length).to.equal(8);
  });

  it('stops for rules that never match again, and for ranges before the series', () => {
    expect(expand('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', D('2026-01-01'), { from: D('2026-01-01'), to: D('2030-01-01') })).to.deep.equal([]);
    expect(expand('FREQ=DAILY', D('2026-05-01'), { from: D('2026-01-01'), to: D('2026-03-31') })).to.deep.equal([]);
    expect(expand('FREQ=DAILY', D('2026-05-01'), { from: D('2026-05-30'), to: D('2026-06-02') })).to.have.length(4);
  });

  it('keeps the wall time across both DST switches', () => {
    const tz = 'Europe/Berlin';
    const time = [18, 0, 0];
    const weekly = expand('FREQ=WEEKLY;COUNT=4', D('2026-03-18'), { from: D('2026-03-01'), to: D('2026-04-30'), time });
    const utc = weekly.map((d) => new Date(toInstant(d, time, tz)).toISOString());
    expect(utc).to.deep.equal(['2026-03-18T17:00:00.000Z', '2026-03-25T17:00:00.000Z', '2026-04-01T16:00:00.000Z', '2026-04-08T16:00:00.000Z']);
    const autumn = expand('FREQ=WEEKLY;COUNT=3', D('2026-10-14'), { from: D('2026-10-01'), to: D('2026-11-30'), time });
    expect(autumn.map((d) => new Date(toInstant(d, time, tz)).toISOString())).to.deep.equal([
      '2026-10-14T16:00:00.000Z', '2026-10-21T16:00:00.000Z', '2026-10-28T17:00:00.000Z',
    ]);
    for (const d of [...weekly, ...autumn]) expect(wallAt(toInstant(d, time, tz), tz).slice(3)).to.deep.equal([18, 0, 0]);
  });

  it('resolves skipped and repeated wall times as RFC 5545 says', () => {
    const tz = 'Europe/Berlin';
    // 02:30 does not exist on 29 March 2026: it becomes 03:30 CEST (01:30 UTC).
    expect(new Date(toInstant(D('2026-03-29'), [2, 30], tz)).toISOString()).to.equal('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October 2026: the first pass, still CEST (00:30 UTC).
    expect(new Date(toInstant(D('2026-10-25'), [2, 30], tz)).toISOString()).to.equal('2026-10-25T00:30:00.000Z');
    expect(new Date(toInstant(D('2026-07-01'), [0, 0], tz)).toISOString()).to.equal('2026-06-30T22:00:00.000Z');
    // Another zone works the same way.
    expect(new Date(toInstant(D('2026-03-08'), [12, 0], 'America/New_York')).toISOString()).to.equal('2026-03-08T16:00:00.000Z');
  });

  it('numbers days and weekdays without a zone', () => {
    expect(weekday(dayOf(2026, 3, 30))).to.equal(0); // a Monday
    expect(weekday(dayOf(2026, 3, 29))).to.equal(6);
    expect(weekday(dayOf(1969, 12, 29))).to.equal(0); // before 1970 too
    expect(isoDay(dayOf(2024, 2, 29))).to.equal('2024-02-29');
  });
});
