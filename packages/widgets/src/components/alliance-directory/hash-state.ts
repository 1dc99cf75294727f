import { hashWith as sharedHashWith, writeHashValues } from '../../internal/hash.js';

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

/** Writes the state into the hash (see internal/hash.ts: only the directory's keys change). */
export function writeHash(state: DirectoryHashState, mode: 'push' | 'replace'): void {
  writeHashValues(values(state), mode === 'push');
}

/** The hash `hash` with the directory's keys set to `state` (empty values removed), others untouched. */
export function hashWith(hash: string, state: DirectoryHashState): string {
  return sharedHashWith(hash, values(state));
}

function values(state: DirectoryHashState): Record<string, string | null> {
  return Object.fromEntries(KEYS.map((key) => [`fk-${key}`, state[key]]));
}
