/** `newsbridge translate ID… | --untranslated [--provider P] [--dry-run] [--force]`: machine drafts. */
import { displayPath, isArticleId } from '../content/library-paths.js';
import { listLibraryIndexed } from '../content/load-library.js';
import { updateIndexEntries } from '../content/index-update.js';
import type { LibraryRoot } from '../content/load-article.js';
import { intlLocale } from '../i18n/language.js';
import { cacheDir } from '../storage/app-dirs.js';
import { sanitise } from '../text/sanitize.js';
import { describeDraftError } from '../translate/describe-error.js';
import { draftArticle, planArticle, type ArticlePlan, type Drafter, type DraftOutcome } from '../translate/draft-article.js';
import { describeNoDrafter, openDrafter, type DrafterResult } from '../translate/open-drafter.js';
import type { DraftKey } from '../translate/draft-plan.js';
import { DEFAULT_SETTINGS } from '../config/settings.js';
import { configPath } from '../config/config-path.js';
import { CliError } from './cli-error.js';
import { requireLibrary, type CommandContext, type GlobalOptions } from './context.js';

export interface TranslateOptions extends GlobalOptions {
  untranslated?: boolean;
  provider?: string;
  dryRun?: boolean;
  force?: boolean;
}

/** "the title, the dek and 2 paragraphs" in the interface language. */
function partsText(keys: readonly DraftKey[], ctx: CommandContext): string {
  const paragraphs = keys.filter((k) => typeof k === 'number').length;
  const parts = [
    ...(keys.includes('title') ? [ctx.t('translate.partTitle')] : []),
    ...(keys.includes('dek') ? [ctx.t('translate.partDek')] : []),
    ...(paragraphs > 0 ? [ctx.t('translate.partParagraphs', { count: paragraphs })] : []),
  ];
  return new Intl.ListFormat(intlLocale(ctx.language), { type: 'conjunction' }).format(parts);
}

const number = (n: number, ctx: CommandContext) => new Intl.NumberFormat(intlLocale(ctx.language)).format(n);

/** The drafter, or the one-line reason there is none (exit 2: a matter of setup, not of the articles). */
function requireDrafter(opened: DrafterResult, ctx: CommandContext): Drafter {
  if (opened.ok) return opened.drafter;
  const { message, hint } = describeNoDrafter(opened, ctx.t, displayPath(ctx.config?.file ?? configPath(ctx.env)));
  throw new CliError(message, 2, hint);
}

/** The articles named, each checked to exist; or with --untranslated every one not reviewed with something to draft. */
async function articleIds(ids: readonly string[], options: TranslateOptions, root: LibraryRoot, shown: string, flag: string, ctx: CommandContext): Promise<string[]> {
  if (options.untranslated && ids.length > 0) throw new CliError(ctx.t('translate.idsAndUntranslated'), 2, ctx.t('cli.hint', { command: 'translate ' }));
  if (!options.untranslated && ids.length === 0) throw new CliError(ctx.t('translate.noIds'), 2, ctx.t('cli.hint', { command: 'translate ' }));
  if (options.untranslated) {
    const { entries, saveIndex } = await listLibraryIndexed(root, cacheDir(ctx.env));
    await saveIndex();
    // Oldest first: drafts of a backlog come in the order the news came.
    return entries.filter((e) => e.ok && e.summary.translation !== 'reviewed').map((e) => e.id).reverse();
  }
  for (const id of ids) {
    if (!isArticleId(id)) throw new CliError(ctx.t('cli.badId', { id: sanitise(id) }), 2, ctx.t('cli.unknownIdHint', { library: flag }));
  }
  const plans = await Promise.all(ids.map((id) => planArticle(null, root, id)));
  const missing = plans.find((p) => p.skipped === 'notFound');
  if (missing) throw new CliError(ctx.t('cli.unknownId', { id: missing.id, library: shown }), 2, ctx.t('cli.unknownIdHint', { library: flag }));
  return [...new Set(ids)];
}

/** --dry-run: every sentence that would be sent, with its size; the cache's hits marked. */
function dryRunLines(plan: ArticlePlan, ctx: CommandContext, quiet: boolean): string[] {
  if (plan.skipped === 'nothingToDraft' && quiet) return [];
  if (plan.skipped) return [ctx.t(`translate.skipped.${plan.skipped}`, { id: plan.id, library: '' })];
  const lines = [ctx.t('translate.dryArticle', { id: plan.id, parts: partsText(plan.targets.map((t) => t.key), ctx) })];
  for (const target of plan.targets) {
    const where = typeof target.key === 'number' ? `¶${target.key + 1}` : ctx.t(target.key === 'title' ? 'translate.partTitle' : 'translate.partDek');
    target.planned.forEach((s, i) => {
      const size = s.cached ? ctx.t('translate.dryCached') : number([...s.text].length, ctx);
      lines.push(`  ${target.sentences.length > 1 ? `${where}.${i + 1}` : where}  (${size})  ${sanitise(s.text)}`);
    });
  }
  return lines;
}

