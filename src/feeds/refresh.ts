/**
 * `refreshFeeds`: fetches a library's feeds and brings their items in. No terminal output:
 * progress goes to a callback and the result is a summary, so the CLI prints it and the reader
 * shows it in its status bar.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FILES } from '../content/library-paths.js';
import type { LibraryRoot } from '../content/load-article.js';
import { listLibraryIndexed } from '../content/load-library.js';
import { updateIndexEntries } from '../content/index-update.js';
import { decodeInput, ImportInputError } from '../import/document.js';
import { FeedError, parseFeedText, type FeedItem } from '../import/feed.js';
import { ACCEPT_FEED, FetchError, fetchResource } from '../net/fetch.js';
import { fetchErrorText } from '../net/fetch-message.js';
import { hostOf } from '../net/host-scheduler.js';
import { cleanText } from '../text/normalize.js';
import { sanitise } from '../text/sanitize.js';
import type { Translate } from '../i18n/translate.js';
import { makeRefreshContext, type NetSettings, type RefreshContext } from './context.js';
import { loadFeeds, type Feed, type FeedDefaults } from './feeds-file.js';
import { loadFetchStates, saveFetchState, stateOf, type FeedFetchState } from './fetch-state.js';
import { itemArticle } from './item-article.js';
import { lockRefresh } from './refresh-lock.js';
import { ItemWriteError, removeStaleTemporaries, updateArticle, writeNewArticle } from './write-item.js';

/** Where a feed's refresh is. */
export type FeedPhase = 'waiting' | 'fetching' | 'reading' | 'writing' | 'done';

/** How a feed's refresh ended. */
export type FeedOutcome =
  /** Reached; new or changed items were written (or none were new). */
  | 'reached'
  /** Reached; the server answered 304 Not Modified. */
  | 'notModified'
  /** Not reached, or its answer could not be used. */
  | 'failed'
  /** Left alone: the server asked not to be asked before `retryAt`. */
  | 'deferred';

export interface FeedResult {
  url: string;
  label: string;
  outcome: FeedOutcome;
  /** Ids of the articles written for new items, and of those updated because their item changed. */
  newIds: string[];
  updatedIds: string[];
  /** Items already in the library and unchanged. */
  unchanged: number;
  /** Items left out, each with its reason (one line, already sanitised). */
  skipped: string[];
  /** Items whose page could not be used, so their text is the feed's. */
  pageFailures: number;
  /** Why it failed or was deferred (one line, already sanitised). */
  error?: string;
  /** With `deferred` (and a failure that asked to wait): when the server may be asked again, ms since the epoch. */
  retryAt?: number;
}

/** One progress event: a feed moved on (items counted while it is read and written). */
export interface FeedProgress {
  url: string;
  label: string;
  phase: FeedPhase;
  /** Items handled so far and in all, while reading or writing. */
  done?: number;
  total?: number;
  /** Set with phase `done`. */
  result?: FeedResult;
}

export interface RefreshSummary {
  feeds: FeedResult[];
  /** All feeds' new and updated article ids, in the order they were written. */
  newIds: string[];
  updatedIds: string[];
  counts: { feeds: number; newArticles: number; updatedArticles: number; unchangedFeeds: number; failed: number; deferred: number };
  /** True when every feed asked for was reached (or deferred at the server's request). */
  ok: boolean;
}

export interface RefreshOptions {
  root: LibraryRoot;
  /** Feeds to refresh by name, label or URL (default: all). Unknown names are the caller's to check (see selectFeeds). */
  names?: readonly string[];
  /** Where the fetch state is kept (the XDG state directory). */
  stateDir: string;
  /** The library index's cache directory (null: none). */
  cacheDir?: string | null;
  signal?: AbortSignal;
  onProgress?: (event: FeedProgress) => void;
  /** Messages in the interface language (default English). */
  t?: Translate;
  /** Proxy variables are read here (default process.env). */
  env?: NodeJS.ProcessEnv;
  net?: Partial<NetSettings>;
  now?: () => number;
  /** What feed entries that leave fullText (or translate) out get: the config file's `feeds:` section. */
  defaults?: FeedDefaults;
}

/** Thrown when the library's feeds.yaml cannot be read: `lines` name the file and line. */
export class FeedsFileError extends Error {
  constructor(readonly lines: string[]) {
    super(lines[0] ?? 'feeds.yaml');
    this.name = 'FeedsFileError';
  }
}

/** Feeds in the order asked for (all when no names), and the names that match none. */
export function selectFeeds(feeds: readonly Feed[], names: readonly string[] | undefined): { feeds: Feed[]; unknown: string[] } {
  if (!names || names.length === 0) return { feeds: [...feeds], unknown: [] };
  const chosen: Feed[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const wanted = name.trim();
    const found =
      feeds.find((f) => f.url === wanted) ??
      feeds.find((f) => f.label === wanted) ??
      feeds.find((f) => f.label.toLocaleLowerCase('de') === wanted.toLocaleLowerCase('de'));
    if (!found) unknown.push(name);
    else if (!chosen.includes(found)) chosen.push(found);
  }
  return { feeds: chosen, unknown };
}

