import {
  Organisation, OrganisationPage,
  type OrganisationFilters, type OrganisationInput, type OrganisationPatch,
} from '@fachkraefte/schema';
import { iterator, type Page } from '../internal/paginate.js';
import { segment, toQuery } from '../internal/query.js';
import type { RequestOptions, Transport } from '../internal/transport.js';

/** `client.organisations`: the member organisations (districts, chambers, schools, companies …). */
export interface OrganisationsResource {
  /**
   * One page of organisations (`GET /v1/organisations`).
   *
   * @example
   * ```ts
   * const { items } = await client.organisations.list({ alliance: 'fachkraefteallianz-suedwest', type: ['landkreis'] });
   * ```
   */
  list(filters?: OrganisationFilters, options?: RequestOptions): Promise<Page<Organisation>>;
  /**
   * Every organisation matching the filters, page after page.
   *
   * @example
   * ```ts
   * for await (const org of client.organisations.iterate({ q: 'Lörrach' })) console.log(org.name);
   * ```
   */
  iterate(filters?: OrganisationFilters, options?: RequestOptions): AsyncIterable<Organisation>;
  /**
   * One organisation by id; a {@link NotFoundError} when there is none.
   *
   * @example
   * ```ts
   * const ihk = await client.organisations.get('ihk-hochrhein-bodensee');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<Organisation>;
  /**
   * Creates an organisation (needs an API key); the id is derived from the name when left out.
   *
   * @example
   * ```ts
   * const org = await client.organisations.create({ name: 'Gewerbeschule Lörrach', type: 'berufsschule' });
   * ```
   */
  create(input: OrganisationInput, options?: RequestOptions): Promise<Organisation>;
  /**
   * Changes some fields of an organisation (needs an API key); `null` clears a field.
   *
   * @example
   * ```ts
   * await client.organisations.update('gewerbeschule-loerrach', { website: 'https://gewerbeschule-loerrach.de' });
   * ```
   */
  update(id: string, patch: OrganisationPatch, options?: RequestOptions): Promise<Organisation>;
  /**
   * Deletes an organisation (needs an API key).
   *
   * @example
   * ```ts
   * await client.organisations.delete('gewerbeschule-loerrach');
   * ```
   */
  delete(id: string, options?: RequestOptions): Promise<void>;
}

/** Builds `client.organisations` on a transport. */
export function organisationsResource(http: Transport): OrganisationsResource {
  const list = (filters?: OrganisationFilters, options?: RequestOptions) =>
    http.get('/organisations', toQuery(filters), OrganisationPage, options);
  return {
    list,
    iterate: iterator(list),
    get: async (id, options) => http.get(`/organisations/${segment(id)}`, '', Organisation, options),
    create: (input, options) => http.send('POST', '/organisations', input, Organisation, options),
    update: async (id, patch, options) => http.send('PATCH', `/organisations/${segment(id)}`, patch, Organisation, options),
    delete: async (id, options) => http.send('DELETE', `/organisations/${segment(id)}`, undefined, null, options),
  };
}
