/** Finding a search query in text, ignoring case, diacritics and ß/ss, with offsets into the original. */
import { foldForSearch } from '../text/fold.js';
import type { Span } from '../content/aligned-article.js';

interface Folded {
  text: string;
  /** Original offset of every folded character. */
  origin: number[];
}

function fold(text: string): Folded {
  let out = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const piece = foldForSearch(ch);
    for (let i = 0; i < piece.length; i++) origin.push(offset);
    out += piece;
    offset += ch.length;
  }
  origin.push(offset);
  return { text: out, origin };
}

/** Every occurrence of any word of `query` in `text`, as spans of the original text. */
export function findMatches(text: string, query: string): Span[] {
  const words = foldForSearch(query).split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || text === '') return [];
  const folded = fold(text);
  const spans: Span[] = [];
  for (const word of words) {
    let at = folded.text.indexOf(word);
    while (at >= 0) {
      const start = folded.origin[at] ?? 0;
      const endIndex = at + word.length;
      const end = endIndex < folded.origin.length - 1 ? (folded.origin[endIndex] ?? text.length) : text.length;
      spans.push({ start, end: Math.max(end, start + 1) });
      at = folded.text.indexOf(word, at + word.length);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
