/** The part of the directory's state that the `history` attribute keeps in the URL hash. */
export interface DirectoryHashState {
  alliance: string | null;
  q: string;
  state: string;
  kind: string;
}

const PREFIX = 'fk-';

/**
 * Reads `#fk-alliance=…&fk-q=…&fk-state=…&fk-kind=…`. A hash that is a plain page anchor
 * (`#kontakt`) yields the empty state, and is left alone.
 */
export function readHash(hash: string): DirectoryHashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const get = (key: string) => params.get(PREFIX + key) ?? '';
  const alliance = get('alliance');
  return {
    alliance: /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(alliance) ? alliance : null,
    q: get('q').slice(0, 200),
    state: get('state'),
    kind: get('kind'),
  };
}

/** Writes the state into the hash: `push` for a new view (back returns), `replace` for typing. */
export function writeHash(state: DirectoryHashState, mode: 'push' | 'replace'): void {
  const params = new URLSearchParams();
  if (state.alliance) params.set(PREFIX + 'alliance', state.alliance);
  if (state.q) params.set(PREFIX + 'q', state.q);
  if (state.state) params.set(PREFIX + 'state', state.state);
  if (state.kind) params.set(PREFIX + 'kind', state.kind);
  const text = params.toString();
  const url = `${location.pathname}${location.search}${text ? `#${text}` : ''}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (mode === 'push') history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}
