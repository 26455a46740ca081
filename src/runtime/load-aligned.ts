/** Reading an article and aligning its sentences: what the article worker does (and the reader itself where there is no worker). */
import type { AlignedParagraph } from '../content/aligned-article.js';
import type { Article } from '../content/article.js';
import type { LibraryRoot } from '../content/load-article.js';
import type { ArticleLoad } from '../state/app-state.js';

export interface AlignedRequest {
  seq: number;
  root: LibraryRoot;
  id: string;
  /** The paragraph the reader will show first (where it was left): aligned before the rest. */
  from: number;
}

/** Paragraphs aligned before the article is first shown: the screen's worth around `from`. */
export const FIRST_PARAGRAPHS = 40;

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

/**
 * A paragraph laid out before its sentences are aligned: one unit over the whole of it, so the
 * reader can show and move through it at once; `alignRest` replaces it.
 */
function unalignedParagraph(p: Article['paragraphs'][number]): AlignedParagraph {
  const whole = (text: string) => (text === '' ? null : { start: 0, end: text.length });
  return {
    de: p.de,
    en: p.en,
    units: [{ deSentences: [], enSentences: [], de: whole(p.de), en: whole(p.en) }],
    deSentenceSpans: [],
    ...(p.block ? { block: p.block } : {}),
    ...(p.machine ? { machine: true } : {}),
  };
}

/**
 * Loads article `id` with the paragraphs from `from` on (a screen's worth) aligned and the rest
 * laid out unaligned, for a first frame at once; `rest` says which still need aligning.
 */
export async function loadFirst(root: LibraryRoot, id: string, from: number): Promise<{ load: LoadedArticle; rest: number[] }> {
  const [{ loadArticle }, { alignArticleParagraph }] = await modules();
  const result = await loadArticle(root, id);
  if (!result.ok) return { load: { status: 'error', errors: result.errors }, rest: [] };
  const all = result.article.paragraphs;
  const start = Math.max(0, Math.min(from, all.length - FIRST_PARAGRAPHS));
  const rest: number[] = [];
  const paragraphs = all.map((p, i) => {
    // Blocks (lists, tables, …) are drawn from their sentences: always aligned, and few.
    if (p.block || (i >= start && i < start + FIRST_PARAGRAPHS)) return alignArticleParagraph(p);
    rest.push(i);
    return unalignedParagraph(p);
  });
  return { load: { status: 'ok', article: result.article, paragraphs }, rest };
}

/** The paragraphs `rest` of a first load aligned: the article complete. */
export async function alignRest(load: Extract<LoadedArticle, { status: 'ok' }>, rest: readonly number[]): Promise<Extract<LoadedArticle, { status: 'ok' }>> {
  const [, { alignArticleParagraph }] = await modules();
  const paragraphs = [...load.paragraphs];
  for (const i of rest) {
    const p = load.article.paragraphs[i];
    if (p) paragraphs[i] = alignArticleParagraph(p);
  }
  return { ...load, paragraphs };
}
