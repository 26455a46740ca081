/** `newsbridge validate [ID|DIR]`: every problem as `file:line: message`; exit 1 on errors. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasErrors, showDiagnostic } from '../content/diagnostic.js';
import { FILES, isArticleId } from '../content/library-paths.js';
import { openLibrary } from '../content/load-library.js';
import { validateArticle, validateLibrary, type ArticleReport, type LibraryReport } from '../curate/validate-library.js';
import { cacheDir } from '../storage/app-dirs.js';
import { sanitise } from '../text/sanitize.js';
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

export async function validateCommand(target: string | undefined, options: GlobalOptions, ctx: CommandContext): Promise<number> {
  const reports = await reportsFor(target, options, ctx);
  const all = reports.flatMap((r) => r.diagnostics);
  const sorted = [...all].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (sorted.length > 0) ctx.out(`${sorted.map((d) => showDiagnostic(d)).join('\n')}\n`);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const summary =
    all.length === 0
      ? ctx.t('cli.validateClean', { count: reports.length })
      : ctx.t('cli.validateSummary', {
          articles: ctx.t('cli.articles', { count: reports.length }),
          errors: ctx.t('cli.errors', { count: errors }),
          warnings: ctx.t('cli.warnings', { count: warnings }),
        });
  ctx.err(`${summary}\n`);
  return hasErrors(all) ? 1 : 0;
}
