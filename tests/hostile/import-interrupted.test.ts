/**
 * Outside writes and interrupted writes under `import --force`:
 * - killed between its renames (SIGKILL at the worst moment), the next command that opens the
 *   library finishes the replacement: the translation is in the kept backup, nothing is left
 *   half done, no temporary file stays behind;
 * - killed while writing the new files, the next command undoes it: the article is unchanged;
 * - an article folder that is a link to somewhere else is never written through.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RAW_PAGE } from '../import/fixtures.js';
import { tempDir } from '../helpers/library.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));
const env = (extra: NodeJS.ProcessEnv = {}) => ({ PATH: process.env['PATH'], LANG: 'C', NEWSBRIDGE_STATE_DIR: tempDir(), ...extra });
const ID = 'probe';
const TRANSLATION = 'The curated English of the first paragraph, written by hand.';

function cli(argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { env: env(), encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A library with one imported article whose English a curator has started. */
function curatedLibrary(): { lib: string; page: string; dir: string } {
  const base = tempDir();
  const lib = path.join(base, 'library');
  const page = path.join(base, 'page.txt');
  writeFileSync(page, RAW_PAGE);
  expect(cli(['import', page, '--id', ID, '--library', lib]).code).toBe(0);
  const dir = path.join(realpathSync(lib), ID);
  const en = path.join(dir, 'article.en.md');
  writeFileSync(en, readFileSync(en, 'utf8').replace('<!-- untranslated -->', TRANSLATION));
  return { lib, page, dir };
}

/** Runs `import --force` paused at `point` and kills it there with SIGKILL. */
async function killedAt(point: string, page: string, lib: string): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'import', page, '--id', ID, '--force', '--library', lib], { env: env({ NEWSBRIDGE_TEST_PAUSE: point }), stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`never paused: ${err}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (err.includes(`paused at ${point}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('import --force killed between its renames', () => {
  it('leaves a state the next command finishes: translation kept as a backup, no temporary files', async () => {
    const { lib, page, dir } = curatedLibrary();
    await killedAt('between-renames', page, lib);
    // The moment of the kill: the curated English renamed away, the new one not yet in place.
    expect(existsSync(path.join(dir, 'article.en.md'))).toBe(false);
    expect(leftovers(dir).length).toBeGreaterThan(0);

    const listed = cli(['list', '--library', lib]);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toContain(`note: an import that was interrupted while replacing the files of "${ID}" has been finished`);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(path.join(realpathSync(lib), '.newsbridge-journal'))).toEqual([]);
    expect(existsSync(path.join(dir, 'article.en.md'))).toBe(true);
    const backups = readdirSync(dir).filter((f) => f.startsWith('article.en.md.replaced-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(dir, backups[0] as string), 'utf8')).toContain(TRANSLATION);
    // Every file of the article loads, and a second command has nothing more to do.
    expect(cli(['validate', ID, '--library', lib]).stdout).not.toMatch(/: error: |not found/);
    expect(cli(['list', '--library', lib]).stderr).toBe('');
  });
});

describe('import --force killed while writing the new files', () => {
  it('is undone by the next command: the curated article is as it was', async () => {
    const { lib, page, dir } = curatedLibrary();
    const before = readFileSync(path.join(dir, 'article.en.md'), 'utf8');
    await killedAt('while-writing', page, lib);
    expect(leftovers(dir).length).toBeGreaterThan(0);
    const shown = cli(['show', ID, '--library', lib]);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain(`note: an import of "${ID}" that was interrupted before it replaced anything has been undone`);
    expect(shown.stdout).toContain(TRANSLATION);
    expect(readFileSync(path.join(dir, 'article.en.md'), 'utf8')).toBe(before);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('.replaced-'))).toEqual([]);
  });
});

describe('an article folder that is a link to somewhere else', () => {
  it('import --force refuses it and writes nothing there, not even a temporary file', () => {
    const base = tempDir();
    const lib = path.join(base, 'library');
    const outside = path.join(base, 'outside');
    mkdirSync(lib);
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'article.en.md'), 'not the library’s\n');
    symlinkSync(outside, path.join(lib, ID));
    const page = path.join(base, 'page.txt');
    writeFileSync(page, RAW_PAGE);
    const result = cli(['import', page, '--id', ID, '--force', '--library', lib]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/probe is a link to .*outside; import writes only into folders inside the library, never through a link/);
    expect(readdirSync(outside)).toEqual(['article.en.md']);
    expect(readFileSync(path.join(outside, 'article.en.md'), 'utf8')).toBe('not the library’s\n');
    expect(lstatSync(path.join(lib, ID)).isSymbolicLink()).toBe(true);
  });

  it('a link inside the library (to another article) is refused too: no write follows a link', () => {
    const base = tempDir();
    const lib = path.join(base, 'library');
    const page = path.join(base, 'page.txt');
    writeFileSync(page, RAW_PAGE);
    expect(cli(['import', page, '--id', 'original', '--library', lib]).code).toBe(0);
    symlinkSync(path.join(lib, 'original'), path.join(lib, ID));
    const before = readdirSync(path.join(lib, 'original'));
    const result = cli(['import', page, '--id', ID, '--force', '--library', lib]);
    expect(result.code).not.toBe(0);
    expect(readdirSync(path.join(lib, 'original'))).toEqual(before);
  });
});
