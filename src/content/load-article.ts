/** Loading one article folder into an Article (whole) or an ArticleSummary (front matter only). */
import path from 'node:path';
import type { Article, ArticleResult, ArticleSummary, LibraryEntry, Translation } from './article.js';
import { coded, error, type Diagnostic } from './diagnostic.js';
import { pairBodies } from './pair-blocks.js';
import { splitMarkdown } from './front-matter.js';
import { displayPath, FILES, isArticleId } from './library-paths.js';
import { englishBodyHasText, parseEnglish, parseFacts, parseGerman } from './parse-files.js';
import { lstatSync, type Stats } from 'node:fs';
import { MAX_FILE_BYTES, readLibraryFile, readRegularFileSync, type ReadResult } from './read-file.js';
import { hasMachineMarks, provenanceOf } from './machine-marks.js';
import type { EnglishFrontMatter, GermanFrontMatter, GlossaryEntry, GlossaryFileEntry } from './schema.js';

/** Enough bytes for any sane front matter; a longer one triggers a full read. */
const FRONT_MATTER_BYTES = 16 * 1024;

export interface LibraryRoot {
  /** Real (symlink-resolved) path of the library folder. */
  real: string;
}

function paths(root: LibraryRoot, id: string) {
  const dir = path.join(root.real, id);
  const inDir = (name: string) => `${dir}${path.sep}${name}`;
  let shown: { dir: string; de: string; en: string; facts: string } | undefined;
  return {
    abs: { de: inDir(FILES.de), en: inDir(FILES.en), facts: inDir(FILES.facts) },
    /** The paths as messages show them: worked out only when one is needed (listing 10,000 articles needs none). */
    get shown() {
      return (shown ??= { dir: displayPath(dir), de: displayPath(inDir(FILES.de)), en: displayPath(inDir(FILES.en)), facts: displayPath(inDir(FILES.facts)) });
    },
  };
}

function badId(root: LibraryRoot, id: string): Diagnostic {
  // The name may hold anything, escape sequences included: every consumer cleans it before showing it.
  return coded('error', displayPath(path.join(root.real, id)), 'badFolderName');
}

/** Below every real date (Date's smallest is -8.64e15): undated articles sort after dated ones. */
const UNDATED_BASE = -9e15;

/**
 * The sort key of an article without a date: after every dated article; among undated ones,
 * the newest import first, then the feed's own order (`position`).
 */
export function undatedSortTime(meta: Pick<GermanFrontMatter, 'imported' | 'position'>): number {
  const imported = meta.imported ? Date.parse(meta.imported) : NaN;
  // Seconds of the import (up to ~1e10), then up to 1000 positions inside one import.
  const seconds = Number.isNaN(imported) ? 0 : Math.floor(imported / 1000);
  return UNDATED_BASE + seconds * 1000 - Math.min(999, meta.position ?? 999);
}

/** From the front matter alone, so that the library list (which reads no body) agrees with the reader. */
function translationOf(english: EnglishFrontMatter | null, hasText: boolean): Translation {
  if (english === null || !hasText) return 'untranslated';
  if (english.status === 'draft' && hasMachineMarks(english)) return 'machine';
  return english.status;
}

/** Reads front matter only (the library list needs nothing else). */
export async function loadSummary(root: LibraryRoot, id: string): Promise<LibraryEntry> {
  if (!isArticleId(id)) return { ok: false, id, errors: [badId(root, id)] };
  const { abs } = paths(root, id);
  let de = await readLibraryFile(abs.de, root.real, FRONT_MATTER_BYTES);
  if (de.ok && splitMarkdown(de.text).unterminated) de = await readLibraryFile(abs.de, root.real);
  let en = await readLibraryFile(abs.en, root.real, FRONT_MATTER_BYTES);
  if (en.ok && splitMarkdown(en.text).unterminated) en = await readLibraryFile(abs.en, root.real);
  return summaryFromFiles(root, id, de, en);
}

/** Front-matter sizes of files as lstat saw them, for the synchronous listing path. */
export interface KnownFiles {
  de: { size: number };
  en: { size: number } | null;
}

