/**
 * Listing a large library fast: summaries are kept in an index in the XDG cache directory
 * (see index-file.ts), keyed by each file's size and modification time, and only articles
 * whose files changed are read again — in worker threads when there are many, the newest
 * (by folder name) first, so a caller can show them while the rest is read. The reader may
 * also trust the index for its first frame and check the files right after
 * (stale-while-revalidate), since checking 200,000 files takes a while.
 */
import { opendirSync, type Dir } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LibraryEntry } from './article.js';
import { cacheFile } from './file-cache.js';
import { mergeIntoTable, readIndexTable, rewriteIndex, sortEntries, unpack, writeIndexTable, type IndexTable } from './index-file.js';
import { isArticleId } from './library-paths.js';
import type { LibraryRoot } from './load-article.js';
import { runSummaryJobs, type PoolOptions } from './summary-pool.js';
import { fileKeys, sameKeys, type ReadRecord, type SummaryJob } from './summary-job.js';

export { readIndexHead, sortEntries, widestSource } from './index-file.js';

/** How a listing goes, and what it tells its caller on the way. */
export interface ListingOptions extends PoolOptions {
  /** Take the entries from the index unchecked; `revalidate()` checks the folders and files afterwards. */
  trust?: boolean | undefined;
  /**
   * Called once, as soon as the newest articles are known (after the first batch when
   * summaries have to be read): up to `firstCount` entries, newest first, and the number of
   * article folders. Folders are read newest first by name (ids begin with their date), so
   * these are the newest articles unless some id does not; the resolved list is exact.
   */
  onFirst?: ((newest: LibraryEntry[], total: number) => void) | undefined;
  /** Folders whose summary is known so far, and in all; called after each batch read. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** How many entries onFirst gets (default 100: more than a screen's rows). */
  firstCount?: number | undefined;
  /**
   * The entries are a reader's list: without what only the index needs (see unpack), the index
   * written from the records read and from itself (see rewriteIndex), never from them. `trust`
   * implies it.
   */
  forList?: boolean | undefined;
}

/**
 * What the walk of the folders awaits between its slices: by default the next turn of the event
 * loop. The reader passes one that also waits while keys are coming, so a background check of a
 * large library never stands between a key and its frame.
 */
export type Between = () => Promise<void>;

export interface IndexedListing {
  /** Every entry, newest first. */
  entries: LibraryEntry[];
  /**
   * Writes the index back if anything changed; with `trust`, resolves once the index that
   * revalidate() corrects (in the background) is written.
   */
  save: (between?: Between) => Promise<void>;
  /**
   * With `trust`: checks the folders and files behind the entries taken from the index
   * unchecked, and resolves with the corrected list, newest first (or null if all were right).
   */
  revalidate: (between?: Between) => Promise<LibraryEntry[] | null>;
}

/** Articles read per batch (the first batch is `firstCount`). */
const READ_BATCH = 400;
/** Most milliseconds the scan of the folders works before giving the event loop back. */
const SLICE_MS = 6;

const DATED = /^\d{4}-\d{2}-\d{2}/;

/** Newest first as far as names tell: dated ids by date, latest first, then the rest by name. */
function newestFirst(a: string, b: string): number {
  const da = DATED.test(a);
  if (da !== DATED.test(b)) return da ? -1 : 1;
  return da ? (a < b ? 1 : a > b ? -1 : 0) : a < b ? -1 : a > b ? 1 : 0;
}

