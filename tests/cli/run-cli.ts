/** Runs the command line in-process with captured output. */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, opts: { tty?: boolean; columns?: number; stdin?: string } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: opts.tty ?? false, columns: opts.columns ?? 80, rows: 24 },
    stderr: { write: (t: string) => (stderr += t) },
    stdinIsTTY: opts.tty ?? false,
    stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]),
    env: { LANG: 'C', ...env },
  });
  return { code, stdout, stderr };
}
