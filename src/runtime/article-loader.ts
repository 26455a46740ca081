/**
 * Reading an article for the reader without ever holding the keys up. In the
 * built program a worker thread reads and aligns it (the parsers load there,
 * not here); run from source, where there is no worker file, it is done here a
 * slice at a time. The wrapping into screen rows is done here in slices too,
 * giving the event loop back between them, so Q and Ctrl-C act at once even
 * while a huge article loads.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../content/article.js';
import type { LibraryRoot } from '../content/load-article.js';
import { rememberRows, type RowLabels } from '../layout/reader-geometry.js';
import { buildRowsStepwise } from '../layout/reader-rows.js';
import type { ScreenLayout } from '../layout/screen-layout.js';
import { unpackArticle } from './aligned-codec.js';
import type { WorkerAnswer } from './article-worker.js';
import { loadAligned, type AlignedRequest, type LoadedArticle } from './load-aligned.js';

/** Most milliseconds of work between two looks at the keyboard. */
const SLICE_MS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the screen will need the rows for: asked when the text is ready, so a resize meanwhile is seen. */
export type LayoutNow = () => { columns: ScreenLayout['columns']; labelsFor: (article: Article) => RowLabels } | null;

/** The worker's file beside the bundle (dist/); absent when run from source. */
const WORKER = new URL('./article-worker.js', import.meta.url);

export class ArticleLoader {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, { id: string; resolve: (answer: WorkerAnswer | null) => void }>();

  constructor(private readonly root: LibraryRoot) {}

  /** Starts the worker early, so its parsers are loaded before the first article is opened. */
  warm(): void {
    this.workerReady();
  }

  /** Loads, aligns and lays out article `id`; null when `signal` stopped it. */
  async load(id: string, signal: AbortSignal, layoutNow: LayoutNow): Promise<LoadedArticle | null> {
    let sliceStart = performance.now();
    const pause = async () => {
      if (performance.now() - sliceStart < SLICE_MS) return signal.aborted;
      await nextTurn();
      sliceStart = performance.now();
      return signal.aborted;
    };
    const loaded = this.workerReady() ? await this.fromWorker(id, pause) : await loadAligned(this.root, id, pause);
    if (!loaded || signal.aborted) return null;
    if (loaded.status !== 'ok') return loaded;
    const layout = layoutNow();
    if (layout) {
      const labels = layout.labelsFor(loaded.article);
      const steps = buildRowsStepwise(loaded.paragraphs, {
        columns: layout.columns.map((c) => c.lang),
        widths: layout.columns.map((c) => c.width),
        untranslated: labels.untranslated,
        noGerman: labels.noGerman,
        ...(labels.questionMarks ? { questionMarks: labels.questionMarks } : {}),
        ...(labels.links ? { links: labels.links } : {}),
      });
      for (;;) {
        const step = steps.next();
        if (step.done) {
          rememberRows(loaded.paragraphs, layout.columns, labels, step.value);
          break;
        }
        if (await pause()) return null;
      }
    }
    return loaded;
  }

  /** Stops the worker (the program is ending). */
  dispose(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private workerReady(): boolean {
    if (this.worker) return true;
    if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return false;
    const worker = new Worker(WORKER);
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      this.waiting.get(answer.seq)?.resolve(answer);
      this.waiting.delete(answer.seq);
    });
    worker.on('error', () => {
      // A worker that fails leaves the loading to this thread: what it was asked is asked here again.
      this.worker = null;
      for (const { resolve } of this.waiting.values()) resolve(null);
      this.waiting.clear();
    });
    this.worker = worker;
    return true;
  }

  /** The article from the worker, unpacked a slice at a time. */
  private async fromWorker(id: string, pause: () => Promise<boolean>): Promise<LoadedArticle | null> {
    const worker = this.worker;
    const answer = worker
      ? await new Promise<WorkerAnswer | null>((resolve) => {
          const seq = ++this.seq;
          this.waiting.set(seq, { id, resolve });
          const request: AlignedRequest = { seq, root: this.root, id };
          worker.postMessage(request);
        })
      : null;
    if (!answer) return loadAligned(this.root, id, pause);
    if ('errors' in answer) return { status: 'error', errors: answer.errors };
    const steps = unpackArticle(answer.packed);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (await pause()) return null;
    }
  }
}
