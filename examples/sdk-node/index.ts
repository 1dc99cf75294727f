/**
 * A tour of @fachkraefte/sdk in a Node script:
 *
 *   1. lists the alliances,
 *   2. walks every member of the Fachkräfteallianz Südwest, page after page,
 *   3. shows the readable error for an alliance that does not exist (404),
 *   4. shows the readable error for a response that does not match the API — from a small local
 *      server that answers with broken data on purpose (or FK_BROKEN_API_URL, if set).
 *
 * Run against a local reference server:
 *   pnpm --filter @fachkraefte/server start            # serves http://127.0.0.1:8080
 *   FK_API_URL=http://127.0.0.1:8080 pnpm --filter @fachkraefte/example-sdk-node start
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createClient, isFkError, isNotFoundError, isResponseValidationError, type MembershipRole,
} from '@fachkraefte/sdk';

const baseUrl = process.env.FK_API_URL ?? 'http://127.0.0.1:8080';
const client = createClient({ baseUrl });

const ROLE: Record<MembershipRole, string> = { founding: 'Gründungsmitglied', lead: 'Leitung', member: 'Mitglied' };

// 1. The alliances (all pages; the seed data has six).
console.log(`Allianzen bei ${baseUrl}:`);
let alliances = 0;
for await (const alliance of client.alliances.iterate({ limit: 100 })) {
  alliances++;
  console.log(`  ${alliance.name} (${alliance.state}, ${alliance.kind})`);
}
console.log(`  = ${alliances} Allianzen`);

// 2. Every member of the Fachkräfteallianz Südwest, ten per request.
console.log('\nMitglieder der Fachkräfteallianz Südwest:');
let members = 0;
for await (const member of client.alliances.iterateMembers('fachkraefteallianz-suedwest', { limit: 10 })) {
  members++;
  console.log(`  ${String(members).padStart(2)}. ${member.name} — ${ROLE[member.membership.role]}`);
}
console.log(`  = ${members} Mitglieder`);

// 3. A 404 becomes a NotFoundError with the server's problem details.
console.log('\nEine Allianz, die es nicht gibt:');
try {
  await client.alliances.get('gibt-es-nicht');
  throw new Error('expected a 404');
} catch (error) {
  if (!isNotFoundError(error)) throw error;
  console.log(`  NotFoundError (${error.status}): ${error.message}`);
}

// 4. A response that does not match the API becomes a ResponseValidationError naming each path.
console.log('\nEine fehlerhafte Antwort:');
const broken = process.env.FK_BROKEN_API_URL ? null : await startBrokenServer();
try {
  const brokenClient = createClient({ baseUrl: process.env.FK_BROKEN_API_URL ?? broken!.url, retry: 0 });
  await brokenClient.events.list();
  throw new Error('expected a ResponseValidationError');
} catch (error) {
  if (!isResponseValidationError(error)) throw error;
  console.log(`  ResponseValidationError: ${error.message}`);
  for (const issue of error.issues) console.log(`    - ${issue.path}: ${issue.message}`);
} finally {
  broken?.close();
}

console.log('\nFertig.');

/** A server that answers every request with an event list whose second and third events are broken. */
async function startBrokenServer(): Promise<{ url: string; close(): void }> {
  const event = {
    id: 'netzwerktreffen-loerrach', title: 'Netzwerktreffen', summary: null, description: null,
    start: '2026-03-04T17:00:00+01:00', end: null, allDay: false, venue: null, onlineUrl: null,
    status: 'scheduled', categories: ['netzwerktreffen'], alliances: ['fachkraefteallianz-suedwest'],
    organisers: [], registrationUrl: null, recurrence: null, fictitious: true,
  };
  const body = JSON.stringify({
    items: [event, { ...event, id: 'kaputt', start: 'nächsten Mittwoch' }, { ...event, id: 'unklar', status: 'vielleicht' }],
    nextCursor: null,
  });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
