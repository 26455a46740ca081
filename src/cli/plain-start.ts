/**
 * `newsbridge` with no arguments, the commonest start, opens the reader without building the
 * command-line program: commander and every command's translated help cost about 6 ms of the
 * reader's first frame. What commander would hand the read command is fixed here, and a test
 * checks it against commander's own parse of an empty command line.
 */
import type { CommandContext, GlobalOptions } from './context.js';

/** The options commander gives the read command for an empty command line (`--no-color` unset). */
export const PLAIN_START_OPTIONS: Readonly<GlobalOptions> = { color: true };

/** The read command's action: its code loads when it runs. */
export function readAction(id: string | undefined, options: GlobalOptions): (ctx: CommandContext) => Promise<number> {
  return async (ctx) => (await import('./read-command.js')).readCommand(id, options, ctx);
}
