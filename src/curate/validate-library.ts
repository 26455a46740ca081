/** Running the checks over one article or a whole library, with file and line for every problem. */
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostic.js';
import { error } from '../content/diagnostic.js';
import { FILES } from '../content/library-paths.js';
import { loadArticle, type LibraryRoot } from '../content/load-article.js';
import { articleFolders, mapLimit } from '../content/load-library.js';
import { lineOfListEntry } from '../content/parse-files.js';
import { readLibraryFile } from '../content/read-file.js';
import { checkArticle, type SourceLines } from './validate-article.js';

export interface ArticleReport {
  id: string;
  diagnostics: Diagnostic[];
}

/** Line of `key:` in a file's front matter. */
function keyLine(text: string | null, key: string): number | undefined {
  if (text === null) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length && !/^(---|\.\.\.)\s*$/.test(lines[i] ?? ''); i++) {
    if (lines[i]?.startsWith(`${key}:`)) return i + 1;
  }
  return undefined;
}

async function sourceLines(root: LibraryRoot, id: string): Promise<SourceLines> {
  const dir = path.join(root.real, id);
  const read = async (name: string) => {
    const result = await readLibraryFile(path.join(dir, name), root.real);
    return result.ok ? result.text : null;
  };
  const [de, en, facts] = await Promise.all([read(FILES.de), read(FILES.en), read(FILES.facts)]);
  return {
    fact: (i) => (facts === null ? undefined : lineOfListEntry(facts, 'facts', i)),
    glossary: (i) => (facts === null ? undefined : lineOfListEntry(facts, 'glossary', i)),
    enKey: (key) => keyLine(en, key),
    deKey: (key) => keyLine(de, key),
  };
}

/** All problems of one article: loading errors, or load-time problems plus the checks. */
export async function validateArticle(root: LibraryRoot, id: string): Promise<ArticleReport> {
  try {
    const result = await loadArticle(root, id);
    if (!result.ok) return { id, diagnostics: result.errors };
    const lines = await sourceLines(root, id);
    return { id, diagnostics: [...result.problems, ...checkArticle(result.article, lines)] };
  } catch (cause) {
    // One article must never stop the others.
    return { id, diagnostics: [error(path.join(root.real, id), `could not be checked: ${(cause as Error).message}`)] };
  }
}

/** Every article of the library, checked a few at a time. */
export async function validateLibrary(root: LibraryRoot): Promise<ArticleReport[]> {
  const ids = await articleFolders(root);
  return mapLimit(ids, 8, (id) => validateArticle(root, id));
}
