/**
 * V8 doubles the young generation of the heap (where new objects start) whenever many of them
 * survive a collection, up to 32 MB here, and it stays that size: reading a list of thousands of
 * articles does that once, and the reader then carries the 32 MB for as long as it runs (10,000
 * articles: about 15 MB of its resident memory at the end, more at 100,000). Keeping the young
 * generation at its first size costs a few more, smaller collections (about a millisecond more
 * per key here). Only the reader asks for it: the commands that run and end keep V8's default,
 * which is quicker for their bursts of work.
 *
 * The command-line flag for this (--max-semi-space-size) cannot be given from inside; the growth
 * factor can be set at run time, but starting a worker thread sets V8's flags again, so it is set
 * again once each worker is up (see keepAfter).
 */
import v8 from 'node:v8';
import type { Worker } from 'node:worker_threads';

/** Whether the young generation is to stay small (the reader asked for it). */
let wanted = false;

const apply = () => v8.setFlagsFromString('--semi-space-growth-factor=1');

/** Stops the young generation from growing, for the rest of the process (see keepAfter). */
export function keepYoungGenerationSmall(): void {
  wanted = true;
  apply();
}

/** Once `worker` is running (its start set V8's flags anew), sets it again if it was asked for. */
export function keepAfter(worker: Worker): void {
  worker.once('online', () => {
    if (wanted) apply();
  });
}
