import { alliancesResource, type AlliancesResource } from './resources/alliances.js';
import { eventsResource, type EventsResource } from './resources/events.js';
import { focusAreasResource, type FocusAreasResource } from './resources/focus-areas.js';
import { organisationsResource, type OrganisationsResource } from './resources/organisations.js';
import { createTransport, type ClientOptions, type Transport } from './internal/transport.js';

/** A client of the Fachkräfte API; one per API and key. See {@link createClient}. */
export interface FkClient {
  /** Alliances, their members and memberships. */
  readonly alliances: AlliancesResource;
  /** Member organisations. */
  readonly organisations: OrganisationsResource;
  /** Events and their iCalendar feeds. */
  readonly events: EventsResource;
  /** Focus areas (Handlungsschwerpunkte). */
  readonly focusAreas: FocusAreasResource;
}

/**
 * Creates a client. Every response is validated against the API's schemas; failures are
 * {@link FkError}s. Requests time out after 10 s, idempotent ones are retried with backoff
 * (honouring `Retry-After`), GETs are revalidated with `If-None-Match` against a small cache, and
 * identical GETs in flight share one request — so several widgets on one page cost one request.
 *
 * Create the client once and share it: the cache and the request sharing are per client.
 *
 * @throws TypeError when an option is malformed (a missing or relative `baseUrl` outside a browser,
 *   a negative `timeout` …).
 *
 * @example
 * ```ts
 * import { createClient } from '@fachkraefte/sdk';
 *
 * const client = createClient({ baseUrl: 'https://api.example.org' });
 * const { items } = await client.alliances.list({ state: 'DE-BW' });
 * for await (const member of client.alliances.iterateMembers('fachkraefteallianz-suedwest')) {
 *   console.log(member.name, member.membership.role);
 * }
 * ```
 */
export function createClient(options: ClientOptions): FkClient;
/**
 * Internal (not in the declared signature): `createAdminClient` passes its own transport, so the
 * read resources are wired here once and both clients share one cache. A hidden parameter rather
 * than a helper function: of the ways tried, the only one that costs the widgets' bundles nothing.
 */
export function createClient(options: ClientOptions, http: Transport = createTransport(options)): FkClient {
  return Object.freeze({
    alliances: alliancesResource(http),
    organisations: organisationsResource(http),
    events: eventsResource(http),
    focusAreas: focusAreasResource(http),
  });
}
