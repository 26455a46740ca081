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

// Text made only of characters that NFC leaves alone (nothing from U+0300 on composes with what is
// below it, and nothing below it is a singleton) and that are neither invisible nor exotic spaces:
// normalise() returns it unchanged, so it is not run (most German and English text is such).
// eslint-disable-next-line no-control-regex
export const ALREADY_NORMAL = /^[\u0000-\u009F\u00A1-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u20AC]*$/;

/** NFC, invisible characters removed, exotic spaces made plain. */
export function normalise(input: string): string {
  if (ALREADY_NORMAL.test(input)) return input;
  return input.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ');
}

/** Sanitised and normalised single-line text with whitespace runs collapsed. */
export function cleanText(input: string): string {
  return normalise(sanitise(input)).replace(/ {2,}/g, ' ').trim();
}
