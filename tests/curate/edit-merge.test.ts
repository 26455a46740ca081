import { describe, expect, it } from 'vitest';
import { decodeEditBuffer, firstInvalidUtf8, mergeEdit } from '../../src/curate/edit-merge.js';
import { englishFile } from '../helpers/library.js';

describe('the editor buffer as UTF-8', () => {
  it('finds the first byte that is not UTF-8, with its line', () => {
    expect(firstInvalidUtf8(Buffer.from('Grüße, € und 😀\n', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('ab\nStra\u00DFe', 'latin1'))).toBe(7);
    // Overlong "/", a UTF-16 surrogate, past U+10FFFF, a cut sequence.
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x61, 0xe2, 0x82]]) expect(firstInvalidUtf8(Uint8Array.from(bad))).toBeGreaterThanOrEqual(0);
    expect(decodeEditBuffer(Buffer.from('eins\nzwei\nBr\u00FCcke\n', 'latin1'))).toEqual({ ok: false, reason: 'notUtf8', line: 3, byte: 0xfc });
    expect(decodeEditBuffer(Buffer.from('Brücke\n'))).toEqual({ ok: true, text: 'Brücke\n' });
    expect(decodeEditBuffer(Buffer.alloc(3 * 1024 * 1024, 0x61))).toMatchObject({ ok: false, reason: 'tooLarge' });
  });
});

describe('merging an edit with the file as it is now', () => {
  const before = englishFile();
  it('applies the edit when nobody else changed the file', () => {
    const result = mergeEdit(before, before, 0, 'First.', 2);
    expect(result).toMatchObject({ ok: true, merged: false });
    expect(result.ok && result.text).toContain('First.\n');
  });

  it('merges a change to another paragraph or to the front matter, refuses one to the same paragraph or the layout', () => {
    const theirs = before.replace('It costs 12 million euros.', 'It will cost 12 million euros.').replace('status: reviewed', 'status: draft');
    const merged = mergeEdit(before, theirs, 1, 'Second.', 2);
    expect(merged.ok && merged.text).toContain('It will cost 12 million euros.');
    expect(merged.ok && merged.text).toContain('status: draft');
    expect(merged.ok && merged.text).toContain('\nSecond.\n');
    expect(mergeEdit(before, theirs, 0, 'First.', 2)).toEqual({ ok: false });
    expect(mergeEdit(before, `${before}\nA third paragraph.\n`, 1, 'Second.', 2)).toEqual({ ok: false });
    expect(mergeEdit(before, null, 1, 'Second.', 2)).toEqual({ ok: false });
  });

  it('keeps a file with CR-only line ends in that form', () => {
    const cr = before.replace(/\n/g, '\r');
    const result = mergeEdit(cr, cr, 1, 'Second.', 2);
    expect(result.ok && result.text).not.toContain('\n');
    expect(result.ok && result.text.split('\r')).toContain('Second.');
  });
});
