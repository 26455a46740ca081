/**
 * The reader's heap kept close to what it holds. Two of V8's habits cost a long-running reader
 * memory it never gives back:
 *
 * - V8 doubles the young generation (where new objects start) whenever many of them survive a
 *   collection, up to 32 MB here, and it stays that size: reading a list of thousands of
 *   articles does that once (10,000 articles: about 15 MB of resident memory at the end).
 *   The growth factor 1 keeps it at its first size.
 * - After each full collection V8 lets the old generation grow to up to four times what
 *   survived before it collects again; with 100,000 summaries alive (55 MB) the garbage of
 *   drawing frames came to 20 MB more before it was collected. A growing factor of 1.2
 *   collects it sooner.
 *
 * Both cost a few more collections (about a millisecond more per key here). Only the reader
 * asks for this: the commands that run and end keep V8's defaults, quicker for their bursts.
 *
 * The command-line flags for this (--max-semi-space-size) cannot be given from inside; these
 * can be set at run time, but starting a worker thread sets V8's flags again, so they are set
 * again once each worker is up (see keepAfter).
 */
import v8 from 'node:v8';
import type { Worker } from 'node:worker_threads';

/** Whether the heap is to stay small (the reader asked for it). */
let wanted = false;

const apply = () => v8.setFlagsFromString('--semi-space-growth-factor=1 --heap-growing-percent=20');

/** Keeps the heap from growing beyond need, for the rest of the process (see keepAfter). */
export function keepHeapSmall(): void {
  wanted = true;
  apply();
}

/** Once `worker` is running (its start set V8's flags anew), sets them again if they were asked for. */
export function keepAfter(worker: Worker): void {
  worker.once('online', () => {
    if (wanted) apply();
  });
}
