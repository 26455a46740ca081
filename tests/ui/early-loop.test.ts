/** The loop before the program is up: moves applied and drawn at once, the first effect and all after it kept for the program. */
import { describe, expect, it } from 'vitest';
import { listLibrary, openLibrary } from '../../src/content/load-library.js';
import { parseKey } from '../../src/input/keys.js';
import { initialAppState, type AppState } from '../../src/state/app-state.js';
import type { Msg } from '../../src/state/messages.js';
import { emptyState } from '../../src/storage/reading-state.js';
import { libraryListRows } from '../../src/state/settle.js';
import { EarlyLoop } from '../../src/ui/early-loop.js';
import { germanFile, makeLibrary } from '../helpers/library.js';

const key = (bytes: string): Msg => ({ type: 'key', key: parseKey(bytes), at: 1 });

async function start(): Promise<AppState> {
  const dir = makeLibrary(Object.fromEntries([1, 2, 3].map((n) => [`a${n}`, { de: germanFile({ title: `Artikel ${n}`, published: `2025-0${n}-01T10:00:00+01:00` }) }])));
  const opened = await openLibrary(dir);
  if (!opened.ok) throw new Error(opened.message);
  return initialAppState({ columns: 100, rows: 30, language: 'en', place: { key: opened.root.real, name: 'lib', flag: '' }, stored: emptyState(), entries: await listLibrary(opened.root) });
}

describe('the loop before the program is up', () => {
  it('draws each move at once, keeps the first key with an effect and every message after it, in order', async () => {
    const drawn: AppState[] = [];
    const loop = new EarlyLoop(await start(), (state) => drawn.push(state));
    loop.send(key('j'));
    loop.send(key('G'));
    expect(drawn.map((s) => s.library.nav.list.selected)).toEqual([1, 2]);
    loop.send(key('\r'));
    // After a held message nothing more is applied here, even a plain move.
    loop.send(key('k'));
    loop.send({ type: 'resize', columns: 90, rows: 25 });
    expect(drawn).toHaveLength(2);
    const { state, held } = loop.finish();
    expect(state.library.nav.list.selected).toBe(2);
    expect(state.reader).toBeNull();
    expect(held.map((m) => (m.type === 'key' ? (m.key.name ?? m.key.input) : m.type))).toEqual(['enter', 'k', 'resize']);
    loop.send(key('g'));
    expect(loop.finish().held).toHaveLength(3);
  });

  it('pages by the screen from the first key (the list laid out for it)', async () => {
    const dir = makeLibrary(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`a${String(i).padStart(2, '0')}`, { de: germanFile({ title: `Artikel ${i}` }) }])));
    const opened = await openLibrary(dir);
    if (!opened.ok) throw new Error(opened.message);
    const first = initialAppState({ columns: 100, rows: 30, language: 'en', place: { key: opened.root.real, name: 'lib', flag: '' }, stored: emptyState(), entries: await listLibrary(opened.root) });
    const drawn: AppState[] = [];
    const loop = new EarlyLoop(first, (state) => drawn.push(state));
    loop.send(key('\u001B[6~'));
    const rows = libraryListRows(30);
    expect(rows).toBeGreaterThan(10);
    expect(drawn.at(-1)?.library.nav.list.selected).toBe(rows - 1);
  });

  it('leaves quitting to the program', async () => {
    const loop = new EarlyLoop(await start(), () => undefined);
    loop.send(key('q'));
    const { state, held } = loop.finish();
    expect(state.quitting).toBe(false);
    expect(held).toHaveLength(1);
  });

  it('asks for the program at once for a held key, else once keys pause', async () => {
    const loop = new EarlyLoop(await start(), () => undefined);
    let ready = false;
    const needed = loop.whenNeeded(10_000, 20_000).then(() => (ready = true));
    loop.send(key('j'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).toBe(false);
    loop.send(key('\r'));
    await needed;
    const quiet = new EarlyLoop(await start(), () => undefined);
    const t0 = performance.now();
    await quiet.whenNeeded(30, 20_000);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
  });
});
