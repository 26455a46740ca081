/**
 * The one owner of the terminal while the reader runs: the alternate screen,
 * raw mode, the keyboard, signals and crashes, handing the terminal to a
 * child program (an editor, a text browser) or to the shell (Ctrl-Z) and
 * taking it back. Every way a session ends gives the terminal back once:
 * q, Q, Ctrl-C, SIGTERM, SIGHUP, SIGINT, SIGQUIT, the terminal going away,
 * an exception. Streams and the process are injected, so it is tested with
 * fakes; the pty tests are the proof on a real terminal.
 */
import { closeSync } from 'node:fs';
import { KeyDecoder, type KeyPress } from '../input/keys.js';

const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

/** Status of a process that ended on an internal error (EX_SOFTWARE). */
export const CRASH_EXIT_CODE = 70;

/** Exit statuses of the signals that end a session: 128 + the signal's number. */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 };

/** How long a lone Esc waits for the rest of an escape sequence. */
const ESCAPE_WAIT_MS = 25;

/** The keyboard side of the terminal (process.stdin, or a fake in tests). */
export type TerminalInput = Pick<NodeJS.ReadStream, 'isTTY' | 'setRawMode' | 'setEncoding' | 'on' | 'off' | 'resume' | 'pause' | 'ref' | 'unref'>;

/** The screen side (process.stdout, or a fake). */
export type TerminalOutput = Pick<NodeJS.WriteStream, 'write' | 'columns' | 'rows' | 'on' | 'off'>;

/** The parts of `process` a session uses. */
export type SessionProcess = Pick<NodeJS.Process, 'pid' | 'on' | 'off' | 'kill' | 'exit'>;

export interface SessionStreams {
  stdin: TerminalInput;
  stdout: TerminalOutput;
  stderr: { write(text: string): unknown };
  process?: SessionProcess;
  /** The clock for key times (milliseconds since the epoch). */
  now?: () => number;
  /**
   * Lets go of a terminal that has gone away, before the process exits (default: closes file
   * descriptors 0–2). Node restores the terminal's modes as it exits and aborts when it cannot
   * ("CHECK failed" with a native stack trace); a descriptor closed before then is skipped.
   */
  letGo?: () => void;
}

function closeStandardDescriptors(): void {
  for (const fd of [0, 1, 2]) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
  }
}

/** What the program does with what the session sees. */
export interface SessionHandlers {
  keys(keys: readonly KeyPress[], at: number): void;
  resize(columns: number, rows: number): void;
  /** The screen was given back (after Ctrl-Z or a child program): draw it again in full. */
  redraw(): void;
  /** Runs before the terminal is given back because the session ends abruptly (a signal, a crash, the terminal gone): save, stop drawing. */
  beforeExit(): void;
  /** The one line printed for a crash. */
  describeCrash(cause: unknown): string;
}

export class TerminalSession {
  private readonly decoder = new KeyDecoder();
  private readonly proc: SessionProcess;
  private readonly now: () => number;
  private handlers: SessionHandlers | null = null;
  /** Keys that came before the program was ready for them (typed while it started). */
  private early: { keys: KeyPress[]; at: number }[] = [];
  /** The terminal was resized before the program was ready for it. */
  private resizedEarly = false;
  private escapeTimer: NodeJS.Timeout | null = null;
  private reading = false;
  private onScreen = false;
  private started = false;
  private disposed = false;
  private stopped = false;
  private readonly signalHandlers = new Map<string, (...args: unknown[]) => void>();

  constructor(private readonly io: SessionStreams) {
    this.proc = io.process ?? process;
    this.now = io.now ?? Date.now;
  }

  /** Takes the terminal: the alternate screen, raw mode, the keyboard (keys are kept until `attach`), and every exit path. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.enterScreen();
    this.startReading();
    this.io.stdout.on('resize', this.onResize);
    this.io.stdout.on('error', this.onGone);
    this.io.stdin.on('end', this.onGone);
    this.io.stdin.on('error', this.onGone);
    for (const signal of Object.keys(SIGNAL_EXIT)) this.listen(signal, () => this.end(SIGNAL_EXIT[signal] ?? 1, signal === 'SIGHUP'));
    this.listen('SIGTSTP', () => this.stop());
    this.listen('SIGCONT', () => this.continued());
    this.listen('exit', () => this.dispose());
    this.listen('uncaughtException', (cause: unknown) => this.crash(cause));
    this.listen('unhandledRejection', (cause: unknown) => this.crash(cause));
  }

  /** The program is ready: keys go to it from now on, those typed before first. */
  attach(handlers: SessionHandlers): void {
    this.handlers = handlers;
    if (this.resizedEarly) {
      this.resizedEarly = false;
      const { columns, rows } = this.size();
      handlers.resize(columns, rows);
    }
    const early = this.early;
    this.early = [];
    for (const { keys, at } of early) handlers.keys(keys, at);
  }

  /** The terminal's size now (80×24 when it does not say). */
  size(): { columns: number; rows: number } {
    return { columns: this.io.stdout.columns || 80, rows: this.io.stdout.rows || 24 };
  }

