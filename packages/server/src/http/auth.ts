import type { Context } from 'hono';
import type { KeyScope, Store } from '../store/store.js';
import { HttpProblem } from './problem.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

/**
 * The scope of the request's API key; 401 without a valid key. The key itself is never kept,
 * logged or echoed: only its hash is looked up.
 */
export async function requireKey(c: Context, store: Store): Promise<KeyScope> {
  const header = c.req.header('authorization');
  const challenge = { 'WWW-Authenticate': 'Bearer realm="fachkraefte"' };
  if (!header) throw new HttpProblem(401, 'This request needs an API key: send "Authorization: Bearer <key>".', undefined, challenge);
  const match = BEARER.exec(header);
  if (!match) throw new HttpProblem(401, 'The Authorization header is not of the form "Bearer <key>".', undefined, challenge);
  const scope = await store.scopeOfKey(match[1]!);
  if (!scope) throw new HttpProblem(401, 'The API key is unknown or revoked.', undefined, challenge);
  return scope;
}

/** 403 unless the key is an admin key or scoped to one of `alliances`. */
export function requireScope(scope: KeyScope, alliances: readonly string[], what: string): void {
  if (scope.admin) return;
  if (!alliances.includes(scope.alliance)) {
    throw new HttpProblem(403, `The API key is scoped to the alliance "${scope.alliance}" and may not change ${what}.`);
  }
}
