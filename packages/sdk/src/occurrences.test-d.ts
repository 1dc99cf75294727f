/**
 * Type tests of `occurrences` and of the event filters' `from`/`to`: a `Date` or an ISO date or
 * date-time compiles, words do not. Each `@ts-expect-error` fails the check if the line below it
 * starts to compile.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { createClient, occurrences, type DateInput, type Event, type Occurrence } from './index.js';

const client = createClient({ baseUrl: 'https://api.example.org' });
declare const event: Event;

describe('occurrences', () => {
  it('returns occurrences of the event type it is given', () => {
    expectTypeOf(occurrences(event, { from: '2026-04-01', to: '2026-04-30' })).toEqualTypeOf<Occurrence<Event>[]>();
    type Tagged = Event & { tag: 'x' };
    expectTypeOf(occurrences({} as Tagged, { from: new Date(), to: new Date() })[0]!.event).toEqualTypeOf<Tagged>();
    expectTypeOf<Occurrence['start']>().toEqualTypeOf<string>();
    expectTypeOf<Occurrence['end']>().toEqualTypeOf<string | null>();
  });

  it('takes a Date, an ISO date or an ISO date-time', () => {
    void occurrences(event, { from: new Date(), to: '2026-04-30' });
    void occurrences(event, { from: '2026-04-01T00:00:00+02:00', to: '2026-04-30T23:59:59Z' });
    void occurrences(event, { from: '2026-04-01T18:00Z', to: '2026-05-01' });
    expectTypeOf<'2026-04-01'>().toMatchTypeOf<DateInput>();
    expectTypeOf<Date>().toMatchTypeOf<DateInput>();
  });

  it('rejects what is not an ISO date', () => {
    // @ts-expect-error a word is not a date
    void occurrences(event, { from: 'next month', to: '2026-04-30' });
    // @ts-expect-error a German date is not an ISO date
    void occurrences(event, { from: '01.04.2026', to: '2026-04-30' });
    // @ts-expect-error a month alone is not a day
    void occurrences(event, { from: '2026-04', to: '2026-04-30' });
    // @ts-expect-error a timestamp is not a date
    void occurrences(event, { from: 1775001600000, to: '2026-04-30' });
    // @ts-expect-error both ends are needed
    void occurrences(event, { from: '2026-04-01' });
  });
});

describe('event filters', () => {
  it('take a Date or an ISO string for from and to', () => {
    void client.events.list({ from: new Date(), to: '2026-04-30' });
    void client.events.iterate({ from: '2026-04-01T00:00:00+02:00' });
    void client.events.icsUrl({ to: new Date() });
  });

  it('reject what is not an ISO date', () => {
    // @ts-expect-error a word is not a date
    void client.events.list({ from: 'next month' });
    // @ts-expect-error a German date is not an ISO date
    void client.events.iterate({ to: '30.04.2026' });
    // @ts-expect-error a word is not a date
    void client.events.icsUrl({ from: 'today' });
  });
});
