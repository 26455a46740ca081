/**
 * A feed item as the article to write: its fields cleaned, and, for a feed set to full text,
 * the text of the item's page (extracted by the HTML importer), else the feed's own text with a
 * note of why the page could not be used.
 */
import { berlinIso } from '../import/dates.js';
import { decodeInput, detectKind, ImportInputError } from '../import/document.js';
import type { FeedItem } from '../import/feed.js';
import { FetchError, fetchDocument } from '../net/fetch.js';
import type { ArticleToWrite } from '../import/write.js';
import { fetchErrorText } from '../net/fetch-message.js';
import { hostOf } from '../net/host-scheduler.js';
import { cleanText } from '../text/normalize.js';
import type { RefreshContext } from './context.js';
import type { Feed } from './feeds-file.js';

/** An article ready for an id. */
export type ItemArticle = Omit<ArticleToWrite, 'id'>;

const ACCEPT_PAGE = 'text/html, application/xhtml+xml;q=0.9';

interface PageText {
  paragraphs: string[];
  dek?: string;
  author?: string;
}

/** The item's page text, or why there is none (a line for the article's textNote). */
async function pageText(link: string, ctx: RefreshContext): Promise<PageText | { failed: string }> {
  try {
    const fetched = await ctx.scheduler.run(hostOf(link), () =>
      fetchDocument(link, ctx.net.pageLimits, { env: ctx.env, retry: ctx.net.retry, accept: ACCEPT_PAGE, ...(ctx.signal ? { signal: ctx.signal } : {}) }),
    );
    const decoded = decodeInput(fetched.bytes, fetched.contentType ? { contentType: fetched.contentType } : {});
    if (detectKind(decoded.text, fetched.contentType) !== 'html') return { failed: ctx.fileT('feeds.pageNotHtml', { url: link }) };
    const { extractHtml } = await import('../import/html.js');
    const page = await extractHtml(decoded.text);
    if (page.paragraphs.length === 0) return { failed: ctx.fileT('feeds.pageNoText', { url: link }) };
    return { paragraphs: page.paragraphs, ...(page.dek ? { dek: page.dek } : {}), ...(page.author ? { author: page.author } : {}) };
  } catch (cause) {
    if (cause instanceof FetchError) {
      if (cause.code === 'aborted') throw cause;
      return { failed: fetchErrorText(cause, link, ctx.fileT, ctx.net.pageLimits) };
    }
    if (cause instanceof ImportInputError) return { failed: ctx.fileT('feeds.pageNoText', { url: link }) };
    throw cause;
  }
}

const size = (paragraphs: readonly string[]) => paragraphs.reduce((n, p) => n + p.length, 0);

/** A unit in the format's Markdown-like form cleaned line by line (a list's items stay on their lines). */
const cleanUnit = (unit: string) =>
  unit
    .split('\n')
    .map(cleanText)
    .filter((line) => line !== '')
    .join('\n');

/**
 * The article for `item` of `feed`, or the reason it has none (no title, or no text anywhere).
 * `source` is the publisher's name found in the feed.
 */
export async function itemArticle(item: FeedItem, feed: Feed, source: string | undefined, ctx: RefreshContext): Promise<ItemArticle | { skip: string }> {
  const title = cleanText(item.title);
  if (title === '') return { skip: ctx.t('feeds.itemNoTitle', { n: item.position }) };
  let paragraphs = item.paragraphs.map(cleanUnit).filter((p) => p !== '');
  let dek = item.dek ? cleanText(item.dek) : undefined;
  let author = item.author ? cleanText(item.author) : undefined;
  let textFrom: 'page' | 'feed' | undefined;
  let textNote: string | undefined;
  if (feed.fullText) {
    const page = item.link ? await pageText(item.link, ctx) : { failed: ctx.fileT('feeds.noLink') };
    // A page whose extraction is shorter than the feed's own full content is the poorer text.
    if ('failed' in page || size(page.paragraphs) < size(paragraphs)) {
      textFrom = 'feed';
      textNote = cleanText('failed' in page ? page.failed : ctx.fileT('feeds.pageShorter'));
    } else {
      textFrom = 'page';
      paragraphs = page.paragraphs.map(cleanUnit).filter((p) => p !== '');
      dek ??= page.dek ? cleanText(page.dek) : undefined;
      author ??= page.author ? cleanText(page.author) : undefined;
    }
  }
  if (paragraphs.length === 0) return { skip: textNote ? ctx.t('feeds.itemNoTextNote', { title, note: textNote }) : ctx.t('feeds.itemNoText', { title }) };
  const publisher = cleanText(source ?? '') || feed.label;
  return {
    title,
    source: publisher,
    // An item without a date stays undated (never dated "now"): stamped with the refresh's time
    // and its place in the feed, so undated items keep the feed's order after the dated ones.
    ...(item.published ? { published: item.published } : { imported: berlinIso(Math.floor(ctx.now() / 1000) * 1000), position: item.position }),
    paragraphs,
    ...(dek && dek !== title ? { dek } : {}),
    ...(item.link ? { url: item.link } : {}),
    ...(author && author !== publisher ? { author } : {}),
    feed: feed.url,
    guid: cleanText(item.key),
    fingerprint: item.fingerprint,
    ...(textFrom ? { textFrom } : {}),
    ...(textNote ? { textNote } : {}),
  };
}
