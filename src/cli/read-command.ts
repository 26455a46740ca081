/** `newsbridge [read] [ID]`: the reader; without a terminal, prints like list/show instead. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from '../content/article.js';
import { readIndexHead, widestSource } from '../content/library-index.js';
import { listLibraryIndexed, listLibraryProgressive, type IndexedLibrary } from '../content/load-library.js';
import type { Msg } from '../state/messages.js';
import type { ReaderOptions } from '../ui/run-reader.js';
import { isUiLanguage } from '../i18n/language.js';
import { createTranslator } from '../i18n/translate.js';
import { screenLayout } from '../layout/screen-layout.js';
import { cacheDir, stateDir } from '../storage/app-dirs.js';
import { initialAppState, type AppState } from '../state/app-state.js';
import { libraryListRows } from '../state/settle.js';
import { loadState } from '../storage/reading-state.js';
import { sanitise } from '../text/sanitize.js';
import { safeEntries } from '../content/safe-entries.js';
import { FEEDS_FILE } from '../content/library-paths.js';
import { TerminalSession } from '../terminal/session.js';
import { frameText } from '../view/frame-text.js';
import { remapKeymap } from '../input/key-spec.js';
import { DEFAULT_SETTINGS } from '../config/settings.js';
import { configPath } from '../config/config-path.js';
import { ASK_BACKGROUND, looksFor } from '../view/looks.js';
import { keepHeapSmall } from '../storage/reader-heap.js';
import { CliError } from './cli-error.js';
import { libraryFlag, requireLibrary, type CommandContext, type GlobalOptions } from './context.js';

const COMMANDS = ['list', 'show', 'validate', 'import', 'align', 'help', 'read'] as const;

/** Levenshtein distance, for telling a misspelt command from an article id (both are short). */
/** How long no key must come before the program is started behind the first frame (see EarlyLoop.whenNeeded). */
const KEYS_PAUSE_MS = 40;
/** The latest it starts, however fast keys come. */
const PROGRAM_AT_LATEST_MS = 400;

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** "newsbridge lsit" arrives as an article id: a command this close to it is the likelier wish. */
function commandLike(id: string): string | undefined {
  return COMMANDS.find((c) => editDistance(c, id) <= Math.min(2, c.length - 2));
}

