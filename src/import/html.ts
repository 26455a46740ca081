/**
 * Importing an HTML page: Mozilla Readability (on linkedom, no browser) finds the main
 * content; the page's own metadata gives title, date, source and author; the block rules
 * shared with raw text then drop what Readability keeps but a reader would not want
 * (bylines, captions, inline teasers). Both libraries are loaded only when a page is imported.
 */
import { domToBlocks, type DomNode } from './html-blocks.js';
import { capHtmlDepth } from './html-depth.js';
import type { BlockLink } from './blocks.js';
import { stopwordRatio } from './boilerplate.js';
import { extractArticle, type Extracted } from './extract.js';
import { readPageMeta, stripSiteName, type DomElement } from './html-meta.js';

export { domToBlocks } from './html-blocks.js';

// Class, id and role words of page furniture: comments, teasers, sharing, ads, menus.
const FURNITURE =
  /(^|[\s_-])(comments?|kommentare?|disqus|respond|replies|teasers?|related|recommend(?:ed|ations?)?|empfehlung\w*|promo\w*|advert\w*|ads?|anzeigen?|sponsor\w*|newsletter\w*|subscribe|paywall|cookie\w*|consent|gdpr|share|sharing|shariff|social|breadcrumbs?|pagination|pager|taglist|tags|author-?(?:box|bio|info)|outbrain|taboola|plista|sidebar|widget\w*|masthead|navbar|nav|navigation|menu|toolbar|popup|modal|overlay|dossier|inline-?textbox|more-?articles|read-?more|most-?read|meistgelesen|footer)([\s_-]|$)/i;
const FURNITURE_ROLES = /^(navigation|complementary|banner|contentinfo|search|dialog|alertdialog)$/;
const FURNITURE_TAGS = 'nav, aside, footer, form, script, style, noscript, template, iframe, svg, button, select, [hidden], [aria-hidden="true"]';

interface MutableElement extends DomElement {
  remove(): void;
  querySelector(selector: string): MutableElement | null;
  querySelectorAll(selector: string): Iterable<MutableElement>;
}

/**
 * Removes page furniture before Readability looks, so its scoring is not misled by teaser
 * cards and comment threads. An element holding most of the page's text is never removed
 * (a wrapper whose class merely mentions comments).
 */
function removeFurniture(document: MutableElement, bodyLength: number): void {
  const safe = (el: MutableElement) => (el.textContent ?? '').length < bodyLength * 0.4 && el.localName !== 'body' && el.localName !== 'html';
  for (const el of [...document.querySelectorAll(FURNITURE_TAGS)]) if (safe(el)) el.remove();
  for (const el of [...document.querySelectorAll('[class], [id], [role]')]) {
    // Headings and paragraphs are text whatever their class says ("nav_…" anchors on subheadings).
    if (/^(p|h[1-6]|blockquote)$/.test(el.localName)) continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if ((FURNITURE.test(words) || FURNITURE_ROLES.test(el.getAttribute('role') ?? '')) && safe(el)) el.remove();
  }
  // A link wrapping a headline is a teaser card for another article.
  for (const el of [...document.querySelectorAll('a')]) if (el.querySelector('h1, h2, h3, h4, h5, h6') && safe(el)) el.remove();
}

/** Text length of the blocks, for deciding whether an extraction found enough. */
const size = (paragraphs: readonly string[]) => paragraphs.reduce((n, p) => n + p.length, 0);

interface ParsedDocument {
  body: unknown;
  documentElement: unknown;
}

/**
 * linkedom's parser, typed by what is used (its own types need the DOM library, which this
 * project leaves out). Markup nested deeper than MAX_HTML_DEPTH is flattened first (see
 * html-depth.ts); `onFlattened` hears how deep it went.
 */
export async function loadHtmlParser(onFlattened?: (depth: number) => void): Promise<(html: string) => ParsedDocument> {
  const linkedom = (await import('linkedom')) as unknown as { parseHTML: (html: string) => { document: ParsedDocument } };
  return (html) => {
    const capped = capHtmlDepth(html);
    if (capped.flattened) onFlattened?.(capped.depth);
    return linkedom.parseHTML(capped.html).document;
  };
}

/** What importing a page noticed besides the article. */
export interface HtmlNotes {
  /** How deep the markup nested, when it nested deeper than the cap and was flattened. */
  flattenedDepth?: number;
}

