import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, listLibrary } from '../../src/content/load-library.js';
import { tempDir } from '../helpers/library.js';
import { articlePage, prose, rss2, teaser, type FixtureItem } from './feed-fixtures.js';
import { FeedServer } from './feed-server.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/newsbridge.js');
const server = new FeedServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

const COUNT = 30;

/** The environment of the child: no proxy from this machine, its own state folder. */
function childEnv(stateDir: string): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '', LANG: 'C', NEWSBRIDGE_STATE_DIR: stateDir };
}

/** Runs the built program without blocking this process (which serves the feed). */
function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

const articleFolders = (lib: string) => readdirSync(lib).filter((n) => /^\d{4}-/.test(n));

describe('a refresh killed half-way', () => {
  it('loses nothing, and the next refresh completes it without copies', async () => {
    const items: FixtureItem[] = Array.from({ length: COUNT }, (_, i) => ({
      guid: `k-${i + 1}`,
      title: `Meldung ${i + 1} aus dem Rathaus`,
      link: `/k/artikel-${i + 1}.html`,
      text: teaser(i + 1),
      date: `Wed, 15 Jan 2025 ${String(i % 24).padStart(2, '0')}:30:00 +0100`,
    }));
    server.set('/k.xml', rss2('Bote', items));
    for (let i = 1; i <= COUNT; i++) server.set(`/k/artikel-${i}.html`, articlePage(`Meldung ${i} aus dem Rathaus`, prose(i)));
    // Each page takes a while, so the refresh is still writing when it is killed.
    server.delay('/k/', 60);
    const lib = tempDir();
    const state = tempDir();
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${server.url('/k.xml')}\n    name: Bote\n`);

    const child = spawn(process.execPath, [BIN, 'refresh', '--library', lib], { env: childEnv(state), stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 30_000;
    while (articleFolders(lib).length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const written = articleFolders(lib).length;
    expect(written).toBeGreaterThanOrEqual(5);
    expect(written).toBeLessThan(COUNT);

    // Everything written so far loads; nothing half-written is listed.
    const opened = await openLibrary(lib);
    if (!opened.ok) throw new Error(opened.message);
    const partial = await listLibrary(opened.root);
    expect(partial.every((e) => e.ok)).toBe(true);

    const again = await runChild(['refresh', '--library', lib], childEnv(state));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`Bote: ${COUNT - written} new, 0 updated, ${written} unchanged`);
    // The killed run had not recorded the feed's validators: the second asked for the whole feed.
    const asks = server.requestsFor('/k.xml');
    expect(asks.at(-1)?.headers['if-none-match']).toBeUndefined();

    const entries = await listLibrary(opened.root);
    expect(entries).toHaveLength(COUNT);
    const guids = entries.map((e) => (e.ok ? e.summary.guid : e.id));
    expect(new Set(guids).size).toBe(COUNT);
    // No temporary folder is left; .schema is the library's copy of the facts.yaml schema.
    expect(readdirSync(lib).filter((n) => n.startsWith('.') && n !== '.schema')).toEqual([]);
    // Every article has its page's text.
    const one = readFileSync(path.join(lib, articleFolders(lib)[0] ?? '', 'article.de.md'), 'utf8');
    expect(one).toContain('textFrom: page');

    const third = await runChild(['refresh', '--library', lib], childEnv(state));
    expect(third.stdout).toContain('Bote: unchanged since the last refresh');
  });
});
