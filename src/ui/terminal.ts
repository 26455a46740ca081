/**
 * Taking the terminal over and giving it back exactly once, whatever ends the
 * program: q, Ctrl-C, SIGTERM, SIGHUP, an exception. Ink 6 has no
 * alternate-screen option, so the escape sequences are written here.
 */
const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

export interface TerminalSession {
  /** Restores the terminal (idempotent). */
  restore(): void;
  /** Leaves the alternate screen for a child program (an editor), keeping the handlers. */
  suspend(): void;
  resume(): void;
}

export interface TerminalIO {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** Where the one line about a crash goes (default: process.stderr). */
  stderr?: { write(text: string): unknown };
}

/** Status of a process that ended on an internal error (EX_SOFTWARE). */
export const CRASH_EXIT_CODE = 70;

let current: (() => void) | null = null;

/**
 * Restores the terminal if a session holds it: for an error caught on its way
 * out (the command line's last catch), whose message would otherwise be written
 * into the alternate screen and vanish with it.
 */
export function giveBackTerminal(): void {
  current?.();
}

/**
 * Enters the alternate screen and installs exit handlers; `onExit` runs before
 * the process ends. An uncaught exception or unhandled rejection restores the
 * terminal, prints the one line `describeCrash` makes of it, and exits 70.
 */
export function takeTerminal(
  io: TerminalIO,
  onExit: () => void,
  describeCrash: (cause: unknown) => string = (cause) => `newsbridge: internal error: ${String(cause)}`,
): TerminalSession {
  let restored = false;
  const write = (text: string) => {
    try {
      io.stdout.write(text);
    } catch {
      // The terminal may already be gone (SIGHUP).
    }
  };
  const setRaw = (on: boolean) => {
    try {
      if (io.stdin.isTTY) io.stdin.setRawMode(on);
    } catch {
      // Not a TTY any more.
    }
  };
  const restore = () => {
    if (restored) return;
    restored = true;
    if (current === restore) current = null;
    setRaw(false);
    write(`${SHOW_CURSOR}${LEAVE_ALT_SCREEN}`);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('exit', restore);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      onExit();
    } finally {
      restore();
      process.exit(signal === 'SIGHUP' ? 129 : 143);
    }
  };
  // Without this, Node prints a stack trace and Ink may draw into the restored screen.
  const onCrash = (cause: unknown) => {
    try {
      onExit();
    } catch {
      // Saving state must not stop the terminal from being restored.
    }
    restore();
    let line: string;
    try {
      line = describeCrash(cause);
    } catch {
      line = 'newsbridge: internal error';
    }
    try {
      (io.stderr ?? process.stderr).write(`${line}\n`);
    } catch {
      // No terminal left to tell.
    }
    process.exit(CRASH_EXIT_CODE);
  };
  write(ENTER_ALT_SCREEN);
  current = restore;
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', restore);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return {
    restore,
    suspend() {
      setRaw(false);
      write(`${SHOW_CURSOR}${LEAVE_ALT_SCREEN}`);
    },
    resume() {
      write(ENTER_ALT_SCREEN);
      setRaw(true);
    },
  };
}
