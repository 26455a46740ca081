/** `newsbridge completion bash|zsh|fish`: prints the shell's completion script. */
import { sanitise } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import { completionModel, SHELLS, type Shell } from './completion-model.js';
import { completionScript } from './completion-scripts.js';
import type { CommandContext } from './context.js';
import type { Command } from 'commander';

/** Prints the completion script of `program` (the program being run) for `shell`. */
export function completionCommand(shell: string, program: Command, ctx: CommandContext): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new CliError(ctx.t('shell.badShell', { value: sanitise(shell), shells: SHELLS.join(', ') }), 2, ctx.t('cli.hint', { command: 'completion ' }));
  }
  ctx.out(completionScript(shell as Shell, completionModel(program, ctx.t('cli.helpCommand'))));
  return Promise.resolve(0);
}
