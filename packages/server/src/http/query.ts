import { formatIssues, type InvalidParam } from '@fachkraefte/schema';
import type * as z from 'zod/mini';
import { badRequest } from './problem.js';

/** Unwraps `optional(...)` to see whether a filter takes a list. */
function innerType(schema: z.ZodMiniType): string {
  const def = schema._zod.def as { type: string; innerType?: z.ZodMiniType };
  return def.type === 'optional' && def.innerType ? innerType(def.innerType) : def.type;
}

const MAX_QUERY_VALUES = 100;

/**
 * Reads a query string against a filter schema: unknown keys, repeated single-valued keys, empty
 * values and malformed numbers are all answered with a 400 naming the parameter. List filters take
 * comma-separated values or repeated keys (`alliance=a,b` or `alliance=a&alliance=b`).
 */
export function parseQuery<S extends z.ZodMiniObject>(url: URL, schema: S, extraAllowed: readonly string[] = []): z.infer<S> {
  const shape = schema.shape as Record<string, z.ZodMiniType>;
  const raw: Record<string, unknown> = {};
  const errors: InvalidParam[] = [];
  const keys = [...new Set(url.searchParams.keys())];
  for (const key of keys) {
    if (extraAllowed.includes(key)) continue;
    // Own keys only: `shape['constructor']` or `shape['__proto__']` is inherited and was taken for a
    // filter, which failed with a 500.
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!field) {
      errors.push({ parameter: key, message: `is not a known parameter; known: ${Object.keys(shape).join(', ')}` });
      continue;
    }
    const values = url.searchParams.getAll(key);
    // PostgreSQL text cannot hold NUL: left in, `q=%00` reached the database and came back as a 500.
    if (values.some((v) => v.includes('\0'))) {
      errors.push({ parameter: key, message: 'must not contain a NUL character' });
      continue;
    }
    const kind = innerType(field);
    if (kind === 'array') {
      const list = values.flatMap((v) => v.split(',')).map((v) => v.trim());
      if (list.length > MAX_QUERY_VALUES) errors.push({ parameter: key, message: `takes at most ${MAX_QUERY_VALUES} values` });
      else if (list.some((v) => v === '')) errors.push({ parameter: key, message: 'must not contain an empty value' });
      else raw[key] = list;
      continue;
    }
    if (values.length > 1) {
      errors.push({ parameter: key, message: 'was given more than once' });
      continue;
    }
    const value = values[0]!;
    if (value === '') {
      errors.push({ parameter: key, message: 'must not be empty' });
    } else if (kind === 'number' || kind === 'int') {
      raw[key] = /^-?\d{1,9}$/.test(value) ? Number(value) : value;
    } else {
      raw[key] = value;
    }
  }
  if (errors.length) throw badRequest(errors);
  const result = schema.safeParse(raw);
  if (!result.success) throw badRequest(formatIssues(result.error.issues));
  return result.data;
}
