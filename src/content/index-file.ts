/**
 * The library index on disk: a cache of every article's summary in the XDG cache directory,
 * keyed by the size and modification time of its two article files.
 *
 * The file is JSON lines: first a head (the newest entries, the count and the widest source
 * name: all the library's first frame needs), then the records, a hundred to a line,
 * by folder name. The head is read alone before the first frame; the records are parsed a
 * line at a time from the file's bytes, so a 100,000-article index never exists as one
 * string or one parsed object beside the summaries made from it.
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { ArticleSummary, LibraryEntry, Translation } from './article.js';
import type { Diagnostic } from './diagnostic.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { writeLinesAtomic, writeLinesAtomicSync } from '../storage/atomic-file.js';
import { displayWidth } from '../text/display-width.js';
import { BUILD_ID, cacheFile } from './file-cache.js';
import { isArticleId } from './library-paths.js';
import type { LibraryRoot } from './load-article.js';

/** Written into the head: an index of another format or build is ignored. */
export const INDEX_VERSION = `index-7:${BUILD_ID ?? 'dev'}`;

/** How many of the newest entries the index's head holds: more than any screen shows. */
export const HEAD_SIZE = 200;

/** Records per line of the file. */
const RECORDS_PER_LINE = 100;

/** The two files' sizes and modification times ([de size, de mtime, en size, en mtime]; -1 for a missing English file). */
export type FileKeys = readonly [number, number, number, number];

/**
 * A summary as stored: a flat array (repeated keys would double the file), a broken entry
 * as it is. [title de, title en | 0, source, published | null, time, url | 0, translation,
 * feed | 0, guid | 0]; the last two only for articles from a feed.
 */
export type StoredEntry =
  | [string, string | 0, string, string | null, number, string | 0, Translation]
  | [string, string | 0, string, string | null, number, string | 0, Translation, string | 0, string | 0]
  | Extract<LibraryEntry, { ok: false }>;

/** One record of the file: the folder name, its keys, its summary. */
export type StoredRecord = [string, number, number, number, number, StoredEntry];

/** Every record of an index, by folder name (ascending), as parallel arrays. */
export interface IndexTable {
  names: string[];
  /** Four numbers per name (see FileKeys); NaN where the files must be read again. */
  keys: Float64Array;
  entries: LibraryEntry[];
}

export function pack(entry: LibraryEntry): StoredEntry {
  if (!entry.ok) return entry;
  const s = entry.summary;
  const packed: StoredEntry = [s.title.de, s.title.en ?? 0, s.source, s.published, s.time, s.url ?? 0, s.translation];
  // Only articles from a feed carry the two more fields: the rest stay as short as before.
  return s.feed || s.guid ? [...packed, s.feed ?? 0, s.guid ?? 0] : packed;
}

const TRANSLATIONS = new Set<unknown>(['reviewed', 'machine', 'draft', 'untranslated']);
const isText = (v: unknown): v is string => typeof v === 'string';
const textOrZero = (v: unknown): v is string | 0 => v === 0 || typeof v === 'string';

/**
 * Strings that thousands of summaries share (a source's name, a feed's URL) are kept once:
 * the parser makes a new string for every occurrence.
 */
export class StringPool {
  private readonly known = new Map<string, string>();
  share<T extends string | undefined>(text: T): T {
    if (text === undefined) return text;
    const found = this.known.get(text);
    if (found !== undefined) return found as T;
    // A pool of a library's sources and feeds stays small; anything beyond is not shared.
    if (this.known.size < 10_000) this.known.set(text, text);
    return text;
  }
}

function storedDiagnostics(value: unknown): value is Diagnostic[] {
  return (
    Array.isArray(value) &&
    value.every(
      (d: unknown) =>
        typeof d === 'object' &&
        d !== null &&
        isText((d as Diagnostic).file) &&
        isText((d as Diagnostic).message) &&
        ((d as Diagnostic).severity === 'error' || (d as Diagnostic).severity === 'warning') &&
        ((d as Diagnostic).line === undefined || typeof (d as Diagnostic).line === 'number'),
    )
  );
}

