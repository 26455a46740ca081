/**
 * Reading an article for the reader without ever holding the keys up: the
 * files are read asynchronously, and the sentence alignment and the wrapping
 * of a long article are done a slice at a time, giving the event loop back
 * between slices, so Q and Ctrl-C act at once even while a huge article loads.
 */
import type { AlignedParagraph } from '../content/aligned-article.js';
import type { LibraryRoot } from '../content/load-article.js';
import { rememberRows, type RowLabels } from '../layout/reader-geometry.js';
import type { ScreenLayout } from '../layout/screen-layout.js';
import type { ArticleLoad } from '../state/app-state.js';

/** Most milliseconds of work between two looks at the keyboard. */
const SLICE_MS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The parsers and the aligner load with the first article, not before the first frame. */
const modules = () => Promise.all([import('../content/load-article.js'), import('../content/aligned-article.js'), import('../layout/reader-rows.js')]);

/** What the screen will need the rows for: asked when the text is ready, so a resize meanwhile is seen. */
export type LayoutNow = () => { columns: ScreenLayout['columns']; labels: RowLabels } | null;

/** Loads, aligns and lays out article `id`; null when `signal` stopped it. */
export async function loadForReader(root: LibraryRoot, id: string, signal: AbortSignal, layoutNow: LayoutNow): Promise<Exclude<ArticleLoad, { status: 'loading' }> | null> {
  const [{ loadArticle }, { alignParagraphUnits }, { buildRowsStepwise }] = await modules();
  const result = await loadArticle(root, id);
  if (signal.aborted) return null;
  if (!result.ok) return { status: 'error', errors: result.errors };
  const paragraphs: AlignedParagraph[] = [];
  let sliceStart = performance.now();
  const pause = async () => {
    if (performance.now() - sliceStart < SLICE_MS) return false;
    await nextTurn();
    sliceStart = performance.now();
    return signal.aborted;
  };
  for (const p of result.article.paragraphs) {
    paragraphs.push(alignParagraphUnits(p.de, p.en, p.alignment));
    if (await pause()) return null;
  }
  const layout = layoutNow();
  if (layout) {
    const steps = buildRowsStepwise(paragraphs, {
      columns: layout.columns.map((c) => c.lang),
      widths: layout.columns.map((c) => c.width),
      untranslated: layout.labels.untranslated,
      noGerman: layout.labels.noGerman,
    });
    for (;;) {
      const step = steps.next();
      if (step.done) {
        rememberRows(paragraphs, layout.columns, layout.labels, step.value);
        break;
      }
      if (await pause()) return null;
    }
  }
  return { status: 'ok', article: result.article, paragraphs };
}
