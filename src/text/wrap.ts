/**
 * Word wrapping by display width that keeps offsets into the source text, so
 * the reader can style a sentence or evidence span on whichever lines it
 * lands. (wrap-ansi returns only strings, and does not break after the
 * hyphens of German compounds.)
 */
import { displayWidth, graphemeCells, isOneColumnEach } from './display-width.js';

/** One wrapped line: `text` is `source.slice(start, end)` without trailing spaces. */
export interface WrappedLine {
  start: number;
  end: number;
  text: string;
  width: number;
}

// A break is allowed after spaces, after a hyphen or slash inside a word, and
// around wide (CJK) characters, which have no spaces between words.
const TOKEN =
  /[^\s\-/\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]+[-/]?|[-/]|[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF][-/]?|\s+/gu;

export interface Token {
  start: number;
  end: number;
  width: number;
  space: boolean;
}

/** A whitespace token (U+3000 is matched with the CJK characters, and may take a hyphen after it). */
const SPACE_TOKEN = /^\s+$/;

/**
 * The text cut into words (each with a hyphen or slash after it), hyphens and slashes, and runs of
 * whitespace, with their widths. `oneColumn`: every character of the text is one column (see
 * isOneColumnEach), as in most news text; then a plain scan does what TOKEN does, without a match
 * object per word (a 500-paragraph article's rows took tens of milliseconds the other way).
 */
export function tokens(text: string, oneColumn = isOneColumnEach(text)): Token[] {
  const out: Token[] = [];
  if (oneColumn) {
    // The only whitespace of one-column text is the space and the no-break space.
    const isSpace = (c: number) => c === 0x20 || c === 0xa0;
    const isBreak = (c: number) => c === 0x2d || c === 0x2f;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const start = i;
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        while (i < n && isSpace(text.charCodeAt(i))) i++;
      } else if (isBreak(c)) {
        i++;
      } else {
        while (i < n && !isSpace(text.charCodeAt(i)) && !isBreak(text.charCodeAt(i))) i++;
        if (i < n && isBreak(text.charCodeAt(i))) i++;
      }
      out.push({ start, end: i, width: i - start, space: isSpace(c) });
    }
    return out;
  }
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const value = m[0];
    out.push({ start, end: start + value.length, width: displayWidth(value), space: SPACE_TOKEN.test(value) });
  }
  return out;
}

/** Splits a token wider than the line at grapheme boundaries. */
function hardBreak(text: string, token: Token, width: number): Token[] {
  const out: Token[] = [];
  let start = token.start;
  let used = 0;
  for (const cell of graphemeCells(text.slice(token.start, token.end))) {
    const at = token.start + cell.index;
    if (used + cell.width > width && used > 0) {
      out.push({ start, end: at, width: used, space: false });
      start = at;
      used = 0;
    }
    used += cell.width;
  }
  out.push({ start, end: token.end, width: used, space: false });
  return out;
}

/** Two whitespace tokens in a row, as one. */
function joinSpace(before: Token | null, token: Token): Token {
  return before ? { ...before, end: token.end, width: before.width + token.width } : token;
}

/** Wraps `text` (a single paragraph, no newlines) into lines of at most `width` columns. */
export function wrapText(text: string, width: number): WrappedLine[] {
  const w = Math.max(1, Math.floor(width));
  const lines: WrappedLine[] = [];
  let lineStart = -1;
  let lineEnd = 0;
  let used = 0;
  let pendingSpace: Token | null = null;
  const flush = () => {
    if (lineStart >= 0)
      lines.push({
        start: lineStart,
        end: lineEnd,
        text: text.slice(lineStart, lineEnd),
        width: used,
      });
    lineStart = -1;
    used = 0;
    pendingSpace = null;
  };
  for (const token of tokens(text)) {
    if (token.space) {
      // Whitespace can come as several tokens (U+3000 is matched with the CJK characters): add them up.
      if (lineStart >= 0) pendingSpace = joinSpace(pendingSpace, token);
      continue;
    }
    const pieces = token.width > w ? hardBreak(text, token, w) : [token];
    for (const piece of pieces) {
      // The whole run of whitespace stays inside the line's text, so all of it counts.
      const spaceWidth = pendingSpace ? pendingSpace.width : 0;
      if (lineStart >= 0 && used + spaceWidth + piece.width > w) flush();
      if (lineStart < 0) {
        lineStart = piece.start;
        used = 0;
      } else {
        used += spaceWidth;
      }
      used += piece.width;
      lineEnd = piece.end;
      pendingSpace = null;
    }
  }
  flush();
  if (lines.length === 0) lines.push({ start: 0, end: 0, text: '', width: 0 });
  return lines;
}
