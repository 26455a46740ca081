/**
 * The colour decision for the whole program: --no-color and NO_COLOR win,
 * then FORCE_COLOR (as Node and chalk read it: 0 or false for none, 1 or
 * true or empty for 16 colours, 2 for 256, 3 for 24-bit), then the terminal.
 */

/** 0: no colour; 1: 16 colours; 2: 256 colours; 3: 24-bit colour. */
export type ColorLevel = 0 | 1 | 2 | 3;

function forced(value: string): ColorLevel {
  if (value === '' || value === 'true') return 1;
  if (value === 'false') return 0;
  const n = Number.parseInt(value, 10);
  if (Number.isNaN(n)) return 1;
  return Math.max(0, Math.min(3, n)) as ColorLevel;
}

/** The colour level for output to `stdout`, from the command line and the environment. */
export function colorLevel(argv: readonly string[], env: NodeJS.ProcessEnv, stdoutIsTTY: boolean): ColorLevel {
  const end = argv.indexOf('--');
  if ((end === -1 ? argv : argv.slice(0, end)).includes('--no-color') || (env['NO_COLOR'] ?? '') !== '') return 0;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return forced(force);
  if (!stdoutIsTTY || env['TERM'] === 'dumb') return 0;
  if (/^(truecolor|24bit)$/i.test(env['COLORTERM'] ?? '')) return 3;
  if (/-256(colou?r)?$/i.test(env['TERM'] ?? '')) return 2;
  return 1;
}
