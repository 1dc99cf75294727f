/** Valid API objects for the misbehaving server to send (fictitious, generated). */
import type { Alliance, Event, Organisation } from '@fachkraefte/schema';

export function alliance(slug: string): Alliance {
  return {
    slug, name: `Testallianz ${slug}`, kind: 'regional', state: 'DE-BW', areas: ['Landkreis Lörrach'],
    founded: '2013-04', description: null, website: null, coordinator: null, patrons: [], contacts: [], representatives: [],
    focusAreas: [], projectGroups: [], statedMemberCount: 26, memberCount: 0, parent: null,
    membershipFee: null, fictitious: true,
  };
}

export function organisation(i: number): Organisation {
  return {
    id: `testorganisation-${i}`, name: `Testorganisation ${i}`, aliases: [`TO ${i}`], type: 'unternehmen',
    address: { streetAddress: `Hauptstraße ${i % 200 + 1}`, postalCode: '79539', locality: 'Lörrach', countryCode: 'DE' },
    position: { lat: 47.61 + (i % 100) / 1000, lon: 7.66 + (i % 100) / 1000 }, website: `https://example.org/o/${i}`,
    fictitious: true,
  };
}

export function event(i: number): Event {
  return {
    id: `testevent-${i}`, title: `Netzwerktreffen ${i}`, summary: null, description: null,
    start: '2026-03-04T17:00:00+01:00', end: '2026-03-04T19:00:00+01:00', allDay: false, venue: null,
    onlineUrl: null, status: 'scheduled', categories: ['netzwerktreffen'], alliances: ['testallianz'],
    organisers: [], registrationUrl: null, recurrence: null, fictitious: true,
  };
}
