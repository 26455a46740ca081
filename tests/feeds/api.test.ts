import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLibrary, openLibrary } from '../../src/content/load-library.js';
import { feedChoices, RefreshBusyError, refreshFeeds } from '../../src/feeds/api.js';
import { emptyState, withArticleRecord } from '../../src/storage/reading-state.js';
import { tempDir } from '../helpers/library.js';
import { rss2, teaser, type FixtureItem } from './feed-fixtures.js';
import { FeedServer } from './feed-server.js';

const server = new FeedServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

const list = (prefix: string, n: number): FixtureItem[] =>
  Array.from({ length: n }, (_, i) => ({ guid: `${prefix}${i}`, title: `${prefix} Nachricht ${i}`, text: teaser(i), link: `/${prefix}/${i}.html` }));

async function library(yaml: string) {
  const lib = tempDir();
  writeFileSync(path.join(lib, 'feeds.yaml'), yaml);
  const opened = await openLibrary(lib);
  if (!opened.ok) throw new Error(opened.message);
  return { lib, root: opened.root };
}

describe('the reader API', () => {
  it('gives feed choices with unread counts from the entries and read marks it is handed', async () => {
    server.set('/x.xml', rss2('X', list('x', 3)));
    const { root } = await library(`feeds:\n  - url: ${server.url('/x.xml')}\n    name: Blatt X\n    fullText: false\n  - url: ${server.url('/y.xml')}\n`);
    const summary = await refreshFeeds({ root, stateDir: tempDir(), env: {} });
    expect(summary.newIds).toHaveLength(3);
    const entries = await listLibrary(root);
    const state = withArticleRecord(emptyState(), root.real, summary.newIds[0] ?? '', { read: true });
    const { choices, error } = await feedChoices(root, entries, state);
    expect(error).toBeUndefined();
    expect(choices).toEqual([
      { name: 'Blatt X', url: server.url('/x.xml'), articles: 3, unread: 2 },
      { name: `127.0.0.1:${new URL(server.base).port}/y.xml`, url: server.url('/y.xml'), articles: 0, unread: 0 },
    ]);
  });

  it('stops when its signal aborts, and the next refresh completes what it left', async () => {
    server.set('/z.xml', rss2('Z', list('z', 6)));
    server.delay('/z/', 30);
    const { lib, root } = await library(`feeds:\n  - url: ${server.url('/z.xml')}\n`);
    const stateDir = tempDir();
    const controller = new AbortController();
    const run = refreshFeeds({
      root,
      stateDir,
      env: {},
      signal: controller.signal,
      onProgress: (e) => {
        if (e.phase === 'writing' && (e.done ?? 0) >= 2) controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    const partial = readdirSync(lib).filter((n) => !n.startsWith('.') && n !== 'feeds.yaml').length;
    expect(partial).toBeLessThan(6);
    const rest = await refreshFeeds({ root, stateDir, env: {} });
    expect(rest.newIds).toHaveLength(6 - partial);
    expect((await listLibrary(root)).filter((e) => e.ok)).toHaveLength(6);
  });

  it('refuses a second refresh of the same library while one runs', async () => {
    server.set('/w.xml', rss2('W', list('w', 2)));
    server.delay('/w/', 100);
    const { root } = await library(`feeds:\n  - url: ${server.url('/w.xml')}\n`);
    const first = refreshFeeds({ root, stateDir: tempDir(), env: {} });
    await new Promise((r) => setTimeout(r, 20));
    await expect(refreshFeeds({ root, stateDir: tempDir(), env: {} })).rejects.toBeInstanceOf(RefreshBusyError);
    expect((await first).newIds).toHaveLength(2);
    // Released: the next one runs.
    expect((await refreshFeeds({ root, stateDir: tempDir(), env: {} })).ok).toBe(true);
  });
});
