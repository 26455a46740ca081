/** The library screen's state: the list window and the search field. Pure. */
import { moveWindow, resizeWindow, selectIndex, type ListMove, type ListWindow } from './list-window.js';
import { EMPTY_SEARCH, reduceSearch, type SearchAction, type SearchField } from './search-field.js';

export interface LibraryState {
  list: ListWindow;
  search: SearchField;
  /**
   * The last move was to the end (G): while only the newest articles are listed, the selection
   * goes on to the last of all when the rest arrives. Any other move ends it.
   */
  toEnd?: boolean;
}

export type LibraryAction =
  | { type: ListMove }
  | { type: 'layout'; viewportRows: number }
  | { type: 'results'; count: number; selected?: number }
  | { type: 'select'; index: number }
  | SearchAction
  | { type: 'nextMatch' | 'prevMatch' };

export function initialLibraryState(count: number, selected = 0): LibraryState {
  return { list: selectIndex({ selected: 0, scrollTop: 0, viewportRows: 10, count }, selected), search: EMPTY_SEARCH };
}

export function reduceLibrary(state: LibraryState, action: LibraryAction): LibraryState {
  switch (action.type) {
    case 'down':
    case 'up':
    case 'top':
    case 'bottom':
    case 'halfDown':
    case 'halfUp':
    case 'pageDown':
    case 'pageUp':
      return { ...state, list: moveWindow(state.list, action.type), toEnd: action.type === 'bottom' };
    case 'layout':
      return { ...state, list: resizeWindow(state.list, action.viewportRows) };
    case 'results':
      return { ...state, list: selectIndex({ ...state.list, count: action.count }, action.selected ?? state.list.selected) };
    case 'select':
      return { ...state, list: selectIndex(state.list, action.index), toEnd: false };
    case 'startSearch':
    case 'type':
    case 'erase':
    case 'commitSearch':
    case 'clearSearch':
      return { ...state, search: reduceSearch(state.search, action) };
    case 'nextMatch':
    case 'prevMatch': {
      const { count, selected } = state.list;
      if (count === 0) return state;
      const index = (selected + (action.type === 'nextMatch' ? 1 : -1) + count) % count;
      return { ...state, list: selectIndex(state.list, index), toEnd: false };
    }
    default: {
      const never: never = action;
      return never;
    }
  }
}
