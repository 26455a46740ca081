import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusInputs, importAndValidate } from '../../scripts/corpus-import-check.js';
import { findShared } from '../../scripts/find-shared.js';

const shared = findShared();

// The real pages and feeds of ../shared/corpus (never copied into the repository): each one
// imports, and `validate` finds no error in what the import wrote. Skipped without the corpus.
describe.skipIf(shared === undefined)('import then validate on the shared corpus', () => {
  const inputs = shared ? corpusInputs(join(shared, 'corpus')) : [];

  it.each(inputs.map((file) => [file.slice(file.lastIndexOf('/corpus/') + 8), file]))('%s imports and validates without errors', async (_, file) => {
    const result = await importAndValidate(file);
    expect(result.importError).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.articles).toBeGreaterThan(0);
    expect(result.errors).toEqual([]);
  }, 60_000);
});
