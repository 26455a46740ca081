/**
 * A key typed before raw mode was on arrives cooked (Enter as a line feed):
 * it is handed on as the key it was. Keys come one at a time (paced-stdin.ts
 * splits what the terminal sends), so a handler never sees a burst.
 */
import type { Key } from 'ink';

export function withUncookedEnter(input: string, key: Key, handle: (input: string, key: Key) => void): void {
  if (input === '\n' || input === '\r') handle('\r', { ...key, return: true });
  else handle(input, key);
}
