/**
 * A worker thread of the library listing: it reads the summaries of a batch of article
 * folders (or checks their files' keys) and answers with their records, so that listing a
 * large library without an index uses every core and never holds up the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { runSummaryJob, type ReadRecord, type SummaryJob } from './summary-job.js';

/** A request: a job and its number. */
export interface WorkerRequest {
  seq: number;
  job: SummaryJob;
}

/** The answer: the job's records, or why it failed (the main thread then does it itself). */
export type WorkerAnswer = { seq: number; records: ReadRecord[] } | { seq: number; failed: string };

parentPort?.on('message', (request: WorkerRequest) => {
  runSummaryJob(request.job).then(
    (records) => parentPort?.postMessage({ seq: request.seq, records } satisfies WorkerAnswer),
    (cause: unknown) => parentPort?.postMessage({ seq: request.seq, failed: String(cause) } satisfies WorkerAnswer),
  );
});
