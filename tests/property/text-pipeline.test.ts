/**
 * Properties of the text pipeline beyond those in tests/text/: hostile
 * sequences mixed into real-looking text, long inputs (the windowed
 * segmentation), exact agreement with string-width, and bounded time.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { alignParagraph, alignSentences, MAX_ALIGNMENT_CELLS } from '../../src/text/align-sentences.js';
import { displayWidth, graphemeCells, padEnd, truncate } from '../../src/text/display-width.js';
import { cleanText, normalise } from '../../src/text/normalize.js';
import { hasControlCharacters, sanitise, showControls, terminalSafeJson } from '../../src/text/sanitize.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import { tokens, wrapText } from '../../src/text/wrap.js';
import { anyText, hostileSequence, interleaved, prose, safePiece, trickyPiece } from './arbitraries.js';

// eslint-disable-next-line no-control-regex
const TERMINAL_ACTIVE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const visible = (text: string) => text.replace(/\s+/g, '');
const LONG = { minLength: 120, maxLength: 400 } as const;

describe('sanitise', () => {
  it('removes injected sequences whole and leaves the text around them exactly as it was', () => {
    fc.assert(
      fc.property(interleaved, ({ clean, dirty }) => {
        expect(sanitise(dirty)).toBe(sanitise(clean));
        expect(sanitise(dirty, { keepNewlines: true })).toBe(sanitise(clean, { keepNewlines: true }));
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent, and keeps only newlines when asked to', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = sanitise(text);
        expect(sanitise(once)).toBe(once);
        const lines = sanitise(text, { keepNewlines: true });
        expect(lines.replace(/\n/g, '')).not.toMatch(TERMINAL_ACTIVE);
        expect(sanitise(lines, { keepNewlines: true })).toBe(lines);
      }),
      { numRuns: 1000 },
    );
  });

  it('changes a text exactly when validate would flag it (beyond tabs and line breaks)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, safePiece), (text) => {
        const layoutOnly = text.replace(/[\r\n]+/g, ' ').replace(/\t/g, ' ');
        expect(sanitise(text) !== layoutOnly).toBe(hasControlCharacters(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('showControls makes every control visible and leaves clean text alone', () => {
    fc.assert(
      fc.property(anyText, safePiece, (text, clean) => {
        expect(showControls(text)).not.toMatch(TERMINAL_ACTIVE);
        expect(showControls(clean)).toBe(clean);
      }),
      { numRuns: 500 },
    );
  });

  it('terminalSafeJson writes no active byte and parses back to the same value', () => {
    const value = fc.jsonValue().chain((base) => fc.tuple(fc.constant(base), fc.array(anyText, { maxLength: 4 }), fc.dictionary(anyText, anyText, { maxKeys: 3 })));
    fc.assert(
      fc.property(value, (v) => {
        const json = terminalSafeJson(v);
        expect(json.replace(/\n/g, '')).not.toMatch(TERMINAL_ACTIVE);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalise and cleanText', () => {
  it('give one clean line: NFC, nothing invisible or active, single spaces, trimmed', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = cleanText(text);
        expect(out).toBe(out.normalize('NFC'));
        expect(out).not.toMatch(TERMINAL_ACTIVE);
        expect(out).not.toMatch(/[\u00AD\u200B\u2060\uFEFF\u00A0\u2028\u2029\u202F\u3000]/);
        expect(out).not.toMatch(/ {2}/);
        expect(out).toBe(out.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('are idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(normalise(normalise(text))).toBe(normalise(text));
        expect(cleanText(cleanText(text))).toBe(cleanText(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('lose no visible character to an injected sequence', () => {
    fc.assert(
      fc.property(interleaved, ({ clean, dirty }) => {
        expect(cleanText(dirty)).toBe(cleanText(clean));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('display width', () => {
  const longText = fc.array(fc.oneof(trickyPiece, safePiece), LONG).map((p) => p.join(''));

  it('agrees with string-width on any text, short or long', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, longText, fc.string({ unit: 'grapheme', minLength: 500, maxLength: 1500 })), (text) => {
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 250 },
    );
  });

  it('cuts long text into the same clusters as Intl.Segmenter, with their offsets', () => {
    fc.assert(
      fc.property(longText, (text) => {
        const cells = [...graphemeCells(text)];
        expect(cells.map((c) => c.segment)).toEqual(Array.from(graphemes.segment(text), (s) => s.segment));
        for (const cell of cells) expect(text.slice(cell.index, cell.index + cell.segment.length)).toBe(cell.segment);
      }),
      { numRuns: 120 },
    );
  });

  it('truncate and padEnd never exceed the width; padEnd fills it exactly', () => {
    fc.assert(
      fc.property(fc.oneof(anyText.map(cleanText), longText.map(cleanText)), fc.integer({ min: 1, max: 60 }), (text, width) => {
        const cut = truncate(text, width);
        expect(displayWidth(cut)).toBeLessThanOrEqual(width);
        if (displayWidth(text) <= width) expect(cut).toBe(text);
        else {
          expect(cut.endsWith('…')).toBe(true);
          expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        }
        expect(displayWidth(padEnd(text, width))).toBe(width);
      }),
      { numRuns: 500 },
    );
  });

  it('measures and truncates a 120,000-character line in linear time', () => {
    const line = '中e\u0301😀 '.repeat(20_000);
    const started = performance.now();
    expect(displayWidth(line)).toBe(stringWidth('中e\u0301😀 ') * 20_000);
    expect(displayWidth(truncate(line, 30))).toBeLessThanOrEqual(30);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('wrapText', () => {
  it('keeps every line within the width, with true widths and offsets, losing nothing visible', () => {
    const texts = fc.oneof(
      prose,
      prose.map(cleanText),
      anyText.map((t) => cleanText(t)),
      fc.array(fc.oneof(trickyPiece, safePiece), LONG).map((p) => p.join('').replace(/[\n\r]/g, ' ')),
    );
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 80 }), (text, width) => {
        const lines = wrapText(text, width);
        let previousEnd = 0;
        for (const line of lines) {
          expect(text.slice(line.start, line.end)).toBe(line.text);
          expect(line.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = line.end;
          expect(line.width).toBe(displayWidth(line.text));
          // Only a single visible cluster wider than the line (an emoji at width 1) may stick out.
          if (line.width > width) expect([...graphemes.segment(line.text)].filter((g) => displayWidth(g.segment) > 0)).toHaveLength(1);
        }
        expect(visible(lines.map((l) => l.text).join(''))).toBe(visible(text));
      }),
      { numRuns: 400 },
    );
  });

  it('cuts one-column text into the same words by its plain scan as by the general pattern', () => {
    const piece = fc.constantFrom('a', 'ä', 'Z', '9', ' ', ' ', '\u00A0', '-', '/', '„', '“', '–', '…', '€', '.', ',', '→', '│');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((p) => p.join('')), (text) => {
        expect(tokens(text, true)).toEqual(tokens(text, false));
      }),
      { numRuns: 500 },
    );
  });

  it('wraps a 100,000-character word in linear time', () => {
    const started = performance.now();
    const lines = wrapText('中é😀'.repeat(33_000), 40);
    expect(lines.every((l) => l.width <= 40)).toBe(true);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('splitSentences', () => {
  /** The split loses and reorders nothing: the sentences, joined, are the paragraph. */
  function expectFaithful(text: string, sentences: string[]) {
    let from = 0;
    for (const sentence of sentences) {
      expect(sentence).not.toBe('');
      const at = text.indexOf(sentence, from);
      expect(text.slice(from, at).trim()).toBe('');
      from = at + sentence.length;
    }
    expect(text.slice(from).trim()).toBe('');
  }

  it('is faithful on cleaned hostile text and on paragraphs longer than a segmenter window', () => {
    const long = fc.array(prose, { minLength: 40, maxLength: 120 }).map((parts) => cleanText(parts.join(' ')));
    fc.assert(
      fc.property(fc.oneof(anyText.map(cleanText), long), fc.constantFrom('de' as const, 'en' as const), (text, lang) => {
        expectFaithful(text, splitSentences(text, lang));
      }),
      { numRuns: 150 },
    );
  });

  it('splits long windowed paragraphs the same way as their parts, sentence for sentence', () => {
    const sentence = 'Der Markt öffnet am 4. Apr. 2024 um 8 Uhr, sagt Dr. Kurz. ';
    const text = sentence.repeat(200).trim();
    const sentences = splitSentences(text, 'de');
    expect(sentences).toHaveLength(200);
    expect(new Set(sentences)).toEqual(new Set([sentence.trim()]));
  });

  it('stays linear on pathological runs (dots, ?!, initials) of 200,000 characters', () => {
    for (const text of ['.'.repeat(200_000) + 'a', '?!'.repeat(100_000) + 'x', 'A. '.repeat(66_000).trim(), 'x'.repeat(200_000)]) {
      const started = performance.now();
      expectFaithful(text, splitSentences(text, 'de'));
      expect(performance.now() - started, JSON.stringify(text.slice(0, 8))).toBeLessThan(5000);
    }
  });
});

