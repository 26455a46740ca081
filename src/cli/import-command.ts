/** `newsbridge import FILE|URL|- [--id ID] [--force] [--translation FILE]`: bring articles in. */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic } from '../content/diagnostic.js';
import { displayPath, isArticleId } from '../content/library-paths.js';
import { loadArticle } from '../content/load-article.js';
import { openLibrary } from '../content/load-library.js';
import { completeArticle, importDocument, ImportInputError, type ImportedDocument } from '../curate/import-document.js';
import { FetchError, fetchDocument, isUrl, DEFAULT_LIMITS } from '../curate/import-fetch.js';
import { candidateFacts } from '../curate/import-facts.js';
import { articleIdFor } from '../curate/import-slug.js';
import { alignTranslation, parseEnglishText, type AlignedTranslation, type Doubt } from '../curate/import-translation.js';
import {
  ArticleExistsError,
  articleExists,
  factsSchemaPath,
  renderEnglish,
  renderFacts,
  renderGerman,
  writeArticleFiles,
  type ArticleToWrite,
} from '../curate/import-write.js';
import { sanitise } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import { libraryDir, type CommandContext, type GlobalOptions } from './context.js';

export interface ImportOptions extends GlobalOptions {
  id?: string;
  force?: boolean;
  translation?: string;
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
    const code = (cause as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') throw new CliError(ctx.t('import.noSuchFile', { file: shown }), 2, ctx.t('import.inputHint'));
    throw new CliError(ctx.t('import.cannotRead', { file: shown, code }));
  }
}

