/** Entry point: parse arguments, run one command, turn every failure into one line. */
import { CommanderError } from 'commander';
import { CliError } from './cli/cli-error.js';
import type { CommandContext } from './cli/context.js';
import { buildProgram, type Action } from './cli/program.js';
import { isUiLanguage, languageFromArgv, languageFromEnvironment, type UiLanguage } from './i18n/language.js';
import { createTranslator } from './i18n/translate.js';
import { sanitise } from './text/sanitize.js';

function makeContext(language: UiLanguage, argv: readonly string[]): CommandContext {
  const env = process.env;
  const noColor = argv.includes('--no-color') || (env['NO_COLOR'] ?? '') !== '';
  return {
    t: createTranslator(language),
    language,
    env,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    columns: process.stdout.columns,
    rows: process.stdout.rows,
    color: !noColor,
  };
}

function fail(ctx: CommandContext, message: string, hint?: string): void {
  ctx.err(`${ctx.t('cli.errorPrefix', { message })}\n${hint ? `${hint}\n` : ''}`);
}

async function main(argv: string[]): Promise<number> {
  const requested = languageFromArgv(argv);
  const language = requested && isUiLanguage(requested) ? requested : languageFromEnvironment(process.env);
  const ctx = makeContext(language, argv);
  if (requested !== undefined && !isUiLanguage(requested)) {
    fail(ctx, ctx.t('cli.badUiLang', { value: sanitise(requested) }), ctx.t('cli.hint', { command: '' }));
    return 2;
  }
  let action: Action | undefined;
  const program = buildProgram(ctx, (a) => (action = a));
  program.exitOverride();
  program.configureOutput({ outputError: () => undefined, writeOut: ctx.out, writeErr: ctx.err });
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ outputError: () => undefined, writeOut: ctx.out, writeErr: ctx.err });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (cause) {
    if (cause instanceof CommanderError) {
      if (cause.exitCode === 0 || cause.code === 'commander.helpDisplayed' || cause.code === 'commander.version') return 0;
      const command = argv.find((a) => program.commands.some((c) => c.name() === a));
      fail(ctx, sanitise(cause.message.replace(/^error: /, '')), ctx.t('cli.hint', { command: command ? `${command} ` : '' }));
      return 2;
    }
    throw cause;
  }
  if (!action) return 0;
  try {
    return await action(ctx);
  } catch (cause) {
    if (cause instanceof CliError) {
      fail(ctx, cause.message, cause.hint);
      return cause.exitCode;
    }
    if (process.env['NEWSBRIDGE_DEBUG']) throw cause;
    fail(ctx, ctx.t('cli.internalError', { message: sanitise(String((cause as Error)?.message ?? cause)) }));
    return 70;
  }
}

// A reader that closes the pipe early (`newsbridge list | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (cause: unknown) => {
    process.stderr.write(`newsbridge: internal error: ${sanitise(String((cause as Error)?.stack ?? cause))}\n`);
    process.exitCode = 70;
  },
);
