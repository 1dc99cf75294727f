/** A filter object as the resources take it: scalars, arrays of scalars, or nothing. */
export type QueryInput = Readonly<Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>>;

/**
 * Serialises filters the way the API reads them: arrays as one comma-separated value
 * (`alliance=a,b`), empty arrays and `undefined` left out, keys sorted so that equal filters give
 * equal URLs (one cache entry, one shared request).
 */
export function toQuery(filters: QueryInput | undefined): string {
  if (!filters) return '';
  const params = new URLSearchParams();
  for (const key of Object.keys(filters).sort()) {
    const value = filters[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  // Commas are legal in a query (RFC 3986 sub-delims) and keep URLs readable in logs.
  const text = params.toString().replaceAll('%2C', ',');
  return text === '' ? '' : `?${text}`;
}

/** One path segment, percent-encoded: ids come from callers and must not escape their segment. */
export function segment(value: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`expected a non-empty id or slug, got ${value === '' ? 'an empty string' : typeof value}`);
  }
  return encodeURIComponent(value);
}
