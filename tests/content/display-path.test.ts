import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/content/library-paths.js';

/** What displayPath promises, written the slow way. */
function expected(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

describe('displayPath', () => {
  it('shows a file below the working folder relative to it, anything else as it is', () => {
    expect(displayPath('/home/leser/bib/a/article.de.md', '/home/leser')).toBe('bib/a/article.de.md');
    expect(displayPath('/home/leser/bib/a/article.de.md', '/home/leser/')).toBe('bib/a/article.de.md');
    expect(displayPath('/srv/bib/a/article.de.md', '/home/leser')).toBe('/srv/bib/a/article.de.md');
    expect(displayPath('/home/leser', '/home/leser')).toBe('/home/leser');
    expect(displayPath('/home/leserin/x', '/home/leser')).toBe('/home/leserin/x');
  });

  it('agrees with path.relative on odd paths (dots, doubled separators)', () => {
    const part = fc.constantFrom('a', 'b', '.', '..', '', '.x', 'x..');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 4 }), fc.array(part, { maxLength: 4 }), (cwdParts, rest) => {
        const cwd = path.resolve('/', ...cwdParts);
        const absolute = cwd + path.sep + rest.join(path.sep);
        expect(displayPath(absolute, cwd)).toBe(expected(absolute, cwd));
      }),
      { numRuns: 2000 },
    );
  });
});
