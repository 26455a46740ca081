/** The program's update, without rendering: flows as sequences of messages, checked on the state and the effects. */
import { describe, expect, it } from 'vitest';
import { alignArticle } from '../../src/content/aligned-article.js';
import { listLibrary, openLibrary } from '../../src/content/load-library.js';
import { loadArticle } from '../../src/content/load-article.js';
import { parseKey } from '../../src/input/keys.js';
import { initialAppState, type AppState } from '../../src/state/app-state.js';
import type { Effect, Msg } from '../../src/state/messages.js';
import { update } from '../../src/state/update.js';
import { appFrame } from '../../src/view/app-frame.js';
import { themeFor } from '../../src/view/theme.js';
import { emptyState } from '../../src/storage/reading-state.js';
import { englishFile, germanFile, makeLibrary } from '../helpers/library.js';

async function library() {
  const dir = makeLibrary({
    neu: { de: germanFile({ title: 'Neue Brücke', published: '2025-02-01T10:00:00+01:00' }), en: englishFile() },
    alt: { de: germanFile({ title: 'Alte Schule', published: '2025-01-01T10:00:00+01:00', extra: 'url: https://example.org/alt' }) },
  });
  const opened = await openLibrary(dir);
  if (!opened.ok) throw new Error(opened.message);
  const entries = await listLibrary(opened.root);
  const state = initialAppState({ columns: 120, rows: 30, language: 'en', place: { key: opened.root.real, name: 'lib', flag: '' }, stored: emptyState(), entries });
  const loaded = async (id: string): Promise<Extract<Msg, { type: 'articleLoaded' }>['load']> => {
    const result = await loadArticle(opened.root, id);
    if (!result.ok) throw new Error('not ok');
    return { status: 'ok', article: result.article, paragraphs: alignArticle(result.article) };
  };
  return { state, loaded };
}

/** Applies `messages` in turn; the state at the end and every effect asked for. */
function run(state: AppState, ...messages: Msg[]): { state: AppState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const msg of messages) {
    const [next, more] = update(state, msg);
    state = next;
    effects.push(...more);
  }
  return { state, effects };
}

const keys = (text: string, at = 1000): Msg[] => [...text].map((ch) => ({ type: 'key', key: parseKey(ch), at }));
const key = (bytes: string, at = 1000): Msg => ({ type: 'key', key: parseKey(bytes), at });

