/**
 * Reading an RSS (0.9x, 1.0/RDF, 2.0) or Atom (0.3, 1.0) feed: one entry per item, each field
 * read once. Parsing is feedsmith's (fast-xml-parser underneath, no entity expansion); it was
 * chosen over @rowanmanning/feed-parser, whose item getters re-scan the whole document and made
 * a 10,000-item feed take minutes. Both `import FEED` and `refresh` use this module.
 */
import { createHash } from 'node:crypto';
import { textToBlocks } from './blocks.js';
import { berlinIso, parseDateValue } from './dates.js';
import { bylineName } from './boilerplate.js';
import { extractArticle, splitSiteName, type Extracted } from './extract.js';
import { domToBlocks, loadHtmlParser } from './html.js';
import { readRawFeed, type RawFeed, type RawItem } from './feed-fields.js';

/** One feed item as an article, before it gets an id. */
export interface FeedArticle extends Extracted {
  url?: string;
}

/** One item as read from the feed (its text may be empty: a title and a link are enough to fetch the page). */
export interface FeedItem {
  /** The item's identity in its feed: guid or id, else its link, else a hash of its content. */
  key: string;
  title: string;
  /** The item's page (absolute http(s)), when it has one. */
  link?: string;
  /** ISO 8601 with offset. */
  published?: string;
  author?: string;
  dek?: string;
  /** The feed's own text of the item, as paragraphs (may be empty). */
  paragraphs: string[];
  /** A hash of the title and the text: changes when the publisher edits either. */
  fingerprint: string;
  /** 1-based position in the feed. */
  position: number;
}

export interface ParsedFeed {
  /** The publisher's name, as articles' `source`. */
  title?: string;
  /** The feed's own title, as written. */
  feedTitle?: string;
  items: FeedItem[];
  articles: FeedArticle[];
  /** 1-based positions of the items left out for having no title or no text. */
  emptyItems: number[];
}