function outcomeLines(outcome: DraftOutcome, ctx: CommandContext, flag: string): string[] {
  const { id } = outcome;
  const lines: string[] = [];
  if (outcome.skipped) lines.push(ctx.t(`translate.skipped.${outcome.skipped}`, { id, library: flag }));
  if (outcome.drafted.length > 0) {
    const sent = outcome.drafted.reduce((n, d) => n + d.sent, 0);
    const cached = outcome.drafted.reduce((n, d) => n + d.cached, 0);
    lines.push(ctx.t('translate.drafted', { id, parts: partsText(outcome.drafted.map((d) => d.key), ctx), sent: number(sent, ctx), cached: number(cached, ctx) }));
  }
  for (const part of outcome.drafted) {
    if (!part.exact && typeof part.key === 'number') lines.push(ctx.t('translate.notExact', { id, n: part.key + 1 }));
  }
  if (outcome.taken.length > 0) lines.push(ctx.t('translate.taken', { id, parts: partsText(outcome.taken, ctx) }));
  return lines;
}

export async function translateCommand(ids: string[], options: TranslateOptions, ctx: CommandContext): Promise<number> {
  const settings = ctx.config?.settings ?? DEFAULT_SETTINGS;
  const opened = openDrafter(settings, ctx.env, options.provider);
  // A dry run shows what would go out even before a provider is set up.
  const drafter = options.dryRun && !opened.ok && opened.reason === 'none' ? null : requireDrafter(opened, ctx);
  const { root, shown, flag } = await requireLibrary(ctx, options);
  const chosen = await articleIds(ids, options, root, shown, flag, ctx);
  const plan = { force: options.force ?? false };

  if (options.dryRun) {
    let toSend = 0;
    let cached = 0;
    for (const id of chosen) {
      const planned = await planArticle(drafter, root, id, plan);
      toSend += planned.toSend;
      cached += planned.cached;
      const lines = dryRunLines(planned, ctx, options.untranslated ?? false);
      if (lines.length > 0) ctx.out(`${lines.join('\n')}\n`);
    }
    const where = drafter ? ctx.t('translate.dryWhere', { provider: drafter.provider.name, endpoint: sanitise(drafter.provider.endpoint) }) : ctx.t('translate.dryNowhere');
    ctx.err(`${ctx.t('translate.drySummary', { sent: number(toSend, ctx), cached: number(cached, ctx), where })}\n`);
    return 0;
  }

  const active = drafter as Drafter;
  let sent = 0;
  let cached = 0;
  let articles = 0;
  const drafted: string[] = [];
  try {
    for (const id of chosen) {
      const outcome = await draftArticle(active, { root, id, ...plan });
      if (options.untranslated && outcome.skipped === 'nothingToDraft') continue;
      sent += outcome.sent;
      cached += outcome.cached;
      if (outcome.drafted.length > 0) articles++;
      if (outcome.drafted.length > 0) drafted.push(id);
      const lines = outcomeLines(outcome, ctx, flag);
      if (lines.length > 0) ctx.out(`${lines.join('\n')}\n`);
      if (outcome.error) {
        const kept = outcome.drafted.length > 0 ? ctx.t('translate.keptBefore', { parts: partsText(outcome.drafted.map((d) => d.key), ctx) }) : ctx.t('translate.nothingWritten');
        throw new CliError(describeDraftError(outcome.error, ctx.t), 1, kept);
      }
    }
  } finally {
    // A draft changes an article's translation status in the list: the index hears of it.
    if (drafted.length > 0) await updateIndexEntries(cacheDir(ctx.env), root, drafted);
  }
  const provider = active.provider;
  if (articles === 0 && options.untranslated) {
    ctx.err(`${ctx.t('translate.nothingAnywhere')}\n`);
    return 0;
  }
  ctx.err(`${ctx.t('translate.summary', { count: articles, provider: sanitise(provider.name), model: sanitise(provider.model), sent: number(sent, ctx), cached: number(cached, ctx) })}\n`);
  return 0;
}
