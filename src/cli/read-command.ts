/** `newsbridge [read] [ID]`: the reader; without a terminal, prints like list/show instead. */
import { listLibrary } from '../content/load-library.js';
import { isUiLanguage, languageFromArgv } from '../i18n/language.js';
import { CliError } from './cli-error.js';
import { requireLibrary, type CommandContext, type GlobalOptions } from './context.js';

export async function readCommand(id: string | undefined, options: GlobalOptions, ctx: CommandContext): Promise<number> {
  if (!ctx.stdoutIsTTY || !ctx.stdinIsTTY || ctx.env['TERM'] === 'dumb') {
    if (id) return (await import('./show-command.js')).showCommand(id, options, ctx);
    return (await import('./list-command.js')).listCommand(options, ctx);
  }
  const { root, shown } = await requireLibrary(ctx, options);
  const entries = await listLibrary(root);
  if (id !== undefined && !entries.some((e) => e.id === id)) {
    throw new CliError(ctx.t('cli.unknownId', { id, library: shown }), 2, ctx.t('cli.unknownIdHint'));
  }
  const [{ runReader }, { nodeExternals }] = await Promise.all([import('../ui/run-reader.js'), import('./externals-node.js')]);
  const requested = options.uiLang ?? languageFromArgv(process.argv);
  return runReader({
    root,
    libraryName: shown,
    entries,
    language: ctx.language,
    languageFixed: requested !== undefined && isUiLanguage(requested),
    colour: ctx.color,
    env: ctx.env,
    ...(id ? { initialId: id } : {}),
    makeExternals: (session, rerender) =>
      nodeExternals({
        root,
        t: ctx.t,
        env: ctx.env,
        suspend: () => session().suspend(),
        resume: () => {
          session().resume();
          rerender();
        },
      }),
    stdout: process.stdout,
    stdin: process.stdin,
    stderr: process.stderr,
  });
}
