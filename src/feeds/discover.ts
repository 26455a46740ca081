/**
 * What `feeds add URL` subscribes to: the feed at URL, or, when URL is an HTML page, the feed
 * it names in `<link rel="alternate" type="application/rss+xml|atom+xml">`. Fetched once, to
 * check it is a feed newsbridge can read and to learn its title.
 */
import { decodeInput, detectKind, ImportInputError } from '../import/document.js';
import { FeedError, parseFeedText } from '../import/feed.js';
import { ACCEPT_FEED, fetchDocument, type FetchLimits } from '../net/fetch.js';
import { DEFAULT_NET } from './context.js';

export interface DiscoveredFeed {
  /** The feed's address (the linked one when a page was given). */
  url: string;
  /** The feed's title, when it has one. */
  title?: string;
  /** The page that was given, when it was a page. */
  page?: string;
}

/** Why URL is not something to subscribe to. */
export class DiscoverError extends Error {
  constructor(
    readonly code: 'notAFeed' | 'pageWithoutFeed',
    readonly url: string,
    readonly detail = '',
  ) {
    super(`${code}: ${url}`);
    this.name = 'DiscoverError';
  }
}

const FEED_TYPE = /^application\/(rss|atom)\+xml$/i;

/** The feeds an HTML page links, absolute, in the page's order. */
export async function linkedFeeds(html: string, pageUrl: string): Promise<string[]> {
  const { loadHtmlParser } = await import('../import/html.js');
  const document = (await loadHtmlParser())(html) as unknown as {
    querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }>;
  };
  const out: string[] = [];
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') || !FEED_TYPE.test((link.getAttribute('type') ?? '').trim())) continue;
    try {
      const url = new URL(link.getAttribute('href') ?? '', pageUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !out.includes(url.href)) out.push(url.href);
    } catch {
      // A broken href is no feed.
    }
  }
  return out;
}

interface Options {
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  limits?: FetchLimits;
}

async function readFeed(url: string, options: Options): Promise<{ kind: 'feed'; title?: string } | { kind: 'html'; text: string; url: string }> {
  const fetched = await fetchDocument(url, options.limits ?? DEFAULT_NET.feedLimits, {
    accept: ACCEPT_FEED,
    ...(options.env ? { env: options.env } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let text: string;
  try {
    text = decodeInput(fetched.bytes, fetched.contentType ? { contentType: fetched.contentType } : {}).text;
  } catch (cause) {
    if (cause instanceof ImportInputError) throw new DiscoverError('notAFeed', url, cause.code);
    throw cause;
  }
  const kind = detectKind(text, fetched.contentType);
  if (kind === 'html') return { kind, text, url: fetched.url };
  if (kind !== 'feed') throw new DiscoverError('notAFeed', url, fetched.contentType?.split(';')[0] ?? 'text');
  try {
    const parsed = await parseFeedText(text, { baseUrl: fetched.url });
    return { kind, ...(parsed.feedTitle ? { title: parsed.feedTitle } : {}) };
  } catch (cause) {
    if (cause instanceof FeedError) throw new DiscoverError('notAFeed', url, cause.message.slice(0, 120));
    throw cause;
  }
}

/** The feed to subscribe to for `url` (FetchError and DiscoverError tell why there is none). */
export async function discoverFeed(url: string, options: Options = {}): Promise<DiscoveredFeed> {
  const first = await readFeed(url, options);
  if (first.kind === 'feed') return { url, ...(first.title ? { title: first.title } : {}) };
  const [linked] = await linkedFeeds(first.text, first.url);
  if (!linked) throw new DiscoverError('pageWithoutFeed', url);
  const second = await readFeed(linked, options);
  if (second.kind !== 'feed') throw new DiscoverError('notAFeed', linked, 'text/html');
  return { url: linked, page: url, ...(second.title ? { title: second.title } : {}) };
}
