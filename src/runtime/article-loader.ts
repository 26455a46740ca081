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
import { setImmediate as nextTurn } from 'node:timers/promises';
import { keepAfter } from '../storage/reader-heap.js';
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

/** What the screen will need the rows for: asked when the text is ready, so a resize meanwhile is seen. */
export type LayoutNow = () => { columns: ScreenLayout['columns']; labelsFor: (article: Article) => RowLabels } | null;

/** The worker's file beside the bundle (dist/); absent when run from source. */
const WORKER = new URL('./article-worker.js', import.meta.url);

export class ArticleLoader {
  private worker: Worker | null = null;
  private seq = 0;
  /** Requests the worker is answering: each gets one answer or two (see `load`). */
  private readonly waiting = new Map<number, { answer: (answer: WorkerAnswer) => void; failed: () => void }>();

  constructor(private readonly root: LibraryRoot) {}

  /** Starts the worker early, so its parsers are loaded before the first article is opened. */
  warm(): void {
    this.workerReady();
  }

  /**
   * Loads, aligns and lays out article `id`, handing each version of it to `emit`: from the
   * worker first with only the paragraphs around `from` aligned (`complete` false), so a large
   * article shows at once, then whole. Resolves when it is done, or when `signal` stopped it.
   */
  async load(id: string, from: number, signal: AbortSignal, layoutNow: LayoutNow, emit: (load: LoadedArticle, complete: boolean) => void): Promise<void> {
    let sliceStart = performance.now();
    const pause = async () => {
      if (performance.now() - sliceStart < SLICE_MS) return signal.aborted;
      await nextTurn();
      sliceStart = performance.now();
      return signal.aborted;
    };
    const ready = async (loaded: LoadedArticle | null, complete: boolean): Promise<boolean> => {
      if (!loaded || signal.aborted) return false;
      if (loaded.status === 'ok' && !(await this.layOut(loaded, layoutNow, pause))) return false;
      emit(loaded, complete);
      return true;
    };
    if (!this.workerReady()) {
      await ready(await loadAligned(this.root, id, pause), true);
      return;
    }
    // Each answer is unpacked and laid out in turn; the worker aligns on meanwhile.
    let chain: Promise<boolean> = Promise.resolve(true);
    const answers = await this.fromWorker(id, from, (answer) => {
      chain = chain.then(async (going) => going && ready(await this.unpack(answer, pause), 'errors' in answer || answer.complete));
    });
    if (!(await chain)) return;
    // The worker failed before it was done: this thread reads the article instead.
    if (!answers.complete) await ready(await loadAligned(this.root, id, pause), true);
  }

  /** Wraps `loaded` into the screen's rows a slice at a time and keeps them for the screen; false when stopped. */
  private async layOut(loaded: Extract<LoadedArticle, { status: 'ok' }>, layoutNow: LayoutNow, pause: () => Promise<boolean>): Promise<boolean> {
    const layout = layoutNow();
    if (!layout) return true;
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
        return true;
      }
      if (await pause()) return false;
    }
  }

  /** A worker's answer unpacked a slice at a time; null when stopped. */
  private async unpack(answer: WorkerAnswer, pause: () => Promise<boolean>): Promise<LoadedArticle | null> {
    if ('errors' in answer) return { status: 'error', errors: answer.errors };
    const steps = unpackArticle(answer.packed);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (await pause()) return null;
    }
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
    keepAfter(worker);
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => this.waiting.get(answer.seq)?.answer(answer));
    worker.on('error', () => {
      // A worker that fails leaves the loading to this thread: what it was asked is asked here again.
      this.worker = null;
      for (const { failed } of this.waiting.values()) failed();
      this.waiting.clear();
    });
    this.worker = worker;
    return true;
  }

  /**
   * Asks the worker for article `id`, handing each answer to `onAnswer`; resolves once the last
   * has come (`complete`) or the worker failed first (not `complete`).
   */
  private fromWorker(id: string, from: number, onAnswer: (answer: WorkerAnswer) => void): Promise<{ complete: boolean }> {
    const worker = this.worker;
    if (!worker) return Promise.resolve({ complete: false });
    return new Promise((resolve) => {
      const seq = ++this.seq;
      this.waiting.set(seq, {
        answer: (answer) => {
          onAnswer(answer);
          const last = 'errors' in answer || answer.complete;
          if (last) {
            this.waiting.delete(seq);
            resolve({ complete: true });
          }
        },
        failed: () => resolve({ complete: false }),
      });
      const request: AlignedRequest = { seq, root: this.root, id, from };
      worker.postMessage(request);
    });
  }
}
