/**
 * A library's feeds.yaml: read and checked against its schema, and changed in place through
 * the YAML document (so comments a team wrote into it survive `feeds add` and `feeds remove`),
 * written atomically.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parseDocument, YAMLSeq, type Document } from 'yaml';
import { error, type Diagnostic } from '../content/diagnostic.js';
import { FEEDS_FILE, feedsFile, type FeedSubscription } from '../content/feeds-schema.js';
import { parseYaml, schemaDiagnostics, YAML_OPTIONS } from '../content/front-matter.js';
import { displayPath, packageRoot } from '../content/library-paths.js';
import { cleanStrings } from '../content/parse-files.js';
import { writeFileAtomic } from '../storage/atomic-file.js';

/** A subscription with the name it is shown and addressed by, and its settings resolved. */
export interface Feed extends FeedSubscription {
  /** `name`, else the feed's host and path: never empty. */
  label: string;
  /** The entry's own setting, else the config file's `feeds:` default. */
  fullText: boolean;
  translate: 'auto' | 'off';
}

/** What a feed entry that leaves fullText or translate out gets (the config file's `feeds:` section). */
export interface FeedDefaults {
  fullText: boolean;
  translate: 'auto' | 'off';
}

export const BUILT_IN_FEED_DEFAULTS: FeedDefaults = { fullText: true, translate: 'off' };

export type FeedsResult = { ok: true; feeds: Feed[]; file: string; exists: boolean } | { ok: false; errors: Diagnostic[]; file: string };

/** Largest feeds.yaml read (a list of feeds is small; anything bigger is a mistake). */
const MAX_BYTES = 1024 * 1024;

/** The file's path in a library folder. */
export function feedsFilePath(library: string): string {
  return path.join(library, FEEDS_FILE);
}

/** How a feed without a name is called: its host and path. */
export function labelOf(sub: FeedSubscription): string {
  if (sub.name) return sub.name;
  const url = new URL(sub.url);
  return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

/**
 * Reads the library's feeds (none when there is no feeds.yaml); errors name the file and line.
 * An entry without fullText or translate takes them from `defaults`.
 */
export async function loadFeeds(library: string, defaults: FeedDefaults = BUILT_IN_FEED_DEFAULTS): Promise<FeedsResult> {
  const file = feedsFilePath(library);
  const shown = displayPath(file);
  let source: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_BYTES) return { ok: false, file, errors: [error(shown, `larger than ${MAX_BYTES / 1024} KB`)] };
    source = bytes.toString('utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, feeds: [], file, exists: false };
    return { ok: false, file, errors: [error(shown, `cannot read it (${code ?? 'error'})`)] };
  }
  const yaml = parseYaml(source, shown);
  if (!yaml.ok) return { ok: false, file, errors: yaml.errors };
  const result = feedsFile.safeParse(yaml.value ?? {});
  if (!result.success) return { ok: false, file, errors: schemaDiagnostics(result.error, shown, yaml.doc, yaml.counter, 1) };
  const feeds = cleanStrings(result.data.feeds).map((sub) => ({
    ...sub,
    label: labelOf(sub),
    fullText: sub.fullText ?? defaults.fullText,
    translate: sub.translate ?? defaults.translate,
  }));
  // Two entries for one URL would refresh it twice and split its articles' counts.
  const seen = new Map<string, number>();
  for (const [i, feed] of feeds.entries()) {
    const before = seen.get(feed.url);
    if (before !== undefined) return { ok: false, file, errors: [error(shown, `feed ${i + 1} repeats the URL of feed ${before + 1} (${feed.url})`)] };
    seen.set(feed.url, i);
  }
  return { ok: true, feeds, file, exists: true };
}

const HEADER = (schema: string) =>
  [
    `# yaml-language-server: $schema=${schema}`,
    '# The feeds this library follows (newsbridge feeds add URL, newsbridge refresh).',
    '# Each feed: url, and optionally name, fullText (true: fetch each item\'s page), translate (auto|off), translateBudget.',
    '',
  ].join('\n');

async function readDocument(library: string): Promise<Document> {
  const file = feedsFilePath(library);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    source = `${HEADER(path.join(packageRoot(), 'schema', 'feeds.schema.json'))}feeds: []\n`;
  }
  let doc: Document = parseDocument(source, YAML_OPTIONS);
  // An empty or odd file (a bare list, a scalar) is started afresh; loadFeeds refused anything broken before.
  if (!isMap(doc.contents)) doc = parseDocument(`${source.trimEnd()}\nfeeds: []\n`, YAML_OPTIONS);
  if (!isMap(doc.contents)) doc = parseDocument('feeds: []\n', YAML_OPTIONS);
  if (!isSeq(doc.get('feeds', true))) doc.set('feeds', new YAMLSeq());
  return doc;
}

/** The subscription as written to the file: what is left unset follows the config file's defaults. */
function entryOf(sub: FeedSubscription): Record<string, unknown> {
  return {
    url: sub.url,
    ...(sub.name ? { name: sub.name } : {}),
    ...(sub.fullText !== undefined ? { fullText: sub.fullText } : {}),
    ...(sub.translate !== undefined ? { translate: sub.translate } : {}),
    ...(sub.translateBudget !== undefined ? { translateBudget: sub.translateBudget } : {}),
  };
}

function flowFree(doc: Document): YAMLSeq {
  const list = doc.get('feeds', true) as YAMLSeq;
  // `feeds: []` is a flow sequence; entries added to it would be written inline.
  list.flow = false;
  return list;
}

/** Appends a subscription to the library's feeds.yaml (made when missing). */
export async function addFeed(library: string, sub: FeedSubscription): Promise<void> {
  const doc = await readDocument(library);
  flowFree(doc).add(doc.createNode(entryOf(sub)));
  await writeFileAtomic(feedsFilePath(library), doc.toString({ lineWidth: 0 }), 0o644);
}

/** Removes the subscription at `index` (its position in loadFeeds' list). */
export async function removeFeedAt(library: string, index: number): Promise<void> {
  const doc = await readDocument(library);
  flowFree(doc).delete(index);
  await writeFileAtomic(feedsFilePath(library), doc.toString({ lineWidth: 0 }), 0o644);
}

/** Appends several subscriptions at once (OPML import). */
export async function addFeeds(library: string, subs: readonly FeedSubscription[]): Promise<void> {
  if (subs.length === 0) return;
  const doc = await readDocument(library);
  const list = flowFree(doc);
  for (const sub of subs) list.add(doc.createNode(entryOf(sub)));
  await writeFileAtomic(feedsFilePath(library), doc.toString({ lineWidth: 0 }), 0o644);
}

/** The feed called `nameOrUrl` (its name, label or URL; names without regard to case). */
export function findFeed(feeds: readonly Feed[], nameOrUrl: string): Feed | undefined {
  const wanted = nameOrUrl.trim();
  return (
    feeds.find((f) => f.url === wanted) ??
    feeds.find((f) => f.label === wanted) ??
    feeds.find((f) => f.label.toLocaleLowerCase('de') === wanted.toLocaleLowerCase('de'))
  );
}
