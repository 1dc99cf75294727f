import type * as z from 'zod/mini';

/** `['items', 3, 'start']` → `items[3].start`; the root is named `root` unless `prefix` is given. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'root' : out;
}

/**
 * Turns zod issues into short lines such as `items[3].start: expected an ISO 8601 date-time`,
 * never a JSON dump. Unknown keys are reported one line each, by name.
 */
export function formatIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix = '',
): { parameter: string; message: string }[] {
  const out: { parameter: string; message: string }[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ parameter: formatPath([...issue.path, key], prefix), message: 'is not a known field' });
      }
    } else {
      out.push({ parameter: formatPath(issue.path, prefix), message: describe(issue) });
    }
  }
  return out;
}

const GENERIC = /^Invalid( input)?$/;

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/**
 * A message that reads well without zod's locale files: the SDK must not call `z.config()`, as that
 * would change the host page's zod, and zod/mini ships no messages of its own.
 */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.message && !GENERIC.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves `input` out of issues unless asked to report it; missing and mistyped look alike then.
      return 'input' in issue && issue.input !== undefined ? `expected ${issue.expected}, got ${describeType(issue.input)}` : `expected ${issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${show(issue.values[0])}`
        : `expected one of ${issue.values.slice(0, 20).map(show).join(', ')}${issue.values.length > 20 ? ', …' : ''}`;
    case 'invalid_format':
      return `expected ${issue.format === 'datetime' ? 'an ISO 8601 date-time' : issue.format === 'date' ? 'a date (YYYY-MM-DD)' : `a valid ${issue.format}`}`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${String(issue.minimum)} characters`
        : issue.origin === 'array' ? `must have at least ${String(issue.minimum)} items`
        : `must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${String(issue.maximum)} characters`
        : issue.origin === 'array' ? `must have at most ${String(issue.maximum)} items`
        : `must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
    case 'invalid_union':
      return 'has none of the accepted forms';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return 'is not valid';
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
