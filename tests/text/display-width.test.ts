// The one-column fast path (src/text/display-width.ts, and the same in the string-width patch)
// must give what string-width's own rules give.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, isOneColumnEach, truncate } from '../../src/text/display-width.js';

/** string-width's slow path for one character: an emoji beside it (two columns) keeps the fast paths out. */
const slowWidth = (ch: string) => stringWidth(`${ch}\u{1F600}`) - 2;

describe('the one-column fast path', () => {
  it("counts one column only for characters that string-width's rules make one column", () => {
    const taken: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (!isOneColumnEach(ch)) continue;
      taken.push(ch);
      if (slowWidth(ch) !== 1) throw new Error(`U+${cp.toString(16)} is ${slowWidth(ch)} columns`);
    }
    // German text, news punctuation and the reader's own lines are all taken.
    for (const ch of ['ä', 'ß', '„', '“', '–', '…', '€', '→', '≠', '│', '─', '▏', '●']) expect(taken).toContain(ch);
  });

  it('leaves out what combines, hides or may be wide', () => {
    for (const text of ['e\u0301', 'Trenn\u00ADstrich', 'a\u2028b', '→\uFE0F', '\u200B', '漢', '⌚']) expect(isOneColumnEach(text)).toBe(false);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('漢字')).toBe(4);
  });

  it('cuts one-column text at the width, ending in an ellipsis', () => {
    expect(truncate('Ärger „über“ die Preise', 8)).toBe('Ärger „…');
    expect(truncate('Ärger', 5)).toBe('Ärger');
    expect(truncate('Ärger', 1)).toBe('…');
    expect(displayWidth(truncate('Ärger „über“ die Preise', 8))).toBe(8);
  });
});
