import * as z from 'zod/mini';
import { named, Slug, text } from './common.js';
import { Organisation } from './organisation.js';

// Answers of the write side (keys, change history, imports, an organisation with its alliances), in
// a module of their own: the widgets never need them, so their bundles leave them out.

/** An API key as listed: never the secret, which is shown once when the key is made. */
export const ApiKey = /* @__PURE__ */ named(
  z.object({
    id: z.string(),
    /** `admin` or an alliance slug. */
    scope: Slug,
    label: z.nullable(text(120)),
    createdAt: z.string(),
    /** When the key was revoked; null while it works. */
    revokedAt: z.nullable(z.string()),
  }),
  'ApiKey',
);
export type ApiKey = z.infer<typeof ApiKey>;

/** The answer of `POST /v1/keys`: the key itself, shown this once. */
export const ApiKeyCreated = /* @__PURE__ */ named(
  z.object({
    id: z.string(),
    scope: Slug,
    label: z.nullable(text(120)),
    createdAt: z.string(),
    /** The secret: store it now, the server keeps only its hash. */
    key: z.string(),
  }),
  'ApiKeyCreated',
);
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

/** What kind of record a change is about. */
export const ChangeKind = /* @__PURE__ */ named(z.enum(['alliance', 'organisation', 'membership', 'event', 'key']), 'ChangeKind');
export type ChangeKind = z.infer<typeof ChangeKind>;

/** Who made a change. The key's id and label only for admin keys and keys of the same alliance. */
export const ChangeActor = /* @__PURE__ */ named(
  z.object({
    /** `admin`, an alliance slug, or `system` (data sets loaded by the operator). */
    scope: z.string(),
    keyId: z.optional(z.string()),
    label: z.optional(z.nullable(z.string())),
  }),
  'ChangeActor',
);
export type ChangeActor = z.infer<typeof ChangeActor>;

/**
 * One entry of the change history. A deletion is kept as a tombstone (`action: "deleted"`), so
 * that mirrors and caches learn what to drop.
 */
export const Change = /* @__PURE__ */ named(
  z.object({
    /** Position in the history; increases with every change. */
    seq: z.int(),
    at: z.string(),
    kind: ChangeKind,
    /** The record: a slug, an id, or `alliance/organisation` for a membership. */
    id: z.string(),
    action: z.enum(['created', 'updated', 'deleted']),
    /** The alliances the record belonged to before or after the change. */
    alliances: z.array(z.string()),
    /** The fields that changed (for `updated`). */
    fields: z.array(z.string()),
    by: ChangeActor,
  }),
  'Change',
);
export type Change = z.infer<typeof Change>;

export const ChangePage = /* @__PURE__ */ named(
  z.object({ items: z.array(Change), nextCursor: z.nullable(z.string()) }),
  'ChangePage',
);
export type ChangePage = z.infer<typeof ChangePage>;

/** One event of an import, named as a person knows it: by title and UID, and by its id in the API. */
const ImportedEventRef = {
  /** Event id in the API. */
  id: z.string(),
  /** The VEVENT's UID. */
  uid: z.string(),
  /** Its title, from SUMMARY. */
  title: z.string(),
  /** Its start as stored. */
  start: z.string(),
};

/**
 * The answer of `POST /v1/alliances/{slug}/imports`: what the import did (or, with `dryRun`, would
 * do), event by event.
 */
export const ImportReport = /* @__PURE__ */ named(
  z.object({
    alliance: Slug,
    dryRun: z.boolean(),
    added: z.array(z.object(ImportedEventRef)),
    changed: z.array(z.object({ ...ImportedEventRef, fields: z.array(z.string()) })),
    unchanged: z.array(z.object(ImportedEventRef)),
    /** VEVENTs not imported: as much of their name as could be read, where they stand, and why. */
    skipped: z.array(z.object({
      id: z.nullable(z.string()),
      uid: z.nullable(z.string()),
      title: z.nullable(z.string()),
      start: z.nullable(z.string()),
      reason: z.string(),
      vevent: z.int(),
      line: z.nullable(z.int()),
    })),
  }),
  'ImportReport',
);
export type ImportReport = z.infer<typeof ImportReport>;

/**
 * One organisation as `GET /v1/organisations/{id}` (and the writes of it) answer: the record and
 * the slugs of the alliances it is a member of, sorted. An organisation of several alliances is
 * changed by an admin key only (or by agreement): `alliances` says which, before a change is refused.
 */
export const OrganisationDetail = /* @__PURE__ */ named(
  z.object({
    ...Organisation.shape,
    alliances: z.array(Slug),
  }),
  'OrganisationDetail',
);
export type OrganisationDetail = z.infer<typeof OrganisationDetail>;
