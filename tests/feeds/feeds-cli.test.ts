import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library.js';
import { runCli } from '../cli/run-cli.js';
import { atom1, pageLinkingFeed, rss2, teaser, type FixtureItem } from './feed-fixtures.js';
import { FeedServer } from './feed-server.js';

const server = new FeedServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

let lib = '';
let env: NodeJS.ProcessEnv = {};

beforeEach(() => {
  lib = tempDir();
  env = { NEWSBRIDGE_STATE_DIR: tempDir() };
  server.clearTricks();
});

const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runCli([...args, '--library', lib], { ...env, ...extraEnv });

function items(prefix: string, count: number, day = 10): FixtureItem[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `${prefix}-${i + 1}`,
    title: `${prefix} Meldung ${i + 1}`,
    text: teaser(i + 1),
    date: `Wed, ${String(day + i).padStart(2, '0')} Jan 2025 09:30:00 +0100`,
  }));
}

describe('feeds add / list / remove', () => {
  it('says how to add a feed when there is none', async () => {
    const listed = await cli(['feeds', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("follows no feeds yet. Add one with 'newsbridge feeds add URL --library");
    const json = JSON.parse((await cli(['feeds', 'list', '--json'])).stdout) as unknown;
    expect(json).toMatchObject({ format: 'newsbridge.feeds', version: 1, feeds: [] });
  });

  it('adds a feed under its title, resolves a page to the feed it links, refuses a second copy', async () => {
    server.set('/bote.xml', rss2('Beispielheimer Bote', items('b', 1)));
    server.set('/startseite.html', pageLinkingFeed('/bote.xml'));
    const added = await cli(['feeds', 'add', server.url('/startseite.html'), '--no-full-text']);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`links the feed ${server.url('/bote.xml')}`);
    expect(added.stdout).toContain(`Subscribed to "Beispielheimer Bote": ${server.url('/bote.xml')}`);
    const yaml = readFileSync(path.join(lib, 'feeds.yaml'), 'utf8');
    expect(yaml).toContain(`- url: ${server.url('/bote.xml')}`);
    expect(yaml).toContain('name: Beispielheimer Bote');
    expect(yaml).toContain('fullText: false');
    expect(yaml.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*feeds\.schema\.json$/);

    const again = await cli(['feeds', 'add', server.url('/bote.xml')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('is already followed, as "Beispielheimer Bote"');
  });

  it('refuses what is no feed, with one line and a hint', async () => {
    server.set('/leer.html', '<!doctype html><html><head><title>x</title></head><body><p>Kein Feed hier.</p></body></html>');
    const result = await cli(['feeds', 'add', server.url('/leer.html')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`newsbridge: ${server.url('/leer.html')} is an HTML page that links no RSS or Atom feed\nGive the address of an RSS or Atom feed, or of a page that links one.\n`);
    const bad = await cli(['feeds', 'add', 'ftp://bote.example/feed']);
    expect(bad.code).toBe(2);
  });

  it('lists feeds with articles, unread, last refresh and last error; remove keeps the articles', async () => {
    server.set('/eins.xml', atom1('Erster Bote', items('e', 2)));
    server.failWith('/zwei.xml', 404);
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${server.url('/eins.xml')}\n    name: Eins\n    fullText: false\n  - url: ${server.url('/zwei.xml')}\n    name: Zwei\n`);
    const refreshed = await cli(['refresh']);
    expect(refreshed.code).toBe(1);
    expect(refreshed.stdout).toContain('Eins: 2 new, 0 updated, 0 unchanged');
    expect(refreshed.stdout).toMatch(/Zwei: failed: .*404/);
    expect(refreshed.stdout).toContain('Done, 2 feeds: 2 new and 0 updated articles; 0 unchanged, 1 failed.');

    const json = JSON.parse((await cli(['feeds', 'list', '--json'])).stdout) as { feeds: Record<string, unknown>[] };
    expect(json.feeds[0]).toMatchObject({ name: 'Eins', articles: 2, unread: 2, lastError: null, fullText: false });
    expect(json.feeds[0]?.['lastRefresh']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(json.feeds[1]).toMatchObject({ name: 'Zwei', articles: 0 });
    expect(String(json.feeds[1]?.['lastError'])).toContain('404');
    const text = await cli(['feeds', 'list']);
    expect(text.stdout).toContain('2 articles, 2 unread');
    expect(text.stdout).toMatch(/last error: .*404/);

    const removed = await cli(['feeds', 'remove', 'Eins']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('its 2 articles stay in the library');
    expect(readdirSync(lib).filter((n) => n.startsWith('2025-'))).toHaveLength(2);
    expect(readFileSync(path.join(lib, 'feeds.yaml'), 'utf8')).not.toContain('eins.xml');
    const unknown = await cli(['feeds', 'remove', 'Eins']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no feed "Eins" in');
  });

  it('names feeds.yaml and its line when it is broken', async () => {
    writeFileSync(path.join(lib, 'feeds.yaml'), 'feeds:\n  - url: https://bote.example/feed\n    fullText: ja bitte\n');
    const result = await cli(['refresh']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^newsbridge: .*feeds\.yaml:3: /);
  });
});

describe('refresh --json', () => {
  it('prints one progress object per event and the summary last, as JSON lines', async () => {
    server.set('/j.xml', rss2('J', items('j', 2)));
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${server.url('/j.xml')}\n    name: J\n    fullText: false\n`);
    const result = await cli(['refresh', '--json']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.slice(0, -1).every((l) => l['format'] === 'newsbridge.refresh-progress')).toBe(true);
    expect(lines.some((l) => l['phase'] === 'done')).toBe(true);
    expect(lines.at(-1)).toMatchObject({ format: 'newsbridge.refresh', version: 1, ok: true, counts: { newArticles: 2, failed: 0 } });
    expect((lines.at(-1)?.['new'] as string[]).sort()).toEqual(['2025-01-10-j-meldung-1', '2025-01-11-j-meldung-2']);
  });
});

describe('OPML', () => {
  it('round-trips: export, import into another library, export again', async () => {
    writeFileSync(
      path.join(lib, 'feeds.yaml'),
      'feeds:\n  - url: https://bote.example/feed.xml\n    name: Bote & Söhne\n  - url: https://blatt.example/atom\n    fullText: false\n',
    );
    const exported = await cli(['feeds', 'export']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('<opml version="2.0">');
    expect(exported.stdout).toContain('text="Bote &amp; Söhne"');
    const file = path.join(tempDir(), 'abos.opml');
    writeFileSync(file, exported.stdout);
    const other = tempDir();
    const imported = await runCli(['feeds', 'import', file, '--library', other], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Subscribed to 2 feeds from');
    const again = await runCli(['feeds', 'export', '--library', other], env);
    const strip = (s: string) => s.replace(/<dateCreated>.*<\/dateCreated>/, '');
    expect(strip(again.stdout)).toBe(strip(exported.stdout));
    const twice = await runCli(['feeds', 'import', file, '--library', other], env);
    expect(twice.stdout).toContain('Skipped https://bote.example/feed.xml: already followed.');
    expect(twice.stdout).toContain('Subscribed to 0 feeds');
  });

  it('refuses a file that is not OPML', async () => {
    const file = path.join(tempDir(), 'x.opml');
    writeFileSync(file, '<html><body>nein</body></html>');
    const result = await cli(['feeds', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not an OPML file');
  });
});

describe('list --unread / --feed / --since', () => {
  it('filters by feed, by day and by read marks', async () => {
    server.set('/a.xml', rss2('A-Blatt', items('a', 2, 10)));
    server.set('/b.xml', rss2('B-Blatt', items('b', 2, 20)));
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${server.url('/a.xml')}\n    name: A\n    fullText: false\n  - url: ${server.url('/b.xml')}\n    name: B\n    fullText: false\n`);
    expect((await cli(['refresh'])).code).toBe(0);
    const ids = (args: string[]) => cli(['list', '--json', ...args]).then((r) => (JSON.parse(r.stdout) as { articles: { id: string; feed: string | null }[] }).articles.map((e) => e.id));
    expect(await ids([])).toHaveLength(4);
    const fromA = await ids(['--feed', 'A']);
    expect(fromA).toEqual(['2025-01-11-a-meldung-2', '2025-01-10-a-meldung-1']);
    expect(await ids(['--feed', server.url('/b.xml')])).toHaveLength(2);
    expect(await ids(['--since', '2025-01-11'])).toEqual(['2025-01-21-b-meldung-2', '2025-01-20-b-meldung-1', '2025-01-11-a-meldung-2']);
    // A read mark, as the reader leaves it.
    const { saveState, withArticleRecord, emptyState } = await import('../../src/storage/reading-state.js');
    const { realpathSync } = await import('node:fs');
    await saveState(env['NEWSBRIDGE_STATE_DIR'] ?? '', withArticleRecord(emptyState(), realpathSync(lib), '2025-01-20-b-meldung-1', { read: true }));
    expect(await ids(['--unread', '--feed', 'B'])).toEqual(['2025-01-21-b-meldung-2']);
    const feeds = JSON.parse((await cli(['feeds', 'list', '--json'])).stdout) as { feeds: { unread: number }[] };
    expect(feeds.feeds.map((f) => f.unread)).toEqual([2, 1]);
    const bad = await cli(['list', '--since', 'gestern']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since needs a day as YYYY-MM-DD');
    const unknown = await cli(['list', '--feed', 'C']);
    expect(unknown.code).toBe(2);
  });
});
