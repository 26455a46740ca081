/** `newsbridge show ID`: an article as plain text or JSON. */
import { showDiagnostic } from '../content/diagnostic.js';
import { isArticleId } from '../content/library-paths.js';
import { loadArticle } from '../content/load-article.js';
import type { Article } from '../content/article.js';
import type { LibraryRoot } from '../content/load-article.js';
import { sanitise } from '../text/sanitize.js';
import { jsonDocument } from './json-output.js';
import { CliError } from './cli-error.js';
import { requireLibrary, type CommandContext, type GlobalOptions } from './context.js';
import { formatArticle, type ShowLanguage } from './format-article.js';

export interface ShowOptions extends GlobalOptions {
  lang?: string;
  facts?: boolean;
  width?: string;
  json?: boolean;
}

function parseLang(value: string | undefined, ctx: CommandContext): ShowLanguage {
  const v = value ?? 'both';
  if (v === 'de' || v === 'en' || v === 'both') return v;
  throw new CliError(ctx.t('cli.badLang', { value: sanitise(v) }), 2, ctx.t('cli.hint', { command: 'show ' }));
}

/** The width used on a terminal that does not say how wide it is (or says 0 columns). */
export const DEFAULT_WIDTH = 80;

/**
 * --width, else on a terminal its width (80 when it reports none or 0 columns) capped by the
 * config's `width`, else none (one line per paragraph when piped, so the output can be searched).
 */
export function parseWidth(value: string | undefined, ctx: CommandContext): number | undefined {
  if (value === undefined) {
    if (!ctx.stdoutIsTTY) return undefined;
    const terminal = ctx.columns !== undefined && ctx.columns > 0 ? ctx.columns : DEFAULT_WIDTH;
    const most = ctx.config?.settings.width;
    return most === undefined ? terminal : Math.min(terminal, most);
  }
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 20 || n > 1000) {
    throw new CliError(ctx.t('cli.badWidth', { value: sanitise(value) }), 2, ctx.t('cli.hint', { command: 'show ' }));
  }
  return n;
}

/** Loads an article by id, turning every failure into a one-line CliError. */
export async function requireArticle(root: LibraryRoot, shown: string, id: string, ctx: CommandContext, flag = ''): Promise<Article> {
  if (!isArticleId(id)) throw new CliError(ctx.t('cli.badId', { id: sanitise(id) }), 2, ctx.t('cli.unknownIdHint', { library: flag }));
  const result = await loadArticle(root, id);
  if (result.ok) return result.article;
  if (result.notFound) throw new CliError(ctx.t('cli.unknownId', { id, library: shown }), 2, ctx.t('cli.unknownIdHint', { library: flag }));
  const details = result.errors.map((e) => `  ${showDiagnostic(e)}`).join('\n');
  throw new CliError(`${ctx.t('cli.brokenArticle', { id })}\n${details}`, 1);
}

/** The JSON form of an article: everything the reader shows. */
export function articleJson(article: Article): Record<string, unknown> {
  return {
    id: article.id,
    meta: article.meta,
    english: article.english,
    translation: article.translation,
    paragraphs: article.paragraphs.map((p) => ({ de: p.de, en: p.en, ...(p.block ? { block: p.block } : {}), ...(p.machine ? { machine: p.machine } : {}) })),
    links: article.links,
    facts: article.facts,
    glossary: article.glossary,
    proposedGlossary: article.proposedGlossary,
  };
}

export async function showCommand(id: string, options: ShowOptions, ctx: CommandContext): Promise<number> {
  const lang = parseLang(options.lang, ctx);
  const width = parseWidth(options.width, ctx);
  const { root, shown, flag } = await requireLibrary(ctx, options);
  const article = await requireArticle(root, shown, id, ctx, flag);
  // A broken facts.yaml leaves the text readable: say why the facts are missing, and carry on.
  const factsError = article.factsErrors[0];
  if (factsError) ctx.err(`${ctx.t('cli.factsBroken', { error: showDiagnostic(factsError), id, library: flag })}\n`);
  if (options.json) {
    ctx.out(jsonDocument('show', 1, articleJson(article)));
    return 0;
  }
  const lines = formatArticle(article, { lang, facts: options.facts ?? false, width, t: ctx.t, language: ctx.language });
  ctx.out(`${lines.join('\n')}\n`);
  return 0;
}
