/** Timing a program in a pseudo-terminal: start → text on screen, key → changed frame, peak memory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DRIVER = fileURLToPath(new URL('../tests/helpers/pty-run.py', import.meta.url));
const now = () => process.hrtime.bigint();
const ms = (ns: bigint) => Number(ns) / 1e6;

export class TimedPty {
  private child: ChildProcess;
  private output = '';
  private chunks = 0;
  /** When each chunk arrived and how long the output was after it: when a text was first written. */
  private marks: { at: bigint; length: number }[] = [];
  private err = '';
  private waiters: (() => void)[] = [];
  pid = 0;
  /** CLOCK_MONOTONIC ns when the program was started (from the driver). */
  forked = 0n;
  private started: Promise<void>;
  private closed: Promise<{ ended: bigint | null }>;

  constructor(command: string[], env: NodeJS.ProcessEnv, columns = 120, rows = 40) {
    this.child = spawn('python3', [DRIVER, String(columns), String(rows), '--', ...command], {
      env: { ...process.env, TERM: 'xterm-256color', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout?.setEncoding('utf8');
    this.child.stdout?.on('data', (text: string) => {
      this.output += text;
      this.chunks++;
      this.marks.push({ at: now(), length: this.output.length });
      for (const w of this.waiters.splice(0)) w();
    });
    this.started = new Promise((resolve) => {
      this.child.stderr?.on('data', (chunk: Buffer) => {
        this.err += chunk.toString();
        const first = this.err.split('\n')[0];
        if (this.pid === 0 && first && this.err.includes('\n')) {
          const info = JSON.parse(first) as { pid: number; forked: number };
          this.pid = info.pid;
          this.forked = BigInt(info.forked);
          resolve();
        }
      });
    });
    this.closed = new Promise((resolve) => {
      this.child.on('close', () => {
        const last = this.err.trim().split('\n').pop() ?? '{}';
        const info = JSON.parse(last) as { ended?: number };
        resolve({ ended: info.ended ? BigInt(info.ended) : null });
      });
    });
  }

  /** Milliseconds from the program's start until `text` has been written to the terminal. */
  async firstSeen(text: string, timeoutMs = 30_000): Promise<number> {
    await this.started;
    await this.until(() => this.output.includes(text), timeoutMs, text);
    return ms(now() - this.forked);
  }

  /**
   * Milliseconds from the program's start until whichever of `texts` is written first, and which;
   * all of them are looked for in everything written so far, so call it early.
   */
  async firstOf(texts: string[], timeoutMs = 30_000): Promise<{ ms: number; text: string }> {
    await this.started;
    await this.until(() => texts.some((t) => this.output.includes(t)), timeoutMs, texts.join(' or '));
    const seen = texts.map((text) => ({ text, ms: this.seenAt(text) })).filter((s) => !Number.isNaN(s.ms));
    return seen.sort((a, b) => a.ms - b.ms)[0] ?? { text: '', ms: NaN };
  }

  /** Milliseconds from the program's start until `text` had been written (NaN when it has not been). */
  seenAt(text: string): number {
    const index = this.output.indexOf(text);
    if (index < 0) return NaN;
    const mark = this.marks.find((m) => m.length >= index + text.length);
    return mark ? ms(mark.at - this.forked) : NaN;
  }

  /** Sends keys at once, without waiting for anything (e.g. before the program has drawn). */
  type(keys: string): void {
    this.child.stdin?.write(`${JSON.stringify({ write: Buffer.from(keys).toString('base64') })}\n`);
  }

  /**
   * Sends `key` and returns milliseconds until the program has written what
   * `expect` looks for in the output that follows the key (text, or a pattern
   * whose first group must differ from `unlike`, e.g. a position that changed).
   */
  async press(key: string, expect: string | { pattern: RegExp; unlike: string }, timeoutMs = 10_000): Promise<number> {
    const from = this.output.length;
    const t0 = now();
    this.child.stdin?.write(`${JSON.stringify({ write: Buffer.from(key).toString('base64') })}\n`);
    const seen = () => {
      const fresh = this.output.slice(from);
      if (typeof expect === 'string') return fresh.includes(expect);
      const all = [...fresh.matchAll(new RegExp(expect.pattern.source, 'g'))];
      const last = all[all.length - 1];
      return last !== undefined && last[1] !== expect.unlike;
    };
    await this.until(seen, timeoutMs, typeof expect === 'string' ? expect : String(expect.pattern));
    return ms(now() - t0);
  }

  /** The last match of `pattern`'s first group in everything written so far. */
  lastMatch(pattern: RegExp): string {
    const all = [...this.output.matchAll(new RegExp(pattern.source, 'g'))];
    return all[all.length - 1]?.[1] ?? '';
  }

  /** Waits until nothing has been written for `quietMs`. */
  async settle(quietMs = 150): Promise<void> {
    for (;;) {
      const chunks = this.chunks;
      await new Promise((r) => setTimeout(r, quietMs));
      if (this.chunks === chunks) return;
    }
  }

  /** Peak resident memory of the program (VmHWM), in MB. */
  peakRssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  }

  /** Milliseconds from start to exit (for programs that end by themselves). */
  async exitTime(): Promise<number> {
    await this.started;
    const { ended } = await this.closed;
    return ended ? ms(ended - this.forked) : NaN;
  }

  async quit(keys = 'Q'): Promise<void> {
    this.child.stdin?.write(`${JSON.stringify({ write: Buffer.from(keys).toString('base64') })}\n`);
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.closed;
    clearTimeout(timer);
  }

  private until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; the terminal shows: ${JSON.stringify(this.output.slice(-400))} ${this.err}`)), timeoutMs);
      const wait = () => {
        if (check()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(wait);
      };
      this.waiters.push(wait);
    });
  }
}
