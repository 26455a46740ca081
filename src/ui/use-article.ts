/** Loads an article (and aligns its sentences) when the reader opens it. */
import { useEffect, useState } from 'react';
import type { Article } from '../content/article.js';
import type { Diagnostic } from '../content/diagnostic.js';
import type { LibraryRoot } from '../content/load-article.js';
import type { AlignedParagraph } from '../content/aligned-article.js';

/** The parsers and the aligner load with the first article, not before the first frame. */
const loaders = () => Promise.all([import('../content/load-article.js'), import('../content/aligned-article.js')]);

export type ArticleLoad =
  | { status: 'loading'; id: string }
  | { status: 'ok'; id: string; article: Article; paragraphs: AlignedParagraph[]; problems: Diagnostic[] }
  | { status: 'error'; id: string; errors: Diagnostic[] };

/** `generation` forces a reload (after the article was edited). */
export function useArticle(root: LibraryRoot, id: string | null, generation: number): ArticleLoad | null {
  const [load, setLoad] = useState<ArticleLoad | null>(null);
  useEffect(() => {
    if (id === null) {
      setLoad(null);
      return;
    }
    let cancelled = false;
    setLoad((previous) => (previous?.id === id && previous.status === 'ok' ? previous : { status: 'loading', id }));
    void loaders().then(async ([{ loadArticle }, { alignArticle }]) => {
      const result = await loadArticle(root, id);
      if (cancelled) return;
      if (!result.ok) setLoad({ status: 'error', id, errors: result.errors });
      else setLoad({ status: 'ok', id, article: result.article, paragraphs: alignArticle(result.article), problems: result.problems });
    });
    return () => {
      cancelled = true;
    };
  }, [root, id, generation]);
  return load;
}
