/**
 * What a page says about itself: og: and article: meta tags, JSON-LD (NewsArticle and
 * friends), <time> elements, the canonical link. Read before Readability rewrites the DOM.
 */
import { metaText } from './meta-text.js';
import { parseDateValue } from './dates.js';
import { splitSiteName } from './extract.js';

/** The subset of the DOM the importer reads (linkedom's document satisfies it). */
export interface DomElement {
  localName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

export interface PageMeta {
  title?: string;
  description?: string;
  site?: string;
  /** The publication date the page states (JSON-LD, published-time tags, the date element it shows). */
  published?: string;
  /** A date from a generic tag (`date`, `dcterms.date`): often the last update, so used only when nothing better is found. */
  weakDate?: string;
  author?: string;
  url?: string;
  lang?: string;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|WebPage)$/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function asObjects(value: Json | undefined): { [key: string]: Json }[] {
  if (value === undefined || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(asObjects);
  const graph = value['@graph'];
  return [value, ...asObjects(graph)];
}

function text(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return metaText(value) || undefined;
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ') || undefined;
  if (value && typeof value === 'object') return text(value['name']);
  return undefined;
}

function typesOf(object: { [key: string]: Json }): string[] {
  const type = object['@type'];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
}

/** The first article-like object in the page's JSON-LD blocks (broken JSON is skipped). */
function jsonLdArticle(document: DomElement): { [key: string]: Json } | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: Json;
    try {
      parsed = JSON.parse(script.textContent ?? '') as Json;
    } catch {
      continue;
    }
    const objects = asObjects(parsed);
    const article = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? objects.find((o) => typesOf(o).includes('WebPage'));
    if (article) return article;
  }
  return undefined;
}

function metaContents(document: DomElement, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    for (const el of document.querySelectorAll(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`)) {
      const value = metaText(el.getAttribute('content') ?? '');
      if (value && !out.includes(value)) out.push(value);
    }
  }
  return out;
}

function metaContent(document: DomElement, names: readonly string[]): string | undefined {
  return metaContents(document, names)[0];
}

// Where the article itself shows its date: a <time>, a datePublished item, or an element whose class names a date.
const DATE_ELEMENTS =
  '[itemprop="datePublished"], time[pubdate], article time, header time, time, [class~="date"], [class~="datum"], [class*="publish"], [class*="article-date"], [class*="date-published"], [class*="pubdate"], [class~="meta-date"], [class~="timestamp"]';

/** A date from a <time>, an itemprop=datePublished element, or an element with a date class. */
function elementDate(document: DomElement): string | undefined {
  for (const el of document.querySelectorAll(DATE_ELEMENTS)) {
    if (/modif|updat|aktualis/i.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`)) continue;
    const value = el.getAttribute('datetime') ?? el.getAttribute('content') ?? (el.textContent ?? '').slice(0, 200);
    const iso = parseDateValue(value);
    if (iso) return iso;
  }
  return undefined;
}

/** The page's main headline as the page shows it: the first <h1> (inside the article when there is one). */
function headline(document: DomElement): string | undefined {
  for (const el of document.querySelectorAll('article h1, main h1, h1')) {
    const value = metaText(el.textContent ?? '');
    if (value) return value;
  }
  return undefined;
}

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * "Kicker: Headline" when the publisher's own title (`<title>`, og:title) carries the kicker
 * (Dachzeile) before the headline that the article's markup gives alone.
 */
function withKicker(title: string, own: readonly (string | undefined)[]): string {
  for (const candidate of own) {
    if (!candidate) continue;
    const at = candidate.indexOf(`: ${title}`);
    if (at <= 0) continue;
    const kicker = candidate.slice(0, at).split(/\s+[|–—-]\s+/).pop()?.trim() ?? '';
    if (kicker && kicker.split(/\s+/).length <= 5 && kicker.length <= 60) return `${kicker}: ${title}`;
  }
  return title;
}

