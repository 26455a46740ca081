/** Pure helpers for the library list: search keys, filtering, the text of a row. */
import type { LibraryEntry } from '../content/article.js';
import { foldForSearch, matchesQuery } from '../text/fold.js';

/** Folded text of what the library can match without opening an article. */
export function summaryKey(entry: LibraryEntry): string {
  if (!entry.ok) return foldForSearch(entry.id);
  const s = entry.summary;
  return foldForSearch([s.id, s.title.de, s.title.en, s.source].filter(Boolean).join('\n'));
}

/** Indices of entries whose summary, or whose full text (when known), matches `query`. */
export function filterEntries(
  keys: readonly string[],
  query: string,
  fullTextHits: ReadonlySet<number> = new Set(),
): number[] {
  const folded = foldForSearch(query.trim());
  const out: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (folded === '' || fullTextHits.has(i) || matchesQuery(keys[i] as string, folded)) out.push(i);
  }
  return out;
}

