/**
 * Running the listing's jobs: in worker threads (one per core, up to four) when there is
 * enough work to pay for starting them, else in this thread a job at a time, giving the event
 * loop back between jobs. Jobs are handed out in order, so the first ones (the newest
 * articles) come back first.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { keepAfter } from '../storage/reader-heap.js';
import { runSummaryJob, type ReadRecord, type SummaryJob } from './summary-job.js';
import type { WorkerAnswer, WorkerRequest } from './summary-worker.js';

export interface PoolOptions {
  signal?: AbortSignal | undefined;
  /** Worker threads at most (default: one per core, up to four); 0 runs everything here. */
  threads?: number | undefined;
  /** The worker's file; by default the one built beside the program (none when run from source). */
  workerFile?: URL | null | undefined;
}

/** Work (in articles to read) below which starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 600;

/** The built worker beside the bundle: next to this chunk or in its chunks/ folder. */
function builtWorker(): URL | null {
  for (const candidate of ['./summary-worker.js', './chunks/summary-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

function aborted(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('aborted', { cause: reason });
}

/**
 * Runs `jobs`, calling `onDone(index, records)` as each finishes (in any order). `work` is
 * their size in articles to read (a key check counts a tenth), to decide on workers.
 */
export async function runSummaryJobs(
  jobs: readonly SummaryJob[],
  work: number,
  options: PoolOptions,
  onDone: (index: number, records: ReadRecord[]) => void,
): Promise<void> {
  const { signal } = options;
  if (signal?.aborted) throw aborted(signal);
  const file = options.workerFile === undefined ? builtWorker() : options.workerFile;
  const threads = Math.min(options.threads ?? Math.min(4, availableParallelism()), jobs.length);
  if (file === null || threads < 1 || work < WORKER_THRESHOLD) {
    for (const [index, job] of jobs.entries()) {
      onDone(index, await runSummaryJob(job));
      await nextTurn();
      if (signal?.aborted) throw aborted(signal);
    }
    return;
  }
  await inWorkers(jobs, file, threads, signal, onDone);
}

function inWorkers(
  jobs: readonly SummaryJob[],
  file: URL,
  threads: number,
  signal: AbortSignal | undefined,
  onDone: (index: number, records: ReadRecord[]) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let settled = false;
    const workers: Worker[] = [];
    const end = (error?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const worker of workers) void worker.terminate();
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error('the listing failed', { cause: error }));
    };
    const onAbort = () => end(aborted(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    const complete = (index: number, records: ReadRecord[]) => {
      if (settled) return;
      try {
        onDone(index, records);
      } catch (cause) {
        end(cause);
        return;
      }
      if (++finished === jobs.length) end();
    };
    /** A job a worker could not do is done here instead. */
    const here = (index: number) => {
      runSummaryJob(jobs[index] as SummaryJob).then(
        (records) => complete(index, records),
        (cause: unknown) => end(cause),
      );
    };
    const start = () => {
      const worker = new Worker(file);
      keepAfter(worker);
      workers.push(worker);
      let current = -1;
      const feed = () => {
        if (settled) return;
        if (next >= jobs.length) {
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ seq: current, job: jobs[current] as SummaryJob } satisfies WorkerRequest);
      };
      worker.on('message', (answer: WorkerAnswer) => {
        if ('failed' in answer) here(answer.seq);
        else complete(answer.seq, answer.records);
        current = -1;
        feed();
      });
      worker.on('error', () => {
        // A worker that fails leaves its job, and the rest of its share, to the others and to this thread.
        if (current >= 0) here(current);
        current = -1;
        if (workers.every((w) => w === worker || w.threadId === -1)) while (next < jobs.length) here(next++);
      });
      feed();
    };
    for (let i = 0; i < threads; i++) start();
  });
}
