/**
 * The German wording of the server's messages (src/server-text.ts), checked against what the
 * server's own validation produces: the same schemas and `formatIssues` the server answers with.
 * When the server's English wording changes, the "every message is known" test fails and names
 * the new sentence, instead of the German app silently falling back to English.
 */
import { Event, EventInput, formatIssues, OrganisationInput } from '@fachkraefte/schema';
import { describe, expect, it } from 'vitest';
import { germanDetail, germanField, knownField } from '../src/server-text.js';

const good = {
  title: 'Ausbildungsabend', summary: null, description: null, allDay: false,
  start: '2031-03-04T17:00:00+01:00', end: '2031-03-04T19:00:00+01:00', venue: null, onlineUrl: null,
  registrationUrl: null, categories: [], status: 'scheduled', recurrence: null, alliances: ['fachkraefteallianz-suedwest'],
};

/**
 * What the server would answer for `body` (its errors[], as badRequest sends them): the input
 * schema first, then — as the events route's finish() does — the whole event (timing checks).
 */
function serverErrors(schema: typeof EventInput | typeof OrganisationInput, body: unknown) {
  let r = schema.safeParse(body);
  if (r.success && schema === EventInput) r = Event.safeParse({ ...(body as object), id: 'entwurf', organisers: [], previousStart: null, fictitious: false }) as typeof r;
  expect(r.success, JSON.stringify(body)).toBe(false);
  return formatIssues(r.error!.issues, 'body');
}

const BAD_EVENTS: unknown[] = [
  { ...good, title: '' },
  { ...good, title: ' Leerzeichen ' },
  { ...good, title: 'x'.repeat(301) },
  { ...good, title: 42 },
  { ...good, end: '2031-03-04T16:00:00+01:00' },
  { ...good, start: '2031-03-04 17:00' },
  { ...good, allDay: true, start: '2031-03-04T17:00:00+01:00', end: null },
  { ...good, allDay: true, start: '2031-03-04', end: '2031-03-01' },
  { ...good, allDay: true, start: '2031-03-04', end: 'morgen' },
  { ...good, registrationUrl: 'kein-link' },
  { ...good, onlineUrl: 'ftp://example.org/' },
  { ...good, status: 'vielleicht' },
  { ...good, categories: ['tanzkurs'] },
  { ...good, alliances: ['Nicht Gültig'] },
  { ...good, recurrence: { rrule: 'jeden Dienstag', exdates: [] } },
  { ...good, venue: { name: 'Halle', address: { streetAddress: null, postalCode: '123', locality: 'Lörrach', countryCode: 'DE' }, position: null } },
  { ...good, unbekannt: true },
  { ...good, categories: Array(11).fill('messe') },
];

describe('the server\'s messages in German', () => {
  it('knows every message the event schema produces for bad input', () => {
    const unknown = BAD_EVENTS.flatMap((b) => serverErrors(EventInput, b)).filter((e) => !knownField(e.message));
    expect(unknown).toEqual([]);
  });

  it('knows the organisation schema\'s messages (website, e-mail, postal code)', () => {
    const errors = serverErrors(OrganisationInput, { id: 'x', name: '', type: 'verein', website: 'nope', address: null, position: null });
    expect(errors.filter((e) => !knownField(e.message))).toEqual([]);
  });

  it('words them as a person reads them, keeping the values the server quotes', () => {
    const de = (b: unknown) => serverErrors(EventInput, b).map((e) => `${e.parameter}: ${germanField(e.message)}`);
    expect(de({ ...good, end: '2031-03-04T16:00:00+01:00' })).toEqual(['body.end: darf nicht vor dem Beginn liegen']);
    expect(de({ ...good, title: '' })).toEqual(['body.title: darf nicht leer sein']);
    expect(de({ ...good, status: 'vielleicht' })[0]).toBe('body.status: erlaubt sind nur: „scheduled“, „cancelled“, „postponed“, „rescheduled“');
    expect(de({ ...good, title: 42 })[0]).toBe('body.title: erwartet wird Text');
    expect(germanField('expected string, got number')).toBe('erwartet wird Text, gesendet wurde Zahl');
    expect(germanField('RRULE BYDAY=XY is not a weekday such as MO, 2TU or -1SU')).toBe('RRULE BYDAY=XY: ist kein Wochentag wie MO, 2TU oder -1SU');
    expect(de({ ...good, unbekannt: true })).toEqual(['body.unbekannt: ist kein bekanntes Feld']);
    expect(germanField('the alliance "gibt-es-nicht" does not exist')).toBe('die Allianz „gibt-es-nicht“ gibt es nicht');
  });

  it('translates a 400\'s detail part by part, and the refusals as whole sentences', () => {
    expect(germanDetail('body.title: must not be empty; body.end: must not be before start')).toBe('body.title: darf nicht leer sein; body.end: darf nicht vor dem Beginn liegen');
    expect(germanDetail('The event "e1" also belongs to "a-b", "c": a key of "own" may only add or remove its own alliance (co-organise or withdraw), and change nothing else of it.'))
      .toMatch(/^Der Termin „e1“ gehört auch „a-b“, „c“\. Ein Schlüssel von „own“ darf dort nur die eigene Allianz/);
    expect(germanDetail('The event "x-1" does not exist.')).toBe('Den Termin „x-1“ gibt es nicht (mehr).');
  });

  it('falls back to the server\'s own text for anything it does not know, hiding nothing', () => {
    expect(germanField('is a brand-new kind of problem')).toBe('is a brand-new kind of problem');
    expect(knownField('is a brand-new kind of problem')).toBe(false);
    const mixed = 'body.title: must not be empty; body.x: is a brand-new kind of problem';
    // A detail only partly known stays English as a whole rather than half translated.
    expect(germanDetail(mixed)).toBe(mixed);
    expect(germanDetail('')).toBe('');
    // Hostile text stays text: no pattern turns it into anything else.
    expect(germanField('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});
