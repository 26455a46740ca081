/**
 * Standard output that can fail: a full disk (ENOSPC), an I/O error (EIO), a closed pipe.
 * The first failure is one line on stderr; later writes are dropped, and the command's exit
 * status becomes 1. A closed pipe (`newsbridge list | head`) is no failure: the reader of the
 * output has what it wanted.
 */
import { errorReason } from '../i18n/error-reason.js';
import type { Translate } from '../i18n/translate.js';

type Writable = { write(text: string): unknown };

/** True for the error a write gets when the other end of a pipe has gone. */
export function isClosedPipe(cause: unknown): boolean {
  return (cause as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

/** The line saying why the output could not be written, in the interface language. */
export function outputFailedLine(cause: unknown, t: Translate): string {
  return t('cli.errorPrefix', { message: t('safety.outputFailed', { reason: errorReason(cause, t) }) });
}

/** Wraps a command's stdout: the first failed write is reported once and every later one dropped. */
export class OutputGuard {
  /** The first write error (not a closed pipe), or null. */
  failure: unknown = null;
  /** The other end of the pipe went away: further output is pointless but nothing failed. */
  closed = false;

  constructor(
    private readonly stdout: Writable,
    private readonly stderr: Writable,
    /** Set by the command runner once the interface language is known. */
    public t: Translate | null = null,
  ) {}

  /** Writes `text` unless the output already failed; a synchronous throw counts as a failure. */
  write(text: string): void {
    if (this.failure !== null || this.closed) return;
    try {
      this.stdout.write(text);
    } catch (cause) {
      this.fail(cause);
    }
  }

  /** Records a write error (from a throw or the stream's 'error' event) and says so, once. */
  fail(cause: unknown): void {
    if (isClosedPipe(cause)) {
      this.closed = true;
      return;
    }
    if (this.failure !== null) return;
    this.failure = cause;
    try {
      this.stderr.write(`${this.t ? outputFailedLine(cause, this.t) : `newsbridge: cannot write the output (${String((cause as NodeJS.ErrnoException).code ?? 'error')})`}\n`);
    } catch {
      // stderr is gone too: the exit status is all that is left to say it.
    }
  }
}
