import { describe, expect, it } from 'vitest';
import { parsePartialDate, PartialDate, partialDateRange } from './partial-date.js';

describe('PartialDate', () => {
  it.each(['2013', '2013-04', '2013-04-12', '2016-02-29', '2000-02-29'])('accepts %s', (value) => {
    expect(PartialDate.safeParse(value).success).toBe(true);
  });

  it.each([
    '13', '2013-4', '2013-13', '2013-00', '2013-04-31', '2015-02-29', '1900-02-29', '2013-04-12T10:00',
    ' 2013', '2013-04-12 ', '0999', '20130412', '', 'April 2013',
  ])('rejects %j', (value) => {
    expect(PartialDate.safeParse(value).success).toBe(false);
  });

  it('knows its precision', () => {
    expect(parsePartialDate('2013')?.precision).toBe('year');
    expect(parsePartialDate('2013-04')).toEqual({ year: 2013, month: 4, precision: 'month' });
    expect(parsePartialDate('2013-04-12')).toEqual({ year: 2013, month: 4, day: 12, precision: 'day' });
  });

  it('spans the days it may stand for', () => {
    expect(partialDateRange('2016-07')).toEqual({ first: '2016-07-01', last: '2016-07-31' });
    expect(partialDateRange('2016-02')).toEqual({ first: '2016-02-01', last: '2016-02-29' });
    expect(partialDateRange('2015')).toEqual({ first: '2015-01-01', last: '2015-12-31' });
    expect(partialDateRange('2016-11-30')).toEqual({ first: '2016-11-30', last: '2016-11-30' });
    expect(() => partialDateRange('2016-13')).toThrow(RangeError);
  });
});