export interface ParseFeedOptions {
  /** The feed's address: relative links resolve against it. */
  baseUrl?: string;
  /** Called as items are read (done, total). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Thrown when the text is not a feed the parser can read. */
export class FeedError extends Error {}

const looksLikeHtml = (text: string) => /<\/?(p|br|div|a|img|em|strong|span|ul|li|h\d|b|i)\b/i.test(text);

type ParseHtml = Awaited<ReturnType<typeof loadHtmlParser>>;

let htmlParser: ParseHtml | undefined;
let decodeEntities: ((text: string) => string) | undefined;

async function helpers(): Promise<{ parseHTML: ParseHtml; decode: (text: string) => string }> {
  htmlParser ??= await loadHtmlParser();
  if (!decodeEntities) {
    const entities = (await import('entities')) as { decodeHTML?: (t: string) => string; default?: { decodeHTML: (t: string) => string } };
    decodeEntities = entities.decodeHTML ?? entities.default?.decodeHTML;
  }
  return { parseHTML: htmlParser, decode: decodeEntities ?? ((t) => t) };
}

/** Blocks of an item's HTML (or plain) text; entities a publisher escaped twice are decoded too. */
function blocksOf(markup: string, parseHTML: ParseHtml, decode: (t: string) => string) {
  if (looksLikeHtml(markup)) {
    return domToBlocks(parseHTML(`<!doctype html><html><body>${markup}</body></html>`).body as Parameters<typeof domToBlocks>[0]);
  }
  return textToBlocks(decode(markup));
}

/** Paragraphs of an item's text, with "[mehr]" links and the trailing byline gone. */
function itemParagraphs(markup: string, parseHTML: ParseHtml, decode: (t: string) => string): { paragraphs: string[]; author?: string } {
  let author: string | undefined;
  const paragraphs: string[] = [];
  for (const block of blocksOf(markup, parseHTML, decode)) {
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
  if (paragraphs.length === 0) return { paragraphs };
  const cleaned = extractArticle(paragraphs.map((text, i) => ({ text, line: i + 1 })), { whole: true });
  return { paragraphs: cleaned.paragraphs.length > 0 ? cleaned.paragraphs : paragraphs, ...(author ? { author } : {}) };
}

/** A title as one line of text: entities decoded (also twice-escaped ones), tags removed. */
function titleText(raw: string, parseHTML: ParseHtml, decode: (t: string) => string): string {
  const once = decode(raw);
  const text = looksLikeHtml(once) ? blocksOf(once, parseHTML, decode).map((b) => b.text).join(' ') : once;
  return text.replace(/\s+/g, ' ').trim();
}

/** "beispielblatt.de - Nachrichten aus der Region": the publisher's name in a feed title. */
function sourceName(title: string): string | undefined {
  const [first, ...rest] = title.split(/\s+[|–—:-]\s+/);
  if (first && rest.length > 0 && first.split(' ').length <= 4) return first;
  const { title: name } = splitSiteName(title);
  return name.length <= 60 ? name : undefined;
}

/** German feeds write zones as CET/CEST (or MEZ/MESZ), which Date.parse does not know. */
const ZONES: Record<string, string> = { CET: '+0100', MEZ: '+0100', CEST: '+0200', MESZ: '+0200', UT: '+0000', Z: '+0000' };

/** A feed's date field as ISO 8601 in German time, or undefined. */
export function feedDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const zoned = text.replace(/\b(CEST|CET|MESZ|MEZ|UT)$/, (zone) => ZONES[zone] ?? zone);
  const instant = /^\d{4}-\d{2}-\d{2}/.test(zoned) || /\d{1,2}\s+[A-Za-z]{3}\s+\d{4}/.test(zoned) ? Date.parse(zoned) : NaN;
  if (!Number.isNaN(instant)) return berlinIso(Math.floor(instant / 1000) * 1000);
  return parseDateValue(text);
}

/** `link` made absolute against `base`, kept only when it is http(s). */
export function absoluteLink(link: string | undefined, base: string | undefined): string | undefined {
  const text = link?.trim();
  if (!text) return undefined;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

function readItem(raw: RawItem, position: number, base: string | undefined, parseHTML: ParseHtml, decode: (t: string) => string): FeedItem {
  const title = raw.title ? titleText(raw.title, parseHTML, decode) : '';
  const body = raw.content ?? raw.summary ?? '';
  const { paragraphs, author } = body.trim() === '' ? { paragraphs: [] as string[], author: undefined } : itemParagraphs(body, parseHTML, decode);
  const summary = raw.content && raw.summary ? itemParagraphs(raw.summary, parseHTML, decode).paragraphs.join(' ') : '';
  const dek = summary && summary.length <= 400 && !paragraphs[0]?.startsWith(summary.slice(0, 60)) ? summary : undefined;
  const itemBase = absoluteLink(raw.base, base) ?? base;
  const link = absoluteLink(raw.link, itemBase);
  const published = feedDate(raw.date);
  const fingerprint = hash(`${title}\n${paragraphs.join('\n')}`).slice(0, 16);
  const key = raw.id?.trim() || link || `sha256:${hash(`${title}\n${paragraphs.join('\n')}`).slice(0, 32)}`;
  const itemAuthor = raw.author?.trim() || author;
  return {
    key,
    title,
    paragraphs,
    fingerprint,
    position,
    ...(link ? { link } : {}),
    ...(published ? { published } : {}),
    ...(itemAuthor ? { author: itemAuthor } : {}),
    ...(dek ? { dek } : {}),
  };
}

/** The publisher's name from a feed's title and author. */
function feedSourceOf(raw: RawFeed, parseHTML: ParseHtml, decode: (t: string) => string): { source?: string; feedTitle?: string } {
  const feedTitle = raw.title ? titleText(raw.title, parseHTML, decode) : undefined;
  // A descriptive feed title ("Beispielblatt Technik: neueste Meldungen") names the publisher less well than the feed's author.
  const feedAuthor = raw.author?.trim();
  const named = feedTitle ? sourceName(feedTitle) : undefined;
  const source = named && (named !== feedTitle || !feedAuthor || named.split(' ').length <= 3) ? named : (feedAuthor ?? named);
  return { ...(source ? { source } : {}), ...(feedTitle ? { feedTitle } : {}) };
}

/** How many items are read between two yields to the event loop (so a reader stays responsive). */
const ITEMS_PER_SLICE = 100;

/** The items of a feed, and those with a title and text as articles. */
export async function parseFeedText(xml: string, options: ParseFeedOptions = {}): Promise<ParsedFeed> {
  const { parseHTML, decode } = await helpers();
  let raw: RawFeed;
  try {
    raw = await readRawFeed(xml);
  } catch (cause) {
    throw new FeedError(cause instanceof Error ? cause.message : String(cause));
  }
  const base = absoluteLink(raw.base, options.baseUrl) ?? options.baseUrl ?? absoluteLink(raw.link, undefined);
  const { source, feedTitle } = feedSourceOf(raw, parseHTML, decode);
  const items: FeedItem[] = [];
  const articles: FeedArticle[] = [];
  const emptyItems: number[] = [];
  const total = raw.items.length;
  for (const [index, rawItem] of raw.items.entries()) {
    if (index % ITEMS_PER_SLICE === 0 && index > 0) {
      options.onProgress?.(index, total);
      await new Promise((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
    }
    const item = readItem(rawItem, index + 1, base, parseHTML, decode);
    items.push(item);
    if (item.title === '' || item.paragraphs.length === 0) {
      emptyItems.push(index + 1);
      continue;
    }
    articles.push({
      title: item.title,
      paragraphs: item.paragraphs,
      ...(item.dek ? { dek: item.dek } : {}),
      ...(source ? { source } : {}),
      ...(item.published ? { published: item.published } : {}),
      ...(item.author && item.author !== source ? { author: item.author } : {}),
      ...(item.link ? { url: item.link } : {}),
    });
  }
  options.onProgress?.(total, total);
  return { ...(source ? { title: source } : {}), ...(feedTitle ? { feedTitle } : {}), items, articles, emptyItems };
}
