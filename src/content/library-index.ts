/**
 * Listing a large library fast: summaries are kept in an index in the XDG
 * cache directory, keyed by each file's size and modification time, and only
 * articles whose files changed are read again. The reader may also trust the
 * index for its first frame and check the files right after
 * (stale-while-revalidate), since checking 20,000 files takes a while.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { ArticleSummary, LibraryEntry, Translation } from './article.js';
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../storage/atomic-file.js';
import { displayWidth } from '../text/display-width.js';
import { BUILD_ID, cacheFile } from './file-cache.js';
import { FILES, isArticleId } from './library-paths.js';
import type * as LoadArticleModule from './load-article.js';
import type { LibraryRoot } from './load-article.js';

const VERSION = `index-6:${BUILD_ID ?? 'dev'}`;

/** How many of the newest entries the index's head holds: more than any screen shows. */
const HEAD_SIZE = 200;

/**
 * [de size, de mtime, en size, en mtime, entry]; -1 for a missing English
 * file. A good entry is stored as a flat array (10,000 of these are parsed at
 * start-up, and repeated keys would double the file), a broken one as is.
 */
type StoredEntry =
  | [string, string | 0, string, string | null, number, string | 0, Translation]
  | [string, string | 0, string, string | null, number, string | 0, Translation, string | 0, string | 0]
  | Extract<LibraryEntry, { ok: false }>;
type IndexRecord = [number, number, number, number, StoredEntry];

function pack(entry: LibraryEntry): StoredEntry {
  if (!entry.ok) return entry;
  const s = entry.summary;
  const packed: StoredEntry = [s.title.de, s.title.en ?? 0, s.source, s.published, s.time, s.url ?? 0, s.translation];
  // Only articles from a feed carry the two more fields: the rest stay as short as before.
  return s.feed || s.guid ? [...packed, s.feed ?? 0, s.guid ?? 0] : packed;
}

function unpack(id: string, stored: StoredEntry): LibraryEntry {
  if (!Array.isArray(stored)) return stored;
  const [de, en, source, published, time, url, translation, feed, guid] = stored;
  const summary: ArticleSummary = {
    id,
    title: en ? { de, en } : { de },
    source,
    published,
    time,
    translation,
    ...(url ? { url } : {}),
    ...(feed ? { feed } : {}),
    ...(guid ? { guid } : {}),
  };
  return { ok: true, id, summary };
}

export interface IndexedListing {
  entries: LibraryEntry[];
  /** Writes the index back if anything changed. */
  save: () => void;
  /**
   * With `trust`: checks the files behind the entries taken from the index
   * unchecked, and resolves with the corrected list (or null if all were fresh).
   */
  revalidate: () => Promise<LibraryEntry[] | null>;
}

type Folder = { name: string; link: boolean };
type Loader = typeof LoadArticleModule;

/** The two files' keys, or null when the folder needs the careful path (links, odd files). */
function fileKeys(root: LibraryRoot, name: string): [number, number, number, number] | null {
  const dir = path.join(root.real, name);
  const de = lstatSync(path.join(dir, FILES.de), { throwIfNoEntry: false });
  const en = lstatSync(path.join(dir, FILES.en), { throwIfNoEntry: false });
  if (!de || !de.isFile() || (en && !en.isFile())) return null;
  return [de.size, de.mtimeMs, en ? en.size : -1, en ? en.mtimeMs : -1];
}

const sameKeys = (a: IndexRecord | undefined, k: readonly number[]) => a !== undefined && a[0] === k[0] && a[1] === k[1] && a[2] === k[2] && a[3] === k[3];

/** Width of the widest source name (the source column of the library list). */
export function widestSource(entries: readonly LibraryEntry[]): number {
  return entries.reduce((w, e) => (e.ok ? Math.max(w, displayWidth(e.summary.source)) : w), 6);
}

/** Newest first; broken entries after the good ones, by id. */
export function sortEntries(entries: LibraryEntry[]): LibraryEntry[] {
  return entries.sort((a, b) => {
    if (a.ok && b.ok) return b.summary.time - a.summary.time || a.id.localeCompare(b.id);
    if (a.ok !== b.ok) return a.ok ? -1 : 1;
    return a.id.localeCompare(b.id);
  });
}

/**
 * The index file is two JSON lines: a head (the newest entries, the count and
 * the widest source name: all the library's first frame needs) and then every
 * record. The head is read alone before the first frame, the rest after it.
 */
interface IndexHead {
  version: string;
  library: string;
  count: number;
  sourceWidth: number;
  head: [string, StoredEntry][];
}

