/** `newsbridge feeds add|list|remove|import|export`: a library's subscriptions. */
import { displayPath } from '../content/library-paths.js';
import type { LibraryRoot } from '../content/load-article.js';
import { listLibraryIndexed } from '../content/load-library.js';
import { discoverFeed, DiscoverError } from '../feeds/discover.js';
import { addFeed, addFeeds, BUILT_IN_FEED_DEFAULTS, findFeed, labelOf, loadFeeds, removeFeedAt, type Feed, type FeedDefaults } from '../feeds/feeds-file.js';
import { feedStatuses } from '../feeds/library-feeds.js';
import { readOpml, writeOpml } from '../feeds/opml.js';
import type { FeedSubscription } from '../content/feeds-schema.js';
import { intlLocale } from '../i18n/language.js';
import { FetchError } from '../net/fetch.js';
import { reasonOf } from '../import/write.js';
import { fetchErrorText } from '../net/fetch-message.js';
import { cacheDir, stateDir } from '../storage/app-dirs.js';
import { cleanText } from '../text/normalize.js';
import { sanitise, terminalSafeJson } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import { requireLibrary, type CommandContext, type GlobalOptions } from './context.js';
import { readInputFile } from './import-command.js';

export interface FeedsAddOptions extends GlobalOptions {
  name?: string;
  fullText?: boolean;
}

/** The config file's defaults for feed entries that leave fullText or translate out. */
export function feedDefaults(ctx: CommandContext): FeedDefaults {
  const feeds = ctx.config?.settings.feeds;
  return feeds ? { fullText: feeds.fullText, translate: feeds.translate } : BUILT_IN_FEED_DEFAULTS;
}

/** The library's feeds, or a one-line error naming feeds.yaml and the line (exit 1). */
export async function requireFeeds(root: LibraryRoot, ctx: CommandContext): Promise<{ feeds: Feed[]; file: string }> {
  const loaded = await loadFeeds(root.real, feedDefaults(ctx));
  if (!loaded.ok) {
    const [first, ...rest] = loaded.errors;
    const where = (e: typeof first) => (e ? `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}` : loaded.file);
    throw new CliError(where(first), 1, rest.length > 0 ? rest.map(where).join('\n') : undefined);
  }
  return { feeds: loaded.feeds, file: loaded.file };
}

function writeFailure(cause: unknown, file: string, ctx: CommandContext): CliError {
  return new CliError(ctx.t('cli.cannotRead', { file: sanitise(displayPath(file)), message: reasonOf(cause) }), 1);
}

