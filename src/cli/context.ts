/** What every command needs: the translator, the library, and safe output. */
import path from 'node:path';
import type { LoadedConfig } from '../config/settings.js';
import { bundledLibrary, displayPath } from '../content/library-paths.js';
import { openLibrary } from '../content/load-library.js';
import type { LibraryRoot } from '../content/load-article.js';
import type { Translate } from '../i18n/translate.js';
import type { UiLanguage } from '../i18n/language.js';
import type { Recovery } from '../storage/replace-files.js';
import { sanitise, showControls } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import type { ColorLevel } from './color-level.js';
import type { InputStream } from './read-stdin.js';

export interface GlobalOptions {
  library?: string;
  uiLang?: string;
  color?: boolean;
}

export interface CommandContext {
  t: Translate;
  language: UiLanguage;
  env: NodeJS.ProcessEnv;
  /** Writes to stdout. */
  out: (text: string) => void;
  /** Writes to stderr. */
  err: (text: string) => void;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Standard input, for `-` in place of a file. */
  stdin: InputStream;
  columns: number | undefined;
  rows: number | undefined;
  /** False when NO_COLOR is set, --no-color was given, FORCE_COLOR=0, or stdout cannot show colour. */
  color: boolean;
  /** How many colours (0 none, 1 sixteen, 2 256, 3 24-bit): see color-level.ts. */
  colorLevel: ColorLevel;
  /**
   * config.yaml's settings, loaded before every command but `config` (absent in contexts
   * built by tests: then the defaults apply). Flags and environment variables come first.
   */
  config?: LoadedConfig;
}

/**
 * The library folder: --library, else $NEWSBRIDGE_LIBRARY, else the config file's `library`,
 * else the bundled one.
 */
export function libraryDir(options: GlobalOptions, env: NodeJS.ProcessEnv, t?: Translate, config?: LoadedConfig): string {
  // `--library ""` (an unset shell variable, say) must not quietly mean the bundled articles.
  if (options.library !== undefined && options.library.trim() === '' && t) throw new CliError(t('cli.noLibraryGiven'), 2, t('cli.hint', { command: '' }));
  const chosen = options.library ?? env['NEWSBRIDGE_LIBRARY'];
  return chosen ? path.resolve(chosen) : (config?.settings.library ?? bundledLibrary());
}

/**
 * " --library DIR" for a command the user is told to run, so that it finds the
 * same library; empty when the library is the bundled one. Quoted for a shell
 * when the path needs it.
 */
export function libraryFlag(options: GlobalOptions, env: NodeJS.ProcessEnv): string {
  const chosen = options.library ?? env['NEWSBRIDGE_LIBRARY'];
  if (!chosen) return '';
  const shown = sanitise(displayPath(path.resolve(chosen)));
  // Double quotes: the hints that carry it put the whole command in single quotes.
  return ` --library ${/^[\w@%+=:,./-]+$/.test(shown) ? shown : `"${shown.replace(/["\\$`]/g, (c) => `\\${c}`)}"`}`;
}

/** Says on stderr which interrupted imports were finished or undone when the library was opened. */
export function reportRecovery(ctx: CommandContext, recovered: Recovery): void {
  for (const id of recovered.finished) ctx.err(`${ctx.t('safety.recovered.finished', { id: showControls(id) })}\n`);
  for (const id of recovered.rolledBack) ctx.err(`${ctx.t('safety.recovered.rolledBack', { id: showControls(id) })}\n`);
}

/** Opens the library or fails with a one-line usage error. */
export async function requireLibrary(ctx: CommandContext, options: GlobalOptions): Promise<{ root: LibraryRoot; shown: string; flag: string }> {
  const dir = libraryDir(options, ctx.env, ctx.t, ctx.config);
  const shown = sanitise(displayPath(dir));
  const opened = await openLibrary(dir);
  if (!opened.ok) throw new CliError(ctx.t('cli.libraryProblem', { library: shown, message: opened.message }));
  reportRecovery(ctx, opened.recovered);
  return { root: opened.root, shown, flag: libraryFlag(options, ctx.env) };
}
