/** Keys while a search field has the keyboard: type, erase, Enter keeps the filter, Esc clears it. */
import type { Key } from 'ink';
import type { SearchAction } from '../state/search-field.js';

export function handleSearchInput(input: string, key: Key, dispatch: (action: SearchAction) => void): void {
  if (key.escape) dispatch({ type: 'clearSearch' });
  else if (key.return) dispatch({ type: 'commitSearch' });
  else if (key.backspace || key.delete) dispatch({ type: 'erase' });
  else if (key.ctrl && input === 'u') dispatch({ type: 'clearSearch' });
  else if (!key.ctrl && !key.meta && input.length > 0 && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.tab) {
    dispatch({ type: 'type', text: input });
  }
}
