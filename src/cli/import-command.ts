/** `newsbridge import FILE|URL|- [--id ID] [--force] [--translation FILE]`: bring articles in. */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic } from '../content/diagnostic.js';
import { bundledLibrary, displayPath, FILES, isArticleId } from '../content/library-paths.js';
import { loadArticle } from '../content/load-article.js';
import { openLibrary } from '../content/load-library.js';
import { updateIndexEntries } from '../content/index-update.js';
import { cacheDir } from '../storage/app-dirs.js';
import { MAX_FILE_BYTES } from '../content/read-file.js';
import type { Fact, GlossaryFileEntry } from '../content/schema.js';
import { completeArticle, decodeInput, importDocument, ImportInputError, type Guess, type ImportedDocument } from '../import/document.js';
import { FetchError, fetchDocument, isUrl, DEFAULT_LIMITS } from '../net/fetch.js';
import { MAX_HTML_DEPTH } from '../import/html-depth.js';
import { fetchErrorText } from '../net/fetch-message.js';
import { candidateFacts, proposedGlossary } from '../import/candidate-facts.js';
import { ensureSchemaCopy, FACTS_SCHEMA_REF } from '../import/schema-copy.js';
import { articleIdFor } from '../import/slug.js';
import { alignTranslation, parseEnglishText, type AlignedTranslation, type Doubt } from '../import/translation.js';
import {
  ArticleExistsError,
  articleExists,
  ensureFolder,
  factsSchemaPath,
  LibraryFolderError,
  reasonOf,
  renderEnglish,
  renderFacts,
  renderGerman,
  writeArticleFiles,
  type ArticleToWrite,
} from '../import/write.js';
import { intlLocale } from '../i18n/language.js';
import { sanitise } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import { libraryDir, libraryFlag, type CommandContext, type GlobalOptions } from './context.js';

export interface ImportOptions extends GlobalOptions {
  id?: string;
  force?: boolean;
  translation?: string;
}

/** The path with links resolved as far as it exists (a library that is still to be made). */
async function realish(dir: string): Promise<string> {
  const rest: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    try {
      return path.join(await realpath(at), ...rest);
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return path.resolve(dir);
      rest.unshift(path.basename(at));
      at = parent;
    }
  }
}

/**
 * The library to import into. It must be chosen (--library, NEWSBRIDGE_LIBRARY or the
 * configured default, all read by libraryDir): the bundled articles ship with the program
 * (inside node_modules once installed) and are never written to.
 */
async function importLibrary(options: ImportOptions, ctx: CommandContext): Promise<string> {
  const library = libraryDir(options, ctx.env, ctx.t, ctx.config);
  const [chosen, bundled] = await Promise.all([realish(library), realish(bundledLibrary())]);
  if (chosen === bundled || chosen.startsWith(`${bundled}${path.sep}`)) {
    throw new CliError(ctx.t('import.needsLibrary'), 2, ctx.t('import.needsLibraryHint'));
  }
  return library;
}

/** Largest input read from a file or standard input (a URL has its own cap while streaming). */
const MAX_INPUT_BYTES = DEFAULT_LIMITS.maxBytes;

interface Input {
  bytes: Uint8Array;
  /** How the input is named in messages. */
  name: string;
  contentType?: string;
  url?: string;
}

async function readStdin(ctx: CommandContext): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buffer.length;
    if (total > MAX_INPUT_BYTES) throw new CliError(ctx.t('import.tooLarge', { file: '-', mb: MAX_INPUT_BYTES / 1024 / 1024 }));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads a local file, turning every failure into a one-line error naming it. */
export async function readInputFile(file: string, ctx: CommandContext): Promise<Uint8Array> {
  const shown = sanitise(file);
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(ctx.t('import.notAFile', { file: shown }), 2, ctx.t('import.inputHint'));
    if (info.size > MAX_INPUT_BYTES) throw new CliError(ctx.t('import.tooLarge', { file: shown, mb: MAX_INPUT_BYTES / 1024 / 1024 }));
    return await readFile(file);
  } catch (cause) {
    if (cause instanceof CliError) throw cause;
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(ctx.t('import.noSuchFile', { file: shown }), 2, ctx.t('import.inputHint'));
    throw new CliError(ctx.t('import.cannotRead', { file: shown, code: reasonOf(cause) }));
  }
}

