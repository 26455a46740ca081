/** A large article opens with only the paragraphs around where the reader opens it aligned; the rest follows, and the whole is the same as aligning it at once. */
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/content/load-library.js';
import { alignRest, FIRST_PARAGRAPHS, loadAligned, loadFirst } from '../../src/runtime/load-aligned.js';
import { listLibrary } from '../../src/content/load-library.js';
import { initialAppState } from '../../src/state/app-state.js';
import { update } from '../../src/state/update.js';
import { parseKey } from '../../src/input/keys.js';
import { emptyState } from '../../src/storage/reading-state.js';
import { englishFile, germanFile, makeLibrary } from '../helpers/library.js';

const COUNT = 150;
const de = Array.from({ length: COUNT }, (_, i) => `Absatz ${i + 1} beginnt hier. Er hat einen zweiten Satz. Und einen dritten.`);
const en = Array.from({ length: COUNT }, (_, i) => `Paragraph ${i + 1} starts here. It has a second sentence. And a third.`);

async function longLibrary() {
  const dir = makeLibrary({ lang: { de: germanFile({ title: 'Lang', paragraphs: de }), en: englishFile({ paragraphs: en }) } });
  const opened = await openLibrary(dir);
  if (!opened.ok) throw new Error(opened.message);
  return opened.root;
}

describe('loading a large article a screen first', () => {
  it('aligns the paragraphs from where it opens, lays the others out whole, and completes to the same as a full load', async () => {
    const root = await longLibrary();
    const { load, rest } = await loadFirst(root, 'lang', 130);
    if (load.status !== 'ok') throw new Error('not ok');
    expect(load.paragraphs).toHaveLength(COUNT);
    // The window ends with the article: it starts early enough to hold a screen's worth.
    const start = COUNT - FIRST_PARAGRAPHS;
    expect(rest).toEqual([...Array(start).keys()]);
    expect(load.paragraphs[start]?.units).toHaveLength(3);
    expect(load.paragraphs[COUNT - 1]?.units).toHaveLength(3);
    // Before the window: one unit over the whole paragraph, its text all there.
    expect(load.paragraphs[0]?.units).toEqual([{ deSentences: [], enSentences: [], de: { start: 0, end: de[0]?.length }, en: { start: 0, end: en[0]?.length } }]);
    const whole = await alignRest(load, rest);
    const full = await loadAligned(root, 'lang', () => Promise.resolve(false));
    if (full?.status !== 'ok') throw new Error('not ok');
    expect(whole.paragraphs).toEqual(full.paragraphs);
  });

  it('needs no second step for an article that fits in the window', async () => {
    const dir = makeLibrary({ kurz: { de: germanFile(), en: englishFile() } });
    const opened = await openLibrary(dir);
    if (!opened.ok) throw new Error(opened.message);
    const { load, rest } = await loadFirst(opened.root, 'kurz', 0);
    expect(load.status).toBe('ok');
    expect(rest).toEqual([]);
  });

  it('keeps the reader where it is when the rest arrives, and ignores an answer for an article no longer open', async () => {
    const root = await longLibrary();
    const entries = await listLibrary(root);
    let state = initialAppState({ columns: 120, rows: 30, language: 'en', place: { key: root.real, name: 'lib', flag: '' }, stored: emptyState(), entries });
    [state] = update(state, { type: 'key', key: parseKey('\r'), at: 1 });
    const { load, rest } = await loadFirst(root, 'lang', 0);
    if (load.status !== 'ok') throw new Error('not ok');
    [state] = update(state, { type: 'articleLoaded', id: 'lang', generation: 1, load });
    for (const ch of 'jjjj') [state] = update(state, { type: 'key', key: parseKey(ch), at: 2 });
    const cursor = state.reader?.position.cursor;
    expect(cursor).toEqual({ paragraph: 1, unit: 1 });
    const whole = await alignRest(load, rest);
    const [stale] = update(state, { type: 'articleAligned', id: 'lang', generation: 2, paragraphs: whole.paragraphs });
    expect(stale).toBe(state);
    [state] = update(state, { type: 'articleAligned', id: 'lang', generation: 1, paragraphs: whole.paragraphs });
    expect(state.reader?.load.status === 'ok' && state.reader.load.paragraphs).toBe(whole.paragraphs);
    expect(state.reader?.position.cursor).toEqual(cursor);
  });
});
