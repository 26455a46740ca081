/**
 * Caches keyed by the size and modification time of an article's files, kept
 * as JSON in the XDG cache directory: the library index and validate's results.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../storage/atomic-file.js';
import { FILES } from './library-paths.js';
import type { LibraryRoot } from './load-article.js';

export { BUILD_ID } from '../storage/build-id.js';

export interface FileKey {
  size: number;
  mtimeMs: number;
}

export const keyOf = (stats: Stats | undefined): FileKey | null => (stats ? { size: stats.size, mtimeMs: stats.mtimeMs } : null);

export const sameKey = (a: FileKey | null | undefined, b: FileKey | null | undefined): boolean =>
  a === undefined || b === undefined ? false : a === null || b === null ? a === b : a.size === b.size && a.mtimeMs === b.mtimeMs;

/** lstat of an article's three files (undefined where missing). */
export function articleStats(root: LibraryRoot, id: string): { de?: Stats; en?: Stats; facts?: Stats } {
  const dir = path.join(root.real, id);
  return {
    de: lstatSync(path.join(dir, FILES.de), { throwIfNoEntry: false }),
    en: lstatSync(path.join(dir, FILES.en), { throwIfNoEntry: false }),
    facts: lstatSync(path.join(dir, FILES.facts), { throwIfNoEntry: false }),
  };
}

interface CacheFile<R> {
  version: string;
  library: string;
  records: Record<string, R>;
}

/** The cache file of `kind` for a library. */
export function cacheFile(cacheDir: string, kind: string, root: LibraryRoot): string {
  const hash = createHash('sha256').update(root.real).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${kind}-${hash}.json`);
}

/** Records of a cache file written by this build for this library, else none. */
export function readCache<R>(file: string, version: string, root: LibraryRoot): Record<string, R> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile<R>;
    if (data.version === version && data.library === root.real && data.records && typeof data.records === 'object') return data.records;
  } catch {
    // Missing or unreadable: it is only a cache.
  }
  return {};
}

/**
 * Writes a cache file atomically, synchronously (so that quitting right after
 * the first frame still leaves the index for next time); failure only costs
 * speed next time.
 */
export function writeCache<R>(file: string, version: string, root: LibraryRoot, records: Record<string, R>): void {
  const data: CacheFile<R> = { version, library: root.real, records };
  try {
    writeFileAtomicSync(file, JSON.stringify(data));
  } catch {
    // Read-only cache folder, full disk: carry on without.
  }
}
