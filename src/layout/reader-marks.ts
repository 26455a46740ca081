/** What to highlight in a paragraph: the cursor, a fact's evidence, search matches, concealed English. */
import type { Fact } from '../content/schema.js';
import { unitOfGermanSentence, type AlignedParagraph, type Span } from '../content/aligned-article.js';
import { findMatches } from './find-matches.js';
import type { Column } from './reader-rows.js';

/** A position of the reader's cursor: a unit of a paragraph (both from 0). */
export interface CursorAt {
  paragraph: number;
  unit: number;
}

/** What the marks depend on in the reader's state. */
export interface MarkState {
  cursor: CursorAt;
  unit: 'sentence' | 'paragraph';
  learner: boolean;
  revealed: ReadonlySet<string>;
  fact: number | null;
  search: { query: string };
}

export interface Marks {
  focus: Span | null;
  evidence: Span[];
  matches: Span[];
  hidden: Span[];
}

const NO_MARKS: Marks = { focus: null, evidence: [], matches: [], hidden: [] };

/** Where a fact's evidence is in its German paragraph (exact first, then ignoring case). */
export function evidenceSpan(paragraph: AlignedParagraph, fact: Fact): Span | null {
  let at = paragraph.de.indexOf(fact.evidence);
  if (at < 0) {
    const spans = findMatches(paragraph.de, fact.evidence);
    const whole = spans.find((s) => paragraph.de.slice(s.start, s.start + fact.evidence.length).toLowerCase() === fact.evidence.toLowerCase());
    at = whole ? whole.start : -1;
  }
  return at < 0 ? null : { start: at, end: at + fact.evidence.length };
}

/** The facts that cite the unit under the cursor (in paragraph mode: anything in its paragraph), in order. */
export function factsAtCursor(
  facts: readonly Fact[],
  paragraphs: readonly AlignedParagraph[],
  state: Pick<MarkState, 'cursor' | 'unit'>,
): number[] {
  const at: number[] = [];
  facts.forEach((fact, i) => {
    const target = factTarget(paragraphs, fact);
    if (target && target.paragraph === state.cursor.paragraph && (state.unit === 'paragraph' || target.unit === state.cursor.unit)) at.push(i);
  });
  return at;
}

/** The unit (cursor position) a fact points at: its sentence, else where its evidence is. */
export function factTarget(paragraphs: readonly AlignedParagraph[], fact: Fact): { paragraph: number; unit: number } | null {
  const p = fact.paragraph - 1;
  const paragraph = paragraphs[p];
  if (!paragraph) return null;
  if (fact.sentence !== undefined && fact.sentence - 1 < paragraph.deSentenceSpans.length) {
    return { paragraph: p, unit: unitOfGermanSentence(paragraph, fact.sentence - 1) };
  }
  const span = evidenceSpan(paragraph, fact);
  if (!span) return { paragraph: p, unit: 0 };
  const sentence = paragraph.deSentenceSpans.findIndex((s) => span.start >= s.start && span.start < s.end);
  return { paragraph: p, unit: unitOfGermanSentence(paragraph, Math.max(0, sentence)) };
}

export interface MarkContext {
  state: MarkState;
  paragraphs: readonly AlignedParagraph[];
  facts: readonly Fact[];
  /** Conceal unrevealed English (learner mode with the English column shown). */
  conceal: boolean;
}

/** Marks of paragraph `p` in language `lang`. */
export function marksFor(ctx: MarkContext, p: number, lang: Column): Marks {
  const paragraph = ctx.paragraphs[p];
  if (!paragraph) return NO_MARKS;
  const { state } = ctx;
  const text = lang === 'de' ? paragraph.de : paragraph.en;
  let focus: Span | null = null;
  if (state.cursor.paragraph === p) {
    focus = state.unit === 'paragraph' ? { start: 0, end: text.length } : (paragraph.units[state.cursor.unit]?.[lang] ?? null);
  }
  const evidence: Span[] = [];
  const fact = state.fact === null ? undefined : ctx.facts[state.fact];
  if (fact && fact.paragraph - 1 === p) {
    const target = factTarget(ctx.paragraphs, fact);
    if (lang === 'de') {
      const span = evidenceSpan(paragraph, fact);
      if (span) evidence.push(span);
    } else if (target) {
      const unitSpan = paragraph.units[target.unit]?.en;
      if (unitSpan) evidence.push(unitSpan);
    }
  }
  const matches = state.search.query.trim() === '' ? [] : findMatches(text, state.search.query);
  const hidden: Span[] = [];
  if (lang === 'en' && ctx.conceal && state.learner) {
    paragraph.units.forEach((u, i) => {
      if (u.en && !state.revealed.has(`${p}:${i}`)) hidden.push(u.en);
    });
  }
  return { focus, evidence, matches: lang === 'en' && hidden.length > 0 ? [] : matches, hidden };
}

/** Units holding a search match, in reading order. */
export function matchUnits(paragraphs: readonly AlignedParagraph[], query: string, langs: readonly Column[]): { paragraph: number; unit: number }[] {
  if (query.trim() === '') return [];
  const out: { paragraph: number; unit: number }[] = [];
  paragraphs.forEach((p, pi) => {
    const hits = new Set<number>();
    for (const lang of langs) {
      const text = lang === 'de' ? p.de : p.en;
      for (const span of findMatches(text, query)) {
        const unit = p.units.findIndex((u) => {
          const s = u[lang];
          return s !== null && span.start >= s.start && span.start < s.end;
        });
        hits.add(Math.max(0, unit));
      }
    }
    [...hits].sort((a, b) => a - b).forEach((unit) => out.push({ paragraph: pi, unit }));
  });
  return out;
}

/** The next (or previous) match unit after the cursor, wrapping around. */
export function nextMatch(
  matches: readonly { paragraph: number; unit: number }[],
  cursor: { paragraph: number; unit: number },
  direction: 1 | -1,
): { paragraph: number; unit: number } | null {
  if (matches.length === 0) return null;
  const key = (m: { paragraph: number; unit: number }) => m.paragraph * 100_000 + m.unit;
  const here = key(cursor);
  if (direction > 0) return matches.find((m) => key(m) > here) ?? (matches[0] as { paragraph: number; unit: number });
  return [...matches].reverse().find((m) => key(m) < here) ?? (matches[matches.length - 1] as { paragraph: number; unit: number });
}
