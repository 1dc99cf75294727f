/** The list filters of the directory. */
export interface DirectoryFilters {
  q: string;
  state: string;
  kind: string;
}

/** The part of the directory's state that the `history` attribute keeps in the URL hash. */
export interface DirectoryHashState extends DirectoryFilters {
  alliance: string | null;
}

const KEYS = ['alliance', 'q', 'state', 'kind'] as const;

/**
 * Reads `#fk-alliance=…&fk-q=…&fk-state=…&fk-kind=…`. A hash that is a plain page anchor
 * (`#kontakt`) yields the empty state, and is left alone.
 */
export function readHash(hash: string): DirectoryHashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const get = (key: string) => params.get(`fk-${key}`) ?? '';
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
  for (const key of KEYS) if (state[key]) params.set(`fk-${key}`, state[key]!);
  const text = params.toString();
  const page = location.pathname + location.search;
  const url = text ? `${page}#${text}` : page;
  if (url === page + location.hash) return;
  if (mode === 'push') history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}
