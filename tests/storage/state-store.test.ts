import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translate.js';
import { emptyState, withArticleRecord, type StoredState } from '../../src/storage/reading-state.js';
import { StateStore, type SaveStatus } from '../../src/storage/state-store.js';
import { tempDir } from '../helpers/library.js';

const t = createTranslator('en');
const readState = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as StoredState;
const mark = (state: StoredState, id: string) => withArticleRecord(state, '/lib', id, { read: true });

describe('the state store when the state folder cannot be written', () => {
  it('keeps marks in memory, says so once, and writes all of them on the next save that works', async () => {
    const base = tempDir();
    // A file where the state folder should be: every write fails (as root, chmod would not stop one).
    const dir = path.join(base, 'state');
    writeFileSync(dir, 'in the way');
    const statuses: SaveStatus[] = [];
    const store = new StateStore({ dir, initial: emptyState(), t, onStatus: (s) => statuses.push(s) });

    store.set(mark(store.state, 'one'));
    const first = await store.save();
    expect(first.ok).toBe(false);
    expect(first.ok ? '' : first.message).toBe(`read marks and positions not saved in ${dir}: a file is in the way (EEXIST); kept in memory and tried again`);
    expect(store.unsaved).toBe(true);
    store.set(mark(store.state, 'two'));
    expect((store.saveSync()).ok).toBe(false);
    // Said once, not on every failed try.
    expect(statuses.filter((s) => !s.ok)).toHaveLength(1);
    expect(store.exitMessage()).toMatch(/^read marks and positions of this session were not saved in .*state: /);

    rmSync(dir);
    mkdirSync(dir);
    store.set(mark(store.state, 'three'));
    const again = await store.save();
    expect(again).toEqual({ ok: true, message: `read marks and positions saved again in ${dir}` });
    expect(statuses.at(-1)).toEqual(again);
    expect(store.unsaved).toBe(false);
    expect(store.failure).toBeNull();
    expect(store.exitMessage()).toBeNull();
    const onDisk = readState(dir).libraries['/lib'] ?? {};
    expect(Object.keys(onDisk).sort()).toEqual(['one', 'three', 'two']);
  });

  it('retries at exit: a failure, then a synchronous save that works, leaves nothing unsaved', () => {
    const base = tempDir();
    const dir = path.join(base, 'a-file', 'state');
    writeFileSync(path.join(base, 'a-file'), '');
    const store = new StateStore({ dir, initial: emptyState(), t: createTranslator('de') });
    store.set(mark(store.state, 'x'));
    const failed = store.saveSync();
    expect(failed).toMatchObject({ ok: false, code: 'ENOTDIR' });
    expect(failed.ok ? '' : failed.message).toMatch(/^Lesezeichen und Positionen nicht in .* gespeichert: ein Teil des Pfads ist kein Ordner \(ENOTDIR\)/);
    rmSync(path.join(base, 'a-file'));
    expect(store.saveSync().ok).toBe(true);
    expect(readState(dir).libraries['/lib']?.['x']?.read).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder: EACCES, kept in memory', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o500);
    try {
      const store = new StateStore({ dir, initial: emptyState(), t });
      store.set(mark(store.state, 'x'));
      expect(await store.save()).toMatchObject({ ok: false, code: 'EACCES' });
      expect(store.unsaved).toBe(true);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('does nothing when nothing changed, and shows a hostile folder name with visible controls', async () => {
    const base = tempDir();
    const dir = path.join(base, 'st\u001B[2Jate');
    writeFileSync(dir, '');
    const store = new StateStore({ dir, initial: emptyState(), t });
    expect(await store.save()).toEqual({ ok: true });
    store.set(mark(store.state, 'x'));
    const status = await store.save();
    expect(status.ok ? '' : status.message).toContain('st\\u001B[2Jate');
    // eslint-disable-next-line no-control-regex
    expect(status.ok ? '' : status.message).not.toMatch(/[\u0000-\u001F]/);
  });
});