export async function feedsAddCommand(url: string, options: FeedsAddOptions, ctx: CommandContext): Promise<number> {
  const { root, flag } = await requireLibrary(ctx, options);
  const { feeds, file } = await requireFeeds(root, ctx);
  let address: URL;
  try {
    address = new URL(url.trim());
    if (address.protocol !== 'http:' && address.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new CliError(ctx.t('import.badUrl', { url: sanitise(url) }), 2, ctx.t('feeds.addHint'));
  }
  const name = options.name !== undefined ? cleanText(options.name) : undefined;
  if (name !== undefined && findFeed(feeds, name)?.label === name) throw new CliError(ctx.t('feeds.nameTaken', { name }), 2, ctx.t('feeds.nameTakenHint'));
  let found;
  try {
    found = await discoverFeed(address.href, { env: ctx.env });
  } catch (cause) {
    if (cause instanceof FetchError) throw new CliError(fetchErrorText(cause, address.href, ctx.t), 1);
    if (cause instanceof DiscoverError) {
      const shown = sanitise(cause.url);
      const message = cause.code === 'pageWithoutFeed' ? ctx.t('feeds.pageWithoutFeed', { url: shown }) : ctx.t('feeds.notAFeed', { url: shown, detail: sanitise(cause.detail) });
      throw new CliError(message, 1, ctx.t('feeds.addHint'));
    }
    throw cause;
  }
  const existing = feeds.find((f) => f.url === found.url);
  if (existing) throw new CliError(ctx.t('feeds.alreadySubscribed', { url: sanitise(found.url), name: sanitise(existing.label) }), 2);
  const title = found.title ? cleanText(found.title) : undefined;
  let chosen = name ?? title;
  // A learnt title that another feed has already (two feeds of one publisher) gets its host added.
  if (name === undefined && chosen !== undefined && findFeed(feeds, chosen)?.label === chosen) chosen = `${chosen} (${new URL(found.url).host})`;
  // Left unset, full text and drafts follow the config file's `feeds:` defaults.
  const sub: FeedSubscription = { url: found.url, ...(options.fullText === false ? { fullText: false } : {}), ...(chosen ? { name: chosen } : {}) };
  try {
    await addFeed(root.real, sub);
  } catch (cause) {
    throw writeFailure(cause, file, ctx);
  }
  const lines = [];
  if (found.page) lines.push(ctx.t('feeds.addedViaPage', { page: sanitise(found.page), url: sanitise(found.url) }));
  lines.push(ctx.t('feeds.added', { name: sanitise(labelOf(sub)), url: sanitise(found.url) }));
  lines.push(ctx.t('feeds.addedNext', { library: flag }));
  ctx.out(`${lines.join('\n')}\n`);
  return 0;
}

export interface FeedsListOptions extends GlobalOptions {
  json?: boolean;
}

const isoOrNull = (value: string | number | undefined) => (value === undefined ? null : new Date(value).toISOString());

export async function feedsListCommand(options: FeedsListOptions, ctx: CommandContext): Promise<number> {
  const { root, shown, flag } = await requireLibrary(ctx, options);
  const { feeds } = await requireFeeds(root, ctx);
  const statuses = await feedStatuses(root, feeds, { stateDir: stateDir(ctx.env), cacheDir: cacheDir(ctx.env) });
  if (options.json) {
    const json = {
      format: 'newsbridge.feeds',
      version: 1,
      library: root.real,
      feeds: statuses.map(({ feed, articles, unread, state }) => ({
        name: feed.label,
        url: feed.url,
        fullText: feed.fullText,
        translate: feed.translate,
        ...(feed.translateBudget !== undefined ? { translateBudget: feed.translateBudget } : {}),
        articles,
        unread,
        lastRefresh: isoOrNull(state.lastRefresh),
        lastSuccess: isoOrNull(state.lastSuccess),
        lastError: state.lastError ?? null,
        retryAt: isoOrNull(state.retryAt),
      })),
    };
    ctx.out(`${terminalSafeJson(json)}\n`);
    return 0;
  }
  if (feeds.length === 0) {
    ctx.out(`${ctx.t('feeds.noFeeds', { library: shown, flag })}\n`);
    return 0;
  }
  const when = new Intl.DateTimeFormat(intlLocale(ctx.language), { dateStyle: 'medium', timeStyle: 'short' });
  const lines: string[] = [];
  for (const { feed, articles, unread, state } of statuses) {
    lines.push(`${sanitise(feed.label)}  ${sanitise(feed.url)}`);
    const facts = [
      `${ctx.t('feeds.articles', { count: articles })}, ${ctx.t('feeds.unread', { count: unread })}`,
      state.lastRefresh ? ctx.t('feeds.refreshed', { when: when.format(new Date(state.lastRefresh)) }) : ctx.t('feeds.neverRefreshed'),
      feed.fullText ? ctx.t('feeds.fullTextOn') : ctx.t('feeds.fullTextOff'),
    ];
    lines.push(`  ${facts.join(' · ')}`);
    if (state.lastError) lines.push(`  ${ctx.t('feeds.lastError', { message: sanitise(state.lastError) })}`);
  }
  ctx.out(`${lines.join('\n')}\n`);
  return 0;
}

export async function feedsRemoveCommand(target: string, options: GlobalOptions, ctx: CommandContext): Promise<number> {
  const { root, flag } = await requireLibrary(ctx, options);
  const { feeds, file } = await requireFeeds(root, ctx);
  const feed = findFeed(feeds, target);
  if (!feed) throw new CliError(ctx.t('feeds.unknownFeed', { name: sanitise(target), file: sanitise(displayPath(file)) }), 2, ctx.t('feeds.unknownFeedHint', { library: flag }));
  try {
    await removeFeedAt(root.real, feeds.indexOf(feed));
  } catch (cause) {
    throw writeFailure(cause, file, ctx);
  }
  const { entries } = await listLibraryIndexed(root, cacheDir(ctx.env));
  const count = entries.filter((e) => e.ok && e.summary.feed === feed.url).length;
  ctx.out(`${ctx.t('feeds.removed', { name: sanitise(feed.label), url: sanitise(feed.url), count })}\n`);
  return 0;
}

async function readStdinText(ctx: CommandContext): Promise<string> {
  if (ctx.stdinIsTTY) throw new CliError(ctx.t('import.stdinIsTerminal'), 2);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buffer.length;
    if (total > 5 * 1024 * 1024) throw new CliError(ctx.t('import.tooLarge', { file: '-', mb: 5 }));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function feedsImportCommand(input: string, options: GlobalOptions, ctx: CommandContext): Promise<number> {
  const { root, flag } = await requireLibrary(ctx, options);
  const { feeds, file } = await requireFeeds(root, ctx);
  const text = input === '-' ? await readStdinText(ctx) : Buffer.from(await readInputFile(input, ctx)).toString('utf8');
  const shownInput = sanitise(input);
  let found;
  try {
    found = await readOpml(text);
  } catch (cause) {
    throw new CliError(ctx.t('feeds.opmlBad', { file: shownInput, detail: sanitise(cause instanceof Error ? cause.message : String(cause)).slice(0, 120) }), 1);
  }
  if (found.length === 0) throw new CliError(ctx.t('feeds.opmlNone', { file: shownInput }), 1);
  const lines: string[] = [];
  const adding: FeedSubscription[] = [];
  const known = new Set(feeds.map((f) => f.url));
  const names = new Set(feeds.map((f) => f.label));
  for (const entry of found) {
    let url: URL | undefined;
    try {
      url = new URL(entry.url);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      lines.push(ctx.t('feeds.opmlBadUrl', { url: sanitise(entry.url) }));
      continue;
    }
    if (known.has(url.href) || known.has(entry.url)) {
      lines.push(ctx.t('feeds.opmlKnown', { url: sanitise(entry.url) }));
      continue;
    }
    known.add(url.href);
    let name = entry.name ? cleanText(entry.name) : undefined;
    if (name && names.has(name)) name = `${name} (${url.host})`;
    if (name) names.add(name);
    adding.push({ url: url.href, ...(entry.fullText === false ? { fullText: false } : {}), ...(name ? { name } : {}) });
  }
  try {
    await addFeeds(root.real, adding);
  } catch (cause) {
    throw writeFailure(cause, file, ctx);
  }
  lines.push(ctx.t('feeds.opmlAdded', { count: adding.length, file: shownInput }));
  if (adding.length > 0) lines.push(ctx.t('feeds.addedNext', { library: flag }));
  ctx.out(`${lines.join('\n')}\n`);
  return 0;
}

export async function feedsExportCommand(options: GlobalOptions, ctx: CommandContext): Promise<number> {
  const { root } = await requireLibrary(ctx, options);
  const { feeds } = await requireFeeds(root, ctx);
  ctx.out(await writeOpml(feeds, ctx.t('feeds.opmlTitle')));
  return 0;
}
