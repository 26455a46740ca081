import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishBodyHasText, parseEnglish } from '../../src/content/parse-files.js';

/** What the reader's full parse says: some English paragraph with text. */
function fullParse(source: string): boolean | null {
  const parsed = parseEnglish(source, 'article.en.md');
  return parsed.ok ? parsed.value.body.some((p) => p.text !== '') : null;
}

describe('englishBodyHasText', () => {
  it.each([
    ['placeholders only', '<!-- untranslated -->\n\n<!-- untranslated -->', false],
    ['a paragraph after a placeholder', '<!-- untranslated -->\n\nThe city builds a bridge.', true],
    ['only a link list', '[1]: https://example.org "Beispiel"', false],
    ['a list item', '- The first point', true],
    ['an empty subheading marker', '## ', true],
    ['nothing', '', false],
  ])('%s', (_name, body, expected) => {
    const source = `---\nstatus: draft\n---\n\n${body}\n`;
    expect(englishBodyHasText(source)).toBe(expected);
    expect(fullParse(source)).toBe(expected);
  });

  it('agrees with the full parse of the English file', () => {
    const unit = fc.oneof(
      fc.constantFrom('<!-- untranslated -->', '<!--x-->', '[1]: https://example.org', '[2]: ftp://x', '- item', '| a | b |\n| --- | --- |\n| 1 | 2 |', '> quoted', '## Heading', '##', '   ', '\u00AD', '\u200B'),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const body = fc.array(fc.tuple(unit, fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n\n\n')), { maxLength: 6 });
    fc.assert(
      fc.property(body, (parts) => {
        const source = `---\nstatus: draft\n---\n${parts.map(([u, sep]) => u + sep).join('')}`;
        const full = fullParse(source);
        if (full !== null) expect(englishBodyHasText(source)).toBe(full);
      }),
      { numRuns: 400 },
    );
  });
});
