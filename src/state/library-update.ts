/** The library screen's keys and the filter: what they do to the state, and the work they ask for. */
import type { LibraryEntry } from '../content/article.js';
import { widestSource } from '../content/library-index.js';
import { commandFor } from '../input/keymap.js';
import type { KeyPress } from '../input/keys.js';
import { withArticleRecord, withPreferences } from '../storage/reading-state.js';
import { libraryModel, openArticle, prefsOf, type AppState } from './app-state.js';
import { filterEntries, summaryKey } from './library-filter.js';
import { reduceLibrary, type LibraryAction } from './library-state.js';
import { isListMove } from './list-window.js';
import type { Msg } from './messages.js';
import { showNotice } from './notice.js';
import { searchActionFor } from './search-keys.js';
import { quit, tOf, type Update } from './steps.js';

/** Applies a list action to the library's list and search field. */
function withList(state: AppState, action: LibraryAction): AppState {
  return { ...state, library: { ...state.library, nav: reduceLibrary(state.library.nav, action) } };
}

/** The entry under the selection, if any. */
export function selectedEntry(state: AppState): LibraryEntry | undefined {
  const { library } = state;
  return library.entries[library.visible[library.nav.list.selected] ?? -1];
}

export function updateLibraryKey(state: AppState, key: KeyPress, at: number): Update {
  const { nav } = state.library;
  if (nav.search.editing) {
    const action = searchActionFor(key);
    return action ? filterChanged(state, withList(state, action)) : [state, []];
  }
  const command = commandFor(key, 'list');
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
      const url = entry?.ok ? entry.summary.url : undefined;
      return url ? [state, [{ type: 'openUrl', url }]] : showNotice(state, tOf(state)('ui.notice.noUrl'));
    }
    case 'help':
      return [{ ...state, help: { selected: 0, scroll: 0 } }, []];
    case 'quit':
      return nav.search.query !== '' ? filterChanged(state, withList(state, { type: 'clearSearch' })) : quit(state);
    default:
      return [state, []];
  }
}

/** Opens article `id`: marked read, the message of the last screen cleared, its text asked for. */
export function open(state: AppState, id: string, at: number): Update {
  const stored = withArticleRecord(state.stored, state.place.key, id, { read: true }, at);
  const generation = (state.reader?.generation ?? 0) + 1;
  const reader = openArticle({ ...state, stored }, id, generation);
  return [
    { ...state, stored, notice: null, reader },
    [{ type: 'loadArticle', id, generation }, { type: 'save', stored }],
  ];
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

/** Filters the list again (with new `entries` when given), keeping the selected article selected. */
export function refilter(state: AppState, entries?: readonly LibraryEntry[]): AppState {
  const before = state.library;
  const chosen = selectedEntry(state)?.id;
  const library = entries ? { ...libraryModel(entries), nav: before.nav, fullText: before.fullText, sourceWidth: widestSource(entries) } : before;
  const query = library.nav.search.query;
  const keys = query.trim() === '' ? library.keys : (library.keys ?? library.entries.map(summaryKey));
  const visible = keys && query.trim() !== '' ? filterEntries(keys, query, library.fullText.hits) : library.entries.map((_, i) => i);
  const at = chosen === undefined ? -1 : visible.findIndex((i) => library.entries[i]?.id === chosen);
  const nav = reduceLibrary(library.nav, { type: 'results', count: visible.length, ...(at >= 0 ? { selected: at } : {}) });
  return { ...state, library: { ...library, keys, visible, nav } };
}

/** Hits of the background search: taken only while they answer the current query. */
export function withFullText(state: AppState, msg: Extract<Msg, { type: 'fullText' }>): AppState {
  const current = state.library.fullText;
  if (msg.query !== state.library.nav.search.query || msg.query !== current.query) return state;
  const hits = msg.hits.length > 0 ? new Set([...current.hits, ...msg.hits]) : current.hits;
  const fullText = { query: msg.query, hits, searching: !msg.finished, done: msg.done };
  const next = { ...state, library: { ...state.library, fullText } };
  return hits === current.hits ? next : refilter(next);
}

/** The next or previous readable article in the library's visible order, selected there. */
export function neighbour(state: AppState, id: string, delta: 1 | -1): { state: AppState; id: string } | null {
  const { entries, visible } = state.library;
  const at = visible.findIndex((i) => entries[i]?.id === id);
  for (let k = at + delta; k >= 0 && k < visible.length; k += delta) {
    const entry = entries[visible[k] as number];
    if (entry?.ok) return { state: withList(state, { type: 'select', index: k }), id: entry.id };
  }
  return null;
}

