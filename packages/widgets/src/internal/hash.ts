/**
 * The URL hash is shared by the page and by every widget with a `history` attribute: each writes
 * only its own keys (`fk-alliance`, `fk-cal-month`, …) and leaves every other part exactly as it
 * was — another widget's keys, a plain anchor like `#kontakt`. The other parts are kept as raw
 * text, not round-tripped through `URLSearchParams`, which would turn `#kontakt` into `#kontakt=`.
 */

/** `hash` with `values` set (keys with empty values removed); every other part untouched. */
export function hashWith(hash: string, values: Record<string, string | null | undefined>): string {
  const own = new Set(Object.keys(values));
  const others = hash.replace(/^#/, '').split('&').filter((part) => part && !own.has(keyOf(part)));
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const mine = params.toString();
  const text = [...others, ...(mine ? [mine] : [])].join('&');
  return text ? `#${text}` : '';
}

/** Sets the widget's keys in the location hash: `push` for a new view (back returns), else replace. */
export function writeHashValues(values: Record<string, string | null | undefined>, push: boolean): void {
  const page = location.pathname + location.search;
  const next = hashWith(location.hash, values);
  if (next === location.hash || (next === '' && location.hash === '#')) return;
  history[push ? 'pushState' : 'replaceState'](history.state, '', page + next);
}

/** The decoded key of one `key=value` part of a hash (`#kontakt` is a key without value). */
function keyOf(part: string): string {
  const raw = part.split('=', 1)[0]!;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
