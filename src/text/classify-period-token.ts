import type { AbbreviationKind } from './abbreviation-kind.js';
import type { SplitProfile } from './split-profiles.js';

/** What the word before a period is, as far as sentence ends are concerned. */
export type PeriodTokenKind =
  | AbbreviationKind
  /** "4." or "4.4." in German: an ordinal or a date, usually not a sentence end. */
  | 'ordinal'
  /** A German number after a name-like noun ("zu Gate 24.", "auf Gleis 7."): a count, so a period after it may end the sentence. */
  | 'cardinal'
  /** Four or more digits and a period in German: mostly a year closing a sentence. */
  | 'year'
  /** An ordinary word (or an English number): trust the period. */
  | 'word'
  /** Anything else ("2:1.", "B33."): leave the decision to `Intl.Segmenter`. */
  | 'other';

const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:der|die|das|des|dem|den|zum|zur|am|im|vom|beim)\s+$/iu;
const NOUN_BEFORE = /(?:^|\s)(\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)*)\s+$/u;
const openers = /^[„“"'‚‘«»‹›([{]+/u;
const shortPiece = /^\p{L}{1,4}\.$/u;
const maxPieces = 3;

/**
 * Classifies the whitespace-free token ending in a period at `end` (exclusive).
 * Spaced abbreviations ("z. B.", "v. Chr.") are looked up with the pieces before them.
 */
export function classifyPeriodToken(
  text: string,
  start: number,
  end: number,
  profile: SplitProfile,
): PeriodTokenKind {
  const token = text.slice(start, end).replace(openers, '');
  const listed = lookUpWithPieces(text, start, token, profile);
  if (listed !== undefined) return listed;
  if (profile.ordinals && /^\p{Nd}+\.$/u.test(token)) {
    const digits = token.length - 1;
    const before = text.slice(Math.max(0, start - 40), start);
    // "zu Gate 24.", "auf Gleis 7.": a number naming a thing after its noun is no ordinal (an
    // ordinal follows an article or a preposition: "am 4.", "zum 3."); words that open
    // sentences ("Am", "Seit") are not such nouns.
    const noun = digits <= 3 ? NOUN_BEFORE.exec(before)?.[1] : undefined;
    if (noun !== undefined && !profile.starters.has(noun)) return 'cardinal';
    // "die 1000. Ausgabe", "das 2000. Tor": an article right before a long number makes it an
    // ordinal; a year closing a sentence follows a verb or a preposition ("gegründet 1250.").
    return digits <= 3 || ARTICLE_BEFORE.test(text.slice(Math.max(0, start - 8), start)) ? 'ordinal' : 'year';
  }
  if (profile.ordinals && /^\p{Nd}{1,2}\.\p{Nd}{1,2}\.$/u.test(token)) return 'ordinal';
  // A single capital is an initial ("Peter A. Müller"); a single small letter is a piece of
  // a spaced abbreviation the table does not list.
  if (/^\p{Lu}\.$/u.test(token)) return 'starter';
  if (/^\p{Ll}\.$/u.test(token)) return 'never';
  if (/^(?:\p{L}{1,3}\.){2,}$/u.test(token)) return 'starter';
  // German street names: "Hauptstr. 5".
  if (profile.ordinals && /\p{Ll}str\.$/u.test(token)) return 'starter';
  if (/^[\p{L}\p{M}][\p{L}\p{M}'’-]*\.$/u.test(token) || /^\p{Nd}+\.$/u.test(token)) {
    return 'word';
  }
  return 'other';
}

/** Looks the token up alone and joined with up to two short dotted pieces before it. */
function lookUpWithPieces(
  text: string,
  start: number,
  token: string,
  profile: SplitProfile,
): AbbreviationKind | undefined {
  const keys = [token];
  let cursor = start;
  for (let pieces = 1; pieces < maxPieces; pieces++) {
    const before = previousToken(text, cursor);
    if (before === undefined || !shortPiece.test(before.token)) break;
    keys.unshift(before.token + (keys[0] ?? ''));
    cursor = before.start;
  }
  for (const key of keys) {
    const kind = profile.abbreviations.get(key) ?? profile.abbreviations.get(lowerFirst(key));
    if (kind !== undefined) return kind;
  }
  return undefined;
}

function previousToken(text: string, start: number): { token: string; start: number } | undefined {
  let end = start;
  while (end > 0 && /\s/u.test(text[end - 1] ?? '')) end--;
  if (end === start || end === 0) return undefined;
  let begin = end;
  while (begin > 0 && !/\s/u.test(text[begin - 1] ?? '')) begin--;
  return { token: text.slice(begin, end).replace(openers, ''), start: begin };
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
