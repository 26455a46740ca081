/**
 * Finding a search query in text, ignoring case, diacritics and ß/ss, with offsets into the
 * original. Linear in the text: a text is folded once (kept while it is searched again, as
 * every frame and every typed letter does) and then scanned with indexOf; the matches of the
 * query being typed are kept per text, so drawing a screen of a 300 KB paragraph folds it once,
 * not once per row.
 */
import { foldForSearch } from '../text/fold.js';
import type { Span } from '../content/aligned-article.js';

interface Folded {
  text: string;
  /** Original offset of every folded character (and one past the end). */
  origin: Int32Array;
}

/** Folds `text` character by character, keeping where each folded character came from. */
function fold(text: string): Folded {
  const pieces: string[] = [];
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    // ASCII needs no Unicode folding, only lower case: most of a German text, done cheaply.
    const piece = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch) : foldForSearch(ch);
    for (let i = 0; i < piece.length; i++) origin.push(offset);
    pieces.push(piece);
    offset += ch.length;
  }
  origin.push(offset);
  return { text: pieces.join(''), origin: Int32Array.from(origin) };
}

/** Folded texts kept for searching again; a few hundred paragraphs are searched at most at once. */
const FOLDED_KEPT = 512;
const folded = new Map<string, Folded>();

function foldedOf(text: string): Folded {
  let f = folded.get(text);
  if (!f) {
    if (folded.size >= FOLDED_KEPT) folded.delete(folded.keys().next().value as string);
    f = fold(text);
    folded.set(text, f);
  }
  return f;
}

/** Matches per query and text, for the last few queries (the search typed, a fact's evidence…). */
const QUERIES_KEPT = 16;
const matches = new Map<string, Map<string, Span[]>>();

function scan(text: string, query: string): Span[] {
  const words = foldForSearch(query).split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || text === '') return [];
  const f = foldedOf(text);
  const spans: Span[] = [];
  for (const word of words) {
    let at = f.text.indexOf(word);
    while (at >= 0) {
      const start = f.origin[at] ?? 0;
      const endIndex = at + word.length;
      const end = endIndex < f.origin.length - 1 ? (f.origin[endIndex] ?? text.length) : text.length;
      spans.push({ start, end: Math.max(end, start + 1) });
      at = f.text.indexOf(word, at + word.length);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Every occurrence of any word of `query` in `text`, as spans of the original text. */
export function findMatches(text: string, query: string): readonly Span[] {
  let byText = matches.get(query);
  if (!byText) {
    if (matches.size >= QUERIES_KEPT) matches.delete(matches.keys().next().value as string);
    byText = new Map();
    matches.set(query, byText);
  }
  let spans = byText.get(text);
  if (!spans) {
    spans = scan(text, query);
    if (byText.size >= FOLDED_KEPT) byText.clear();
    byText.set(text, spans);
  }
  return spans;
}
