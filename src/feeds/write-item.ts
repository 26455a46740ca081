/**
 * Writing a feed item into the library so that a refresh killed at any moment loses nothing:
 * a new article is written whole into a hidden folder and renamed into place (the library
 * lists no hidden folder); an update rewrites each file atomically, the English first (marked
 * as changed), the German last, so an interrupted update is simply redone by the next refresh.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { YAML_OPTIONS, splitMarkdown } from '../content/front-matter.js';
import { FILES } from '../content/library-paths.js';
import type { LibraryRoot } from '../content/load-article.js';
import { parseEnglish, parseFacts, parseGerman } from '../content/parse-files.js';
import { MAX_FILE_BYTES } from '../content/read-file.js';
import type { GermanFrontMatter } from '../content/schema.js';
import { PLACEHOLDER } from '../curate/edit-paragraph.js';
import { blockMarkdown } from '../content/blocks.js';
import { candidateFacts, proposedGlossary } from '../import/candidate-facts.js';
import { ensureSchemaCopy } from '../import/schema-copy.js';
import { articleIdFor } from '../import/slug.js';
import { factsSchemaPath, renderEnglish, renderFacts, renderGerman, type ArticleToWrite } from '../import/write.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { processAlive } from '../storage/owner.js';
import type { ItemArticle } from './item-article.js';

const TEMP_PREFIX = '.refresh-';

/** Thrown when an item's article could not be written (one line, for the feed's error). */
export class ItemWriteError extends Error {}

/** The three files of a new article, checked with the loader's own parsers before anything is written. */
function renderNew(article: ArticleToWrite, schemaPath: string): { de: string; en: string; facts: string } {
  const facts = candidateFacts(article.paragraphs);
  const files = {
    de: renderGerman(article),
    en: renderEnglish(article.paragraphs),
    facts: renderFacts(facts, schemaPath, proposedGlossary(article.paragraphs, facts)),
  };
  for (const [name, text] of Object.entries(files)) {
    if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new ItemWriteError(`${article.title}: ${name} would be larger than the library opens`);
  }
  const german = parseGerman(files.de, FILES.de);
  if (!german.ok) throw new ItemWriteError(`${article.title}: ${german.errors[0]?.message ?? 'does not load'}`);
  return files;
}

