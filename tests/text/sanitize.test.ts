import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALREADY_NORMAL, cleanText, normalise } from '../../src/text/normalize.js';
import { hasControlCharacters, sanitise } from '../../src/text/sanitize.js';

const ESC = '\u001B';

describe('sanitise', () => {
  it.each([
    ['CSI colour', `a${ESC}[31mb${ESC}[0m`, 'ab'],
    ['cursor report request', `a${ESC}[6nb`, 'ab'],
    ['OSC title with BEL', `a${ESC}]0;pwned\u0007b`, 'ab'],
    ['OSC 52 clipboard with ST', `a${ESC}]52;c;ZXZpbA==${ESC}\\b`, 'ab'],
    ['OSC 8 hyperlink', `${ESC}]8;;http://evil${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['DCS', `a${ESC}P1$qm${ESC}\\b`, 'ab'],
    ['C1 CSI', 'a\u009B31mb', 'ab'],
    ['C1 OSC', 'a\u009D0;x\u009Cb', 'ab'],
    ['NUL BEL BS DEL', 'a\u0000\u0007\u0008\u007Fb', 'ab'],
    ['bidi override and isolate', 'a\u202Eb\u2066c\u2069\u200F', 'abc'],
    ['lone surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['two-character escape', `a${ESC}cb`, 'ab'],
    ['newlines and tabs', 'a\r\nb\tc', 'a b c'],
  ])('removes %s', (_name, input, expected) => {
    expect(sanitise(input)).toBe(expected);
  });

  it('keeps ordinary text, umlauts, emoji and CJK untouched', () => {
    const text = 'Grüße aus Köln – 3 € 😀 中文 «ok» „gut“';
    expect(sanitise(text)).toBe(text);
  });

  it('detects what it would remove', () => {
    expect(hasControlCharacters(`x${ESC}[2J`)).toBe(true);
    expect(hasControlCharacters('x\u202Ey')).toBe(true);
    expect(hasControlCharacters('plain\ttext\n')).toBe(false);
  });

  it('never leaves a control character, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        // eslint-disable-next-line no-control-regex
        expect(sanitise(s)).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normalise and cleanText', () => {
  it('composes to NFC and drops soft hyphens and zero-width spaces', () => {
    expect(normalise('Mu\u0308nchen Stra\u00ADßen\u200Bbahn')).toBe('München Straßenbahn');
  });

  it('turns no-break spaces into spaces and keeps emoji joiners', () => {
    expect(normalise('12\u00A0000\u202FEuro')).toBe('12 000 Euro');
    expect(normalise('👩\u200D💻')).toBe('👩\u200D💻');
  });

  it('skips only text that NFC and the clean-up would leave unchanged (every character alone and in pairs)', () => {
    const accepted: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if ((code < 0xd800 || code > 0xdfff) && ALREADY_NORMAL.test(ch)) accepted.push(ch);
    }
    expect(accepted.length).toBeGreaterThan(800);
    // Composition needs a combining character, so pairs cover every longer text too.
    const changed = accepted.flatMap((a) => accepted.filter((b) => (a + b).normalize('NFC') !== a + b).map((b) => a + b));
    expect(changed).toEqual([]);
    expect(accepted.filter((ch) => /[\u00A0\u00AD\u200B\u2060\uFEFF\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/.test(ch))).toEqual([]);
  });

  it('gives the same result on the fast path as the full one', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ä', 'ß', ' ', '\n', '\t', '\u00A0', '\u00AD', 'e\u0301', '\u001B[31m', '\u009B', '„', '€', '\u202E', '😀') }), (s) => {
        const slow = s.normalize('NFC').replace(/[\u00AD\u200B\u2060\uFEFF]/g, '').replace(/[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g, ' ');
        expect(normalise(s)).toBe(slow);
        // eslint-disable-next-line no-control-regex
        expect(sanitise(s, { keepNewlines: true })).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('collapses whitespace and trims', () => {
    expect(cleanText('  a \n  b\t\tc  ')).toBe('a b c');
  });

  it('never drops a visible character beyond what normalisation defines', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const visible = (x: string) =>
          // eslint-disable-next-line no-control-regex
          x.normalize('NFC').replace(/[\s\u00AD\u200B\u2060\uFEFF\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, '');
        expect(visible(cleanText(s))).toBe(visible(s));
      }),
      { numRuns: 1000 },
    );
  });
});
