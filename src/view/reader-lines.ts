/**
 * The visible rows of the reader as styled lines: focus marker, German cell,
 * separator, English cell. Pure, so it is tested without rendering and Ink
 * gets one text node per row.
 */
import { displayWidth } from '../text/display-width.js';
import type { TextStyle, Theme } from './theme.js';
import type { AlignedParagraph, Span } from '../content/aligned-article.js';
import { segmentLine, type Column, type ReaderRow, type RowRange, type Segment as Marked } from '../layout/reader-rows.js';
import { seg, type StyledLine } from '../layout/styled-line.js';

export interface ParagraphMarks {
  focus: Span | null;
  evidence: Span[];
  matches: Span[];
  hidden: Span[];
}

export type MarksFor = (paragraph: number, lang: Column) => ParagraphMarks;

export interface ReaderLinesInput {
  rows: readonly ReaderRow[];
  paragraphs: readonly AlignedParagraph[];
  columns: readonly { lang: Column; width: number }[];
  scrollTop: number;
  height: number;
  focusRows: RowRange;
  marksFor: MarksFor;
  theme: Theme;
}

function styleOf(s: Marked, theme: Theme): TextStyle {
  const base = s.match ? theme.match : s.evidence && s.focus ? theme.focusEvidence : s.evidence ? theme.evidence : s.focus ? theme.focus : {};
  return s.hidden ? { ...base, ...theme.muted } : base;
}

/** Replaces every visible character with a dot of the same width (learner mode). */
export function conceal(text: string): string {
  return [...text].map((ch) => (ch === ' ' ? ' ' : '·'.repeat(Math.max(1, displayWidth(ch))))).join('');
}

function cell(row: ReaderRow, lang: Column, width: number, paragraph: AlignedParagraph | undefined, marks: ParagraphMarks | null, theme: Theme): StyledLine {
  const line = row[lang];
  if (!line || !paragraph) return [seg(' '.repeat(width))];
  const pad = (used: number) => seg(' '.repeat(Math.max(0, width - used)));
  if ((lang === 'en' && row.enNote) || (lang === 'de' && row.deNote)) return [seg(line.text, { ...theme.muted, italic: true }), pad(line.width)];
  const source = lang === 'de' ? paragraph.de : paragraph.en;
  const pieces = marks ? segmentLine(line, source, marks) : [{ text: line.text, focus: false, evidence: false, match: false, hidden: false }];
  return [...pieces.map((p) => seg(p.hidden ? conceal(p.text) : p.text, styleOf(p, theme))), pad(line.width)];
}

/** The `height` rows from `scrollTop`, each one styled line. */
export function readerLines(o: ReaderLinesInput): StyledLine[] {
  const { theme } = o;
  const out: StyledLine[] = [];
  for (let index = o.scrollTop; index < o.scrollTop + o.height; index++) {
    const row = o.rows[index];
    if (!row) {
      out.push([]);
      continue;
    }
    const focused = index >= o.focusRows.start && index <= o.focusRows.end;
    const paragraph = o.paragraphs[row.paragraph];
    const line: StyledLine = [];
    o.columns.forEach((c, i) => {
      if (i > 0) line.push(seg(' │ ', theme.border ? { color: theme.border } : {}));
      line.push(seg(focused ? `${theme.marker} ` : '  ', focused ? { ...theme.accent, bold: true } : {}));
      line.push(...cell(row, c.lang, c.width, paragraph, o.marksFor(row.paragraph, c.lang), theme));
    });
    out.push(line);
  }
  return out;
}
