/** Keys while a search field has the keyboard: type, erase, Enter keeps the query, Esc clears it. */
import type { KeyPress } from '../input/keys.js';
import type { SearchAction } from './search-field.js';

/** What a key does to a search field being typed in (null: nothing). */
export function searchActionFor(key: KeyPress): SearchAction | null {
  if (key.name === 'escape') return { type: 'clearSearch' };
  if (key.name === 'enter') return { type: 'commitSearch' };
  if (key.name === 'backspace' || key.name === 'delete') return { type: 'erase' };
  if (key.ctrl && key.input === 'u') return { type: 'clearSearch' };
  if (key.ctrl || key.meta) return null;
  if (key.name === 'space') return { type: 'type', text: ' ' };
  if (key.name === null && key.input.length > 0) return { type: 'type', text: key.input };
  return null;
}
