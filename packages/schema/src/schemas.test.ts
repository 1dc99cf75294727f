import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  Alliance, Event, EventFilters, EventInput, formatIssues, HttpUrl, Member, Organisation,
  OrganisationInput, OrganisationPage, previousStartProblem, Problem,
} from './index.js';

const event = {
  id: 'jahresvollversammlung-2016',
  title: 'Jahresvollversammlung',
  summary: null,
  description: null,
  start: '2016-11-30',
  end: null,
  allDay: true,
  venue: { name: 'Landratsamt Lörrach', address: { streetAddress: null, postalCode: null, locality: 'Lörrach', countryCode: 'DE' }, position: { lat: 47.6156, lon: 7.6614 } },
  onlineUrl: null,
  status: 'scheduled',
  categories: ['vollversammlung'],
  alliances: ['fachkraefteallianz-suedwest'],
  organisers: [],
  registrationUrl: null,
  recurrence: null,
  fictitious: false,
} as const;

const organisation = {
  id: 'landkreis-loerrach',
  name: 'Landkreis Lörrach',
  aliases: [],
  type: 'landkreis',
  address: { streetAddress: null, postalCode: null, locality: 'Lörrach', countryCode: 'DE' },
  position: { lat: 47.6156, lon: 7.6614 },
  website: 'https://www.loerrach-landkreis.de',
  fictitious: false,
} as const;

const alliance = {
  slug: 'fachkraefteallianz-suedwest',
  name: 'Fachkräfteallianz Südwest',
  kind: 'regional',
  state: 'DE-BW',
  areas: ['Landkreis Lörrach', 'Landkreis Waldshut'],
  founded: '2013-04',
  description: null,
  website: null,
  coordinator: { organisation: null, organisationName: null, people: [{ name: 'Gudrun Gempp', role: 'Projektmanagerin', organisation: null, organisationName: null, from: '2016-03', to: null, email: null, phone: null }] },
  patrons: [],
  contacts: [],
  representatives: [],
  focusAreas: [{ slug: 'it', name: 'IT' }],
  projectGroups: [{ name: 'Berufsorientierung', description: null }],
  statedMemberCount: 26,
  memberCount: 26,
  parent: 'allianz-fuer-fachkraefte-bw',
  membershipFee: null,
  fictitious: false,
} as const;

const issuesOf = (result: { success: boolean; error?: { issues: z.core.$ZodIssue[] } }) =>
  result.error ? formatIssues(result.error.issues) : [];

describe('Event', () => {
  it('accepts an all-day event with a date', () => {
    expect(Event.safeParse(event).success).toBe(true);
  });

  it('accepts an all-day event known only to the month', () => {
    expect(Event.safeParse({ ...event, start: '2016-07' }).success).toBe(true);
  });

  it('accepts timed events with any offset, and Z', () => {
    for (const start of ['2026-03-29T01:30:00+01:00', '2026-10-25T02:30:00+02:00', '2026-10-25T01:30:00Z', '2026-06-01T18:00:00.000+02:00']) {
      expect(Event.safeParse({ ...event, allDay: false, start, end: null }).success, start).toBe(true);
    }
  });

  it('rejects a timed event without offset, naming the field', () => {
    const issues = issuesOf(Event.safeParse({ ...event, allDay: false, start: '2016-11-30T18:00:00' }));
    expect(issues).toEqual([{ parameter: 'start', message: 'expected an ISO 8601 date-time with offset' }]);
  });

  it('rejects an all-day event with a date-time, and an end before the start', () => {
    expect(issuesOf(Event.safeParse({ ...event, start: '2016-11-30T10:00:00+01:00' }))[0]?.parameter).toBe('start');
    expect(issuesOf(Event.safeParse({ ...event, start: '2016-11-30', end: '2016-11-29' }))).toEqual([
      { parameter: 'end', message: 'must not be before start' },
    ]);
    expect(issuesOf(Event.safeParse({ ...event, allDay: false, start: '2016-11-30T10:00:00+01:00', end: '2016-11-30T09:00:00+01:00' }))[0]?.parameter).toBe('end');
  });

  it('rejects unknown categories and statuses with the allowed values', () => {
    const [issue] = issuesOf(Event.safeParse({ ...event, status: 'maybe' }));
    expect(issue?.parameter).toBe('status');
    expect(issue?.message).toContain('"cancelled"');
  });

  it('validates recurrences', () => {
    expect(Event.safeParse({ ...event, recurrence: { rrule: 'FREQ=YEARLY;COUNT=3', exdates: ['2017-11-30'] } }).success).toBe(true);
    expect(Event.safeParse({ ...event, recurrence: { rrule: 'FREQ=SECONDLY', exdates: [] } }).success).toBe(false);
    expect(Event.safeParse({ ...event, recurrence: { rrule: 'FREQ=YEARLY\r\nATTENDEE:x', exdates: [] } }).success).toBe(false);
  });

  it('reads previousStart: a string or null, absent on records of older servers', () => {
    expect(Event.safeParse(event).success).toBe(true);
    expect(Event.safeParse({ ...event, previousStart: null }).success).toBe(true);
    expect(Event.safeParse({ ...event, status: 'rescheduled', previousStart: '2016-11-23' }).success).toBe(true);
    expect(issuesOf(Event.safeParse({ ...event, previousStart: 20161123 }))[0]?.parameter).toBe('previousStart');
  });
});

