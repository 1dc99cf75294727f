import * as z from 'zod/mini';
import { named } from './common.js';

/** One thing wrong with a request: which parameter (query key, body path or header) and why. */
export const InvalidParam = /* @__PURE__ */ named(
  z.object({ parameter: z.string(), message: z.string() }),
  'InvalidParam',
);
export type InvalidParam = z.infer<typeof InvalidParam>;

/** RFC 9457 problem details, the body of every 4xx and 5xx answer. */
export const Problem = /* @__PURE__ */ named(
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.int().check(z.gte(400), z.lte(599)),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    errors: z.optional(z.array(InvalidParam)),
  }),
  'Problem',
);
export type Problem = z.infer<typeof Problem>;

/** The problem types this API answers with; each is documented at its URI. */
export const PROBLEM_TYPES = {
  badRequest: 'https://fachkraefte.dev/problems/bad-request',
  unauthorized: 'https://fachkraefte.dev/problems/unauthorized',
  forbidden: 'https://fachkraefte.dev/problems/forbidden',
  notFound: 'https://fachkraefte.dev/problems/not-found',
  conflict: 'https://fachkraefte.dev/problems/conflict',
  methodNotAllowed: 'https://fachkraefte.dev/problems/method-not-allowed',
  payloadTooLarge: 'https://fachkraefte.dev/problems/payload-too-large',
  unsupportedMediaType: 'https://fachkraefte.dev/problems/unsupported-media-type',
  tooManyRequests: 'https://fachkraefte.dev/problems/too-many-requests',
  internal: 'https://fachkraefte.dev/problems/internal',
} as const;
