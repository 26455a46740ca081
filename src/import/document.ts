/**
 * From the bytes of an input to articles ready to write: the encoding and the kind of
 * document (raw text, an HTML page, an RSS/Atom feed) are told from the content itself,
 * then the matching extractor runs and what it could not find gets a marked default.
 */
import { parseBlock } from '../content/blocks.js';
import { countRemoved } from '../text/sanitize.js';
import { textToBlocks } from './blocks.js';
import { berlinIso } from './dates.js';
import { decodeBytes, charsetOfContentType, type DecodedText } from './decode.js';
import { extractArticle, type Extracted } from './extract.js';
import { metaText } from './meta-text.js';
import type { ArticleToWrite } from './write.js';

export type InputKind = 'text' | 'html' | 'feed';

export type InputErrorCode = 'empty' | 'binary' | 'unrecognised' | 'noText' | 'noItems' | 'badFeed';

/** Input the importer cannot use; `line` points into it where that helps. */
export class ImportInputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly line?: number,
    readonly detail = '',
  ) {
    super(code);
    this.name = 'ImportInputError';
  }
}

/** Past an XML declaration, comments and a doctype: the first element's name. */
function rootElement(text: string): string | undefined {
  const rest = text.replace(/^(\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>)*/i, '');
  return /^<([A-Za-z][\w:.-]*)/.exec(rest)?.[1]?.toLowerCase();
}

/** What kind of document `text` is, from its content (the content type only breaks ties). */
export function detectKind(text: string, contentType?: string): InputKind | undefined {
  const root = rootElement(text);
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf' || root === 'rdf') return 'feed';
  if (root === 'html' || /^\s*<!doctype html/i.test(text)) return 'html';
  if (root !== undefined) {
    if (/<(body|p|div|article|h1)[\s>]/i.test(text.slice(0, 200_000))) return 'html';
    return /html/i.test(contentType ?? '') ? 'html' : undefined;
  }
  // JSON and similar data are not articles.
  if (/^\s*[[{]/.test(text) && /[\]}]\s*$/.test(text)) return undefined;
  return 'text';
}

export interface ImportedDocument {
  kind: InputKind;
  decoded: DecodedText;
  articles: (Extracted & { url?: string })[];
  /** 1-based positions of feed items left out for having no title or no text. */
  emptyItems: number[];
  /**
   * Characters sanitising removes from the input's text (escape sequences, C0/C1 and bidi
   * controls), which the import reports instead of dropping them silently.
   */
  removed: number;
  /** How deep an HTML page nested when it nested deeper than the cap (and was flattened). */
  flattenedDepth?: number;
}

/** The text of an input's bytes; refused when empty or binary. */
export function decodeInput(bytes: Uint8Array, options: { contentType?: string } = {}): DecodedText {
  if (bytes.length === 0) throw new ImportInputError('empty');
  const nul = bytes.indexOf(0);
  // UTF-16 has zero bytes in every ASCII character; only a BOM makes it text.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (nul >= 0 && !utf16) throw new ImportInputError('binary', lineOf(bytes, nul));
  const decoded = decodeBytes(bytes, charsetOfContentType(options.contentType));
  if (decoded.text.trim() === '') throw new ImportInputError('empty');
  return decoded;
}

/** Reads `bytes` as a text, a page or a feed (`onProgress` hears how many items of a feed are read). */
export async function importDocument(
  bytes: Uint8Array,
  options: { contentType?: string; url?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportedDocument> {
  const decoded = decodeInput(bytes, options);
  const kind = detectKind(decoded.text, options.contentType);
  if (!kind) throw new ImportInputError('unrecognised', 1);
  const removed = countRemoved(decoded.text);
  if (kind === 'feed') {
    const { parseFeedText, FeedError } = await import('./feed.js');
    try {
      const feed = await parseFeedText(decoded.text, {
        ...(options.url ? { baseUrl: options.url } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      if (feed.articles.length === 0) throw new ImportInputError('noItems');
      return { kind, decoded, articles: feed.articles, emptyItems: feed.emptyItems, removed };
    } catch (cause) {
      if (cause instanceof FeedError) throw new ImportInputError('badFeed', undefined, cause.message);
      throw cause;
    }
  }
  if (kind === 'html') {
    const { extractHtml } = await import('./html.js');
    const notes: { flattenedDepth?: number } = {};
    const article = await extractHtml(decoded.text, notes);
    if (article.paragraphs.length === 0) throw new ImportInputError('noText');
    return { kind, decoded, articles: [article], emptyItems: [], removed, ...(notes.flattenedDepth ? { flattenedDepth: notes.flattenedDepth } : {}) };
  }
  const article = extractArticle(textToBlocks(decoded.text));
  if (article.paragraphs.length === 0) throw new ImportInputError('noText');
  return { kind, decoded, articles: [article], emptyItems: [], removed };
}

function lineOf(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** What the importer had to make up (or, for the date, leave unknown), for the curator to check. */
export type Guess = 'title' | 'source' | 'published';

/** The plain text of a body unit in its Markdown-like form. */
export function plainText(unit: string): string {
  return parseBlock(unit.split('\n')).text;
}

/**
 * The article with every required field filled: a missing title from the first words of
 * the text, a missing source from the URL's host (or "unbekannt"). A missing date is not
 * made up: the article is undated, stamped with the import's time and its `position` in
 * the input (a feed's order), so the library lists undated articles after the dated ones.
 */
export function completeArticle(
  found: Extracted & { url?: string },
  context: { url?: string; now?: number; position?: number },
): { article: Omit<ArticleToWrite, 'id'>; guessed: Guess[] } {
  const guessed: Guess[] = [];
  const url = found.url ?? context.url;
  let title = found.title ? metaText(found.title) : undefined;
  if (!title) {
    guessed.push('title');
    const first = plainText(found.paragraphs[0] ?? '');
    const head = first.split(/\s+/).slice(0, 8).join(' ');
    title = head.length < first.length ? `${head} …` : head;
  }
  let source = found.source ? metaText(found.source) : undefined;
  if (!source) {
    guessed.push('source');
    source = url ? new URL(url).hostname.replace(/^www\./, '') : 'unbekannt';
  }
  // Feeds and text dumps carry "&#8211;" and "&amp;" in titles as often as pages do.
  const dek = found.dek ? metaText(found.dek) : undefined;
  const author = found.author ? metaText(found.author) : undefined;
  const published = found.published;
  const undated: Pick<ArticleToWrite, 'imported' | 'position'> = {};
  if (!published) {
    guessed.push('published');
    undated.imported = berlinIso(Math.floor((context.now ?? Date.now()) / 1000) * 1000);
    if (context.position !== undefined) undated.position = context.position;
  }
  const article: Omit<ArticleToWrite, 'id'> = {
    title,
    source,
    ...(published ? { published } : undated),
    paragraphs: found.paragraphs,
    ...(found.links && found.links.length > 0 ? { links: found.links.map((l, i) => ({ n: i + 1, url: l.url, text: l.text })) } : {}),
    ...(dek && dek !== title ? { dek } : {}),
    ...(url && /^https?:\/\//.test(url) ? { url } : {}),
    ...(author ? { author } : {}),
  };
  return { article, guessed };
}
