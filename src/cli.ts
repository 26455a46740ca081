/** Entry point of the bundle: run the command line against the real process. */
import { run } from './cli/run.js';
import { sanitise } from './text/sanitize.js';

// A reader that closes the pipe early (`newsbridge list | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: process.stdin.isTTY === true,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (cause: unknown) => {
    process.stderr.write(`newsbridge: internal error: ${sanitise(String((cause as Error)?.stack ?? cause))}\n`);
    process.exitCode = 70;
  },
);
