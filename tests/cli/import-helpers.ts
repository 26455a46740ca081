/** Running the command line in-process with captured output, for the import tests. */
import { run } from '../../src/cli/run.js';

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs `newsbridge ARGS` with English messages and a fresh environment. */
export async function runCli(args: readonly string[]): Promise<Captured> {
  let out = '';
  let err = '';
  const code = await run(args, {
    stdout: { write: (text: string) => (out += text), isTTY: false },
    stderr: { write: (text: string) => (err += text) },
    stdinIsTTY: true,
    env: { LANG: 'en_GB.UTF-8' },
  });
  return { code, out, err };
}
