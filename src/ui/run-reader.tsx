/** Starts the full-screen reader and gives the terminal back, whatever ends it. */
import { render } from 'ink';
import React, { useState } from 'react';
import type { LibraryEntry } from '../content/article.js';
import type { LibraryRoot } from '../content/load-article.js';
import type { UiLanguage } from '../i18n/language.js';
import { createTranslator } from '../i18n/translate.js';
import { saveStateSync, type LoadedState, type StoredState } from '../storage/reading-state.js';
import { safeEntries } from './safe-entries.js';
import { App } from './app.js';
import { ErrorBoundary } from './error-boundary.js';
import { PacedStdin } from './paced-stdin.js';
import type { Externals } from '../runtime/externals.js';
import type { TerminalSession } from './terminal.js';
import { themeFor } from './theme.js';
import { UiProvider } from './ui-context.js';

export interface ReaderOptions {
  root: LibraryRoot;
  libraryName: string;
  /** " --library DIR" for commands the reader suggests (empty for the bundled library). */
  libraryFlag: string;
  /** The library, already made safe to draw (safeEntries); later lists are made safe here. */
  entries: LibraryEntry[];
  /** Reads the library again (after an edit). */
  relist: () => Promise<LibraryEntry[]>;
  /** Checks the files behind an index-fed first frame; resolves with a corrected list, or null. */
  revalidate: () => Promise<LibraryEntry[] | null>;
  /** The interface language to start in (--ui-lang, else remembered, else the locale). */
  language: UiLanguage;
  colour: boolean;
  /** The terminal, already taken over (alternate screen, exit handlers). */
  session: TerminalSession;
  /** Set here: what the session's exit handlers must save before the process ends. */
  hooks: { flush: () => void };
  /** The remembered state, loaded before the first frame. */
  loaded: LoadedState;
  stateDir: string;
  describeCrash: (cause: unknown) => string;
  env: NodeJS.ProcessEnv;
  initialId?: string;
  makeExternals: (session: () => TerminalSession, rerender: () => void) => Externals;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

/** Runs the reader until the user quits; resolves with the exit status. */
export async function runReader(o: ReaderOptions): Promise<number> {
  const { loaded, session, describeCrash } = o;
  const dir = o.stateDir;
  let latest: StoredState = loaded.state;
  let pending = false;
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    pending = false;
    try {
      saveStateSync(dir, latest);
    } catch {
      // Losing a position is better than crashing on the way out.
    }
  };
  const save = (state: StoredState) => {
    latest = state;
    pending = true;
    if (!timer) timer = setTimeout(flush, 500);
  };

  o.hooks.flush = flush;
  const startLanguage = o.language;
  let crashed: Error | null = null;
  const entries = o.entries;
  let rerender = () => undefined as void;

  function Root() {
    const [language, setLanguage] = useState<UiLanguage>(startLanguage);
    const [ui] = useState(() => new Map<UiLanguage, ReturnType<typeof createTranslator>>());
    let t = ui.get(language);
    if (!t) {
      t = createTranslator(language);
      ui.set(language, t);
    }
    const externals = React.useMemo(() => o.makeExternals(() => session, () => rerender()), []);
    const refresh = React.useCallback(() => o.revalidate().then((fresh) => (fresh ? safeEntries(fresh) : null)), []);
    return (
      <UiProvider value={{ t, language, theme: themeFor(o.colour) }}>
        <ErrorBoundary message={t('ui.crashed')} onError={(error) => {
          crashed = error;
          // The very first render runs inside render(), before `instance` is assigned: unmount after it.
          setImmediate(() => instance.unmount());
        }}>
          <App
            root={o.root}
            libraryName={o.libraryName}
            libraryFlag={o.libraryFlag}
            entries={entries}
            stored={loaded.state}
            save={save}
            relist={() => o.relist().then(safeEntries)}
            refresh={refresh}
            externals={externals}
            {...(o.initialId ? { initialId: o.initialId } : {})}
            {...(loaded.warning ? { warning: loaded.warning } : {})}
            setLanguage={setLanguage}
          />
        </ErrorBoundary>
      </UiProvider>
    );
  }

  const instance = render(<Root />, {
    stdout: o.stdout,
    // One key at a time (see paced-stdin.ts); Ink needs only a stream's shape of it.
    stdin: new PacedStdin(o.stdin) as unknown as NodeJS.ReadStream,
    stderr: o.stderr,
    exitOnCtrlC: true,
    patchConsole: false,
    maxFps: 120,
  });
  rerender = () => instance.clear();
  // On a signal or a crash the terminal is given back and the process ends at once. Ink would
  // then draw its last frame from its own exit hook, after the alternate screen is gone, onto the
  // user's screen: it is unmounted first, while its frame still lands in the alternate screen.
  o.hooks.flush = () => {
    flush();
    try {
      instance.unmount();
    } catch {
      // Already unmounted.
    }
  };
  try {
    await instance.waitUntilExit();
  } catch (error) {
    crashed = error as Error;
  } finally {
    flush();
    session.restore();
  }
  if (crashed) {
    o.stderr.write(`${describeCrash(crashed)}\n`);
    return 70;
  }
  return 0;
}