/**
 * The entry of a stored record; null when it is not one this program wrote (the record is then
 * read again). `forList` leaves out the article's URL and feed identity (guid), which the library
 * list does not need: they are a quarter of a summary's memory (at 100,000 articles, 14 MB),
 * and the index on disk keeps them for refresh and for `o` (see rewriteIndex).
 */
export function unpack(id: string, stored: unknown, pool?: StringPool, forList = false): LibraryEntry | null {
  if (!Array.isArray(stored)) {
    const broken = stored as Partial<Extract<LibraryEntry, { ok: false }>> | null;
    if (broken && broken.ok === false && broken.id === id && storedDiagnostics(broken.errors)) return { ok: false, id, errors: broken.errors };
    return null;
  }
  const [de, en, source, published, time, url, translation, feed = 0, guid = 0] = stored as unknown[];
  if (!isText(de) || !textOrZero(en) || !isText(source) || !(published === null || isText(published)) || typeof time !== 'number') return null;
  if (!textOrZero(url) || !TRANSLATIONS.has(translation) || !textOrZero(feed) || !textOrZero(guid)) return null;
  const summary: ArticleSummary = {
    id,
    title: en ? { de, en } : { de },
    source: pool ? pool.share(source) : source,
    published,
    time,
    translation: translation as Translation,
    ...(url && !forList ? { url } : {}),
    ...(feed ? { feed: pool ? pool.share(feed) : feed } : {}),
    ...(guid && !forList ? { guid } : {}),
  };
  return { ok: true, id, summary };
}

/** Width of the widest source name (the source column of the library list). */
export function widestSource(entries: readonly LibraryEntry[]): number {
  return entries.reduce((w, e) => (e.ok ? Math.max(w, displayWidth(e.summary.source)) : w), 6);
}

/** Newest first; broken entries after the good ones, by id. */
export function compareEntries(a: LibraryEntry, b: LibraryEntry): number {
  if (a.ok && b.ok) return b.summary.time - a.summary.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (a.ok !== b.ok) return a.ok ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sorts in place, newest first (see compareEntries). */
export function sortEntries(entries: LibraryEntry[]): LibraryEntry[] {
  return entries.sort(compareEntries);
}

interface IndexHead {
  version: string;
  library: string;
  count: number;
  sourceWidth: number;
  head: [string, StoredEntry][];
}

/**
 * `read` of `file` opened; null when it cannot be opened, or `read` fails (another build's
 * index, a cut or garbled one, one that cannot be read: the index is only a cache).
 */
function withOpenFile<T>(file: string, read: (fd: number) => T): T | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    return read(fd);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The first line of the file, read without reading the rest; null when there is none. */
function readFirstLine(file: string): string | null {
  return withOpenFile(file, (fd) => {
    let buffer = Buffer.alloc(128 * 1024);
    let filled = 0;
    for (;;) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, filled);
      const newline = buffer.indexOf(10, filled);
      filled += read;
      if (newline >= 0 && newline < filled) return buffer.toString('utf8', 0, newline);
      if (read === 0) return filled > 0 ? buffer.toString('utf8', 0, filled) : null;
      if (filled === buffer.length) {
        const bigger = Buffer.alloc(buffer.length * 2);
        buffer.copy(bigger);
        buffer = bigger;
      }
    }
  });
}

function parseHead(line: string, root: LibraryRoot): IndexHead | null {
  try {
    const head = JSON.parse(line) as Partial<IndexHead> | null;
    if (!head || head.version !== INDEX_VERSION || head.library !== root.real) return null;
    if (typeof head.count !== 'number' || typeof head.sourceWidth !== 'number' || !Array.isArray(head.head)) return null;
    return head as IndexHead;
  } catch {
    return null;
  }
}

/** The newest entries as the index last saw them, for a first frame; null without a usable index. */
export function readIndexHead(cacheDir: string, root: LibraryRoot): { count: number; sourceWidth: number; entries: LibraryEntry[] } | null {
  const line = readFirstLine(cacheFile(cacheDir, 'index', root));
  const head = line === null ? null : parseHead(line, root);
  if (!head) return null;
  const entries: LibraryEntry[] = [];
  for (const item of head.head) {
    const entry = Array.isArray(item) && isText(item[0]) && isArticleId(item[0]) ? unpack(item[0], item[1]) : null;
    if (!entry) return null;
    entries.push(entry);
  }
  return { count: head.count, sourceWidth: head.sourceWidth, entries };
}

