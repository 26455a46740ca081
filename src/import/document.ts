/**
 * From the bytes of an input to articles ready to write: the encoding and the kind of
 * document (raw text, an HTML page, an RSS/Atom feed) are told from the content itself,
 * then the matching extractor runs and what it could not find gets a marked default.
 */
import { textToBlocks } from './blocks.js';
import { berlinIso } from './dates.js';
import { decodeBytes, charsetOfContentType, type DecodedText } from './decode.js';
import { extractArticle, type Extracted } from './extract.js';
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
  if (kind === 'feed') {
    const { parseFeedText, FeedError } = await import('./feed.js');
    try {
      const feed = await parseFeedText(decoded.text, {
        ...(options.url ? { baseUrl: options.url } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      if (feed.articles.length === 0) throw new ImportInputError('noItems');
      return { kind, decoded, articles: feed.articles, emptyItems: feed.emptyItems };
    } catch (cause) {
      if (cause instanceof FeedError) throw new ImportInputError('badFeed', undefined, cause.message);
      throw cause;
    }
  }
  if (kind === 'html') {
    const { extractHtml } = await import('./html.js');
    const article = await extractHtml(decoded.text);
    if (article.paragraphs.length === 0) throw new ImportInputError('noText');
    return { kind, decoded, articles: [article], emptyItems: [] };
  }
  const article = extractArticle(textToBlocks(decoded.text));
  if (article.paragraphs.length === 0) throw new ImportInputError('noText');
  return { kind, decoded, articles: [article], emptyItems: [] };
}

function lineOf(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** What the importer had to make up, for the curator to check. */
export type Guess = 'title' | 'source' | 'published';

/**
 * The article with every required field filled: a missing title from the first words of
 * the text, a missing source from the URL's host (or "unbekannt"), a missing date from now.
 */
export function completeArticle(
  found: Extracted & { url?: string },
  context: { url?: string; now?: number },
): { article: Omit<ArticleToWrite, 'id'>; guessed: Guess[] } {
  const guessed: Guess[] = [];
  const url = found.url ?? context.url;
  let title = found.title?.trim();
  if (!title) {
    guessed.push('title');
    const first = found.paragraphs[0] ?? '';
    const head = first.split(/\s+/).slice(0, 8).join(' ');
    title = head.length < first.length ? `${head} …` : head;
  }
  let source = found.source?.trim();
  if (!source) {
    guessed.push('source');
    source = url ? new URL(url).hostname.replace(/^www\./, '') : 'unbekannt';
  }
  let published = found.published;
  if (!published) {
    guessed.push('published');
    published = berlinIso(Math.floor((context.now ?? Date.now()) / 1000) * 1000);
  }
  const article: Omit<ArticleToWrite, 'id'> = {
    title,
    source,
    published,
    paragraphs: found.paragraphs,
    ...(found.dek && found.dek !== title ? { dek: found.dek } : {}),
    ...(url && /^https?:\/\//.test(url) ? { url } : {}),
    ...(found.author ? { author: found.author } : {}),
  };
  return { article, guessed };
}
