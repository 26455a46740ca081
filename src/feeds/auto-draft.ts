/**
 * Machine drafts after a refresh, for the feeds set to `translate: auto`: their new articles
 * first, then their articles still untranslated (newest first: those a budget left for later),
 * within the refresh's character budget (the config file's feeds.draftBudget) and each feed's own
 * translateBudget. No terminal output: the caller prints the result.
 */
import type { Settings } from '../config/settings.js';
import { updateIndexEntries } from '../content/index-update.js';
import type { LibraryRoot } from '../content/load-article.js';
import { listLibraryIndexed } from '../content/load-library.js';
import { draftArticles } from '../translate/draft-article.js';
import type { DraftError } from '../translate/draft-error.js';
import { openDrafter, type DrafterResult } from '../translate/open-drafter.js';
import type { Feed } from './feeds-file.js';
import type { RefreshSummary } from './refresh.js';

export type AutoDraftResult =
  /** No feed refreshed is set to `translate: auto` (or none had anything to draft). */
  | { kind: 'none' }
  /** Feeds want drafts but no provider can be used: why, and the feeds' names. */
  | { kind: 'noDrafter'; why: Exclude<DrafterResult, { ok: true }>; feeds: string[] }
  | {
      kind: 'ran';
      provider: string;
      model: string;
      /** Articles with a part drafted now, in order. */
      drafted: string[];
      /** Articles left untranslated because they would have gone over a budget (drafted by a later refresh). */
      leftForLater: string[];
      /** German characters sent (cached sentences cost nothing), and the refresh's budget. */
      sent: number;
      budget: number;
      /** The provider's failure that stopped the drafts (what was drafted before it is kept). */
      error?: DraftError;
    };

export interface AutoDraftOptions {
  root: LibraryRoot;
  /** The feeds that were refreshed (as loadFeeds resolved them) and what the refresh brought. */
  feeds: readonly Feed[];
  summary: RefreshSummary;
  settings: Settings;
  /** Where the provider's key is read (and the draft cache's folder). */
  env: NodeJS.ProcessEnv;
  /** The library index's cache directory (null: none): drafted articles' entries are brought up to date. */
  cacheDir: string | null;
  signal?: AbortSignal;
  now?: Date;
}

/** Ids to draft for `feed`: what the refresh brought, then its untranslated articles, newest first. */
function candidates(feed: Feed, summary: RefreshSummary, untranslated: ReadonlyMap<string, string[]>): string[] {
  const fresh = summary.feeds.find((r) => r.url === feed.url)?.newIds ?? [];
  const ids = [...fresh];
  for (const id of untranslated.get(feed.url) ?? []) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** Drafts the refreshed feeds' articles that `translate: auto` asks for, within the budgets. */
export async function draftAfterRefresh(o: AutoDraftOptions): Promise<AutoDraftResult> {
  const wanted = o.feeds.filter((f) => f.translate === 'auto' && o.summary.feeds.some((r) => r.url === f.url && r.outcome !== 'failed'));
  if (wanted.length === 0) return { kind: 'none' };
  const { entries } = await listLibraryIndexed(o.root, o.cacheDir);
  const untranslated = new Map<string, string[]>();
  for (const entry of entries) {
    if (!entry.ok || !entry.summary.feed || entry.summary.translation !== 'untranslated') continue;
    untranslated.set(entry.summary.feed, [...(untranslated.get(entry.summary.feed) ?? []), entry.id]);
  }
  const work = wanted.map((feed) => ({ feed, ids: candidates(feed, o.summary, untranslated) })).filter((w) => w.ids.length > 0);
  if (work.length === 0) return { kind: 'none' };
  const opened = openDrafter(o.settings, o.env, o.settings.feeds.provider);
  if (!opened.ok) return { kind: 'noDrafter', why: opened, feeds: work.map((w) => w.feed.label) };
  const { drafter } = opened;
  const budget = o.settings.feeds.draftBudget;
  const drafted: string[] = [];
  const leftForLater: string[] = [];
  let sent = 0;
  let error: DraftError | undefined;
  try {
    for (const { feed, ids } of work) {
      if (o.signal?.aborted) break;
      const allowed = Math.min(budget - sent, feed.translateBudget ?? Number.POSITIVE_INFINITY);
      const run = await draftArticles(drafter, ids, { root: o.root, budgetChars: allowed, ...(o.signal ? { signal: o.signal } : {}), ...(o.now ? { now: o.now } : {}) });
      sent += run.sent;
      for (const outcome of run.outcomes) {
        if (outcome.drafted.length > 0) drafted.push(outcome.id);
        if (outcome.skipped === 'budget') leftForLater.push(outcome.id);
        error ??= outcome.error;
      }
      if (error) break;
    }
  } finally {
    // A draft changes an article's translation status in the list: the index hears of it.
    if (drafted.length > 0) await updateIndexEntries(o.cacheDir, o.root, drafted);
  }
  return { kind: 'ran', provider: drafter.provider.name, model: drafter.provider.model, drafted, leftForLater, sent, budget, ...(error ? { error } : {}) };
}
