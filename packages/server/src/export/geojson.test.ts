import { describe, expect, it } from 'vitest';
import type { Member } from '@fachkraefte/schema';
import { membersToGeoJSON } from './geojson.js';

function member(fields: Partial<Member> & Pick<Member, 'id' | 'name'>): Member {
  return {
    aliases: [], type: 'sonstige', address: null, position: null, website: null, fictitious: false,
    membership: { role: 'member', since: null }, ...fields,
  };
}

const loerrach = member({
  id: 'landkreis-loerrach',
  name: 'Landkreis Lörrach',
  type: 'landkreis',
  address: { streetAddress: 'Palmstraße 3', postalCode: '79539', locality: 'Lörrach', countryCode: 'DE' },
  position: { lat: 47.6156, lon: 7.6614 },
  website: 'https://www.loerrach-landkreis.de',
  membership: { role: 'founding', since: '2013-04' },
});
const waldshut = member({
  id: 'landkreis-waldshut', name: 'Landkreis Waldshut', type: 'landkreis',
  address: { streetAddress: null, postalCode: null, locality: 'Waldshut-Tiengen', countryCode: 'DE' },
  position: { lat: 47.6234567891, lon: 8.2145678912 },
});
const ohneOrt = member({ id: 'agentur-fuer-arbeit-loerrach', name: 'Agentur für Arbeit Lörrach', type: 'arbeitsagentur' });
// Lörrach and Waldshut lie north and east of 0/0 with lat > lon; a point south and west (Santiago de
// Chile) makes a swapped or sign-flipped order show as well.
const west = member({ id: 'partner-west', name: 'Partner West', position: { lat: -33.4489, lon: -70.6693 } });

describe('membersToGeoJSON', () => {
  const fc = membersToGeoJSON([loerrach, ohneOrt, waldshut, west], { alliance: 'fachkraefteallianz-suedwest' });

  it('is a FeatureCollection of Point features, longitude first', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.type)).toEqual(['Feature', 'Feature', 'Feature']);
    expect(fc.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    expect(fc.features[0]!.geometry.coordinates).toEqual([7.6614, 47.6156]);
    expect(fc.features[2]!.geometry.coordinates).toEqual([-70.6693, -33.4489]);
  });

  it('rounds coordinates to 6 decimals', () => {
    expect(fc.features[1]!.geometry.coordinates).toEqual([8.214568, 47.623457]);
  });

  it('uses the organisation id as feature id and carries the member properties', () => {
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      id: 'landkreis-loerrach',
      geometry: { type: 'Point', coordinates: [7.6614, 47.6156] },
      properties: {
        name: 'Landkreis Lörrach', type: 'landkreis', typeLabel: 'Landkreis', locality: 'Lörrach',
        website: 'https://www.loerrach-landkreis.de', role: 'founding', since: '2013-04', fictitious: false,
      },
    });
    expect(fc.features[2]!.properties.locality).toBeNull();
  });

  it('leaves out members without a position and lists their ids', () => {
    expect(fc.features.map((f) => f.id)).toEqual(['landkreis-loerrach', 'landkreis-waldshut', 'partner-west']);
    expect(fc['fk:withoutPosition']).toEqual(['agentur-fuer-arbeit-loerrach']);
    expect(fc['fk:alliance']).toBe('fachkraefteallianz-suedwest');
  });

  it('treats an impossible position as unknown rather than writing it', () => {
    const broken = member({ id: 'kaputt', name: 'Kaputt', position: { lat: Number.NaN, lon: 7 } });
    const far = member({ id: 'zu-weit', name: 'Zu weit', position: { lat: 47, lon: 181 } });
    expect(membersToGeoJSON([broken, far])['fk:withoutPosition']).toEqual(['kaputt', 'zu-weit']);
  });

  it('survives JSON and stays valid RFC 7946 for an empty list', () => {
    const empty = membersToGeoJSON([]);
    expect(JSON.parse(JSON.stringify(empty))).toEqual({ type: 'FeatureCollection', features: [], 'fk:withoutPosition': [] });
    expect(empty).not.toHaveProperty('fk:alliance');
    const text = JSON.stringify(fc);
    expect(text).not.toContain('"crs"');
    expect(JSON.parse(text)).toEqual(fc);
  });
});
