/**
 * Putting a drafted title, dek or paragraph into article.en.md's text, with its machine mark;
 * and checking, just before, that the place is still free (a person may have written there
 * while the draft was on its way). Pure: text in, text out.
 */
import { alignParagraphUnits, sentenceSpans } from '../content/aligned-article.js';
import { editFrontMatter } from '../content/front-matter-edit.js';
import { machineHash, provenanceOf } from '../content/machine-marks.js';
import { isPlaceholder, parseEnglish } from '../content/parse-files.js';
import { PLACEHOLDER, replaceEnglishParagraph } from '../curate/edit-paragraph.js';
import { cleanText } from '../text/normalize.js';
import { splitSentences } from '../text/split-sentences.js';
import type { DraftKey } from './draft-plan.js';
import type { ParagraphBlock } from '../content/schema.js';
import { draftInShape, plainOf } from './shape-draft.js';

export interface DraftStamp {
  provider: string;
  model: string;
  /** YYYY-MM-DD */
  date: string;
}

/** One line of English from a provider's sentence: no controls, no line breaks, normalised; '' when nothing is left. */
export function cleanSentence(text: string): string {
  return cleanText(text.replace(/\s+/g, ' '));
}

/**
 * How the drafted sentences pair with the German ones when the reader splits the English
 * paragraph again: one bead per German sentence ("1-1"), or wider where the English splitter
 * sees the sentences differently (a sentence it cuts in two: "1-2"). `beads` is left out when
 * the automatic alignment pairs them the same way anyway; `exact` is false when no override
 * can say it (more than two sentences on a side), and automatic alignment has to do.
 */
export function draftBeads(germanParagraph: string, german: readonly string[], english: readonly string[]): { exact: boolean; beads?: string[] } {
  const text = english.join(' ');
  const split = splitSentences(text, 'en');
  const spans = sentenceSpans(text, split);
  const ends: number[] = [];
  let at = 0;
  for (const sentence of english) {
    at += sentence.length;
    ends.push(at);
    at += 1;
  }
  const groups: { de: number; en: number }[] = [];
  let group = { de: 0, en: 0 };
  let j = 0;
  german.forEach((_, i) => {
    group.de++;
    const end = ends[i] ?? text.length;
    while (j < spans.length && (spans[j]?.end ?? 0) <= end) {
      group.en++;
      j++;
    }
    // An English sentence running over this boundary joins the next German sentence's group.
    if (j < spans.length && (spans[j]?.start ?? 0) < end && i < german.length - 1) return;
    groups.push(group);
    group = { de: 0, en: 0 };
  });
  if (group.de > 0 || j < spans.length) groups.push({ de: group.de, en: group.en + (spans.length - j) });
  if (groups.some((g) => g.de > 2 || g.en > 2)) return { exact: false };
  const beads = groups.map((g) => `${g.de}-${g.en}`);
  const automatic = alignParagraphUnits(germanParagraph, text).units.map((u) => `${u.deSentences.length}-${u.enSentences.length}`);
  return beads.join() === automatic.join() ? { exact: true } : { exact: true, beads };
}

/** article.en.md for an article that has none yet: a draft with a placeholder per German paragraph. */
export function englishSkeleton(total: number): string {
  return ['---', 'status: draft', '---', ...Array.from({ length: total }, () => ['', PLACEHOLDER]).flat(), ''].join('\n');
}

/**
 * True when `key` is still free in `source` (no English there, or with `force` an unchanged
 * machine draft) and the article is not reviewed. A file that does not parse is never touched.
 */
export function stillDraftable(source: string | null, key: DraftKey, force: boolean): boolean {
  if (source === null) return true;
  const parsed = parseEnglish(source, 'article.en.md');
  if (!parsed.ok) return false;
  const { meta, body } = parsed.value;
  if (meta.status === 'reviewed') return false;
  if (key === 'title' || key === 'dek') {
    const text = meta[key];
    return !text || (force && provenanceOf(meta.machine?.[key], text) !== undefined);
  }
  const text = body[key]?.text ?? '';
  return text === '' || (force && provenanceOf(meta.machine?.[String(key + 1)], text) !== undefined);
}

/**
 * `source` with the draft of `key` in place and marked (provider, model, date, hash of the
 * text, beads where needed), and whether its sentence pairing is exact; null when the front
 * matter cannot be edited safely.
 */
export function applyDraft(
  source: string | null,
  key: DraftKey,
  english: readonly string[],
  stamp: DraftStamp,
  o: { total: number; germanParagraph: string; german: readonly string[]; block?: ParagraphBlock },
): { source: string; exact: boolean } | null {
  const text = english.join(' ');
  if (text === '' || isPlaceholder(text)) return null;
  const base = source ?? englishSkeleton(o.total);
  if (key === 'title' || key === 'dek') {
    const edited = editFrontMatter(base, (doc) => {
      doc.set(key, text);
      doc.setIn(['machine', key], doc.createNode({ ...stamp, hash: machineHash(text) }, { flow: true }));
      return true;
    });
    return edited === null ? null : { source: edited, exact: true };
  }
  if (o.block && o.block.kind !== 'paragraph') {
    // A subheading, list, table, quotation or question keeps its kind in English. Its units are
    // aligned item by item when read, so no bead override is written; the hash is of the
    // plain text the reader loads.
    const unit = draftInShape(o.block, english);
    const plain = plainOf(unit);
    const shaped = editFrontMatter(replaceEnglishParagraph(base, key, unit, o.total), (doc) => {
      doc.setIn(['machine', String(key + 1)], doc.createNode({ ...stamp, hash: machineHash(plain) }, { flow: true }));
      return true;
    });
    return shaped === null ? null : { source: shaped, exact: o.block.kind !== 'list' && o.block.kind !== 'table' };
  }
  const { beads, exact } = draftBeads(o.germanParagraph, o.german, english);
  const edited = editFrontMatter(replaceEnglishParagraph(base, key, text, o.total), (doc) => {
    doc.setIn(['machine', String(key + 1)], doc.createNode({ ...stamp, hash: machineHash(text), ...(beads ? { beads } : {}) }, { flow: true }));
    return true;
  });
  return edited === null ? null : { source: edited, exact };
}
