/**
 * "newsbridge shwo ID" reaches commander as the default command (read) with
 * two arguments, so commander can only say "too many arguments". When the
 * first word is close to a command's name, the command was meant.
 */
import { editDistance } from '../text/edit-distance.js';

/** Options of every command that take a value: the word after them is not a command. */
const VALUE_OPTIONS = new Set(['--library', '--ui-lang']);

/** The first word of argv that is neither an option nor an option's value. */
export function firstWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') return argv[i + 1];
    if (VALUE_OPTIONS.has(word)) i++;
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}

/** The command `word` is a slip of the keyboard for (at most two edits, fewer for short names), if any. */
export function commandLike(word: string, commands: readonly string[]): string | undefined {
  let best: { command: string; distance: number } | undefined;
  for (const command of commands) {
    const distance = editDistance(word.toLowerCase(), command);
    if (word !== command && distance <= Math.min(2, command.length - 2) && (!best || distance < best.distance)) best = { command, distance };
  }
  return best?.command;
}