  /** Writes straight to the terminal (the first frame, before Ink draws). */
  write(text: string): void {
    this.safely(() => this.io.stdout.write(text));
  }

  /** Hands the terminal to a child program in the foreground (an editor): normal screen, cooked mode, no key reading. */
  suspend(): void {
    if (this.disposed || !this.onScreen) return;
    this.stopReading();
    this.leaveScreen();
  }

  /** Takes the terminal back after `suspend` and draws everything again. */
  resume(): void {
    if (this.disposed || this.onScreen) return;
    this.enterScreen();
    this.startReading();
    const { columns, rows } = this.size();
    this.handlers?.resize(columns, rows);
    this.handlers?.redraw();
  }

  /** Ctrl-Z (or SIGTSTP): the shell gets the terminal until `fg` sends SIGCONT. */
  stop(): void {
    if (this.disposed) return;
    this.suspend();
    this.stopped = true;
    // SIGTSTP is handled here, so the process stops itself with the signal that cannot be caught.
    this.safely(() => this.proc.kill(this.proc.pid, 'SIGSTOP'));
  }

  /** Gives the terminal back for good (idempotent): raw mode off, cursor shown, normal screen, handlers removed. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.escapeTimer) clearTimeout(this.escapeTimer);
    this.stopReading();
    if (this.onScreen) this.leaveScreen();
    this.io.stdout.off('resize', this.onResize);
    this.io.stdout.off('error', this.onGone);
    this.io.stdin.off('end', this.onGone);
    this.io.stdin.off('error', this.onGone);
    for (const [event, handler] of this.signalHandlers) this.proc.off(event, handler);
    this.signalHandlers.clear();
    this.safely(() => this.io.stdin.unref());
  }

  get active(): boolean {
    return this.started && !this.disposed;
  }

  private listen(event: string, handler: (...args: unknown[]) => void): void {
    this.signalHandlers.set(event, handler);
    this.proc.on(event as NodeJS.Signals, handler);
  }

  private continued(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.resume();
  }

  /** Ends the session at once: what must be saved is saved, then the terminal is given back (or, when it is gone, let go of). */
  private end(code: number, hungUp = false): never {
    try {
      this.handlers?.beforeExit();
    } catch {
      // Saving must not stop the terminal from being restored.
    }
    this.dispose();
    if (hungUp) (this.io.letGo ?? closeStandardDescriptors)();
    return this.proc.exit(code);
  }

  private readonly onGone = () => {
    // The terminal is gone (hung up, closed): nothing can be drawn any more, but state is saved.
    this.end(SIGNAL_EXIT['SIGHUP'] ?? 129, true);
  };

  private crash(cause: unknown): never {
    try {
      this.handlers?.beforeExit();
    } catch {
      // As above.
    }
    this.dispose();
    let line: string;
    try {
      line = this.handlers?.describeCrash(cause) ?? `newsbridge: internal error: ${String(cause)}`;
    } catch {
      line = 'newsbridge: internal error';
    }
    this.safely(() => this.io.stderr.write(`${line}\n`));
    return this.proc.exit(CRASH_EXIT_CODE);
  }

  private readonly onResize = () => {
    const { columns, rows } = this.size();
    if (this.handlers) this.handlers.resize(columns, rows);
    // Before the program is ready: it is told the size it finds at attach.
    else this.resizedEarly = true;
  };

  private readonly onData = (chunk: string | Buffer) => {
    if (this.escapeTimer) {
      clearTimeout(this.escapeTimer);
      this.escapeTimer = null;
    }
    this.deliver(this.decoder.push(chunk.toString()));
    // A lone Esc at the end of a read: Esc itself, unless the rest of a sequence follows at once.
    if (this.decoder.waiting) this.escapeTimer = setTimeout(() => this.deliver(this.decoder.flush()), ESCAPE_WAIT_MS);
  };

  private deliver(keys: KeyPress[]): void {
    if (keys.length === 0) return;
    const at = this.now();
    if (this.handlers) this.handlers.keys(keys, at);
    else this.early.push({ keys, at });
  }

  private startReading(): void {
    if (this.reading) return;
    this.reading = true;
    this.setRaw(true);
    this.io.stdin.setEncoding('utf8');
    this.io.stdin.on('data', this.onData);
    this.safely(() => this.io.stdin.ref());
    this.io.stdin.resume();
  }

  private stopReading(): void {
    if (!this.reading) return;
    this.reading = false;
    this.io.stdin.off('data', this.onData);
    this.safely(() => this.io.stdin.pause());
    this.setRaw(false);
  }

  private enterScreen(): void {
    this.onScreen = true;
    this.write(ENTER_ALT_SCREEN);
  }

  private leaveScreen(): void {
    this.onScreen = false;
    this.write(`${SHOW_CURSOR}${LEAVE_ALT_SCREEN}`);
  }

  private setRaw(on: boolean): void {
    this.safely(() => {
      if (this.io.stdin.isTTY) this.io.stdin.setRawMode(on);
    });
  }

  /** The terminal may already be gone (hung up): what cannot be written is let go. */
  private safely(action: () => unknown): void {
    try {
      action();
    } catch {
      // Nothing to do: there is no terminal left to tell.
    }
  }
}
