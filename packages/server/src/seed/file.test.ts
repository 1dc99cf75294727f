import { describe, expect, it } from 'vitest';
import { checkDataSet } from './file.js';

const event = {
  id: 'infoabend', title: 'Infoabend', summary: null, description: null,
  start: '2030-06-03T18:00:00+02:00', end: null, previousStart: '2030-05-27T18:00:00+02:00', allDay: false,
  venue: null, onlineUrl: null, status: 'rescheduled', categories: [], alliances: [], organisers: [],
  registrationUrl: null, recurrence: null, fictitious: false,
};
const set = (events: unknown[]) => ({ name: 'test', alliances: [], organisations: [], memberships: [], events });

describe('checkDataSet: the write rule of previousStart holds for data set files too', () => {
  it('takes the former start of a rescheduled event, and records of older servers without one', () => {
    expect(checkDataSet(set([event])).issues).toBeUndefined();
    const { previousStart: _, ...older } = event;
    expect(checkDataSet(set([{ ...older, status: 'scheduled' }])).issues).toBeUndefined();
  });

  it('names the event and field of a previousStart that does not fit', () => {
    expect(checkDataSet(set([event, { ...event, id: 'b', status: 'scheduled' }])).issues).toEqual([
      { parameter: 'events[1].previousStart', message: 'only a rescheduled event has one (status is "scheduled"): send null, or status "rescheduled"' },
    ]);
  });
});
