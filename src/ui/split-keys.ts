/**
 * Ink hands over a burst of plain characters ("jjj" from key repeat, or a
 * paste) as one input; commands are single keys, so the burst is replayed
 * one character at a time.
 */
import type { Key } from 'ink';

export function forEachKey(input: string, key: Key, handle: (input: string, key: Key) => void): void {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta || input.startsWith('\u001B')) {
    handle(input, key);
    return;
  }
  for (const ch of chars) handle(ch, { ...key, shift: ch !== ch.toLowerCase() });
}
