import * as z from 'zod/mini';
import { schemaIds } from './common.js';
// Used as a namespace so that no bundler drops a module whose only effect is naming schemas.
import * as allSchemas from './index.js';
import {
  AllianceFilters, ChangeFilters, EventFilters, FocusAreaFilters, MemberFilters, OrganisationFilters,
} from './filters.js';
import { ORGANISATION_TYPE_LABELS } from './organisation.js';

type Json = Record<string, unknown>;

/** Every named schema of the API by its id: what the OpenAPI document's `components.schemas` are made of. */
export const apiRegistry = z.registry<{ id: string; title?: string; description?: string }>();
for (const [schema, id] of schemaIds) apiRegistry.add(schema, { id });

const PAGE_DESCRIPTION = 'A page of results. Pass nextCursor as `cursor` to get the next page; null on the last page.';

/**
 * The description of every named schema, by id. They live here and not next to the schemas:
 * only this document needs them, and the schemas also ship to browsers (the SDK, the widgets),
 * where these texts were more than a kilobyte of dead weight.
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  Slug: 'URL-safe identifier (lower-case ASCII letters, digits, single hyphens).',
  HttpUrl: 'Absolute http: or https: URL.',
  Email: 'E-mail address.',
  Phone: 'Phone number as published, e.g. "05121-9129833".',
  Bundesland: 'German state as ISO 3166-2 code.',
  Position: 'WGS 84 position in decimal degrees.',
  Address: 'Postal address in Germany.',
  PartialDate: 'A date known to the year (2013), month (2013-04) or day (2013-04-12).',
  Person: 'A person with a published role (contact, patron, coordinator). Null where the sources say nothing.',
  FocusAreaRef: 'A focus area (Handlungsschwerpunkt), e.g. "Übergang von der Schule in den Beruf".',
  FocusArea: 'A focus area and the slugs of the alliances that name it.',
  ProjectGroup: 'A project group or working group of an alliance (Projektgruppe, Arbeitsgruppe).',
  AllianceKind: 'state: state-wide alliance; regional: several districts; district: one Landkreis; network: a looser network.',
  Coordinator: 'The coordinating office of an alliance.',
  Alliance: 'A regional skilled-worker alliance. Null where the sources leave a fact open.',
  OrganisationType: Object.entries(ORGANISATION_TYPE_LABELS).map(([k, v]) => `${k}: ${v}`).join('; '),
  Organisation: 'An organisation that plays a part in one or several alliances.',
  OrganisationDetail: 'An organisation and the slugs of the alliances it is a member of (sorted). A scoped key may change it only when every one of them is the key\'s alliance (or it is in none and that alliance created it): alliances says in advance whether a change will be refused.',
  MembershipRole: 'founding: founding member; lead: leads or coordinates the alliance; member: member or partner.',
  Membership: 'An organisation\'s membership in an alliance.',
  Member: 'An organisation together with its role in the alliance and the date it joined.',
  DateTime: 'ISO 8601 date-time with a UTC offset or Z.',
  EventStatus: 'scheduled; cancelled (abgesagt); postponed (verschoben, new date open); rescheduled (auf neuen Termin verlegt; previousStart names the former start where known).',
  EventCategory: 'Event category code.',
  Venue: 'The place of an event.',
  Recurrence: 'RFC 5545 recurrence rule (RRULE value) and excluded start dates (EXDATE).',
  Event: 'An event. All-day events carry dates (last day inclusive); timed events ISO date-times with offset, shown in Europe/Berlin. previousStart (schema.org previousStartDate): the former start of a rescheduled event, in the form of start; null when unknown or not rescheduled (absent from older servers).',
  OrganisationInput: 'A new organisation. Fields left out are stored as unknown (null).',
  OrganisationPatch: 'Changes to an organisation; fields left out stay as they are, null clears a field.',
  MembershipInput: 'Creates or replaces a membership.',
  EventInput: 'A new event. Left-out fields default to null, [], false or "scheduled". previousStart only with status "rescheduled" (else 400 naming body.previousStart).',
  EventPatch: 'Changes to an event; left-out fields stay, null clears. The result must still be a valid Event.',
  AllianceInput: 'A new alliance (admin keys). slug, name, kind and state are required; left-out fields are unknown (null) or empty.',
  AlliancePatch: 'Changes to an alliance profile; left-out fields stay, null clears. slug, kind and parent: admin keys only.',
  ApiKeyInput: 'A new API key: scope "admin" or an alliance slug, and a label saying whose key it is.',
  ApiKey: 'An API key as listed: never its secret.',
  ApiKeyCreated: 'A new API key with its secret, shown this once; the server keeps only a hash.',
  ChangeKind: 'The kind of record a change is about.',
  ChangeActor: 'Who made a change: the scope for everyone; the key id and label only for admin keys and keys of an alliance the change concerns (a label may name a person).',
  Change: 'One entry of the change history; deletions are kept as tombstones (action "deleted").',
  ChangePage: PAGE_DESCRIPTION,
  ImportReport: 'What an import did (or with dryRun would do), event by event: added, changed (with the fields), unchanged, and skipped with the reason and where in the file.',
  InvalidParam: 'A parameter that was rejected: a query key, a path segment or a JSON path into the body such as "venue.position.lat".',
  Problem: 'RFC 9457 problem details (application/problem+json).',
  AlliancePage: PAGE_DESCRIPTION,
  MemberPage: PAGE_DESCRIPTION,
  OrganisationPage: PAGE_DESCRIPTION,
  EventPage: PAGE_DESCRIPTION,
  FocusAreaPage: PAGE_DESCRIPTION,
};

/** The description of the schema registered as `id`; a page made with `page()` elsewhere gets the page text. */
function describeSchema(id: string): string {
  const description = DESCRIPTIONS[id] ?? (id.endsWith('Page') ? PAGE_DESCRIPTION : undefined);
  // A schema without a description would slip into the document undocumented: fail loudly instead.
  if (description === undefined) throw new Error(`openapi.ts: no description for the schema "${id}"; add one to DESCRIPTIONS`);
  return description;
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** The query parameters of a list, generated from its filter schema: written once. */
function queryParameters(filters: z.ZodMiniObject): Json[] {
  const params: Json[] = [];
  for (const [name, field] of Object.entries(filters.shape)) {
    const schema = z.toJSONSchema(field as z.ZodMiniType, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
    delete schema.$schema;
    const isArray = schema.type === 'array';
    params.push({
      name,
      in: 'query',
      required: false,
      ...(isArray ? { style: 'form', explode: false, description: 'Several values separated by commas.' } : {}),
      schema,
    });
  }
  return params;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const json = (schemaId: string, description: string) => ({
  description,
  headers: {
    ETag: { $ref: '#/components/headers/ETag' },
    'Cache-Control': { $ref: '#/components/headers/CacheControl' },
  },
  content: { 'application/json': { schema: ref(schemaId) } },
});

const notModified = { description: 'Not modified: the ETag sent in If-None-Match still matches.' };
const ifNoneMatch = { $ref: '#/components/parameters/IfNoneMatch' };
const pathParam = (name: string, description: string) => ({
  name, in: 'path', required: true, description, schema: ref('Slug'),
});

function read(operationId: string, summary: string, description: string, tag: string, ok: Json, params: Json[] = [], extra: Json = {}) {
  return {
    get: {
      operationId, summary, description, tags: [tag], security: [],
      parameters: [...params, ifNoneMatch],
      responses: { '200': ok, '304': notModified, '400': problem('A parameter is unknown or malformed.'), ...extra },
    },
  };
}

function write(method: 'post' | 'patch' | 'put' | 'delete', operationId: string, summary: string, description: string, tag: string, body: string | null, ok: Json, params: Json[] = []) {
  return {
    [method]: {
      operationId, summary, description, tags: [tag],
      security: [{ apiKey: [] }],
      parameters: params,
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(body) } } } } : {}),
      responses: {
        ...ok,
        '400': problem('The body or a parameter is malformed; errors[].parameter names each field.'),
        '401': problem('No, an unknown or a revoked API key.'),
        '403': problem('The API key does not cover this change; the detail says why.'),
        '404': problem('Not found.'),
        ...(body ? { '413': problem('The body is larger than the server accepts.'), '415': problem('The body is not application/json.') } : {}),
        '429': { ...problem('Too many writes with this key; retry after the seconds in Retry-After.'), headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } },
      },
    },
  };
}