/** The newest entries as the index last saw them, for a first frame; null without a usable index. */
export function readIndexHead(cacheDir: string, root: LibraryRoot): { count: number; sourceWidth: number; entries: LibraryEntry[] } | null {
  try {
    const text = readFileSync(cacheFile(cacheDir, 'index', root), 'utf8');
    const newline = text.indexOf('\n');
    const head = JSON.parse(newline < 0 ? text : text.slice(0, newline)) as IndexHead;
    if (head.version !== VERSION || head.library !== root.real || !Array.isArray(head.head)) return null;
    return { count: head.count, sourceWidth: head.sourceWidth, entries: head.head.map(([id, stored]) => unpack(id, stored)) };
  } catch {
    return null;
  }
}

function readIndex(file: string, root: LibraryRoot): Record<string, IndexRecord> {
  try {
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    const head = JSON.parse(text.slice(0, newline)) as IndexHead;
    if (head.version !== VERSION || head.library !== root.real) return {};
    const body = JSON.parse(text.slice(newline + 1)) as { records?: Record<string, IndexRecord> };
    return body.records && typeof body.records === 'object' ? body.records : {};
  } catch {
    // No index yet, or an unreadable one: it is only a cache.
    return {};
  }
}

function writeIndex(file: string, root: LibraryRoot, records: Record<string, IndexRecord>): void {
  const entries = sortEntries(Object.entries(records).map(([id, record]) => unpack(id, record[4])));
  const head: IndexHead = {
    version: VERSION,
    library: root.real,
    count: entries.length,
    sourceWidth: widestSource(entries),
    head: entries.slice(0, HEAD_SIZE).map((e) => [e.id, pack(e)]),
  };
  try {
    writeFileAtomicSync(file, `${JSON.stringify(head)}\n${JSON.stringify({ records })}`);
  } catch {
    // Read-only cache folder, full disk: carry on without.
  }
}

/**
 * Summaries of the given article folders, from the index where their files are
 * unchanged. Folders or files that are links take the careful path (loadSummary).
 */
export async function summariesWithIndex(
  root: LibraryRoot,
  folders: readonly Folder[],
  cacheDir: string | null,
  options: { trust?: boolean } = {},
): Promise<IndexedListing> {
  const file = cacheDir ? cacheFile(cacheDir, 'index', root) : null;
  let records: Record<string, IndexRecord> = file ? readIndex(file, root) : {};
  let dirty = file !== null && Object.keys(records).length !== folders.length;
  // The parsers (zod, yaml) load only when an article has to be read: a warm
  // index gives the first frame without them.
  let loader: Loader | null = null;
  const load = async () => (loader ??= await import('./load-article.js'));

  /** The entry of one folder: from the index when its keys match, else read now. */
  const entryOf = async (folder: Folder, keys: [number, number, number, number] | null): Promise<LibraryEntry> => {
    const { name } = folder;
    if (folder.link || !isArticleId(name) || keys === null) {
      delete records[name];
      return (await load()).loadSummary(root, name);
    }
    const cached = records[name];
    if (cached && sameKeys(cached, keys)) return unpack(name, cached[4]);
    const entry = (await load()).loadSummarySync(root, name, { de: { size: keys[0] }, en: keys[2] < 0 ? null : { size: keys[2] } });
    records[name] = [...keys, pack(entry)];
    dirty = true;
    return entry;
  };

  const unchecked: Folder[] = [];
  const entries: LibraryEntry[] = [];
  for (const folder of folders) {
    const cached = records[folder.name];
    if (options.trust && cached && !folder.link && isArticleId(folder.name)) {
      entries.push(unpack(folder.name, cached[4]));
      unchecked.push(folder);
    } else {
      entries.push(await entryOf(folder, folder.link || !isArticleId(folder.name) ? null : fileKeys(root, folder.name)));
    }
  }
  // Forget records of folders that are gone.
  if (Object.keys(records).length !== folders.length) {
    const present = new Set(folders.map((f) => f.name));
    for (const name of Object.keys(records)) if (!present.has(name)) delete records[name];
    dirty = file !== null;
  }

  const save = () => {
    if (file && dirty) writeIndex(file, root, records);
    dirty = false;
  };
  const revalidate = async (): Promise<LibraryEntry[] | null> => {
    if (unchecked.length === 0) return null;
    let changed = false;
    const byName = new Map(entries.map((e) => [e.id, e]));
    for (const folder of unchecked) {
      const keys = fileKeys(root, folder.name);
      if (keys && sameKeys(records[folder.name], keys)) continue;
      byName.set(folder.name, await entryOf(folder, keys));
      changed = true;
    }
    unchecked.length = 0;
    save();
    // The index is no longer needed in memory once written.
    records = {};
    return changed ? folders.map((f) => byName.get(f.name)).filter((e): e is LibraryEntry => e !== undefined) : null;
  };
  return { entries, save, revalidate };
}
