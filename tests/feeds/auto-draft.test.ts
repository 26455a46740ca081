// `translate: auto` in a feed's entry: after a refresh its new articles get machine drafts, within
// the per-refresh budget, from a chat-completions server on 127.0.0.1; the config file's `feeds:`
// section gives the defaults for entries that leave fullText and translate out.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from '../helpers/library.js';
import { startChat, type FakeServer } from '../helpers/provider-servers.js';
import { articlePage, prose, rss2, teaser, type FixtureItem } from './feed-fixtures.js';
import { FeedServer } from './feed-server.js';

const server = new FeedServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

let lib = '';
let env: NodeJS.ProcessEnv = {};
let config = '';

beforeEach(() => {
  lib = tempDir();
  config = path.join(tempDir(), 'config.yaml');
  env = { NEWSBRIDGE_STATE_DIR: tempDir(), NEWSBRIDGE_CACHE_DIR: tempDir(), NEWSBRIDGE_CONFIG: config };
  server.clearTricks();
  server.requests.length = 0;
});

const cli = (args: string[]) => runCli([...args, '--library', lib], env);

function items(prefix: string, count: number): FixtureItem[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `${prefix}-${i + 1}`,
    title: `${prefix} Meldung ${i + 1}`,
    link: `/${prefix}/seite-${i + 1}.html`,
    text: teaser(i + 1),
    date: `Wed, ${String(10 + i).padStart(2, '0')} Jan 2025 09:30:00 +0100`,
  }));
}

const articleIds = () => readdirSync(lib).filter((n) => !n.startsWith('.') && n !== 'feeds.yaml');
const english = (id: string) => {
  const file = path.join(lib, id, 'article.en.md');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};
const germanOf = (id: string) => readFileSync(path.join(lib, id, 'article.de.md'), 'utf8');
/** The German sentences the chat server was asked to translate, in order. */
const asked = (chat: FakeServer) =>
  chat.requests.flatMap((r) => {
    const body = JSON.parse(r.body) as { messages: { role: string; content: string }[] };
    return (JSON.parse(body.messages.find((m) => m.role === 'user')?.content ?? '{}') as { sentences: string[] }).sentences;
  });

