/**
 * An article's paragraphs cut into cursor units: each unit is one alignment
 * bead (German sentences ↔ English sentences), with the character spans it
 * covers in both paragraph texts.
 */
import type { Article } from './article.js';
import { alignParagraph, alignSplit } from '../text/align-sentences.js';
import { splitSentences } from '../text/split-sentences.js';
import { rowText } from './blocks.js';
import type { ParagraphBlock } from './schema.js';

/** Half-open character range in a paragraph's text. */
export interface Span {
  start: number;
  end: number;
}

export interface Unit {
  /** German sentence indices (0-based) in this unit. */
  deSentences: number[];
  enSentences: number[];
  /** Spans covered in the German and English paragraph; null when the side is empty. */
  de: Span | null;
  en: Span | null;
}

export interface AlignedParagraph {
  de: string;
  en: string;
  units: Unit[];
  /** Span of every German sentence, for facts that cite a sentence. */
  deSentenceSpans: Span[];
  /** Why the curator's alignment override was not used. */
  alignmentError?: string;
  /** A subheading, list, table, quotation or question (absent: a plain paragraph). */
  block?: ParagraphBlock;
  /** The English is a machine draft no person has changed since. */
  machine?: boolean;
}

/** Where each sentence sits in the paragraph (sentences appear in order, as written). */
export function sentenceSpans(text: string, sentences: readonly string[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const sentence of sentences) {
    const at = text.indexOf(sentence, from);
    const start = at < 0 ? from : at;
    const end = Math.min(text.length, start + sentence.length);
    spans.push({ start, end });
    from = end;
  }
  return spans;
}

function cover(spans: readonly Span[], indices: readonly number[]): Span | null {
  const first = indices[0];
  const last = indices[indices.length - 1];
  if (first === undefined || last === undefined) return null;
  const a = spans[first];
  const b = spans[last];
  return a && b ? { start: a.start, end: b.end } : null;
}

/**
 * The sentences of a list or table side: each item or row on its own (an item without a full
 * stop must not run into the next), split further where it holds several sentences.
 */
function blockSentences(block: ParagraphBlock | undefined, side: 'de' | 'en', text: string): string[] | undefined {
  if (block?.kind === 'list' && (side === 'de' || block.enKind === undefined)) return block.items[side].flatMap((item) => splitSentences(item, side));
  if (block?.kind === 'table' && (side === 'de' || block.enKind === undefined)) return block.rows[side].map(rowText).filter((r) => r !== '');
  return text === '' ? [] : undefined;
}

/**
 * The German sentences of a paragraph as the reader splits them: a list's items and a table's
 * rows each on their own (what a sentence-by-sentence draft must translate one by one).
 */
export function germanSentences(de: string, block?: ParagraphBlock): string[] {
  return blockSentences(block, 'de', de) ?? splitSentences(de, 'de');
}

/**
 * Where each list item or table row of one side sits in that side's plain text (`p.de` /
 * `p.en`), in order: what a renderer needs to draw a list or table and still highlight the
 * sentence spans the units give. Empty for other kinds (and for an English side of another kind).
 */
export function blockPartSpans(p: { de: string; en: string; block?: ParagraphBlock }, side: 'de' | 'en'): Span[] {
  const block = p.block;
  if (!block || (side === 'en' && block.enKind !== undefined)) return [];
  const parts = block.kind === 'list' ? block.items[side] : block.kind === 'table' ? block.rows[side].map(rowText).filter((r) => r !== '') : [];
  return sentenceSpans(p[side], parts);
}

/** Splits and aligns one paragraph pair (a list or table by its items or rows). */
export function alignParagraphUnits(de: string, en: string, override?: readonly string[], block?: ParagraphBlock): AlignedParagraph {
  const useOverride = en === '' ? undefined : override;
  const deSentences = blockSentences(block, 'de', de);
  const enSentences = blockSentences(block, 'en', en);
  const aligned =
    deSentences || enSentences
      ? alignSplit(deSentences ?? splitSentences(de, 'de'), enSentences ?? splitSentences(en, 'en'), useOverride)
      : alignParagraph(de, en, useOverride);
  const deSpans = sentenceSpans(de, aligned.de);
  const enSpans = sentenceSpans(en, aligned.en);
  const units = aligned.beads.map((bead) => ({
    deSentences: bead.de,
    enSentences: bead.en,
    de: cover(deSpans, bead.de),
    en: cover(enSpans, bead.en),
  }));
  if (units.length === 0) units.push({ deSentences: [], enSentences: [], de: null, en: null });
  return {
    de,
    en,
    units,
    deSentenceSpans: deSpans,
    ...(aligned.error ? { alignmentError: aligned.error } : {}),
    ...(block ? { block } : {}),
  };
}

/** All paragraphs of an article, aligned. */
export function alignArticle(article: Article): AlignedParagraph[] {
  return article.paragraphs.map(alignArticleParagraph);
}

/** One paragraph of an article, aligned, with its block and whether its English is a machine draft. */
export function alignArticleParagraph(p: Article['paragraphs'][number]): AlignedParagraph {
  const aligned = alignParagraphUnits(p.de, p.en, p.alignment, p.block);
  return p.machine ? { ...aligned, machine: true } : aligned;
}

/** The unit holding German sentence `sentence` (0-based) of a paragraph. */
export function unitOfGermanSentence(paragraph: AlignedParagraph, sentence: number): number {
  const index = paragraph.units.findIndex((u) => u.deSentences.includes(sentence));
  return index < 0 ? 0 : index;
}