const SCOPE_RULES = 'A scoped key may change an event only when every alliance it names is the key\'s; a key of another alliance may add or remove its own alliance (co-organise, withdraw) and change nothing else.';
const ORG_RULES = 'A scoped key may change or delete an organisation only when every alliance it belongs to is the key\'s, or when it belongs to none and the key\'s alliance created it; otherwise 403 naming the other alliances. The organisation\'s `alliances` (GET /v1/organisations/{id}) tells in advance.';

const icsContent = (description: string) => ({
  description,
  headers: { ETag: { $ref: '#/components/headers/ETag' }, 'Cache-Control': { $ref: '#/components/headers/CacheControl' } },
  content: { 'text/calendar': { schema: { type: 'string' } } },
});

/**
 * The OpenAPI 3.1 document of the whole API, generated from the zod schemas: the schemas are the
 * one source of truth, the document is never written by hand.
 */
export function createOpenApiDocument(options: { serverUrl?: string; version?: string; contact?: { name?: string; url?: string; email?: string } } = {}): Json {
  if (Object.keys(allSchemas).length === 0) throw new Error('schemas not loaded');
  const { schemas } = z.toJSONSchema(apiRegistry, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  for (const [id, schema] of Object.entries(schemas)) {
    delete schema.$schema;
    delete schema.$id;
    schema.description = describeSchema(id);
  }
  const slug = pathParam('slug', 'The alliance slug, e.g. fachkraefteallianz-suedwest.');
  const orgId = pathParam('id', 'The organisation id.');
  const eventId = pathParam('id', 'The event id.');
  const notFound = { '404': problem('No such resource.') };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fachkräfte API',
      version: options.version ?? '1.0.0',
      summary: 'Alliances, member organisations, contacts and events of regional skilled-worker alliances.',
      description:
        'Read access is public, cacheable (ETag, Cache-Control) and CORS-enabled. Writes need an API key (Authorization: Bearer …) scoped to one alliance or to all. Errors are RFC 9457 problem details.',
      license: { name: 'MIT', identifier: 'MIT' },
      // Whom to ask about this deployment: the operator, who may pass their own (`contact`).
      contact: options.contact ?? { name: 'The operator of this server' },
    },
    servers: [{ url: options.serverUrl ?? '/', description: 'The server that serves this document' }],
    tags: [
      { name: 'alliances', description: 'Skilled-worker alliances and their members.' },
      { name: 'organisations', description: 'Member organisations.' },
      { name: 'events', description: 'Events, also as iCalendar.' },
      { name: 'focus-areas', description: 'Focus areas (Handlungsschwerpunkte).' },
      { name: 'keys', description: 'API keys for writes.' },
      { name: 'meta', description: 'Change history, data sets, health and the API description.' },
    ],
    paths: {
      '/v1/alliances': {
        ...read('listAlliances', 'List alliances', 'The alliances, by name; filter by state, kind or a search text.', 'alliances', json('AlliancePage', 'A page of alliances.'), queryParameters(AllianceFilters)),
        ...write('post', 'createAlliance', 'Create an alliance', 'Admin keys only.', 'alliances', 'AllianceInput', {
          '201': { description: 'Created.', content: { 'application/json': { schema: ref('Alliance') } } },
          '409': problem('An alliance with this slug exists.'),
        }),
      },
      '/v1/alliances/{slug}': {
        ...read('getAlliance', 'Get an alliance', 'One alliance with its profile: areas, coordinator, contacts, focus areas, project groups, stated and named member counts.', 'alliances', json('Alliance', 'The alliance.'), [slug], notFound),
        ...write('patch', 'updateAlliance', 'Change an alliance profile', 'The alliance\'s own key or an admin key. slug, kind and parent: admin keys only (a new slug is carried into memberships, events and keys).', 'alliances', 'AlliancePatch', {
          '200': { description: 'Changed.', content: { 'application/json': { schema: ref('Alliance') } } },
          '409': problem('The new slug is taken.'),
        }, [slug]),
        ...write('delete', 'deleteAlliance', 'Delete an alliance', 'Admin keys only. Its memberships go (the organisations stay), its keys are revoked, events it organised alone are deleted and co-organised ones lose it; each change is in the history.', 'alliances', null, { '204': { description: 'Deleted.' } }, [slug]),
      },
      '/v1/alliances/{slug}/members': read('listMembers', 'List the members of an alliance', 'Member organisations by name, each with its role and the date it joined.', 'alliances', json('MemberPage', 'A page of member organisations with their role.'), [slug, ...queryParameters(MemberFilters)], notFound),
      '/v1/alliances/{slug}/members.geojson': read('getMembersGeoJson', 'Members as GeoJSON', 'Every member with a known position, for maps and GIS tools.', 'alliances', {
        description: 'An RFC 7946 FeatureCollection of the members with a position (lon/lat order).',
        headers: { ETag: { $ref: '#/components/headers/ETag' }, 'Cache-Control': { $ref: '#/components/headers/CacheControl' } },
        content: { 'application/geo+json': { schema: { type: 'object', required: ['type', 'features'], properties: { type: { const: 'FeatureCollection' }, features: { type: 'array', items: { type: 'object' } } } } } },
      }, [slug], notFound),
      '/v1/alliances/{slug}/members/{id}': {
        ...write('put', 'putMember', 'Add or change a membership', 'The alliance\'s key or an admin key. Any existing organisation may be added; membership grants no right to change the organisation.', 'alliances', 'MembershipInput', {
          '200': { description: 'The membership was changed.', content: { 'application/json': { schema: ref('Membership') } } },
          '201': { description: 'The membership was created.', content: { 'application/json': { schema: ref('Membership') } } },
        }, [slug, orgId]),
        ...write('delete', 'deleteMember', 'Remove a membership', 'The alliance\'s key or an admin key. The organisation stays.', 'alliances', null, { '204': { description: 'Removed.' } }, [slug, orgId]),
      },
      '/v1/alliances/{slug}/imports': {
        post: {
          operationId: 'importCalendar', summary: 'Import an iCalendar file', tags: ['alliances'], security: [{ apiKey: [] }],
          description: 'Imports the VEVENTs of an iCalendar file (RFC 5545, also Outlook exports with Windows zone names) into the alliance\'s events. Idempotent by UID: the same file again changes nothing. With dryRun=true nothing is written and the report says what would happen. The report names each event by title and UID.',
          parameters: [slug, { name: 'dryRun', in: 'query', required: false, description: 'true: report only, write nothing.', schema: { type: 'string', enum: ['true', 'false'] } }],
          requestBody: { required: true, content: { 'text/calendar': { schema: { type: 'string', maxLength: 2 * 1024 * 1024 } } } },
          responses: {
            '200': { description: 'What was (or would be) added, changed, left unchanged and skipped, with the reason.', content: { 'application/json': { schema: ref('ImportReport') } } },
            '400': problem('The file is not an iCalendar file, or a parameter is malformed.'),
            '401': problem('No, an unknown or a revoked API key.'),
            '403': problem('The API key is not this alliance\'s.'),
            '404': problem('No such alliance.'),
            '413': problem('The file is larger than 2 MB.'),
            '415': problem('The body is not text/calendar.'),
            '429': problem('Too many writes with this key.'),
          },
        },
      },
      '/v1/organisations': {
        ...read('listOrganisations', 'List organisations', 'Every organisation, by name; `alliance` (one slug) limits the list to that alliance\'s members.', 'organisations', json('OrganisationPage', 'A page of organisations.'), queryParameters(OrganisationFilters)),
        ...write('post', 'createOrganisation', 'Create an organisation', `Any key. The key\'s alliance is recorded as its creator. ${ORG_RULES}`, 'organisations', 'OrganisationInput', {
          '201': { description: 'Created (a new organisation is a member of no alliance yet).', content: { 'application/json': { schema: ref('OrganisationDetail') } } },
          '409': problem('An organisation with this id exists.'),
        }),
      },
      '/v1/organisations/{id}': {
        ...read('getOrganisation', 'Get an organisation', 'One organisation, with the alliances it is a member of.', 'organisations', json('OrganisationDetail', 'The organisation and its alliances.'), [orgId], notFound),
        ...write('patch', 'updateOrganisation', 'Change an organisation', ORG_RULES, 'organisations', 'OrganisationPatch', {
          '200': { description: 'Changed.', content: { 'application/json': { schema: ref('OrganisationDetail') } } },
        }, [orgId]),
        ...write('delete', 'deleteOrganisation', 'Delete an organisation and its memberships', ORG_RULES, 'organisations', null, { '204': { description: 'Deleted.' } }, [orgId]),
      },
      '/v1/events': {
        ...read('listEvents', 'List events', 'Events that overlap from/to, ordered by start; a series is listed once when any occurrence may fall into the range.', 'events', json('EventPage', 'A page of events, ordered by start.'), queryParameters(EventFilters)),
        ...write('post', 'createEvent', 'Create an event', SCOPE_RULES, 'events', 'EventInput', {
          '201': { description: 'Created.', content: { 'application/json': { schema: ref('Event') } } },
          '409': problem('An event with this id exists.'),
        }),
      },
      '/v1/events.ics': read('getEventsFeed', 'Events as an iCalendar feed', 'The events that match the filters as one RFC 5545 calendar, for calendar apps to subscribe to. Takes no limit or cursor: it carries every matching event.', 'events', icsContent('An RFC 5545 calendar with the events that match the filters.'), queryParameters(EventFilters).filter((p) => p.name !== 'cursor' && p.name !== 'limit')),
      '/v1/events/{id}': {
        ...read('getEvent', 'Get an event', 'One event.', 'events', json('Event', 'The event.'), [eventId], notFound),
        ...write('patch', 'updateEvent', 'Change an event', SCOPE_RULES, 'events', 'EventPatch', {
          '200': { description: 'Changed.', content: { 'application/json': { schema: ref('Event') } } },
        }, [eventId]),
        ...write('delete', 'deleteEvent', 'Delete an event', `${SCOPE_RULES} A co-organising key withdraws instead of deleting.`, 'events', null, { '204': { description: 'Deleted.' } }, [eventId]),
      },
      '/v1/events/{id}.ics': read('getEventIcs', 'One event as iCalendar', 'One event as an RFC 5545 file, to add it to a calendar.', 'events', icsContent('An RFC 5545 calendar with this one event.'), [eventId], notFound),
      '/v1/focus-areas': read('listFocusAreas', 'List focus areas', 'Focus areas named by any alliance.', 'focus-areas', json('FocusAreaPage', 'The focus areas with the alliances that name them.'), queryParameters(FocusAreaFilters)),
      '/v1/changes': read('listChanges', 'The change history', 'Every write, oldest first, with tombstones for deletions: for caches, mirrors and CMS integrations to sync (like OParl\'s modified_since and deleted objects). Public; who made a change is shown in full only to admin keys and keys of an alliance the change concerns. The history of keys is for admin keys only.', 'meta', json('ChangePage', 'A page of changes.'), queryParameters(ChangeFilters)),
      '/v1/keys': {
        get: {
          operationId: 'listKeys', summary: 'List API keys', tags: ['keys'], security: [{ apiKey: [] }],
          description: 'Admin keys see every key, a scoped key only itself. Never the secrets. Private: no shared cache keeps it.',
          parameters: [ifNoneMatch],
          responses: {
            '304': notModified,
            '200': { description: 'The keys.', content: { 'application/json': { schema: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: ref('ApiKey') }, nextCursor: { type: 'null' } } } } } },
            '400': problem('An unknown query parameter was sent.'),
            '401': problem('No, an unknown or a revoked API key.'),
          },
        },
        ...write('post', 'createKey', 'Create an API key', 'Admin keys only. The answer carries the key once; the server keeps only its hash.', 'keys', 'ApiKeyInput', {
          '201': { description: 'Created; store the key now.', content: { 'application/json': { schema: ref('ApiKeyCreated') } } },
        }),
      },
      '/v1/keys/self': {
        get: {
          operationId: 'getOwnKey', summary: 'The key of this request', tags: ['keys'], security: [{ apiKey: [] }],
          description: 'Who is signed in: the id, scope and label of the key sent, never its secret. For apps that sign in with a key (the coordinators\' app at /verwaltung/). Private: no shared cache keeps it.',
          responses: {
            '200': { description: 'The key.', content: { 'application/json': { schema: ref('ApiKey') } } },
            '400': problem('A query parameter was sent.'),
            '401': problem('No, an unknown or a revoked API key.'),
          },
        },
      },
      '/v1/keys/{id}': write('delete', 'revokeKey', 'Revoke an API key', 'An admin key, or a key revoking itself. Takes effect at once.', 'keys', null, { '204': { description: 'Revoked.' } }, [{ name: 'id', in: 'path', required: true, description: 'The key id.', schema: { type: 'string' } }]),
      '/v1/data-sets': write('post', 'loadDataSet', 'Load a data set', 'Admin keys only (the command line `load` uses it while a server runs). Body: {"name": "seed" | "upcoming" | "volume"}, or a whole data set {name, alliances, organisations, memberships, events}. Inserts or replaces by id; loading the same set twice changes nothing.', 'meta', null, {
        '200': { description: 'Loaded: the counts of the set.', content: { 'application/json': { schema: { type: 'object' } } } },
      }),
      '/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi', summary: 'This document', description: 'The OpenAPI 3.1 document of this API, generated from the same schemas the server validates with.', tags: ['meta'], security: [],
          parameters: [ifNoneMatch],
          responses: { '400': problem('An unknown query parameter was sent.'), '200': { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } }, '304': notModified },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health', summary: 'Liveness and database check', description: 'For load balancers and monitoring: 200 while the database answers.', tags: ['meta'], security: [],
          responses: {
            '200': { description: 'Up.', content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } } } } },
            '400': problem('An unknown query parameter was sent.'),
            '503': problem('The database does not answer.'),
          },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: from `POST /v1/keys` (admin), or `fachkraefte-server keys create` on the server.' },
      },
      parameters: {
        IfNoneMatch: { name: 'If-None-Match', in: 'header', required: false, description: 'An ETag from an earlier answer; the server answers 304 while it still matches.', schema: { type: 'string' } },
      },
      headers: {
        ETag: { description: 'Entity tag of the representation.', schema: { type: 'string' } },
        CacheControl: { description: 'public, max-age and stale-while-revalidate for shared caches: a change is visible to every reader within twice max-age.', schema: { type: 'string' } },
      },
    },
  };
}
