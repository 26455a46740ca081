/** `newsbridge config path|check`: where the config file is, and whether it is valid. */
import { displayPath } from '../content/library-paths.js';
import { showDiagnostic } from '../content/diagnostic.js';
import { configPath } from '../config/config-path.js';
import { loadConfig } from '../config/load-config.js';
import { sanitise, showControls } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import type { CommandContext } from './context.js';

/** Runs without the config having been loaded: a broken file must not stop these two. */
export async function configCommand(action: string, ctx: CommandContext): Promise<number> {
  if (action !== 'path' && action !== 'check') {
    throw new CliError(ctx.t('config.badAction', { action: sanitise(action) }), 2, ctx.t('cli.hint', { command: 'config ' }));
  }
  const file = configPath(ctx.env);
  const shown = showControls(displayPath(file));
  if (action === 'path') {
    ctx.out(`${showControls(file)}\n`);
    const loaded = await loadConfig(ctx.env);
    if (loaded.ok && !loaded.config.exists) ctx.err(`${ctx.t('config.noFileYet')}\n`);
    return 0;
  }
  const loaded = await loadConfig(ctx.env);
  if (!loaded.ok) {
    ctx.out(`${loaded.errors.map((d) => showDiagnostic(d)).join('\n')}\n`);
    ctx.err(`${ctx.t('config.problems', { count: loaded.errors.length, file: shown })}\n`);
    return 1;
  }
  ctx.err(`${loaded.config.exists ? ctx.t('config.clean', { file: shown }) : ctx.t('config.noFile', { file: shown })}\n`);
  return 0;
}
