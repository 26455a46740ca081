/**
 * Keeping the library index current as articles are written: `import` and `refresh` tell it
 * which articles they wrote, changed or removed, so the reader's next start finds an index
 * that is right, instead of reading those articles again (or all of them, without one).
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from './article.js';
import { cacheFile } from './file-cache.js';
import { readIndexTable, writeIndexTable, type IndexTable } from './index-file.js';
import { isArticleId } from './library-paths.js';
import type { LibraryRoot } from './load-article.js';
import { runSummaryJob, type ReadRecord } from './summary-job.js';
import { unpack } from './index-file.js';

/** `table` with `changes` (name → its record, or null for a folder that is gone) merged in by name. */
export function mergeIntoTable(table: IndexTable, changes: ReadonlyMap<string, ReadRecord | null>): IndexTable {
  const added = [...changes.keys()].filter((name) => changes.get(name) !== null).sort();
  const names: string[] = [];
  const keys: number[] = [];
  const entries: LibraryEntry[] = [];
  const push = (name: string, k: ArrayLike<number>, entry: LibraryEntry) => {
    names.push(name);
    for (let j = 0; j < 4; j++) keys.push(k[j] as number);
    entries.push(entry);
  };
  const pushRecord = (record: ReadRecord) => {
    const [name, k0, k1, k2, k3, stored] = record;
    push(name, [k0, k1, k2, k3], unpack(name, stored) ?? { ok: false, id: name, errors: [] });
  };
  let a = 0;
  for (let i = 0; i < table.names.length; i++) {
    const name = table.names[i] as string;
    while (a < added.length && (added[a] as string) < name) pushRecord(changes.get(added[a++] as string) as ReadRecord);
    if (changes.has(name)) {
      const record = changes.get(name);
      if (record) pushRecord(record);
      if (added[a] === name) a++;
      continue;
    }
    push(name, table.keys.subarray(i * 4, i * 4 + 4), table.entries[i] as LibraryEntry);
  }
  while (a < added.length) pushRecord(changes.get(added[a++] as string) as ReadRecord);
  return { names, keys: Float64Array.from(keys), entries };
}

/**
 * Brings the index entries of the articles `ids` up to date after they were written (or
 * removed). Without an index yet, the whole library is listed once to make one. Never throws:
 * the index is only a cache, and whatever it misses is read again by the next listing.
 */
export async function updateIndexEntries(cacheDir: string | null, root: LibraryRoot, ids: Iterable<string>): Promise<void> {
  if (!cacheDir) return;
  try {
    const file = cacheFile(cacheDir, 'index', root);
    const table = readIndexTable(file, root);
    if (!table) {
      const { listLibraryIndexed } = await import('./load-library.js');
      (await listLibraryIndexed(root, cacheDir)).saveIndex();
      return;
    }
    const changes = new Map<string, ReadRecord | null>();
    const present: string[] = [];
    for (const id of new Set(ids)) {
      if (!isArticleId(id)) continue;
      const folder = lstatSync(path.join(root.real, id), { throwIfNoEntry: false });
      // A folder that is gone, or has become a link (read the careful way, never kept), leaves the index.
      if (!folder?.isDirectory()) changes.set(id, null);
      else present.push(id);
    }
    for (const record of await runSummaryJob({ root, names: present })) {
      changes.set(record[0], Number.isNaN(record[1]) ? null : record);
    }
    if (changes.size > 0) writeIndexTable(file, root, mergeIntoTable(table, changes));
  } catch {
    // A cache that cannot be brought up to date is read again next time.
  }
}
