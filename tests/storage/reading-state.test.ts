import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyState, loadState, mergeStates, saveState, saveStateSync, withArticleRecord, withPreferences } from '../../src/storage/reading-state.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { tempDir } from '../helpers/library.js';

describe('remembered state', () => {
  it('starts empty when there is no file, and reads back what was saved', async () => {
    const dir = tempDir();
    expect((await loadState(dir)).state).toEqual(emptyState());
    let state = withPreferences(emptyState(), { view: 'en', learner: true }, 10);
    state = withArticleRecord(state, '/lib', 'a', { read: true, position: { paragraph: 2, unit: 1 } }, 11);
    await saveState(dir, state);
    const loaded = await loadState(dir);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.state.preferences).toMatchObject({ view: 'en', learner: true });
    expect(loaded.state.libraries['/lib']?.['a']).toMatchObject({ read: true, position: { paragraph: 2, unit: 1 } });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('sets a corrupt file aside with a warning and starts clean', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'state.json'), '{"version": 1, "libraries": {"x": [tru');
    const loaded = await loadState(dir, Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(loaded.state).toEqual(emptyState());
    expect(loaded.warning).toMatch(/corrupt.*set aside as state\.json\.corrupt-2026-01-02T03-04-05/);
    expect(existsSync(path.join(dir, 'state.json'))).toBe(false);
    expect(readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true);
  });

  it('shows the state folder of a corrupt file with its controls made visible, never raw (it comes from the environment)', async () => {
    const hostile = path.join(tempDir(), 'state\u001B]0;owned\u0007\u001B[2J\u009B6n');
    mkdirSync(hostile);
    writeFileSync(path.join(hostile, 'state.json'), 'not json');
    const corrupt = await loadState(hostile, 0);
    // eslint-disable-next-line no-control-regex
    expect(corrupt.warning).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
    expect(corrupt.warning).toContain('state\\u001B]0;owned\\u0007\\u001B[2J\\u009B6n');
    expect(corrupt.warning).toMatch(/was corrupt; set aside as state\.json\.corrupt-/);
    // Unreadable (a folder where the file should be) and in German: the same care.
    rmSync(path.join(hostile, 'state.json'), { force: true });
    mkdirSync(path.join(hostile, 'state.json'));
    const unreadable = await loadState(hostile, 0, createTranslator('de'));
    // eslint-disable-next-line no-control-regex
    expect(unreadable.warning).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
    expect(unreadable.warning).toMatch(/^der Lesestand .*state\\u001B.* lässt sich nicht lesen: es ist ein Ordner \(EISDIR\)/);
  });

  it('removes the temporary files of writers that died before their rename', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' }).pid ?? 999_999;
    writeFileSync(path.join(dir, `state.json.${dead}.0a1b2c3d.tmp`), '{"half":');
    writeFileSync(path.join(dir, `state.json.${process.pid}.0a1b2c3d.tmp`), 'a live writer');
    await loadState(dir);
    expect(readdirSync(dir)).toEqual([`state.json.${process.pid}.0a1b2c3d.tmp`]);
  });

  it('does not lose the read marks of two readers open at once', async () => {
    const dir = tempDir();
    const first = withArticleRecord(emptyState(), '/lib', 'one', { read: true }, 1);
    const second = withArticleRecord(emptyState(), '/lib', 'two', { read: true }, 2);
    await saveState(dir, first);
    saveStateSync(dir, second);
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as ReturnType<typeof emptyState>;
    expect(onDisk.libraries['/lib']?.['one']?.read).toBe(true);
    expect(onDisk.libraries['/lib']?.['two']?.read).toBe(true);
  });

  it('merges per article by time, never unmarking a read article', () => {
    const a = withArticleRecord(emptyState(), '/lib', 'x', { read: true, position: { paragraph: 1, unit: 0 } }, 5);
    const b = withArticleRecord(emptyState(), '/lib', 'x', { read: false, position: { paragraph: 3, unit: 2 } }, 9);
    const merged = mergeStates(a, b);
    expect(merged.libraries['/lib']?.['x']).toMatchObject({ read: true, position: { paragraph: 3, unit: 2 } });
  });
});

describe('parseStoredState', () => {
  it('accepts what saveState writes and refuses what it never writes', async () => {
    const { parseStoredState } = await import('../../src/storage/reading-state.js');
    const good = withArticleRecord(withPreferences(emptyState(), { view: 'de', unit: 'paragraph' }, 3), '/lib', 'a', { read: true, position: { paragraph: 1, unit: 2 } }, 4);
    expect(parseStoredState(JSON.parse(JSON.stringify(good)))).toEqual(good);
    for (const bad of [null, [], { version: 2 }, { version: 1, libraries: [] }, { version: 1, libraries: { x: { a: { position: { paragraph: -1, unit: 0 } } } } }]) {
      expect(parseStoredState(bad)).toBeNull();
    }
    const polluted = parseStoredState(JSON.parse('{"version":1,"libraries":{"__proto__":{"a":{"read":true}}}}'));
    expect(({} as Record<string, unknown>)['a']).toBeUndefined();
    expect(Object.keys(polluted?.libraries ?? {})).toEqual(['__proto__']);
  });
});
