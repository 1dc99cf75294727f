import * as z from 'zod/mini';
import { Bundesland, HttpUrl, named, Slug, text } from './common.js';
import { FocusAreaRef, ProjectGroup } from './focus-area.js';
import { PartialDate } from './partial-date.js';
import { Person } from './person.js';

/** What level an alliance works on. */
export const AllianceKind = /* @__PURE__ */ named(
  z.enum(['state', 'regional', 'district', 'network']),
  'AllianceKind',
);
export type AllianceKind = z.infer<typeof AllianceKind>;

/** Who coordinates an alliance: an organisation, people, or both. */
export const Coordinator = /* @__PURE__ */ named(
  z.object({
    organisation: z.nullable(Slug),
    organisationName: z.nullable(text(200)),
    people: z.array(Person),
  }),
  'Coordinator',
);
export type Coordinator = z.infer<typeof Coordinator>;

/**
 * A skilled-worker alliance (Fachkräfteallianz, Fachkräftebündnis, Netzwerk). The sources often
 * give a member count without naming every member: `statedMemberCount` keeps the stated number,
 * `memberCount` counts the members named in the data.
 */
export const Alliance = /* @__PURE__ */ named(
  z.object({
    slug: Slug,
    name: text(200),
    kind: AllianceKind,
    state: Bundesland,
    areas: z.array(text(120)),
    founded: z.nullable(PartialDate),
    description: z.nullable(text(5000)),
    website: z.nullable(HttpUrl),
    coordinator: z.nullable(Coordinator),
    patrons: z.array(Person),
    /** Whom to contact for the alliance, as published (prefer role mailboxes). */
    contacts: z.array(Person),
    /**
     * People the sources quote as speaking for the alliance or its members. Not contacts: a widget
     * shows them as "beteiligt", never with a call to get in touch.
     */
    representatives: z.array(Person),
    focusAreas: z.array(FocusAreaRef),
    projectGroups: z.array(ProjectGroup),
    statedMemberCount: z.nullable(z.int().check(z.gte(0))),
    memberCount: z.int().check(z.gte(0)),
    parent: z.nullable(Slug),
    membershipFee: z.nullable(z.boolean()),
    fictitious: z.boolean(),
    /** When the record last changed (ISO 8601 date-time, UTC); absent on records of older servers. */
    modified: z.optional(z.string()),
  }),
  'Alliance',
);
export type Alliance = z.infer<typeof Alliance>;
