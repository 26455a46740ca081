/**
 * The curator's checks on one loaded article: paragraphs, translation
 * status, facts and their evidence, numbers and dates carried into the
 * English, lengths that suggest misalignment. Pure: the article in, problems out.
 */
import type { Article } from '../content/article.js';
import { coded, type Diagnostic, type MessageParams } from '../content/diagnostic.js';
import type { Fact } from '../content/schema.js';
import type { AlignedParagraph } from '../content/aligned-article.js';
import { alignArticle } from '../content/aligned-article.js';
import { pairParagraphs } from './paragraph-alignment.js';
import { missingQuantities } from '../quantities/compare.js';
import { checkDrafts } from './draft-checks.js';
import type { SourceLines } from './source-lines.js';

export type { SourceLines } from './source-lines.js';


const NO_LINES: SourceLines = { fact: () => undefined, glossary: () => undefined, enKey: () => undefined, deKey: () => undefined, alignment: () => undefined };

const quote = (text: string, max = 60) => `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;

function paragraphCounts(article: Article): Diagnostic[] {
  const { files } = article;
  const de = article.paragraphs.filter((p) => p.deLine !== undefined);
  const en = article.paragraphs.filter((p) => p.enLine !== undefined);
  if (article.english === null || en.length === de.length) return [];
  const out: Diagnostic[] = [coded('error', files.en, 'paragraphCount', { en: en.length, de: de.length })];
  // Point at the likely gap: paragraph-level alignment by length.
  const beads = pairParagraphs(de.map((p) => p.de), en.map((p) => p.en));
  for (const bead of beads) {
    if (bead.en.length === 0 && bead.de.length === 1) {
      const i = bead.de[0] as number;
      out.push(coded('error', files.en, 'germanWithoutEnglish', { n: i + 1, where: `${files.de}:${de[i]?.deLine ?? '?'}` }, en[Math.max(0, Math.min(i, en.length - 1))]?.enLine));
    }
    if (bead.de.length === 0 && bead.en.length === 1) {
      const i = bead.en[0] as number;
      out.push(coded('error', files.en, 'englishWithoutGerman', { n: i + 1 }, en[i]?.enLine));
    }
  }
  return out;
}

/**
 * Untranslated paragraphs: each is an error in a reviewed article; in a draft one line per
 * article says which (hundreds of "not translated yet" lines for a fresh import help no one).
 */
function untranslated(article: Article, lines: SourceLines): Diagnostic[] {
  const { files, english } = article;
  if (english === null) return [coded('warning', files.en, 'noEnglishFile')];
  const out: Diagnostic[] = [];
  const reviewed = english.status === 'reviewed';
  const missing = article.paragraphs.flatMap((p, i) => (p.de !== '' && p.en === '' && p.enLine !== undefined ? [{ n: i + 1, line: p.enLine }] : []));
  if (reviewed) for (const m of missing) out.push(coded('error', files.en, 'untranslatedReviewed', { n: m.n }, m.line));
  else if (missing.length > 0) {
    const total = article.paragraphs.filter((p) => p.de !== '').length;
    const first = missing[0] as { n: number; line: number };
    out.push(coded('warning', files.en, 'untranslatedSummary', { count: missing.length, total, list: ranges(missing.map((m) => m.n)) }, first.line));
  }
  if (reviewed) {
    if (!english.reviewed) out.push(coded('warning', files.en, 'reviewedNoDate', {}, 1));
    if (!english.title) out.push(coded('error', files.en, 'reviewedNoTitle', {}, lines.enKey('status') ?? 1));
    if (article.meta.dek && !english.dek) out.push(coded('error', files.en, 'reviewedNoDek', {}, lines.enKey('status') ?? 1));
    const unconfirmed = article.facts.filter((f) => !f.confirmed).length + article.proposedGlossary.length;
    if (unconfirmed > 0) out.push(coded('error', files.en, 'reviewedUnconfirmed', { count: unconfirmed }, lines.enKey('status') ?? 1));
  }
  return out;
}

/** "1–3, 5, 7–9" for sorted paragraph numbers. */
export function ranges(numbers: readonly number[]): string {
  const parts: string[] = [];
  let start = numbers[0];
  let last = start;
  for (const n of [...numbers.slice(1), Infinity]) {
    if (start === undefined || last === undefined) break;
    if (n === last + 1) {
      last = n;
      continue;
    }
    parts.push(start === last ? String(start) : `${start}–${last}`);
    start = n;
    last = n;
  }
  return parts.join(', ');
}

function facts(article: Article, aligned: readonly AlignedParagraph[], lines: SourceLines): Diagnostic[] {
  const file = article.files.facts;
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const candidates: { id: string; line: number | undefined }[] = [];
  article.facts.forEach((fact, i) => {
    // The line costs a YAML parse: only looked up when there is something to report.
    const line = (key?: string) => lines.fact(i, key);
    const first = seen.get(fact.id);
    const id = fact.id;
    if (first !== undefined) out.push(coded('error', file, 'factRepeatsId', { id, n: first + 1 }, line('id')));
    seen.set(fact.id, i);
    if (!fact.confirmed) candidates.push({ id, line: line() });
    else if (!fact.label.en || !fact.value.en) out.push(coded('error', file, 'factNoEnglish', { id }, line()));
    const problem = evidenceProblem(fact, aligned, article);
    if (problem) out.push(coded('error', file, problem.code, { id, ...problem.params }, line(problem.key)));
  });
  // One line for all candidates: a fresh import has many, and each is the same request.
  const firstCandidate = candidates[0];
  if (firstCandidate) out.push(coded('warning', file, 'candidateFacts', { count: candidates.length, ids: candidates.slice(0, 5).map((c) => c.id).join(', ') + (candidates.length > 5 ? ', …' : '') }, firstCandidate.line));
  const proposed = article.proposedGlossary;
  if (proposed.length > 0) {
    out.push(coded('warning', file, 'proposedTerms', { count: proposed.length, terms: proposed.slice(0, 5).map((e) => e.de).join(', ') + (proposed.length > 5 ? ', …' : '') }));
  }
  return out;
}

/** What is wrong with where a fact points (the same test the importer runs on its candidates). */
export function evidenceProblem(
  fact: Pick<Fact, 'paragraph' | 'sentence' | 'evidence'>,
  aligned: readonly AlignedParagraph[],
  article: Pick<Article, 'paragraphs' | 'files'>,
): { code: 'factBadParagraph' | 'factEvidenceMissing' | 'factBadSentence' | 'factWrongSentence'; params: MessageParams; key: string } | undefined {
  const paragraph = aligned[fact.paragraph - 1];
  if (!paragraph || paragraph.de === '') {
    return { code: 'factBadParagraph', params: { n: fact.paragraph, count: article.paragraphs.filter((p) => p.de !== '').length }, key: 'paragraph' };
  }
  const at = paragraph.de.indexOf(fact.evidence);
  if (at < 0) {
    const where = `${article.files.de}:${article.paragraphs[fact.paragraph - 1]?.deLine ?? '?'}`;
    return { code: 'factEvidenceMissing', params: { evidence: quote(fact.evidence), n: fact.paragraph, where }, key: 'evidence' };
  }
  if (fact.sentence === undefined) return undefined;
  const spans = paragraph.deSentenceSpans;
  const span = spans[fact.sentence - 1];
  if (!span) return { code: 'factBadSentence', params: { sentence: fact.sentence, n: fact.paragraph, count: spans.length }, key: 'sentence' };
  if (at < span.start || at + fact.evidence.length > span.end) {
    const actual = spans.findIndex((s) => at >= s.start && at < s.end);
    return { code: 'factWrongSentence', params: { actual: actual + 1, n: fact.paragraph, sentence: fact.sentence }, key: 'sentence' };
  }
  return undefined;
}

function quantities(article: Article, lines: SourceLines): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { files, english, meta } = article;
  type Where = { code: 'quantityMissingTitle' | 'quantityMissingDek' } | { code: 'quantityMissing'; n: number };
  const check = (de: string | undefined, en: string | undefined, where: Where, line: number | undefined, deLine: number | undefined) => {
    if (!de || !en) return;
    for (const q of missingQuantities(de, en)) {
      const { code, ...params } = where;
      out.push(coded('error', files.en, code, { ...params, text: quote(q.text), at: `${files.de}${deLine ? `:${deLine}` : ''}` }, line));
    }
  };
  if (english) {
    check(meta.title, english.title, { code: 'quantityMissingTitle' }, lines.enKey('title'), lines.deKey('title'));
    check(meta.dek, english.dek, { code: 'quantityMissingDek' }, lines.enKey('dek'), lines.deKey('dek'));
  }
  article.paragraphs.forEach((p, i) => check(p.de, p.en, { code: 'quantityMissing', n: i + 1 }, p.enLine, p.deLine));
  return out;
}

function lengths(article: Article, aligned: readonly AlignedParagraph[]): Diagnostic[] {
  const pairs = article.paragraphs
    .map((p, i) => ({ i, p, ratio: p.de.length > 0 ? p.en.length / p.de.length : 0 }))
    .filter((x) => x.p.de.length >= 80 && x.p.en !== '');
  if (pairs.length === 0) return [];
  const sorted = pairs.map((x) => x.ratio).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 1;
  const norm = pairs.length >= 3 ? median : 1.05;
  const out: Diagnostic[] = [];
  for (const { i, p, ratio } of pairs) {
    const factor = ratio / norm;
    if (factor > 1.8 || factor < 0.55) {
      out.push(coded('warning', article.files.en, 'lengthOdd', { n: i + 1, factor: factor.toFixed(1) }, p.enLine));
      continue;
    }
    const paragraph = aligned[i];
    const lonely = paragraph?.units.filter((u) => u.enSentences.length === 0 && u.deSentences.length > 0) ?? [];
    if (paragraph && lonely.length > 0 && paragraph.units.length > 1) {
      const sentences = lonely.map((u) => u.deSentences.map((s) => s + 1).join('+')).join(', ');
      out.push(coded('warning', article.files.en, 'sentenceWithoutEnglish', { n: i + 1, sentences }, p.enLine));
    }
  }
  return out;
}

function alignmentOverrides(aligned: readonly AlignedParagraph[], article: Article, lines: SourceLines): Diagnostic[] {
  const out: Diagnostic[] = [];
  // An override for a paragraph that does not exist would otherwise be ignored without a word.
  const count = article.paragraphs.filter((p) => p.deLine !== undefined).length;
  for (const key of Object.keys(article.english?.alignment ?? {})) {
    if (Number(key) > count) out.push(coded('error', article.files.en, 'alignmentBadParagraph', { n: key, count }, lines.alignment(key)));
  }
  aligned.forEach((p, i) => {
    if (p.alignmentError) out.push(coded('error', article.files.en, 'alignmentError', { n: i + 1, reason: p.alignmentError }, lines.alignment(String(i + 1))));
  });
  return out;
}

/** Blocks whose two sides do not match: another kind, another number of items or rows. */
function blocks(article: Article): Diagnostic[] {
  const out: Diagnostic[] = [];
  article.paragraphs.forEach((p, i) => {
    const block = p.block;
    if (!block || p.en === '' || p.de === '') return;
    const n = i + 1;
    if (block.enKind) {
      out.push(coded('error', article.files.en, 'blockKindDiffers', { n, deKind: block.kind, enKind: block.enKind }, p.enLine));
      return;
    }
    if (block.kind === 'list' && block.items.de.length !== block.items.en.length) {
      out.push(coded('error', article.files.en, 'listItemsDiffer', { n, de: block.items.de.length, en: block.items.en.length }, p.enLine));
    }
    if (block.kind === 'table') {
      if (block.rows.de.length !== block.rows.en.length) out.push(coded('error', article.files.en, 'tableRowsDiffer', { n, de: block.rows.de.length, en: block.rows.en.length }, p.enLine));
      const width = (rows: string[][]) => Math.max(0, ...rows.map((r) => r.length));
      if (width(block.rows.de) !== width(block.rows.en)) out.push(coded('warning', article.files.en, 'tableColumnsDiffer', { n, de: width(block.rows.de), en: width(block.rows.en) }, p.enLine));
    }
  });
  return out;
}

/** An article without a date is listed as undated, after the dated ones. */
function undated(article: Article, lines: SourceLines): Diagnostic[] {
  if (article.meta.published) return [];
  return [coded('warning', article.files.de, 'undated', {}, lines.deKey('title') ?? 1)];
}

/** Every problem of a loaded article (its load-time problems are added by the caller). */
export function checkArticle(article: Article, lines: SourceLines = NO_LINES, aligned: readonly AlignedParagraph[] = alignArticle(article)): Diagnostic[] {
  const counts = paragraphCounts(article);
  // With a paragraph missing, every later pair is misaligned: comparing them would only add noise.
  const pairwise = counts.length > 0 ? [] : [...quantities(article, lines), ...lengths(article, aligned)];
  return [
    ...undated(article, lines),
    ...counts,
    ...untranslated(article, lines),
    ...alignmentOverrides(aligned, article, lines),
    ...(counts.length > 0 ? [] : blocks(article)),
    ...facts(article, aligned, lines),
    ...pairwise,
    ...checkDrafts(article, lines, aligned),
  ];
}
