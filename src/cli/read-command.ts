/** `newsbridge [read] [ID]`: the reader; without a terminal, prints like list/show instead. */
import type { LibraryEntry } from '../content/article.js';
import { readIndexHead, widestSource } from '../content/library-index.js';
import { listLibraryIndexed } from '../content/load-library.js';
import { isUiLanguage } from '../i18n/language.js';
import { createTranslator } from '../i18n/translate.js';
import { libraryFrame } from '../layout/library-frame.js';
import { screenLayout } from '../layout/screen-layout.js';
import { cacheDir, stateDir } from '../storage/app-dirs.js';
import { initialLibraryState, reduceLibrary } from '../state/library-state.js';
import { articleRecordOf, loadState } from '../storage/reading-state.js';
import { sanitise } from '../text/sanitize.js';
import { styledLinesToAnsi } from '../ui/first-frame.js';
import { safeEntries } from '../ui/safe-entries.js';
import { takeTerminal } from '../ui/terminal.js';
import { themeFor } from '../ui/theme.js';
import { CliError } from './cli-error.js';
import { libraryFlag, requireLibrary, type CommandContext, type GlobalOptions } from './context.js';

const COMMANDS = ['list', 'show', 'validate', 'import', 'align', 'help', 'read'] as const;

/** Levenshtein distance, for telling a misspelt command from an article id (both are short). */
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
  const { root, shown } = await requireLibrary(ctx, options);
  const cache = cacheDir(ctx.env);
  // The index's head (the newest articles, the count) is enough for the first
  // frame; the whole list is read after it. Without a head, or to open an
  // article by id, the list is read first.
  const head = id === undefined && cache ? readIndexHead(cache, root) : null;
  let listed = head ? null : await listLibraryIndexed(root, cache, { trust: true });
  if (listed && id !== undefined && !listed.entries.some((e) => e.id === id)) {
    const command = commandLike(id);
    throw new CliError(
      ctx.t('cli.unknownId', { id, library: shown }),
      2,
      command ? ctx.t('cli.commandLike', { command }) : ctx.t('cli.unknownIdHint', { library: libraryFlag(options, ctx.env) }),
    );
  }
  const dir = stateDir(ctx.env);
  const loaded = await loadState(dir);
  const fixed = options.uiLang !== undefined && isUiLanguage(options.uiLang);
  const language = fixed ? ctx.language : (loaded.state.preferences.uiLanguage ?? ctx.language);
  const t = language === ctx.language ? ctx.t : createTranslator(language);
  const describeCrash = (cause: unknown) =>
    t('cli.errorPrefix', {
      message: t('cli.internalError', {
        message: sanitise(cause instanceof Error ? cause.message : String(cause)),
      }),
    });
  const hooks = { flush: () => undefined as void };
  const session = takeTerminal(
    { stdout: process.stdout, stdin: process.stdin, stderr: process.stderr },
    () => hooks.flush(),
    describeCrash,
  );
  try {
    return await startReader();
  } catch (cause) {
    // Whatever fails before the reader runs gives the terminal back first.
    session.restore();
    throw cause;
  }

  async function startReader(): Promise<number> {
    const libKey = root.real;
    const view = loaded.state.preferences.view ?? 'both';

    // The library's first frame, drawn before Ink and React load; Ink's first
    // render draws the same lines over it (the App starts from the same state).
    const columns = process.stdout.columns || 80;
    const rows = process.stdout.rows || 24;
    const listRows = Math.max(1, rows - 4);
    const drawFirstFrame = (shownEntries: LibraryEntry[], total: number, sourceWidth: number) => {
      const state = reduceLibrary(initialLibraryState(total), {
        type: 'layout',
        viewportRows: listRows,
      });
      const lines = libraryFrame({
        entries: shownEntries,
        visible: shownEntries.map((_, i) => i),
        state,
        view,
        read: (articleId) => articleRecordOf(loaded.state, libKey, articleId).read,
        width: columns,
        listRows,
        libraryName: shown,
        note: loaded.warning,
        sourceWidth,
        total,
        t,
        language,
        theme: themeFor(ctx.color),
      });
      const trueColour = /truecolor|24bit/i.test(ctx.env['COLORTERM'] ?? '');
      process.stdout.write(`${styledLinesToAnsi(lines, trueColour)}\u001B[H`);
    };
    const drawable = id === undefined && !screenLayout(columns, rows, view, false).tooSmall;
    if (
      drawable &&
      head &&
      (head.entries.length >= listRows || head.entries.length === head.count)
    ) {
      drawFirstFrame(safeEntries(head.entries), head.count, head.sourceWidth);
    } else if (drawable && listed) {
      const all = safeEntries(listed.entries);
      drawFirstFrame(all, all.length, widestSource(all));
    }
    listed ??= await listLibraryIndexed(root, cache, { trust: true });
    const { saveIndex } = listed;
    // Broken entries carry names and messages from the library: made safe before any frame shows them.
    const entries = safeEntries(listed.entries);
    saveIndex();

    const [{ runReader }, { nodeExternals }] = await Promise.all([
      import('../ui/run-reader.js'),
      import('../runtime/node-externals.js'),
    ]);
    return runReader({
      root,
      libraryName: shown,
      libraryFlag: libraryFlag(options, ctx.env),
      entries,
      revalidate: listed.revalidate,
      relist: async () => {
        const again = await listLibraryIndexed(root, cacheDir(ctx.env));
        again.saveIndex();
        return again.entries;
      },
      language,
      colour: ctx.color,
      session,
      hooks,
      loaded,
      stateDir: dir,
      describeCrash,
      env: ctx.env,
      ...(id ? { initialId: id } : {}),
      makeExternals: (getSession, rerender) =>
        nodeExternals({
          root,
          t,
          env: ctx.env,
          suspend: () => getSession().suspend(),
          resume: () => {
            getSession().resume();
            rerender();
          },
        }),
      stdout: process.stdout,
      stdin: process.stdin,
      stderr: process.stderr,
    });
  }
}