describe('update', () => {
  it('types Q into a search field being edited (only Ctrl-C quits from there), and quits on Q elsewhere', async () => {
    const { state } = await library();
    const typed = run(state, key('/'), key('Q'));
    expect(typed.state.quitting).toBe(false);
    expect(typed.state.library.nav.search.query).toBe('Q');
    expect(run(typed.state, key('\u0003')).state.quitting).toBe(true);
    // Enter keeps the filter and leaves the field: Q quits again.
    expect(run(typed.state, key('\r'), key('Q')).state.quitting).toBe(true);
    expect(run(state, key('Q')).state.quitting).toBe(true);
  });

  it('opens the selected article: marked read, its text asked for, the state saved', async () => {
    const { state } = await library();
    const { state: next, effects } = run(state, key('j'), key('\r'));
    expect(next.reader?.id).toBe('alt');
    expect(next.reader?.load.status).toBe('loading');
    expect(effects).toContainEqual({ type: 'loadArticle', id: 'alt', generation: 1, from: 0 });
    expect(effects.some((e) => e.type === 'save' && e.stored.libraries[state.place.key]?.['alt']?.read === true)).toBe(true);
  });

  it('keeps keys typed while the article loads and applies them to it once it is there, but quits at once on Q', async () => {
    const { state, loaded } = await library();
    let s = run(state, key('\r'), ...keys('jj')).state;
    expect(s.reader?.pending.map((p) => p.key.input)).toEqual(['j', 'j']);
    const quitting = run(s, key('Q'));
    expect(quitting.effects).toEqual([{ type: 'quit' }]);
    expect(quitting.state.quitting).toBe(true);
    s = run(s, { type: 'articleLoaded', id: 'neu', generation: 1, load: await loaded('neu') }).state;
    expect(s.reader?.pending).toEqual([]);
    expect(s.reader?.position.cursor).toEqual({ paragraph: 1, unit: 0 });
  });

  it('ignores an article that arrives after another was asked for', async () => {
    const { state, loaded } = await library();
    const s = run(state, key('\r'), key('J'));
    // J waits for the first article; the stale load of an older generation changes nothing.
    const stale = run(s.state, { type: 'articleLoaded', id: 'neu', generation: 0, load: await loaded('neu') });
    expect(stale.state.reader?.load.status).toBe('loading');
  });

  it('takes a burst of keys one after another: "/Brücke" typed at once is a search for Brücke, not commands', async () => {
    const { state, loaded } = await library();
    let s = run(state, key('\r')).state;
    s = run(s, { type: 'articleLoaded', id: 'neu', generation: 1, load: await loaded('neu') }).state;
    const { state: after, effects } = run(s, ...keys('/Brücke'));
    expect(after.reader?.position.search).toEqual({ query: 'Brücke', editing: true });
    // "o" of a command would have asked for the browser; "e" for the editor.
    expect(effects.filter((e) => e.type === 'openUrl' || e.type === 'edit')).toEqual([]);
    const found = run(after, key('\r'));
    expect(found.state.reader?.position.search.editing).toBe(false);
  });

  it('starts a new query on a second / in the reader (as in less and vim), not one appended to the last', async () => {
    const { state, loaded } = await library();
    let s = run(state, key('\r')).state;
    s = run(s, { type: 'articleLoaded', id: 'neu', generation: 1, load: await loaded('neu') }).state;
    s = run(s, ...keys('/Brücke'), key('\r')).state;
    expect(s.reader?.position.search).toEqual({ query: 'Brücke', editing: false });
    s = run(s, ...keys('/Stadt')).state;
    expect(s.reader?.position.search).toEqual({ query: 'Stadt', editing: true });
  });

  it('opens a link of the text with o and its number, and says so when there is no such link', async () => {
    const links = Array.from({ length: 12 }, (_, i) => `[${i + 1}]: https://example.org/quelle-${i + 1} "Beispielheim"`).join('\n');
    const dir = makeLibrary({ verlinkt: { de: `${germanFile({ extra: 'url: https://example.org/artikel' })}\n${links}\n` } });
    const opened = await openLibrary(dir);
    if (!opened.ok) throw new Error(opened.message);
    const state = initialAppState({ columns: 120, rows: 30, language: 'en', place: { key: opened.root.real, name: 'lib', flag: '' }, stored: emptyState(), entries: await listLibrary(opened.root) });
    const article = await loadArticle(opened.root, 'verlinkt');
    if (!article.ok) throw new Error('not ok');
    expect(article.article.links).toHaveLength(12);
    const s = run(state, key('\r'), { type: 'articleLoaded', id: 'verlinkt', generation: 1, load: { status: 'ok', article: article.article, paragraphs: alignArticle(article.article) } }).state;
    const opens = (...msgs: Msg[]) => run(s, ...msgs).effects.filter((e) => e.type === 'openUrl');
    // 2 could not begin another number (there are 12 links): it opens at once; 1 waits for a second digit.
    expect(opens(...keys('o2'))).toEqual([{ type: 'openUrl', url: 'https://example.org/quelle-2' }]);
    expect(opens(...keys('o1'))).toEqual([]);
    expect(opens(...keys('o12'))).toEqual([{ type: 'openUrl', url: 'https://example.org/quelle-12' }]);
    expect(opens(...keys('o1'), key('\r'))).toEqual([{ type: 'openUrl', url: 'https://example.org/quelle-1' }]);
    // Enter alone: the article's own page; any other key cancels, and a number past the list is said.
    expect(opens(key('o'), key('\r'))).toEqual([{ type: 'openUrl', url: 'https://example.org/artikel' }]);
    const cancelled = run(s, ...keys('ox'));
    expect(cancelled.effects.filter((e) => e.type === 'openUrl')).toEqual([]);
    expect(cancelled.state.reader?.choosingLink).toBeNull();
    expect(run(s, ...keys('o1'), ...keys('3')).state.notice?.text).toMatch(/13/);
  });

  it('filters the library as one types and searches article texts, then a later query replaces the search', async () => {
    const { state } = await library();
    const { state: s, effects } = run(state, ...keys('/schule'));
    expect(s.library.visible.map((i) => s.library.entries[i]?.id)).toEqual(['alt']);
    const searches = effects.filter((e) => e.type === 'searchText');
    expect(searches.at(-1)).toMatchObject({ type: 'searchText', query: 'schule' });
    // Hits for an older query are not taken.
    const stale = run(s, { type: 'fullText', query: 'schul', hits: [0], done: 2, finished: true });
    expect(stale.state.library.visible).toEqual(s.library.visible);
    const fresh = run(s, { type: 'fullText', query: 'schule', hits: [0], done: 2, finished: true });
    expect(fresh.state.library.visible.map((i) => s.library.entries[i]?.id)).toEqual(['neu', 'alt']);
  });

  it('keeps the selected article selected when the library is read again', async () => {
    const { state } = await library();
    const s = run(state, key('j')).state;
    const reversed = run(s, { type: 'libraryRead', entries: [...s.library.entries].reverse() });
    const { library: lib } = reversed.state;
    expect(lib.entries[lib.visible[lib.nav.list.selected] ?? -1]?.id).toBe('alt');
  });

  it('changes a setting from help, remembered, and an open article follows it', async () => {
    const { state } = await library();
    const { state: s, effects } = run(state, key('?'), key('j'), key('\r'));
    expect(s.stored.preferences.learner).toBe(true);
    expect(effects.at(-1)?.type).toBe('save');
    expect(run(s, key('\u001B')).state.help).toBeNull();
  });

  it('gives the terminal to the shell on Ctrl-Z, everywhere', async () => {
    const { state } = await library();
    expect(run(state, key('\u001A')).effects).toEqual([{ type: 'suspend' }]);
    expect(run(state, key('?'), key('\u001A')).effects).toEqual([{ type: 'suspend' }]);
  });

  it('opens a listed article\'s address at once when the list knows it, else once it is read from the file', async () => {
    const { state } = await library();
    expect(run(state, key('j'), key('o')).effects).toEqual([{ type: 'openUrl', url: 'https://example.org/alt' }]);
    // The first article's summary holds no address (its file has none here; a list from the index
    // leaves them all out): it is looked for in the file.
    const asked = run(state, key('o'));
    expect(asked.effects).toEqual([{ type: 'openUrlOf', id: 'neu' }]);
    expect(run(asked.state, { type: 'urlFound', url: 'https://example.org/neu' }).effects).toEqual([{ type: 'openUrl', url: 'https://example.org/neu' }]);
    const none = run(asked.state, { type: 'urlFound', url: null });
    expect(none.state.notice?.text).toBe('this article has no URL');
    expect(none.effects.some((e) => e.type === 'openUrl')).toBe(false);
  });

  it('clears a notice only when its own time is up', async () => {
    const { state } = await library();
    const first = run(state, key('j'), key('o'));
    expect(first.effects).toContainEqual({ type: 'openUrl', url: 'https://example.org/alt' });
    const noted = run(state, { type: 'notice', text: 'one' }, { type: 'notice', text: 'two' });
    const expires = noted.effects.filter((e): e is Extract<Effect, { type: 'expireNotice' }> => e.type === 'expireNotice');
    expect(run(noted.state, { type: 'noticeExpired', id: expires[0]?.id ?? -1 }).state.notice?.text).toBe('two');
    expect(run(noted.state, { type: 'noticeExpired', id: expires[1]?.id ?? -1 }).state.notice).toBeNull();
  });

  it('after a resize lays the open article out again, the cursor on its sentence', async () => {
    const { state, loaded } = await library();
    let s = run(state, key('\r')).state;
    s = run(s, { type: 'articleLoaded', id: 'neu', generation: 1, load: await loaded('neu') }, ...keys('jj')).state;
    const cursor = s.reader?.position.cursor;
    const narrow = run(s, { type: 'resize', columns: 60, rows: 20 }).state;
    expect(narrow.reader?.position.cursor).toEqual(cursor);
    expect(narrow.reader?.position.geometry).not.toBe(s.reader?.position.geometry);
  });
});

