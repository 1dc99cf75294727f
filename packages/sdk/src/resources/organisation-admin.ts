import {
  OrganisationDetail,
  type OrganisationInput, type OrganisationPatch,
} from '@fachkraefte/schema';
import { segment } from '../internal/query.js';
import type { RequestOptions, Transport } from '../internal/transport.js';
import { organisationsResource, type OrganisationsResource } from './organisations.js';

/**
 * `client.organisations` of the admin client: the same methods, but one organisation comes with
 * `alliances`, the slugs of the alliances it is a member of, which decide who may change it (a
 * scoped key only when every one is its own). A subtype of {@link OrganisationsResource}: kept out
 * of `createClient`, so that the widgets do not bundle a schema they never read.
 */
export interface OrganisationAdminResource extends OrganisationsResource {
  /**
   * One organisation and its alliances; a `NotFoundError` when there is none.
   *
   * @example
   * ```ts
   * const org = await client.organisations.get('wirtschaftsregion-suedwest');
   * const others = org.alliances.filter((a) => a !== me.scope); // a change needs an admin when not empty
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<OrganisationDetail>;
  /**
   * Creates an organisation (any key); `alliances` is empty until it is added as a member.
   *
   * @example
   * ```ts
   * const org = await client.organisations.create({ name: 'Gewerbeschule Lörrach', type: 'berufsschule' });
   * ```
   */
  create(input: OrganisationInput, options?: RequestOptions): Promise<OrganisationDetail>;
  /**
   * Changes some fields of an organisation; a 403 `ApiError` when it is shared with an
   * alliance that is not the key's (see `alliances`). `null` clears a field.
   *
   * @example
   * ```ts
   * await client.organisations.update('gewerbeschule-loerrach', { website: 'https://gewerbeschule-loerrach.de' });
   * ```
   */
  update(id: string, patch: OrganisationPatch, options?: RequestOptions): Promise<OrganisationDetail>;
}

/** Builds the admin client's `client.organisations` on a transport. */
export function organisationAdminResource(http: Transport): OrganisationAdminResource {
  return {
    ...organisationsResource(http),
    get: async (id, options) => http.get(`/organisations/${segment(id)}`, '', OrganisationDetail, options),
    create: (input, options) => http.send('POST', '/organisations', input, OrganisationDetail, options),
    update: async (id, patch, options) => http.send('PATCH', `/organisations/${segment(id)}`, patch, OrganisationDetail, options),
  };
}
