/**
 * Following feeds in the library: a refresh in the background (R), one feed
 * shown at a time (F, a picker), the next unread article (U), everything shown
 * marked read (A) and taken back (Z).
 */
import type { LibraryEntry } from '../content/article.js';
import { commandFor } from '../input/keymap.js';
import type { KeyPress } from '../input/keys.js';
import { withArticleRecord } from '../storage/reading-state.js';
import type { AppState } from './app-state.js';
import { open, refilter } from './library-actions.js';
import { reduceLibrary } from './library-state.js';
import type { Msg } from './messages.js';
import { showNotice } from './notice.js';
import { tOf, type Update } from './steps.js';

/** True when article `entry` is unread. */
export function isUnread(state: Pick<AppState, 'stored' | 'place'>, entry: LibraryEntry): boolean {
  return entry.ok && state.stored.libraries[state.place.key]?.[entry.id]?.read !== true;
}

/** Articles and unread articles per feed URL (and in all: key ''), over the whole library. */
export function feedCounts(state: Pick<AppState, 'stored' | 'place' | 'library'>): ReadonlyMap<string, { articles: number; unread: number }> {
  // Every frame of the library asks; a list of 100,000 is counted again only when it or the read marks change.
  const known = countsMemo.get(state.library.entries);
  if (known && known.stored === state.stored && known.place === state.place.key) return known.counts;
  const all = { articles: 0, unread: 0 };
  const counts = new Map<string, { articles: number; unread: number }>([['', all]]);
  for (const entry of state.library.entries) {
    if (!entry.ok) continue;
    const unread = isUnread(state, entry) ? 1 : 0;
    all.articles++;
    all.unread += unread;
    const feed = entry.summary.feed;
    if (!feed) continue;
    let count = counts.get(feed);
    if (!count) counts.set(feed, (count = { articles: 0, unread: 0 }));
    count.articles++;
    count.unread += unread;
  }
  countsMemo.set(state.library.entries, { stored: state.stored, place: state.place.key, counts });
  return counts;
}

const countsMemo = new WeakMap<readonly LibraryEntry[], { stored: AppState['stored']; place: string; counts: ReadonlyMap<string, { articles: number; unread: number }> }>();

/** The picker's rows: all articles, then each feed followed (and feeds articles came from that are no longer followed). */
export function pickerRows(state: Pick<AppState, 'feeds' | 'library'>): readonly { name: string | null; url: string | null }[] {
  const known = rowsMemo.get(state.library.entries);
  if (known && known.feeds === state.feeds.list) return known.rows;
  const rows = pickerRowsOf(state);
  rowsMemo.set(state.library.entries, { feeds: state.feeds.list, rows });
  return rows;
}

const rowsMemo = new WeakMap<readonly LibraryEntry[], { feeds: AppState['feeds']['list']; rows: readonly { name: string | null; url: string | null }[] }>();

function pickerRowsOf(state: Pick<AppState, 'feeds' | 'library'>): { name: string | null; url: string | null }[] {
  const rows: { name: string | null; url: string | null }[] = [{ name: null, url: null }];
  const known = new Set<string>();
  for (const feed of state.feeds.list ?? []) {
    rows.push(feed);
    known.add(feed.url);
  }
  for (const entry of state.library.entries) {
    const url = entry.ok ? entry.summary.feed : undefined;
    if (url && !known.has(url)) {
      known.add(url);
      rows.push({ name: url, url });
    }
  }
  return rows;
}

export function updateFeedsMessage(state: AppState, msg: Extract<Msg, { type: 'feedsLoaded' | 'refreshProgress' | 'refreshDone' | 'refreshFailed' }>): Update {
  const t = tOf(state);
  switch (msg.type) {
    case 'feedsLoaded':
      return [{ ...state, feeds: { ...state.feeds, list: msg.feeds, ...(msg.error ? { error: msg.error } : {}) } }, []];
    case 'refreshProgress':
      return [{ ...state, feeds: { ...state.feeds, refreshing: { done: msg.done, total: msg.total, ...(msg.feed ? { feed: msg.feed } : {}) } } }, []];
    case 'refreshDone': {
      const done = { ...state, feeds: { ...state.feeds, refreshing: null } };
      const [noted, effects] = showNotice(done, t('ui.feeds.refreshDone', { new: msg.newArticles, updated: msg.updatedArticles, failed: msg.failed }));
      // New articles come in with the library read again; the cursor stays on its article (refilter).
      return [noted, [...effects, { type: 'relist' }, { type: 'loadFeeds' }]];
    }
    case 'refreshFailed':
      return showNotice({ ...state, feeds: { ...state.feeds, refreshing: null } }, t('ui.feeds.refreshFailed', { message: msg.message }));
    default: {
      const never: never = msg;
      return never;
    }
  }
}

