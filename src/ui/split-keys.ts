/**
 * Ink hands over a burst of plain characters ("jjj" from key repeat, or a
 * paste) as one input; commands are single keys, so the burst is replayed
 * one character at a time. A key typed before raw mode was on arrives cooked
 * (Enter as a line feed): it is handed on as the key it was.
 */
import type { Key } from 'ink';

function uncooked(input: string, key: Key): [string, Key] {
  return input === '\n' || input === '\r' ? ['\r', { ...key, return: true }] : [input, key];
}

export function forEachKey(input: string, key: Key, handle: (input: string, key: Key) => void): void {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta || input.startsWith('\u001B')) {
    handle(...uncooked(input, key));
    return;
  }
  for (const ch of chars) handle(...uncooked(ch, { ...key, shift: ch !== ch.toLowerCase() }));
}