/** The article in an HTML page. */
export async function extractHtml(html: string, notes: HtmlNotes = {}): Promise<Extracted & { url?: string }> {
  const [parseHTML, readability] = await Promise.all([
    loadHtmlParser((depth) => (notes.flattenedDepth = Math.max(notes.flattenedDepth ?? 0, depth))),
    import('@mozilla/readability'),
  ]);
  // A CommonJS module: bundled, its exports may sit on `default`.
  const Readability = readability.Readability ?? (readability as unknown as { default: typeof readability }).default.Readability;
  const document = parseHTML(html);
  const meta = readPageMeta(document as unknown as DomElement);
  const body = (document.body ?? document.documentElement) as DomNode | null;
  const pageBlocks = body ? domToBlocks(body) : [];
  const bodyLength = pageBlocks.reduce((n, b) => n + b.text.length, 0);
  const titled = meta.title ? stripSiteName(meta.title, meta.site) : undefined;
  const title = titled?.title;
  const site = meta.site ?? titled?.site;
  const author = meta.author && meta.author !== site ? meta.author : undefined;
  const hints = {
    ...(title ? { title } : {}),
    ...(site ? { source: site } : {}),
    ...(meta.published ? { published: meta.published } : {}),
    ...(author ? { author } : {}),
  };
  // The whole page read as text: the fallback, and where dates written only in the text are found.
  const fromPage = extractArticle(pageBlocks, hints);

  removeFurniture(document as unknown as MutableElement, bodyLength);
  let content: string | undefined;
  try {
    content = new Readability(document, { charThreshold: 250 }).parse()?.content ?? undefined;
  } catch {
    // Readability gives up on some odd documents; the text route still works.
    content = undefined;
  }
  let article = fromPage;
  if (content) {
    const root = parseHTML(`<!doctype html><html><body>${content}</body></html>`).body as DomNode;
    // Readability drops the headline block, and with it the dek under it: the page knew it.
    const fromReadability = extractArticle(domToBlocks(root), { ...hints, ...(fromPage.dek ? { dek: fromPage.dek } : {}) });
    if (size(fromReadability.paragraphs) >= Math.min(300, size(fromPage.paragraphs))) article = fromReadability;
  }
  const dek = chooseDek(article.dek ?? fromPage.dek, usableDescription(meta.description, article.paragraphs));
  const links = absoluteLinks(article.links ?? [], meta.url);
  const published = meta.published ?? article.published ?? fromPage.published ?? meta.weakDate;
  // The links as found are relative and repeated; the resolved list replaces them.
  const merged: Extracted = { ...fromPage, ...article };
  delete merged.links;
  return {
    ...merged,
    ...(dek ? { dek } : {}),
    ...(published ? { published } : {}),
    source: site ?? article.source ?? fromPage.source,
    author: author ?? article.author ?? fromPage.author,
    ...(links.length > 0 ? { links } : {}),
    ...(meta.url ? { url: meta.url } : {}),
  };
}

/**
 * The dek: the one the page shows under its headline when it reads as prose (a sentence, or
 * words with the small words of German text); else the page's description.
 */
function chooseDek(shown: string | undefined, description: string | undefined): string | undefined {
  if (shown && (/[.!?…"“”»]$/u.test(shown) || stopwordRatio(shown) >= 0.15)) return shown;
  return description ?? shown;
}

/** http(s) links with their addresses made absolute (against the page's address), each address once. */
function absoluteLinks(links: readonly BlockLink[], base: string | undefined): BlockLink[] {
  const out: BlockLink[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    let url: string;
    try {
      url = new URL(link.url, base).href;
    } catch {
      continue;
    }
    if (!/^https?:\/\//i.test(url) || seen.has(url)) continue;
    seen.add(url);
    out.push({ text: link.text, url });
  }
  return out;
}

/** The meta description as a dek, unless it is the first paragraph again or cut short. */
function usableDescription(description: string | undefined, paragraphs: readonly string[]): string | undefined {
  if (!description || /(\.\.\.|…)$/.test(description) || description.length > 400) return undefined;
  const first = paragraphs[0] ?? '';
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (key(first).startsWith(key(description).slice(0, 60))) return undefined;
  return description;
}

