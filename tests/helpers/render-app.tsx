/**
 * Runs the production reader (the same program, Root and Ink as the built
 * program) on a library folder, with fake terminal streams of a fixed size:
 * keys go in through the terminal session as bytes, frames come out of Ink.
 */
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { listLibrary, listLibraryIndexed, openLibrary } from '../../src/content/load-library.js';
import { safeEntries } from '../../src/content/safe-entries.js';
import type { UiLanguage } from '../../src/i18n/language.js';
import type { Externals } from '../../src/runtime/externals.js';
import type { Program } from '../../src/runtime/program.js';
import { emptyState, type StoredState } from '../../src/storage/reading-state.js';
import { TerminalSession, type SessionProcess } from '../../src/terminal/session.js';
import { startReader } from '../../src/ui/run-reader.js';
import { tempDir } from './library.js';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
} as const;

export interface RenderAppOptions {
  library: string;
  columns?: number;
  rows?: number;
  language?: UiLanguage;
  colour?: boolean;
  stored?: StoredState;
  externals?: Partial<Externals>;
  /** Open this article at once. */
  open?: string;
  /** List the library as the reader does from a trusted index (made first), not by reading it. */
  fromIndex?: boolean;
}

/** The library's entries as the reader gets them from its index: the index is written, then trusted. */
async function listedFromIndex(root: Parameters<typeof listLibrary>[0]) {
  const cache = tempDir();
  await (await listLibraryIndexed(root, cache)).saveIndex();
  return (await listLibraryIndexed(root, cache, { trust: true })).entries;
}

export interface AppHarness {
  frame: () => string;
  press: (...keys: string[]) => Promise<void>;
  resize: (columns: number, rows: number) => Promise<void>;
  saved: () => StoredState;
  calls: { openUrl: string[]; edit: number[] };
  program: Program;
  unmount: () => Promise<void>;
}

/** A terminal's keyboard: what the test writes arrives as `data`. */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  raw = false;
  paused = true;
  setRawMode(on: boolean) {
    this.raw = on;
    return this;
  }
  setEncoding() {
    return this;
  }
  resume() {
    this.paused = false;
    return this;
  }
  pause() {
    this.paused = true;
    return this;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  type(text: string) {
    this.emit('data', text);
  }
}

/** A terminal's screen: remembers what was written (Ink in debug mode writes whole frames). */
export class FakeStdout extends EventEmitter {
  isTTY = true;
  written: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write(text: string) {
    this.written.push(text);
    return true;
  }
}

/** A process whose signals and exit the tests control (the real one is vitest's). */
export class FakeProcess extends EventEmitter {
  pid = 4242;
  signals: string[] = [];
  exitCode: number | null = null;
  kill(_pid: number, signal: string) {
    this.signals.push(signal);
    return true;
  }
  exit(code: number): never {
    this.exitCode = code;
    throw new Error(`exit ${code}`);
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the frame satisfies `check` (or fails with the last frame). */
export async function waitFor(harness: { frame: () => string }, check: (frame: string) => boolean, what = 'frame'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check(harness.frame())) return;
    await sleep(5);
  }
  throw new Error(`timed out waiting for ${what}; last frame:\n${harness.frame()}`);
}

export async function renderApp(o: RenderAppOptions): Promise<AppHarness> {
  const opened = await openLibrary(o.library);
  if (!opened.ok) throw new Error(opened.message);
  const root = opened.root;
  const entries = safeEntries(o.fromIndex ? await listedFromIndex(root) : await listLibrary(root));
  const calls = { openUrl: [] as string[], edit: [] as number[] };
  const externals: Externals = {
    openUrl: (url) => {
      calls.openUrl.push(url);
      return Promise.resolve({ ok: true, message: `opened ${url}` });
    },
    editParagraph: (_article, index) => {
      calls.edit.push(index);
      return Promise.resolve({ ok: true, message: 'edited' });
    },
    ...o.externals,
  };
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(o.columns ?? 120, o.rows ?? 40);
  const stderr = new FakeStdout(80, 24);
  const proc = new FakeProcess();
  const session = new TerminalSession({
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr,
    process: proc as unknown as SessionProcess,
  });
  session.start();
  const run = startReader({
    session,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    root,
    place: { key: root.real, name: 'test-library', flag: '' },
    entries,
    checkLibrary: false,
    check: () => Promise.resolve(null),
    relist: () => listLibrary(root),
    language: o.language ?? 'en',
    stored: o.stored ?? emptyState(),
    stateDir: tempDir(),
    looks: { colour: o.colour ?? true, background: 'dark' },
    trueColour: false,
    initialId: o.open,
    makeExternals: () => externals,
    describeCrash: (cause) => `crash: ${String(cause)}`,
    ink: { debug: true },
  });
  const settle = async () => {
    await tick();
    await tick();
  };
  await settle();
  const harness: AppHarness = {
    // What a person sees: the last whole frame, without its colour and style codes.
    frame: () => stripVTControlCharacters(stdout.written.at(-1) ?? '').replace(/\n+$/, ''),
    press: async (...keys) => {
      for (const key of keys) {
        stdin.type(key);
        // A lone Esc waits a moment for the rest of an escape sequence that might follow.
        if (key === KEYS.escape) await sleep(40);
        await settle();
      }
    },
    resize: async (columns, rows) => {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit('resize');
      await settle();
    },
    saved: () => run.program.getState().stored,
    calls,
    program: run.program,
    unmount: async () => {
      // Ctrl-C quits from anywhere, a search field being typed into included (where Q is a letter).
      stdin.type('\u0003');
      await run.done;
      session.dispose();
    },
  };
  return harness;
}
