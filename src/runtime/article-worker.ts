/**
 * A worker thread that reads and aligns articles for the reader, so the
 * parsers' loading and the sentence alignment of a long article never hold
 * up the keyboard: the main thread only unpacks the result, in slices.
 */
import { parentPort } from 'node:worker_threads';
import { packArticle } from './aligned-codec.js';
import { loadAligned, preloadAligning, type AlignedRequest } from './load-aligned.js';

/** What the worker answers: a packed article, or why it cannot be opened. */
export type WorkerAnswer =
  | { seq: number; packed: ReturnType<typeof packArticle> }
  | { seq: number; errors: Extract<Awaited<ReturnType<typeof loadAligned>>, { status: 'error' }>['errors'] };

// The parsers load now, while the reader shows the library, not when the first article is opened.
void preloadAligning();

parentPort?.on('message', (request: AlignedRequest) => {
  void loadAligned(request.root, request.id).then((result) => {
    if (result?.status === 'ok') {
      const packed = packArticle(result);
      parentPort?.postMessage({ seq: request.seq, packed } satisfies WorkerAnswer, [packed.ints.buffer as ArrayBuffer]);
    } else {
      parentPort?.postMessage({ seq: request.seq, errors: result?.errors ?? [] } satisfies WorkerAnswer);
    }
  });
});
