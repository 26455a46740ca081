/**
 * `newsbridge validate [ID|DIR] [--errors-only] [--json]`: every problem as `file:line:
 * message` (in the interface language), one summary line per article with problems; exit 1
 * on errors.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnosticText, hasErrors, showDiagnosticIn, type Diagnostic, type DiagnosticWords } from '../content/diagnostic.js';
import { FILES, isArticleId } from '../content/library-paths.js';
import { openLibrary } from '../content/load-library.js';
import { validateArticle, validateLibrary, type ArticleReport, type LibraryReport } from '../curate/validate-library.js';
import { cacheDir } from '../storage/app-dirs.js';
import { sanitise, showControls, terminalSafeJson } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import { libraryFlag, reportRecovery, requireLibrary, type CommandContext, type GlobalOptions } from './context.js';

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

async function reportsFor(target: string | undefined, options: GlobalOptions, ctx: CommandContext): Promise<ArticleReport[]> {
  if (target === undefined) {
    const { root } = await requireLibrary(ctx, options);
    return withCache(await validateLibrary(root, cacheDir(ctx.env)));
  }
  const looksLikePath = target.includes('/') || target.includes(path.sep) || target === '.' || target === '..';
  if (!looksLikePath && isArticleId(target)) {
    const { root, shown } = await requireLibrary(ctx, options);
    if (!existsSync(path.join(root.real, target)) && isDirectory(target)) return reportsForDir(target, ctx);
    if (!existsSync(path.join(root.real, target))) {
      throw new CliError(ctx.t('cli.unknownId', { id: target, library: shown }), 2, ctx.t('cli.unknownIdHint', { library: libraryFlag(options, ctx.env) }));
    }
    return [await validateArticle(root, target)];
  }
  if (!isDirectory(target)) throw new CliError(ctx.t('cli.badId', { id: sanitise(target) }), 2, ctx.t('cli.unknownIdHint', { library: libraryFlag(options, ctx.env) }));
  return reportsForDir(target, ctx);
}

/** A folder: one article (it holds article.de.md) or a whole library. */
async function reportsForDir(dir: string, ctx: CommandContext): Promise<ArticleReport[]> {
  const absolute = path.resolve(dir);
  if (existsSync(path.join(absolute, FILES.de))) {
    const opened = await openLibrary(path.dirname(absolute));
    if (!opened.ok) throw new CliError(ctx.t('cli.libraryProblem', { library: sanitise(dir), message: opened.message }));
    reportRecovery(ctx, opened.recovered);
    return [await validateArticle(opened.root, path.basename(absolute))];
  }
  const opened = await openLibrary(absolute);
  if (!opened.ok) throw new CliError(ctx.t('cli.libraryProblem', { library: sanitise(dir), message: opened.message }));
  reportRecovery(ctx, opened.recovered);
  return withCache(await validateLibrary(opened.root, cacheDir(ctx.env)));
}

/** The reports, with the results cache written before the command ends. */
function withCache(library: LibraryReport): ArticleReport[] {
  library.save();
  return library.reports;
}

export interface ValidateOptions extends GlobalOptions {
  errorsOnly?: boolean;
  json?: boolean;
}

/** The diagnostics in the interface language (their codes translated; English text otherwise). */
function wordsFor(ctx: CommandContext): DiagnosticWords {
  return {
    message: (code, params) => diagnosticText(code, params, ctx.language),
    warning: ctx.t('validate.warningWord'),
  };
}

const count = (list: readonly Diagnostic[], severity: Diagnostic['severity']) => list.filter((d) => d.severity === severity).length;

/**
 * `validate --json`: `{format: "newsbridge.validate", version: 1, articles: [{id, errors,
 * warnings, diagnostics: [{file, line, severity, code, params, message}]}], errors, warnings}`,
 * messages in the interface language (documented in the README).
 */
function jsonReport(reports: readonly ArticleReport[], options: ValidateOptions, ctx: CommandContext): unknown {
  const words = wordsFor(ctx);
  const articles = reports.map((r) => ({
    id: r.id,
    errors: count(r.diagnostics, 'error'),
    warnings: count(r.diagnostics, 'warning'),
    diagnostics: r.diagnostics
      .filter((d) => !options.errorsOnly || d.severity === 'error')
      .map((d) => ({
        file: d.file,
        line: d.line ?? null,
        severity: d.severity,
        code: d.code ?? null,
        ...(d.params ? { params: d.params } : {}),
        message: sanitise(d.code && words.message ? words.message(d.code, d.params ?? {}) : d.message),
      })),
  }));
  return {
    format: 'newsbridge.validate',
    version: 1,
    articles,
    errors: articles.reduce((n, a) => n + a.errors, 0),
    warnings: articles.reduce((n, a) => n + a.warnings, 0),
  };
}

export async function validateCommand(target: string | undefined, options: ValidateOptions, ctx: CommandContext): Promise<number> {
  const reports = await reportsFor(target, options, ctx);
  const all = reports.flatMap((r) => r.diagnostics);
  if (options.json) {
    ctx.out(`${terminalSafeJson(jsonReport(reports, options, ctx))}\n`);
    return hasErrors(all) ? 1 : 0;
  }
  const words = wordsFor(ctx);
  const shown = options.errorsOnly ? all.filter((d) => d.severity === 'error') : all;
  const sorted = [...shown].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (sorted.length > 0) ctx.out(`${sorted.map((d) => showDiagnosticIn(d, words)).join('\n')}\n`);
  const errors = count(all, 'error');
  const warnings = all.length - errors;
  // One line per article with problems, when several have some: where to start.
  const troubled = reports.filter((r) => (options.errorsOnly ? count(r.diagnostics, 'error') : r.diagnostics.length) > 0);
  if (troubled.length > 1) {
    // Most articles share their counts: each pair is worded once (100,000 articles made 200,000 calls of t).
    const worded = new Map<string, string>();
    const counts = (errorCount: number, warningCount: number) => {
      const key = `${errorCount}/${warningCount}`;
      let text = worded.get(key);
      if (text === undefined) {
        text = `${ctx.t('cli.errors', { count: errorCount })}, ${ctx.t('cli.warnings', { count: warningCount })}`;
        worded.set(key, text);
      }
      return text;
    };
    const lines = troubled.map((r) => `  ${showControls(r.id)}: ${counts(count(r.diagnostics, 'error'), count(r.diagnostics, 'warning'))}`);
    ctx.err(`${ctx.t('validate.perArticle')}\n${lines.join('\n')}\n`);
  }
  const summary =
    all.length === 0
      ? ctx.t('cli.validateClean', { count: reports.length })
      : ctx.t('cli.validateSummary', {
          articles: ctx.t('cli.articles', { count: reports.length }),
          errors: ctx.t('cli.errors', { count: errors }),
          warnings: ctx.t('cli.warnings', { count: warnings }),
        });
  const hidden = options.errorsOnly && warnings > 0 ? ` ${ctx.t('validate.warningsHidden', { count: warnings })}` : '';
  ctx.err(`${summary}${hidden}\n`);
  return hasErrors(all) ? 1 : 0;
}
