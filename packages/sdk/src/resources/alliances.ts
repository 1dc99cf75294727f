import {
  Alliance, AlliancePage, MemberPage, Membership,
  type AllianceFilters, type Member, type MemberFilters, type MembershipInput,
} from '@fachkraefte/schema';
import { iterator, type Page } from '../internal/paginate.js';
import { segment, toQuery } from '../internal/query.js';
import type { RequestOptions, Transport } from '../internal/transport.js';

/**
 * `client.alliances`: the alliances, their members, and membership changes.
 */
export interface AlliancesResource {
  /**
   * One page of alliances (`GET /v1/alliances`).
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await client.alliances.list({ state: 'DE-BW', limit: 10 });
   * ```
   */
  list(filters?: AllianceFilters, options?: RequestOptions): Promise<Page<Alliance>>;
  /**
   * Every alliance matching the filters, page after page (`limit` sets the page size).
   *
   * @example
   * ```ts
   * for await (const alliance of client.alliances.iterate({ kind: 'regional' })) console.log(alliance.name);
   * ```
   */
  iterate(filters?: AllianceFilters, options?: RequestOptions): AsyncIterable<Alliance>;
  /**
   * One alliance by slug; a {@link NotFoundError} when there is none.
   *
   * @example
   * ```ts
   * const suedwest = await client.alliances.get('fachkraefteallianz-suedwest');
   * ```
   */
  get(slug: string, options?: RequestOptions): Promise<Alliance>;
  /**
   * One page of an alliance's members, each an organisation with its `membership`.
   *
   * @example
   * ```ts
   * const { items } = await client.alliances.members('fachkraefteallianz-suedwest', { type: ['ihk', 'handwerkskammer'] });
   * ```
   */
  members(slug: string, filters?: MemberFilters, options?: RequestOptions): Promise<Page<Member>>;
  /**
   * Every member of an alliance, page after page.
   *
   * @example
   * ```ts
   * for await (const member of client.alliances.iterateMembers('fachkraefteallianz-suedwest')) console.log(member.name);
   * ```
   */
  iterateMembers(slug: string, filters?: MemberFilters, options?: RequestOptions): AsyncIterable<Member>;
  /**
   * The URL of the alliance's members as a GeoJSON FeatureCollection (RFC 7946), for map libraries.
   *
   * @example
   * ```ts
   * const url = client.alliances.membersGeoJsonUrl('fachkraefteallianz-suedwest');
   * // https://api.example.org/v1/alliances/fachkraefteallianz-suedwest/members.geojson
   * ```
   */
  membersGeoJsonUrl(slug: string): string;
  /**
   * Adds an organisation to an alliance or changes its role (`PUT`, needs an API key for the
   * alliance or `admin`).
   *
   * @example
   * ```ts
   * await client.alliances.putMember('fachkraefteallianz-suedwest', 'ihk-hochrhein-bodensee', { role: 'founding', since: '2013-04' });
   * ```
   */
  putMember(slug: string, organisationId: string, membership: MembershipInput, options?: RequestOptions): Promise<Membership>;
  /**
   * Removes an organisation from an alliance (needs an API key).
   *
   * @example
   * ```ts
   * await client.alliances.deleteMember('fachkraefteallianz-suedwest', 'ihk-hochrhein-bodensee');
   * ```
   */
  deleteMember(slug: string, organisationId: string, options?: RequestOptions): Promise<void>;
}

/** Builds `client.alliances` on a transport. */
export function alliancesResource(http: Transport): AlliancesResource {
  const members = async (slug: string, filters?: MemberFilters, options?: RequestOptions) =>
    http.get(`/alliances/${segment(slug)}/members`, toQuery(filters), MemberPage, options);
  const list = (filters?: AllianceFilters, options?: RequestOptions) =>
    http.get('/alliances', toQuery(filters), AlliancePage, options);
  return {
    list,
    iterate: iterator(list),
    get: async (slug, options) => http.get(`/alliances/${segment(slug)}`, '', Alliance, options),
    members,
    iterateMembers: (slug, filters, options) => iterator((f: MemberFilters, o) => members(slug, f, o))(filters, options),
    membersGeoJsonUrl: (slug) => http.url(`/alliances/${segment(slug)}/members.geojson`),
    putMember: async (slug, organisationId, membership, options) =>
      http.send('PUT', `/alliances/${segment(slug)}/members/${segment(organisationId)}`, membership, Membership, options),
    deleteMember: async (slug, organisationId, options) =>
      http.send('DELETE', `/alliances/${segment(slug)}/members/${segment(organisationId)}`, undefined, null, options),
  };
}
