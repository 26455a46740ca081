/**
 * `newsbridge refresh [NAME…]`: fetches the library's feeds. On a terminal each feed has a line
 * that is updated in place; piped, each feed gets one line when it is done. A summary follows.
 * Exit status 0 when every feed was reached, 1 when some failed.
 */
import { configPath } from '../config/config-path.js';
import { DEFAULT_SETTINGS } from '../config/settings.js';
import { displayPath } from '../content/library-paths.js';
import type { LibraryRoot } from '../content/load-article.js';
import { draftAfterRefresh, type AutoDraftResult } from '../feeds/auto-draft.js';
import type { Feed } from '../feeds/feeds-file.js';
import { RefreshBusyError } from '../feeds/refresh-lock.js';
import { refreshFeeds, selectFeeds, type FeedProgress, type FeedResult, type RefreshSummary } from '../feeds/refresh.js';
import { cacheDir, stateDir } from '../storage/app-dirs.js';
import { truncate } from '../text/display-width.js';
import { sanitise, terminalSafeJson } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import { requireLibrary, type CommandContext, type GlobalOptions } from './context.js';
import { feedDefaults, requireFeeds } from './feeds-command.js';
import { describeDraftError } from '../translate/describe-error.js';
import { describeNoDrafter } from '../translate/open-drafter.js';

function statusText(event: FeedProgress, ctx: CommandContext): string {
  if (event.result) return resultText(event.result, ctx);
  switch (event.phase) {
    case 'reading':
      return event.total ? ctx.t('feeds.phase_reading', { done: event.done ?? 0, total: event.total }) : ctx.t('feeds.phase_fetching');
    case 'writing':
      return ctx.t('feeds.phase_writing', { done: event.done ?? 0, total: event.total ?? 0 });
    case 'fetching':
      return ctx.t('feeds.phase_fetching');
    default:
      return ctx.t('feeds.phase_waiting');
  }
}

function resultText(result: FeedResult, ctx: CommandContext): string {
  switch (result.outcome) {
    case 'notModified':
      return ctx.t('feeds.resultNotModified');
    case 'failed':
      return ctx.t('feeds.resultFailed', { error: result.error ?? '' });
    case 'deferred':
      return ctx.t('feeds.resultDeferred', { error: result.error ?? '' });
    case 'reached':
      return ctx.t('feeds.resultReached', { new: result.newIds.length, updated: result.updatedIds.length, unchanged: result.unchanged });
  }
}

/** The lines under a finished feed: skipped items and pages that could not be used. */
function detailLines(result: FeedResult, ctx: CommandContext): string[] {
  const lines = result.skipped.slice(0, 5).map((reason) => ctx.t('feeds.skippedItem', { reason }));
  if (result.pageFailures > 0) lines.push(ctx.t('feeds.pageFailures', { count: result.pageFailures }));
  return lines;
}

const line = (label: string, status: string, ctx: CommandContext) => sanitise(ctx.t('feeds.line', { name: label, status }));

/** Lines for each feed kept on screen and redrawn in place (at most ten redraws a second). */
class LiveBlock {
  private readonly lines: string[];
  private readonly index = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private drawn = false;

  constructor(
    feeds: readonly { url: string; label: string }[],
    private readonly ctx: CommandContext,
  ) {
    this.lines = feeds.map((f, i) => {
      this.index.set(f.url, i);
      return line(f.label, ctx.t('feeds.phase_waiting'), ctx);
    });
  }

  update(event: FeedProgress): void {
    const i = this.index.get(event.url);
    if (i === undefined) return;
    this.lines[i] = line(event.label, statusText(event, this.ctx), this.ctx);
    if (event.phase === 'done') this.draw();
    else this.timer ??= setTimeout(() => this.draw(), 100);
  }

