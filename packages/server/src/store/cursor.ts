/**
 * Keyset cursors: the sort key of the last item of a page, so that the next page starts right after
 * it, whatever was inserted or deleted meanwhile (no duplicates, no gaps from shifting offsets).
 * Opaque to clients: base64url of a small JSON array.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key inside a cursor, or null when the cursor was not made by this server. */
export function decodeCursor(cursor: string, length: number): (string | number)[] | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== length) return null;
    if (!value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) return null;
    // This server never writes NUL or a lone surrogate into a cursor; PostgreSQL text refuses them,
    // and a forged cursor holding one (`["a\u0000","b"]`) failed every list with a 500.
    if (value.some((v) => typeof v === 'string' && (v.includes('\0') || !isWellFormed(v)))) return null;
    return value as (string | number)[];
  } catch {
    return null;
  }
}

// String.prototype.isWellFormed (Node 20) is not in the ES2023 lib this package compiles against.
const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();
