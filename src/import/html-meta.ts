/**
 * What a page says about itself: og: and article: meta tags, JSON-LD (NewsArticle and
 * friends), <time> elements, the canonical link. Read before Readability rewrites the DOM.
 */
import { cleanLine } from './blocks.js';
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
  published?: string;
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
  if (typeof value === 'string') return cleanLine(value) || undefined;
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

function metaContent(document: DomElement, names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const el of document.querySelectorAll(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`)) {
      const value = cleanLine(el.getAttribute('content') ?? '');
      if (value) return value;
    }
  }
  return undefined;
}

/** A date from a <time> or an itemprop=datePublished element. */
function elementDate(document: DomElement): string | undefined {
  for (const el of document.querySelectorAll('[itemprop="datePublished"], time[pubdate], article time, header time, time')) {
    const value = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? '';
    const iso = parseDateValue(value);
    if (iso) return iso;
  }
  return undefined;
}

/** "Süddeutsche.de GmbH, Munich, Germany" is a publisher, not an author. */
function personName(value: string | undefined): string | undefined {
  if (!value || /^https?:/.test(value) || value.length > 80) return undefined;
  if (/\b(GmbH|AG|Verlag|Redaktion|online|Medien|Media|News|Inc\.?|Ltd\.?)\b|\.(de|com|at|ch)\b/i.test(value)) return undefined;
  return value;
}

/** Everything the page's markup says about the article. */
export function readPageMeta(document: DomElement): PageMeta {
  const ld = jsonLdArticle(document);
  const publisher = ld ? text(ld['publisher']) : undefined;
  const title =
    (ld ? text(ld['headline']) : undefined) ??
    metaContent(document, ['og:title', 'twitter:title', 'dc.title', 'DC.title']) ??
    (cleanLine([...document.querySelectorAll('title')][0]?.textContent ?? '') || undefined);
  const published =
    parseDateValue((ld ? text(ld['datePublished']) : undefined) ?? '') ??
    parseDateValue(metaContent(document, ['article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'DC.date.issued', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'og:published_time']) ?? '') ??
    elementDate(document);
  const author = personName((ld ? text(ld['author']) : undefined) ?? metaContent(document, ['author', 'article:author', 'dc.creator', 'DC.creator', 'parsely-author']));
  const canonical = [...document.querySelectorAll('link[rel="canonical"]')][0]?.getAttribute('href') ?? undefined;
  const url = metaContent(document, ['og:url']) ?? canonical ?? undefined;
  const lang = [...document.querySelectorAll('html')][0]?.getAttribute('lang') ?? undefined;
  const result: PageMeta = {};
  if (title) result.title = title;
  const description = (ld ? text(ld['description']) : undefined) ?? metaContent(document, ['og:description', 'description', 'twitter:description']);
  if (description) result.description = description;
  const site = metaContent(document, ['og:site_name', 'application-name']) ?? publisher;
  if (site) result.site = site;
  if (published) result.published = published;
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
