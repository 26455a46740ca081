import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastFrontMatter } from '../../src/content/fast-front-matter.js';

describe('fastFrontMatter', () => {
  it('reads the simple front matter of an article', () => {
    const yaml = [
      'title: Amazon streicht Jobs im Cloud-Geschäft!',
      'dek: "AWS streicht Stellen: Ein harter Schlag für die Teams."',
      "source: 'Eulerpool ''News'''",
      'published: 2024-04-04T18:00:00+02:00',
      'tags: [Amazon, AWS, Cloud-Computing]',
      '# a comment',
      'status: reviewed # trailing comment',
    ].join('\n');
    expect(fastFrontMatter(yaml)).toEqual(parse(yaml));
  });

  it.each([
    ['a nested block', 'alignment:\n  "3": ["1-1"]'],
    ['a number', 'title: 2024'],
    ['a boolean', 'title: yes\nsource: true'],
    ['a block scalar', 'dek: |\n  text'],
    ['an anchor', 'title: &a x'],
    ['a colon in a plain scalar', 'title: a: b'],
    ['a duplicate key', 'title: a\ntitle: b'],
    ['a YAML-only escape', 'title: "\\x41"'],
    ['__proto__', '__proto__: x'],
  ])('leaves %s to the yaml package', (_name, yaml) => {
    expect(fastFrontMatter(yaml)).toBeNull();
  });

  it('gives what the yaml package gives whenever it answers', () => {
    const scalar = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('2024-04-04T18:00:00+02:00', 'null', '~', '12', '1e3', 'a # b', 'x: y', "it's", '"q"', '[a, b]', 'draft', '-x', '  spaced  '),
    );
    const line = fc.tuple(fc.constantFrom('title', 'dek', 'source', 'tags', 'url'), scalar, fc.constantFrom('plain', 'double', 'single', 'list'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), (lines) => {
        const yaml = lines
          .map(([k, v, style]) => {
            if (style === 'double') return `${k}: ${JSON.stringify(v)}`;
            if (style === 'single') return `${k}: '${v.replace(/'/g, "''")}'`;
            if (style === 'list') return `${k}: [${v}, ${v}]`;
            return `${k}: ${v}`;
          })
          .join('\n');
        const fast = fastFrontMatter(yaml);
        if (fast === null) return;
        let expected: unknown;
        try {
          expected = parse(yaml, { uniqueKeys: true });
        } catch {
          expect.fail(`fast path accepted invalid YAML: ${yaml}`);
        }
        expect(fast).toEqual(expected ?? {});
      }),
      { numRuns: 3000 },
    );
  });
});
