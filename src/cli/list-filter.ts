/** `list --unread / --feed NAME / --since DATE`: which entries to keep. */
import type { LibraryEntry } from '../content/article.js';
import { displayPath } from '../content/library-paths.js';
import type { LibraryRoot } from '../content/load-article.js';
import { findFeed } from '../feeds/feeds-file.js';
import { isUnread } from '../feeds/library-feeds.js';
import { stateDir } from '../storage/app-dirs.js';
import { loadState } from '../storage/reading-state.js';
import { sanitise } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import type { CommandContext } from './context.js';
import { requireFeeds } from './feeds-command.js';

/** Midnight at the start of `day` in German time (+01:00 or +02:00), as ms since the epoch. */
function startOfGermanDay(day: string): number {
  const utc = Date.parse(`${day}T00:00:00Z`);
  // The offset in force that night: CET, or CEST from the last Sunday of March to that of October.
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(utc))
    .find((p) => p.type === 'timeZoneName')?.value;
  const hours = Number(/GMT([+-]\d+)/.exec(offset ?? '')?.[1] ?? '1');
  return utc - hours * 3600_000;
}

/** A predicate for the entries `options` asks for; broken entries are kept unless filtering by feed. */
export async function listFilter(
  root: LibraryRoot,
  options: { unread?: boolean; feed?: string; since?: string },
  flag: string,
  ctx: CommandContext,
): Promise<(entry: LibraryEntry) => boolean> {
  let since: number | undefined;
  if (options.since !== undefined) {
    const day = options.since.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw new CliError(ctx.t('feeds.badSince', { value: sanitise(options.since) }), 2, ctx.t('cli.hint', { command: 'list ' }));
    }
    since = startOfGermanDay(day);
  }
  let feedUrl: string | undefined;
  if (options.feed !== undefined) {
    const { feeds, file } = await requireFeeds(root, ctx);
    // A feed no longer followed is still found by its URL in its articles.
    feedUrl = findFeed(feeds, options.feed)?.url ?? (/^https?:\/\//i.test(options.feed.trim()) ? options.feed.trim() : undefined);
    if (feedUrl === undefined) {
      throw new CliError(ctx.t('feeds.unknownFeed', { name: sanitise(options.feed), file: sanitise(displayPath(file)) }), 2, ctx.t('feeds.unknownFeedHint', { library: flag }));
    }
  }
  const state = options.unread ? (await loadState(stateDir(ctx.env))).state : null;
  return (entry) => {
    if (!entry.ok) return feedUrl === undefined && since === undefined;
    if (feedUrl !== undefined && entry.summary.feed !== feedUrl) return false;
    if (since !== undefined && !(entry.summary.time >= since)) return false;
    if (state && !isUnread(state, root.real, entry.id)) return false;
    return true;
  };
}
