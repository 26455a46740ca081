import { isSentenceBreak, type BreakCandidate } from './sentence-break-rules.js';
import { splitProfiles, type SplitLanguage } from './split-profiles.js';

export type { SplitLanguage } from './split-profiles.js';

// Building a Segmenter loads ICU data; one per language is plenty.
const segmenters = new Map<SplitLanguage, Intl.Segmenter>();

function segmenterFor(lang: SplitLanguage): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

// The lookbehind starts a match only at the beginning of a run of terminators: without it,
// a long run ("......a") is retried from every character and the split turns quadratic.
const candidatePattern = /(?<![.!?…])([.!?…]+)(["'”“’‘»«›‹)\]}]*)(\s+)(?=\S)/gu;

/**
 * Splits a paragraph into trimmed sentences as written: `sentences.join(' ')` is the paragraph
 * up to whitespace. They end only at whitespace, and always at a line break (a headline).
 */
export function splitSentences(paragraph: string, lang: SplitLanguage): string[] {
  const breaks = new Set<number>();
  for (const index of segmentStarts(paragraph, lang)) {
    // Only where whitespace separates: "Hallo!Welt" or "...Apr." stay whole, so joining the
    // sentences with spaces gives the paragraph back.
    if (/\s/u.test(paragraph[index - 1] ?? '')) breaks.add(index);
  }
  const profile = splitProfiles[lang];
  for (const candidate of candidates(paragraph)) {
    const segmenterSays = breaks.has(candidate.next);
    if (isSentenceBreak(paragraph, candidate, profile, segmenterSays)) {
      breaks.add(candidate.next);
    } else {
      // The segmenter may place its break anywhere in the whitespace (after a newline).
      for (let i = candidate.closeEnd; i <= candidate.next; i++) breaks.delete(i);
    }
  }
  const ordered = [...breaks].sort((a, b) => a - b);
  return slices(paragraph, ordered);
}

/**
 * V8's Intl.Segmenter slows down with every step over a long string (quadratic
 * overall: a 120 kB paragraph of short sentences takes seconds). Paragraphs longer
 * than a window are segmented a window at a time; the last two sentences of a window
 * lack what follows them, so they are segmented again in the next one. Shorter
 * paragraphs, all real ones, are segmented whole, as before.
 */
const SEGMENT_WINDOW = 4096;

function* segmentStarts(text: string, lang: SplitLanguage): Generator<number> {
  const segmenter = segmenterFor(lang);
  if (text.length <= SEGMENT_WINDOW) {
    for (const { index } of segmenter.segment(text)) yield index;
    return;
  }
  let at = 0;
  while (at < text.length) {
    const end = Math.min(text.length, at + SEGMENT_WINDOW);
    const starts = Array.from(segmenter.segment(text.slice(at, end)), (s) => at + s.index);
    const keep = end === text.length ? starts.length : Math.max(1, starts.length - 2);
    yield* starts.slice(0, keep);
    at = starts[keep] ?? end;
  }
}

function* candidates(text: string): Generator<BreakCandidate> {
  for (const match of text.matchAll(candidatePattern)) {
    const [, run = '', close = '', space = ''] = match;
    const termStart = match.index;
    const termEnd = termStart + run.length;
    const closeEnd = termEnd + close.length;
    yield { termStart, termEnd, closeEnd, next: closeEnd + space.length };
  }
}

function slices(text: string, breaks: readonly number[]): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const end of [...breaks, text.length]) {
    const sentence = text.slice(start, end).trim();
    if (sentence !== '') sentences.push(sentence);
    start = end;
  }
  return sentences;
}
