/**
 * Runs the reader on a terminal session that is already taken: the program
 * (state, update, effects), Ink drawing its frames, the session's keys and
 * signals wired to them. Resolves with the exit status once the user quits.
 */
import { PassThrough } from 'node:stream';
import { render, type RenderOptions } from 'ink';
import React from 'react';
import type { LibraryEntry } from '../content/article.js';
import type { Between } from '../content/library-index.js';
import type { LibraryRoot } from '../content/load-article.js';
import type { UiLanguage } from '../i18n/language.js';
import { translatorFor } from '../i18n/translate.js';
import { NodeEffects } from '../runtime/effects.js';
import { InputQuiet } from '../runtime/input-quiet.js';
import type { ReaderDraftRequest } from '../runtime/draft-in-reader.js';
import type { Externals } from '../runtime/externals.js';
import { StateWriter } from '../runtime/persist.js';
import { Program } from '../runtime/program.js';
import { initialAppState, prefsOf, type LibraryPlace, type Looks } from '../state/app-state.js';
import { readerLabels } from '../state/settle.js';
import type { Article } from '../content/article.js';
import type { Binding } from '../input/keymap.js';
import type { StoredState } from '../storage/reading-state.js';
import { CRASH_EXIT_CODE, type TerminalSession } from '../terminal/session.js';
import { screenLayout } from '../layout/screen-layout.js';
import { ErrorBoundary } from './error-boundary.js';
import type { EarlyLoop } from './early-loop.js';
import { Root } from './root.js';

export interface ReaderOptions {
  session: TerminalSession;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  root: LibraryRoot;
  place: LibraryPlace;
  /** The library, already made safe to draw (safeEntries). */
  entries: LibraryEntry[];
  /**
   * `entries` are only the library's newest (from the index's head, or the first read on a cold
   * start): how many it has, and its widest source. The rest comes as messages (libraryProgress,
   * libraryRead) sent to the program by the caller.
   */
  partial?: {
    total: number;
    sourceWidth: number;
    reading?: { done: number; total: number } | undefined;
  };
  /** The loop that answered keys before the program was up: its state is the program's first, and what it kept is sent on. */
  early?: EarlyLoop;
  /** The list came from the index unchecked: check the files once the reader runs (after the whole list is read). */
  checkLibrary: boolean;
  /** Checks the files; the walk awaits `between` between its slices. */
  check: (between: Between) => Promise<LibraryEntry[] | null>;
  /** Reads the library again; its index is written back between slices that await `between`. */
  relist: (between: Between) => Promise<LibraryEntry[]>;
  language: UiLanguage;
  stored: StoredState;
  warning?: string | undefined;
  stateDir: string;
  looks: Looks;
  keymap?: readonly Binding[] | undefined;
  trueColour: boolean;
  initialId?: string | undefined;
  /** The browser and the editor; `suspend`/`resume` hand the terminal to them. */
  makeExternals: (terminal: { suspend: () => void; resume: () => void }) => Externals;
  describeCrash: (cause: unknown) => string;
  /** Machine drafts from the reader (D), with the configured provider. */
  draft?: (request: ReaderDraftRequest) => Promise<{ message: string; changed: boolean }>;
  /** `newsbridge refresh --json` for this library, run in the background on R (null: none). */
  refreshCommand?: string[] | null;
  /** Whether the library has a feeds.yaml (when not, the screen says how to add a feed at once). */
  hasFeedsFile?: boolean;
  /** Ink's options beyond the streams (tests ask for whole frames with `debug`). */
  ink?: Pick<RenderOptions, 'debug'>;
}

/** A running reader: its program (for tests and the benchmark) and its end. */
export interface ReaderRun {
  program: Program;
  /** Resolves with the exit status once the user quits. */
  done: Promise<number>;
}

/** Time for the blank frame to be written before the screen is drawn again (a few of Ink's frames). */
const REDRAW_AFTER_MS = 30;

