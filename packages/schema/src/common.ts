import * as z from 'zod/mini';

/**
 * The id of every named schema of the API. The OpenAPI document is generated from it (openapi.ts
 * turns it into a zod registry, `apiRegistry`), so a schema is written once and documented once. A
 * plain map, not a zod registry: the browser bundles that validate with these schemas carry no
 * registry code and no document. Never zod's global registry: the SDK runs inside host pages that
 * may use zod themselves.
 */
export const schemaIds = new Map<z.ZodMiniType, string>();

/**
 * Names a schema (see {@link schemaIds}) and returns it unchanged. Only the id: the descriptions
 * of the OpenAPI document live in openapi.ts, which alone needs them, so that they do not ship in
 * every browser bundle that validates with these schemas.
 */
export function named<T extends z.ZodMiniType>(schema: T, id: string): T {
  schemaIds.set(schema, id);
  return schema;
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL-safe identifier: lower-case ASCII letters, digits and single hyphens, 1–80 characters. */
export const Slug = /* @__PURE__ */ named(
  z.string().check(
    z.minLength(1),
    z.maxLength(80),
    z.regex(SLUG_RE, 'expected a slug: lower-case letters, digits and single hyphens'),
  ),
  'Slug',
);

/** A non-empty, trimmed line of text of at most `max` characters. */
export function text(max: number) {
  return z.string().check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(max, `must be at most ${max} characters`),
    z.refine((s) => s.trim() === s, 'must not start or end with white space'),
  );
}

/**
 * An absolute `http:` or `https:` URL. Anything else (`javascript:`, `data:`, relative paths) is
 * rejected, so that no consumer can be made to render a script link from API data.
 */
export const HttpUrl = /* @__PURE__ */ named(
  z.url({
    protocol: /^https?$/,
    // Our own pattern: z.regexes.domain would keep every regex of zod (6 KB) in browser bundles.
    hostname: /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i,
    error: 'expected an absolute http(s) URL',
  }).check(z.maxLength(2000)),
  'HttpUrl',
);

/** An e-mail address. */
export const Email = /* @__PURE__ */ named(
  z.email({ error: 'expected an e-mail address' }).check(z.maxLength(254)),
  'Email',
);

/** A phone number as printed (digits, spaces, `+ - / ( )`). */
export const Phone = /* @__PURE__ */ named(
  z.string().check(
    z.maxLength(40),
    z.regex(/^\+?[0-9][0-9 ()/-]{2,38}$/, 'expected a phone number (digits, spaces, + - / ( ))'),
  ),
  'Phone',
);

/** The 16 German states as ISO 3166-2 codes. */
export const BUNDESLAENDER = [
  'DE-BW', 'DE-BY', 'DE-BE', 'DE-BB', 'DE-HB', 'DE-HH', 'DE-HE', 'DE-MV',
  'DE-NI', 'DE-NW', 'DE-RP', 'DE-SL', 'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH',
] as const;

/** A German state (Bundesland) as ISO 3166-2 code, e.g. `DE-BW`. */
export const Bundesland = /* @__PURE__ */ named(z.enum(BUNDESLAENDER), 'Bundesland');
export type Bundesland = z.infer<typeof Bundesland>;

/** A WGS 84 position. */
export const Position = /* @__PURE__ */ named(
  z.object({
    lat: z.number().check(z.gte(-90), z.lte(90)),
    lon: z.number().check(z.gte(-180), z.lte(180)),
  }),
  'Position',
);
export type Position = z.infer<typeof Position>;

/** A postal address; only the locality is required. */
export const Address = /* @__PURE__ */ named(
  z.object({
    streetAddress: z.nullable(text(200)),
    postalCode: z.nullable(z.string().check(z.regex(/^[0-9]{5}$/, 'expected a five-digit postal code'))),
    locality: text(120),
    countryCode: z.literal('DE'),
  }),
  'Address',
);
export type Address = z.infer<typeof Address>;
