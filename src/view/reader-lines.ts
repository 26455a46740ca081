/**
 * The visible rows of the reader as styled lines: focus marker, German cell,
 * separator, English cell. Pure, so it is tested without rendering and Ink
 * gets one text node per row.
 */
import { displayWidth } from '../text/display-width.js';
import type { TextStyle, Theme } from './theme.js';
import type { AlignedParagraph, Span } from '../content/aligned-article.js';
import { cellLineWidth, MACHINE_MARK, type CellLine } from '../layout/block-lines.js';
import { segmentLine, type Column, type ReaderRow, type RowRange, type Segment as Marked } from '../layout/reader-rows.js';
import { seg, type StyledLine } from '../layout/styled-line.js';
import { fitLine } from './lines.js';

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

const overlaps = (start: number, end: number, spans: readonly Span[] | undefined) => spans?.some((s) => s.start < end && s.end > start) ?? false;

/** The look of a kind of text (a subheading, a question, a quotation) under the marks' styles. */
function kindStyle(line: CellLine, theme: Theme): TextStyle {
  if (line.style === 'heading') return theme.heading;
  if (line.style === 'question') return { bold: true };
  if (line.style === 'quote') return { italic: true };
  return {};
}

function cell(row: ReaderRow, lang: Column, width: number, paragraph: AlignedParagraph | undefined, marks: ParagraphMarks | null, theme: Theme): StyledLine {
  const line = row[lang];
  if (!line || !paragraph) return [seg(' '.repeat(width))];
  const pad = (used: number) => seg(' '.repeat(Math.max(0, width - used)));
  if ((lang === 'en' && row.enNote) || (lang === 'de' && row.deNote)) return [seg(line.text, { ...theme.muted, italic: true }), pad(line.width)];
  const base = kindStyle(line, theme);
  const prefix = line.prefix ? [seg(line.prefix, line.prefix.startsWith(MACHINE_MARK) ? theme.warning : theme.muted)] : [];
  if (line.display !== undefined) {
    // A table row in columns: the marks that touch its row style it whole.
    const flags = {
      text: line.display,
      focus: marks?.focus ? overlaps(line.start, line.end, [marks.focus]) : false,
      evidence: overlaps(line.start, line.end, marks?.evidence),
      match: overlaps(line.start, line.end, marks?.matches),
      hidden: overlaps(line.start, line.end, marks?.hidden),
    };
    return [...prefix, seg(flags.hidden ? conceal(line.display) : line.display, { ...base, ...styleOf(flags, theme) }), pad(cellLineWidth(line))];
  }
  const source = lang === 'de' ? paragraph.de : paragraph.en;
  const pieces = marks ? segmentLine(line, source, marks) : [{ text: line.text, focus: false, evidence: false, match: false, hidden: false }];
  return [...prefix, ...pieces.map((p) => seg(p.hidden ? conceal(p.text) : p.text, { ...base, ...styleOf(p, theme) })), pad(cellLineWidth(line))];
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
    if (row.link !== undefined) {
      // The article's link list, under the text, across the columns.
      const across = o.columns.reduce((sum, c) => sum + c.width + 2, 0) + 3 * (o.columns.length - 1);
      out.push(fitLine([seg('  '), seg(row.link, theme.muted)], across));
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
