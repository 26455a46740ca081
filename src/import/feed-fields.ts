/**
 * The few fields newsbridge reads from a feed, taken once from feedsmith's parse of any of
 * the formats (RSS 0.9x/2.0, RDF, Atom 0.3/1.0) into one flat shape.
 */
import type { AtomFeed, RdfFeed, RssFeed } from 'feedsmith';

/** One item's fields as the feed wrote them (XML entities decoded, HTML left as is). */
export interface RawItem {
  id?: string;
  title?: string;
  link?: string;
  /** The item's xml:base, if any. */
  base?: string;
  date?: string;
  author?: string;
  /** Full content (content:encoded, Atom content). */
  content?: string;
  /** Description or summary. */
  summary?: string;
}

export interface RawFeed {
  title?: string;
  link?: string;
  base?: string;
  author?: string;
  items: RawItem[];
}

type ParseFeed = (xml: string) => { format: string; feed: unknown };

let parser: ParseFeed | undefined;

/** feedsmith, loaded only when a feed is read (a CommonJS interop `default` is looked at too). */
async function loadParser(): Promise<ParseFeed> {
  if (parser) return parser;
  const mod = (await import('feedsmith')) as { parseFeed?: ParseFeed; default?: { parseFeed?: ParseFeed } };
  const found = mod.parseFeed ?? mod.default?.parseFeed;
  if (!found) throw new Error('feed parser not available');
  return (parser = found);
}

const first = <T>(list: readonly T[] | undefined): T | undefined => list?.[0];
/** Every name of a list (an item's several authors), joined with commas; undefined when none. */
const every = (names: readonly (string | undefined)[] | undefined): string | undefined =>
  (names ?? []).map((n) => n?.trim()).filter((n): n is string => Boolean(n)).join(', ') || undefined;
const nonEmpty = (text: string | undefined) => (text && text.trim() !== '' ? text : undefined);

/** The page of an Atom entry: the alternate link (or one without rel), else the first. */
function atomLink(links: readonly AtomFeed.Link<string>[] | undefined): string | undefined {
  const list = links ?? [];
  const alternate = list.find((l) => (l.rel ?? 'alternate') === 'alternate' && (!l.type || /html/i.test(l.type)));
  return (alternate ?? list.find((l) => (l.rel ?? 'alternate') === 'alternate') ?? list[0])?.href;
}

function fromRss(feed: RssFeed.Feed<string>): RawFeed {
  return {
    ...(feed.title ? { title: feed.title } : {}),
    ...(feed.link ? { link: feed.link } : {}),
    ...(feed.xml?.base ? { base: feed.xml.base } : {}),
    ...(feed.managingEditor?.name ? { author: feed.managingEditor.name } : {}),
    items: (feed.items ?? []).map((item) => ({
      id: nonEmpty(item.guid?.value) ?? nonEmpty(item.atom?.id),
      title: item.title ?? first(item.dc?.titles),
      // A permalink guid is the item's page when it has no <link>.
      link: nonEmpty(item.link) ?? atomLink(item.atom?.links) ?? (item.guid?.isPermaLink !== false && /^https?:/i.test(item.guid?.value ?? '') ? item.guid?.value : undefined),
      base: item.xml?.base,
      date: item.pubDate ?? first(item.dc?.dates) ?? item.atom?.published ?? item.atom?.updated,
      author: every(item.authors?.map((a) => a.name)) ?? every(item.dc?.creators) ?? first(item.authors)?.email,
      content: nonEmpty(item.content?.encoded),
      summary: nonEmpty(item.description) ?? first(item.dc?.descriptions),
    })),
  };
}

function fromRdf(feed: RdfFeed.Feed<string>): RawFeed {
  return {
    ...(feed.title ? { title: feed.title } : {}),
    ...(feed.link ? { link: feed.link } : {}),
    ...(feed.xml?.base ? { base: feed.xml.base } : {}),
    ...(first(feed.dc?.publishers) ? { author: first(feed.dc?.publishers) } : {}),
    items: (feed.items ?? []).map((item) => ({
      id: nonEmpty(item.rdf?.about),
      title: item.title ?? first(item.dc?.titles),
      link: item.link,
      base: item.xml?.base,
      date: first(item.dc?.dates) ?? first(item.dcterms?.modified),
      author: every(item.dc?.creators),
      content: nonEmpty(item.content?.encoded),
      summary: nonEmpty(item.description) ?? first(item.dc?.descriptions),
    })),
  };
}

function fromAtom(feed: AtomFeed.Feed<string>): RawFeed {
  return {
    ...(feed.title?.value ? { title: feed.title.value } : {}),
    ...(atomLink(feed.links) ? { link: atomLink(feed.links) } : {}),
    ...(feed.xml?.base ? { base: feed.xml.base } : {}),
    ...(first(feed.authors)?.name ? { author: first(feed.authors)?.name } : {}),
    items: (feed.entries ?? []).map((entry) => ({
      id: nonEmpty(entry.id),
      title: entry.title?.value,
      link: atomLink(entry.links),
      base: entry.xml?.base,
      date: entry.published ?? entry.updated ?? first(entry.dc?.dates),
      author: every(entry.authors?.map((a) => a.name)) ?? every(entry.dc?.creators),
      content: nonEmpty(entry.content?.value),
      summary: nonEmpty(entry.summary?.value),
    })),
  };
}

/** feedsmith drops an item with nothing in it; a marker id keeps its place, so messages can name its position. */
const EMPTY_ITEM = /<(item|entry)(\s[^>]*)?(?:\/>|>\s*<\/\1>)/g;
const EMPTY_MARK = 'newsbridge:empty-item';

/** The feed's fields; throws when the text is no feed feedsmith can read. */
export async function readRawFeed(xml: string): Promise<RawFeed> {
  const parseFeed = await loadParser();
  const marked = xml.replace(EMPTY_ITEM, (_all, tag: string, attributes: string | undefined) =>
    `<${tag}${attributes ?? ''}><${tag === 'item' ? 'guid' : 'id'}>${EMPTY_MARK}</${tag === 'item' ? 'guid' : 'id'}></${tag}>`,
  );
  const { format, feed } = parseFeed(marked);
  let raw: RawFeed;
  if (format === 'rss') raw = fromRss(feed as RssFeed.Feed<string>);
  else if (format === 'rdf') raw = fromRdf(feed as RdfFeed.Feed<string>);
  else if (format === 'atom') raw = fromAtom(feed as AtomFeed.Feed<string>);
  else throw new Error(`unsupported feed format: ${format}`);
  return { ...raw, items: raw.items.map((item) => (item.id === EMPTY_MARK ? {} : item)) };
}
