/** Reading an article and aligning its sentences: what the article worker does (and the reader itself where there is no worker). */
import type { AlignedParagraph } from '../content/aligned-article.js';
import type { LibraryRoot } from '../content/load-article.js';
import type { ArticleLoad } from '../state/app-state.js';

export interface AlignedRequest {
  seq: number;
  root: LibraryRoot;
  id: string;
}

export type LoadedArticle = Exclude<ArticleLoad, { status: 'loading' }>;

const modules = () => Promise.all([import('../content/load-article.js'), import('../content/aligned-article.js')]);

/** Loads the parsers and the aligner ahead of the first article. */
export async function preloadAligning(): Promise<void> {
  await modules();
}

/**
 * Loads article `id` and aligns it; `pause` is awaited between paragraphs
 * (it resolves true to stop: then the result is null).
 */
export async function loadAligned(root: LibraryRoot, id: string, pause: () => Promise<boolean> = () => Promise.resolve(false)): Promise<LoadedArticle | null> {
  const [{ loadArticle }, { alignArticleParagraph }] = await modules();
  const result = await loadArticle(root, id);
  if (!result.ok) return { status: 'error', errors: result.errors };
  const paragraphs: AlignedParagraph[] = [];
  for (const p of result.article.paragraphs) {
    paragraphs.push(alignArticleParagraph(p));
    if (await pause()) return null;
  }
  return { status: 'ok', article: result.article, paragraphs };
}
