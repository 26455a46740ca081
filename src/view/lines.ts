/** Putting styled lines together: measuring, cutting to a width (with "…" as a terminal program would), padding, side by side. */
import { seg, type StyledLine, type TextStyle } from '../layout/styled-line.js';
import { displayWidth, graphemeCells, truncate } from '../text/display-width.js';

/** Columns a styled line takes. */
export function lineWidth(line: StyledLine): number {
  let width = 0;
  for (const s of line) width += displayWidth(s.text);
  return width;
}

/** The longest start of `text` that takes at most `cells` columns. */
function takeCells(text: string, cells: number): string {
  let used = 0;
  for (const cell of graphemeCells(text)) {
    if (used + cell.width > cells) return text.slice(0, cell.index);
    used += cell.width;
  }
  return text;
}

/** The line cut to at most `width` columns, its last cell "…" when it was cut. */
export function fitLine(line: StyledLine, width: number): StyledLine {
  if (width <= 0) return [];
  if (lineWidth(line) <= width) return line;
  const out: StyledLine = [];
  let left = width - 1;
  for (const s of line) {
    const w = displayWidth(s.text);
    if (w <= left) {
      out.push(s);
      left -= w;
      continue;
    }
    out.push(seg(`${takeCells(s.text, left)}…`, s.style));
    break;
  }
  return out;
}

/** The line cut or padded with spaces to exactly `width` columns. */
export function padLine(line: StyledLine, width: number): StyledLine {
  const fitted = fitLine(line, width);
  const used = lineWidth(fitted);
  return used < width ? [...fitted, seg(' '.repeat(width - used))] : fitted;
}

/** One line of plain text in one style, cut to `width`. */
export function textLine(text: string, width: number, style: TextStyle = {}): StyledLine {
  return [seg(truncate(text, width), style)];
}

/** `lines` made exactly `height` long (blank lines added, extra ones dropped). */
export function toHeight(lines: readonly StyledLine[], height: number): StyledLine[] {
  const out = lines.slice(0, Math.max(0, height));
  while (out.length < height) out.push([]);
  return out;
}
