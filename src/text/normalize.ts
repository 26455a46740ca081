/**
 * Unicode normalisation applied to every text on load: NFC, invisible
 * break hints dropped, no-break spaces turned into plain spaces.
 */
import { sanitise } from './sanitize.js';

// Soft hyphen, zero-width space, word joiner, byte-order mark / ZWNBSP.
// ZWJ and ZWNJ stay: emoji sequences and some scripts need them.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
// No-break, figure, narrow no-break and other fixed-width spaces, the Ogham space mark,
// and the Unicode line and paragraph separators (inside one paragraph they are only spaces).
const SPACES = /[\u00A0\u1680\u2000-\u200A\u2007\u2028\u2029\u202F\u205F\u3000]/g;

/** NFC, invisible characters removed, exotic spaces made plain. */
export function normalise(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ');
}

/** Sanitised and normalised single-line text with whitespace runs collapsed. */
export function cleanText(input: string): string {
  return normalise(sanitise(input)).replace(/ {2,}/g, ' ').trim();
}
