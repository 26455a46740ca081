/**
 * Drafting articles: the API the `translate` command, the reader and feed refreshes share.
 * Each title, dek or paragraph is translated sentence by sentence (cached sentences cost
 * nothing) and written into article.en.md at once, atomically, so a failure part-way keeps
 * everything drafted before it and leaves a valid file. No React, no terminal.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../content/article.js';
import { FILES } from '../content/library-paths.js';
import { loadArticle, type LibraryRoot } from '../content/load-article.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { applyDraft, cleanSentence, stillDraftable, type DraftStamp } from './apply-draft.js';
import type { DraftCache } from './draft-cache.js';
import { DraftError } from './draft-error.js';
import { characters, planDraft, type DraftKey, type DraftTarget, type PlanOptions } from './draft-plan.js';
import type { Provider, ProviderSession } from './provider.js';

/** A provider and the cache of what it drafted before. */
export interface Drafter {
  provider: Provider;
  cache: DraftCache;
}

export interface DraftProgress {
  id: string;
  /** Targets finished (written or found taken) and in all. */
  done: number;
  total: number;
  /** The target just finished. */
  key: DraftKey;
}

export interface DraftArticleOptions extends PlanOptions {
  root: LibraryRoot;
  id: string;
  signal?: AbortSignal;
  onProgress?: (progress: DraftProgress) => void;
  /** The day written into the machine marks (default: today). */
  now?: Date;
}

export interface DraftedPart {
  key: DraftKey;
  sentences: number;
  /** German characters sent to the provider, and served from the cache. */
  sent: number;
  cached: number;
  /** False when the English splitter cuts the draft so differently that no override can pair it. */
  exact: boolean;
}

export interface DraftOutcome {
  id: string;
  /** What was written into article.en.md, in order. */
  drafted: DraftedPart[];
  /** Places a person filled while the draft was on its way: left as they are. */
  taken: DraftKey[];
  /** Why nothing was drafted: the article is reviewed, has nothing left to draft, or cannot be read. */
  skipped?: 'reviewed' | 'nothingToDraft' | 'notFound' | 'broken' | 'paragraphCounts' | 'budget';
  /** The provider's failure that stopped the draft (what was drafted before it is kept). */
  error?: DraftError;
  /** German characters sent to the provider (what DeepL bills) and served from the cache. */
  sent: number;
  cached: number;
}

/** What a draft of one sentence would cost: nothing when it is cached. */
export interface PlannedSentence {
  text: string;
  cached: boolean;
}

export interface ArticlePlan {
  id: string;
  article?: Article;
  targets: (DraftTarget & { planned: PlannedSentence[] })[];
  skipped?: DraftOutcome['skipped'];
  /** German characters that would be sent, and those the cache already has. */
  toSend: number;
  cached: number;
}

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** What drafting `id` would send (for --dry-run and budgets); reads the article, sends nothing. */
export async function planArticle(drafter: Drafter | null, root: LibraryRoot, id: string, o: PlanOptions = {}): Promise<ArticlePlan> {
  const loaded = await loadArticle(root, id);
  if (!loaded.ok) return { id, targets: [], skipped: loaded.notFound ? 'notFound' : 'broken', toSend: 0, cached: 0 };
  const article = loaded.article;
  const plan = planDraft(article, o);
  if (!plan.ok) return { id, article, targets: [], skipped: plan.reason, toSend: 0, cached: 0 };
  let toSend = 0;
  let cached = 0;
  const targets = plan.targets.map((t) => {
    const planned = t.sentences.map((text) => {
      const hit = drafter ? drafter.cache.get(drafter.cache.key(drafter.provider, text, article.glossary)) !== undefined : false;
      if (hit) cached += characters(text);
      else toSend += characters(text);
      return { text, cached: hit };
    });
    return { ...t, planned };
  });
  return { id, article, targets, ...(targets.length === 0 ? { skipped: 'nothingToDraft' as const } : {}), toSend, cached };
}

