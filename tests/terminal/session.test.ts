/** The terminal session with fake streams and a fake process: every way a session begins, pauses and ends. */
import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../../src/input/keys.js';
import { TerminalSession, type SessionHandlers, type SessionProcess } from '../../src/terminal/session.js';
import { FakeProcess, FakeStdin, FakeStdout } from '../helpers/render-app.js';

const ENTER = '\u001B[?1049h';
const LEAVE = '\u001B[?1049l';

function setup(o: { letGo?: () => void } = {}) {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(100, 30);
  const stderr = new FakeStdout(100, 30);
  const proc = new FakeProcess();
  const session = new TerminalSession({
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr,
    process: proc as unknown as SessionProcess,
    now: () => 42,
    ...(o.letGo ? { letGo: o.letGo } : {}),
  });
  const seen = { keys: [] as string[], resized: [] as string[], redraws: 0, saved: 0 };
  const handlers: SessionHandlers = {
    keys: (keys: readonly KeyPress[]) => seen.keys.push(...keys.map((k) => (k.ctrl ? `C-${k.input}` : (k.name ?? k.input)))),
    resize: (c, r) => seen.resized.push(`${c}x${r}`),
    redraw: () => seen.redraws++,
    beforeExit: () => seen.saved++,
    describeCrash: (cause) => `crash: ${(cause as Error).message}`,
  };
  const screen = () => stdout.written.join('');
  return { stdin, stdout, stderr, proc, session, handlers, seen, screen };
}

/** Emits `event` on the fake process; the session ends it with exit(), which the fake throws. */
function emit(proc: FakeProcess, event: string, ...args: unknown[]): void {
  try {
    proc.emit(event, ...args);
  } catch (error) {
    if (!String(error).includes('exit')) throw error;
  }
}