const shared = Buffer.alloc(FRONT_MATTER_BYTES);

/**
 * loadSummary for an article whose folder and files lstat found to be plain
 * (no links): synchronous reads of the first bytes only.
 */
export function loadSummarySync(root: LibraryRoot, id: string, files: KnownFiles): LibraryEntry {
  const { abs } = paths(root, id);
  const read = (file: string, size: number) => {
    const first = readRegularFileSync(file, size, FRONT_MATTER_BYTES, shared);
    if (first.ok && size > FRONT_MATTER_BYTES && splitMarkdown(first.text).unterminated) {
      return readRegularFileSync(file, size, size, Buffer.alloc(size));
    }
    return first;
  };
  const de = read(abs.de, files.de.size);
  const en: ReadResult = files.en ? read(abs.en, files.en.size) : { ok: false, missing: true, message: 'file not found' };
  return summaryFromFiles(root, id, de, en);
}

/** The summary from the (possibly partial) texts of the two article files. */
function summaryFromFiles(root: LibraryRoot, id: string, de: ReadResult, en: ReadResult): LibraryEntry {
  const { shown } = paths(root, id);
  if (!de.ok) return { ok: false, id, errors: [error(shown.de, de.message)] };
  const german = parseGerman(cutBody(de.text), shown.de);
  if (!german.ok) return { ok: false, id, errors: german.errors };
  let english: EnglishFrontMatter | null = null;
  let hasText = false;
  if (en.ok) {
    // The front matter is parsed (and checked) as the reader does; of the body, only whether it holds text.
    const parsed = parseEnglish(frontOnly(en.text), shown.en);
    if (!parsed.ok) return { ok: false, id, errors: parsed.errors };
    english = parsed.value.meta;
    // A body beyond the bytes read counts as text; a skeleton of placeholders does not.
    hasText = en.text.length >= FRONT_MATTER_BYTES || englishBodyHasText(en.text);
  } else if (!en.missing) {
    return { ok: false, id, errors: [error(shown.en, en.message)] };
  }
  const meta = german.value.meta;
  const summary: ArticleSummary = {
    id,
    title: english?.title ? { de: meta.title, en: english.title } : { de: meta.title },
    source: meta.source,
    published: meta.published ?? null,
    time: meta.published ? Date.parse(meta.published) : undatedSortTime(meta),
    url: meta.url,
    translation: translationOf(english, hasText),
    ...(meta.feed ? { feed: meta.feed } : {}),
    ...(meta.guid ? { guid: meta.guid } : {}),
  };
  return { ok: true, id, summary };
}

/** The front matter alone, when it is closed (else the text as it is, for parsing to say what is wrong). */
function frontOnly(text: string): string {
  const split = splitMarkdown(text);
  return split.yaml === null || split.unterminated ? text : `---\n${split.yaml}\n---\n`;
}

/** Keeps the front matter of a partial read (the body may be cut mid-paragraph). */
function cutBody(text: string): string {
  const split = splitMarkdown(text);
  if (split.yaml === null) return text;
  return `---\n${split.yaml}\n---\n`;
}

export interface ArticleFiles {
  de: ReadResult;
  en: ReadResult;
  facts: ReadResult;
}

/**
 * The three files of an article. When lstat shows a plain folder of regular
 * files, they are read synchronously without resolving paths (nothing can
 * lead outside the library); links and anything odd take the careful path.
 */
export async function readArticleFiles(root: LibraryRoot, id: string): Promise<ArticleFiles> {
  const { abs } = paths(root, id);
  const dir = lstatSync(path.dirname(abs.de), { throwIfNoEntry: false });
  if (dir?.isDirectory()) {
    const stats = [abs.de, abs.en, abs.facts].map((f) => lstatSync(f, { throwIfNoEntry: false }));
    if (stats.every((st) => st === undefined || st.isFile())) {
      const read = (file: string, st: Stats | undefined): ReadResult =>
        st ? readRegularFileSync(file, st.size, st.size, Buffer.alloc(Math.min(st.size, MAX_FILE_BYTES))) : { ok: false, missing: true, message: 'file not found' };
      return { de: read(abs.de, stats[0]), en: read(abs.en, stats[1]), facts: read(abs.facts, stats[2]) };
    }
  }
  const [de, en, facts] = await Promise.all([readLibraryFile(abs.de, root.real), readLibraryFile(abs.en, root.real), readLibraryFile(abs.facts, root.real)]);
  return { de, en, facts };
}

