/** fast-check generators for the text pipeline: hostile sequences, hard scripts, German prose. */
import fc from 'fast-check';

/** Complete terminal-active sequences an article could carry (each removed whole by sanitise). */
export const hostileSequence = fc.constantFrom(
  '\u001B[31m',
  '\u001B[0;1;4m',
  '\u001B[2J',
  '\u001B[6n',
  '\u001B[c',
  '\u001B[>0c',
  '\u001B[18t',
  '\u001B[?1049l',
  '\u001B]0;title\u0007',
  '\u001B]8;;https://example.test/\u001B\\',
  '\u001B]52;c;c2VjcmV0\u001B\\',
  '\u001BP+q544e\u001B\\',
  '\u001Bc',
  '\u001B7',
  '\u009B6n',
  '\u009B1;31m',
  '\u009D0;c1\u009C',
  '\u0090dcs\u009C',
  '\u0085',
  '\u0000',
  '\u0007',
  '\u0008',
  '\u007F',
  '\u202E',
  '\u202A',
  '\u2066',
  '\u2069',
  '\u200F',
  '\u061C',
);

/** Characters and clusters that are hard to measure or to split, none of them a control. */
export const trickyPiece = fc.constantFrom(
  '中',
  '新闻',
  '😀',
  '👩\u200D💻',
  '👍🏽',
  '🇩🇪',
  'e\u0301',
  'a\u0308\u0301',
  'ﬁ',
  'ｶﾞ',
  '한국',
  '\u1100\u1161',
  'Straße',
  'Ärger',
  '„Zitat“',
  '…',
  '-',
  '/',
  'Cloud-Computing-',
  ' ',
  '  ',
  '\u00AD',
  '\u200B',
  '\u00A0',
  '\u202F',
  '\u3000',
  '\u2028',
  '\u1680',
  '\uFEFF',
  '. ',
  '! ',
  '? ',
  '... ',
  'z. B. ',
  'Dr. ',
  'Mio. ',
  '4. Apr. 2024',
  '12 000 €',
  '3,5 %',
);

const letters = [...'abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHÄÖÜ'];

/** A word of German letters. */
export const word = fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 14 });

/** Printable graphemes from all of Unicode, with no control, bidi or line-break character. */
// eslint-disable-next-line no-control-regex
const CONTROLISH = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB]/;
export const anyGraphemes = fc.string({ unit: 'grapheme', maxLength: 6 }).filter((s) => !CONTROLISH.test(s));

/** A piece of text with no terminal-active character. */
export const safePiece = fc.oneof(word, word.map((w) => `${w} `), trickyPiece, anyGraphemes);

/** Safe pieces, and the same pieces with hostile sequences between them. */
export const interleaved = fc
  .array(fc.tuple(safePiece, fc.array(hostileSequence, { maxLength: 2 })), { maxLength: 30 })
  .map((parts) => ({
    clean: parts.map(([piece]) => piece).join(''),
    dirty: parts.map(([piece, attacks]) => `${attacks.join('')}${piece}`).join(''),
  }));

/** Anything: safe pieces, hostile sequences and raw binary strings mixed. */
export const anyText = fc.oneof(
  fc.array(fc.oneof(safePiece, hostileSequence), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
);

/** German-looking prose: words, punctuation, abbreviations, numbers and the tricky pieces. */
export const prose = fc
  .array(fc.oneof({ weight: 6, arbitrary: word.map((w) => `${w} `) }, { weight: 2, arbitrary: trickyPiece }, { weight: 1, arbitrary: fc.constantFrom('Der ', 'Die ', 'Am ', 'Es ', '. ', '! ') }), {
    maxLength: 80,
  })
  .map((parts) => parts.join(''));