describe('the terminal session', () => {
  it('takes the terminal at start and keeps keys typed before the program is ready, in order', () => {
    const t = setup();
    t.session.start();
    expect(t.screen()).toContain(ENTER);
    expect(t.stdin.raw).toBe(true);
    expect(t.stdin.paused).toBe(false);
    t.stdin.type('jj');
    t.stdin.type('\r');
    expect(t.seen.keys).toEqual([]);
    t.session.attach(t.handlers);
    expect(t.seen.keys).toEqual(['j', 'j', 'enter']);
    t.stdin.type('q');
    expect(t.seen.keys.at(-1)).toBe('q');
    t.session.dispose();
  });

  it('tells the program of a resize that came before it was ready, with the size at attach', () => {
    const t = setup();
    t.session.start();
    t.stdout.columns = 80;
    t.stdout.rows = 24;
    t.stdout.emit('resize');
    expect(t.seen.resized).toEqual([]);
    t.session.attach(t.handlers);
    expect(t.seen.resized).toEqual(['80x24']);
    // Once only: a later attach (the program after the early loop) has nothing left to hear.
    t.session.attach(t.handlers);
    expect(t.seen.resized).toEqual(['80x24']);
    t.session.dispose();
  });

  it('takes a terminal that reports 0 columns and rows as the documented 80×24, not one character a line', () => {
    const t = setup();
    t.stdout.columns = 0;
    t.stdout.rows = 0;
    expect(t.session.size()).toEqual({ columns: 80, rows: 24 });
    t.session.start();
    t.session.attach(t.handlers);
    t.stdout.emit('resize');
    expect(t.seen.resized).toEqual(['80x24']);
    t.stdout.columns = 132;
    t.stdout.rows = 40;
    t.stdout.emit('resize');
    expect(t.seen.resized.at(-1)).toBe('132x40');
    t.session.dispose();
  });

  it('waits a moment for the rest of an escape sequence a read cut, and takes a lone Esc as Esc', async () => {
    const t = setup();
    t.session.start();
    t.session.attach(t.handlers);
    t.stdin.type('\u001B');
    t.stdin.type('[B');
    expect(t.seen.keys).toEqual(['down']);
    t.stdin.type('\u001B');
    expect(t.seen.keys).toEqual(['down']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(t.seen.keys).toEqual(['down', 'escape']);
    t.session.dispose();
  });

  it('hands the terminal to a child program and takes it back: cooked mode, normal screen, no keys meanwhile; then a full redraw', () => {
    const t = setup();
    t.session.start();
    t.session.attach(t.handlers);
    t.session.suspend();
    expect(t.stdin.raw).toBe(false);
    expect(t.screen().endsWith(LEAVE)).toBe(true);
    t.stdin.type('x');
    expect(t.seen.keys).toEqual([]);
    t.session.resume();
    expect(t.stdin.raw).toBe(true);
    expect(t.screen().lastIndexOf(ENTER)).toBeGreaterThan(t.screen().lastIndexOf(LEAVE));
    expect(t.seen.resized).toEqual(['100x30']);
    expect(t.seen.redraws).toBe(1);
    t.stdin.type('y');
    expect(t.seen.keys).toEqual(['y']);
    t.session.dispose();
  });

  it('stops itself on Ctrl-Z (SIGSTOP after giving the terminal back) and comes back on SIGCONT', () => {
    const t = setup();
    t.session.start();
    t.session.attach(t.handlers);
    t.session.stop();
    expect(t.proc.signals).toEqual(['SIGSTOP']);
    expect(t.stdin.raw).toBe(false);
    expect(t.screen().endsWith(LEAVE)).toBe(true);
    t.proc.emit('SIGCONT');
    expect(t.stdin.raw).toBe(true);
    expect(t.seen.redraws).toBe(1);
    // A SIGCONT that does not follow a stop changes nothing.
    t.proc.emit('SIGCONT');
    expect(t.seen.redraws).toBe(1);
    // SIGTSTP from outside stops it the same way.
    t.proc.emit('SIGTSTP');
    expect(t.proc.signals).toEqual(['SIGSTOP', 'SIGSTOP']);
    t.session.dispose();
  });

  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130], ['SIGQUIT', 131], ['SIGHUP', 129]] as const) {
    it(`on ${signal}: saves, gives the terminal back, exits ${code}`, () => {
      let letGo = 0;
      const t = setup({ letGo: () => letGo++ });
      t.session.start();
      t.session.attach(t.handlers);
      emit(t.proc, signal);
      expect(t.seen.saved).toBe(1);
      expect(t.proc.exitCode).toBe(code);
      expect(t.stdin.raw).toBe(false);
      expect(t.screen().endsWith(`\u001B[?25h${LEAVE}`)).toBe(true);
      // Only a hang-up lets go of the terminal (Node would abort restoring a terminal that is gone).
      expect(letGo).toBe(signal === 'SIGHUP' ? 1 : 0);
      expect(t.proc.listenerCount(signal)).toBe(0);
    });
  }

  it('when the terminal goes away (its input ends): saves, lets go of it, exits 129', () => {
    let letGo = 0;
    const t = setup({ letGo: () => letGo++ });
    t.session.start();
    t.session.attach(t.handlers);
    try {
      t.stdin.emit('end');
    } catch (error) {
      expect(String(error)).toContain('exit 129');
    }
    expect(t.seen.saved).toBe(1);
    expect(letGo).toBe(1);
    expect(t.proc.exitCode).toBe(129);
  });

  it('on a crash: saves, gives the terminal back, prints one line, exits 70', () => {
    const t = setup();
    t.session.start();
    t.session.attach(t.handlers);
    emit(t.proc, 'uncaughtException', new Error('boom'));
    expect(t.seen.saved).toBe(1);
    expect(t.stderr.written.join('')).toBe('crash: boom\n');
    expect(t.proc.exitCode).toBe(70);
    expect(t.screen().endsWith(LEAVE)).toBe(true);
  });

  it('gives the terminal back once however often it is disposed, and lets go of every handler', () => {
    const t = setup();
    t.session.start();
    t.session.dispose();
    t.session.dispose();
    expect(t.screen().split(LEAVE)).toHaveLength(2);
    expect(t.stdin.listenerCount('data')).toBe(0);
    expect(t.stdout.listenerCount('resize')).toBe(0);
    for (const event of ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGTSTP', 'SIGCONT', 'exit', 'uncaughtException', 'unhandledRejection']) {
      expect(t.proc.listenerCount(event), event).toBe(0);
    }
  });
});