function fetchFailure(error: FetchError, address: string, ctx: CommandContext): CliError {
  return new CliError(fetchErrorText(error, address, ctx.t));
}

async function readInput(input: string, ctx: CommandContext): Promise<Input> {
  if (input === '-') {
    if (ctx.stdinIsTTY) throw new CliError(ctx.t('import.stdinIsTerminal'), 2, ctx.t('import.stdinHint'));
    return { bytes: await readStdin(ctx), name: '-' };
  }
  if (isUrl(input)) {
    try {
      const fetched = await fetchDocument(input, DEFAULT_LIMITS, { env: ctx.env });
      return { bytes: fetched.bytes, name: input, url: fetched.url, ...(fetched.contentType ? { contentType: fetched.contentType } : {}) };
    } catch (cause) {
      if (cause instanceof FetchError) throw fetchFailure(cause, input, ctx);
      throw cause;
    }
  }
  return { bytes: await readInputFile(input, ctx), name: input };
}

function inputFailure(error: ImportInputError, name: string, ctx: CommandContext): CliError {
  const file = sanitise(name);
  const hint = ctx.t('import.inputHint');
  switch (error.code) {
    case 'empty':
      return new CliError(ctx.t('import.empty', { file }), 2, hint);
    case 'binary':
      return new CliError(ctx.t('import.binary', { file, line: error.line ?? 1 }), 2, hint);
    case 'unrecognised':
      return new CliError(ctx.t('import.unrecognised', { file }), 2, hint);
    case 'noText':
      return new CliError(ctx.t('import.noText', { file }), 2);
    case 'noItems':
      return new CliError(ctx.t('import.noItems', { file }), 2);
    case 'badFeed':
      return new CliError(ctx.t('import.badFeed', { file, detail: sanitise(error.detail).slice(0, 120) }), 2);
  }
}

/** On a terminal, a line that counts the items of a large feed as they are read (one redraw in a tenth of a second). */
function itemProgress(input: Input, ctx: CommandContext, key: 'feeds.readingItems' | 'feeds.writingItems' = 'feeds.readingItems'): { onProgress?: (done: number, total: number) => void; end: () => void } {
  if (!ctx.stdoutIsTTY) return { end: () => undefined };
  let shown = false;
  let last = 0;
  return {
    onProgress: (done, total) => {
      if (total < 500 || (done < total && Date.now() - last < 100)) return;
      last = Date.now();
      shown = true;
      ctx.err(`\r\u001B[2K${ctx.t(key, { file: sanitise(input.name), done, total })}`);
    },
    end: () => {
      if (shown) ctx.err('\r\u001B[2K');
    },
  };
}

async function parseInput(input: Input, ctx: CommandContext): Promise<ImportedDocument> {
  const progress = itemProgress(input, ctx);
  try {
    return await importDocument(input.bytes, {
      ...(input.contentType ? { contentType: input.contentType } : {}),
      ...(input.url ? { url: input.url } : {}),
      ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    });
  } catch (cause) {
    if (cause instanceof ImportInputError) throw inputFailure(cause, input.name, ctx);
    throw cause;
  } finally {
    progress.end();
  }
}

function doubtLine(n: number, doubt: Doubt, ctx: CommandContext): string {
  switch (doubt.kind) {
    case 'merged':
      return ctx.t('import.doubt_merged', { n, count: doubt.english });
    case 'split':
      return ctx.t('import.doubt_split', { n, count: doubt.german });
    case 'missing':
      return ctx.t('import.doubt_missing', { n });
    case 'extra':
      return ctx.t('import.doubt_extra', { n });
    case 'length':
      return ctx.t('import.doubt_length', { n, factor: doubt.factor });
    case 'numbers':
      return ctx.t('import.doubt_numbers', { n, list: doubt.missing.map((q) => `"${sanitise(q)}"`).join(', ') });
  }
}