export async function readCommand(
  id: string | undefined,
  options: GlobalOptions,
  ctx: CommandContext,
): Promise<number> {
  if (!ctx.stdoutIsTTY || !ctx.stdinIsTTY || ctx.env['TERM'] === 'dumb') {
    if (id) {
      try {
        return await (await import('./show-command.js')).showCommand(id, options, ctx);
      } catch (cause) {
        const command = commandLike(id);
        if (cause instanceof CliError && cause.exitCode === 2 && command) throw new CliError(cause.message, 2, ctx.t('cli.commandLike', { command }));
        throw cause;
      }
    }
    return (await import('./list-command.js')).listCommand(options, ctx);
  }
  // The reader runs for hours: its heap stays close to what it holds (see reader-heap.ts).
  keepHeapSmall();
  const { root, shown } = await requireLibrary(ctx, options);
  const cache = cacheDir(ctx.env);
  // The index's head (the newest articles, the count) is enough for the first
  // frame; the whole list is read after it. Without a head, or to open an
  // article by id, the list is read first.
  const head = id === undefined && cache ? readIndexHead(cache, root) : null;
  // Without a head the library is read at once, newest folders first: the first of them are
  // enough for the first frame (`first`), and the reader shows the rest as it comes.
  let reading: { done: number; total: number } | undefined;
  // Who hears of the progress once the first frame is up (the early loop, then the program).
  let tellProgress: ((done: number, total: number) => void) | null = null;
  let first: (newest: LibraryEntry[], total: number) => void = () => undefined;
  const firstRead = new Promise<{ newest: LibraryEntry[]; total: number }>((resolve) => (first = (newest, total) => resolve({ newest, total })));
  // The reading of a large library stops when the reader ends: quitting does not wait for it.
  const stopListing = new AbortController();
  // Started after the first frame when the head gives it (reading the index takes a while).
  let started: Promise<IndexedLibrary> | null = null;
  const listing = () => {
    if (started) return started;
    started = listLibraryProgressive(root, cache, {
      trust: true,
      signal: stopListing.signal,
      onFirst: (newest, total) => first(newest, total),
      onProgress: (done, total) => {
        reading = { done, total };
        tellProgress?.(done, total);
      },
    });
    // A failure surfaces where the listing is awaited (the first frame does not wait for it).
    started.catch(() => undefined);
    return started;
  };
  if (!head) void listing();
  // To open an article by id, the whole list is read first.
  const listed = id === undefined ? null : await listing();
  if (listed && id !== undefined && !listed.entries.some((e) => e.id === id)) {
    const command = commandLike(id);
    throw new CliError(
      ctx.t('cli.unknownId', { id, library: shown }),
      2,
      command ? ctx.t('cli.commandLike', { command }) : ctx.t('cli.unknownIdHint', { library: libraryFlag(options, ctx.env) }),
    );
  }
  const dir = stateDir(ctx.env);
  const loaded = await loadState(dir, Date.now(), ctx.t);
  const fixed = options.uiLang !== undefined && isUiLanguage(options.uiLang);
  const language = fixed ? ctx.language : (loaded.state.preferences.uiLanguage ?? ctx.language);
  const t = language === ctx.language ? ctx.t : createTranslator(language);
  const describeCrash = (cause: unknown) =>
    t('cli.errorPrefix', {
      message: t('cli.internalError', {
        message: sanitise(cause instanceof Error ? cause.message : String(cause)),
      }),
    });
  // From here on the session owns the terminal: keys typed while the reader starts are kept for it.
  const session = new TerminalSession({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
  session.start();
  try {
    return await startReader();
  } finally {
    session.dispose();
  }

  async function startReader(): Promise<number> {
    const place = { key: root.real, name: shown, flag: libraryFlag(options, ctx.env) };
    const settings = ctx.config?.settings;
    const looks = looksFor(ctx.color, settings?.theme ?? 'dark', settings?.width, ctx.env);
    // theme: auto with no COLORFGBG: the terminal is asked for its background; a terminal that
    // answers (most do) sets the colours, one that does not leaves the dark theme.
    if (looks.followTerminal && !ctx.env['COLORFGBG']) session.write(ASK_BACKGROUND);
    const keymap = settings ? remapKeymap(settings.keys) : undefined;
    const trueColour = /truecolor|24bit/i.test(ctx.env['COLORTERM'] ?? '');
    const { columns, rows } = session.size();
    const hasFeedsFile = existsSync(path.join(root.real, FEEDS_FILE));
    const start = { columns, rows, language, place, stored: loaded.state, warning: loaded.warning, looks, keymap, hasFeedsFile };

    // The library's first frame, drawn before Ink and React load, from the same function as every
    // frame after it; Ink's first render then draws the same lines over it.
    let firstState: AppState | null = null;
    const drawFirstFrame = (entries: LibraryEntry[], total: number, sourceWidth: number, progress?: { done: number; total: number }) => {
      // `total` only when the list holds just the newest: a whole list counts itself (and its unread).
      firstState = initialAppState({ ...start, entries, ...(total !== entries.length || progress ? { total } : {}), sourceWidth, reading: progress });
      session.write(redrawText(frameText(firstState, trueColour)));
    };
    const drawable = id === undefined && !screenLayout(columns, rows, 'both', false).tooSmall;
    const listRows = libraryListRows(rows);
    // The newest articles while the rest is read: from the index's head, or the first ones read.
    let newest: { entries: LibraryEntry[]; total: number; sourceWidth: number } | null = null;
    if (head && (head.entries.length >= listRows || head.entries.length === head.count)) {
      newest = { entries: safeEntries(head.entries), total: head.count, sourceWidth: head.sourceWidth };
    } else if (!listed) {
      // Until the folders are counted and the newest read, the screen says the library is being read.
      if (drawable) drawFirstFrame([], 0, 0, { done: 0, total: 0 });
      const firstOrAll = await Promise.race([firstRead, listing().then(() => null)]);
      if (firstOrAll && firstOrAll.newest.length < firstOrAll.total) {
        const entries = safeEntries(firstOrAll.newest);
        newest = { entries, total: firstOrAll.total, sourceWidth: widestSource(entries) };
      }
    }
    if (newest && drawable) drawFirstFrame(newest.entries, newest.total, newest.sourceWidth, reading);
    // The whole list, written back to the index once read (in the background: the list is not kept waiting).
    const whole = (async () => {
      const all = await listing();
      void all.saveIndex();
      // Broken entries carry names and messages from the library: made safe before any frame shows them.
      return { listed: all, entries: safeEntries(all.entries) };
    })();
    // Stopped when the reader ends (see stopListing): nothing then waits for the list.
    whole.catch(() => undefined);
    let entries: LibraryEntry[];
    let partial: ReaderOptions['partial'];
    if (newest) {
      entries = newest.entries;
      partial = { total: newest.total, sourceWidth: newest.sourceWidth, reading };
    } else {
      ({ entries } = await whole);
      if (drawable) drawFirstFrame(entries, entries.length, widestSource(entries));
    }

    // Until the program is up, keys that only move through the list are answered here.
    const early = firstState ? new (await import('../ui/early-loop.js')).EarlyLoop(firstState, (state) => session.write(redrawText(frameText(state, trueColour)))) : null;
    if (early) session.attach(early.handlers(describeCrash));
    // The rest of the list comes as messages: to the early loop while it runs, then to the program
    // (kept here in between when there is no early loop).
    const waiting: Msg[] = [];
    let send: (msg: Msg) => void = (msg) => (early ? early.send(msg) : void waiting.push(msg));
    if (newest) {
      tellProgress = (done, total) => send({ type: 'libraryProgress', done, total });
      whole.then(
        (w) => send({ type: 'libraryRead', entries: w.entries }),
        (cause: unknown) => {
          // Stopped because the reader ended: nobody to tell.
          if (!stopListing.signal.aborted) send({ type: 'notice', text: sanitise(cause instanceof Error ? cause.message : String(cause)) });
        },
      );
    }
    // The program (Ink and React) starts once the keys pause, or at once for a key that needs it.
    if (early) await early.whenNeeded(KEYS_PAUSE_MS, PROGRAM_AT_LATEST_MS);
    const [{ startReader }, { nodeExternals }] = await Promise.all([import('../ui/run-reader.js'), import('../runtime/node-externals.js')]);
    try {
      const reader = startReader({
        session,
        stdout: process.stdout,
        stderr: process.stderr,
        root,
        place,
        entries,
        ...(partial ? { partial } : {}),
        ...(early ? { early } : {}),
        checkLibrary: true,
        check: (between) => whole.then(
          (w) => w.listed.revalidate(between),
          () => null,
        ),
        relist: async (between) => {
          // A reader's list, as the first was (see ListingOptions.forList); its index written in the background.
          const again = await listLibraryIndexed(root, cacheDir(ctx.env), { forList: true, signal: stopListing.signal });
          void again.saveIndex(between);
          return again.entries;
        },
        language,
        stored: loaded.state,
        warning: loaded.warning,
        stateDir: dir,
        looks,
        keymap,
        trueColour,
        initialId: id,
        hasFeedsFile,
        draft: (request) =>
          import('../runtime/draft-in-reader.js').then(({ draftInReader }) =>
            draftInReader({ settings: settings ?? DEFAULT_SETTINGS, env: ctx.env, configFile: ctx.config?.file ?? configPath(ctx.env), t, root }, request),
          ),
        // The refresh runs as this program's own `refresh` command, in a process of its own.
        refreshCommand: process.argv[1] ? [process.execPath, process.argv[1], 'refresh', '--json', '--library', root.real, '--ui-lang', language] : null,
        makeExternals: (terminal) =>
          nodeExternals({ root, t, env: ctx.env, suspend: terminal.suspend, resume: terminal.resume, browser: settings?.browser, editor: settings?.editor }),
        describeCrash,
      });
      // From here on (the early loop has handed over) messages go to the program.
      for (const msg of waiting) reader.program.send(msg);
      send = reader.program.send;
      return await reader.done;
    } finally {
      stopListing.abort();
    }
  }
}

/** A whole frame written over the last: each line cleared to its end, the rest of the screen below too. */
function redrawText(lines: readonly string[]): string {
  return `\u001B[H${lines.map((line) => `${line}\u001B[K`).join('\n')}\u001B[J\u001B[H`;
}
