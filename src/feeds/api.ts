/**
 * What the reader needs from feeds, in one place and free of terminal output and React:
 * refresh with progress, the feeds with their names for a filter, unread counts per feed.
 */
import type { LibraryEntry } from '../content/article.js';
import type { LibraryRoot } from '../content/load-article.js';
import type { StoredState } from '../storage/reading-state.js';
import { loadFeeds, type Feed } from './feeds-file.js';
import { countsByFeed } from './library-feeds.js';

export { refreshFeeds, FeedsFileError, selectFeeds } from './refresh.js';
export { RefreshBusyError } from './refresh-lock.js';
export type { FeedOutcome, FeedPhase, FeedProgress, FeedResult, RefreshOptions, RefreshSummary } from './refresh.js';
export { feedStatuses, countsByFeed, isUnread, type FeedStatus } from './library-feeds.js';
export type { Feed } from './feeds-file.js';

/** A feed as a filter choice: its name, its URL (what articles' `summary.feed` holds) and its counts. */
export interface FeedChoice {
  name: string;
  url: string;
  articles: number;
  unread: number;
}

/**
 * The library's feeds for a feed picker, with counts from entries and read marks the caller
 * already holds (no file is read but feeds.yaml). Articles of feeds no longer followed are
 * offered too, under their URL. `error` is set (and `choices` empty) when feeds.yaml is broken.
 */
export async function feedChoices(
  root: LibraryRoot,
  entries: readonly LibraryEntry[],
  state: StoredState,
): Promise<{ choices: FeedChoice[]; error?: string }> {
  const loaded = await loadFeeds(root.real);
  const feeds: Feed[] = loaded.ok ? loaded.feeds : [];
  const counts = countsByFeed(entries, state, root.real);
  const choices: FeedChoice[] = feeds.map((f) => ({ name: f.label, url: f.url, ...(counts.get(f.url) ?? { articles: 0, unread: 0 }) }));
  for (const [url, count] of counts) if (!feeds.some((f) => f.url === url)) choices.push({ name: url, url, ...count });
  const first = loaded.ok ? undefined : loaded.errors[0];
  return first ? { choices, error: `${first.file}${first.line ? `:${first.line}` : ''}: ${first.message}` } : { choices };
}