/** Starts the reader on the session; see `ReaderRun`. */
export function startReader(o: ReaderOptions): ReaderRun {
  const { session } = o;
  // The program is made below; what the writer has to say reaches it as a notice.
  const programRef: { current: Program | null } = { current: null };
  const writer = new StateWriter({
    dir: o.stateDir,
    initial: o.stored,
    t: translatorFor(o.language),
    onMessage: (text) => programRef.current?.send({ type: 'notice', text }),
  });
  let quit = () => undefined as void;
  const quitting = new Promise<void>((resolve) => (quit = resolve));
  let crashed: Error | null = null;
  const { columns, rows } = session.size();
  const { partial } = o;
  const handover = o.early?.finish();
  const initial = handover?.state ?? initialAppState({
    columns,
    rows,
    language: o.language,
    place: o.place,
    stored: o.stored,
    entries: o.entries,
    warning: o.warning,
    looks: o.looks,
    keymap: o.keymap,
    hasFeedsFile: o.hasFeedsFile,
    ...(partial ? { total: partial.total, sourceWidth: partial.sourceWidth, reading: partial.reading } : {}),
  });

  let redraw = () => undefined as void;
  const externals = o.makeExternals({
    suspend: () => session.suspend(),
    resume: () => session.resume(),
  });
  // The check of the library's files waits while keys are coming (see InputQuiet).
  const quiet = new InputQuiet();
  const effects = new NodeEffects({
    root: o.root,
    externals,
    relist: () => o.relist(quiet.wait),
    check: () => o.check(quiet.wait),
    save: (stored) => writer.save(stored),
    layoutNow: () => {
      const state = programRef.current?.getState();
      if (!state) return null;
      const prefs = prefsOf(state);
      const t = translatorFor(state.language);
      return {
        columns: screenLayout(state.size.columns, state.size.rows, prefs.view, prefs.panelOpen, state.looks.maxWidth).columns,
        labelsFor: (article: Article) => readerLabels(t, article),
      };
    },
    suspend: () => session.stop(),
    quit: () => quit(),
    refreshCommand: o.refreshCommand ?? null,
    ...(o.draft ? { draft: o.draft } : {}),
  });
  const program = new Program(initial, effects.run);
  programRef.current = program;

  const instance = render(
    <ErrorBoundary
      message={translatorFor(o.language)('ui.crashed')}
      onError={(error) => {
        crashed = error;
        quit();
      }}
    >
      <Root store={program} trueColour={o.trueColour} />
    </ErrorBoundary>,
    {
      stdout: o.stdout,
      // Ink reads no keys: the session does (one decoder, one message per key).
      stdin: Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream,
      stderr: o.stderr,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 120,
      ...o.ink,
    },
  );
  redraw = () => {
    // After another program had the screen: a blank frame, then the whole frame again.
    program.send({ type: 'blank' });
    const timer = setTimeout(() => program.send({ type: 'redraw' }), REDRAW_AFTER_MS);
    timer.unref();
  };
  session.attach({
    keys: (keys, at) => {
      quiet.noteInput();
      for (const key of keys) program.send({ type: 'key', key, at });
    },
    resize: (c, r) => program.send({ type: 'resize', columns: c, rows: r }),
    redraw: () => redraw(),
    beforeExit: () => {
      writer.flush();
      // Ink would draw its last frame from its own exit hook after the screen is given back: unmounted first.
      try {
        instance.unmount();
      } catch {
        // Already unmounted.
      }
    },
    describeCrash: o.describeCrash,
  });
  for (const msg of handover?.held ?? []) program.send(msg);
  if (o.checkLibrary) effects.run({ type: 'checkLibrary' }, program.send);
  if (o.hasFeedsFile !== false) effects.run({ type: 'loadFeeds' }, program.send);
  if (o.initialId) program.send({ type: 'open', id: o.initialId, at: Date.now() });

  const done = (async () => {
    try {
      await Promise.race([quitting, instance.waitUntilExit()]);
    } catch (error) {
      crashed = error as Error;
    } finally {
      effects.dispose();
      writer.flush();
      try {
        instance.unmount();
      } catch {
        // Already unmounted.
      }
    }
    if (crashed) {
      session.dispose();
      o.stderr.write(`${o.describeCrash(crashed)}\n`);
      return CRASH_EXIT_CODE;
    }
    const lost = writer.exitMessage();
    if (lost) {
      // Said on the normal screen, after the terminal is given back.
      session.dispose();
      o.stderr.write(`${lost}\n`);
      return 1;
    }
    return 0;
  })();
  return { program, done };
}
