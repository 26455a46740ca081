/**
 * The reader's text as screen rows for one view and column width: each
 * German/English paragraph pair starts on the same row, and every cursor
 * unit knows the rows it covers. Built once per (article, view, width).
 */
import { wrapText, type WrappedLine } from '../text/wrap.js';
import { sideLines, type CellLine } from './block-lines.js';
import type { AlignedParagraph, Span } from '../content/aligned-article.js';

export type Column = 'de' | 'en';

export interface ReaderRow {
  paragraph: number;
  /** Line of each shown column on this row (absent: nothing on this row). */
  de?: CellLine;
  en?: CellLine;
  /** A row of the article's link list, under the text (not part of any paragraph). */
  link?: string;
  /** The English column shows the "not translated yet" note on this row. */
  enNote?: boolean;
  /** The German column shows the "no German paragraph" note (an English paragraph too many). */
  deNote?: boolean;
}

/** First and last row (inclusive) of something. */
export interface RowRange {
  start: number;
  end: number;
}

/** Where the units sit on screen, for one layout: what moving the cursor and scrolling need. */
export interface Geometry {
  units: readonly (readonly RowRange[])[];
  paragraphs: readonly RowRange[];
  totalRows: number;
}

export interface ReaderRows {
  rows: ReaderRow[];
  /** rows covered by unit u of paragraph p: units[p][u]. */
  units: RowRange[][];
  paragraphs: RowRange[];
}

export interface RowOptions {
  columns: readonly Column[];
  /** Width of each column, in the order of `columns`. */
  widths: readonly number[];
  /** Text shown for an untranslated English paragraph. */
  untranslated: string;
  /** Text shown beside an English paragraph that has no German one. */
  noGerman?: string;
  /** What comes before an interview question, per language ("F:", "Q:"). */
  questionMarks?: { de: string; en: string };
  /** The article's link list, a line each ("[1] words — URL"), with its heading first. */
  links?: readonly string[];
}

function linesOf(text: string, width: number): WrappedLine[] {
  return text === '' ? [] : wrapText(text, width);
}

/** Index range of the lines a span touches. */
function lineRange(lines: readonly WrappedLine[], span: Span | null): RowRange | null {
  if (!span || lines.length === 0) return null;
  let start = -1;
  let end = -1;
  lines.forEach((line, i) => {
    const touches = line.start < span.end && line.end > span.start;
    if (touches && start < 0) start = i;
    if (touches) end = i;
  });
  if (start < 0) {
    // A span with no visible characters: the line it would start on.
    const i = lines.findIndex((line) => line.end >= span.start);
    start = end = i < 0 ? lines.length - 1 : i;
  }
  return { start, end };
}

function merge(a: RowRange | null, b: RowRange | null, fallback: RowRange): RowRange {
  if (a && b) return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
  return a ?? b ?? fallback;
}

/** Lays out paragraphs as rows, with a blank row between paragraphs. */
export function buildRows(paragraphs: readonly AlignedParagraph[], options: RowOptions): ReaderRows {
  const steps = buildRowsStepwise(paragraphs, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, one paragraph per step, so that a huge article can be laid out
 * in slices between key presses (see src/runtime/article-loader.ts).
 */
export function* buildRowsStepwise(paragraphs: readonly AlignedParagraph[], options: RowOptions): Generator<number, ReaderRows> {
  const rows: ReaderRow[] = [];
  const units: RowRange[][] = [];
  const ranges: RowRange[] = [];
  const showDe = options.columns.includes('de');
  const showEn = options.columns.includes('en');
  const width = (c: Column) => options.widths[options.columns.indexOf(c)] ?? 20;
  for (let index = 0; index < paragraphs.length; index++) {
    const p = paragraphs[index] as AlignedParagraph;
    if (index > 0) rows.push({ paragraph: index - 1 });
    const first = rows.length;
    const deMissing = showDe && p.de === '' && p.en !== '' && options.noGerman !== undefined;
    const marks = options.questionMarks ?? { de: '?', en: '?' };
    const de: CellLine[] = showDe ? (deMissing ? linesOf(options.noGerman ?? '', width('de')) : sideLines(p, 'de', width('de'), marks.de)) : [];
    const enMissing = showEn && p.en === '';
    const en: CellLine[] = showEn ? (enMissing ? linesOf(options.untranslated, width('en')) : sideLines(p, 'en', width('en'), marks.en)) : [];
    const height = Math.max(1, de.length, en.length);
    for (let i = 0; i < height; i++) {
      const row: ReaderRow = { paragraph: index };
      const d = de[i];
      const e = en[i];
      if (d) row.de = d;
      if (e) row.en = e;
      if (e && enMissing) row.enNote = true;
      if (d && deMissing) row.deNote = true;
      rows.push(row);
    }
    ranges.push({ start: first, end: first + height - 1 });
    units.push(
      p.units.map((u) => {
        const fromDe = deMissing ? null : lineRange(de, u.de);
        const fromEn = enMissing ? null : lineRange(en, u.en);
        const r = merge(fromDe, fromEn, { start: 0, end: 0 });
        return fromDe || fromEn ? { start: first + r.start, end: first + r.end } : { start: first, end: first };
      }),
    );
    yield index;
  }
  // The link list under the text: rows of no paragraph, reached by scrolling to the end.
  if (options.links && options.links.length > 0 && paragraphs.length > 0) {
    rows.push({ paragraph: paragraphs.length - 1 });
    for (const link of options.links) rows.push({ paragraph: paragraphs.length - 1, link });
  }
  return { rows, units, paragraphs: ranges };
}

/** A piece of a line with the marks that style it. */
export interface Segment {
  text: string;
  focus: boolean;
  evidence: boolean;
  match: boolean;
  hidden: boolean;
}

export interface LineMarks {
  focus?: Span | null;
  evidence?: readonly Span[];
  matches?: readonly Span[];
  hidden?: readonly Span[];
}

const within = (at: number, spans: readonly Span[] | undefined) => spans?.some((s) => at >= s.start && at < s.end) ?? false;

/** Cuts a wrapped line into segments wherever a mark starts or ends. */
export function segmentLine(line: WrappedLine, source: string, marks: LineMarks): Segment[] {
  const cuts = new Set<number>([line.start, line.end]);
  const add = (s: Span) => {
    if (s.start > line.start && s.start < line.end) cuts.add(s.start);
    if (s.end > line.start && s.end < line.end) cuts.add(s.end);
  };
  if (marks.focus) add(marks.focus);
  marks.evidence?.forEach(add);
  marks.matches?.forEach(add);
  marks.hidden?.forEach(add);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    if (b <= a) continue;
    out.push({
      text: source.slice(a, b),
      focus: marks.focus ? a >= marks.focus.start && a < marks.focus.end : false,
      evidence: within(a, marks.evidence),
      match: within(a, marks.matches),
      hidden: within(a, marks.hidden),
    });
  }
  return out;
}
