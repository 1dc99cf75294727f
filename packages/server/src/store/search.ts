/**
 * Folds text for search: lower case, umlauts and accents reduced to their base letter, ß to ss, and
 * runs of white space to one. "Lörrach", "LOERRACH" and "lorrach" all find Lörrach.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss')
    .replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern that matches `q` anywhere, with LIKE's own wildcards escaped. */
export function likePattern(q: string): string {
  return `%${foldForSearch(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
