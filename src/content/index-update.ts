/**
 * Keeping the library index current as articles are written: `import` and `refresh` tell it
 * which articles they wrote, changed or removed, so the reader's next start finds an index
 * that is right, instead of reading those articles again (or all of them, without one).
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { cacheFile } from './file-cache.js';
import { readIndexHead, rewriteIndex } from './index-file.js';
import { isArticleId } from './library-paths.js';
import type { LibraryRoot } from './load-article.js';
import { runSummaryJob, type ReadRecord } from './summary-job.js';

/**
 * Brings the index entries of the articles `ids` up to date after they were written (or
 * removed). Without an index yet, the whole library is listed once to make one. Never throws:
 * the index is only a cache, and whatever it misses is read again by the next listing.
 */
export async function updateIndexEntries(cacheDir: string | null, root: LibraryRoot, ids: Iterable<string>): Promise<void> {
  if (!cacheDir) return;
  try {
    const file = cacheFile(cacheDir, 'index', root);
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
    // The index is written anew as it is read (see rewriteIndex); without one, the whole library is listed to make it.
    const kept = changes.size > 0 ? await rewriteIndex(file, root, changes) : readIndexHead(cacheDir, root) !== null;
    if (!kept) {
      const { listLibraryIndexed } = await import('./load-library.js');
      await (await listLibraryIndexed(root, cacheDir)).saveIndex();
    }
  } catch {
    // A cache that cannot be brought up to date is read again next time.
  }
}
