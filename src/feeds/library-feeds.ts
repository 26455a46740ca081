/**
 * The library's feeds as the reader and `feeds list` show them: each with its article count,
 * its unread count (from the remembered read marks) and its fetch state.
 */
import type { LibraryEntry } from '../content/article.js';
import type { LibraryRoot } from '../content/load-article.js';
import { listLibraryIndexed } from '../content/load-library.js';
import { loadState, type StoredState } from '../storage/reading-state.js';
import type { Feed } from './feeds-file.js';
import { loadFetchStates, stateOf, type FeedFetchState } from './fetch-state.js';

export interface FeedStatus {
  feed: Feed;
  articles: number;
  unread: number;
  state: FeedFetchState;
}

/** True when `id` has no read mark in `state` for this library. */
export function isUnread(state: StoredState, library: string, id: string): boolean {
  return state.libraries[library]?.[id]?.read !== true;
}

/** Article and unread counts per feed URL, from library entries and read marks. */
export function countsByFeed(entries: readonly LibraryEntry[], state: StoredState, library: string): Map<string, { articles: number; unread: number }> {
  const counts = new Map<string, { articles: number; unread: number }>();
  for (const entry of entries) {
    if (!entry.ok || !entry.summary.feed) continue;
    const count = counts.get(entry.summary.feed) ?? { articles: 0, unread: 0 };
    count.articles++;
    if (isUnread(state, library, entry.id)) count.unread++;
    counts.set(entry.summary.feed, count);
  }
  return counts;
}

/** Every feed with its counts and fetch state, in feeds.yaml's order. */
export async function feedStatuses(root: LibraryRoot, feeds: readonly Feed[], dirs: { stateDir: string; cacheDir: string | null }): Promise<FeedStatus[]> {
  const [{ entries, saveIndex }, { state }, fetchStates] = await Promise.all([
    listLibraryIndexed(root, dirs.cacheDir),
    loadState(dirs.stateDir),
    loadFetchStates(dirs.stateDir, root.real),
  ]);
  await saveIndex();
  const counts = countsByFeed(entries, state, root.real);
  return feeds.map((feed) => ({ feed, ...(counts.get(feed.url) ?? { articles: 0, unread: 0 }), state: stateOf(fetchStates, feed.url) }));
}
