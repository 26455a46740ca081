/** Folding for search: folds case, diacritics and ß so "geschaft" finds "Geschäft". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** True when every word of the (folded) query occurs in the (folded) text. */
export function matchesQuery(foldedText: string, foldedQuery: string): boolean {
  const words = foldedQuery.split(/\s+/).filter(Boolean);
  return words.every((w) => foldedText.includes(w));
}
