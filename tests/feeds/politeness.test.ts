// How many requests a refresh has in flight: a small cap overall, and one at a time per host
// (a host is its name and port, so servers on several ports of 127.0.0.1 are several hosts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/content/load-library.js';
import { refreshFeeds } from '../../src/feeds/refresh.js';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from '../helpers/library.js';
import { articlePage, prose, rss2, teaser } from './feed-fixtures.js';
import { FeedServer } from './feed-server.js';

const servers = Array.from({ length: 6 }, () => new FeedServer());
beforeAll(() => Promise.all(servers.map((s) => s.start())));
afterAll(() => Promise.all(servers.map((s) => s.stop())));

const NO_PROXY_ENV = { PATH: process.env['PATH'] ?? '' };

function feedsYaml(lib: string, urls: string[], fullText = false): void {
  writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n${urls.map((u) => `  - url: ${u}\n    fullText: ${fullText}\n`).join('')}`);
}

async function refreshLibrary(lib: string) {
  const opened = await openLibrary(lib);
  if (!opened.ok) throw new Error(opened.message);
  return refreshFeeds({ root: opened.root, stateDir: tempDir(), env: NO_PROXY_ENV, net: { retry: { retries: 0, baseDelayMs: 10, maxWaitMs: 100 } } });
}

/** Every running total of requests in flight across all servers, sampled as they change. */
function watchOverall(): { max: () => number; stop: () => void } {
  let max = 0;
  const timer = setInterval(() => (max = Math.max(max, servers.reduce((n, s) => n + s.inFlight, 0))), 5);
  return { max: () => max, stop: () => clearInterval(timer) };
}

describe('a refresh is polite', () => {
  it('asks one host one thing at a time: feeds and full-text pages of one server never overlap', async () => {
    const [one] = servers as [FeedServer];
    one.clearTricks();
    one.delay('/', 60);
    const urls: string[] = [];
    for (let f = 1; f <= 3; f++) {
      one.set(`/f${f}.xml`, rss2(`Bote ${f}`, [{ guid: `f${f}-1`, title: `Meldung ${f}`, link: `/f${f}/seite.html`, text: teaser(f) }]));
      one.set(`/f${f}/seite.html`, articlePage(`Meldung ${f}`, prose(f)));
      urls.push(one.url(`/f${f}.xml`));
    }
    const lib = tempDir();
    feedsYaml(lib, urls, true);
    const summary = await refreshLibrary(lib);
    expect(summary.counts.newArticles).toBe(3);
    expect(one.requests.filter((r) => r.path.endsWith('seite.html'))).toHaveLength(3);
    expect(one.maxInFlight).toBe(1);
  });

  it('has at most four requests in flight overall, and does use more than one at a time', async () => {
    const urls: string[] = [];
    for (const [i, s] of servers.entries()) {
      s.clearTricks();
      s.delay('/', 150);
      s.set('/feed.xml', rss2(`Bote ${i}`, [{ guid: `g${i}`, title: `Meldung ${i}`, text: teaser(i) }]));
      urls.push(s.url('/feed.xml'));
    }
    const lib = tempDir();
    feedsYaml(lib, urls);
    const watch = watchOverall();
    const t0 = Date.now();
    const summary = await refreshLibrary(lib);
    watch.stop();
    expect(summary.counts.newArticles).toBe(6);
    expect(watch.max()).toBeGreaterThan(1);
    expect(watch.max()).toBeLessThanOrEqual(4);
    // Six answers of 150 ms, four at a time: two rounds, not one and not six.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    for (const s of servers) expect(s.maxInFlight).toBe(1);
  });
});

describe('refresh on a terminal', () => {
  it('keeps a line per feed and redraws the lines in place, then prints the summary', async () => {
    const [a, b] = servers as [FeedServer, FeedServer];
    for (const s of [a, b]) {
      s.clearTricks();
      s.set('/tty.xml', rss2('Bote', [{ guid: 'tty-1', title: 'Meldung', text: teaser(1) }]));
    }
    const lib = tempDir();
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${a.url('/tty.xml')}\n    name: Erster\n    fullText: false\n  - url: ${b.url('/tty.xml')}\n    name: Zweiter\n    fullText: false\n`);
    const result = await runCli(['refresh', '--library', lib], { NEWSBRIDGE_STATE_DIR: tempDir(), NEWSBRIDGE_CACHE_DIR: tempDir() }, { tty: true, columns: 100 });
    expect(result.code).toBe(0);
    // First drawn waiting, then moved back up over both lines (ESC [ 2 F) and each line cleared (ESC [ 2 K).
    expect(result.stdout.startsWith('\u001B[2KErster: waiting')).toBe(true);
    expect(result.stdout).toContain('\u001B[2F\u001B[2KErster: 1 new');
    const last = result.stdout.lastIndexOf('\u001B[2KZweiter: 1 new, 0 updated, 0 unchanged\n');
    expect(last).toBeGreaterThan(0);
    expect(result.stdout.indexOf('Done, 2 feeds', last)).toBeGreaterThan(last);
  });
});
