/** The library screen's keys and the filter: what they do to the state, and the work they ask for. */
import { commandFor } from '../input/keymap.js';
import type { KeyPress } from '../input/keys.js';
import { withPreferences } from '../storage/reading-state.js';
import { prefsOf, type AppState } from './app-state.js';
import { open, refilter, selectedEntry, withList } from './library-actions.js';
import { markAllRead, nextUnread, openPicker, startRefresh, undoMarkAll } from './feeds-update.js';
import { filterEntries } from './library-filter.js';
import { isListMove } from './list-window.js';
import { showNotice } from './notice.js';
import { searchActionFor } from './search-keys.js';
import { quit, tOf, type Update } from './steps.js';

export function updateLibraryKey(state: AppState, key: KeyPress, at: number): Update {
  const { nav } = state.library;
  if (nav.search.editing) {
    const action = searchActionFor(key);
    return action ? filterChanged(state, withList(state, action)) : [state, []];
  }
  const command = commandFor(key, 'list', state.keymap);
  if (isListMove(command)) return [withList(state, { type: command }), []];
  switch (command) {
    case 'open': {
      const entry = selectedEntry(state);
      if (entry?.ok) return open(state, entry.id, at);
      if (entry) return showNotice(state, tOf(state)('ui.library.cannotOpen', { id: entry.id, library: state.place.flag }));
      return [state, []];
    }
    case 'back':
      return nav.search.query !== '' ? filterChanged(state, withList(state, { type: 'clearSearch' })) : [state, []];
    case 'search':
      return [withList(state, { type: 'startSearch' }), []];
    case 'searchNext':
      return [withList(state, { type: 'nextMatch' }), []];
    case 'searchPrev':
      return [withList(state, { type: 'prevMatch' }), []];
    case 'cycleView': {
      // The list shows one title per article, German or English: t switches between the two
      // (cycling all three views here would look like a key that sometimes does nothing).
      const view = prefsOf(state).view === 'de' ? 'both' : 'de';
      const stored = withPreferences(state.stored, { view }, at);
      return [{ ...state, stored }, [{ type: 'save', stored }]];
    }
    case 'openUrl': {
      const entry = selectedEntry(state);
      if (!entry?.ok) return showNotice(state, tOf(state)('ui.notice.noUrl'));
      const url = entry.summary.url;
      return [state, [url ? { type: 'openUrl', url } : { type: 'openUrlOf', id: entry.id }]];
    }
    case 'help':
      return [{ ...state, help: { selected: 0, scroll: 0 } }, []];
    case 'refresh':
      return startRefresh(state);
    case 'pickFeed':
      return openPicker(state);
    case 'nextUnread':
      return nextUnread(state, at, false);
    case 'markAllRead':
      return markAllRead(state, at);
    case 'undoMarkAll':
      return undoMarkAll(state, at);
    case 'quit':
      return nav.search.query !== '' ? filterChanged(state, withList(state, { type: 'clearSearch' })) : quit(state);
    default:
      return [state, []];
  }
}

/** The filter's query changed: the list is filtered again and the article texts searched anew. */
function filterChanged(before: AppState, state: AppState): Update {
  const query = state.library.nav.search.query;
  if (query === before.library.nav.search.query) return [state, []];
  const fullText = { query, hits: new Set<number>(), searching: query.trim() !== '', done: 0 };
  const next = refilter({ ...state, library: { ...state.library, fullText } });
  if (query.trim() === '') return [next, [{ type: 'stopSearch' }]];
  const { entries, keys } = next.library;
  // What the summaries already match, and broken articles (matched by id only), need no reading.
  const skip = new Set(filterEntries(keys ?? [], query));
  entries.forEach((e, i) => {
    if (!e.ok) skip.add(i);
  });
  return [next, [{ type: 'searchText', query, ids: entries.map((e) => e.id), skip: [...skip] }]];
}

