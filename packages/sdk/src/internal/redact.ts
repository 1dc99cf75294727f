/**
 * Secrets must never leave the SDK inside an error: error messages end up in logs, bug reports
 * and error trackers. Everything an error carries passes through here first.
 */

const BEARER_RE = /\b(Bearer|Basic|Token)\s+[^\s"',;]+/gi;
const SECRET_PARAM_RE = /^(?:api[-_]?key|key|token|access[-_]?token|secret|password|auth|authorization)$/i;

/** The placeholder a secret is replaced with. */
export const REDACTED = '***';

/** Replaces every `Bearer …` credential and every literal secret in `text` with `***`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text.replace(BEARER_RE, (_, scheme: string) => `${scheme} ${REDACTED}`);
  for (const secret of secrets) {
    // Short strings would blank out ordinary words; real keys are long.
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A copy of `value` with every string redacted (plain JSON data only: problem bodies). */
export function redactJson<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactJson(v, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactJson(v, secrets);
    return out as T;
  }
  return value;
}

/**
 * A URL fit for an error message: no user info, no secret-looking query parameters, and no
 * literal secret anywhere.
 */
export function redactUrl(url: string, secrets: readonly string[]): string {
  // Always absolute: every URL the transport builds starts with the validated base URL.
  const parsed = new URL(url);
  if (parsed.username) parsed.username = REDACTED;
  if (parsed.password) parsed.password = REDACTED;
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM_RE.test(key)) parsed.searchParams.set(key, REDACTED);
  }
  // URLSearchParams encodes `*` as-is and `,` as %2C; keep filters readable.
  return redactText(parsed.href.replaceAll('%2C', ','), secrets);
}

/**
 * A stand-in for an underlying error (a fetch `TypeError`, a socket error) with the same name,
 * message, code and stack, all redacted, and its own cause chain redacted to a few levels. The
 * original is dropped: it may hold the request, and the request holds the `Authorization` header.
 */
export function redactCause(cause: unknown, secrets: readonly string[], depth = 0): Error | undefined {
  if (cause === undefined || cause === null || depth > 3) return undefined;
  const source = cause instanceof Error || (typeof cause === 'object' && 'message' in cause)
    ? (cause as Error & { code?: unknown; cause?: unknown })
    : undefined;
  const copy = new Error(redactText(source ? String(source.message) : String(cause), secrets));
  if (source) {
    copy.name = redactText(String(source.name ?? 'Error'), secrets);
    copy.stack = source.stack === undefined ? copy.stack : redactText(String(source.stack), secrets);
    if (typeof source.code === 'string' || typeof source.code === 'number') {
      (copy as Error & { code?: unknown }).code = source.code;
    }
    const inner = redactCause(source.cause, secrets, depth + 1);
    if (inner) copy.cause = inner;
  }
  return copy;
}

/**
 * The messages (and codes) of an error and its causes, e.g.
 * `fetch failed: connect ECONNREFUSED 127.0.0.1:1 [ECONNREFUSED]`, from the redacted copy.
 */
export function describeCause(cause: Error | undefined, original: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = cause, depth = 0; depth < 3 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${current.message} [${code}]` : current.message);
    current = current.cause;
  }
  return parts.join(': ') || String(original);
}
