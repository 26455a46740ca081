/**
 * ICU loads its data once per process, on the first Intl object that needs it: on this project's
 * machines the first NumberFormat or DateTimeFormat takes about 10 ms (Node 20), the next ones well
 * under one. The reader's first frame needs both (the list's dates, its counts). A worker thread
 * that makes them at start-up has ICU loaded on another core while this one reads the program's
 * code, so the first frame does not pay for it. The worker ends by itself and never holds the
 * process open; where workers cannot start, nothing changes but the time. Only the UI language's
 * data is loaded (each locale's dates cost about 2 MB of memory).
 */
import { Worker } from 'node:worker_threads';
import { keepAfter } from '../storage/reader-heap.js';

/** Starts a worker that makes the formatters of `locale` (the UI language's, see intlLocale). */
export function warmIntl(locale: string): void {
  const tag = JSON.stringify(locale);
  const code = `new Intl.NumberFormat(${tag}).format(1234.5);
new Intl.DateTimeFormat(${tag}, { dateStyle: 'medium', timeZone: 'UTC' }).format(0);
new Intl.DateTimeFormat(${tag}, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(0);`;
  try {
    const worker = new Worker(code, { eval: true, stdout: true, stderr: true });
    worker.unref();
    worker.on('error', () => undefined);
    keepAfter(worker);
  } catch {
    // No worker: the first Intl object of the main thread loads ICU itself.
  }
}
