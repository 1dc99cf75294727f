/**
 * GeoJSON (RFC 7946) export of an alliance's members, for maps. Pure functions; the types are
 * defined here because `@types/geojson` is not a dependency and only a small part of it is needed.
 */
import { ORGANISATION_TYPE_LABELS, type Member } from '@fachkraefte/schema';

/** A GeoJSON position: `[longitude, latitude]` — longitude first (RFC 7946 §3.1.1). */
export type GeoJSONPosition = [lon: number, lat: number];

/** A GeoJSON Point geometry (RFC 7946 §3.1.2). */
export interface GeoJSONPoint {
  type: 'Point';
  coordinates: GeoJSONPosition;
}

/** A GeoJSON Feature (RFC 7946 §3.2) with typed properties. */
export interface GeoJSONFeature<G = GeoJSONPoint, P = Record<string, unknown>> {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: P;
}

/** What each member feature carries for popups and filters. */
export interface MemberFeatureProperties {
  name: string;
  /** Organisation type code, e.g. `arbeitsagentur`. */
  type: Member['type'];
  /** German label of the type, e.g. "Agentur für Arbeit". */
  typeLabel: string;
  locality: string | null;
  website: string | null;
  role: Member['membership']['role'];
  /** Partial date (`2013`, `2013-04`, `2013-04-12`) or null when unknown. */
  since: string | null;
  /** True for generated example data. */
  fictitious: boolean;
}

/** A member as a GeoJSON Point feature; `id` is the organisation id. */
export type MemberFeature = GeoJSONFeature<GeoJSONPoint, MemberFeatureProperties> & { id: string };

/**
 * The members of an alliance as a GeoJSON FeatureCollection. The `fk:` keys are foreign members
 * (RFC 7946 §6.1): allowed by the format, ignored by map libraries.
 */
export interface MemberFeatureCollection {
  type: 'FeatureCollection';
  features: MemberFeature[];
  /** Ids of the members left out because their position is unknown, so a map can list them. */
  'fk:withoutPosition': string[];
  /** The alliance slug, when given. */
  'fk:alliance'?: string;
}

/** Alias matching the name the server code asks for. */
export type FeatureCollection = MemberFeatureCollection;

/** Options of {@link membersToGeoJSON}. */
export interface MembersToGeoJSONOptions {
  /**
   * Slug of the alliance the members belong to, written as the foreign member `fk:alliance`.
   * @default undefined
   */
  alliance?: string;
}

/** Rounds to 6 decimals (~0.1 m), the precision RFC 7946 §11.2 suggests; more only adds bytes. */
function round6(n: number): number {
  const r = Math.round(n * 1e6) / 1e6;
  return r === 0 ? 0 : r; // no "-0" in the JSON
}

function hasPosition(m: Member): m is Member & { position: { lat: number; lon: number } } {
  const p = m.position;
  return p !== null && Number.isFinite(p.lat) && Number.isFinite(p.lon)
    && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}

/**
 * Turns members into a GeoJSON FeatureCollection of Points (`[lon, lat]`, 6 decimals). Members
 * without a (valid) position are left out and listed by id in `fk:withoutPosition`.
 *
 * @example
 * ```ts
 * const fc = membersToGeoJSON(members, { alliance: 'fachkraefteallianz-suedwest' });
 * return c.json(fc, 200, { 'content-type': 'application/geo+json' });
 * ```
 */
export function membersToGeoJSON(members: Member[], options: MembersToGeoJSONOptions = {}): FeatureCollection {
  const features: MemberFeature[] = [];
  const withoutPosition: string[] = [];
  for (const m of members) {
    if (!hasPosition(m)) {
      withoutPosition.push(m.id);
      continue;
    }
    features.push({
      type: 'Feature',
      id: m.id,
      geometry: { type: 'Point', coordinates: [round6(m.position.lon), round6(m.position.lat)] },
      properties: {
        name: m.name,
        type: m.type,
        typeLabel: ORGANISATION_TYPE_LABELS[m.type],
        locality: m.address?.locality ?? null,
        website: m.website,
        role: m.membership.role,
        since: m.membership.since,
        fictitious: m.fictitious,
      },
    });
  }
  const collection: FeatureCollection = { type: 'FeatureCollection', features, 'fk:withoutPosition': withoutPosition };
  if (options.alliance !== undefined) collection['fk:alliance'] = options.alliance;
  return collection;
}
