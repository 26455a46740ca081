import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, padEnd, truncate } from '../../src/text/display-width.js';
import { wrapText } from '../../src/text/wrap.js';

describe('wrapText', () => {
  it('breaks at spaces and after hyphens of compounds', () => {
    const lines = wrapText('Der Cloud-Computing-Geschäftsbereich wächst', 20).map((l) => l.text);
    expect(lines).toEqual(['Der Cloud-Computing-', 'Geschäftsbereich', 'wächst']);
  });

  it('measures CJK and emoji as two columns and breaks between CJK characters', () => {
    const lines = wrapText('中文新闻测试 😀😀', 6);
    expect(lines.map((l) => l.text)).toEqual(['中文新', '闻测试', '😀😀']);
    expect(lines.every((l) => displayWidth(l.text) <= 6)).toBe(true);
  });

  it('keeps offsets that point back into the source', () => {
    const text = 'Eins zwei drei vier fünf sechs';
    for (const line of wrapText(text, 9)) expect(text.slice(line.start, line.end)).toBe(line.text);
  });

  it('hard-breaks a word longer than the line', () => {
    expect(wrapText('Donaudampfschifffahrt', 8).map((l) => l.text)).toEqual(['Donaudam', 'pfschiff', 'fahrt']);
  });

  it('never exceeds the width and never loses a visible character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 2, max: 60 }), (raw, width) => {
        const text = raw.replace(/[\n\r\t]/g, ' ');
        const lines = wrapText(text, width);
        for (const line of lines) {
          expect(text.slice(line.start, line.end)).toBe(line.text);
          // A single grapheme wider than the line (an emoji at width 1) is the only allowed overflow.
          if (displayWidth(line.text) > width) expect([...new Intl.Segmenter().segment(line.text)]).toHaveLength(1);
        }
        const visible = (s: string) => s.replace(/\s+/g, '');
        expect(visible(lines.map((l) => l.text).join(''))).toBe(visible(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('truncate and padEnd', () => {
  it('truncates by display width with an ellipsis', () => {
    expect(truncate('Straßenbahn', 6)).toBe('Straß…');
    expect(truncate('中文中文', 5)).toBe('中文…');
    expect(displayWidth(padEnd('中文', 7))).toBe(7);
  });
});
