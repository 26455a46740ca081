/** Display width in terminal columns (CJK and emoji are two, combining marks zero). */
import stringWidth from 'string-width';

// Made on first use: building a Segmenter loads ICU data (about 10 ms), and
// Latin text, the common case, never needs one.
let graphemeSegmenter: Intl.Segmenter | null = null;
const graphemes = () => (graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/**
 * V8's Intl.Segmenter gets slower with every step over a long string (quadratic
 * overall: 80,000 characters take seconds), so long texts are segmented a window
 * at a time. The window's end may cut its last cluster, and even half a surrogate
 * pair there can end the cluster before it early ("👍" + half of "🏽"), so the
 * last two clusters are segmented again at the start of the next window.
 */
const WINDOW = 512;

function* clusters(text: string): Generator<{ index: number; segment: string }> {
  if (text.length <= WINDOW) {
    yield* graphemes().segment(text);
    return;
  }
  let at = 0;
  while (at < text.length) {
    const end = Math.min(text.length, at + WINDOW);
    const found = Array.from(graphemes().segment(text.slice(at, end)), ({ index, segment }) => ({ index: at + index, segment }));
    // A window of one or two clusters (hundreds of combining marks) still moves on.
    const keep = end === text.length ? found.length : Math.max(1, found.length - 2);
    yield* found.slice(0, keep);
    at = found[keep]?.index ?? end;
  }
}

/**
 * Text that is one column per UTF-16 unit: printable ASCII, Latin letters (German text) and the
 * punctuation and currency signs of news text („…“, –, €), arrows, mathematical signs, and the
 * box-drawing, block and geometric characters of the reader's own lines. No combining, invisible or wide
 * character lives in these ranges (the soft hyphen U+00AD, U+2028/9 and the bidi controls
 * U+202A–E are left out). Text like this never needs string-width, whose emoji test costs
 * V8 about 20 ms to compile on first use.
 */
const ONE_COLUMN_EACH = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u20A0-\u20C0\u2190-\u22FF\u2500-\u25FC]*$/;

/** Whether every UTF-16 unit of `text` is one column (so its width is its length); see ONE_COLUMN_EACH. */
export function isOneColumnEach(text: string): boolean {
  return ONE_COLUMN_EACH.test(text);
}

/** Columns `text` occupies in a terminal (string-width's measure, summed per cluster on long text). */
export function displayWidth(text: string): number {
  if (ONE_COLUMN_EACH.test(text)) return text.length;
  // string-width measures cluster by cluster (after dropping escape sequences, which only
  // it may see whole): the sum over windows is the same number without the slowdown.
  if (text.length <= WINDOW || text.includes('\u001B') || text.includes('\u009B')) return stringWidth(text);
  let width = 0;
  for (const { segment } of clusters(text)) width += stringWidth(segment);
  return width;
}

/** Grapheme clusters of `text` with their offsets and widths. */
export function* graphemeCells(
  text: string,
): Generator<{ index: number; segment: string; width: number }> {
  for (const { index, segment } of clusters(text)) {
    yield { index, segment, width: displayWidth(segment) };
  }
}

/** Cuts `text` to at most `width` columns, ending with "…" when it was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (ONE_COLUMN_EACH.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  if (text.length <= WINDOW && displayWidth(text) <= width) return text;
  // Walk only as far as needed: a long text (a hostile title) is never measured whole.
  let used = 0;
  let cut = 0;
  let cutFound = false;
  for (const cell of graphemeCells(text)) {
    if (!cutFound && used + cell.width > width - 1) {
      cut = cell.index;
      cutFound = true;
    }
    used += cell.width;
    if (used > width) return `${text.slice(0, cut)}…`;
  }
  return text;
}

/** Pads `text` with spaces on the right to exactly `width` columns (cutting it if longer). */
export function padEnd(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}