describe('feeds with translate: auto', () => {
  it('drafts the new articles after a refresh within the budget, and what the budget left on a later refresh', async () => {
    const chat = await startChat();
    server.set('/auto.xml', rss2('Auto-Bote', items('auto', 2)));
    server.set('/plain.xml', rss2('Schlichter Bote', items('plain', 1)));
    writeFileSync(
      path.join(lib, 'feeds.yaml'),
      `feeds:\n  - url: ${server.url('/auto.xml')}\n    fullText: false\n    translate: auto\n  - url: ${server.url('/plain.xml')}\n    fullText: false\n`,
    );
    // One article's title and teaser (about 100 characters each) fit; two do not.
    writeFileSync(config, `translate:\n  providers:\n    chat: { type: openai, baseUrl: "${chat.url}", model: test-model }\nfeeds:\n  draftBudget: 150\n`);

    const first = await cli(['refresh']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Machine drafts with chat (test-model) for feeds set to translate: auto: 1 article;');
    expect(first.stdout).toContain('1 article is left for a later refresh');
    const ids = articleIds();
    expect(ids).toHaveLength(3);
    const autoIds = ids.filter((id) => germanOf(id).includes(`feed: ${server.url('/auto.xml')}`));
    const plainId = ids.find((id) => !autoIds.includes(id)) ?? '';
    const drafted = autoIds.filter((id) => english(id).includes('machine:'));
    expect(drafted).toHaveLength(1);
    expect(english(drafted[0] ?? '')).toContain('EN: Beispielheim stellt Bericht Nummer');
    // Only the auto feed's German went out, and the other feed's article is untouched.
    expect(asked(chat).every((s) => !s.startsWith('plain'))).toBe(true);
    expect(english(plainId)).not.toContain('machine:');
    const list = JSON.parse((await cli(['list', '--json'])).stdout) as { articles: { id: string; translation: string }[] };
    expect(list.articles.find((a) => a.id === drafted[0])?.translation).toBe('machine');

    // Nothing new in the feed (304), but the article the budget left is drafted now.
    const second = await cli(['refresh', '--json']);
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout.trim().split('\n').pop() ?? '{}') as { counts: { newArticles: number }; drafts: { ok: boolean; drafted: string[]; leftForLater: string[]; provider: string } };
    expect(summary.counts.newArticles).toBe(0);
    expect(summary.drafts).toMatchObject({ ok: true, provider: 'chat', leftForLater: [] });
    expect(summary.drafts.drafted).toEqual(autoIds.filter((id) => !drafted.includes(id)));
    expect(autoIds.every((id) => english(id).includes('machine:'))).toBe(true);

    // Everything drafted: a third refresh sends nothing.
    const before = chat.requests.length;
    const third = await cli(['refresh']);
    expect(third.code).toBe(0);
    expect(third.stdout).not.toContain('Machine drafts');
    expect(chat.requests.length).toBe(before);
  });

  it('still brings the articles in without a provider, and says in one line why nothing was drafted', async () => {
    server.set('/auto.xml', rss2('Auto-Bote', items('ohne', 1)));
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${server.url('/auto.xml')}\n    fullText: false\n    translate: auto\n`);
    writeFileSync(config, 'theme: dark\n');
    const result = await cli(['refresh']);
    expect(result.code).toBe(0);
    expect(articleIds()).toHaveLength(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`No machine drafts for 127.0.0.1:${new URL(server.base).port}/auto.xml (translate: auto): no translation provider is configured. Add one under translate.providers`);
  });

  it('a provider failure is one line naming it and the refresh exits 1, with the articles kept', async () => {
    const chat = await startChat();
    chat.script.push({ status: 401, body: '{"error":{"message":"bad key"}}' });
    server.set('/auto.xml', rss2('Auto-Bote', items('fehl', 1)));
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${server.url('/auto.xml')}\n    fullText: false\n    translate: auto\n`);
    writeFileSync(config, `translate:\n  retries: 0\n  providers:\n    chat: { type: openai, baseUrl: "${chat.url}", model: test-model }\n`);
    const result = await cli(['refresh']);
    expect(result.code).toBe(1);
    expect(articleIds()).toHaveLength(1);
    expect(result.stderr).toMatch(/^Machine drafts stopped: .*chat/m);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('takes fullText and translate from the config file for entries that leave them out', async () => {
    const chat = await startChat();
    const list = items('vorgabe', 1);
    server.set('/vorgabe.xml', rss2('Vorgabe-Bote', list));
    server.set('/aus.xml', rss2('Aus-Bote', items('aus', 1)));
    server.set('/vorgabe/seite-1.html', articlePage('vorgabe Meldung 1', prose(1)));
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${server.url('/vorgabe.xml')}\n  - url: ${server.url('/aus.xml')}\n    translate: off\n    fullText: false\n`);
    writeFileSync(config, `translate:\n  providers:\n    chat: { type: openai, baseUrl: "${chat.url}", model: test-model }\nfeeds:\n  fullText: false\n  translate: auto\n`);
    const result = await cli(['refresh']);
    expect(result.code).toBe(0);
    // fullText: false from the config: the item's page was not fetched.
    expect(server.requestsFor('/vorgabe/seite-1.html')).toHaveLength(0);
    const ids = articleIds();
    const vorgabe = ids.find((id) => germanOf(id).includes(`feed: ${server.url('/vorgabe.xml')}`)) ?? '';
    const aus = ids.find((id) => id !== vorgabe) ?? '';
    expect(english(vorgabe)).toContain('machine:');
    expect(english(aus)).not.toContain('machine:');
    const feeds = JSON.parse((await cli(['feeds', 'list', '--json'])).stdout) as { feeds: { url: string; fullText: boolean; translate: string }[] };
    expect(feeds.feeds.map((f) => [f.fullText, f.translate])).toEqual([
      [false, 'auto'],
      [false, 'off'],
    ]);
  });
});
