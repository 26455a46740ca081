/**
 * Feeds and the network against what used to hang or mislead: a feed of 10,000 items (the old
 * parser re-scanned the whole document per item: minutes, no output), a redirect to a file:
 * address (the message named the original URL), and item fields built to attack a terminal.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, listLibrary } from '../../src/content/load-library.js';
import { parseFeedText } from '../../src/import/feed.js';
import { fetchDocument, FetchError } from '../../src/net/fetch.js';
import { refreshFeeds } from '../../src/feeds/refresh.js';
import { hasControlCharacters } from '../../src/text/sanitize.js';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from '../helpers/library.js';

/** A feed of `count` items, each with its own guid, link, date, author and HTML description. */
export function hugeFeed(count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    items.push(
      `<item><title>Meldung ${i} &amp; mehr</title><link>/artikel/${i}</link><guid isPermaLink="false">id-${i}</guid>` +
        `<pubDate>Wed, 15 Jan 2025 09:30:00 +0100</pubDate><author>redaktion@bote.example (Autorin ${i})</author>` +
        `<description><![CDATA[<p>Die Stadt Beispielheim meldet Nummer ${i}. Der Rat hat am Montag darüber beraten.</p>]]></description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bote</title><link>https://bote.example/</link>${items.join('\n')}</channel></rss>`;
}

let server: Server;
let base = '';
const hostile = new Map<string, { status: number; headers: Record<string, string>; body: string }>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = hostile.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!answer) return void res.writeHead(404).end();
    res.writeHead(answer.status, answer.headers).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  hostile.set('/weiter', { status: 302, headers: { location: '/noch-weiter' }, body: '' });
  hostile.set('/noch-weiter', { status: 301, headers: { location: 'file:///etc/passwd' }, body: '' });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a feed of 10,000 items', () => {
  it('is read item by item in linear time, with progress all the way', { timeout: 30_000 }, async () => {
    const seen: [number, number][] = [];
    const parsed = await parseFeedText(hugeFeed(10_000), { baseUrl: 'https://bote.example/feed.xml', onProgress: (done, total) => seen.push([done, total]) });
    expect(parsed.items).toHaveLength(10_000);
    expect(parsed.items[9_999]).toMatchObject({ key: 'id-9999', title: 'Meldung 9999 & mehr', link: 'https://bote.example/artikel/9999', author: 'Autorin 9999' });
    expect(seen.length).toBeGreaterThanOrEqual(100);
    expect(seen.at(-1)).toEqual([10_000, 10_000]);
    expect(seen.every(([done], i) => i === 0 || done >= (seen[i - 1]?.[0] ?? 0))).toBe(true);
  });
});

describe('a redirect to a file: address', () => {
  it('is refused, naming the address it led to', async () => {
    const error = await fetchDocument(`${base}/weiter`).catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ code: 'badRedirect', detail: 'file:///etc/passwd' });
    const result = await runCli(['import', `${base}/weiter`, '--library', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`newsbridge: ${base}/weiter redirected to "file:///etc/passwd", which is not an http(s) address; stopped\n`);
  });

  it('is one failed feed in a refresh, the same words', async () => {
    const lib = tempDir();
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${base}/weiter\n`);
    const opened = await openLibrary(lib);
    if (!opened.ok) throw new Error(opened.message);
    const summary = await refreshFeeds({ root: opened.root, stateDir: tempDir(), env: {} });
    expect(summary.feeds[0]?.outcome).toBe('failed');
    expect(summary.feeds[0]?.error).toContain('redirected to "file:///etc/passwd"');
  });
});

describe('item fields built to attack a terminal', () => {
  it('reach neither the files nor the output', async () => {
    const esc = '\u001B';
    hostile.set('/boese.xml', {
      status: 200,
      headers: { 'content-type': 'application/rss+xml' },
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Bote${esc}]0;pwned${esc}\\</title><link>https://bote.example/</link>
<item><title>Titel ${esc}[31mrot${esc}[0m &#x202E;umgedreht</title><guid>${esc}[2Jg-1</guid><link>https://bote.example/a</link>
<description>Die Stadt Beispielheim baut eine neue Brücke über den Fluss. ${esc}[5n Sie kostet zwölf Millionen Euro.</description></item></channel></rss>`,
    });
    const lib = tempDir();
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${base}/boese.xml\n    fullText: false\n`);
    const result = await runCli(['refresh', '--library', lib], { NEWSBRIDGE_STATE_DIR: tempDir() });
    expect(result.code).toBe(0);
    expect(hasControlCharacters(result.stdout + result.stderr)).toBe(false);
    const opened = await openLibrary(lib);
    if (!opened.ok) throw new Error(opened.message);
    const [entry] = await listLibrary(opened.root);
    expect(entry?.ok).toBe(true);
    if (!entry?.ok) return;
    expect(entry.summary.title.de).toBe('Titel rot umgedreht');
    expect(entry.summary.guid).toBe('g-1');
    const validated = await runCli(['validate', '--library', lib]);
    expect(validated.stdout + validated.stderr).not.toContain('control characters');
  });
});
