/**
 * One side (German or English) of a paragraph as screen lines, drawn as its
 * kind asks: a subheading set apart, a list with bullets, a table in columns
 * (or "label: value" rows when too narrow), a quotation behind a bar, an
 * interview question after its "F:"/"Q:", a machine draft behind "≈". Every
 * line keeps its offsets into the side's plain text, so the cursor, a fact's
 * evidence and search matches land on the right lines whatever the kind.
 */
import { blockPartSpans, type AlignedParagraph, type Span } from '../content/aligned-article.js';
import { displayWidth } from '../text/display-width.js';
import { layoutTable } from '../text/table-layout.js';
import { wrapText, type WrappedLine } from '../text/wrap.js';

/** A line of a cell: wrapped text, with what is drawn around or instead of it. */
export interface CellLine extends WrappedLine {
  /** Drawn before the text (a bullet, a quotation bar, a question's mark, the machine mark). */
  prefix?: string;
  /** Shown instead of the source slice (a table row in columns); marks then style it whole. */
  display?: string;
  /** How the text looks. */
  style?: 'heading' | 'question' | 'quote';
}

export type Side = 'de' | 'en';

/** Marks drawn before a machine-drafted English paragraph's lines (not colour alone). */
export const MACHINE_MARK = '≈ ';

const BULLET = '• ';
const QUOTE_BAR = '▎ ';

/** `text` wrapped within `width` after a prefix: `first` on the first line, `rest` on the others. */
function prefixed(text: string, width: number, first: string, rest: string, style?: CellLine['style']): CellLine[] {
  const room = Math.max(1, width - Math.max(displayWidth(first), displayWidth(rest)));
  return wrapText(text, room).map((line, i) => ({ ...line, prefix: i === 0 ? first : rest, ...(style ? { style } : {}) }));
}

/** Wrapped lines of a part of `text` (a list item), offsets into `text`. */
function wrapPart(text: string, span: Span, width: number): WrappedLine[] {
  return wrapText(text.slice(span.start, span.end), width).map((line) => ({ ...line, start: line.start + span.start, end: line.end + span.start }));
}

/** A table's lines: in columns when they fit, else each row as "label: value" lines; each line carries its row's span. */
function tableLines(rows: readonly (readonly string[])[], header: boolean, spans: readonly Span[], width: number): CellLine[] {
  const spanOf = (r: number): Span => spans[r] ?? { start: 0, end: 0 };
  const asLine = (display: string, span: Span): CellLine => ({ start: span.start, end: span.end, text: display, width: displayWidth(display), display });
  const columns = layoutTable(rows, header, undefined);
  if (columns.every((line) => displayWidth(line) <= width)) {
    // layoutTable puts a rule under the header: it belongs to no row.
    return columns.map((line, i) => {
      if (header && i === 1) {
        const at = spanOf(0).end;
        return { ...asLine(line, { start: at, end: at }), style: 'heading' as const };
      }
      const r = header && i > 1 ? i - 1 : i;
      return header && r === 0 ? { ...asLine(line, spanOf(0)), style: 'heading' as const } : asLine(line, spanOf(r));
    });
  }
  const body = rows.map((row, r) => ({ row, r })).filter(({ r }) => !header || r > 0);
  return body.flatMap(({ row, r }) => layoutTable(header ? [rows[0] ?? [], row] : [row], header, width).map((line) => asLine(line, spanOf(r))));
}

/** The lines of one side of paragraph `p` within `width` columns. */
export function sideLines(p: AlignedParagraph, side: Side, width: number, questionMark: string): CellLine[] {
  const text = side === 'de' ? p.de : p.en;
  if (text === '') return [];
  // A machine draft's English is marked on every line; its lines are narrower by the mark.
  const machine = side === 'en' && p.machine === true;
  const inner = machine ? Math.max(1, width - displayWidth(MACHINE_MARK)) : width;
  const block = p.block;
  const kind = !block || (side === 'en' && block.enKind !== undefined) ? 'paragraph' : block.kind;
  let lines: CellLine[];
  switch (kind) {
    case 'heading':
      lines = wrapText(text, inner).map((line) => ({ ...line, style: 'heading' }));
      break;
    case 'quote':
      lines = prefixed(text, inner, QUOTE_BAR, QUOTE_BAR, 'quote');
      break;
    case 'question': {
      const mark = `${questionMark} `;
      lines = prefixed(text, inner, mark, ' '.repeat(displayWidth(mark)), 'question');
      break;
    }
    case 'list':
      lines = blockPartSpans(p, side).flatMap((span) =>
        wrapPart(text, span, Math.max(1, inner - displayWidth(BULLET))).map((line, i) => ({ ...line, prefix: i === 0 ? BULLET : '  ' })),
      );
      break;
    case 'table':
      lines = block?.kind === 'table' ? tableLines(block.rows[side], block.header, blockPartSpans(p, side), inner) : wrapText(text, inner);
      break;
    default:
      lines = wrapText(text, inner);
  }
  return machine ? lines.map((line) => ({ ...line, prefix: `${MACHINE_MARK}${line.prefix ?? ''}` })) : lines;
}

/** Columns a cell line takes: its prefix and its text. */
export function cellLineWidth(line: CellLine): number {
  return (line.prefix ? displayWidth(line.prefix) : 0) + line.width;
}
