import * as z from 'zod/mini';
import { named, Slug } from './common.js';
import { eventFields } from './event.js';
import { MembershipRole, OrganisationType, organisationFields } from './organisation.js';
import { PartialDate } from './partial-date.js';

// The bodies of write requests, in a module of their own: a client that only reads never bundles them.

/** The body of `POST /v1/organisations`; `id` is derived from the name when left out. */
export const OrganisationInput = /* @__PURE__ */ named(
  z.strictObject({
    id: z.optional(Slug),
    name: organisationFields.name,
    aliases: z.optional(organisationFields.aliases),
    type: OrganisationType,
    address: z.optional(organisationFields.address),
    position: z.optional(organisationFields.position),
    website: z.optional(organisationFields.website),
  }),
  'OrganisationInput',
);
export type OrganisationInput = z.input<typeof OrganisationInput>;

/** The body of `PATCH /v1/organisations/{id}`: any subset of the fields, `id` excluded. */
export const OrganisationPatch = /* @__PURE__ */ named(
  // Every field of the input optional, the id excluded: a patch cannot rename an organisation's id.
  z.omit(z.partial(OrganisationInput), { id: true }),
  'OrganisationPatch',
);
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;

/** The body of `PUT /v1/alliances/{slug}/members/{id}`. */
export const MembershipInput = /* @__PURE__ */ named(
  z.strictObject({ role: MembershipRole, since: z.optional(z.nullable(PartialDate)) }),
  'MembershipInput',
);
export type MembershipInput = z.infer<typeof MembershipInput>;

/** The body of `POST /v1/events`; the id is generated when left out. */
export const EventInput = /* @__PURE__ */ named(
  z.strictObject({
    id: z.optional(Slug),
    title: eventFields.title,
    summary: z.optional(eventFields.summary),
    description: z.optional(eventFields.description),
    start: eventFields.start,
    end: z.optional(eventFields.end),
    allDay: z.optional(eventFields.allDay),
    venue: z.optional(eventFields.venue),
    onlineUrl: z.optional(eventFields.onlineUrl),
    status: z.optional(eventFields.status),
    categories: z.optional(eventFields.categories),
    alliances: eventFields.alliances.check(z.minLength(1, 'an event belongs to at least one alliance')),
    organisers: z.optional(eventFields.organisers),
    registrationUrl: z.optional(eventFields.registrationUrl),
    recurrence: z.optional(eventFields.recurrence),
  }),
  'EventInput',
);
export type EventInput = z.input<typeof EventInput>;

/** The body of `PATCH /v1/events/{id}`. */
export const EventPatch = /* @__PURE__ */ named(
  z.omit(z.partial(EventInput), { id: true }),
  'EventPatch',
);
export type EventPatch = z.infer<typeof EventPatch>;
