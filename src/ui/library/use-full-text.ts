/** Background search of article texts and facts for the library filter (debounced, cancellable). */
import { useEffect, useState } from 'react';
import type { LibraryEntry } from '../../content/article.js';
import { scanFullText } from '../../content/full-text.js';
import type { LibraryRoot } from '../../content/load-article.js';

export interface FullTextState {
  /** Indices of entries whose text or facts match. */
  hits: ReadonlySet<number>;
  /** True while the search is still reading articles. */
  searching: boolean;
  done: number;
}

const IDLE: FullTextState = { hits: new Set(), searching: false, done: 0 };
const DEBOUNCE_MS = 150;

export function useFullText(root: LibraryRoot, entries: readonly LibraryEntry[], query: string, summaryHits: ReadonlySet<number>): FullTextState {
  const [state, setState] = useState<FullTextState>(IDLE);
  useEffect(() => {
    if (query.trim() === '') {
      setState(IDLE);
      return;
    }
    const controller = new AbortController();
    setState({ hits: new Set(), searching: true, done: 0 });
    const timer = setTimeout(() => {
      const ids = entries.map((e) => e.id);
      // Broken articles are matched by id only; their files are what is broken.
      const skip = new Set(summaryHits);
      entries.forEach((e, i) => {
        if (!e.ok) skip.add(i);
      });
      void scanFullText(root, ids, query, skip, {
        signal: controller.signal,
        onHits: (found) => setState((s) => ({ ...s, hits: new Set([...s.hits, ...found]) })),
        onProgress: (done) => setState((s) => (done - s.done >= 200 || done === ids.length ? { ...s, done } : s)),
      }).then(() => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, searching: false, done: ids.length }));
      });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [root, entries, query, summaryHits]);
  return state;
}