/** "Süddeutsche.de GmbH, Munich, Germany" is a publisher, not an author. */
function personName(value: string | undefined): string | undefined {
  if (!value || /^https?:/.test(value) || value.length > 80) return undefined;
  if (/\b(GmbH|AG|Verlag|Redaktion|online|Medien|Media|News|Inc\.?|Ltd\.?)\b|\.(de|com|at|ch)\b/i.test(value)) return undefined;
  return value;
}

/** Every author the page names (JSON-LD's list, or all author tags), people only, joined with commas. */
function authors(document: DomElement, ld: { [key: string]: Json } | undefined): string | undefined {
  const fromLd = ld ? asPeople(ld['author']) : [];
  // A value naming a publisher ("Verlag GmbH, München") is left whole, and so left out.
  const split = (v: string) => (personName(v) ? v.split(/\s*,\s*|\s+und\s+|\s+and\s+/) : [v]);
  const names = fromLd.length > 0 ? fromLd.flatMap(split) : metaContents(document, ['author', 'article:author', 'dc.creator', 'DC.creator', 'parsely-author']).flatMap(split);
  const people = [...new Set(names.map((n) => personName(n)).filter((n): n is string => n !== undefined))];
  return people.length > 0 ? people.join(', ') : undefined;
}

function asPeople(value: Json | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap(asPeople);
  const name = text(value);
  return name ? [name] : [];
}

/** Everything the page's markup says about the article. */
export function readPageMeta(document: DomElement): PageMeta {
  const ld = jsonLdArticle(document);
  const publisher = ld ? text(ld['publisher']) : undefined;
  const site = metaContent(document, ['og:site_name', 'application-name']) ?? publisher;
  const documentTitle = metaText([...document.querySelectorAll('title')][0]?.textContent ?? '') || undefined;
  const ogTitle = metaContent(document, ['og:title', 'twitter:title', 'dc.title', 'DC.title']);
  const h1 = headline(document);
  let title = (ld ? text(ld['headline']) : undefined) ?? ogTitle ?? documentTitle;
  // The site's name is no headline: the page's own <h1> is.
  if (title && h1 && site && key(title) === key(site) && key(h1) !== key(site)) title = h1;
  if (!title || (site && key(title) === key(site))) title = h1 ?? title;
  if (title) title = withKicker(title, [documentTitle, ogTitle]);
  const published =
    parseDateValue((ld ? text(ld['datePublished']) : undefined) ?? '') ??
    parseDateValue(metaContent(document, ['article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'DC.date.issued', 'dcterms.created', 'parsely-pub-date']) ?? '') ??
    elementDate(document);
  const weakDate = parseDateValue(metaContent(document, ['date', 'dcterms.date', 'DC.date', 'dc.date', 'sailthru.date']) ?? '');
  const author = authors(document, ld);
  const canonical = [...document.querySelectorAll('link[rel="canonical"]')][0]?.getAttribute('href') ?? undefined;
  const url = metaContent(document, ['og:url']) ?? canonical ?? undefined;
  const lang = [...document.querySelectorAll('html')][0]?.getAttribute('lang') ?? undefined;
  const result: PageMeta = {};
  if (title) result.title = title;
  const description = metaContent(document, ['og:description', 'description', 'twitter:description']) ?? (ld ? text(ld['description']) : undefined);
  if (description) result.description = description;
  if (site) result.site = site;
  if (published) result.published = published;
  if (weakDate) result.weakDate = weakDate;
  if (author) result.author = author;
  if (url && /^https?:\/\//.test(url)) result.url = url;
  if (lang) result.lang = lang;
  return result;
}

/** The title without the site's name attached ("Titel | Seite" → "Titel"), and that name. */
export function stripSiteName(title: string, site: string | undefined): { title: string; site?: string } {
  if (site) {
    const escaped = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stripped = title
      .replace(new RegExp(`\\s*[|›»·:_–—-]+\\s*${escaped}\\s*$`, 'iu'), '')
      .replace(new RegExp(`^\\s*${escaped}\\s*[|›»·:_–—-]+\\s*`, 'iu'), '');
    if (stripped.length >= 8) return { title: stripped, site };
  }
  return splitSiteName(title);
}
