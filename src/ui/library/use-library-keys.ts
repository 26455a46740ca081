/** Keys on the library screen: the key table's commands, or typing into the filter. */
import { useInput } from 'ink';
import type { Dispatch } from 'react';
import type { LibraryAction, LibraryState } from '../../state/library-state.js';
import { isListMove } from '../../state/list-window.js';
import { commandFor } from '../../input/keymap.js';
import { withUncookedEnter } from '../split-keys.js';
import { handleSearchInput } from '../search-input.js';

export interface LibraryKeyHandlers {
  active: boolean;
  state: LibraryState;
  dispatch: Dispatch<LibraryAction>;
  onOpen: () => void;
  onCycleView: () => void;
  onOpenUrl: () => void;
  onHelp: () => void;
  onQuit: () => void;
}

export function useLibraryKeys(h: LibraryKeyHandlers): void {
  useInput(
    (rawInput, rawKey) =>
      withUncookedEnter(rawInput, rawKey, (input, key) => {
        if (h.state.search.editing) {
          handleSearchInput(input, key, h.dispatch);
          return;
        }
        const command = commandFor(input, key, 'list');
        if (isListMove(command)) return h.dispatch({ type: command });
        switch (command) {
          case 'open':
            h.onOpen();
            return;
          case 'back':
            if (h.state.search.query !== '') h.dispatch({ type: 'clearSearch' });
            return;
          case 'search':
            h.dispatch({ type: 'startSearch' });
            return;
          case 'searchNext':
            h.dispatch({ type: 'nextMatch' });
            return;
          case 'searchPrev':
            h.dispatch({ type: 'prevMatch' });
            return;
          case 'cycleView':
            h.onCycleView();
            return;
          case 'openUrl':
            h.onOpenUrl();
            return;
          case 'help':
            h.onHelp();
            return;
          case 'quit':
            if (h.state.search.query !== '') h.dispatch({ type: 'clearSearch' });
            else h.onQuit();
            return;
          case 'quitNow':
            h.onQuit();
            return;
          default:
            return;
        }
      }),
    { isActive: h.active },
  );
}
