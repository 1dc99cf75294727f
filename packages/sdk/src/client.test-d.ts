/**
 * Type tests: what compiles and what does not. Run by `vitest` (typecheck) and `tsc`. Each
 * `@ts-expect-error` fails the check if the line below it starts to compile.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { createAdminClient, type OrganisationDetail } from './admin.js';
import {
  createClient, isApiError, isNotFoundError, isResponseValidationError,
  type Alliance, type ApiError, type Event, type FocusArea, type Member, type Membership,
  type NotFoundError, type Organisation, type Page, type ResponseValidationError,
} from './index.js';

const client = createClient({ baseUrl: 'https://api.example.org' });

describe('reads', () => {
  it('types results from the schemas', () => {
    expectTypeOf(client.alliances.list()).resolves.toEqualTypeOf<Page<Alliance>>();
    expectTypeOf(client.alliances.list()).resolves.toEqualTypeOf<{ items: Alliance[]; nextCursor: string | null }>();
    expectTypeOf(client.alliances.iterate()).toEqualTypeOf<AsyncIterable<Alliance>>();
    expectTypeOf(client.alliances.get('x')).resolves.toEqualTypeOf<Alliance>();
    expectTypeOf(client.alliances.members('x')).resolves.toEqualTypeOf<Page<Member>>();
    expectTypeOf(client.alliances.iterateMembers('x')).toEqualTypeOf<AsyncIterable<Member>>();
    expectTypeOf(client.alliances.membersGeoJsonUrl('x')).toEqualTypeOf<string>();
    expectTypeOf(client.organisations.get('x')).resolves.toEqualTypeOf<Organisation>();
    expectTypeOf(client.organisations.iterate()).toEqualTypeOf<AsyncIterable<Organisation>>();
    expectTypeOf(client.events.list()).resolves.toEqualTypeOf<Page<Event>>();
    expectTypeOf(client.events.icsUrl({ alliance: ['a'] })).toEqualTypeOf<string>();
    expectTypeOf(client.events.eventIcsUrl('x')).toEqualTypeOf<string>();
    expectTypeOf(client.focusAreas.list()).resolves.toEqualTypeOf<Page<FocusArea>>();
    expectTypeOf<Member['membership']['role']>().toEqualTypeOf<'founding' | 'lead' | 'member'>();
  });

  it('declares createClient with its options only (the transport createAdminClient passes is internal)', () => {
    expectTypeOf(createClient).parameters.toEqualTypeOf<[Parameters<typeof createClient>[0]]>();
    // @ts-expect-error no second parameter in the declared signature
    createClient({ baseUrl: 'https://api.example.org' }, {});
  });

  it('gives the admin client one organisation with its alliances', () => {
    const admin = createAdminClient({ baseUrl: 'https://api.example.org' });
    expectTypeOf(admin.organisations.get('x')).resolves.toEqualTypeOf<OrganisationDetail>();
    expectTypeOf<OrganisationDetail['alliances']>().toEqualTypeOf<string[]>();
    expectTypeOf(admin.events).toEqualTypeOf(client.events);
  });

  it('accepts valid filters and an AbortSignal', () => {
    const signal = new AbortController().signal;
    void client.alliances.list({ state: 'DE-BW', kind: 'regional', q: 'Süd', limit: 10, cursor: 'c' }, { signal });
    void client.alliances.members('x', { type: ['ihk', 'landkreis'] }, { signal });
    void client.organisations.list({ alliance: 'x', type: ['berufsschule'] });
    void client.events.list({ from: '2016-11-01', to: '2016-12-01T00:00:00+01:00', alliance: ['a', 'b'], category: ['vollversammlung'], status: ['scheduled'] });
    void client.focusAreas.list({ signal });
  });

  it('rejects wrong filters', () => {
    // @ts-expect-error 'BW' is not an ISO 3166-2 code
    void client.alliances.list({ state: 'BW' });
    // @ts-expect-error no such alliance kind
    void client.alliances.list({ kind: 'federal' });
    // @ts-expect-error limit is a number
    void client.alliances.list({ limit: '10' });
    // @ts-expect-error unknown filter
    void client.alliances.list({ town: 'Lörrach' });
    // @ts-expect-error member types are a list
    void client.alliances.members('x', { type: 'ihk' });
    // @ts-expect-error no such organisation type
    void client.organisations.list({ type: ['kindergarten'] });
    // @ts-expect-error the alliance filter of events is a list
    void client.events.list({ alliance: 'fachkraefteallianz-suedwest' });
    // @ts-expect-error no such category
    void client.events.list({ category: ['party'] });
    // @ts-expect-error no such status
    void client.events.icsUrl({ status: ['maybe'] });
  });

  it('rejects wrong arguments', () => {
    // @ts-expect-error the slug is required
    void client.alliances.get();
    // @ts-expect-error ids are strings
    void client.events.get(42);
    // @ts-expect-error options take a signal, not a timeout
    void client.alliances.get('x', { timeout: 5 });
    // @ts-expect-error focusAreas.list takes options only
    void client.focusAreas.list({ limit: 10 });
    // @ts-expect-error the slug is required
    void client.alliances.membersGeoJsonUrl();
  });
});

describe('writes', () => {
  it('types inputs and results', () => {
    expectTypeOf(client.events.create({ title: 'T', start: '2026-01-01T10:00:00+01:00', alliances: ['a'] })).resolves.toEqualTypeOf<Event>();
    expectTypeOf(client.events.update('x', { status: 'cancelled' })).resolves.toEqualTypeOf<Event>();
    expectTypeOf(client.events.delete('x')).resolves.toEqualTypeOf<void>();
    expectTypeOf(client.organisations.create({ name: 'N', type: 'ihk' })).resolves.toEqualTypeOf<Organisation>();
    expectTypeOf(client.alliances.putMember('a', 'o', { role: 'member', since: '2013-04' })).resolves.toEqualTypeOf<Membership>();
    expectTypeOf(client.alliances.deleteMember('a', 'o')).resolves.toEqualTypeOf<void>();
  });

  it('rejects wrong inputs', () => {
    // @ts-expect-error an event needs its alliances
    void client.events.create({ title: 'T', start: '2026-01-01T10:00:00+01:00' });
    // @ts-expect-error no such status
    void client.events.update('x', { status: 'done' });
    // @ts-expect-error an organisation needs a type
    void client.organisations.create({ name: 'N' });
    // @ts-expect-error the id cannot be patched
    void client.organisations.update('x', { id: 'y' });
    // @ts-expect-error no such role
    void client.alliances.putMember('a', 'o', { role: 'boss' });
    // @ts-expect-error the organisation id is required
    void client.alliances.deleteMember('a');
  });
});

describe('options and errors', () => {
  it('rejects wrong client options', () => {
    // @ts-expect-error baseUrl is required
    createClient({});
    // @ts-expect-error timeout is milliseconds or false
    createClient({ baseUrl: 'https://x', timeout: '10s' });
    // @ts-expect-error the cache is options or false, not true
    createClient({ baseUrl: 'https://x', cache: true });
    createClient({ baseUrl: 'https://x', timeout: false, retry: 0, cache: false, apiKey: 'k', headers: { 'x-a': 'b' } });
    createClient({ baseUrl: 'https://x', retry: { limit: 3, baseDelay: 100, backoffLimit: 1000, maxRetryAfter: 5000 }, cache: { maxEntries: 10 } });
  });

  it('narrows errors with the guards', () => {
    const error: unknown = new Error('x');
    if (isApiError(error)) {
      expectTypeOf(error).toEqualTypeOf<ApiError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.problem?.errors).toEqualTypeOf<{ parameter: string; message: string }[] | undefined>();
    }
    if (isNotFoundError(error)) expectTypeOf(error).toEqualTypeOf<NotFoundError>();
    if (isResponseValidationError(error)) {
      expectTypeOf(error).toEqualTypeOf<ResponseValidationError>();
      expectTypeOf(error.issues).toEqualTypeOf<{ path: string; message: string }[]>();
    }
  });
});
