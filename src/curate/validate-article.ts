/**
 * The curator's checks on one loaded article: paragraphs, translation
 * status, facts and their evidence, numbers and dates carried into the
 * English, lengths that suggest misalignment. Pure: the article in, problems out.
 */
import type { Article } from '../content/article.js';
import { error, warning, type Diagnostic } from '../content/diagnostic.js';
import type { AlignedParagraph } from '../content/aligned-article.js';
import { alignArticle } from '../content/aligned-article.js';
import { alignParagraphs } from './paragraph-alignment.js';
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
  const out: Diagnostic[] = [
    error(files.en, `${en.length} English paragraphs for ${de.length} German ones: each German paragraph needs one English paragraph (or a <!-- untranslated --> placeholder)`),
  ];
  // Point at the likely gap: paragraph-level alignment by length.
  const beads = alignParagraphs(de.map((p) => p.de), en.map((p) => p.en));
  for (const bead of beads) {
    if (bead.en.length === 0 && bead.de.length === 1) {
      const i = bead.de[0] as number;
      out.push(error(files.en, `German paragraph ${i + 1} (${files.de}:${de[i]?.deLine ?? '?'}) seems to have no English paragraph`, en[Math.max(0, Math.min(i, en.length - 1))]?.enLine));
    }
    if (bead.de.length === 0 && bead.en.length === 1) {
      const i = bead.en[0] as number;
      out.push(error(files.en, `English paragraph ${i + 1} seems to have no German paragraph`, en[i]?.enLine));
    }
  }
  return out;
}

function untranslated(article: Article): Diagnostic[] {
  if (article.english === null) return [warning(article.files.en, 'no English rendering yet (the file does not exist)')];
  const out: Diagnostic[] = [];
  const reviewed = article.english.status === 'reviewed';
  article.paragraphs.forEach((p, i) => {
    if (p.de !== '' && p.en === '' && p.enLine !== undefined) {
      const message = `paragraph ${i + 1} is not translated yet`;
      out.push(reviewed ? error(article.files.en, `${message}, but the status is "reviewed"`, p.enLine) : warning(article.files.en, message, p.enLine));
    }
  });
  if (reviewed && !article.english.reviewed) out.push(warning(article.files.en, 'status is "reviewed" but there is no "reviewed" date', 1));
  return out;
}

function facts(article: Article, aligned: readonly AlignedParagraph[], lines: SourceLines): Diagnostic[] {
  const file = article.files.facts;
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  article.facts.forEach((fact, i) => {
    // The line costs a YAML parse: only looked up when there is something to report.
    const line = (key?: string) => lines.fact(i, key);
    const name = `fact "${fact.id}"`;
    const first = seen.get(fact.id);
    if (first !== undefined) out.push(error(file, `${name} repeats the id of fact ${first + 1}`, line('id')));
    seen.set(fact.id, i);
    if (!fact.confirmed) out.push(warning(file, `${name} is a candidate: check it, then set confirmed: true or delete it`, line()));
    else if (!fact.label.en || !fact.value.en) out.push(error(file, `${name} has no English label or value`, line()));
    const paragraph = aligned[fact.paragraph - 1];
    if (!paragraph || paragraph.de === '') {
      out.push(error(file, `${name} cites paragraph ${fact.paragraph}, but the article has ${article.paragraphs.filter((p) => p.de !== '').length}`, line('paragraph')));
      return;
    }
    const at = paragraph.de.indexOf(fact.evidence);
    if (at < 0) {
      out.push(error(file, `${name}: evidence ${quote(fact.evidence)} is not in German paragraph ${fact.paragraph} (${article.files.de}:${article.paragraphs[fact.paragraph - 1]?.deLine ?? '?'})`, line('evidence')));
      return;
    }
    if (fact.sentence !== undefined) {
      const spans = paragraph.deSentenceSpans;
      const span = spans[fact.sentence - 1];
      if (!span) {
        out.push(error(file, `${name} cites sentence ${fact.sentence}, but paragraph ${fact.paragraph} has ${spans.length}`, line('sentence')));
      } else if (at < span.start || at + fact.evidence.length > span.end) {
        const actual = spans.findIndex((s) => at >= s.start && at < s.end);
        out.push(error(file, `${name}: the evidence is in sentence ${actual + 1} of paragraph ${fact.paragraph}, not sentence ${fact.sentence}`, line('sentence')));
      }
    }
  });
  return out;
}

function quantities(article: Article, lines: SourceLines): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { files, english, meta } = article;
  const check = (de: string | undefined, en: string | undefined, where: string, line: number | undefined, deLine: number | undefined) => {
    if (!de || !en) return;
    for (const q of missingQuantities(de, en)) {
      out.push(error(files.en, `${where}: ${quote(q.text)} (${files.de}${deLine ? `:${deLine}` : ''}) is not in the English`, line));
    }
  };
  if (english) {
    check(meta.title, english.title, 'title', lines.enKey('title'), lines.deKey('title'));
    check(meta.dek, english.dek, 'dek', lines.enKey('dek'), lines.deKey('dek'));
  }
  article.paragraphs.forEach((p, i) => check(p.de, p.en, `paragraph ${i + 1}`, p.enLine, p.deLine));
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
      out.push(warning(article.files.en, `paragraph ${i + 1}: the English is ${factor.toFixed(1)}× the usual length for this article; misaligned, or partly untranslated?`, p.enLine));
      continue;
    }
    const paragraph = aligned[i];
    const lonely = paragraph?.units.filter((u) => u.enSentences.length === 0 && u.deSentences.length > 0) ?? [];
    if (paragraph && lonely.length > 0 && paragraph.units.length > 1) {
      const sentences = lonely.map((u) => u.deSentences.map((s) => s + 1).join('+')).join(', ');
      out.push(warning(article.files.en, `paragraph ${i + 1}: German sentence ${sentences} seems to have no English counterpart`, p.enLine));
    }
  }
  return out;
}

function alignmentOverrides(aligned: readonly AlignedParagraph[], article: Article, lines: SourceLines): Diagnostic[] {
  const out: Diagnostic[] = [];
  // An override for a paragraph that does not exist would otherwise be ignored without a word.
  const count = article.paragraphs.filter((p) => p.deLine !== undefined).length;
  for (const key of Object.keys(article.english?.alignment ?? {})) {
    if (Number(key) > count) out.push(error(article.files.en, `alignment names paragraph ${key}, but the article has ${count}`, lines.alignment(key)));
  }
  aligned.forEach((p, i) => {
    if (p.alignmentError) out.push(error(article.files.en, `alignment of paragraph ${i + 1}: ${p.alignmentError}`, lines.alignment(String(i + 1))));
  });
  return out;
}

/** Every problem of a loaded article (its load-time problems are added by the caller). */
export function checkArticle(article: Article, lines: SourceLines = NO_LINES, aligned: readonly AlignedParagraph[] = alignArticle(article)): Diagnostic[] {
  const counts = paragraphCounts(article);
  // With a paragraph missing, every later pair is misaligned: comparing them would only add noise.
  const pairwise = counts.length > 0 ? [] : [...quantities(article, lines), ...lengths(article, aligned)];
  return [...counts, ...untranslated(article), ...alignmentOverrides(aligned, article, lines), ...facts(article, aligned, lines), ...pairwise, ...checkDrafts(article, lines, aligned)];
}