/** feed URL + item identity → article id, for the articles already in the library. */
type Known = Map<string, string>;
const knownKey = (feedUrl: string, guid: string) => `${feedUrl}\n${guid}`;

async function knownItems(root: LibraryRoot, cacheDir: string | null): Promise<Known> {
  const { entries, saveIndex } = await listLibraryIndexed(root, cacheDir);
  await saveIndex();
  const known: Known = new Map();
  for (const entry of entries) {
    if (entry.ok && entry.summary.feed && entry.summary.guid) known.set(knownKey(entry.summary.feed, entry.summary.guid), entry.id);
  }
  return known;
}

interface FeedRun {
  feed: Feed;
  state: FeedFetchState;
  known: Known;
  root: LibraryRoot;
  stateDir: string;
  ctx: RefreshContext;
  emit: (event: Omit<FeedProgress, 'url' | 'label'>) => void;
  /** Ids of the articles written or changed so far, by every feed (for the library index). */
  written: Set<string>;
}

const isoNow = (ctx: RefreshContext) => new Date(ctx.now()).toISOString();

function emptyResult(feed: Feed, outcome: FeedOutcome): FeedResult {
  return { url: feed.url, label: feed.label, outcome, newIds: [], updatedIds: [], unchanged: 0, skipped: [], pageFailures: 0 };
}

/** The items of the answer, newest first is not assumed: written in the feed's order, each once. */
async function writeItems(run: FeedRun, items: readonly FeedItem[], source: string | undefined, result: FeedResult): Promise<void> {
  const { ctx, known, feed, root } = run;
  const seen = new Set<string>();
  const day = isoNow(ctx).slice(0, 10);
  for (const [i, item] of items.entries()) {
    ctx.signal?.throwIfAborted();
    run.emit({ phase: 'writing', done: i, total: items.length });
    const guid = cleanText(item.key);
    // A feed that lists one item twice is one article.
    if (seen.has(guid)) continue;
    seen.add(guid);
    const existing = known.get(knownKey(feed.url, guid));
    if (existing !== undefined && (await fingerprintOf(root, existing)) === item.fingerprint) {
      result.unchanged++;
      continue;
    }
    const article = await itemArticle(item, feed, source, ctx);
    if ('skip' in article) {
      result.skipped.push(sanitise(article.skip));
      continue;
    }
    if (article.textFrom === 'feed') result.pageFailures++;
    if (existing !== undefined) {
      // Even an unchanged text may have a new fingerprint in its file: the index hears of it either way.
      run.written.add(existing);
      const { changes } = await updateArticle(root, existing, article, day);
      if (changes.length > 0) result.updatedIds.push(existing);
      else result.unchanged++;
    } else {
      const id = await writeNewArticle(root, article);
      run.written.add(id);
      known.set(knownKey(feed.url, guid), id);
      result.newIds.push(id);
    }
  }
  run.emit({ phase: 'writing', done: items.length, total: items.length });
}

