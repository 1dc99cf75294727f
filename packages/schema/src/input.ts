import * as z from 'zod/mini';
import { Alliance } from './alliance.js';
import { named, Slug, text } from './common.js';
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
    previousStart: z.optional(eventFields.previousStart),
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

const allianceShape = Alliance.shape;

/**
 * The body of `POST /v1/alliances` (admin keys): slug, name, kind and state are required; every
 * other field defaults to unknown (null) or empty.
 */
export const AllianceInput = /* @__PURE__ */ named(
  z.strictObject({
    slug: allianceShape.slug,
    name: allianceShape.name,
    kind: allianceShape.kind,
    state: allianceShape.state,
    areas: z.optional(allianceShape.areas.check(z.maxLength(50))),
    founded: z.optional(allianceShape.founded),
    description: z.optional(allianceShape.description),
    website: z.optional(allianceShape.website),
    coordinator: z.optional(allianceShape.coordinator),
    patrons: z.optional(allianceShape.patrons.check(z.maxLength(20))),
    contacts: z.optional(allianceShape.contacts.check(z.maxLength(20))),
    representatives: z.optional(allianceShape.representatives.check(z.maxLength(50))),
    focusAreas: z.optional(allianceShape.focusAreas.check(z.maxLength(30))),
    projectGroups: z.optional(allianceShape.projectGroups.check(z.maxLength(30))),
    statedMemberCount: z.optional(allianceShape.statedMemberCount),
    parent: z.optional(allianceShape.parent),
    membershipFee: z.optional(allianceShape.membershipFee),
  }),
  'AllianceInput',
);
export type AllianceInput = z.input<typeof AllianceInput>;

/**
 * The body of `PATCH /v1/alliances/{slug}`: any subset of the fields. The alliance's own key may
 * change the profile; `slug`, `kind` and `parent` only an admin key.
 */
export const AlliancePatch = /* @__PURE__ */ named(z.partial(AllianceInput), 'AlliancePatch');
export type AlliancePatch = z.infer<typeof AlliancePatch>;

/** The body of `POST /v1/keys`: whom the key is for, and what it may change. */
export const ApiKeyInput = /* @__PURE__ */ named(
  z.strictObject({
    /** `admin`, or the slug of the one alliance the key may change. */
    scope: Slug,
    /** Whose key this is, e.g. "Geschäftsstelle Südwest (G. Gempp)": shown in lists and the change history. */
    label: text(120),
  }),
  'ApiKeyInput',
);
export type ApiKeyInput = z.infer<typeof ApiKeyInput>;
