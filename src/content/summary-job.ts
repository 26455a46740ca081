/**
 * One batch of the library listing's reading, the same in a worker thread and in the main
 * one: the summary of each article folder named, with its files' keys (size and modification
 * time) for the index.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { pack, type FileKeys, type StoredRecord } from './index-file.js';
import { FILES } from './library-paths.js';
import type * as LoadArticleModule from './load-article.js';
import type { LibraryRoot } from './load-article.js';

/** Article folders to read. */
export interface SummaryJob {
  root: LibraryRoot;
  names: string[];
  /** Folders to read the careful way (a link, or a name that is no id); none when absent. */
  careful?: boolean[];
}

/** A folder read: its name, its files' keys (NaN when it must be read again next time) and its entry. */
export type ReadRecord = StoredRecord;

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
// The parsers (zod, yaml) load only when an article has to be read.
const load = () => (loader ??= import('./load-article.js'));

/** Reads every folder of the job: one record each, in the job's order. */
export async function runSummaryJob(job: SummaryJob): Promise<ReadRecord[]> {
  const { root, names, careful } = job;
  const articles = await load();
  const out: ReadRecord[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const keys = careful?.[i] ? null : fileKeys(root, name);
    if (keys === null) {
      // A link, an odd name, missing or odd files: the careful reader says what is wrong, and the record is not kept.
      out.push([name, NaN, NaN, NaN, NaN, pack(await articles.loadSummary(root, name))]);
      continue;
    }
    const entry = articles.loadSummarySync(root, name, { de: { size: keys[0] }, en: keys[2] < 0 ? null : { size: keys[2] } });
    out.push([name, ...keys, pack(entry)]);
  }
  return out;
}
