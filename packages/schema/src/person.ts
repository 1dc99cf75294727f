import * as z from 'zod/mini';
import { Email, named, Phone, Slug, text } from './common.js';
import { PartialDate } from './partial-date.js';

/**
 * A person named in an alliance's published material, with the role they held. People are
 * personal data: the data set holds only what was published, and prefers role mailboxes.
 */
export const Person = /* @__PURE__ */ named(
  z.object({
    name: text(120),
    role: z.nullable(text(160)),
    /** The organisation's id when it is in the data set. */
    organisation: z.nullable(Slug),
    /** The organisation's name as published, also when it is not in the data set. */
    organisationName: z.nullable(text(200)),
    from: z.nullable(PartialDate),
    to: z.nullable(PartialDate),
    email: z.nullable(Email),
    phone: z.nullable(Phone),
  }),
  'Person',
);
export type Person = z.infer<typeof Person>;