/** R: refresh in the background (once at a time, and only with feeds to refresh). */
export function startRefresh(state: AppState): Update {
  const t = tOf(state);
  if (state.feeds.refreshing) return showNotice(state, t('ui.feeds.refreshBusy'));
  if (state.feeds.list !== null && state.feeds.list.length === 0) return showNotice(state, t('ui.feeds.noFeedsToRefresh', { library: state.place.flag }));
  const total = state.feeds.list?.length ?? 0;
  return [{ ...state, feeds: { ...state.feeds, refreshing: { done: 0, total } } }, [{ type: 'refresh', total }]];
}

/** U: the next unread article after the selection (wrapping round), opened from the reader, selected in the library. */
export function nextUnread(state: AppState, at: number, openIt: boolean): Update {
  const { entries, visible, nav } = state.library;
  const from = state.reader ? visible.findIndex((i) => entries[i]?.id === state.reader?.id) : nav.list.selected;
  for (let step = 1; step <= visible.length; step++) {
    const k = (from + step + visible.length) % visible.length;
    const entry = entries[visible[k] as number];
    if (entry && isUnread(state, entry) && entry.id !== state.reader?.id) {
      const selected = { ...state, library: { ...state.library, nav: reduceLibrary(nav, { type: 'select', index: k }) } };
      return openIt ? open(selected, entry.id, at) : [selected, []];
    }
  }
  return showNotice(state, tOf(state)('ui.feeds.noUnread'));
}

/** A: every article shown (the filter and the feed apply) marked read; Z takes it back. */
export function markAllRead(state: AppState, at: number): Update {
  const { entries, visible } = state.library;
  const undo: Record<string, boolean> = {};
  let stored = state.stored;
  for (const i of visible) {
    const entry = entries[i];
    if (!entry || !isUnread(state, entry)) continue;
    undo[entry.id] = false;
    stored = withArticleRecord(stored, state.place.key, entry.id, { read: true }, at);
  }
  const count = Object.keys(undo).length;
  const t = tOf(state);
  if (count === 0) return showNotice(state, t('ui.feeds.nothingToMark'));
  const [noted, effects] = showNotice({ ...state, stored, feeds: { ...state.feeds, undo } }, t('ui.feeds.markedRead', { count }));
  return [noted, [...effects, { type: 'save', stored }]];
}

export function undoMarkAll(state: AppState, at: number): Update {
  const undo = state.feeds.undo;
  const t = tOf(state);
  if (!undo) return showNotice(state, t('ui.feeds.nothingToUndo'));
  let stored = state.stored;
  for (const [id, read] of Object.entries(undo)) stored = withArticleRecord(stored, state.place.key, id, { read }, at);
  const count = Object.keys(undo).length;
  const [noted, effects] = showNotice({ ...state, stored, feeds: { ...state.feeds, undo: null } }, t('ui.feeds.undone', { count }));
  return [noted, [...effects, { type: 'save', stored }]];
}

/** F: the feed picker opens on the feed shown now. */
export function openPicker(state: AppState): Update {
  const rows = pickerRows(state);
  const at = Math.max(0, rows.findIndex((r) => r.url === state.library.feed));
  return [{ ...state, feeds: { ...state.feeds, picker: { selected: at } } }, []];
}

/** Keys while the feed picker is open: move, choose, leave. */
export function updatePicker(state: AppState, key: KeyPress): Update {
  const picker = state.feeds.picker;
  if (!picker) return [state, []];
  const rows = pickerRows(state);
  const move = (selected: number): Update => [{ ...state, feeds: { ...state.feeds, picker: { selected: Math.max(0, Math.min(rows.length - 1, selected)) } } }, []];
  const close = (next: AppState = state): AppState => ({ ...next, feeds: { ...next.feeds, picker: null } });
  switch (commandFor(key, 'list', state.keymap)) {
    case 'down':
      return move(picker.selected + 1);
    case 'up':
      return move(picker.selected - 1);
    case 'top':
      return move(0);
    case 'bottom':
      return move(rows.length - 1);
    case 'open': {
      const feed = rows[picker.selected]?.url ?? null;
      const chosen = close({ ...state, library: { ...state.library, feed } });
      return [refilter(chosen), []];
    }
    case 'back':
    case 'quit':
    case 'pickFeed':
      return [close(), []];
    default:
      return [state, []];
  }
}

const fromFeeds = new WeakMap<readonly LibraryEntry[], boolean>();

/** Whether any article came from a feed (asked on every frame of a library without feeds: kept per list). */
export function hasFeedArticles(entries: readonly LibraryEntry[]): boolean {
  let known = fromFeeds.get(entries);
  if (known === undefined) fromFeeds.set(entries, (known = entries.some((e) => e.ok && e.summary.feed !== undefined && e.summary.feed !== '')));
  return known;
}
