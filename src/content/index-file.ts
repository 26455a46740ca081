/**
 * The library index on disk: a cache of every article's summary in the XDG cache directory,
 * keyed by the size and modification time of its two article files.
 *
 * The file is JSON lines: first a head (the newest entries, the count and the widest source
 * name: all the library's first frame needs), then the records, a few thousand to a line,
 * by folder name. The head is read alone before the first frame; the records are parsed a
 * line at a time from the file's bytes, so a 100,000-article index never exists as one
 * string or one parsed object beside the summaries made from it.
 */
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import type { ArticleSummary, LibraryEntry, Translation } from './article.js';
import type { Diagnostic } from './diagnostic.js';
import { writeLinesAtomicSync } from '../storage/atomic-file.js';
import { displayWidth } from '../text/display-width.js';
import { BUILD_ID, cacheFile } from './file-cache.js';
import { isArticleId } from './library-paths.js';
import type { LibraryRoot } from './load-article.js';

/** Written into the head: an index of another format or build is ignored. */
export const INDEX_VERSION = `index-7:${BUILD_ID ?? 'dev'}`;

/** How many of the newest entries the index's head holds: more than any screen shows. */
export const HEAD_SIZE = 200;

/** Records per line of the file. */
const RECORDS_PER_LINE = 2000;

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

/** The entry of a stored record; null when it is not one this program wrote (the record is then read again). */
export function unpack(id: string, stored: unknown, pool?: StringPool): LibraryEntry | null {
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
    ...(url ? { url } : {}),
    ...(feed ? { feed: pool ? pool.share(feed) : feed } : {}),
    ...(guid ? { guid } : {}),
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

/** The first line of the file, read without reading the rest; null when there is none. */
function readFirstLine(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
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
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
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

/** The lines of a file, read a piece at a time (the whole file is never in memory at once). */
function* fileLines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  try {
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
  } finally {
    closeSync(fd);
  }
}

/**
 * Every record of the index file written by this build for this library, by folder name;
 * null when there is no such file. A record this program would not have written is left
 * out (its article is read again); a file that does not parse counts as absent.
 */
export function readIndexTable(file: string, root: LibraryRoot): IndexTable | null {
  const names: string[] = [];
  const keys: number[] = [];
  const entries: LibraryEntry[] = [];
  const pool = new StringPool();
  try {
    let first = true;
    for (const line of fileLines(file)) {
      if (first) {
        if (!parseHead(line, root)) return null;
        first = false;
        continue;
      }
      if (line === '') continue;
      const records = JSON.parse(line) as unknown;
      if (!Array.isArray(records)) return null;
      for (const record of records as unknown[]) {
        if (!Array.isArray(record) || record.length !== 6) continue;
        const [name, k0, k1, k2, k3, stored] = record as unknown[];
        if (!isText(name) || !isArticleId(name) || (names.length > 0 && name <= (names[names.length - 1] as string))) continue;
        if (typeof k0 !== 'number' || typeof k1 !== 'number' || typeof k2 !== 'number' || typeof k3 !== 'number') continue;
        const entry = unpack(name, stored, pool);
        if (!entry) continue;
        names.push(name);
        keys.push(k0, k1, k2, k3);
        entries.push(entry);
      }
    }
    if (first) return null;
  } catch {
    // No file, or a cut or garbled one: it is only a cache.
    return null;
  }
  return { names, keys: Float64Array.from(keys), entries };
}

/** Writes the index of `table` (records whose keys are NaN are left out); failure only costs speed next time. */
export function writeIndexTable(file: string, root: LibraryRoot, table: IndexTable): void {
  const { names, keys, entries } = table;
  const newest: LibraryEntry[] = [];
  const kept: number[] = [];
  for (let i = 0; i < names.length; i++) if (!Number.isNaN(keys[i * 4])) kept.push(i);
  // The head: the newest entries, found without sorting all of them.
  for (const i of kept) {
    const entry = entries[i] as LibraryEntry;
    if (newest.length < HEAD_SIZE) {
      newest.push(entry);
      if (newest.length === HEAD_SIZE) sortEntries(newest);
    } else if (compareEntries(entry, newest[HEAD_SIZE - 1] as LibraryEntry) < 0) {
      newest[HEAD_SIZE - 1] = entry;
      for (let j = HEAD_SIZE - 1; j > 0 && compareEntries(newest[j] as LibraryEntry, newest[j - 1] as LibraryEntry) < 0; j--) {
        [newest[j], newest[j - 1]] = [newest[j - 1] as LibraryEntry, newest[j] as LibraryEntry];
      }
    }
  }
  sortEntries(newest);
  const head: IndexHead = {
    version: INDEX_VERSION,
    library: root.real,
    count: kept.length,
    sourceWidth: widestSource(entries),
    head: newest.map((e) => [e.id, pack(e)]),
  };
  function* lines(): Generator<string> {
    yield `${asciiJson(head)}\n`;
    for (let from = 0; from < kept.length; from += RECORDS_PER_LINE) {
      const records: StoredRecord[] = kept.slice(from, from + RECORDS_PER_LINE).map((i) => {
        const k = i * 4;
        return [names[i] as string, keys[k] as number, keys[k + 1] as number, keys[k + 2] as number, keys[k + 3] as number, pack(entries[i] as LibraryEntry)];
      });
      yield `${asciiJson(records)}\n`;
    }
  }
  try {
    writeLinesAtomicSync(file, lines());
  } catch {
    // Read-only cache folder, full disk: carry on without.
  }
}

/** `table` with `changes` (name → its record, or null for a folder that is gone) merged in by name. */
export function mergeIntoTable(table: IndexTable, changes: ReadonlyMap<string, StoredRecord | null>): IndexTable {
  const added = [...changes.keys()].filter((name) => changes.get(name) !== null).sort();
  const names: string[] = [];
  const keys: number[] = [];
  const entries: LibraryEntry[] = [];
  const pushRecord = (record: StoredRecord) => {
    const [name, k0, k1, k2, k3, stored] = record;
    names.push(name);
    keys.push(k0, k1, k2, k3);
    entries.push(unpack(name, stored) ?? { ok: false, id: name, errors: [] });
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
