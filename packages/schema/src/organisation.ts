import * as z from 'zod/mini';
import { Address, HttpUrl, named, Position, Slug, text } from './common.js';
import { PartialDate } from './partial-date.js';

/**
 * The closed list of organisation types, as stable codes. German labels are in
 * {@link ORGANISATION_TYPE_LABELS}; widgets carry their own translations.
 */
export const ORGANISATION_TYPES = [
  'landkreis', 'gemeinde', 'arbeitsagentur', 'jobcenter', 'ihk', 'handwerkskammer',
  'kreishandwerkerschaft', 'gewerkschaft', 'verband', 'wirtschaftsfoerderung', 'berufsschule',
  'schulamt', 'hochschule', 'bildungsregion', 'schulewirtschaft', 'unternehmen',
  'landesbehoerde', 'sonstige',
] as const;

/** German labels of the organisation types, as the domain names them. */
export const ORGANISATION_TYPE_LABELS = {
  landkreis: 'Landkreis',
  gemeinde: 'Stadt/Gemeinde',
  arbeitsagentur: 'Agentur für Arbeit',
  jobcenter: 'Jobcenter',
  ihk: 'IHK',
  handwerkskammer: 'Handwerkskammer',
  kreishandwerkerschaft: 'Kreishandwerkerschaft',
  gewerkschaft: 'Gewerkschaft',
  verband: 'Arbeitgeber-/Branchenverband',
  wirtschaftsfoerderung: 'Wirtschaftsförderung',
  berufsschule: 'berufliche Schule',
  schulamt: 'Schulamt',
  hochschule: 'Hochschule',
  bildungsregion: 'Bildungsregion',
  schulewirtschaft: 'Arbeitskreis SchuleWirtschaft',
  unternehmen: 'Unternehmen',
  landesbehoerde: 'Landesbehörde/Ministerium',
  sonstige: 'Sonstige',
} as const satisfies Record<(typeof ORGANISATION_TYPES)[number], string>;

/** The type of an organisation, from a closed list. */
export const OrganisationType = /* @__PURE__ */ named(
  z.enum(ORGANISATION_TYPES),
  'OrganisationType',
);
export type OrganisationType = z.infer<typeof OrganisationType>;

/** The fields of an organisation, shared with the write schemas in input.ts. */
export const organisationFields = {
  name: text(200),
  aliases: z.array(text(200)).check(z.maxLength(20)),
  type: OrganisationType,
  address: z.nullable(Address),
  position: z.nullable(Position),
  website: z.nullable(HttpUrl),
};

/** A member organisation: a district, a chamber, a school, a company … */
export const Organisation = /* @__PURE__ */ named(
  z.object({
    id: Slug,
    ...organisationFields,
    /** True for generated example data that is not taken from a source. */
    fictitious: z.boolean(),
    /** When the record last changed (ISO 8601 date-time, UTC); absent on records of older servers. */
    modified: z.optional(z.string()),
  }),
  'Organisation',
);
export type Organisation = z.infer<typeof Organisation>;

/** The part an organisation plays in an alliance. */
export const MembershipRole = /* @__PURE__ */ named(
  z.enum(['founding', 'lead', 'member']),
  'MembershipRole',
);
export type MembershipRole = z.infer<typeof MembershipRole>;

/** An organisation's membership in an alliance. */
export const Membership = /* @__PURE__ */ named(
  z.object({
    alliance: Slug,
    organisation: Slug,
    role: MembershipRole,
    since: z.nullable(PartialDate),
  }),
  'Membership',
);
export type Membership = z.infer<typeof Membership>;

/** An item of `GET /v1/alliances/{slug}/members`: the organisation with its membership. */
export const Member = /* @__PURE__ */ named(
  z.object({
    ...Organisation.shape,
    membership: z.object({ role: MembershipRole, since: z.nullable(PartialDate) }),
  }),
  'Member',
);
export type Member = z.infer<typeof Member>;
