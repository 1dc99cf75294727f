/**
 * `@fachkraefte/sdk/admin` — the write side of the Fachkräfte API for the apps that keep the data:
 * keys, the change history, alliance profiles and `.ics` imports, on top of everything
 * {@link createClient} offers.
 *
 * A subpath of its own, so that the widgets and other read-only apps never bundle it.
 *
 * @packageDocumentation
 */
import { createClient, type FkClient } from './client.js';
import { createTransport, type ClientOptions, type Transport } from './internal/transport.js';
import { allianceAdminResource, type AllianceAdminResource } from './resources/alliance-admin.js';
import { changesResource, type ChangesResource } from './resources/changes.js';
import { keysResource, type KeysResource } from './resources/keys.js';
import { organisationAdminResource, type OrganisationAdminResource } from './resources/organisation-admin.js';

/** A client with the write side of the API; see {@link createAdminClient}. */
export interface FkAdminClient extends FkClient {
  /** Alliances with their profiles, memberships and `.ics` imports. */
  readonly alliances: AllianceAdminResource;
  /** Organisations; one organisation comes with the alliances it is a member of. */
  readonly organisations: OrganisationAdminResource;
  /** API keys: who is signed in, create, list, revoke. */
  readonly keys: KeysResource;
  /** The change history. */
  readonly changes: ChangesResource;
}

/**
 * Creates a client with the write side of the API. Takes the options of {@link createClient};
 * most of its methods need `apiKey`.
 *
 * @example
 * ```ts
 * import { createAdminClient } from '@fachkraefte/sdk/admin';
 *
 * const client = createAdminClient({ baseUrl: 'https://api.example.org', apiKey });
 * const me = await client.keys.self();
 * const report = await client.alliances.importIcs(me.scope, icsText, { dryRun: true });
 * ```
 */
export function createAdminClient(options: ClientOptions): FkAdminClient {
  const http = createTransport(options);
  // The read client's resources on the same transport (one cache, one set of retries), with the
  // admin versions of alliances and organisations in their place.
  return Object.freeze({
    ...(createClient as (o: ClientOptions, t: Transport) => FkClient)(options, http),
    alliances: allianceAdminResource(http),
    organisations: organisationAdminResource(http),
    keys: keysResource(http),
    changes: changesResource(http),
  });
}

export type { AllianceAdminResource, ImportOptions } from './resources/alliance-admin.js';
export type { ChangesResource } from './resources/changes.js';
export type { KeysResource } from './resources/keys.js';
export type { OrganisationAdminResource } from './resources/organisation-admin.js';
export type {
  AllianceInput, AlliancePatch, ApiKey, ApiKeyCreated, ApiKeyInput, Change, ChangeActor, ChangeFilters, ChangeKind,
  ImportReport, OrganisationDetail,
} from '@fachkraefte/schema';
