/** Runs one command line against the given streams; returns the exit status. */
import { loadConfig } from '../config/load-config.js';
import { showDiagnostic } from '../content/diagnostic.js';
import { isUiLanguage, languageFromArgv, languageFromEnvironment, type UiLanguage } from '../i18n/language.js';
import { createTranslator } from '../i18n/translate.js';
import { sanitise } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import { colorLevel } from './color-level.js';
import type { CommandContext } from './context.js';
import { OutputGuard } from './output-guard.js';
import { PLAIN_START_OPTIONS, readAction } from './plain-start.js';
import type { Action, ActionNeeds } from './program.js';
import type { InputStream } from './read-stdin.js';
import { commandLike, firstWord } from './suggest-command.js';

/** The process pieces a command touches; tests pass their own. */
export interface RunIO {
  stdout: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean; columns?: number; rows?: number };
  stderr: { write(text: string): unknown };
  stdinIsTTY: boolean;
  /** Standard input (process.stdin when not given). */
  stdin?: InputStream;
  env: NodeJS.ProcessEnv;
  /** Guards stdout against write errors; the entry point passes the one its stream's 'error' event also feeds. */
  guard?: OutputGuard;
}

function makeContext(language: UiLanguage, argv: readonly string[], io: RunIO, guard: OutputGuard): CommandContext {
  const level = colorLevel(argv, io.env, io.stdout.isTTY === true);
  const t = createTranslator(language);
  guard.t = t;
  return {
    t,
    language,
    env: io.env,
    out: (text) => guard.write(text),
    err: (text) => void io.stderr.write(text),
    stdoutIsTTY: io.stdout.isTTY === true,
    stdinIsTTY: io.stdinIsTTY,
    stdin: io.stdin ?? process.stdin,
    columns: io.stdout.columns,
    rows: io.stdout.rows,
    color: level > 0,
    colorLevel: level,
  };
}

function fail(ctx: CommandContext, message: string, hint?: string): void {
  // The last guard for every error line: a message may quote an id or a path from the user or the library.
  const safe = (text: string) => sanitise(text, { keepNewlines: true });
  ctx.err(`${ctx.t('cli.errorPrefix', { message: safe(message) })}\n${hint ? `${safe(hint)}\n` : ''}`);
}

/** Commander's parse errors in the interface language (its own text is English only). */
const PARSE_ERRORS = ['unknownOption', 'unknownCommand', 'missingArgument', 'optionMissingArgument', 'excessArguments', 'invalidArgument'] as const;

function parseErrorMessage(cause: { code: string; message: string }, ctx: CommandContext): string {
  const kind = PARSE_ERRORS.find((k) => cause.code === `commander.${k}`);
  const english = cause.message.replace(/^error: /, '').replace(/\s*\(Did you mean .+\?\)\s*$/s, '');
  if (!kind) return english;
  // The name commander quotes first: the option, command or argument concerned.
  const name = /'[^']*'/.exec(english)?.[0] ?? '';
  return ctx.t(`cli.parse.${kind}`, { name });
}

/**
 * Parses a command line with the commander program (loaded here, not at start: see plain-start.ts).
 * Returns the command to run, or the exit status when there is none (help, a version, a slip).
 */
async function parse(argv: readonly string[], ctx: CommandContext): Promise<{ action: Action | undefined; needs: ActionNeeds } | number> {
  const { buildProgram, CommanderError } = await import('./program.js');
  let action: Action | undefined;
  let needs: ActionNeeds = { config: true };
  const program = buildProgram(ctx, (a, n) => {
    action = a;
    if (n) needs = n;
  });
  const output = { outputError: () => undefined, writeOut: ctx.out, writeErr: ctx.err };
  const all = (cmd: typeof program): (typeof program)[] => [cmd, ...cmd.commands.flatMap(all)];
  for (const cmd of all(program)) cmd.exitOverride().configureOutput(output);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (cause) {
    if (!(cause instanceof CommanderError)) throw cause;
    if (cause.exitCode === 0 || cause.code === 'commander.helpDisplayed' || cause.code === 'commander.version') return 0;
    // A command group without its subcommand (`newsbridge feeds`): its help was shown, which says enough.
    if (cause.code === 'commander.help') return 2;
    const names = [...program.commands.map((c) => c.name()), 'help'];
    const word = firstWord(argv);
    const meant = word !== undefined && !names.includes(word) ? commandLike(word, names) : undefined;
    if (meant !== undefined && word !== undefined) {
      // The default command got a misspelt command's arguments: name the slip, not its consequence.
      fail(ctx, ctx.t('cli.parse.unknownCommand', { name: `'${word}'` }), `${ctx.t('cli.commandLike', { command: meant })} ${ctx.t('cli.hint', { command: `${meant} ` })}`);
      return 2;
    }
    const command = argv.find((a) => program.commands.some((c) => c.name() === a));
    const suggestion = /\(Did you mean (.+)\?\)/.exec(cause.message)?.[1];
    const hint = ctx.t('cli.hint', { command: command ? `${command} ` : '' });
    fail(ctx, sanitise(parseErrorMessage(cause, ctx)), suggestion ? `${ctx.t('cli.didYouMean', { suggestion: sanitise(suggestion) })} ${hint}` : hint);
    return 2;
  }
  return { action, needs };
}

/** Runs the command; a command whose output could not be written ends with status 1 (said once on stderr). */
export async function run(argv: readonly string[], io: RunIO): Promise<number> {
  const guard = io.guard ?? new OutputGuard(io.stdout, io.stderr);
  const code = await runCommand(argv, io, guard);
  return guard.failure !== null && code === 0 ? 1 : code;
}

async function runCommand(argv: readonly string[], io: RunIO, guard: OutputGuard): Promise<number> {
  const requested = languageFromArgv(argv);
  const language = requested && isUiLanguage(requested) ? requested : languageFromEnvironment(io.env);
  const ctx = makeContext(language, argv, io, guard);
  if (requested !== undefined && !isUiLanguage(requested)) {
    fail(ctx, ctx.t('cli.badUiLang', { value: sanitise(requested) }), ctx.t('cli.hint', { command: '' }));
    return 2;
  }
  let action: Action | undefined;
  let needs: ActionNeeds = { config: true };
  if (argv.length === 0) action = readAction(undefined, { ...PLAIN_START_OPTIONS });
  else {
    const parsed = await parse(argv, ctx);
    if (typeof parsed === 'number') return parsed;
    ({ action, needs } = parsed);
  }
  if (!action) return 0;
  try {
    if (needs.config) {
      // After parsing: --help and --version never read the config, so a broken file cannot stop them.
      const loaded = await loadConfig(io.env);
      if (!loaded.ok) {
        const first = loaded.errors[0];
        fail(ctx, first ? showDiagnostic(first) : loaded.file, ctx.t('config.brokenHint'));
        return 2;
      }
      ctx.config = loaded.config;
    }
    return await action(ctx);
  } catch (cause) {
    if (cause instanceof CliError) {
      fail(ctx, cause.message, cause.hint);
      return cause.exitCode;
    }
    if (io.env['NEWSBRIDGE_DEBUG']) throw cause;
    fail(ctx, ctx.t('cli.internalError', { message: sanitise(String((cause as Error)?.message ?? cause)) }));
    return 70;
  }
}