function fetchFailure(error: FetchError, address: string, ctx: CommandContext): CliError {
  const url = sanitise(address);
  const host = sanitise(/^https?:\/\/([^/?#]+)/i.exec(address)?.[1] ?? address);
  const mb = DEFAULT_LIMITS.maxBytes / 1024 / 1024;
  const message = {
    badUrl: () => ctx.t('import.badUrl', { url }),
    offline: () => ctx.t('import.offline', { host }),
    refused: () => ctx.t('import.refused', { host }),
    network: () => ctx.t('import.network', { host }),
    timeout: () => ctx.t('import.timeout', { url, seconds: DEFAULT_LIMITS.timeoutMs / 1000 }),
    tooLarge: () => ctx.t('import.tooLargeUrl', { url, mb }),
    tooManyRedirects: () => ctx.t('import.tooManyRedirects', { url, max: DEFAULT_LIMITS.maxRedirects }),
    httpStatus: () => ctx.t('import.httpStatus', { url, status: sanitise(error.detail) }),
    badContentType: () => ctx.t('import.badContentType', { url, type: sanitise(error.detail) }),
  }[error.code]();
  return new CliError(message);
}

async function readInput(input: string, ctx: CommandContext): Promise<Input> {
  if (input === '-') {
    if (ctx.stdinIsTTY) throw new CliError(ctx.t('import.stdinIsTerminal'), 2, ctx.t('import.stdinHint'));
    return { bytes: await readStdin(ctx), name: '-' };
  }
  if (isUrl(input)) {
    try {
      const fetched = await fetchDocument(input, DEFAULT_LIMITS);
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

async function parseInput(input: Input, ctx: CommandContext): Promise<ImportedDocument> {
  try {
    return await importDocument(input.bytes, input.contentType ? { contentType: input.contentType } : {});
  } catch (cause) {
    if (cause instanceof ImportInputError) throw inputFailure(cause, input.name, ctx);
    throw cause;
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

async function readTranslation(file: string, article: Omit<ArticleToWrite, 'id'>, ctx: CommandContext): Promise<AlignedTranslation> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(file, ctx);
  } catch (cause) {
    // The input hint is about the German source; for the translation the message says enough.
    if (cause instanceof CliError) throw new CliError(cause.message, cause.exitCode);
    throw cause;
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const english = parseEnglishText(text);
  if (english.paragraphs.length === 0) throw new CliError(ctx.t('import.empty', { file: sanitise(file) }));
  return alignTranslation(article.paragraphs, english, article.dek);
}

/** Checks the written folder with the same loader the reader uses. */
async function verify(library: string, id: string, ctx: CommandContext): Promise<void> {
  const opened = await openLibrary(library);
  if (!opened.ok) throw new CliError(ctx.t('import.doesNotLoad', { message: opened.message }), 70);
  const result = await loadArticle(opened.root, id);
  if (!result.ok) {
    const first = result.errors[0];
    throw new CliError(ctx.t('import.doesNotLoad', { message: first ? sanitise(formatDiagnostic(first)) : id }), 70);
  }
}

interface Written {
  id: string;
  lines: string[];
}

async function writeOne(
  doc: ImportedDocument,
  index: number,
  input: Input,
  library: string,
  options: ImportOptions,
  ctx: CommandContext,
): Promise<Written | { skipped: string }> {
  const found = doc.articles[index];
  if (!found) return { skipped: '' };
  const { article, guessed } = completeArticle(found, input.url ? { url: input.url } : {});
  const id = options.id ?? articleIdFor(article.title, guessed.includes('published') ? undefined : article.published);
  if (articleExists(library, id) && !options.force) {
    if (doc.kind === 'feed') return { skipped: id };
    throw new CliError(ctx.t('import.exists', { id, library: sanitise(displayPath(library)) }), 2, ctx.t('import.existsHint'));
  }
  const translation = options.translation ? await readTranslation(options.translation, article, ctx) : undefined;
  const facts = candidateFacts(article.paragraphs);
  const full: ArticleToWrite = { id, ...article };
  let files;
  try {
    files = await writeArticleFiles(
      library,
      id,
      {
        de: renderGerman(full),
        en: renderEnglish(article.paragraphs.length, translation),
        facts: renderFacts(facts, await factsSchemaPath(library)),
      },
      options.force === true,
    );
  } catch (cause) {
    if (cause instanceof ArticleExistsError) throw new CliError(ctx.t('import.exists', { id, library: sanitise(displayPath(library)) }), 2, ctx.t('import.existsHint'));
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
    throw new CliError(ctx.t('cli.libraryProblem', { library: sanitise(displayPath(library)), message: `cannot write ${id} (${code})` }));
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
    `  ${shown(files.de)}`,
    `  ${shown(files.en)}`,
    `  ${shown(files.facts)}`,
  ];
  for (const what of guessed) {
    const value = what === 'title' ? article.title : what === 'source' ? article.source : article.published;
    lines.push(ctx.t(`import.guessed_${what}` as const, { value: sanitise(value), file: shown(files.de) }));
  }
  if (translation) lines.push(...translationReport(translation, options.translation ?? '', shown(files.en), ctx));
  return { id, lines };
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

export async function importCommand(input: string, options: ImportOptions, ctx: CommandContext): Promise<number> {
  if (options.id !== undefined && !isArticleId(options.id)) {
    throw new CliError(ctx.t('import.badId', { id: sanitise(options.id) }), 2, ctx.t('cli.hint', { command: 'import ' }));
  }
  const library = libraryDir(options, ctx.env);
  const source = await readInput(input, ctx);
  const doc = await parseInput(source, ctx);
  if (doc.articles.length > 1 && (options.id !== undefined || options.translation !== undefined)) {
    const option = options.id !== undefined ? '--id' : '--translation';
    throw new CliError(ctx.t('import.singleOnly', { option, file: sanitise(source.name), count: doc.articles.length }), 2);
  }

  const out: string[] = [];
  if (doc.decoded.declaredWrong && doc.decoded.declared) {
    out.push(ctx.t('import.charsetWrong', { file: sanitise(source.name), declared: sanitise(doc.decoded.declared), used: doc.decoded.encoding }));
  }
  try {
    await mkdir(library, { recursive: false });
    out.push(ctx.t('import.createdLibrary', { library: sanitise(displayPath(library)) }));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      await mkdir(library, { recursive: true });
      out.push(ctx.t('import.createdLibrary', { library: sanitise(displayPath(library)) }));
    } else if (code !== 'EEXIST') {
      throw new CliError(ctx.t('cli.libraryProblem', { library: sanitise(displayPath(library)), message: code ?? String(cause) }));
    }
  }

  const written: Written[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < doc.articles.length; i++) {
    const result = await writeOne(doc, i, source, library, options, ctx);
    if ('skipped' in result) {
      skipped.push(result.skipped);
      out.push(ctx.t('import.skipped', { id: result.skipped }));
      continue;
    }
    // Two items of one feed with the same date and title would be the same folder.
    if (seen.has(result.id)) continue;
    seen.add(result.id);
    written.push(result);
    out.push(...result.lines);
  }

  const libraryArg = options.library !== undefined || ctx.env['NEWSBRIDGE_LIBRARY'] ? ` --library ${sanitise(displayPath(library))}` : '';
  if (doc.kind === 'feed') {
    out.push(ctx.t('import.feedSummary', { imported: written.length, total: doc.articles.length, skipped: skipped.length }));
    out.push(written.length > 0 ? ctx.t('import.nextFeed', { library: libraryArg }) : ctx.t('import.nothingNew'));
  } else if (written[0]) {
    const facts = sanitise(displayPath(path.join(library, written[0].id, 'facts.yaml')));
    const key = options.translation ? 'import.nextTranslated' : 'import.next';
    out.push(ctx.t(key, { id: written[0].id, library: libraryArg, facts }));
  }
  ctx.out(`${out.join('\n')}\n`);
  return 0;
}