/**
 * The index is written in ASCII (every other character escaped by JSON): decoding it is then
 * a copy, several times faster than UTF-8 for 40 MB. A line that is not ASCII is still read right.
 */
function decode(buffer: Buffer, start: number, end: number): string {
  return isAscii(buffer.subarray(start, end)) ? buffer.toString('latin1', start, end) : buffer.toString('utf8', start, end);
}

/** JSON with every character beyond ASCII escaped (see decode). */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The lines of an open file, read a piece at a time (the whole file is never in memory at once). */
function* fileLines(fd: number): Generator<string> {
  let buffer = Buffer.alloc(1 << 20);
  let filled = 0;
  let position = 0;
  for (;;) {
    if (filled === buffer.length) {
      // A line longer than the buffer: a bigger one.
      const bigger = Buffer.alloc(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, filled, buffer.length - filled, position);
    position += read;
    filled += read;
    let start = 0;
    for (let newline = buffer.indexOf(10, start); newline >= 0 && newline < filled; newline = buffer.indexOf(10, start)) {
      yield decode(buffer, start, newline);
      start = newline + 1;
    }
    if (read === 0) {
      if (start < filled) yield decode(buffer, start, filled);
      return;
    }
    buffer.copy(buffer, 0, start, filled);
    filled -= start;
  }
}

/** A record as read back: the folder name, its keys, its entry. */
type IndexRecord = [string, number, number, number, number, LibraryEntry];

/** Thrown when a file is not an index this build wrote for this library. */
class NotAnIndex extends Error {}

/**
 * The records of the index file open as `fd`, checked, by folder name: a record this program
 * would not have written is left out (its article is read again). Throws for a file of another
 * build or library (NotAnIndex), or one that does not parse.
 */
function* indexRecords(fd: number, root: LibraryRoot, pool: StringPool, forList: boolean): Generator<IndexRecord> {
  let first = true;
  let last = '';
  for (const line of fileLines(fd)) {
    if (first) {
      if (!parseHead(line, root)) throw new NotAnIndex();
      first = false;
      continue;
    }
    if (line === '') continue;
    const records = JSON.parse(line) as unknown;
    if (!Array.isArray(records)) throw new NotAnIndex();
    for (const record of records as unknown[]) {
      if (!Array.isArray(record) || record.length !== 6) continue;
      const [name, k0, k1, k2, k3, stored] = record as unknown[];
      if (!isText(name) || !isArticleId(name) || name <= last) continue;
      if (typeof k0 !== 'number' || typeof k1 !== 'number' || typeof k2 !== 'number' || typeof k3 !== 'number') continue;
      const entry = unpack(name, stored, pool, forList);
      if (!entry) continue;
      last = name;
      yield [name, k0, k1, k2, k3, entry];
    }
  }
  if (first) throw new NotAnIndex();
}

/**
 * Every record of the index file written by this build for this library, by folder name;
 * null when there is no such file (see indexRecords). `forList`: the entries leave out what
 * only the index and refresh need (see unpack).
 */
export function readIndexTable(file: string, root: LibraryRoot, options: { forList?: boolean } = {}): IndexTable | null {
  return withOpenFile(file, (fd) => {
    const names: string[] = [];
    const keys: number[] = [];
    const entries: LibraryEntry[] = [];
    for (const [name, k0, k1, k2, k3, entry] of indexRecords(fd, root, new StringPool(), options.forList ?? false)) {
      names.push(name);
      keys.push(k0, k1, k2, k3);
      entries.push(entry);
    }
    return { names, keys: Float64Array.from(keys), entries };
  });
}

/** What an index's head says of its records: how many, the widest source, the HEAD_SIZE newest (found without sorting them all). */
class HeadOf {
  private count = 0;
  private sourceWidth = widestSource([]);
  private readonly newest: LibraryEntry[] = [];

  add(entry: LibraryEntry): void {
    this.count++;
    if (entry.ok) this.sourceWidth = Math.max(this.sourceWidth, displayWidth(entry.summary.source));
    // Kept in order, newest first: an entry goes where a binary search puts it (records come by
    // name, so mostly oldest first, and each would otherwise travel past all the others).
    const kept = this.newest;
    if (kept.length === HEAD_SIZE && compareEntries(entry, kept[HEAD_SIZE - 1] as LibraryEntry) >= 0) return;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(kept[mid] as LibraryEntry, entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, entry);
    if (kept.length > HEAD_SIZE) kept.pop();
  }

  head(root: LibraryRoot): IndexHead {
    return { version: INDEX_VERSION, library: root.real, count: this.count, sourceWidth: this.sourceWidth, head: this.newest.map((e) => [e.id, pack(e)]) };
  }
}

/** The lines of an index file: its head, then the records, RECORDS_PER_LINE to a line. */
function* indexLines(head: IndexHead, records: Iterable<IndexRecord>): Generator<string> {
  yield `${asciiJson(head)}\n`;
  let line: StoredRecord[] = [];
  for (const [name, k0, k1, k2, k3, entry] of records) {
    line.push([name, k0, k1, k2, k3, pack(entry)]);
    if (line.length === RECORDS_PER_LINE) {
      yield `${asciiJson(line)}\n`;
      line = [];
    }
  }
  if (line.length > 0) yield `${asciiJson(line)}\n`;
}

/** The records of `table` with keys (those with NaN keys are to be read again, not kept). */
function* tableRecords(table: IndexTable): Generator<IndexRecord> {
  const { names, keys, entries } = table;
  for (let i = 0; i < names.length; i++) {
    const k = i * 4;
    if (Number.isNaN(keys[k])) continue;
    yield [names[i] as string, keys[k] as number, keys[k + 1] as number, keys[k + 2] as number, keys[k + 3] as number, entries[i] as LibraryEntry];
  }
}

/** Writes the index of `table` (records whose keys are NaN are left out); failure only costs speed next time. */
export function writeIndexTable(file: string, root: LibraryRoot, table: IndexTable): void {
  const head = new HeadOf();
  for (const record of tableRecords(table)) head.add(record[5]);
  try {
    writeLinesAtomicSync(file, indexLines(head.head(root), tableRecords(table)));
  } catch {
    // Read-only cache folder, full disk: carry on without.
  }
}

/** The names of the records `changes` adds or replaces, sorted. */
const addedNames = (changes: ReadonlyMap<string, StoredRecord | null>): string[] => [...changes.keys()].filter((name) => changes.get(name) !== null).sort();

/**
 * `records` (by name) with `changes` (name → its record, or null for a folder that is gone)
 * merged in by name; `added` is addedNames(changes).
 */
function* mergeRecords(records: Iterable<IndexRecord>, changes: ReadonlyMap<string, StoredRecord | null>, added: readonly string[]): Generator<IndexRecord> {
  let a = 0;
  const change = (name: string): IndexRecord | null => {
    const [, k0, k1, k2, k3, stored] = changes.get(name) as StoredRecord;
    if (Number.isNaN(k0)) return null;
    const entry = unpack(name, stored);
    return entry ? [name, k0, k1, k2, k3, entry] : null;
  };
  for (const record of records) {
    const name = record[0];
    while (a < added.length && (added[a] as string) < name) {
      const made = change(added[a++] as string);
      if (made) yield made;
    }
    if (added[a] === name) a++;
    if (!changes.has(name)) yield record;
    else if (changes.get(name)) {
      const made = change(name);
      if (made) yield made;
    }
  }
  while (a < added.length) {
    const made = change(added[a++] as string);
    if (made) yield made;
  }
}

/** Most milliseconds a rewrite of the index works before it awaits its `pause`. */
const SLICE_MS = 8;

/** The items of `items`, with `pause` awaited whenever `sliceMs` have gone by since the last; stops (throws) once `signal` aborts. */
async function* inSlices<T>(items: Iterable<T>, pause: () => Promise<void>, sliceMs: number, signal: AbortSignal | undefined): AsyncGenerator<T> {
  let start = performance.now();
  for (const item of items) {
    yield item;
    if (performance.now() - start >= sliceMs) {
      await pause();
      signal?.throwIfAborted();
      start = performance.now();
    }
  }
}

/** Whether `file` is still the file open as `fd` (no other writer has put a new one in its place). */
function stillOpen(fd: number, file: string): boolean {
  try {
    const [open, now] = [fstatSync(fd), statSync(file)];
    return open.ino === now.ino && open.dev === now.dev && open.mtimeMs === now.mtimeMs && open.size === now.size;
  } catch {
    return false;
  }
}

export interface RewriteOptions {
  /** `changes` hold every record: the index is made from them alone (there was none to change). */
  whole?: boolean;
  /** What the work awaits between its slices of a few milliseconds (default: the next turn of the event loop). */
  pause?: () => Promise<void>;
  /** Milliseconds of a slice (default SLICE_MS). */
  sliceMs?: number;
  /** Stops the work (the old file stays as it was): the reader quits. */
  signal?: AbortSignal | undefined;
}

/**
 * Writes the index file anew with `changes` (name → its record, or null for a folder that is
 * gone) merged into its records, reading the old file as it goes, twice (the head, written
 * first, needs all of them): the records are never all in memory, and the entries of a list
 * held for reading (without URLs, see unpack) are never what is written. A few milliseconds
 * at a time, so a reader's keys are not held up. When another writer (a refresh) has put a
 * new file in place meanwhile, that one is kept: the index only costs speed when it lags.
 * False when there is no index of this build to change.
 */
export async function rewriteIndex(file: string, root: LibraryRoot, changes: ReadonlyMap<string, StoredRecord | null>, options: RewriteOptions = {}): Promise<boolean> {
  const { signal } = options;
  const pause = options.pause ?? (() => nextTurn());
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const added = addedNames(changes);
  let fd: number | null = null;
  if (!options.whole) {
    try {
      fd = openSync(file, 'r');
    } catch {
      return false;
    }
  }
  try {
    const pool = new StringPool();
    const records = () => mergeRecords(fd === null ? [] : indexRecords(fd, root, pool, false), changes, added);
    const head = new HeadOf();
    try {
      for await (const record of inSlices(records(), pause, sliceMs, signal)) head.add(record[5]);
    } catch {
      // Another build's file, a cut or garbled one (nothing to change), or stopped.
      return false;
    }
    const opened = fd;
    try {
      await writeLinesAtomic(file, inSlices(indexLines(head.head(root), records()), pause, sliceMs, signal), {
        keepIf: () => opened === null || stillOpen(opened, file),
      });
    } catch {
      // Read-only cache folder, full disk, stopped, or the file cut meanwhile: carry on without.
    }
    return true;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** `table` with `changes` (name → its record, or null for a folder that is gone) merged in by name; `forList` as for unpack. */
export function mergeIntoTable(table: IndexTable, changes: ReadonlyMap<string, StoredRecord | null>, forList = false): IndexTable {
  const added = [...changes.keys()].filter((name) => changes.get(name) !== null).sort();
  const names: string[] = [];
  const keys: number[] = [];
  const entries: LibraryEntry[] = [];
  const pushRecord = (record: StoredRecord) => {
    const [name, k0, k1, k2, k3, stored] = record;
    names.push(name);
    keys.push(k0, k1, k2, k3);
    entries.push(unpack(name, stored, undefined, forList) ?? { ok: false, id: name, errors: [] });
  };
  let a = 0;
  for (let i = 0; i < table.names.length; i++) {
    const name = table.names[i] as string;
    while (a < added.length && (added[a] as string) < name) pushRecord(changes.get(added[a++] as string) as StoredRecord);
    if (changes.has(name)) {
      const record = changes.get(name);
      if (record) pushRecord(record);
      if (added[a] === name) a++;
      continue;
    }
    const k = i * 4;
    names.push(name);
    keys.push(table.keys[k] as number, table.keys[k + 1] as number, table.keys[k + 2] as number, table.keys[k + 3] as number);
    entries.push(table.entries[i] as LibraryEntry);
  }
  while (a < added.length) pushRecord(changes.get(added[a++] as string) as StoredRecord);
  return { names, keys: Float64Array.from(keys), entries };
}