/** Position of `name` in the sorted `names`, or -1. */
function find(names: readonly string[], name: string): number {
  let lo = 0;
  let hi = names.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = names[mid] as string;
    if (at === name) return mid;
    if (at < name) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** What the folders say against the index: what to read, and which records are gone. */
interface Scan {
  /** Folders to read, and whether each takes the careful path. */
  toRead: { name: string; careful: boolean }[];
  /** Positions in the index of folders that are gone. */
  removed: number[];
  /** Article folders found. */
  total: number;
}

/**
 * Walks the library folder as it is read (never holding the whole listing), comparing each
 * article folder with the index: a folder the index lacks, or whose files' keys changed, is
 * to be read. A few milliseconds at a time, so the keyboard is never held up. Without an
 * index, nothing is checked: every folder is to be read.
 */
async function scanFolders(root: LibraryRoot, table: IndexTable | null, signal: AbortSignal | undefined, between: Between = nextTurn): Promise<Scan> {
  const seen = new Uint8Array(table?.names.length ?? 0);
  const toRead: Scan['toRead'] = [];
  let total = 0;
  let dir: Dir | null = opendirSync(root.real, { bufferSize: 1024 });
  try {
    for (;;) {
      const sliceStart = performance.now();
      while (performance.now() - sliceStart < SLICE_MS) {
        const dirent = dir.readSync();
        if (dirent === null) {
          dir.closeSync();
          dir = null;
          break;
        }
        const { name } = dirent;
        const link = dirent.isSymbolicLink();
        if (name.startsWith('.') || !(link || dirent.isDirectory())) continue;
        total++;
        if (link || !isArticleId(name)) {
          toRead.push({ name, careful: true });
          continue;
        }
        const at = table ? find(table.names, name) : -1;
        if (at < 0 || !table) {
          toRead.push({ name, careful: false });
          continue;
        }
        seen[at] = 1;
        const keys = fileKeys(root, name);
        if (!keys || !sameKeys(table.keys, at, keys)) toRead.push({ name, careful: false });
      }
      if (dir === null) break;
      await between();
      if (signal?.aborted) throw new Error('aborted', { cause: signal.reason });
    }
  } finally {
    dir?.closeSync();
  }
  const removed: number[] = [];
  seen.forEach((s, i) => {
    if (s === 0) removed.push(i);
  });
  return { toRead, removed, total };
}

/** The entry of a record read by a job; `forList` as for unpack. */
function entryOf(record: ReadRecord, forList: boolean | undefined): LibraryEntry {
  const [name, , , , , stored] = record;
  return unpack(name, stored, undefined, forList) ?? { ok: false, id: name, errors: [] };
}

/**
 * The index brought up to date with the folders: `table` (null: none) checked against them,
 * and what is new or changed read (newest first, in workers when there is much of it).
 */
async function bringUpToDate(
  root: LibraryRoot,
  table: IndexTable | null,
  options: ListingOptions,
  between?: Between,
): Promise<{ table: IndexTable; changes: ReadonlyMap<string, ReadRecord | null>; changed: boolean }> {
  const scan = await scanFolders(root, table, options.signal, between);
  const { toRead, removed, total } = scan;
  toRead.sort((a, b) => newestFirst(a.name, b.name));
  const firstCount = options.firstCount ?? 100;
  const jobs: SummaryJob[] = [];
  const add = (part: Scan['toRead']) => {
    const careful = part.map((f) => f.careful);
    jobs.push({ root, names: part.map((f) => f.name), ...(careful.includes(true) ? { careful } : {}) });
  };
  if (toRead.length > 0) add(toRead.slice(0, firstCount));
  for (let from = firstCount; from < toRead.length; from += READ_BATCH) add(toRead.slice(from, from + READ_BATCH));

  const changes = new Map<string, ReadRecord | null>();
  for (const i of removed) changes.set(table?.names[i] as string, null);
  let done = total - toRead.length;
  let firstSent = false;
  const sendFirst = (records: readonly ReadRecord[]) => {
    if (firstSent || !options.onFirst) return;
    firstSent = true;
    // What the index says of the rest (unchecked), and what was just read.
    const fresh = new Set(records.map((r) => r[0]));
    const known = table ? table.entries.filter((e, i) => !fresh.has(e.id) && !changes.has(table.names[i] as string)) : [];
    options.onFirst(sortEntries([...known, ...records.map((r) => entryOf(r, options.forList))]).slice(0, firstCount), total);
  };

  await runSummaryJobs(jobs, toRead.length, options, (job, records) => {
    for (const record of records) changes.set(record[0], record);
    done += records.length;
    if (job === 0) sendFirst(records);
    options.onProgress?.(done, total);
  });
  sendFirst([]);
  const base = table ?? { names: [], keys: new Float64Array(0), entries: [] };
  return { table: changes.size > 0 ? mergeIntoTable(base, changes, options.forList) : base, changes, changed: changes.size > 0 || table === null };
}

/**
 * Summaries of every article folder, from the index where their files are unchanged, the
 * rest read (see ListingOptions for trusting the index, and for seeing the newest early).
 */
export async function summariesWithIndex(root: LibraryRoot, cacheDir: string | null, options: ListingOptions = {}): Promise<IndexedListing> {
  const file = cacheDir ? cacheFile(cacheDir, 'index', root) : null;
  const forList = options.trust === true || options.forList === true;
  const old = file ? readIndexTable(file, root, { forList }) : null;
  // Not `old` itself in `save`: a closure's variables are shared, and revalidate (kept as long as
  // the reader runs) would keep the whole table alive with it.
  const hadIndex = old !== null;

  if (options.trust && old && old.names.length > 0) {
    const entries = sortEntries([...old.entries]);
    options.onFirst?.(entries.slice(0, options.firstCount ?? 100), entries.length);
    options.onProgress?.(entries.length, entries.length);
    let trusted: IndexTable | null = old;
    // The rewrite of the index that revalidate starts; save resolves once it is done.
    let writing: Promise<unknown> = Promise.resolve();
    const revalidate = async (between?: Between): Promise<LibraryEntry[] | null> => {
      const from = trusted;
      // Once: the index is not kept in memory after it.
      trusted = null;
      if (!from) return null;
      const built = await bringUpToDate(root, from, { signal: options.signal, threads: options.threads, workerFile: options.workerFile, forList: true }, between);
      if (!built.changed) return null;
      // The index on disk is rewritten from itself (the list in memory lacks what it keeps), in
      // the background: the corrected list does not wait for it.
      if (file) writing = rewriteIndex(file, root, built.changes, { pause: between, signal: options.signal });
      return sortEntries([...built.table.entries]);
    };
    return { entries, save: () => writing.then(() => undefined), revalidate };
  }

  const built = await bringUpToDate(root, old, { ...options, forList });
  // What save writes, once: not kept in memory after it.
  let unsaved = built.changed ? built : null;
  const save = async (between?: Between) => {
    const write = unsaved;
    unsaved = null;
    if (!file || !write) return;
    // A reader's list lacks what the index keeps: the index is written anew from itself, a slice
    // at a time (or made from the records read, when there was none).
    if (forList) await rewriteIndex(file, root, write.changes, { whole: !hadIndex, signal: options.signal, ...(between ? { pause: between } : {}) });
    else writeIndexTable(file, root, write.table);
  };
  return { entries: sortEntries([...built.table.entries]), save, revalidate: () => Promise.resolve(null) };
}
