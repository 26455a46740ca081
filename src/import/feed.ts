/**
 * Importing an RSS (0.9x, 1.0/RDF, 2.0) or Atom (0.3, 1.0) feed: one article per item, with
 * the full content where the feed carries it (content:encoded, Atom content) and the summary
 * otherwise. Parsing is @rowanmanning/feed-parser's, loaded only when a feed is imported.
 */
import type { parseFeed as parseFeedFunction } from '@rowanmanning/feed-parser';
import { textToBlocks } from './blocks.js';
import { berlinIso } from './dates.js';
import { bylineName } from './boilerplate.js';
import { extractArticle, splitSiteName, type Extracted } from './extract.js';
import { domToBlocks, loadHtmlParser } from './html.js';

/** One feed item as an article, before it gets an id. */
export interface FeedArticle extends Extracted {
  url?: string;
}

export interface ParsedFeed {
  title?: string;
  articles: FeedArticle[];
  /** 1-based positions of the items left out for having no title or no text. */
  emptyItems: number[];
}

/** Thrown when the text is not a feed the parser can read. */
export class FeedError extends Error {}

const looksLikeHtml = (text: string) => /<\/?(p|br|div|a|img|em|strong|span|ul|li|h\d)\b/i.test(text);

/** Paragraphs of an item's HTML (or plain) text, with "[mehr]" links and the trailing byline gone. */
async function itemParagraphs(markup: string): Promise<{ paragraphs: string[]; author?: string }> {
  let blocks;
  if (looksLikeHtml(markup)) {
    const parseHTML = await loadHtmlParser();
    blocks = domToBlocks(parseHTML(`<!doctype html><html><body>${markup}</body></html>`).body as Parameters<typeof domToBlocks>[0]);
  } else {
    blocks = textToBlocks(markup);
  }
  let author: string | undefined;
  const paragraphs: string[] = [];
  for (const block of blocks) {
    // A "[mehr]" or "Weiterlesen" link to the site is not part of the text.
    let text = block.text.replace(/\s*\[?\s*(mehr|weiterlesen|read more|more)\s*(…|\.\.\.)?\s*\]?\s*$/i, '').trim();
    // "… geht es genau? Von H.-J. Muster." – the teaser's author, not its text.
    const byline = /(?<=[.!?"“”])\s+(Von|By)\s+([^.!?]{3,60})\.?$/u.exec(text);
    if (byline?.[2] && bylineName(`Von ${byline[2]}`)) {
      author ??= bylineName(`Von ${byline[2]}`);
      text = text.slice(0, byline.index).trim();
    }
    if (text !== '') paragraphs.push(text);
  }
  const cleaned = extractArticle(paragraphs.map((text, i) => ({ text, line: i + 1 })), { whole: true });
  return { paragraphs: cleaned.paragraphs.length > 0 ? cleaned.paragraphs : paragraphs, ...(author ? { author } : {}) };
}

type ParseFeed = typeof parseFeedFunction;

/**
 * The feed parser is a CommonJS module: bundled, its functions may sit on `default` instead of
 * on the namespace, so both places are looked at.
 */
async function loadFeedParser(): Promise<ParseFeed> {
  const mod = (await import('@rowanmanning/feed-parser')) as { parseFeed?: ParseFeed; default?: { parseFeed?: ParseFeed } };
  const parseFeed = mod.parseFeed ?? mod.default?.parseFeed;
  if (!parseFeed) throw new FeedError('feed parser not available');
  return parseFeed;
}

/** "beispielblatt.de - Nachrichten aus der Region": the publisher's name in a feed title. */
function sourceName(title: string): string | undefined {
  const [first, ...rest] = title.split(/\s+[|–—:-]\s+/);
  if (first && rest.length > 0 && first.split(' ').length <= 4) return first;
  const { title: name } = splitSiteName(title);
  return name.length <= 60 ? name : undefined;
}

/** The items of a feed as articles (items without a title or any text are left out). */
export async function parseFeedText(xml: string): Promise<ParsedFeed> {
  const parseFeed = await loadFeedParser();
  let feed;
  try {
    feed = parseFeed(xml);
  } catch (cause) {
    throw new FeedError(cause instanceof Error ? cause.message : String(cause));
  }
  const feedTitle = feed.title?.replace(/\s+/g, ' ').trim();
  // A descriptive feed title ("Beispielblatt Technik: neueste Meldungen") names the publisher less well than the feed's author.
  const feedAuthor = feed.authors[0]?.name?.trim();
  const named = feedTitle ? sourceName(feedTitle) : undefined;
  const feedSource = named && (named !== feedTitle || !feedAuthor || named.split(' ').length <= 3) ? named : (feedAuthor ?? named);
  const articles: FeedArticle[] = [];
  const emptyItems: number[] = [];
  for (const [index, item] of feed.items.entries()) {
    const title = item.title ? (await itemParagraphs(item.title)).paragraphs.join(' ') : '';
    const body = item.content ?? item.description ?? '';
    const { paragraphs, author } = title === '' || body.trim() === '' ? { paragraphs: [], author: undefined } : await itemParagraphs(body);
    if (paragraphs.length === 0) {
      emptyItems.push(index + 1);
      continue;
    }
    const date = item.published ?? item.updated;
    const itemAuthor = item.authors.map((a) => a.name?.trim()).filter((name): name is string => Boolean(name)).join(', ') || author;
    const summary = item.content && item.description ? (await itemParagraphs(item.description)).paragraphs.join(' ') : '';
    const dek = summary && summary.length <= 400 && !paragraphs[0]?.startsWith(summary.slice(0, 60)) ? summary : undefined;
    articles.push({
      title,
      paragraphs,
      ...(dek ? { dek } : {}),
      ...(feedSource ? { source: feedSource } : {}),
      ...(date ? { published: berlinIso(date.getTime()) } : {}),
      ...(itemAuthor && itemAuthor !== feedSource ? { author: itemAuthor } : {}),
      ...(item.url && /^https?:\/\//.test(item.url) ? { url: item.url } : {}),
    });
  }
  return { ...(feedSource ? { title: feedSource } : {}), articles, emptyItems };
}
