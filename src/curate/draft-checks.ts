/**
 * Checks of machine drafts beyond the ones every English paragraph gets: numbers sentence by
 * sentence (for the reader's marks), glossary terms a draft left out, machine marks that no
 * longer fit their text, and machine text in a reviewed article. Pure.
 */
import type { Article, Paragraph } from '../content/article.js';
import { alignParagraphUnits, type AlignedParagraph, type Span } from '../content/aligned-article.js';
import { warning, error, type Diagnostic } from '../content/diagnostic.js';
import { machineHash } from '../content/machine-marks.js';
import type { GlossaryEntry } from '../content/schema.js';
import { missingQuantities } from '../quantities/compare.js';
import type { SourceLines } from './source-lines.js';

/** A unit (German sentences ↔ English sentences) of a drafted paragraph whose English lacks numbers of its German. */
export interface DraftMismatch {
  /** Index into the aligned paragraph's units (the reader's cursor units). */
  unit: number;
  deSentences: number[];
  enSentences: number[];
  /** The German quantities not found in the English, as written ("12 Millionen Euro"). */
  missing: string[];
}

const slice = (text: string, span: Span | null) => (span ? text.slice(span.start, span.end) : '');

/**
 * The units of a machine-drafted paragraph whose English does not carry the numbers, amounts
 * and dates of its German sentence(s); empty for a person's text. Pass the aligned paragraph
 * when it is at hand (the reader has it) to save aligning it again.
 */
export function draftNumberMismatches(paragraph: Paragraph, aligned: AlignedParagraph = alignParagraphUnits(paragraph.de, paragraph.en, paragraph.alignment)): DraftMismatch[] {
  if (!paragraph.machine) return [];
  const out: DraftMismatch[] = [];
  aligned.units.forEach((unit, i) => {
    const de = slice(aligned.de, unit.de);
    const en = slice(aligned.en, unit.en);
    if (de === '' || en === '') return;
    const missing = missingQuantities(de, en).map((q) => q.text);
    if (missing.length > 0) out.push({ unit: i, deSentences: unit.deSentences, enSentences: unit.enSentences, missing });
  });
  return out;
}

const lower = (text: string) => text.toLocaleLowerCase('de');

/** True when `en` holds the English term, allowing for a plural -s/-es either way. */
function hasTerm(en: string, term: string): boolean {
  const t = lower(term).replace(/(es|s)$/, '');
  return t.length > 0 && lower(en).includes(t);
}

/** Glossary entries whose German term is in `de` but whose English term is not in `en`. */
export function missingGlossaryTerms(de: string, en: string, glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  return glossary.filter((g) => lower(de).includes(lower(g.de)) && !hasTerm(en, g.en));
}

function glossaryWarnings(article: Article, aligned: readonly AlignedParagraph[]): Diagnostic[] {
  const { files, glossary } = article;
  if (glossary.length === 0) return [];
  const out: Diagnostic[] = [];
  const say = (where: string, g: GlossaryEntry, line: number | undefined) =>
    out.push(warning(files.en, `${where}: the glossary term "${g.de}" is not rendered as "${g.en}" in the machine draft`, line));
  article.paragraphs.forEach((p, i) => {
    const paragraph = aligned[i];
    if (!p.machine || !paragraph) return;
    for (const unit of paragraph.units) {
      const de = slice(paragraph.de, unit.de);
      const en = slice(paragraph.en, unit.en);
      const sentence = unit.deSentences.map((s) => s + 1).join('+');
      for (const g of missingGlossaryTerms(de, en, glossary)) say(`paragraph ${i + 1}, sentence ${sentence}`, g, p.enLine);
    }
  });
  return out;
}

function markProblems(article: Article, lines: SourceLines): Diagnostic[] {
  const marks = article.english?.machine;
  if (!marks) return [];
  const out: Diagnostic[] = [];
  const file = article.files.en;
  const line = lines.enKey('machine');
  const reviewed = article.english?.status === 'reviewed';
  for (const [key, mark] of Object.entries(marks)) {
    const n = Number(key);
    const text = key === 'title' || key === 'dek' ? article.english?.[key] : article.paragraphs[n - 1]?.en;
    const name = Number.isInteger(n) ? `paragraph ${n}` : `the ${key}`;
    if (Number.isInteger(n) && article.paragraphs[n - 1]?.deLine === undefined) {
      out.push(error(file, `machine mark of paragraph ${n}, but the article has ${article.paragraphs.filter((p) => p.deLine !== undefined).length} paragraphs`, line));
    } else if (!text) {
      out.push(warning(file, `${name} has a machine mark but no English: remove the mark`, line));
    } else if (machineHash(text) !== mark.hash) {
      out.push(warning(file, `${name} was changed after its machine draft (${mark.provider}), so it counts as a person's text: remove its machine mark`, line));
    } else if (reviewed) {
      out.push(error(file, `${name} is still an unchanged machine draft (${mark.provider}), but the status is "reviewed": check it, then remove its machine mark`, line));
    }
  }
  return out;
}

/** Every problem of an article's machine drafts (for validate). */
export function checkDrafts(article: Article, lines: SourceLines, aligned: readonly AlignedParagraph[]): Diagnostic[] {
  return [...markProblems(article, lines), ...glossaryWarnings(article, aligned)];
}
