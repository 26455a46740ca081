import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/content/load-library.js';
import { listLibrary } from '../../src/content/load-library.js';
import { loadArticle, type LibraryRoot } from '../../src/content/load-article.js';
import { readIndexHead } from '../../src/content/library-index.js';
import { refreshFeeds, type FeedProgress, type RefreshOptions } from '../../src/feeds/refresh.js';
import { tempDir } from '../helpers/library.js';
import { articlePage, atom03, atom1, prose, rdf, rss2, teaser, type FixtureItem } from './feed-fixtures.js';
import { FeedServer } from './feed-server.js';

const server = new FeedServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

/** No proxy from the machine's environment: every request goes straight to 127.0.0.1. */
const NO_PROXY_ENV = { PATH: process.env['PATH'] ?? '' };
const FAST = { retry: { retries: 2, baseDelayMs: 20, maxWaitMs: 2000 } };

function items(prefix: string, count: number, options: { pages?: boolean } = {}): FixtureItem[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `${prefix}-${i + 1}`,
    title: `${prefix} Meldung ${i + 1}: Rathaus öffnet länger`,
    ...(options.pages !== false ? { link: `/${prefix}/artikel-${i + 1}.html` } : {}),
    text: teaser(i + 1),
    date: `Wed, ${String(10 + i).padStart(2, '0')} Jan 2025 09:30:00 +0100`,
  }));
}

function servePages(prefix: string, count: number): void {
  for (let i = 1; i <= count; i++) server.set(`/${prefix}/artikel-${i}.html`, articlePage(`${prefix} Meldung ${i}: Rathaus öffnet länger`, prose(i)));
}

function feedsYaml(lib: string, entries: { url: string; name?: string; fullText?: boolean }[]): void {
  const lines = ['feeds:'];
  for (const e of entries) {
    lines.push(`  - url: ${e.url}`);
    if (e.name) lines.push(`    name: ${e.name}`);
    if (e.fullText === false) lines.push('    fullText: false');
  }
  writeFileSync(path.join(lib, 'feeds.yaml'), `${lines.join('\n')}\n`);
}

let lib = '';
let stateDir = '';
let root: LibraryRoot;

beforeEach(async () => {
  lib = tempDir();
  stateDir = tempDir();
  server.clearTricks();
  server.requests.length = 0;
  const opened = await openLibrary(lib);
  if (!opened.ok) throw new Error(opened.message);
  root = opened.root;
});

const refresh = (extra: Partial<RefreshOptions> = {}) => refreshFeeds({ root, stateDir, env: NO_PROXY_ENV, net: FAST, ...extra });

const folders = () => readdirSync(lib).filter((n) => !n.startsWith('.') && n !== 'feeds.yaml');

