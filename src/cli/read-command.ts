/** `newsbridge [read] [ID]`: the reader; without a terminal, prints like list/show instead. */
import type { CommandContext, GlobalOptions } from './context.js';

export async function readCommand(id: string | undefined, options: GlobalOptions, ctx: CommandContext): Promise<number> {
  if (!ctx.stdoutIsTTY || !ctx.stdinIsTTY) {
    if (id) return (await import('./show-command.js')).showCommand(id, options, ctx);
    return (await import('./list-command.js')).listCommand(options, ctx);
  }
  // The interactive reader arrives with the reader issue; until then, print.
  if (id) return (await import('./show-command.js')).showCommand(id, options, ctx);
  return (await import('./list-command.js')).listCommand(options, ctx);
}
