/**
 * Output that cannot be written: stdout on a full disk (/dev/full gives ENOSPC on every write)
 * or failing with EIO. Every command says so in one line on stderr and exits with status 1;
 * no bundle source, no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { englishFile, factsFile, germanFile, makeLibrary, tempDir } from '../helpers/library.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));

function runToFull(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const fd = openSync('/dev/full', 'w');
  try {
    const result = spawnSync(process.execPath, [BIN, ...argv], {
      stdio: ['ignore', fd, 'pipe'],
      env: { PATH: process.env['PATH'], LANG: 'C', NEWSBRIDGE_STATE_DIR: tempDir(), ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: result.status, stderr: result.stderr };
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!existsSync('/dev/full'))('a full disk under stdout', () => {
  // A draft with an untranslated paragraph: validate has a warning to print on stdout.
  const lib = () =>
    makeLibrary({
      'neue-bruecke': { de: germanFile(), en: englishFile(), facts: factsFile() },
      'zweite-bruecke': { de: germanFile({ title: 'Zweite Brücke' }), en: englishFile({ status: 'draft', paragraphs: ['The town of Beispielheim is building a new bridge. It costs 12 million euros.', '<!-- untranslated -->'] }) },
    });

  it.each([
    ['list', []],
    ['list --json', ['list', '--json']],
    ['show', ['show', 'neue-bruecke']],
    ['show --json', ['show', 'neue-bruecke', '--json', '--facts']],
    ['validate', ['validate']],
    ['--help', ['--help']],
    ['the default command, not a terminal', []],
  ] as const)('%s: one line on stderr, exit status 1', (_name, args) => {
    const result = runToFull([...args, '--library', lib()]);
    expect(result.code).toBe(1);
    // validate's summary goes to stderr as always; the failure is one line beside it.
    const lines = result.stderr.split('\n').filter((l) => l !== '' && !/articles checked/.test(l));
    expect(lines).toEqual(['newsbridge: cannot write the output: the disk is full (ENOSPC); the output is incomplete']);
  });

  it('align and import report it too, in the interface language', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'de.txt'), 'Ein Satz. Noch einer.\n\nZweiter Absatz.\n');
    writeFileSync(path.join(dir, 'en.txt'), 'One sentence. Another.\n\nSecond paragraph.\n');
    const align = runToFull(['align', path.join(dir, 'de.txt'), path.join(dir, 'en.txt'), '--ui-lang', 'de']);
    expect(align.code).toBe(1);
    expect(align.stderr).toMatch(/^newsbridge: die Ausgabe lässt sich nicht schreiben: der Datenträger ist voll \(ENOSPC\); sie ist unvollständig\n$/);
    writeFileSync(path.join(dir, 'page.txt'), 'Neue Brücke für Beispielheim\n\nDie Stadt Beispielheim baut eine neue Brücke über den Fluss. Sie kostet 12 Millionen Euro und soll zwei Jahre dauern.\n');
    const library = tempDir();
    const imported = runToFull(['import', path.join(dir, 'page.txt'), '--library', library]);
    expect(imported.code).toBe(1);
    expect(imported.stderr.trim().split('\n')).toHaveLength(1);
    expect(imported.stderr).toContain('ENOSPC');
  });
});

describe('an output stream that fails', () => {
  it('a write that throws EIO: one line, status 1, and nothing more is written to it', async () => {
    const lib = makeLibrary({ 'neue-bruecke': { de: germanFile(), en: englishFile() } });
    let writes = 0;
    let stderr = '';
    const code = await run(['show', 'neue-bruecke', '--library', lib], {
      stdout: {
        write: () => {
          writes++;
          throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
        },
      },
      stderr: { write: (t: string) => (stderr += t) },
      stdinIsTTY: false,
      env: { LANG: 'C' },
    });
    expect(code).toBe(1);
    expect(writes).toBe(1);
    expect(stderr).toBe('newsbridge: cannot write the output: an input/output error (EIO); the output is incomplete\n');
  });

  it('a closed pipe is no error', async () => {
    const lib = makeLibrary({ 'neue-bruecke': { de: germanFile(), en: englishFile() } });
    let stderr = '';
    const code = await run(['list', '--library', lib], {
      stdout: {
        write: () => {
          throw Object.assign(new Error('EPIPE'), { code: 'EPIPE' });
        },
      },
      stderr: { write: (t: string) => (stderr += t) },
      stdinIsTTY: false,
      env: { LANG: 'C' },
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