/** Reads and checks all three files of an article. */
export async function loadArticle(root: LibraryRoot, id: string): Promise<ArticleResult> {
  if (!isArticleId(id)) return { ok: false, id, errors: [badId(root, id)] };
  return articleFromFiles(root, id, await readArticleFiles(root, id));
}

/** An article from the texts of its files (read by readArticleFiles). */
export function articleFromFiles(root: LibraryRoot, id: string, files: ArticleFiles): ArticleResult {
  const { shown } = paths(root, id);
  const { de: deFile, en: enFile, facts: factsFile } = files;
  const errors: Diagnostic[] = [];
  const problems: Diagnostic[] = [];

  if (!deFile.ok) errors.push(error(shown.de, deFile.message));
  const german = deFile.ok ? parseGerman(deFile.text, shown.de) : null;
  if (german && !german.ok) errors.push(...german.errors);
  if (german?.ok) problems.push(...german.problems);

  if (!enFile.ok && !enFile.missing) errors.push(error(shown.en, enFile.message));
  const english = enFile.ok ? parseEnglish(enFile.text, shown.en) : null;
  if (english && !english.ok) errors.push(...english.errors);
  if (english?.ok) problems.push(...english.problems);

  // A broken facts.yaml never hides the text: the facts count as absent and the errors travel with the article.
  const factsErrors: Diagnostic[] = [];
  if (!factsFile.ok && !factsFile.missing) factsErrors.push(error(shown.facts, factsFile.message));
  const facts = factsFile.ok ? parseFacts(factsFile.text, shown.facts) : null;
  if (facts && !facts.ok) factsErrors.push(...facts.errors);
  if (facts?.ok) problems.push(...facts.problems);

  if (!deFile.ok && deFile.missing) return { ok: false, id, errors, notFound: true };
  if (errors.length > 0 || !german?.ok) return { ok: false, id, errors: [...errors, ...factsErrors] };
  const enValue = english?.ok ? english.value : null;
  const paragraphs = pairBodies(german.value.body, enValue?.body ?? [], enValue?.meta.alignment, enValue?.meta.machine);
  const titleMachine = provenanceOf(enValue?.meta.machine?.['title'], enValue?.meta.title);
  const dekMachine = provenanceOf(enValue?.meta.machine?.['dek'], enValue?.meta.dek);
  const hasText = paragraphs.some((p) => p.en !== '');
  const glossary = splitGlossary(facts?.ok ? facts.value.glossary : []);
  const article: Article = {
    id,
    meta: german.value.meta,
    english: enValue?.meta ?? null,
    translation: translationOf(enValue?.meta ?? null, hasText),
    ...(titleMachine || dekMachine ? { machine: { ...(titleMachine ? { title: titleMachine } : {}), ...(dekMachine ? { dek: dekMachine } : {}) } } : {}),
    paragraphs,
    facts: facts?.ok ? facts.value.facts : [],
    glossary: glossary.confirmed,
    proposedGlossary: glossary.proposed,
    links: german.value.links,
    factsErrors,
    files: shown,
  };
  return { ok: true, article, problems };
}

/** Confirmed terms with their English (what the glossary shows), and the rest (proposals to check). */
function splitGlossary(entries: readonly GlossaryFileEntry[]): { confirmed: GlossaryEntry[]; proposed: GlossaryFileEntry[] } {
  const confirmed: GlossaryEntry[] = [];
  const proposed: GlossaryFileEntry[] = [];
  for (const entry of entries) {
    if (entry.confirmed && entry.en) confirmed.push({ de: entry.de, en: entry.en, ...(entry.note ? { note: entry.note } : {}) });
    else proposed.push(entry);
  }
  return { confirmed, proposed };
}