describe('previousStartProblem (the write rule of previousStart)', () => {
  const moved = { ...event, status: 'rescheduled', previousStart: '2016-11-23' } as const;
  const timed = { ...moved, allDay: false, start: '2016-11-30T18:00:00+01:00', previousStart: '2016-11-23T18:00:00+01:00' } as const;

  it('takes a former start in the form of start, for a rescheduled event only', () => {
    expect(previousStartProblem(moved)).toBe(null);
    expect(previousStartProblem({ ...moved, previousStart: '2016-10' })).toBe(null);
    expect(previousStartProblem(timed)).toBe(null);
    // None is no problem, whatever the status.
    for (const status of ['scheduled', 'cancelled', 'postponed', 'rescheduled'] as const) {
      expect(previousStartProblem({ ...moved, status, previousStart: null })).toBe(null);
      expect(previousStartProblem({ ...event, status })).toBe(null);
    }
  });

  it('says what is wrong otherwise', () => {
    expect(previousStartProblem({ ...moved, status: 'postponed' })).toBe('only a rescheduled event has one (status is "postponed"): send null, or status "rescheduled"');
    expect(previousStartProblem({ ...moved, previousStart: '2016-11-23T18:00:00+01:00' })).toMatch(/^expected a date .* all-day/);
    expect(previousStartProblem({ ...timed, previousStart: '2016-11-23' })).toBe('expected an ISO 8601 date-time with offset like start');
    expect(previousStartProblem({ ...timed, previousStart: '2016-11-23T18:00:00' })).toBe('expected an ISO 8601 date-time with offset like start');
    expect(previousStartProblem({ ...moved, previousStart: '23.11.2016' })).toMatch(/^expected a date/);
    expect(previousStartProblem({ ...moved, previousStart: moved.start })).toBe('must differ from start (the new date)');
  });
});

describe('EventInput', () => {
  it('needs a title, a start and an alliance, and rejects unknown fields by name', () => {
    const issues = issuesOf(EventInput.safeParse({ title: '', colour: 'red' }));
    expect(issues).toContainEqual({ parameter: 'colour', message: 'is not a known field' });
    expect(issues).toContainEqual({ parameter: 'title', message: 'must not be empty' });
    expect(issues.map((i) => i.parameter)).toContain('start');
    expect(issues.map((i) => i.parameter)).toContain('alliances');
  });

});

describe('HttpUrl', () => {
  it.each(['https://www.example.org/a?b=c', 'http://example.org'])('accepts %s', (url) => {
    expect(HttpUrl.safeParse(url).success).toBe(true);
  });
  it.each(['javascript:alert(1)', 'data:text/html,x', '/relative', 'ftp://example.org', 'https://', 'JaVaScRiPt:alert(1)'])('rejects %s', (url) => {
    expect(HttpUrl.safeParse(url).success).toBe(false);
  });
});

describe('Organisation and Member', () => {
  it('accepts a valid organisation and member', () => {
    expect(Organisation.safeParse(organisation).success).toBe(true);
    expect(Member.safeParse({ ...organisation, membership: { role: 'founding', since: '2013-04' } }).success).toBe(true);
  });
  it('rejects positions outside WGS 84 and unknown types', () => {
    const issues = issuesOf(Organisation.safeParse({ ...organisation, type: 'club', position: { lat: 91, lon: 7 } }));
    expect(issues.map((i) => i.parameter).sort()).toEqual(['position.lat', 'type']);
  });
  it('rejects a bad postal code in input', () => {
    const issues = issuesOf(OrganisationInput.safeParse({ name: 'X', type: 'ihk', address: { streetAddress: null, postalCode: '7953', locality: 'Lörrach', countryCode: 'DE' } }));
    expect(issues).toEqual([{ parameter: 'address.postalCode', message: 'expected a five-digit postal code' }]);
  });
});

describe('Alliance', () => {
  it('accepts a valid alliance and rejects a bad founding date and state', () => {
    expect(Alliance.safeParse(alliance).success).toBe(true);
    const issues = issuesOf(Alliance.safeParse({ ...alliance, founded: 'April 2013', state: 'BW' }));
    expect(issues.map((i) => i.parameter).sort()).toEqual(['founded', 'state']);
  });
});

describe('EventFilters', () => {
  it('takes dates or date-times and rejects unknown keys and big limits', () => {
    expect(EventFilters.safeParse({ from: '2016-11-01', to: '2016-12-01T00:00:00+01:00', limit: 500 }).success).toBe(true);
    const issues = issuesOf(EventFilters.safeParse({ from: 'yesterday', limit: 501, sort: 'x' }));
    expect(issues.map((i) => i.parameter).sort()).toEqual(['from', 'limit', 'sort']);
  });
});

describe('Problem', () => {
  it('accepts RFC 9457 problem details with invalid params', () => {
    expect(Problem.safeParse({ type: 'about:blank', title: 'Bad Request', status: 400, errors: [{ parameter: 'limit', message: 'must be ≤ 500' }] }).success).toBe(true);
    expect(Problem.safeParse({ type: 'about:blank', title: 'OK', status: 200 }).success).toBe(false);
  });
});

describe('formatIssues', () => {
  it('prints paths like items[3].id from a real parse, never a JSON dump', () => {
    const page = { items: [organisation, organisation, organisation, { ...organisation, id: 'Bad Id' }], nextCursor: null };
    const issues = issuesOf(OrganisationPage.safeParse(page));
    expect(issues).toEqual([{ parameter: 'items[3].id', message: 'expected a slug: lower-case letters, digits and single hyphens' }]);
  });
  it('says what type was expected when a field is missing or of the wrong type', () => {
    const issues = issuesOf(Organisation.safeParse({ ...organisation, name: 42, aliases: undefined }));
    expect(issues).toEqual([{ parameter: 'name', message: 'expected string' }, { parameter: 'aliases', message: 'expected array' }]);
  });
});
