import { classifyPeriodToken } from './classify-period-token.js';
import type { SplitProfile } from './split-profiles.js';

/** Where a sentence may end: a run of `.?!…`, closing marks, then whitespace. */
export interface BreakCandidate {
  /** Index of the first character of the terminator run. */
  readonly termStart: number;
  /** Index just past the terminator run. */
  readonly termEnd: number;
  /** Index just past any closing quotes or brackets after it. */
  readonly closeEnd: number;
  /** Index of the next non-whitespace character. */
  readonly next: number;
}

const lineBreak = /[\n\r\v\f\u0085\u2028\u2029]/u;

/**
 * Decides whether a sentence ends at the candidate. `segmenterSays` is what
 * `Intl.Segmenter` decided; the rules override it where it is known to be wrong.
 */
export function isSentenceBreak(
  text: string,
  candidate: BreakCandidate,
  profile: SplitProfile,
  segmenterSays: boolean,
): boolean {
  // A line break is a layout fact (a heading, a list item), stronger than any guess.
  if (lineBreak.test(text.slice(candidate.closeEnd, candidate.next))) return true;
  const next = nextWord(text, candidate.next);
  const lower = /^\p{Ll}/u.test(next);
  const upper = /^\p{Lu}/u.test(next);
  const digit = /^\p{Nd}/u.test(next);
  const run = text.slice(candidate.termStart, candidate.termEnd);

  // A small letter after ?/! continues the sentence: „Warum?“ fragte sie.
  if (/[?!]/u.test(run)) return !lower;
  // Intl.Segmenter never breaks after "…"; treat it like "..." (which it does handle).
  if (run.includes('…') || run.includes('...')) return upper;
  if (lower) return false;
  // A period inside closing quotes ends the quoted sentence, not an abbreviation.
  if (candidate.closeEnd > candidate.termEnd) return upper || digit || segmenterSays;

  const tokenStart = tokenStartBefore(text, candidate.termStart);
  const kind = classifyPeriodToken(text, tokenStart, candidate.termEnd, profile);
  // Only a typical opener proves a new sentence: "zum 5. „Rock am See“" goes on.
  const starts = profile.starters.has(next);
  switch (kind) {
    case 'never':
      return false;
    case 'starter':
      return starts;
    case 'capital':
      return upper;
    case 'number':
      return !digit && segmenterSays;
    case 'ordinal':
      return !profile.months.has(next) && starts;
    case 'cardinal':
      // "zu Gate 24. Passagiere …" ends; "am Samstag 7. September" is still a date.
      return upper && !profile.months.has(next) && !profile.longOrdinalNouns.has(next);
    case 'year':
      return !profile.longOrdinalNouns.has(next) && (upper || digit || segmenterSays);
    case 'word':
      // Intl.Segmenter reads "werden. 2014 ist …" as one sentence because of the small "ist".
      return digit || segmenterSays;
    case 'other':
      return segmenterSays;
  }
}

/** The letters and digits that follow, past any opening marks ("„Das" gives "Das"). */
function nextWord(text: string, index: number): string {
  const match = /^[„“"'‚‘«»‹›([{]*([\p{L}\p{M}\p{Nd}]*)/u.exec(text.slice(index, index + 64));
  return match?.[1] ?? '';
}

function tokenStartBefore(text: string, index: number): number {
  let start = index;
  while (start > 0 && !/\s/u.test(text[start - 1] ?? '')) start--;
  return start;
}