/** The fingerprint in an article's German front matter (null when unreadable). */
async function fingerprintOf(root: LibraryRoot, id: string): Promise<string | null> {
  try {
    const head = (await readFile(path.join(root.real, id, FILES.de), 'utf8')).slice(0, 16 * 1024);
    // The writer puts it on a line of its own; YAML may quote it when it looks like a number.
    return /^fingerprint: ["']?([0-9a-f]{16})["']?$/m.exec(head)?.[1] ?? null;
  } catch {
    return null;
  }
}

async function refreshOne(run: FeedRun): Promise<FeedResult> {
  const { feed, state, ctx } = run;
  const now = ctx.now();
  if (state.retryAt !== undefined && state.retryAt > now) {
    const until = new Date(state.retryAt).toISOString();
    return { ...emptyResult(feed, 'deferred'), retryAt: state.retryAt, error: ctx.t('feeds.deferred', { until }) };
  }
  const result = emptyResult(feed, 'reached');
  const next: FeedFetchState = { ...state, lastRefresh: isoNow(ctx), updated: now };
  try {
    run.emit({ phase: 'fetching' });
    const answer = await ctx.scheduler.run(hostOf(feed.url), () =>
      fetchResource(feed.url, ctx.net.feedLimits, {
        validators: { ...(state.etag ? { etag: state.etag } : {}), ...(state.lastModified ? { lastModified: state.lastModified } : {}) },
        env: ctx.env,
        retry: ctx.net.retry,
        accept: ACCEPT_FEED,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      }),
    );
    if ('notModified' in answer) {
      result.outcome = 'notModified';
    } else {
      run.emit({ phase: 'reading', done: 0 });
      const decoded = decodeInput(answer.bytes, answer.contentType ? { contentType: answer.contentType } : {});
      const parsed = await parseFeedText(decoded.text, {
        baseUrl: answer.url,
        onProgress: (done, total) => run.emit({ phase: 'reading', done, total }),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      await writeItems(run, parsed.items, parsed.title, result);
      // Validators are kept only once every item of this answer is in the library: a refresh
      // killed before this line asks for the whole feed again and finds the items written so far.
      delete next.etag;
      delete next.lastModified;
      if (answer.etag) next.etag = answer.etag;
      if (answer.lastModified) next.lastModified = answer.lastModified;
    }
    next.lastSuccess = next.lastRefresh;
    next.failures = 0;
    delete next.lastError;
    delete next.retryAt;
  } catch (cause) {
    if (ctx.signal?.aborted) throw cause;
    result.outcome = 'failed';
    result.error = sanitise(failureText(cause, feed, ctx));
    next.lastError = result.error;
    next.failures = state.failures + 1;
    if (cause instanceof FetchError && cause.retryAt !== undefined) {
      next.retryAt = cause.retryAt;
      result.retryAt = cause.retryAt;
    }
  }
  await saveFetchState(run.stateDir, run.root.real, feed.url, next).catch(() => undefined);
  return result;
}

function failureText(cause: unknown, feed: Feed, ctx: RefreshContext): string {
  if (cause instanceof FetchError) return fetchErrorText(cause, feed.url, ctx.t, ctx.net.feedLimits);
  if (cause instanceof FeedError) return ctx.t('feeds.notAFeed', { url: feed.url, detail: cause.message.slice(0, 120) });
  if (cause instanceof ImportInputError) return ctx.t('feeds.notAFeed', { url: feed.url, detail: cause.code });
  if (cause instanceof ItemWriteError) return ctx.t('feeds.cannotWrite', { message: cause.message });
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code) return ctx.t('feeds.cannotWrite', { message: code });
  return ctx.t('feeds.failed', { message: cause instanceof Error ? cause.message : String(cause) });
}

/**
 * Refreshes the library's feeds (all, or those named): each fetched with a conditional request,
 * its new items written as articles, its changed items updated. One feed's failure is its own
 * result; the others go on. Rejects only when the feeds file is broken (FeedsFileError), another
 * refresh of the library is running (RefreshBusyError), or the signal aborts.
 */
export async function refreshFeeds(options: RefreshOptions): Promise<RefreshSummary> {
  const { root } = options;
  const loaded = await loadFeeds(root.real, options.defaults);
  if (!loaded.ok) throw new FeedsFileError(loaded.errors.map((e) => sanitise(`${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`)));
  const { feeds } = selectFeeds(loaded.feeds, options.names);
  if (feeds.length === 0) return summarise([]);
  const ctx = makeRefreshContext(options);
  const release = await lockRefresh(root.real);
  const written = new Set<string>();
  try {
    await removeStaleTemporaries(root);
    const known = await knownItems(root, options.cacheDir ?? null);
    const states = await loadFetchStates(options.stateDir, root.real);
    for (const feed of feeds) options.onProgress?.({ url: feed.url, label: feed.label, phase: 'waiting' });
    const results = await Promise.all(
      feeds.map(async (feed) => {
        const emit = (event: Omit<FeedProgress, 'url' | 'label'>) => options.onProgress?.({ url: feed.url, label: feed.label, ...event });
        const result = await refreshOne({ feed, state: stateOf(states, feed.url), known, root, stateDir: options.stateDir, ctx, emit, written });
        emit({ phase: 'done', result });
        return result;
      }),
    );
    return summarise(results);
  } finally {
    // Also after a failure or an abort: what was written is in the index for the reader's next start.
    if (written.size > 0) await updateIndexEntries(options.cacheDir ?? null, root, written);
    await release();
  }
}

function summarise(results: FeedResult[]): RefreshSummary {
  const newIds = results.flatMap((r) => r.newIds);
  const updatedIds = results.flatMap((r) => r.updatedIds);
  const failed = results.filter((r) => r.outcome === 'failed').length;
  return {
    feeds: results,
    newIds,
    updatedIds,
    counts: {
      feeds: results.length,
      newArticles: newIds.length,
      updatedArticles: updatedIds.length,
      unchangedFeeds: results.filter((r) => r.outcome === 'notModified' || (r.outcome === 'reached' && r.newIds.length === 0 && r.updatedIds.length === 0)).length,
      failed,
      deferred: results.filter((r) => r.outcome === 'deferred').length,
    },
    ok: failed === 0,
  };
}
