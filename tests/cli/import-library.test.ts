import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { bundledLibrary } from '../../src/content/library-paths.js';
import { writeInput } from './import-helpers.js';
import { tempDir } from '../helpers/library.js';
import { RAW_PAGE } from '../import/fixtures.js';

async function importWith(args: string[], env: NodeJS.ProcessEnv) {
  let out = '';
  let err = '';
  const code = await run(['import', ...args], {
    stdout: { write: (t: string) => (out += t), isTTY: false },
    stderr: { write: (t: string) => (err += t) },
    stdinIsTTY: true,
    env: { LANG: 'C', ...env },
  });
  return { code, out, err };
}

describe('import needs a library of its own', () => {
  it('refuses to write into the bundled articles, says what to give instead, and writes nothing', async () => {
    const before = readdirSync(bundledLibrary()).sort();
    const page = writeInput(tempDir(), 'seite.txt', RAW_PAGE);
    for (const args of [[page], [page, '--library', bundledLibrary()], [page, '--library', path.join(bundledLibrary(), 'neu')]]) {
      const result = await importWith(args, {});
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toBe(
        'newsbridge: import needs a library to write into: give --library DIR or set NEWSBRIDGE_LIBRARY (the bundled articles are never written to)\nFor example: newsbridge import page.html --library ~/newsbridge-library\n',
      );
    }
    expect(readdirSync(bundledLibrary()).sort()).toEqual(before);
  });

  it('takes NEWSBRIDGE_LIBRARY as the library', async () => {
    const library = tempDir();
    const result = await importWith([writeInput(tempDir(), 'seite.txt', RAW_PAGE)], { NEWSBRIDGE_LIBRARY: library });
    expect(result.code).toBe(0);
    expect(readdirSync(library).filter((n) => !n.startsWith('.'))).toHaveLength(1);
  });
});
