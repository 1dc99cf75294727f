/**
 * Returns `value` as an absolute `http:`/`https:` URL string, or `null` for anything else
 * (`javascript:`, `data:`, relative or unparsable values). Links are made only from what this
 * returns; the API validates URLs too, but a widget must not rely on a server it does not control.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** `mailto:` href for a plain e-mail address, or `null` when it is not one. */
export function mailtoHref(email: string | null | undefined): string | null {
  // Only the characters an address needs: nothing that could add headers (`?`, `&`) or a scheme.
  return typeof email === 'string' && /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(email)
    ? `mailto:${email}`
    : null;
}

/** `tel:` href for a printed phone number ("05121-9129833"), or `null` when it has no digits. */
export function telHref(phone: string | null | undefined): string | null {
  if (typeof phone !== 'string' || !/^\+?[0-9][0-9 ()/-]*$/.test(phone)) return null;
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
