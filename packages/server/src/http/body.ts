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
  // Checked on the text, without recursion: every walk over the value below (and the schema's)
  // recurses, and 10,000 levels (20 KB) overflowed the stack with a 500.
  if (nestingDepth(text) > MAX_DEPTH) throw badRequest([{ parameter: 'body', message: `is nested more than ${MAX_DEPTH} levels deep` }]);
  const bad = findBadString(value, 'body');
  if (bad) throw badRequest([bad]);
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(formatIssues(result.error.issues, 'body'));
  return result.data;
}

/** Deeper than any record of the API (an event's venue address is 3 levels). */
const MAX_DEPTH = 32;

/** How deep arrays and objects nest in `text` (valid JSON), counted in one pass. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // a backslash: the next character is escaped
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) max = Math.max(max, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}

/** What is wrong with a string of the body. */
function stringProblem(s: string): string | null {
  // PostgreSQL text cannot hold NUL: such a string would fail in the database with a 500.
  if (s.includes('\0')) return 'must not contain a NUL character (\\u0000)';
  // JSON's \ud800 escapes make strings that are no Unicode text; stored, every reader got them back.
  if (!(s as string & { isWellFormed(): boolean }).isWellFormed()) return 'must not contain a lone surrogate (\\ud800–\\udfff): send well-formed Unicode';
  return null;
}

/** The first string (or key) in `value` that contains NUL or a lone surrogate, with its path, else null. */
function findBadString(value: unknown, path: string): { parameter: string; message: string } | null {
  if (typeof value === 'string') {
    const message = stringProblem(value);
    return message ? { parameter: path, message } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findBadString(item, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const message = stringProblem(key);
      if (message) return { parameter: path, message: `has a key that ${message}` };
      const found = findBadString(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Reads a text body of the media type `type` (415 otherwise). The size limit is enforced before,
 * by the bodyLimit middleware in app.ts (413), with the route's own limit.
 */
export async function readText(c: Context, type: RegExp, hint: string): Promise<string> {
  if (!type.test(c.req.header('content-type') ?? '')) throw new HttpProblem(415, hint);
  const text = await c.req.text();
  if (!text.trim()) throw badRequest([{ parameter: 'body', message: 'is empty' }]);
  if (text.includes('\0')) throw badRequest([{ parameter: 'body', message: 'must not contain a NUL character' }]);
  return text;
}
