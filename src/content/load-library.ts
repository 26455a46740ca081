/** Listing a library folder: every article's summary or its errors, newest first. */
import { readdir, realpath, stat } from 'node:fs/promises';
import type { LibraryEntry } from './article.js';
import type { LibraryRoot } from './load-article.js';
import { recoverReplacements, type Recovery } from '../storage/replace-files.js';
import { sortEntries, summariesWithIndex, type Between, type ListingOptions } from './library-index.js';

export type { ListingOptions } from './library-index.js';

export type OpenLibraryResult = { ok: true; root: LibraryRoot; recovered: Recovery } | { ok: false; message: string };

/**
 * Resolves and checks a library folder, and first finishes (or undoes) any replacement of an
 * article's files that an interrupted import left behind, so no command sees it half done.
 */
export async function openLibrary(dir: string): Promise<OpenLibraryResult> {
  try {
    const real = await realpath(dir);
    if (!(await stat(real)).isDirectory()) return { ok: false, message: 'is not a folder' };
    return { ok: true, root: { real }, recovered: await recoverReplacements(real) };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'no such folder' : `cannot open (${code ?? 'error'})` };
  }
}

/** The article folders (anything not hidden that is a folder or a link), by name. */
export async function articleFolderEntries(root: LibraryRoot): Promise<{ name: string; link: boolean }[]> {
  const entries = await readdir(root.real, { withFileTypes: true });
  return entries
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.isSymbolicLink()))
    .map((e) => ({ name: e.name, link: e.isSymbolicLink() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}


/** Runs `fn` over `items` with at most `limit` promises in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export { sortEntries };

/** Summaries (or errors) of every article in the library, newest first. */
export async function listLibrary(root: LibraryRoot): Promise<LibraryEntry[]> {
  return (await listLibraryIndexed(root, null)).entries;
}

export interface IndexedLibrary {
  /** Every entry, newest first. */
  entries: LibraryEntry[];
  /**
   * Writes the index back if anything changed; call it once the first output is out (a reader's
   * list: in slices that await `between`).
   */
  saveIndex: (between?: Between) => Promise<void>;
  /**
   * With `trust`: the list corrected after checking the folders and files (null when it was
   * right); `between` is what the walk awaits between its slices (see Between).
   */
  revalidate: (between?: Between) => Promise<LibraryEntry[] | null>;
}

/**
 * listLibrary with an index of summaries kept in `cacheDir` (the XDG cache);
 * none when null. With `trust`, entries come from the index unchecked and
 * `revalidate()` checks them afterwards.
 */
export async function listLibraryIndexed(root: LibraryRoot, cacheDir: string | null, options: Pick<ListingOptions, 'trust' | 'forList' | 'signal'> = {}): Promise<IndexedLibrary> {
  return listLibraryProgressive(root, cacheDir, options);
}

/**
 * listLibraryIndexed that shows its progress: `onFirst` gets the newest articles as soon as
 * they are read (long before the rest when there is no index yet), `onProgress` how many of
 * the article folders are done; summaries are read in worker threads when there are many;
 * `signal` stops the work (the promise then rejects with its reason). See ListingOptions.
 */
export async function listLibraryProgressive(root: LibraryRoot, cacheDir: string | null, options: ListingOptions = {}): Promise<IndexedLibrary> {
  const listing = await summariesWithIndex(root, cacheDir, options);
  return { entries: listing.entries, saveIndex: listing.save, revalidate: listing.revalidate };
}
