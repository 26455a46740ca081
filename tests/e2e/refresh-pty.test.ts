/**
 * Following feeds from the library screen, on the built program in a real terminal, against a
 * feed server on 127.0.0.1: R refreshes in the background and the new articles join the list
 * without moving the cursor off its article; F shows one feed; A marks what is shown read and Z
 * takes it back; U goes to the next unread article.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rss2, prose } from '../feeds/feed-fixtures.js';
import { FeedServer } from '../feeds/feed-server.js';
import { PtySession, expectRestored } from '../helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));

let base: string;
const server = new FeedServer();

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'newsbridge-refresh-'));
  await server.start();
  server.set(
    '/bote.xml',
    rss2('Beispielheimer Bote', [
      { guid: 'bote-1', title: 'Brücke eröffnet', text: prose(1).join(' '), date: 'Wed, 15 Jan 2025 09:30:00 +0100' },
      { guid: 'bote-2', title: 'Markt verlegt', text: prose(2).join(' '), date: 'Thu, 16 Jan 2025 09:30:00 +0100' },
    ]),
  );
});
afterAll(async () => {
  await server.stop();
  rmSync(base, { recursive: true, force: true });
});

describe('feeds in the library screen', () => {
  it('refreshes in the background with R: progress, then the new articles in the list, the cursor on its article', async () => {
    const library = path.join(base, 'library');
    mkdirSync(path.join(library, 'eigener-artikel'), { recursive: true });
    writeFileSync(
      path.join(library, 'eigener-artikel', 'article.de.md'),
      '---\ntitle: Ein eigener Artikel\nsource: Probeblatt\npublished: 2025-01-20T10:00:00+01:00\n---\n\nEin Satz.\n',
    );
    writeFileSync(path.join(library, 'feeds.yaml'), `feeds:\n  - url: ${server.url('/bote.xml')}\n    name: Bote\n    fullText: false\n`);
    const pty = new PtySession([process.execPath, BIN, '--library', library], {
      columns: 120,
      rows: 24,
      env: { NEWSBRIDGE_STATE_DIR: path.join(base, 'state'), NEWSBRIDGE_CACHE_DIR: path.join(base, 'cache'), LANG: 'C.UTF-8', NO_COLOR: '' },
    });
    await pty.waitFor((s) => s.includes('Ein eigener Artikel') && s.includes('Enter open'), 'the library');
    pty.write('R');
    const after = await pty.waitFor((s) => s.includes('Markt verlegt') && s.includes('Brücke eröffnet') && s.includes('refreshed: 2 new'), 'the new articles', 30_000);
    // The cursor stayed on the article it was on, now the newest of three.
    expect(after.split('\n').find((l) => l.includes('Ein eigener Artikel'))).toMatch(/^▌/);
    expect(after).toContain('3 articles · 3 unread');
    // One feed shown.
    pty.write('F');
    await pty.waitFor((s) => s.includes('Show articles of') && s.includes('Bote') && s.includes('2 unread of 2'), 'the feed picker');
    pty.write('j\r');
    const bote = await pty.waitFor((s) => s.includes('· Bote · 2 articles'), 'the feed shown');
    expect(bote).not.toContain('Ein eigener Artikel');
    // Everything shown marked read, and back.
    pty.write('A');
    await pty.waitFor((s) => s.includes('2 articles marked as read') && !/2 articles · \d+ unread/.test(s), 'marked read');
    pty.write('Z');
    await pty.waitFor((s) => s.includes('2 articles unread again') && s.includes('2 unread'), 'taken back');
    // Next unread, then open it from there.
    pty.write('U');
    await pty.waitFor((s) => /^▌ ● .*Brücke eröffnet/m.test(s), 'the next unread article selected');
    pty.write('Q');
    expectRestored(pty, await pty.exit());
  }, 60_000);
  it('keeps taking keys while a slow refresh runs, and newer articles arriving above leave the cursor on its article', async () => {
    server.set(
      '/langsam.xml',
      rss2('Langsamer Bote', [
        { guid: 'l-1', title: 'Neues Hallenbad', text: prose(3).join(' '), date: 'Mon, 03 Mar 2025 09:30:00 +0100' },
        { guid: 'l-2', title: 'Neuer Radweg', text: prose(4).join(' '), date: 'Tue, 04 Mar 2025 09:30:00 +0100' },
      ]),
    );
    server.delay('/langsam.xml', 2500);
    const library = path.join(base, 'library-langsam');
    for (const [id, title, day] of [
      ['alt-eins', 'Alte Meldung eins', '2024-05-01'],
      ['alt-zwei', 'Alte Meldung zwei', '2024-04-01'],
      ['alt-drei', 'Alte Meldung drei', '2024-03-01'],
    ] as const) {
      mkdirSync(path.join(library, id), { recursive: true });
      writeFileSync(path.join(library, id, 'article.de.md'), `---\ntitle: ${title}\nsource: Probeblatt\npublished: ${day}T10:00:00+02:00\n---\n\nEin Satz.\n`);
    }
    writeFileSync(path.join(library, 'feeds.yaml'), `feeds:\n  - url: ${server.url('/langsam.xml')}\n    name: Langsam\n    fullText: false\n`);
    const pty = new PtySession([process.execPath, BIN, '--library', library], {
      columns: 120,
      rows: 24,
      env: { NEWSBRIDGE_STATE_DIR: path.join(base, 'state-langsam'), NEWSBRIDGE_CACHE_DIR: path.join(base, 'cache-langsam'), LANG: 'C.UTF-8', NO_COLOR: '' },
    });
    const selected = (s: string, title: string) => s.split('\n').some((l) => l.startsWith('▌') && l.includes(title));
    await pty.waitFor((s) => s.includes('Alte Meldung drei') && s.includes('Enter open'), 'the library');
    pty.write('R');
    await pty.waitFor((s) => s.includes('refreshing feeds: 0 of 1'), 'the refresh under way');
    // The feed answers after 2.5 s: these keys are taken while it runs.
    pty.write('j');
    await pty.waitFor((s) => selected(s, 'Alte Meldung zwei') && s.includes('refreshing feeds'), 'the cursor moved during the refresh');
    pty.write('j');
    await pty.waitFor((s) => selected(s, 'Alte Meldung drei') && s.includes('refreshing feeds'), 'the cursor moved again during the refresh');
    const after = await pty.waitFor((s) => s.includes('Neuer Radweg') && s.includes('refreshed: 2 new'), 'the new articles', 30_000);
    // Two newer articles came in above; the cursor is still on the article it was on.
    expect(selected(after, 'Alte Meldung drei')).toBe(true);
    const rows = after.split('\n');
    expect(rows.findIndex((l) => l.includes('Neuer Radweg'))).toBeLessThan(rows.findIndex((l) => l.includes('Alte Meldung eins')));
    pty.write('Q');
    expectRestored(pty, await pty.exit());
  }, 60_000);
});
