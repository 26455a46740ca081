/**
 * Listing a large library fast: summaries are kept in an index in the XDG
 * cache directory, keyed by each file's size and modification time, and only
 * articles whose files changed are read again.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from './article.js';
import { BUILD_ID, cacheFile, keyOf, readCache, sameKey, writeCache, type FileKey } from './file-cache.js';
import { FILES, isArticleId } from './library-paths.js';
import type * as LoadArticleModule from './load-article.js';
import type { LibraryRoot } from './load-article.js';

const VERSION = `index-1:${BUILD_ID ?? 'dev'}`;

interface IndexRecord {
  de: FileKey;
  en: FileKey | null;
  entry: LibraryEntry;
}

export interface IndexedListing {
  entries: LibraryEntry[];
  /** Writes the index back if anything changed. */
  save: () => void;
}

/**
 * Summaries of the given article folders, from the index where their files are
 * unchanged. Folders or files that are links take the careful path (loadSummary).
 */
export async function summariesWithIndex(
  root: LibraryRoot,
  folders: readonly { name: string; link: boolean }[],
  cacheDir: string | null,
): Promise<IndexedListing> {
  const file = cacheDir ? cacheFile(cacheDir, 'index', root) : null;
  const old = file ? readCache<IndexRecord>(file, VERSION, root) : {};
  const records: Record<string, IndexRecord> = {};
  const entries: LibraryEntry[] = [];
  let dirty = file !== null && Object.keys(old).length !== folders.length;
  const careful: Promise<void>[] = [];
  // The parsers (zod, yaml) load only when an article has to be read: a warm
  // index gives the first frame without them.
  let loader: typeof LoadArticleModule | null = null;
  const load = async () => (loader ??= await import('./load-article.js'));
  for (const { name, link } of folders) {
    if (!isArticleId(name) || link) {
      careful.push(load().then((l) => l.loadSummary(root, name)).then((e) => void entries.push(e)));
      continue;
    }
    const dir = path.join(root.real, name);
    const deStats = lstatSync(path.join(dir, FILES.de), { throwIfNoEntry: false });
    const enStats = lstatSync(path.join(dir, FILES.en), { throwIfNoEntry: false });
    if (!deStats || !deStats.isFile() || (enStats && !enStats.isFile())) {
      careful.push(load().then((l) => l.loadSummary(root, name)).then((e) => void entries.push(e)));
      continue;
    }
    const de = keyOf(deStats) as FileKey;
    const en = keyOf(enStats);
    const cached = old[name];
    if (cached && sameKey(cached.de, de) && sameKey(cached.en, en)) {
      records[name] = cached;
      entries.push(cached.entry);
      continue;
    }
    const entry = (loader ?? (await load())).loadSummarySync(root, name, { de, en });
    records[name] = { de, en, entry };
    entries.push(entry);
    dirty = true;
  }
  await Promise.all(careful);
  return { entries, save: () => {
      if (file && dirty) writeCache(file, VERSION, root, records);
      dirty = false;
    } };
}
