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
}

/** Enters the alternate screen and installs exit handlers; `onExit` runs before the process ends. */
export function takeTerminal(io: TerminalIO, onExit: () => void): TerminalSession {
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
    setRaw(false);
    write(`${SHOW_CURSOR}${LEAVE_ALT_SCREEN}`);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('exit', restore);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      onExit();
    } finally {
      restore();
      process.exit(signal === 'SIGHUP' ? 129 : 143);
    }
  };
  write(ENTER_ALT_SCREEN);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', restore);
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