/** The English of one target's sentences: from the cache, the rest from the provider in one request. */
async function translateTarget(drafter: Drafter, session: ProviderSession, article: Article, target: DraftTarget, signal: AbortSignal | undefined): Promise<{ english: string[]; sent: number; cached: number }> {
  const { provider, cache } = drafter;
  const keys = target.sentences.map((s) => cache.key(provider, s, article.glossary));
  const english = keys.map((k) => cache.get(k));
  const missing = target.sentences.map((s, i) => ({ s, i })).filter(({ i }) => english[i] === undefined);
  let sent = 0;
  if (missing.length > 0) {
    const context = typeof target.key === 'number' ? target.german : undefined;
    const replies = await session.translate({ sentences: missing.map((m) => m.s), ...(context ? { context } : {}), glossary: article.glossary, ...(signal ? { signal } : {}) });
    const cleaned = replies.map(cleanSentence);
    if (cleaned.length !== missing.length || cleaned.some((c) => c === '')) {
      throw new DraftError('badReply', provider.name, { expected: missing.length });
    }
    missing.forEach(({ i }, n) => (english[i] = cleaned[n]));
    sent = missing.reduce((sum, m) => sum + characters(m.s), 0);
    await cache.put(missing.map(({ i }, n) => [keys[i] as string, cleaned[n] as string]));
  }
  const cached = target.sentences.reduce((sum, s, i) => sum + (missing.some((m) => m.i === i) ? 0 : characters(s)), 0);
  return { english: english as string[], sent, cached };
}

async function readEnglish(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cause;
  }
}

/**
 * Drafts the untranslated title, dek and paragraphs of one article (or only `paragraphs`), one
 * at a time, each written at once. Resolves with what was drafted; a provider's failure ends
 * the draft and comes back as `error`, with everything before it kept.
 */
export async function draftArticle(drafter: Drafter, o: DraftArticleOptions): Promise<DraftOutcome> {
  const plan = await planArticle(drafter, o.root, o.id, o);
  const outcome: DraftOutcome = { id: o.id, drafted: [], taken: [], sent: 0, cached: 0, ...(plan.skipped ? { skipped: plan.skipped } : {}) };
  const article = plan.article;
  if (!article || plan.targets.length === 0) return outcome;
  const file = path.join(o.root.real, o.id, FILES.en);
  const stamp: DraftStamp = { provider: drafter.provider.name, model: drafter.provider.model, date: localDay(o.now ?? new Date()) };
  const total = article.paragraphs.filter((p) => p.deLine !== undefined).length;
  let done = 0;
  const session = drafter.provider.session();
  try {
    for (const target of plan.targets) {
      if (o.signal?.aborted) throw new DraftError('aborted', drafter.provider.name);
      const { english, sent, cached } = await translateTarget(drafter, session, article, target, o.signal);
      outcome.sent += sent;
      outcome.cached += cached;
      // Read again just before writing: a person may have written here meanwhile, and theirs stays.
      const source = await readEnglish(file);
      const force = o.force ?? false;
      const next = stillDraftable(source, target.key, force)
        ? applyDraft(source, target.key, english, stamp, { total, germanParagraph: target.german, german: target.sentences, ...(target.block ? { block: target.block } : {}) })
        : null;
      if (next === null) outcome.taken.push(target.key);
      else {
        await writeFileAtomic(file, next.source);
        outcome.drafted.push({ key: target.key, sentences: english.length, sent, cached, exact: next.exact });
      }
      o.onProgress?.({ id: o.id, done: ++done, total: plan.targets.length, key: target.key });
    }
  } catch (cause) {
    if (!(cause instanceof DraftError)) throw cause;
    outcome.error = cause;
  } finally {
    await session.close();
  }
  return outcome;
}

export interface DraftArticlesOptions extends Omit<DraftArticleOptions, 'id' | 'onProgress'> {
  /** Most German characters to send in all (a feed refresh's budget); cached sentences are free. */
  budgetChars?: number;
  onProgress?: (progress: DraftProgress & { article: number; articles: number }) => void;
}

/**
 * Drafts several articles in order (new feed articles after a refresh). An article whose
 * uncached sentences would exceed what is left of the budget is skipped whole, so no article
 * is left half-drafted by the budget; a provider's failure stops the run.
 */
export async function draftArticles(drafter: Drafter, ids: readonly string[], o: DraftArticlesOptions): Promise<{ outcomes: DraftOutcome[]; sent: number; left: number | undefined }> {
  const outcomes: DraftOutcome[] = [];
  let sent = 0;
  for (const [n, id] of ids.entries()) {
    if (o.signal?.aborted) break;
    if (o.budgetChars !== undefined) {
      const plan = await planArticle(drafter, o.root, id, o);
      if (plan.toSend > o.budgetChars - sent) {
        outcomes.push({ id, drafted: [], taken: [], sent: 0, cached: 0, skipped: 'budget' });
        continue;
      }
    }
    const outcome = await draftArticle(drafter, { ...o, id, onProgress: (p) => o.onProgress?.({ ...p, article: n + 1, articles: ids.length }) });
    outcomes.push(outcome);
    sent += outcome.sent;
    if (outcome.error) break;
  }
  return { outcomes, sent, left: o.budgetChars === undefined ? undefined : o.budgetChars - sent };
}