  draw(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const width = Math.max(20, (this.ctx.columns || 80) - 1);
    // Back to the block's first line, then every line cleared and written again.
    const up = this.drawn ? `\u001B[${this.lines.length}F` : '';
    this.ctx.out(`${up}${this.lines.map((l) => `\u001B[2K${truncate(l, width)}\n`).join('')}`);
    this.drawn = true;
  }
}

function summaryLine(summary: RefreshSummary, ctx: CommandContext): string {
  const c = summary.counts;
  const values = { new: c.newArticles, updated: c.updatedArticles, unchanged: c.unchangedFeeds, failed: c.failed, deferred: c.deferred, feeds: ctx.t('feeds.feedCount', { count: c.feeds }) };
  return c.deferred > 0 ? ctx.t('feeds.summaryDeferred', values) : ctx.t('feeds.summary', values);
}

export interface RefreshCommandOptions extends GlobalOptions {
  json?: boolean;
}

/** The JSON of a finished feed (the summary's `feeds` entries). */
function resultJson(result: FeedResult): unknown {
  return {
    name: result.label,
    url: result.url,
    outcome: result.outcome,
    new: result.newIds,
    updated: result.updatedIds,
    unchanged: result.unchanged,
    skipped: result.skipped,
    pageFailures: result.pageFailures,
    error: result.error ?? null,
    retryAt: result.retryAt !== undefined ? new Date(result.retryAt).toISOString() : null,
  };
}

/** The machine drafts `translate: auto` asks for after a refresh, as lines for stderr and as JSON. */
async function autoDrafts(root: LibraryRoot, feeds: readonly Feed[], summary: RefreshSummary, ctx: CommandContext): Promise<{ lines: string[]; json: unknown; failed: boolean; warning: boolean }> {
  const result: AutoDraftResult = await draftAfterRefresh({ root, feeds, summary, settings: ctx.config?.settings ?? DEFAULT_SETTINGS, env: ctx.env, cacheDir: cacheDir(ctx.env) });
  switch (result.kind) {
    case 'none':
      return { lines: [], json: null, failed: false, warning: false };
    case 'noDrafter': {
      const { message, hint } = describeNoDrafter(result.why, ctx.t, displayPath(ctx.config?.file ?? configPath(ctx.env)));
      const reason = sanitise(hint ? `${message}. ${hint}` : message);
      return { lines: [ctx.t('feeds.autoNoDrafter', { feeds: sanitise(result.feeds.join(', ')), reason })], json: { ok: false, error: reason }, failed: false, warning: true };
    }
    case 'ran': {
      const lines: string[] = [];
      if (result.drafted.length > 0 || !result.error) {
        lines.push(ctx.t('feeds.autoDrafted', { count: result.drafted.length, provider: sanitise(result.provider), model: sanitise(result.model), sent: result.sent, budget: result.budget }));
      }
      if (result.leftForLater.length > 0) lines.push(ctx.t('feeds.autoLeft', { count: result.leftForLater.length }));
      const error = result.error ? describeDraftError(result.error, ctx.t) : undefined;
      if (error) lines.push(ctx.t('feeds.autoFailed', { error }));
      const json = { ok: !error, provider: result.provider, model: result.model, drafted: result.drafted, leftForLater: result.leftForLater, sent: result.sent, budget: result.budget, error: error ?? null };
      return { lines, json, failed: error !== undefined, warning: error !== undefined };
    }
  }
}

/**
 * --json: JSON Lines, for a program that runs the refresh as a child process (the reader can,
 * to keep its own memory and frame times): one `newsbridge.refresh-progress` object per event,
 * then one `newsbridge.refresh` object with the summary.
 */
async function refreshJson(root: LibraryRoot, names: readonly string[], chosen: readonly Feed[], ctx: CommandContext): Promise<number> {
  const summary = await refreshFeeds({
    root,
    names,
    defaults: feedDefaults(ctx),
    stateDir: stateDir(ctx.env),
    cacheDir: cacheDir(ctx.env),
    env: ctx.env,
    t: ctx.t,
    onProgress: (event) => {
      const progress = {
        format: 'newsbridge.refresh-progress',
        version: 1,
        feed: { name: event.label, url: event.url },
        phase: event.phase,
        ...(event.done !== undefined ? { done: event.done } : {}),
        ...(event.total !== undefined ? { total: event.total } : {}),
        ...(event.result ? { result: resultJson(event.result) } : {}),
      };
      ctx.out(`${terminalSafeJson(progress, 0)}\n`);
    },
  });
  // The summary comes after the drafts, so a reader that lists the library on it sees them.
  const drafts = await autoDrafts(root, chosen, summary, ctx);
  const out = { format: 'newsbridge.refresh', version: 1, ok: summary.ok && !drafts.failed, counts: summary.counts, new: summary.newIds, updated: summary.updatedIds, feeds: summary.feeds.map(resultJson), drafts: drafts.json };
  ctx.out(`${terminalSafeJson(out, 0)}\n`);
  return summary.ok && !drafts.failed ? 0 : 1;
}

export async function refreshCommand(names: readonly string[], options: RefreshCommandOptions, ctx: CommandContext): Promise<number> {
  try {
    return await refreshLibrary(names, options, ctx);
  } catch (cause) {
    if (cause instanceof RefreshBusyError) throw new CliError(ctx.t('feeds.busy', { host: sanitise(cause.owner.host), pid: cause.owner.pid }), 1);
    throw cause;
  }
}

async function refreshLibrary(names: readonly string[], options: RefreshCommandOptions, ctx: CommandContext): Promise<number> {
  const { root, shown, flag } = await requireLibrary(ctx, options);
  const { feeds, file } = await requireFeeds(root, ctx);
  if (feeds.length === 0 && !options.json) {
    ctx.err(`${ctx.t('feeds.noFeeds', { library: shown, flag })}\n`);
    return 0;
  }
  const { feeds: chosen, unknown } = selectFeeds(feeds, names);
  if (unknown[0] !== undefined) {
    throw new CliError(ctx.t('feeds.unknownFeed', { name: sanitise(unknown[0]), file: sanitise(displayPath(file)) }), 2, ctx.t('feeds.unknownFeedHint', { library: flag }));
  }
  if (options.json) return refreshJson(root, names, chosen, ctx);
  // In place only when every line fits on the screen; else (and when piped) a line per finished feed.
  const rows = ctx.rows !== undefined && ctx.rows > 0 ? ctx.rows : 24;
  const live = ctx.stdoutIsTTY && chosen.length < rows - 2 ? new LiveBlock(chosen, ctx) : null;
  live?.draw();
  const details: string[] = [];
  // No signal handling of its own: Ctrl-C ends the process, and every write is atomic, so the next refresh completes it.
  const summary = await refreshFeeds({
    root,
    names,
    stateDir: stateDir(ctx.env),
    cacheDir: cacheDir(ctx.env),
    env: ctx.env,
    t: ctx.t,
    defaults: feedDefaults(ctx),
    onProgress: (event) => {
      if (live) live.update(event);
      else if (event.result) ctx.out(`${[line(event.label, resultText(event.result, ctx), ctx), ...detailLines(event.result, ctx)].join('\n')}\n`);
      if (live && event.result) details.push(...detailLines(event.result, ctx).map((l) => `${sanitise(event.label)}:${l}`));
    },
  });
  live?.draw();
  ctx.out(`${[...details, summaryLine(summary, ctx)].join('\n')}\n`);
  const drafts = await autoDrafts(root, chosen, summary, ctx);
  if (drafts.lines.length > 0) (drafts.warning ? ctx.err : ctx.out)(`${drafts.lines.join('\n')}\n`);
  return summary.ok && !drafts.failed ? 0 : 1;
}