/**
 * The translation's text, read, checked and decoded as the main input is (before anything is
 * written). Standard input can be read once, so `-` works only when the German is a file.
 */
async function readTranslationText(file: string, mainInput: string, ctx: CommandContext): Promise<string> {
  if (file === '-' && mainInput === '-') throw new CliError(ctx.t('import.translationStdinTaken'), 2);
  try {
    const bytes = file === '-' ? (await readInput('-', ctx)).bytes : await readInputFile(file, ctx);
    return decodeInput(bytes).text;
  } catch (cause) {
    // The input hints are about the German source; for the translation the message says enough.
    const failure = cause instanceof ImportInputError ? inputFailure(cause, file, ctx) : cause;
    if (failure instanceof CliError) throw new CliError(failure.message, failure.exitCode);
    throw cause;
  }
}

function alignText(text: string, file: string, article: Omit<ArticleToWrite, 'id'>, guessed: readonly Guess[], ctx: CommandContext): AlignedTranslation {
  // A made-up German title says nothing about the English file's first line.
  const german = {
    ...(guessed.includes('title') ? {} : { title: article.title }),
    ...(article.dek ? { dek: article.dek } : {}),
    paragraphs: article.paragraphs.length,
  };
  const english = parseEnglishText(text, german);
  if (english.paragraphs.length === 0) throw new CliError(ctx.t('import.empty', { file: sanitise(file) }));
  return alignTranslation(article.paragraphs, english, article.dek);
}

/**
 * Checks the written folder with the same loader the reader uses. A broken facts.yaml no longer
 * stops an article from opening, but the import must never write one: that is an internal failure too.
 */
export async function verify(library: string, id: string, ctx: CommandContext): Promise<void> {
  const opened = await openLibrary(library);
  if (!opened.ok) throw new CliError(ctx.t('import.doesNotLoad', { message: opened.message }), 70);
  const result = await loadArticle(opened.root, id);
  const problems = result.ok ? result.article.factsErrors : result.errors;
  if (!result.ok || problems.length > 0) {
    const first = problems[0];
    throw new CliError(ctx.t('import.doesNotLoad', { message: first ? sanitise(formatDiagnostic(first)) : id }), 70);
  }
}

/** An article ready to be written: its id and the three files' text. */
interface Planned {
  id: string;
  article: Omit<ArticleToWrite, 'id'>;
  guessed: Guess[];
  facts: Fact[];
  glossary: GlossaryFileEntry[];
  translation?: AlignedTranslation;
  texts: { de: string; en: string; facts: string };
}

/** What to do with each article found, in order: write it, or say why it is skipped. */
type Step = Planned | { skip: string };

async function planOne(
  found: ImportedDocument['articles'][number],
  position: number,
  now: number,
  doc: ImportedDocument,
  input: Input,
  library: string,
  options: ImportOptions,
  translationText: string | undefined,
  ctx: CommandContext,
): Promise<Planned | { exists: string }> {
  const { article, guessed } = completeArticle(found, { ...(input.url ? { url: input.url } : {}), position, now });
  const id = options.id ?? articleIdFor(article.title, guessed.includes('published') ? undefined : article.published);
  if (articleExists(library, id) && !options.force) {
    if (doc.kind === 'feed') return { exists: id };
    throw new CliError(ctx.t('import.exists', { id, library: sanitise(displayPath(library)) }), 2, ctx.t('import.existsHint'));
  }
  const translation = translationText !== undefined ? alignText(translationText, options.translation ?? '', article, guessed, ctx) : undefined;
  const facts = candidateFacts(article.paragraphs);
  const glossary = proposedGlossary(article.paragraphs, facts);
  const texts = {
    de: renderGerman({ id, ...article }),
    en: renderEnglish(article.paragraphs, translation),
    facts: renderFacts(facts, await factsSchemaPath(library), glossary),
  };
  return { id, article, guessed, facts, glossary, ...(translation ? { translation } : {}), texts };
}

