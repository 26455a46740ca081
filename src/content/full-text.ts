/**
 * Searching article bodies and facts without keeping them in memory: files
 * are read a few at a time, matched, and forgotten. Used by the library
 * filter for what the front matter alone cannot answer.
 */
import path from 'node:path';
import { FILES } from './library-paths.js';
import type { LibraryRoot } from './load-article.js';
import { readLibraryFile } from './read-file.js';
import { cleanText } from '../text/normalize.js';
import { foldForSearch, matchesQuery } from '../text/fold.js';

/** True when the article's text or facts (German or English) contain every word of the query. */
export async function articleMatches(root: LibraryRoot, id: string, foldedQuery: string): Promise<boolean> {
  const parts = await Promise.all(
    [FILES.de, FILES.en, FILES.facts].map(async (name) => {
      const result = await readLibraryFile(path.join(root.real, id, name), root.real);
      return result.ok ? result.text : '';
    }),
  );
  return matchesQuery(foldForSearch(cleanText(parts.join('\n'))), foldedQuery);
}

export interface ScanOptions {
  /** Stop early (the query changed). */
  signal: AbortSignal;
  /** Called with every batch of matching indices found. */
  onHits: (indices: number[]) => void;
  /** Called with how many articles were searched so far. */
  onProgress?: (done: number) => void;
  batch?: number;
}

/** Searches the articles `ids[i]` (skipping indices in `skip`) for `query`. */
export async function scanFullText(
  root: LibraryRoot,
  ids: readonly string[],
  query: string,
  skip: ReadonlySet<number>,
  o: ScanOptions,
): Promise<void> {
  const folded = foldForSearch(query.trim());
  if (folded === '') return;
  const batch = o.batch ?? 16;
  for (let from = 0; from < ids.length; from += batch) {
    if (o.signal.aborted) return;
    const indices: number[] = [];
    for (let i = from; i < Math.min(ids.length, from + batch); i++) if (!skip.has(i)) indices.push(i);
    const found = await Promise.all(indices.map(async (i) => ((await articleMatches(root, ids[i] as string, folded)) ? i : -1)));
    if (o.signal.aborted) return;
    const hits = found.filter((i) => i >= 0);
    if (hits.length > 0) o.onHits(hits);
    o.onProgress?.(Math.min(ids.length, from + batch));
  }
}
