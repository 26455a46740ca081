/**
 * Listing a large library fast: summaries are kept in an index in the XDG cache directory
 * (see index-file.ts), keyed by each file's size and modification time, and only articles
 * whose files changed are read again — in worker threads when there are many, the newest
 * (by folder name) first, so a caller can show them while the rest is read. The reader may
 * also trust the index for its first frame and check the files right after
 * (stale-while-revalidate), since checking 200,000 files takes a while.
 */
import type { LibraryEntry } from './article.js';
import { cacheFile } from './file-cache.js';
import { readIndexTable, sortEntries, unpack, writeIndexTable, type IndexTable, type StoredEntry } from './index-file.js';
import { isArticleId } from './library-paths.js';
import type { LibraryRoot } from './load-article.js';
import { runSummaryJobs, type PoolOptions } from './summary-pool.js';
import type { ReadRecord, SummaryJob } from './summary-job.js';

export { readIndexHead, sortEntries, widestSource } from './index-file.js';

/** An article folder as the library folder lists it. */
export interface Folder {
  name: string;
  link: boolean;
}

/** How a listing goes, and what it tells its caller on the way. */
export interface ListingOptions extends PoolOptions {
  /** Take the entries from the index unchecked; `revalidate()` checks the files afterwards. */
  trust?: boolean | undefined;
  /**
   * Called once, as soon as the newest articles are known (after the first batch when the
   * summaries have to be read): up to `firstCount` entries, newest first, and the number of
   * article folders. Folders are read newest first by name (ids begin with their date), so
   * these are the newest articles unless some id does not; the resolved list is exact.
   */
  onFirst?: ((newest: LibraryEntry[], total: number) => void) | undefined;
  /** Folders whose summary is known so far, and in all; called after each batch. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** How many entries onFirst gets (default 100: more than a screen's rows). */
  firstCount?: number | undefined;
}

export interface IndexedListing {
  /** Every entry, newest first. */
  entries: LibraryEntry[];
  /** Writes the index back if anything changed. */
  save: () => void;
  /**
   * With `trust`: checks the folders and files behind the entries taken from the index
   * unchecked, and resolves with the corrected list, newest first (or null if all were right).
   */
  revalidate: () => Promise<LibraryEntry[] | null>;
}

/** Articles read per batch (the first batch is `firstCount`). */
const READ_BATCH = 400;
/** Folders checked per batch. */
const CHECK_BATCH = 4000;

const DATED = /^\d{4}-\d{2}-\d{2}/;

/** Newest first as far as names tell: dated ids by date, latest first, then the rest. */
function newestFirst(a: string, b: string): number {
  const da = DATED.test(a);
  if (da !== DATED.test(b)) return da ? -1 : 1;
  return da ? (a < b ? 1 : a > b ? -1 : 0) : a < b ? -1 : a > b ? 1 : 0;
}

/** The entry of a record read by a job. */
function entryOf(record: ReadRecord): LibraryEntry {
  const [name, , , , , stored] = record;
  return unpack(name, stored) ?? { ok: false, id: name, errors: [] };
}

interface Built {
  table: IndexTable;
  /** Whether anything differs from the index it started from (a file read again, a folder come or gone). */
  changed: boolean;
}

/**
 * The index of `folders` (sorted by name), starting from `old`: unchanged records are kept
 * (their keys checked, unless the caller trusts them), the rest read. Folders that are links
 * or bad names take the careful path here and are not kept in the file (NaN keys).
 */