describe('alignment', () => {
  const bead = fc.constantFrom('1-1', '2-1', '1-2', '1-0', '0-1', '2-2', '0-0', 'x', ' 1 - 1 ');

  it('covers every sentence once, in order, with or without a curator override', () => {
    fc.assert(
      fc.property(prose.map(cleanText), prose.map(cleanText), fc.option(fc.array(bead, { maxLength: 8 }), { nil: undefined }), (de, en, override) => {
        const aligned = alignParagraph(de, en, override);
        expect(aligned.beads.flatMap((b) => b.de)).toEqual(aligned.de.map((_, i) => i));
        expect(aligned.beads.flatMap((b) => b.en)).toEqual(aligned.en.map((_, i) => i));
        for (const b of aligned.beads) expect(b.de.length + b.en.length).toBeGreaterThan(0);
        if (override === undefined) expect(aligned.error).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('aligns oversized paragraphs in order, in linear time, instead of filling a quadratic table', () => {
    const side = Math.ceil(Math.sqrt(MAX_ALIGNMENT_CELLS)) * 10;
    const de = Array.from({ length: side }, (_, i) => `Satz ${i}.`);
    const en = Array.from({ length: side + 7 }, (_, i) => `Sentence ${i}.`);
    const started = performance.now();
    const beads = alignSentences(de, en);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(beads.flatMap((b) => b.de)).toEqual(de.map((_, i) => i));
    expect(beads.flatMap((b) => b.en)).toEqual(en.map((_, i) => i));
  });

  it('never throws on hostile sentence lists', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, hostileSequence), { maxLength: 10 }), fc.array(anyText, { maxLength: 10 }), (de, en) => {
        const beads = alignSentences(de, en);
        expect(beads.flatMap((b) => b.de)).toHaveLength(de.length);
        expect(beads.flatMap((b) => b.en)).toHaveLength(en.length);
      }),
      { numRuns: 200 },
    );
  });
});
