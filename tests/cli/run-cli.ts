/** Runs the command line in-process with captured output. */
import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, opts: { tty?: boolean; columns?: number } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: opts.tty ?? false, columns: opts.columns ?? 80, rows: 24 },
    stderr: { write: (t: string) => (stderr += t) },
    stdinIsTTY: opts.tty ?? false,
    env: { LANG: 'C', ...env },
  });
  return { code, stdout, stderr };
}