async function buildTable(root: LibraryRoot, folders: readonly Folder[], old: IndexTable | null, options: ListingOptions): Promise<Built> {
  const total = folders.length;
  const names = new Array<string>(total);
  const keys = new Float64Array(total * 4).fill(NaN);
  const entries = new Array<LibraryEntry | undefined>(total);
  const at = new Map<string, number>();
  const toCheck: number[] = [];
  const toRead: number[] = [];
  const careful: number[] = [];
  let changed = old === null || old.names.length !== total;
  let o = 0;
  for (let i = 0; i < total; i++) {
    const folder = folders[i] as Folder;
    // Both lists are sorted by name: walk them together.
    while (old && o < old.names.length && (old.names[o] as string) < folder.name) o++;
    const match = old && old.names[o] === folder.name ? o : -1;
    // The index's string is kept (the entry holds it already); the listing's is let go.
    names[i] = match >= 0 ? (old?.names[match] as string) : folder.name;
    at.set(names[i] as string, i);
    if (folder.link || !isArticleId(folder.name)) {
      careful.push(i);
      changed = true;
    } else if (match >= 0 && old) {
      keys.set(old.keys.subarray(match * 4, match * 4 + 4), i * 4);
      entries[i] = old.entries[match];
      toCheck.push(i);
    } else {
      toRead.push(i);
      changed = true;
    }
  }

  let done = total - toCheck.length - toRead.length - careful.length;
  const firstCount = options.firstCount ?? 100;
  let firstSent = false;
  const sendFirst = () => {
    if (firstSent || !options.onFirst) return;
    firstSent = true;
    const known = entries.filter((e): e is LibraryEntry => e !== undefined);
    options.onFirst(sortEntries(known).slice(0, firstCount), total);
  };

  // Links and odd names: the careful path, here (there are few).
  if (careful.length > 0) {
    const { loadSummary } = await import('./load-article.js');
    for (const i of careful) entries[i] = await loadSummary(root, names[i] as string);
    done += careful.length;
  }

  // Reading goes newest first; checking in name order (all of it is done before anything shows).
  toRead.sort((a, b) => newestFirst(names[a] as string, names[b] as string));
  const jobs: SummaryJob[] = [];
  const batches: number[][] = [];
  const add = (indices: number[], known: boolean) => {
    batches.push(indices);
    const job: SummaryJob = { root, names: indices.map((i) => names[i] as string) };
    if (known) {
      const k = new Float64Array(indices.length * 4);
      indices.forEach((i, j) => k.set(keys.subarray(i * 4, i * 4 + 4), j * 4));
      job.known = k;
    }
    jobs.push(job);
  };
  if (toRead.length > 0) add(toRead.slice(0, firstCount), false);
  for (let from = firstCount; from < toRead.length; from += READ_BATCH) add(toRead.slice(from, from + READ_BATCH), false);
  for (let from = 0; from < toCheck.length; from += CHECK_BATCH) add(toCheck.slice(from, from + CHECK_BATCH), true);

  await runSummaryJobs(jobs, toRead.length + toCheck.length / 10, options, (job, records) => {
    for (const record of records) {
      const i = at.get(record[0]);
      if (i === undefined) continue;
      keys.set(record.slice(1, 5) as number[], i * 4);
      entries[i] = entryOf(record);
      changed = true;
    }
    done += (batches[job] as number[]).length;
    if (job === 0 && toRead.length > 0) sendFirst();
    options.onProgress?.(done, total);
  });
  sendFirst();
  return { table: { names, keys, entries: entries as LibraryEntry[] }, changed };
}

/**
 * Summaries of every article folder, from the index where their files are unchanged, the
 * rest read (see ListingOptions for trusting the index, and for seeing the newest early).
 */
export async function summariesWithIndex(
  root: LibraryRoot,
  listFolders: () => Promise<Folder[]>,
  cacheDir: string | null,
  options: ListingOptions = {},
): Promise<IndexedListing> {
  const file = cacheDir ? cacheFile(cacheDir, 'index', root) : null;
  const old = file ? readIndexTable(file, root) : null;
  const noRevalidation = () => Promise.resolve(null);

  if (options.trust && old && old.names.length > 0) {
    const entries = sortEntries([...old.entries]);
    options.onFirst?.(entries.slice(0, options.firstCount ?? 100), entries.length);
    options.onProgress?.(entries.length, entries.length);
    let trusted: IndexTable | null = old;
    const revalidate = async (): Promise<LibraryEntry[] | null> => {
      const from = trusted;
      // Once: the index is not kept in memory after it.
      trusted = null;
      if (!from) return null;
      const built = await buildTable(root, await listFolders(), from, { signal: options.signal, threads: options.threads, workerFile: options.workerFile });
      if (!built.changed) return null;
      if (file) writeIndexTable(file, root, built.table);
      return sortEntries([...built.table.entries]);
    };
    return { entries, save: () => undefined, revalidate };
  }

  const built = await buildTable(root, await listFolders(), old, options);
  let dirty = file !== null && built.changed;
  let table: IndexTable | null = built.table;
  const save = () => {
    if (file && dirty && table) writeIndexTable(file, root, table);
    dirty = false;
    // The index is not needed in memory once written.
    table = null;
  };
  return { entries: sortEntries([...built.table.entries]), save, revalidate: noRevalidation };
}

/** A record as a job would make it, for writers that read one article themselves. */
export type { ReadRecord, StoredEntry };
