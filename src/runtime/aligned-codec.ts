/**
 * An aligned article packed for the trip from the article worker: all text
 * in one string and every number (lengths, lines, spans, sentence indices) in
 * one Int32Array that is handed over, not copied. Unpacking a few thousand
 * paragraphs from the usual structured clone would hold the main thread for
 * a good part of a second; unpacked here, a paragraph at a time, it never
 * holds a key.
 */
import type { AlignedParagraph, Span, Unit } from '../content/aligned-article.js';
import type { Article, Paragraph } from '../content/article.js';
import type { LoadedArticle } from './load-aligned.js';

/** What travels: the article without its paragraphs' text, the text, the numbers. */
export interface PackedArticle {
  article: Omit<Article, 'paragraphs'>;
  /** Per paragraph, what is not a number: the curator's alignment override and why it was not used. */
  extras: Record<number, { alignment?: string[]; alignmentError?: string; block?: Paragraph['block']; machine?: Paragraph['machine'] }>;
  count: number;
  text: string;
  ints: Int32Array;
}

/** A growable list of integers. */
class Ints {
  private data = new Int32Array(1024);
  length = 0;
  push(...values: number[]): void {
    for (const v of values) {
      if (this.length === this.data.length) {
        const bigger = new Int32Array(this.data.length * 2);
        bigger.set(this.data);
        this.data = bigger;
      }
      this.data[this.length++] = v;
    }
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

const pushSpan = (ints: Ints, span: Span | null) => (span ? ints.push(span.start, span.end) : ints.push(-1, -1));

export function packArticle(load: Extract<LoadedArticle, { status: 'ok' }>): PackedArticle {
  const { paragraphs: source, ...article } = load.article;
  const ints = new Ints();
  const text: string[] = [];
  const extras: PackedArticle['extras'] = {};
  load.paragraphs.forEach((p, i) => {
    const from = source[i];
    text.push(p.de, p.en);
    ints.push(p.de.length, p.en.length, from?.deLine ?? -1, from?.enLine ?? -1);
    if (from?.alignment || p.alignmentError || from?.block || from?.machine) {
      extras[i] = {
        ...(from?.alignment ? { alignment: from.alignment } : {}),
        ...(p.alignmentError ? { alignmentError: p.alignmentError } : {}),
        ...(from?.block ? { block: from.block } : {}),
        ...(from?.machine ? { machine: from.machine } : {}),
      };
    }
    ints.push(p.deSentenceSpans.length);
    for (const span of p.deSentenceSpans) pushSpan(ints, span);
    ints.push(p.units.length);
    for (const u of p.units) {
      ints.push(u.deSentences.length, ...u.deSentences, u.enSentences.length, ...u.enSentences);
      pushSpan(ints, u.de);
      pushSpan(ints, u.en);
    }
  });
  return { article, extras, count: load.paragraphs.length, text: text.join(''), ints: ints.done() };
}

/** Unpacks one paragraph per step; the result is the loaded article. */
export function* unpackArticle(packed: PackedArticle): Generator<number, Extract<LoadedArticle, { status: 'ok' }>> {
  const { ints, text } = packed;
  let at = 0;
  let offset = 0;
  const next = () => ints[at++] ?? 0;
  const span = (): Span | null => {
    const start = next();
    const end = next();
    return start < 0 ? null : { start, end };
  };
  const take = (length: number) => {
    const piece = text.slice(offset, offset + length);
    offset += length;
    return piece;
  };
  const paragraphs: Paragraph[] = [];
  const aligned: AlignedParagraph[] = [];
  for (let i = 0; i < packed.count; i++) {
    const deLength = next();
    const enLength = next();
    const deLine = next();
    const enLine = next();
    const de = take(deLength);
    const en = take(enLength);
    const extra = packed.extras[i];
    const spans: Span[] = [];
    for (let n = next(); n > 0; n--) spans.push(span() ?? { start: 0, end: 0 });
    const units: Unit[] = [];
    for (let n = next(); n > 0; n--) {
      const deSentences = Array.from({ length: next() }, next);
      const enSentences = Array.from({ length: next() }, next);
      units.push({ deSentences, enSentences, de: span(), en: span() });
    }
    paragraphs.push({
      de,
      en,
      ...(deLine >= 0 ? { deLine } : {}),
      ...(enLine >= 0 ? { enLine } : {}),
      ...(extra?.alignment ? { alignment: extra.alignment } : {}),
      ...(extra?.block ? { block: extra.block } : {}),
      ...(extra?.machine ? { machine: extra.machine } : {}),
    });
    aligned.push({
      de,
      en,
      units,
      deSentenceSpans: spans,
      ...(extra?.alignmentError ? { alignmentError: extra.alignmentError } : {}),
      ...(extra?.block ? { block: extra.block } : {}),
      ...(extra?.machine ? { machine: true } : {}),
    });
    yield i;
  }
  return { status: 'ok', article: { ...packed.article, paragraphs }, paragraphs: aligned };
}
