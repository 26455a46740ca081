/** Entry point of the bundle: run the command line against the real process. */
import { isClosedPipe, OutputGuard } from './cli/output-guard.js';
import { run } from './cli/run.js';
import { sanitise } from './text/sanitize.js';

const guard = new OutputGuard(process.stdout, process.stderr);
// A reader that closes the pipe early (`newsbridge list | head`) is not an error. Any other
// write error (a full disk, EIO) is one line on stderr and exit status 1, also when it comes
// after the command finished (a pipe's last write fails late).
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (isClosedPipe(err)) process.exit(0);
  // A terminal that fails is gone: that is the reader's terminal owner's to handle (it restores, saves and exits).
  if (process.stdout.isTTY) throw err;
  guard.fail(err);
  process.exitCode = 1;
});

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: process.stdin.isTTY === true,
  env: process.env,
  guard,
}).then(
  (code) => {
    process.exitCode = guard.failure !== null && code === 0 ? 1 : code;
  },
  (cause: unknown) => {
    process.stderr.write(`newsbridge: internal error: ${sanitise(String((cause as Error)?.stack ?? cause))}\n`);
    process.exitCode = 70;
  },
);
