/**
 * One batch of the library listing's work, the same in a worker thread and in the main one:
 * the keys (size and modification time) of each article folder's two files, and the summary
 * of each folder whose files are new or changed.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { pack, type FileKeys, type StoredEntry } from './index-file.js';
import { FILES } from './library-paths.js';
import type * as LoadArticleModule from './load-article.js';
import type { LibraryRoot } from './load-article.js';

/** Folders of plain article ids (no links: those take the careful path in the main thread). */
export interface SummaryJob {
  root: LibraryRoot;
  names: string[];
  /** The keys the index holds, four per name: a folder whose files still match is left out of the answer. */
  known?: Float64Array;
}

/** A folder read: its name, its files' keys (NaN when they must be read again next time) and its entry. */
export type ReadRecord = [string, number, number, number, number, StoredEntry];

/** The two files' keys, or null when the folder needs the careful path (links, odd files). */
export function fileKeys(root: LibraryRoot, name: string): FileKeys | null {
  const dir = path.join(root.real, name);
  const de = lstatSync(path.join(dir, FILES.de), { throwIfNoEntry: false });
  const en = lstatSync(path.join(dir, FILES.en), { throwIfNoEntry: false });
  if (!de || !de.isFile() || (en && !en.isFile())) return null;
  return [de.size, de.mtimeMs, en ? en.size : -1, en ? en.mtimeMs : -1];
}

/** True when `keys` are the four numbers at `at` of `known`. */
export function sameKeys(known: Float64Array, at: number, keys: FileKeys): boolean {
  const k = at * 4;
  return known[k] === keys[0] && known[k + 1] === keys[1] && known[k + 2] === keys[2] && known[k + 3] === keys[3];
}

let loader: Promise<typeof LoadArticleModule> | null = null;
// The parsers (zod, yaml) load only when an article has to be read: checking keys needs none.
const load = () => (loader ??= import('./load-article.js'));

/** Runs a job: the records of the folders read (all of them, or with `known` the changed ones). */
export async function runSummaryJob(job: SummaryJob): Promise<ReadRecord[]> {
  const { root, names, known } = job;
  const out: ReadRecord[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const keys = fileKeys(root, name);
    if (keys && known && sameKeys(known, i, keys)) continue;
    const articles = await load();
    if (keys === null) {
      // Missing or odd files: the careful reader says what is wrong, and the record is not kept.
      out.push([name, NaN, NaN, NaN, NaN, pack(await articles.loadSummary(root, name))]);
      continue;
    }
    const entry = articles.loadSummarySync(root, name, { de: { size: keys[0] }, en: keys[2] < 0 ? null : { size: keys[2] } });
    out.push([name, ...keys, pack(entry)]);
  }
  return out;
}
