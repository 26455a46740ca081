/**
 * A worker thread that reads and aligns articles for the reader, so the
 * parsers' loading and the sentence alignment of a long article never hold
 * up the keyboard: the main thread only unpacks the result, in slices.
 */
import { parentPort } from 'node:worker_threads';
import { packArticle } from './aligned-codec.js';
import { alignRest, loadFirst, preloadAligning, type AlignedRequest, type loadAligned } from './load-aligned.js';

/**
 * What the worker answers: a packed article (first with only a screen's worth of paragraphs
 * aligned, `complete: false`, then whole), or why it cannot be opened.
 */
export type WorkerAnswer =
  | { seq: number; packed: ReturnType<typeof packArticle>; complete: boolean }
  | { seq: number; errors: Extract<Awaited<ReturnType<typeof loadAligned>>, { status: 'error' }>['errors'] };

// The parsers load now, while the reader shows the library, not when the first article is opened.
void preloadAligning();

function send(seq: number, load: Awaited<ReturnType<typeof loadFirst>>['load'], complete: boolean): void {
  if (load.status !== 'ok') {
    parentPort?.postMessage({ seq, errors: load.errors } satisfies WorkerAnswer);
    return;
  }
  const packed = packArticle(load);
  parentPort?.postMessage({ seq, packed, complete } satisfies WorkerAnswer, [packed.ints.buffer as ArrayBuffer]);
}

parentPort?.on('message', (request: AlignedRequest) => {
  void (async () => {
    const first = await loadFirst(request.root, request.id, request.from);
    send(request.seq, first.load, first.rest.length === 0);
    if (first.load.status === 'ok' && first.rest.length > 0) send(request.seq, await alignRest(first.load, first.rest), true);
  })();
});