/** `base`, or `base-2`, `base-3` …, cut so the id stays within 80 characters. */
function candidateId(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, 80 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** Writes a new article under a fresh id (the date and title, numbered when taken); returns the id. */
export async function writeNewArticle(root: LibraryRoot, article: ItemArticle): Promise<string> {
  const base = articleIdFor(article.title, article.published);
  const files = renderNew({ id: base, ...article }, await factsSchemaPath(root.real));
  // facts.yaml points at the library's own copy of its schema (a note at most if it cannot be made).
  await ensureSchemaCopy(root.real);
  const temp = path.join(root.real, `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(temp);
  try {
    await writeFile(path.join(temp, FILES.de), files.de);
    await writeFile(path.join(temp, FILES.en), files.en);
    await writeFile(path.join(temp, FILES.facts), files.facts);
    for (let n = 1; n < 1000; n++) {
      const id = candidateId(base, n);
      if (existsSync(path.join(root.real, id))) continue;
      try {
        await rename(temp, path.join(root.real, id));
        return id;
      } catch (cause) {
        // Another refresh took the id between the check and the rename: try the next number.
        const code = (cause as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR') throw cause;
      }
    }
    throw new ItemWriteError(`${article.title}: no free id`);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Removes the hidden folders of refreshes that were killed (their process is gone). */
export async function removeStaleTemporaries(root: LibraryRoot): Promise<void> {
  let names: string[];
  try {
    names = await readdir(root.real);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^\.refresh-(\d+)-/.exec(name)?.[1] ?? NaN);
    // Another refresh that is still running owns its folder.
    if (Number.isNaN(pid) || processAlive(pid)) continue;
    await rm(path.join(root.real, name), { recursive: true, force: true }).catch(() => undefined);
  }
}


export type Change = 'title' | 'dek' | 'text';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The German front matter of an update: the new item's fields over the old ones (the curator's tags stay). */
function mergedMeta(old: GermanFrontMatter, article: ItemArticle): ArticleToWrite {
  return {
    id: '',
    ...(old.tags ? { tags: old.tags } : {}),
    ...article,
    // The first publication time stays: the id and the list order were made from it.
    published: old.published,
  };
}

/** The English file marked as needing a check: status draft and a note of what changed; the text is kept byte for byte. */
function markEnglish(source: string, note: string): string {
  const split = splitMarkdown(source);
  if (split.yaml === null || split.unterminated) return source;
  const doc = parseDocument(split.yaml, YAML_OPTIONS);
  doc.set('status', 'draft');
  doc.set('changed', note);
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const body = lines.slice(split.bodyLine - 1).join('\n');
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`;
}

/** An English skeleton resized to one placeholder per German unit, its front matter kept. */
function resizeSkeleton(source: string, units: readonly string[]): string {
  const count = units.length;
  const split = splitMarkdown(source);
  if (split.yaml === null || split.unterminated) return renderEnglish(units);
  return `---\n${split.yaml}\n---\n\n${Array.from({ length: count }, () => PLACEHOLDER).join('\n\n')}\n`;
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

export interface UpdateResult {
  /** What changed in the German; empty when only the fingerprint (or the text's origin) moved. */
  changes: Change[];
}

/**
 * Brings an existing article up to date with its item. The German is replaced; the English
 * keeps its text, set back to draft with a note of what changed (a skeleton is resized);
 * candidate facts are proposed again unless a curator confirmed some.
 */
export async function updateArticle(root: LibraryRoot, id: string, article: ItemArticle, day: string): Promise<UpdateResult> {
  const dir = path.join(root.real, id);
  // Nothing is written through a link: an article folder that is one may lead out of the library.
  const info = await lstat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new ItemWriteError(`${id}: not a plain folder (a link?); not updated`);
  const deFile = path.join(dir, FILES.de);
  const oldDe = await readText(deFile);
  const parsed = oldDe === null ? null : parseGerman(oldDe, deFile);
  const old = parsed?.ok ? parsed.value : null;
  const next = old ? mergedMeta(old.meta, article) : { id, ...article };
  const changes: Change[] = [];
  if (!old || old.meta.title !== next.title) changes.push('title');
  if (old && (old.meta.dek ?? '') !== (next.dek ?? '')) changes.push('dek');
  // Units are compared in their written form: a subheading is "## …" on both sides.
  if (!old || !same(old.body.map((p) => blockMarkdown(p.shape)), next.paragraphs)) changes.push('text');
  const de = renderGerman(next);
  if (Buffer.byteLength(de) > MAX_FILE_BYTES) throw new ItemWriteError(`${article.title}: ${FILES.de} would be larger than the library opens`);
  if (changes.length > 0) {
    const enFile = path.join(dir, FILES.en);
    const en = await readText(enFile);
    const english = en === null ? null : parseEnglish(en, enFile);
    if (en !== null && english?.ok && english.value.body.some((p) => p.text !== '')) {
      await writeFileAtomic(enFile, markEnglish(en, `${day}: the publisher changed the ${changes.join(', ')}; check the English`), 0o644);
    } else if (en === null || english?.ok) {
      await writeFileAtomic(enFile, en === null ? renderEnglish(next.paragraphs) : resizeSkeleton(en, next.paragraphs), 0o644);
    }
    if (changes.includes('text')) await refreshCandidates(root, dir, next.paragraphs);
  }
  if (de !== oldDe) await writeFileAtomic(deFile, de, 0o644);
  return { changes };
}

/** New candidate facts for new text, unless the facts file holds confirmed facts (a curator's work). */
async function refreshCandidates(root: LibraryRoot, dir: string, paragraphs: readonly string[]): Promise<void> {
  const file = path.join(dir, FILES.facts);
  const text = await readText(file);
  if (text !== null) {
    const facts = parseFacts(text, file);
    if (!facts.ok || facts.value.facts.some((f) => f.confirmed) || facts.value.glossary.length > 0) return;
  }
  await writeFileAtomic(file, renderFacts(candidateFacts(paragraphs), await factsSchemaPath(root.real)), 0o644);
}