/** The library refuses files over MAX_FILE_BYTES: an article it could not open is not written. */
function checkSizes(steps: readonly Step[], input: Input, ctx: CommandContext): void {
  const oneDecimal = new Intl.NumberFormat(intlLocale(ctx.language), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  for (const step of steps) {
    if ('skip' in step) continue;
    for (const [key, text] of Object.entries(step.texts) as [keyof typeof FILES, string][]) {
      const bytes = Buffer.byteLength(text);
      if (bytes <= MAX_FILE_BYTES) continue;
      const size = oneDecimal.format(bytes / 1024 / 1024);
      throw new CliError(ctx.t('import.tooLargeForLibrary', { file: sanitise(input.name), size, name: FILES[key], mb: MAX_FILE_BYTES / 1024 / 1024 }), 2);
    }
  }
}

async function writeOne(step: Planned, doc: ImportedDocument, library: string, options: ImportOptions, ctx: CommandContext): Promise<string[]> {
  const { id, article, guessed, facts, glossary, translation } = step;
  let files;
  try {
    files = await writeArticleFiles(library, id, step.texts, options.force === true);
  } catch (cause) {
    if (cause instanceof ArticleExistsError) throw new CliError(ctx.t('import.exists', { id, library: sanitise(displayPath(library)) }), 2, ctx.t('import.existsHint'));
    const message = cause instanceof LibraryFolderError ? cause.message : `cannot write ${id}: ${reasonOf(cause)}`;
    throw new CliError(ctx.t('cli.libraryProblem', { library: sanitise(displayPath(library)), message }));
  }
  await verify(library, id, ctx);
  const shown = (p: string) => sanitise(displayPath(p));
  const lines = [
    ctx.t('import.wrote', {
      id,
      kind: ctx.t(`import.kind_${doc.kind}` as const),
      paragraphs: ctx.t('import.paragraphs', { count: article.paragraphs.length }),
      facts: ctx.t('import.facts', { count: facts.length }),
    }),
    ...(glossary.length > 0 ? [ctx.t('import.terms', { count: glossary.length })] : []),
    `  ${shown(files.de)}`,
    `  ${shown(files.en)}`,
    `  ${shown(files.facts)}`,
  ];
  for (const { file, backup } of files.kept) lines.push(ctx.t('import.kept', { file: shown(file), backup: shown(backup) }));
  for (const what of guessed) {
    if (what === 'published') lines.push(ctx.t('import.undated', { file: shown(files.de) }));
    else lines.push(ctx.t(`import.guessed_${what}` as const, { value: sanitise(what === 'title' ? article.title : article.source), file: shown(files.de) }));
  }
  if (translation) lines.push(...translationReport(translation, options.translation ?? '', shown(files.en), ctx));
  return lines;
}

function translationReport(translation: AlignedTranslation, file: string, shownEn: string, ctx: CommandContext): string[] {
  const filled = translation.paragraphs.filter((p) => p !== '').length;
  const lines = [ctx.t('import.translated', { filled, total: translation.paragraphs.length, file: sanitise(file) })];
  if (translation.title) lines.push(ctx.t('import.englishTitle', { title: sanitise(translation.title) }));
  if (translation.doubts.size === 0) {
    lines.push(ctx.t('import.noDoubts'));
    return lines;
  }
  lines.push(ctx.t('import.doubtsHeading', { file: shownEn }));
  for (const [n, doubts] of [...translation.doubts.entries()].sort((a, b) => a[0] - b[0])) {
    for (const doubt of doubts) lines.push(`  ${doubtLine(n, doubt, ctx)}`);
  }
  return lines;
}

/** The library index learns of the articles written, so the reader's next start needs to read none of them. */
async function keepIndexCurrent(library: string, ids: readonly string[], ctx: CommandContext): Promise<void> {
  if (ids.length === 0) return;
  const real = await realpath(library).catch(() => null);
  if (real !== null) await updateIndexEntries(cacheDir(ctx.env), { real }, ids);
}

export async function importCommand(input: string, options: ImportOptions, ctx: CommandContext): Promise<number> {
  if (options.id !== undefined && !isArticleId(options.id)) {
    throw new CliError(ctx.t('import.badId', { id: sanitise(options.id) }), 2, ctx.t('cli.hint', { command: 'import ' }));
  }
  const library = await importLibrary(options, ctx);
  const source = await readInput(input, ctx);
  const doc = await parseInput(source, ctx);
  if (doc.articles.length > 1 && (options.id !== undefined || options.translation !== undefined)) {
    const option = options.id !== undefined ? '--id' : '--translation';
    throw new CliError(ctx.t('import.singleOnly', { option, file: sanitise(source.name), count: doc.articles.length }), 2);
  }

  const translationText = options.translation !== undefined ? await readTranslationText(options.translation, input, ctx) : undefined;

  // Everything is worked out before the first folder is made, so a refusal leaves nothing behind.
  const steps: Step[] = [];
  const seen = new Set<string>();
  // One import, one time: undated items keep the feed's order only if they share it.
  const now = Date.now();
  for (const [index, found] of doc.articles.entries()) {
    const planned = await planOne(found, index + 1, now, doc, source, library, options, translationText, ctx);
    if ('exists' in planned) steps.push({ skip: ctx.t('import.skipped', { id: planned.exists }) });
    // Two items of one feed with the same date and title would be the same folder.
    else if (seen.has(planned.id)) steps.push({ skip: ctx.t('import.sameId', { id: planned.id }) });
    else {
      seen.add(planned.id);
      steps.push(planned);
    }
  }
  checkSizes(steps, source, ctx);

  const out: string[] = [];
  if (doc.decoded.declaredWrong && doc.decoded.declared) {
    out.push(ctx.t('import.charsetWrong', { file: sanitise(source.name), declared: sanitise(doc.decoded.declared), used: doc.decoded.encoding }));
  }
  if (doc.removed > 0) out.push(ctx.t('import.sanitised', { file: sanitise(source.name), count: doc.removed }));
  if (doc.flattenedDepth) out.push(ctx.t('import.flattened', { file: sanitise(source.name), depth: doc.flattenedDepth, max: MAX_HTML_DEPTH }));
  const shownLibrary = sanitise(displayPath(library));
  try {
    if (await ensureFolder(library, (p) => sanitise(displayPath(p)))) out.push(ctx.t('import.createdLibrary', { library: shownLibrary }));
  } catch (cause) {
    if (cause instanceof LibraryFolderError) throw new CliError(ctx.t('cli.libraryProblem', { library: shownLibrary, message: cause.message }), 2);
    throw cause;
  }

  if (steps.some((step) => !('skip' in step))) {
    const schemaProblem = await ensureSchemaCopy(library);
    if (schemaProblem) out.push(ctx.t('import.schemaNotCopied', { library: shownLibrary, reason: sanitise(schemaProblem), ref: FACTS_SCHEMA_REF }));
  }

  const written: string[] = [];
  let skipped = 0;
  const writing = itemProgress(source, ctx, 'feeds.writingItems');
  try {
    for (const [i, step] of steps.entries()) {
      writing.onProgress?.(i, steps.length);
      if ('skip' in step) {
        skipped++;
        out.push(step.skip);
        continue;
      }
      out.push(...(await writeOne(step, doc, library, options, ctx)));
      written.push(step.id);
    }
  } finally {
    writing.end();
    await keepIndexCurrent(library, written, ctx);
  }
  for (const n of doc.emptyItems) out.push(ctx.t('import.emptyItem', { n }));

  const libraryArg = libraryFlag(options, ctx.env);
  if (doc.kind === 'feed') {
    const total = doc.articles.length + doc.emptyItems.length;
    out.push(ctx.t('import.feedSummary', { imported: written.length, total, skipped: skipped + doc.emptyItems.length }));
    out.push(written.length > 0 ? ctx.t('import.nextFeed', { library: libraryArg }) : ctx.t('import.nothingNew'));
  } else if (written[0]) {
    const facts = sanitise(displayPath(path.join(library, written[0], FILES.facts)));
    const key = options.translation ? 'import.nextTranslated' : 'import.next';
    out.push(ctx.t(key, { id: written[0], library: libraryArg, facts }));
  }
  ctx.out(`${out.join('\n')}\n`);
  return 0;
}

