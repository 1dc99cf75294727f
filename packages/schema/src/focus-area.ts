import * as z from 'zod/mini';
import { named, Slug, text } from './common.js';

/** A focus area (Handlungsschwerpunkt) as it appears inside an alliance. */
export const FocusAreaRef = /* @__PURE__ */ named(
  z.object({ slug: Slug, name: text(200) }),
  'FocusAreaRef',
);
export type FocusAreaRef = z.infer<typeof FocusAreaRef>;

/** A focus area with the alliances that work on it, as listed by `GET /v1/focus-areas`. */
export const FocusArea = /* @__PURE__ */ named(
  z.object({ slug: Slug, name: text(200), alliances: z.array(Slug) }),
  'FocusArea',
);
export type FocusArea = z.infer<typeof FocusArea>;

/** A project or working group of an alliance. */
export const ProjectGroup = /* @__PURE__ */ named(
  z.object({ name: text(200), description: z.nullable(text(2000)) }),
  'ProjectGroup',
);
export type ProjectGroup = z.infer<typeof ProjectGroup>;
