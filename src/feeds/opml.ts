/**
 * OPML in and out (feedsmith reads and writes it). Outlines with an `xmlUrl` are feeds, at any
 * depth (folders are flattened: a library has one list). newsbridge's own setting travels as
 * an extra attribute, `newsbridgeFullText="false"`, which other readers ignore.
 */
import type { FeedSubscription } from '../content/feeds-schema.js';
import type { Feed } from './feeds-file.js';

interface Outline {
  text?: string;
  title?: string;
  type?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  newsbridgeFullText?: string;
  outlines?: Outline[];
}

interface FeedsmithOpml {
  parseOpml: (text: string, options?: { extraOutlineAttributes?: string[] }) => { body?: { outlines?: Outline[] } };
  generateOpml: (opml: unknown, options?: { extraOutlineAttributes?: string[] }) => string;
}

const EXTRA = ['newsbridgeFullText'];

async function feedsmith(): Promise<FeedsmithOpml> {
  const mod = (await import('feedsmith')) as unknown as Partial<FeedsmithOpml> & { default?: FeedsmithOpml };
  return mod.parseOpml && mod.generateOpml ? (mod as FeedsmithOpml) : (mod.default as FeedsmithOpml);
}

/** One feed found in an OPML file, before it is checked. */
export interface OpmlFeed {
  url: string;
  name?: string;
  fullText?: boolean;
}

/** The feeds of an OPML document, in document order; throws when it is not OPML. */
export async function readOpml(text: string): Promise<OpmlFeed[]> {
  const { parseOpml } = await feedsmith();
  const opml = parseOpml(text, { extraOutlineAttributes: EXTRA });
  const out: OpmlFeed[] = [];
  const walk = (outlines: readonly Outline[] | undefined) => {
    for (const outline of outlines ?? []) {
      const url = outline.xmlUrl?.trim();
      if (url) {
        const name = (outline.title ?? outline.text)?.trim();
        out.push({ url, ...(name ? { name } : {}), ...(outline.newsbridgeFullText === 'false' ? { fullText: false } : {}) });
      }
      walk(outline.outlines);
    }
  };
  walk(opml.body?.outlines);
  return out;
}

/** OPML 2.0 of the library's subscriptions. */
export async function writeOpml(feeds: readonly (Feed | FeedSubscription)[], title: string, now = new Date()): Promise<string> {
  const { generateOpml } = await feedsmith();
  const outlines = feeds.map((feed) => {
    const name = 'label' in feed ? feed.label : (feed.name ?? feed.url);
    return { text: name, title: name, type: 'rss', xmlUrl: feed.url, ...(feed.fullText === false ? { newsbridgeFullText: 'false' } : {}) };
  });
  return generateOpml({ head: { title, dateCreated: now }, body: { outlines } }, { extraOutlineAttributes: EXTRA });
}