describe('refresh', () => {
  it('reads RSS 2.0, RSS 1.0, Atom 1.0 and Atom 0.3, with relative links resolved and the feed recorded', async () => {
    server.set('/r2.xml', rss2('Beispielheimer Bote - Region', items('r2', 2, { pages: false })));
    server.set('/rdf.xml', rdf('Beispielheimer Bote RDF', items('rdf', 2, { pages: false }).map((i) => ({ ...i, link: server.url(`/rdf/${i.guid}`) }))));
    server.set('/a1.xml', atom1('Beispielheimer Bote Atom', items('a1', 2, { pages: false }).map((i) => ({ ...i, link: `/a1/${i.guid}`, title: `${i.title} &amp; mehr` }))));
    server.set('/a03.xml', atom03('Beispielheimer Bote Alt', items('a03', 2, { pages: false })));
    feedsYaml(lib, ['/r2.xml', '/rdf.xml', '/a1.xml', '/a03.xml'].map((p) => ({ url: server.url(p), fullText: false })));
    const summary = await refresh();
    expect(summary.ok).toBe(true);
    expect(summary.counts.newArticles).toBe(8);
    const entries = await listLibrary(root);
    expect(entries.every((e) => e.ok)).toBe(true);
    const byFeed = (p: string) => entries.filter((e) => e.ok && e.summary.feed === server.url(p));
    for (const p of ['/r2.xml', '/rdf.xml', '/a1.xml', '/a03.xml']) expect(byFeed(p)).toHaveLength(2);
    const atom = byFeed('/a1.xml')[0];
    if (!atom?.ok) throw new Error('no atom article');
    // "&amp;amp;" in an HTML-typed title is an escaped "&amp;": the title reads "&".
    expect(atom.summary.title.de).toMatch(/Rathaus öffnet länger & mehr$/);
    expect(atom.summary.url).toBe(server.url(`/a1/${atom.summary.guid ?? ''}`));
    const loaded = await loadArticle(root, atom.id);
    if (!loaded.ok) throw new Error('does not load');
    expect(loaded.article.meta).toMatchObject({ feed: server.url('/a1.xml'), source: 'Beispielheimer Bote Atom' });
    expect(loaded.article.paragraphs[0]?.de).toMatch(/^Beispielheim stellt Bericht Nummer \d/);
  });

  it('imports nothing twice, and a second refresh asks conditionally and gets 304', async () => {
    server.set('/feed.xml', rss2('Bote', items('f', 3)));
    servePages('f', 3);
    feedsYaml(lib, [{ url: server.url('/feed.xml'), name: 'Bote' }]);
    const first = await refresh();
    expect(first.counts.newArticles).toBe(3);
    expect(folders()).toHaveLength(3);
    // Full text: the article holds the page's paragraphs, not the feed's teaser.
    const loaded = await loadArticle(root, first.newIds[0] ?? '');
    if (!loaded.ok) throw new Error('does not load');
    expect(loaded.article.meta.textFrom).toBe('page');
    expect(loaded.article.paragraphs.length).toBe(3);

    const second = await refresh();
    expect(second.feeds[0]?.outcome).toBe('notModified');
    expect(second.counts.newArticles).toBe(0);
    const [, again] = server.requestsFor('/feed.xml');
    expect(again?.headers['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
    expect(again?.headers['if-modified-since']).toBeTruthy();
    expect(again?.headers['user-agent']).toMatch(/^newsbridge\/\S+/);
    expect(folders()).toHaveLength(3);

    // The same items again with a new ETag (the server changed something unrelated): still nothing new.
    server.set('/feed.xml', `${rss2('Bote', items('f', 3))}\n<!-- neu -->`);
    const third = await refresh();
    expect(third.feeds[0]).toMatchObject({ outcome: 'reached', newIds: [], updatedIds: [], unchanged: 3 });
    expect(folders()).toHaveLength(3);
  });

  it('keeps the library index current: new and changed articles are in it when the refresh ends', async () => {
    const cacheDir = tempDir();
    const list = items('ix', 2, { pages: false });
    server.set('/ix.xml', rss2('Bote', list));
    feedsYaml(lib, [{ url: server.url('/ix.xml'), fullText: false }]);
    const first = await refresh({ cacheDir });
    const titles = () => (readIndexHead(cacheDir, root)?.entries ?? []).map((e) => (e.ok ? e.summary.title.de : e.id));
    expect(readIndexHead(cacheDir, root)?.count).toBe(2);
    expect(titles().sort()).toEqual(list.map((i) => i.title).sort());
    server.set('/ix.xml', rss2('Bote', [{ ...(list[0] as FixtureItem), title: 'Neuer Titel' }, ...list.slice(1)]));
    const second = await refresh({ cacheDir });
    expect(second.updatedIds).toEqual([first.newIds[0]]);
    expect(titles()).toContain('Neuer Titel');
  });

  it('updates an article whose title changed instead of adding a copy, keeping the English and marking it', async () => {
    const list = items('t', 2, { pages: false });
    server.set('/t.xml', rss2('Bote', list));
    feedsYaml(lib, [{ url: server.url('/t.xml'), fullText: false }]);
    const first = await refresh();
    const id = first.newIds[0] ?? '';
    const en = path.join(lib, id, 'article.en.md');
    writeFileSync(en, '---\ntitle: Town hall opens longer\nstatus: reviewed\nreviewed: 2025-01-20\n---\n\nBeispielheim presents report number 1.\n');
    server.set('/t.xml', rss2('Bote', [{ ...list[0], title: 'Rathaus öffnet noch länger' } as FixtureItem, list[1] as FixtureItem]));
    const second = await refresh();
    expect(second.updatedIds).toEqual([id]);
    expect(second.newIds).toEqual([]);
    expect(folders()).toHaveLength(2);
    const loaded = await loadArticle(root, id);
    if (!loaded.ok) throw new Error('does not load');
    expect(loaded.article.meta.title).toBe('Rathaus öffnet noch länger');
    expect(loaded.article.english).toMatchObject({ status: 'draft', title: 'Town hall opens longer' });
    expect(loaded.article.english?.changed).toMatch(/changed the title/);
    expect(loaded.article.paragraphs[0]?.en).toBe('Beispielheim presents report number 1.');

    // A changed text (same title) updates the other article the same way, and the note says so.
    const other = first.newIds[1] ?? '';
    writeFileSync(path.join(lib, other, 'article.en.md'), '---\ntitle: Report two\nstatus: reviewed\nreviewed: 2025-01-20\n---\n\nBeispielheim presents report number 2.\n');
    server.set('/t.xml', rss2('Bote', [{ ...list[0], title: 'Rathaus öffnet noch länger' } as FixtureItem, { ...list[1], text: 'Beispielheim legt Bericht Nummer 2 in neuer Fassung vor.' } as FixtureItem]));
    const third = await refresh();
    expect(third.updatedIds).toEqual([other]);
    expect(folders()).toHaveLength(2);
    const changed = await loadArticle(root, other);
    if (!changed.ok) throw new Error('does not load');
    expect(changed.article.paragraphs[0]).toMatchObject({ de: 'Beispielheim legt Bericht Nummer 2 in neuer Fassung vor.', en: 'Beispielheim presents report number 2.' });
    expect(changed.article.english).toMatchObject({ status: 'draft', title: 'Report two' });
    expect(changed.article.english?.changed).toMatch(/changed the text/);
  });

  it('goes on when one feed fails, and says why for that one only', async () => {
    server.set('/gut.xml', rss2('Gut', items('g', 2, { pages: false })));
    server.failWith('/kaputt.xml', 500);
    feedsYaml(lib, [{ url: server.url('/kaputt.xml'), fullText: false }, { url: server.url('/gut.xml'), fullText: false }]);
    const summary = await refresh();
    expect(summary.ok).toBe(false);
    expect(summary.counts).toMatchObject({ newArticles: 2, failed: 1 });
    expect(summary.feeds[0]).toMatchObject({ outcome: 'failed' });
    expect(summary.feeds[0]?.error).toContain('500');
    // Two retries after the first answer.
    expect(server.requestsFor('/kaputt.xml')).toHaveLength(3);
  });

  it('waits as Retry-After says on 429, then succeeds; a longer wait is left for later', async () => {
    server.set('/voll.xml', rss2('Voll', items('v', 1, { pages: false })));
    server.failWith('/voll.xml', 429, 1, '1');
    feedsYaml(lib, [{ url: server.url('/voll.xml'), fullText: false }]);
    const t0 = Date.now();
    const summary = await refresh();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(summary.counts.newArticles).toBe(1);

    server.failWith('/voll.xml', 429, 1, '3600');
    server.set('/voll.xml', rss2('Voll', items('v', 2, { pages: false })));
    const later = await refresh();
    expect(later.feeds[0]).toMatchObject({ outcome: 'failed' });
    expect(later.feeds[0]?.retryAt).toBeGreaterThan(Date.now() + 3000_000);
    // The next refresh leaves the feed alone, as asked.
    const deferred = await refresh();
    expect(deferred.feeds[0]?.outcome).toBe('deferred');
    expect(deferred.ok).toBe(true);
  });

  it('follows a redirect chain, gives up on a slow body, and keeps the feed\'s text when a page fails', async () => {
    server.set('/ziel.xml', rss2('Ziel', items('z', 1)));
    server.redirect('/umweg1.xml', '/umweg2.xml');
    server.redirect('/umweg2.xml', server.url('/ziel.xml'));
    server.set('/zaeh.xml', rss2('Zäh', items('s', 1, { pages: false })));
    server.slow('/zaeh.xml', 200);
    server.failWith('/z/artikel-1.html', 403);
    feedsYaml(lib, [{ url: server.url('/umweg1.xml') }, { url: server.url('/zaeh.xml'), fullText: false }]);
    const events: FeedProgress[] = [];
    const summary = await refresh({ net: { ...FAST, feedLimits: { timeoutMs: 700, maxBytes: 1 << 20, maxRedirects: 5 } }, onProgress: (e) => events.push(e) });
    expect(summary.feeds[0]).toMatchObject({ outcome: 'reached', pageFailures: 1 });
    expect(summary.feeds[1]).toMatchObject({ outcome: 'failed' });
    expect(summary.feeds[1]?.error).toMatch(/no complete answer within 0.7 s/);
    const loaded = await loadArticle(root, summary.newIds[0] ?? '');
    if (!loaded.ok) throw new Error('does not load');
    expect(loaded.article.meta).toMatchObject({ textFrom: 'feed' });
    expect(loaded.article.meta.textNote).toContain('403');
    expect(events.filter((e) => e.phase === 'done')).toHaveLength(2);
    expect(events.some((e) => e.phase === 'fetching')).toBe(true);
  });

  it('writes articles whose files the library loads, with the feed in the JSON list', async () => {
    server.set('/feed.xml', rss2('Bote', items('j', 1, { pages: false })));
    feedsYaml(lib, [{ url: server.url('/feed.xml'), fullText: false }]);
    const summary = await refresh();
    const de = readFileSync(path.join(lib, summary.newIds[0] ?? '', 'article.de.md'), 'utf8');
    expect(de).toContain(`feed: ${server.url('/feed.xml')}`);
    expect(de).toContain('guid: j-1');
    expect(de).toMatch(/^fingerprint: [0-9a-f]{16}$/m);
  });
});
