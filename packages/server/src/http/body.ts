import { formatIssues } from '@fachkraefte/schema';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { badRequest, HttpProblem } from './problem.js';

/**
 * Reads and validates a JSON body. The size limit is enforced before (bodyLimit middleware);
 * here: the media type (415), JSON syntax (400) and the schema (400 naming each field).
 */
export async function readBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  // Exactly JSON (or JSON Merge Patch, which PATCH bodies are): any `+json` type was taken for
  // JSON before, `application/evil+json` included.
  if (!/^application\/(?:merge-patch\+)?json\s*(?:;|$)/i.test(type)) {
    throw new HttpProblem(415, 'Send the body as JSON with "Content-Type: application/json".');
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest([{ parameter: 'body', message: 'is not valid JSON' }]);
  }
  const nul = findNul(value, 'body');
  // PostgreSQL text cannot hold NUL: such a string would fail in the database with a 500.
  if (nul) throw badRequest([{ parameter: nul, message: 'must not contain a NUL character (\\u0000)' }]);
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(formatIssues(result.error.issues, 'body'));
  return result.data;
}

/** The path of the first string (or key) in `value` that contains a NUL character, else null. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\0')) return path;
      const found = findNul(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