describe('a library read in the background', () => {
  it('shows progress while only the newest are listed, and on the whole list keeps the selection (or the end, after G)', async () => {
    const dir = makeLibrary(Object.fromEntries([1, 2, 3, 4].map((n) => [`a${n}`, { de: germanFile({ title: `Artikel ${n}`, published: `2025-0${n}-01T10:00:00+01:00` }) }])));
    const opened = await openLibrary(dir);
    if (!opened.ok) throw new Error(opened.message);
    const entries = await listLibrary(opened.root);
    const place = { key: opened.root.real, name: 'lib', flag: '' };
    const partial = initialAppState({ columns: 120, rows: 30, language: 'en', place, stored: emptyState(), entries: entries.slice(0, 2), total: 4, reading: { done: 2, total: 4 } });
    let s = run(partial, { type: 'libraryProgress', done: 3, total: 4 }).state;
    expect(s.library.reading).toEqual({ done: 3, total: 4 });
    // Large counts are grouped in the UI language.
    const counted = run(s, { type: 'libraryProgress', done: 1234, total: 12345 }).state;
    expect(appFrame(counted, themeFor(false)).map((line) => line.map((span) => span.text).join('')).join('\n')).toContain('reading the library… 1,234 of 12,345 articles');
    // G on the newest alone, then the rest arrives: the selection goes to the last of all.
    s = run(s, key('G'), { type: 'libraryRead', entries }).state;
    expect(s.library.reading).toBeUndefined();
    expect(s.library.total).toBeUndefined();
    expect(s.library.nav.list.selected).toBe(entries.length - 1);
    // Progress after the whole list is in changes nothing.
    expect(run(s, { type: 'libraryProgress', done: 4, total: 4 }).state).toBe(s);
  });

  it('keeps the article under the cursor when j took it to the last of the newest (only G means the end)', async () => {
    const { state } = await library();
    const entries = state.library.entries;
    const partial = initialAppState({ columns: 120, rows: 30, language: 'en', place: state.place, stored: emptyState(), entries: entries.slice(0, 2), total: entries.length });
    const moved = run(partial, key('j')).state;
    expect(moved.library.nav.list.selected).toBe(1);
    const s = run(moved, { type: 'libraryRead', entries }).state;
    expect(s.library.nav.list.selected).toBe(1);
    // G, then k: no longer at the end, so the rest arriving moves nothing either.
    const back = run(partial, key('G'), key('k'), { type: 'libraryRead', entries }).state;
    expect(back.library.nav.list.selected).toBe(0);
  });

  it('keeps the article under the cursor when the rest arrives and the cursor is not at the end', async () => {
    const { state } = await library();
    const entries = state.library.entries;
    const partial = initialAppState({ columns: 120, rows: 30, language: 'en', place: state.place, stored: emptyState(), entries, total: 5 });
    const s = run(partial, { type: 'libraryRead', entries }).state;
    expect(s.library.nav.list.selected).toBe(0);
  });
});

describe('a library that follows no feeds', () => {
  it('says on the library screen how to add one, and R says so too; a feed loaded takes the hint away', async () => {
    const { state } = await library();
    const first = { ...initialAppState({ columns: 120, rows: 30, language: 'en', place: { ...state.place, flag: ' --library lib' }, stored: emptyState(), entries: state.library.entries, hasFeedsFile: false }) };
    const text = (s: AppState) => appFrame(s, themeFor(false)).map((line) => line.map((span) => span.text).join('')).join('\n');
    expect(text(first)).toContain('No feeds yet: add one with newsbridge feeds add URL --library lib, then R refreshes');
    const pressed = run(first, key('R'));
    expect(pressed.effects.some((e) => e.type === 'refresh')).toBe(false);
    expect(text(pressed.state)).toContain('this library follows no feeds: add one with newsbridge feeds add URL --library lib');
    const followed = run(first, { type: 'feedsLoaded', feeds: [{ name: 'Bote', url: 'http://127.0.0.1:1/bote.xml' }] });
    expect(text(followed.state)).not.toContain('No feeds yet');
  });
});
