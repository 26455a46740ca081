/** Display width in terminal columns (CJK and emoji are two, combining marks zero). */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Columns `text` occupies in a terminal. */
export function displayWidth(text: string): number {
  // Fast path: printable ASCII is one column per character.
   
  if (/^[\x20-\x7E]*$/.test(text)) return text.length;
  return stringWidth(text);
}

/** Grapheme clusters of `text` with their offsets and widths. */
export function* graphemeCells(
  text: string,
): Generator<{ index: number; segment: string; width: number }> {
  for (const { index, segment } of graphemes.segment(text)) {
    yield { index, segment, width: displayWidth(segment) };
  }
}

/** Cuts `text` to at most `width` columns, ending with "…" when it was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let used = 0;
  let out = '';
  for (const cell of graphemeCells(text)) {
    if (used + cell.width > width - 1) break;
    out += cell.segment;
    used += cell.width;
  }
  return `${out}…`;
}

/** Pads `text` with spaces on the right to exactly `width` columns (cutting it if longer). */
export function padEnd(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}
