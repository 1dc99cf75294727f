import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../routes/common.js';
import type { KeyScope, Store } from '../store/store.js';
import { HttpProblem } from './problem.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

/** The key of the command line on the server's own machine (see control.ts): admin, labelled. */
export const LOCAL_KEY: KeyScope = { admin: true, id: 'local', label: 'Kommandozeile auf dem Server' };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The scope of the request's API key; 401 without a valid key. The key itself is never kept,
 * logged or echoed: only its hash is looked up. Writes (any method but GET/HEAD) also count
 * against the key's rate limit: 429 with Retry-After when it is used up.
 */
export async function requireKey(c: Context<AppEnv>, store: Store): Promise<KeyScope> {
  const header = c.req.header('authorization');
  const challenge = { 'WWW-Authenticate': 'Bearer realm="fachkraefte"' };
  if (!header) throw new HttpProblem(401, 'This request needs an API key: send "Authorization: Bearer <key>".', undefined, challenge);
  const match = BEARER.exec(header);
  if (!match) throw new HttpProblem(401, 'The Authorization header is not of the form "Bearer <key>".', undefined, challenge);
  const control = c.var.controlToken;
  if (control && sameSecret(match[1]!, control)) return LOCAL_KEY;
  const scope = await store.scopeOfKey(match[1]!);
  if (!scope) throw new HttpProblem(401, 'The API key is unknown or revoked.', undefined, challenge);
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const wait = c.var.writeLimiter?.take(scope.id);
    if (wait) {
      throw new HttpProblem(429, `This API key has made too many changes in a short time; try again in ${wait} s.`, undefined, { 'Retry-After': String(wait) });
    }
  }
  return scope;
}

/** The scope of the request's key when it sends one, else null (public reads). 401 for a bad key. */
export async function optionalKey(c: Context<AppEnv>, store: Store): Promise<KeyScope | null> {
  return c.req.header('authorization') === undefined ? null : requireKey(c, store);
}

/** 403 unless the key is an admin key or scoped to one of `alliances`. */
export function requireScope(scope: KeyScope, alliances: readonly string[], what: string): void {
  if (scope.admin) return;
  if (!alliances.includes(scope.alliance)) {
    throw new HttpProblem(403, `The API key is scoped to the alliance "${scope.alliance}" and may not change ${what}.`);
  }
}

/** 403 unless the key is an admin key. */
export function requireAdmin(scope: KeyScope, what: string): void {
  if (!scope.admin) throw new HttpProblem(403, `Only an admin key may ${what}; this key is scoped to the alliance "${scope.alliance}".`);
}

/**
 * A scoped key may change (or delete) an organisation only when every alliance it belongs to is
 * the key's, or when it belongs to none and the key's alliance created it. Otherwise 403 naming
 * the other alliances: a shared organisation is changed by an admin, or by agreement.
 */
export function requireOrganisationScope(scope: KeyScope, id: string, alliances: readonly string[], createdBy: string | null, verb: string): void {
  if (scope.admin) return;
  const others = alliances.filter((a) => a !== scope.alliance);
  if (others.length) {
    throw new HttpProblem(403, `The organisation "${id}" also belongs to ${others.map((a) => `"${a}"`).join(', ')}; a key of "${scope.alliance}" may not ${verb} it. Ask an admin, or those alliances.`);
  }
  if (alliances.length === 0 && createdBy !== scope.alliance) {
    throw new HttpProblem(403, `The organisation "${id}" belongs to no alliance and was not created with a key of "${scope.alliance}": only an admin key may ${verb} it.`);
  }
}
