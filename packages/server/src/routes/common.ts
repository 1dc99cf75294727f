import { formatIssues } from '@fachkraefte/schema';
import * as z from 'zod/mini';
import { badRequest } from '../http/problem.js';
import type { WriteLimiter } from '../http/rate-limit.js';
import type { Store } from '../store/store.js';

/** What every route sees in its context. */
export interface AppEnv {
  Variables: {
    store: Store;
    /** The message of an unexpected error, for the request log. */
    error?: string;
    /** The secret of the server's own command line (see control.ts), when it has one. */
    controlToken?: string;
    writeLimiter?: WriteLimiter;
    /** The ETag of a public read, derived from the data version (http/read-cache.ts). */
    etag?: string;
  };
}

/** For routes that take no query parameters: every key is reported as unknown. */
export const emptyQuery = z.strictObject({});

/** A path segment checked against its schema; 400 naming the segment when it does not fit. */
export function pathParam<S extends z.ZodMiniType<string>>(value: string, name: string, schema: S): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(formatIssues(result.error.issues, name));
  return result.data;
}

/** Turns a title into an id: `Beispiel: Tag der Ausbildung` → `beispiel-tag-der-ausbildung`. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug || 'x';
}
