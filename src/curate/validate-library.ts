/** Running the checks over one article or a whole library, with file and line for every problem. */
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostic.js';
import { error } from '../content/diagnostic.js';
import { articleFromFiles, loadArticle, readArticleFiles, type ArticleFiles, type LibraryRoot } from '../content/load-article.js';
import { articleFolderEntries, mapLimit } from '../content/load-library.js';
import { BUILD_ID, articleStats, cacheFile, keyOf, readCache, sameKey, writeCache, type FileKey } from '../content/file-cache.js';
import { displayPath, isArticleId } from '../content/library-paths.js';
import { listEntryLines } from '../content/parse-files.js';
import type { ReadResult } from '../content/read-file.js';
import { checkArticle, type SourceLines } from './validate-article.js';

export interface ArticleReport {
  id: string;
  diagnostics: Diagnostic[];
}

/** Line of `key:` in a file's front matter. */
function keyLine(text: string | null, key: string): number | undefined {
  if (text === null) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 1; i < lines.length && !/^(---|\.\.\.)\s*$/.test(lines[i] ?? ''); i++) {
    if (lines[i]?.startsWith(`${key}:`)) return i + 1;
  }
  return undefined;
}

/**
 * Line of paragraph `n`'s entry under `alignment:` in front matter written as
 * a block (`  "3": [1-1, 2-1]`); else the line of `alignment:` itself.
 */
function alignmentLine(text: string | null, n: string): number | undefined {
  const start = keyLine(text, 'alignment');
  if (text === null || start === undefined) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const entry = new RegExp(`^\\s+(["']?)${n}\\1\\s*:`);
  for (let i = start; i < lines.length && /^\s/.test(lines[i] ?? ''); i++) {
    if (entry.test(lines[i] ?? '')) return i + 1;
  }
  return start;
}

function sourceLines(files: ArticleFiles): SourceLines {
  const text = (r: ReadResult) => (r.ok ? r.text : null);
  const de = text(files.de);
  const en = text(files.en);
  const facts = text(files.facts);
  // Lines of list entries need a full YAML parse: done once, and only if a message needs one.
  let entryLines: ReturnType<typeof listEntryLines> | null = null;
  const lineOf = (list: 'facts' | 'glossary', i: number, key?: string) => {
    if (facts === null) return undefined;
    entryLines ??= listEntryLines(facts);
    const entry = entryLines[list][i];
    return (key === undefined ? undefined : entry?.keys.get(key)) ?? entry?.line;
  };
  return {
    fact: (i, key) => lineOf('facts', i, key),
    glossary: (i) => lineOf('glossary', i),
    enKey: (key) => keyLine(en, key),
    deKey: (key) => keyLine(de, key),
    alignment: (paragraph) => alignmentLine(en, paragraph),
  };
}

/** All problems of one article: loading errors, or load-time problems plus the checks. */
export async function validateArticle(root: LibraryRoot, id: string): Promise<ArticleReport> {
  try {
    if (!isArticleId(id)) {
      const refused = await loadArticle(root, id);
      return { id, diagnostics: refused.ok ? [] : refused.errors };
    }
    const files = await readArticleFiles(root, id);
    const result = articleFromFiles(root, id, files);
    if (!result.ok) return { id, diagnostics: result.errors };
    const lines = sourceLines(files);
    return { id, diagnostics: [...result.article.factsErrors, ...result.problems, ...checkArticle(result.article, lines)] };
  } catch (cause) {
    // One article must never stop the others.
    return { id, diagnostics: [error(path.join(root.real, id), `could not be checked: ${(cause as Error).message}`)] };
  }
}

const VERSION = `validate-3:${BUILD_ID ?? 'dev'}`;

interface CachedReport {
  keys: (FileKey | null)[];
  /** Each file relative to the library: the next run may start in another working folder. */
  diagnostics: Diagnostic[];
}

/** `d` with its file relative to the library (left whole when it lies outside). */
function stored(d: Diagnostic, root: LibraryRoot): Diagnostic {
  if (d.file === '') return d;
  const absolute = path.resolve(d.file);
  const inLibrary = path.relative(root.real, absolute);
  return { ...d, file: inLibrary.startsWith('..') || path.isAbsolute(inLibrary) ? absolute : inLibrary };
}

/** Turns the cache's paths into paths as shown from the working folder now (see displayPath). */
function shownFrom(root: LibraryRoot): (d: Diagnostic) => Diagnostic {
  // One prefix for the whole library: displayPath for each of 300,000 files would be slow.
  const prefix = root.real === process.cwd() ? '' : `${displayPath(root.real)}${path.sep}`;
  return (d) => (d.file === '' || path.isAbsolute(d.file) ? d : { ...d, file: `${prefix}${d.file}` });
}

export interface LibraryReport {
  reports: ArticleReport[];
  /** Writes the results cache back if anything was checked anew. */
  save: () => void;
}

/**
 * Every article of the library, checked a few at a time. With `cacheDir`, an
 * article whose three files are unchanged since the last run (same size and
 * modification time, same build) keeps its earlier result, as ESLint's cache does.
 */
export async function validateLibrary(root: LibraryRoot, cacheDir: string | null = null): Promise<LibraryReport> {
  const folders = await articleFolderEntries(root);
  const file = cacheDir ? cacheFile(cacheDir, 'validate', root) : null;
  const old = file ? readCache<CachedReport>(file, VERSION, root) : {};
  const shown = shownFrom(root);
  const records: Record<string, CachedReport> = {};
  const reports = new Array<ArticleReport>(folders.length);
  const todo: { index: number; name: string; keys: (FileKey | null)[] | null }[] = [];
  folders.forEach(({ name, link }, index) => {
    const stats = link || !isArticleId(name) ? null : articleStats(root, name);
    const plain = stats !== null && [stats.de, stats.en, stats.facts].every((s) => s === undefined || s.isFile());
    const keys = plain && stats ? [keyOf(stats.de), keyOf(stats.en), keyOf(stats.facts)] : null;
    const cached = old[name];
    if (keys && cached && keys.every((k, i) => sameKey(k, cached.keys[i]))) {
      reports[index] = { id: name, diagnostics: cached.diagnostics.map(shown) };
      records[name] = cached;
    } else todo.push({ index, name, keys });
  });
  await mapLimit(todo, 8, async ({ index, name, keys }) => {
    const report = await validateArticle(root, name);
    reports[index] = report;
    if (keys) records[name] = { keys, diagnostics: report.diagnostics.map((d) => stored(d, root)) };
  });
  let dirty = todo.length > 0 || Object.keys(old).length !== Object.keys(records).length;
  return { reports, save: () => {
      if (file && dirty) writeCache(file, VERSION, root, records);
      dirty = false;
    } };
}
