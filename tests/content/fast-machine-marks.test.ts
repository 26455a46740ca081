import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastEnglishFrontMatter } from '../../src/content/fast-machine-marks.js';
import { applyDraft } from '../../src/translate/apply-draft.js';

describe('fastEnglishFrontMatter', () => {
  it('reads the machine marks newsbridge writes, without the yaml package', () => {
    const written = applyDraft(null, 'title', ['New bridge for Beispielheim'], { provider: 'ollama', model: 'llama3.1:8b', date: '2026-11-30' }, { total: 1, germanParagraph: '', german: [] });
    const withParagraph = applyDraft(written?.source ?? null, 0, ['One.', 'Two.'], { provider: 'deepl', model: 'default', date: '2026-11-30' }, { total: 1, germanParagraph: 'Eins. Zwei.', german: ['Eins.', 'Zwei.'] });
    const yaml = (withParagraph?.source ?? '').split('---\n')[1] ?? '';
    const fast = fastEnglishFrontMatter(yaml);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parse(yaml));
  });

  it.each([
    ['beads', 'machine:\n  "1": { provider: p, model: m, date: 2026-01-01, hash: abcdefabcdef, beads: [1-1, 2-1] }'],
    ['a block mapping', 'machine:\n  "1":\n    provider: p'],
    ['a comment in the block', 'machine:\n  # note\n  "1": { provider: p }'],
    ['a plain number as key', 'machine:\n  1: { provider: p }'],
    ['a number as value', 'machine:\n  "1": { provider: 12 }'],
    ['a quoted value', 'machine:\n  "1": { hash: "012345678901" }'],
    ['machine twice', 'machine:\n  "1": { provider: p }\nmachine:\n  "2": { provider: p }'],
    ['an empty block', 'status: draft\nmachine:\ntitle: x'],
  ])('leaves %s to the yaml package', (_name, yaml) => {
    expect(fastEnglishFrontMatter(yaml)).toBeNull();
  });

  it('gives what the yaml package gives whenever it answers', () => {
    // Mostly values a mark really has (so the fast path answers often), some that must not pass.
    const value = fc.oneof(
      { arbitrary: fc.constantFrom('deepl', 'llama3.1:8b', '2026-11-30', 'abcdef012345', 'gpt-4o-mini', 'v1/x', 'quality_optimized'), weight: 6 },
      { arbitrary: fc.constantFrom('0123456789ab', '12', '1e3', 'true', 'null', 'a b', 'x: y', 'a,b', 'a#b', 'a #b', '[x]', '{x}', '-x', '.5', '0x1F', 'a:', '~'), weight: 2 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }), weight: 1 },
    );
    const key = fc.constantFrom('"1"', '"12"', 'title', 'dek', '"0"', 'x-y', '__proto__', '1');
    const field = fc.tuple(fc.constantFrom('provider', 'model', 'date', 'hash', 'beads', '__proto__'), value);
    const mark = fc.tuple(key, fc.array(field, { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(mark, { minLength: 1, maxLength: 4 }), fc.boolean(), (entries, before) => {
        const block = ['machine:', ...entries.map(([k, fields]) => `  ${k}: { ${fields.map(([f, v]) => `${f}: ${v}`).join(', ')} }`)];
        const yaml = (before ? ['status: draft', ...block] : [...block, 'title: x']).join('\n');
        const fast = fastEnglishFrontMatter(yaml);
        if (fast === null) return;
        let expected: unknown;
        try {
          expected = parse(yaml, { uniqueKeys: true });
        } catch {
          expect.fail(`fast path accepted invalid YAML: ${yaml}`);
        }
        expect(fast).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
