/**
 * Imports every page and feed of ../shared/corpus into a fresh library (one per file, as a
 * curator would, through the command line) and runs validate's checks on what was written:
 * a fresh import must have no errors (warnings, such as untranslated paragraphs, are fine).
 * Used by `npm run eval:import` (which fails on any error, and is left out of `npm test`:
 * a clone has no corpus beside it). The corpus is read in place, never copied.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/run.js';
import { formatDiagnostic } from '../src/content/diagnostic.js';
import { openLibrary } from '../src/content/load-library.js';
import { validateLibrary } from '../src/curate/validate-library.js';

export interface CorpusFileResult {
  file: string;
  exitCode: number;
  /** What import printed on stderr (empty when it worked). */
  importError: string;
  articles: number;
  errors: string[];
  warnings: number;
}

/** The corpus inputs: pages (HTML and text dumps), the nasty ones, and the feeds. */
export function corpusInputs(corpus: string): string[] {
  const out: string[] = [];
  for (const sub of ['pages', 'nasty', 'feeds']) {
    let names: string[];
    try {
      names = readdirSync(join(corpus, sub));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (/\.(expected|source)\./.test(name)) continue;
      if (/\.(html|txt|xml)$/.test(name)) out.push(join(corpus, sub, name));
    }
  }
  return out;
}

/** Imports `file` into a new library and validates it. */
export async function importAndValidate(file: string): Promise<CorpusFileResult> {
  const library = mkdtempSync(join(tmpdir(), 'newsbridge-corpus-'));
  try {
    let err = '';
    const exitCode = await run(['import', file, '--library', library], {
      stdout: { write: () => true, isTTY: false },
      stderr: { write: (text: string) => (err += text) },
      stdinIsTTY: true,
      env: { LANG: 'C' },
    });
    const opened = await openLibrary(library);
    if (!opened.ok) return { file, exitCode, importError: err, articles: 0, errors: [opened.message], warnings: 0 };
    const { reports } = await validateLibrary(opened.root, null);
    const all = reports.flatMap((r) => r.diagnostics);
    return {
      file,
      exitCode,
      importError: err.trim(),
      articles: reports.length,
      errors: all.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)),
      warnings: all.filter((d) => d.severity === 'warning').length,
    };
  } finally {
    rmSync(library, { recursive: true, force: true });
  }
}
