/** What several screens do to the library: select, open an article, filter again, take search hits, find a neighbour. */
import type { LibraryEntry } from '../content/article.js';
import { widestSource } from '../content/library-index.js';
import { withArticleRecord } from '../storage/reading-state.js';
import { libraryModel, openArticle, type AppState } from './app-state.js';
import { filterEntries, summaryKey } from './library-filter.js';
import { reduceLibrary, type LibraryAction } from './library-state.js';
import type { Msg } from './messages.js';
import type { Update } from './steps.js';

/** Applies a list action to the library's list and search field. */
export function withList(state: AppState, action: LibraryAction): AppState {
  return { ...state, library: { ...state.library, nav: reduceLibrary(state.library.nav, action) } };
}

/** The entry under the selection, if any. */
export function selectedEntry(state: AppState): LibraryEntry | undefined {
  const { library } = state;
  return library.entries[library.visible[library.nav.list.selected] ?? -1];
}

/** Opens article `id`: marked read, the message of the last screen cleared, its text asked for. */
export function open(state: AppState, id: string, at: number): Update {
  const stored = withArticleRecord(state.stored, state.place.key, id, { read: true }, at);
  const generation = (state.reader?.generation ?? 0) + 1;
  const reader = openArticle({ ...state, stored }, id, generation);
  return [
    { ...state, stored, notice: null, reader },
    [{ type: 'loadArticle', id, generation, from: reader.position.cursor.paragraph }, { type: 'save', stored }],
  ];
}

/** Filters the list again (with new `entries` when given), keeping the selected article selected. */
export function refilter(state: AppState, entries?: readonly LibraryEntry[]): AppState {
  const before = state.library;
  const chosen = selectedEntry(state)?.id;
  // Hits of the text search are indices into the old entries: they go with them.
  const library = entries
    ? { ...libraryModel(entries), nav: before.nav, feed: before.feed, fullText: { ...before.fullText, hits: new Set<number>() }, sourceWidth: widestSource(entries) }
    : before;
  const query = library.nav.search.query;
  const keys = query.trim() === '' ? library.keys : (library.keys ?? library.entries.map(summaryKey));
  const matching = keys && query.trim() !== '' ? filterEntries(keys, query, library.fullText.hits) : library.entries.map((_, i) => i);
  // One feed shown: only its articles.
  const feed = library.feed;
  const visible = feed === null ? matching : matching.filter((i) => {
    const entry = library.entries[i];
    return entry?.ok === true && entry.summary.feed === feed;
  });
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

