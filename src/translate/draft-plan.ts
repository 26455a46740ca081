/**
 * What a draft of an article would translate: the German title, dek and paragraphs that have
 * no English yet (with --force, also those whose English is still an unchanged machine draft),
 * each cut into sentences. A person's English and a reviewed article are never in it. Pure.
 */
import { germanSentences } from '../content/aligned-article.js';
import type { ParagraphBlock } from '../content/schema.js';
import type { Article } from '../content/article.js';
import { splitSentences } from '../text/split-sentences.js';

/** The title, the dek, or a paragraph (0-based index). */
export type DraftKey = 'title' | 'dek' | number;

export interface DraftTarget {
  key: DraftKey;
  /** The German text. */
  german: string;
  /** Its sentences, as the reader splits them (a title is one; a list item or table row is at least one). */
  sentences: string[];
  /** The German unit's structure when it is a subheading, list, table, quotation or question. */
  block?: ParagraphBlock;
}

export type DraftPlan =
  | { ok: true; targets: DraftTarget[] }
  /** `reviewed`: the article is reviewed, so nothing in it is drafted. */
  | { ok: false; reason: 'reviewed' }
  /** The English file has another number of paragraphs than the German: where each draft belongs is unclear. */
  | { ok: false; reason: 'paragraphCounts'; de: number; en: number };

export interface PlanOptions {
  /** Only these paragraphs (0-based); the title and dek then only with `title`. */
  paragraphs?: readonly number[];
  /** Also the title and dek (default: when no paragraphs are named). */
  title?: boolean;
  /** Draft again what is still an unchanged machine draft (never a person's text). */
  force?: boolean;
}

/** Characters as DeepL counts them (code points). */
export const characters = (text: string): number => [...text].length;

/** The targets of a draft of `article`. */
export function planDraft(article: Article, o: PlanOptions = {}): DraftPlan {
  if (article.english?.status === 'reviewed') return { ok: false, reason: 'reviewed' };
  const de = article.paragraphs.filter((p) => p.deLine !== undefined).length;
  const en = article.paragraphs.filter((p) => p.enLine !== undefined).length;
  if (article.english !== null && en > 0 && en !== de) return { ok: false, reason: 'paragraphCounts', de, en };
  const force = o.force ?? false;
  const targets: DraftTarget[] = [];
  const withTitle = o.title ?? o.paragraphs === undefined;
  if (withTitle) {
    const english = article.english;
    const title = article.meta.title;
    if (!english?.title || (force && article.machine?.title)) targets.push({ key: 'title', german: title, sentences: [title] });
    const dek = article.meta.dek;
    if (dek && (!english?.dek || (force && article.machine?.dek))) targets.push({ key: 'dek', german: dek, sentences: splitSentences(dek, 'de') });
  }
  const wanted = o.paragraphs ? new Set(o.paragraphs) : null;
  article.paragraphs.forEach((p, i) => {
    if (wanted && !wanted.has(i)) return;
    if (p.de === '' || p.deLine === undefined) return;
    if (p.en === '' || (force && p.machine)) targets.push({ key: i, german: p.de, sentences: germanSentences(p.de, p.block), ...(p.block ? { block: p.block } : {}) });
  });
  return { ok: true, targets };
}
