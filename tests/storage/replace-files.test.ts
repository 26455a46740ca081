import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostName } from '../../src/storage/owner.js';
import { JOURNAL_DIR, recoverReplacements, replaceFiles } from '../../src/storage/replace-files.js';
import { tempDir } from '../helpers/library.js';

const deadPid = () => spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' }).pid ?? 999_999;

/** A library with folder `a` holding `files`, and a journal as a process that died left it. */
function interrupted(state: 'writing' | 'ready', files: Record<string, string>, steps: { name: string; temp: string; backup: string | null }[], pid = deadPid()) {
  const root = tempDir();
  mkdirSync(path.join(root, 'a'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'a', name), text);
  mkdirSync(path.join(root, JOURNAL_DIR));
  writeFileSync(path.join(root, JOURNAL_DIR, 'a.1.x.json'), JSON.stringify({ version: 1, host: hostName(), pid, time: Date.now(), folder: 'a', state, steps }));
  return root;
}

const read = (root: string, name: string) => readFileSync(path.join(root, 'a', name), 'utf8');

describe('replacing files recoverably', () => {
  it('writes the files, keeps a changed one as a backup, leaves no journal or temporary file', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'a'));
    writeFileSync(path.join(root, 'a', 'x.md'), 'old x');
    writeFileSync(path.join(root, 'a', 'y.md'), 'same y');
    const kept = await replaceFiles(root, path.join(root, 'a'), [{ name: 'x.md', text: 'new x' }, { name: 'y.md', text: 'same y' }, { name: 'z.md', text: 'new z' }], { stamp: 'T' });
    expect(kept.map((k) => path.basename(k.backup))).toEqual(['x.md.replaced-T']);
    expect(readdirSync(path.join(root, 'a')).sort()).toEqual(['x.md', 'x.md.replaced-T', 'y.md', 'z.md']);
    expect(read(root, 'x.md.replaced-T')).toBe('old x');
    expect(readdirSync(path.join(root, JOURNAL_DIR))).toEqual([]);
  });

  it('finishes a "ready" replacement cut between any two renames', async () => {
    // x: renamed to its backup, new one not yet in place; y: not started; z: done.
    const root = interrupted('ready', { 'x.md.replaced-T': 'old x', 'x.md.1.n.tmp': 'new x', 'y.md': 'old y', 'y.md.1.n.tmp': 'new y', 'z.md': 'new z' }, [
      { name: 'x.md', temp: 'x.md.1.n.tmp', backup: 'x.md.replaced-T' },
      { name: 'y.md', temp: 'y.md.1.n.tmp', backup: 'y.md.replaced-T' },
      { name: 'z.md', temp: 'z.md.1.n.tmp', backup: null },
    ]);
    expect(await recoverReplacements(root)).toEqual({ finished: ['a'], rolledBack: [] });
    expect(readdirSync(path.join(root, 'a')).sort()).toEqual(['x.md', 'x.md.replaced-T', 'y.md', 'y.md.replaced-T', 'z.md']);
    expect([read(root, 'x.md'), read(root, 'y.md'), read(root, 'y.md.replaced-T')]).toEqual(['new x', 'new y', 'old y']);
    expect(readdirSync(path.join(root, JOURNAL_DIR))).toEqual([]);
  });

  it('undoes a "writing" one, and leaves the journal of a live writer alone', async () => {
    const root = interrupted('writing', { 'x.md': 'old x', 'x.md.1.n.tmp': 'half' }, [{ name: 'x.md', temp: 'x.md.1.n.tmp', backup: null }]);
    expect(await recoverReplacements(root)).toEqual({ finished: [], rolledBack: ['a'] });
    expect(readdirSync(path.join(root, 'a'))).toEqual(['x.md']);
    const live = interrupted('ready', { 'x.md.1.n.tmp': 'new' }, [{ name: 'x.md', temp: 'x.md.1.n.tmp', backup: null }], process.pid);
    expect(await recoverReplacements(live)).toEqual({ finished: [], rolledBack: [] });
    expect(readdirSync(path.join(live, 'a'))).toEqual(['x.md.1.n.tmp']);
  });

  it('ignores a journal that names anything outside its folder', async () => {
    const root = interrupted('ready', { 'x.md.1.n.tmp': 'new' }, [{ name: '../../escape', temp: 'x.md.1.n.tmp', backup: null }]);
    expect(await recoverReplacements(root)).toEqual({ finished: [], rolledBack: [] });
    expect(readdirSync(path.join(root, 'a'))).toEqual(['x.md.1.n.tmp']);
  });
});
