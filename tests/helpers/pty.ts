/** Drives a program through a real pseudo-terminal (Python's pty module) and reads its screen with xterm. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { expect } from 'vitest';

const DRIVER = fileURLToPath(new URL('./pty-run.py', import.meta.url));

function withoutCiVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest['CI'];
  delete rest['CONTINUOUS_INTEGRATION'];
  return rest;
}

/** How long the program must have been silent before a matching screen counts as drawn. */
const QUIET_MS = 60;

export interface PtyExit {
  exit: number | null;
  signal: number | null;
  echo: boolean | null;
  icanon: boolean | null;
  /** When the program ended and when the last key was written to it (CLOCK_MONOTONIC ns, as process.hrtime). */
  ended: number | null;
  lastWrite: number | null;
  /** When the program last wrote "leave the alternate screen" (the user has the shell back). */
  leftScreen: number | null;
}

export interface PtyModes {
  echo: boolean;
  icanon: boolean;
  /** The program is stopped (job control). */
  stopped: boolean;
}

export class PtySession {
  readonly term: InstanceType<typeof xterm.Terminal>;
  private readonly child: ChildProcess;
  private raw = Buffer.alloc(0);
  private lastOutputAt = 0;
  private readonly exited: Promise<PtyExit>;
  private seenLines = 0;
  private readonly queries: ((modes: PtyModes) => void)[] = [];

  constructor(command: string[], opts: { columns: number; rows: number; env?: NodeJS.ProcessEnv }) {
    this.term = new xterm.Terminal({ cols: opts.columns, rows: opts.rows, allowProposedApi: true });
    this.child = spawn('python3', [DRIVER, String(opts.columns), String(opts.rows), '--', ...command], {
      // CI and CONTINUOUS_INTEGRATION change how Ink draws: left out unless a test sets them, so a run
      // here and a run on a CI machine see the same program.
      env: { ...withoutCiVariables(process.env), TERM: 'xterm-256color', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.raw = Buffer.concat([this.raw, chunk]);
      this.lastOutputAt = Date.now();
      this.term.write(chunk);
    });
    let err = '';
    this.child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      // Answers to queries arrive as they are asked; the last line is the exit report.
      for (const line of err.split('\n').slice(this.seenLines, -1)) {
        this.seenLines++;
        if (line.startsWith('{"query"')) this.queries.shift()?.((JSON.parse(line) as { query: PtyModes }).query);
      }
    });
    this.exited = new Promise((resolve, reject) => {
      this.child.on('close', () => {
        const line = err.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(line) as PtyExit);
        } catch {
          reject(new Error(`pty driver failed: ${err}`));
        }
      });
    });
  }

  /** Every byte the program wrote to the terminal so far. */
  bytes(): Buffer {
    return this.raw;
  }

  private send(message: object): void {
    this.child.stdin?.write(`${JSON.stringify(message)}\n`);
  }

  write(text: string): void {
    this.send({ write: Buffer.from(text).toString('base64') });
  }

  signal(name: 'TERM' | 'HUP' | 'INT' | 'QUIT' | 'TSTP' | 'CONT'): void {
    this.send({ signal: name });
  }

  /** The terminal's modes now, and whether the program is stopped. */
  query(): Promise<PtyModes> {
    const answer = new Promise<PtyModes>((resolve) => this.queries.push(resolve));
    this.send({ query: true });
    return answer;
  }

  /** Closes the terminal under the program (its window closed, the connection dropped). */
  hangup(): void {
    this.send({ hangup: true });
  }

  resize(columns: number, rows: number): void {
    this.term.resize(columns, rows);
    this.send({ resize: [columns, rows] });
  }

  /** The visible screen as text lines (after xterm has parsed all output). */
  async screen(): Promise<string> {
    await new Promise<void>((resolve) => this.term.write('', resolve));
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** True while the program shows the alternate screen. */
  inAlternateScreen(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  /**
   * Waits until the screen passes `check` and the program has written nothing
   * for QUIET_MS: a frame can reach the terminal in several pieces, and a
   * check on its first line alone would otherwise see it half drawn.
   */
  async waitFor(check: (screen: string) => boolean, what: string, timeoutMs = 25_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let passingSince: number | null = null;
    for (;;) {
      const screen = await this.screen();
      const now = Date.now();
      if (check(screen)) {
        passingSince ??= now;
        // A program that keeps writing while the check holds is taken as it is after a while.
        if (now - this.lastOutputAt >= QUIET_MS || now - passingSince > 1000) return screen;
      } else {
        passingSince = null;
      }
      if (now > until) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits for the program to end and reports how it left the terminal. */
  async exit(timeoutMs = 25_000): Promise<PtyExit> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.child.stdin?.end();
  }
}

/** The terminal was given back: normal screen, cursor shown after it was last hidden, cooked mode. */
export function expectRestored(pty: PtySession, exit: PtyExit): void {
  const bytes = pty.bytes().toString('latin1');
  expect(pty.inAlternateScreen()).toBe(false);
  expect(bytes.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(bytes.lastIndexOf('\u001B[?1049h'));
  expect(bytes.lastIndexOf('\u001B[?25h')).toBeGreaterThan(bytes.lastIndexOf('\u001B[?25l'));
  expect(exit.echo).toBe(true);
  expect(exit.icanon).toBe(true);
}
