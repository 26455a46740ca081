import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { chooseProvider } from '../../src/translate/choose-provider.js';
import { draftArticle } from '../../src/translate/draft-article.js';
import { SYSTEM_PROMPT } from '../../src/translate/providers/openai.js';
import { chatReply, startChat, startDeepL, startLibreTranslate } from '../helpers/provider-servers.js';
import { factsFile, germanFile } from '../helpers/library.js';
import { draftEnv, ID, SECRET } from './setup.js';

const form = (body: string) => new URLSearchParams(body);

describe('DeepL (deepl-node against a local /v2 server)', () => {
  it('sends every sentence as its own text with the key, languages, formality, context and the article’s glossary', async () => {
    const server = await startDeepL();
    const d = draftEnv(`providers:\n  deepl: { type: deepl, serverUrl: "${server.url}", formality: prefer_less, model: quality_optimized }`);
    const outcome = await draftArticle(d.drafter(), { root: d.root, id: ID, now: new Date(2026, 10, 30) });
    expect(outcome.error).toBeUndefined();
    expect(outcome.drafted.map((p) => p.key)).toEqual(['title', 'dek', 0, 1]);

    const translations = server.requests.filter((r) => r.path === '/v2/translate');
    expect(translations).toHaveLength(4);
    for (const r of server.requests) expect(r.headers.authorization).toBe(`DeepL-Auth-Key ${SECRET}`);
    const paragraph = form(translations[2]?.body ?? '');
    expect(paragraph.getAll('text')).toEqual(['Die Stadt Beispielheim baut eine neue Brücke.', 'Sie kostet 12 Millionen Euro.']);
    expect(paragraph.get('source_lang')).toBe('de');
    expect(paragraph.get('target_lang')).toBe('en-GB');
    expect(paragraph.get('formality')).toBe('prefer_less');
    expect(paragraph.get('model_type')).toBe('quality_optimized');
    expect(paragraph.get('context')).toBe('Die Stadt Beispielheim baut eine neue Brücke. Sie kostet 12 Millionen Euro.');
    // The glossary: made once for the article, used by every request, deleted afterwards.
    const created = server.requests.find((r) => r.method === 'POST' && r.path === '/v2/glossaries');
    expect(form(created?.body ?? '').get('entries')).toBe('Brücke\tbridge');
    expect(form(created?.body ?? '').get('source_lang')).toBe('de');
    expect(new Set(translations.map((r) => form(r.body).get('glossary_id')))).toEqual(new Set(['g-1']));
    expect(server.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/v2/glossaries/g-1' });

    const en = d.en();
    expect(en).toContain('The town of Beispielheim is building a new bridge. It costs 12 million euros.');
    expect(en).toContain('title: New bridge for Beispielheim');
    expect(en).toMatch(/"1": \{ provider: deepl, model: quality_optimized, date: 2026-11-30, hash: [0-9a-f]{12} \}/);
  });

  it('gives drafts running side by side a glossary each, and sweeps up what a killed run left a day ago', async () => {
    const server = await startDeepL(new Map([['old-1', { name: 'newsbridge 0123456789abcdef 00000000', entries: 'a\tb', created: '2020-01-01T00:00:00Z' }], ['mine', { name: 'my own glossary', entries: 'x\ty', created: '2020-01-01T00:00:00Z' }]]));
    const d = draftEnv(`providers:\n  deepl: { type: deepl, serverUrl: "${server.url}" }`, {
      [ID]: { de: germanFile(), facts: factsFile() },
      'zweite-bruecke': { de: germanFile({ title: 'Zweite Brücke' }), facts: factsFile() },
    });
    const drafter = d.drafter();
    const [a, b] = await Promise.all([draftArticle(drafter, { root: d.root, id: ID }), draftArticle(drafter, { root: d.root, id: 'zweite-bruecke' })]);
    expect(a.error).toBeUndefined();
    expect(b.error).toBeUndefined();
    const created = server.requests.filter((r) => r.method === 'POST' && r.path === '/v2/glossaries').map((r) => form(r.body).get('name'));
    expect(created).toHaveLength(2);
    expect(new Set(created).size).toBe(2);
    // The leftover is gone, the user's own glossary and nothing of ours is left.
    expect([...server.glossaries.values()].map((g) => g.name)).toEqual(['my own glossary']);
  });

  it('leaves the glossary out when facts.yaml has none, and formality when it is the default', async () => {
    const server = await startDeepL();
    const d = draftEnv(`providers:\n  deepl: { type: deepl, serverUrl: "${server.url}" }`, { [ID]: { de: germanFile() } });
    await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/translate']);
    const sent = form(server.requests[0]?.body ?? '');
    expect(sent.has('formality')).toBe(false);
    expect(sent.has('glossary_id')).toBe(false);
  });

  it('names each failure in one line: 403, 401, 456, 429, 5xx, timeout, unreachable', async () => {
    const server = await startDeepL();
    const d = draftEnv(`retries: 1\nmaxRetryWait: 5\nproviders:\n  deepl: { type: deepl, serverUrl: "${server.url}", glossary: false, timeout: 0.3 }`);
    const kind = async (...script: typeof server.script) => {
      server.script.push(...script);
      const outcome = await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] });
      server.script.length = 0;
      return outcome.error && { kind: outcome.error.kind, status: outcome.error.details.status, retryAfter: outcome.error.details.retryAfter };
    };
    expect(await kind({ status: 403, body: '{"message":"Wrong key"}' })).toEqual({ kind: 'auth', status: 403, retryAfter: undefined });
    expect(await kind({ status: 401, body: '' })).toMatchObject({ kind: 'auth', status: 401 });
    expect(await kind({ status: 456, body: '{"message":"Quota exceeded"}' })).toMatchObject({ kind: 'quota', status: 456 });
    expect(await kind({ status: 429, headers: { 'Retry-After': '0' } }, { status: 429, headers: { 'Retry-After': '0' } })).toMatchObject({ kind: 'rateLimited', status: 429 });
    expect(await kind({ status: 429, headers: { 'Retry-After': '120' } })).toEqual({ kind: 'rateLimited', status: 429, retryAfter: 120 });
    expect(await kind({ status: 503 }, { status: 503 })).toMatchObject({ kind: 'server', status: 503 });
    expect(await kind({ delay: 1500, status: 200, body: '{"translations":[]}' })).toMatchObject({ kind: 'timeout' });
    await server.close();
    expect(await kind()).toMatchObject({ kind: 'unreachable' });
  });

  it('honours Retry-After on a 429 and then succeeds', async () => {
    const server = await startDeepL();
    const d = draftEnv(`providers:\n  deepl: { type: deepl, serverUrl: "${server.url}", glossary: false }`);
    server.script.push({ status: 429, headers: { 'Retry-After': '1' } });
    const started = Date.now();
    const outcome = await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] });
    expect(outcome.error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests.filter((r) => r.path === '/v2/translate')).toHaveLength(2);
    expect(d.en()).toContain('It costs 12 million euros.');
  });
});

describe('LibreTranslate (/translate)', () => {
  it('sends the sentences as q with source, target and api_key, and writes what comes back', async () => {
    const server = await startLibreTranslate();
    const d = draftEnv(`providers:\n  libre: { type: libretranslate, url: "${server.url}" }`);
    const outcome = await draftArticle(d.drafter(), { root: d.root, id: ID });
    expect(outcome.error).toBeUndefined();
    const bodies = server.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies[2]).toEqual({ q: ['Die Stadt Beispielheim baut eine neue Brücke.', 'Sie kostet 12 Millionen Euro.'], source: 'de', target: 'en', format: 'text', api_key: SECRET });
    expect(d.en()).toContain('Construction starts on 3 March 2025. It is expected to take two years.');
    expect(d.en()).toMatch(/"2": \{ provider: libre, model: libretranslate,/);
  });

  it('sends no api_key when none is set, and refuses a reply of the wrong shape without writing', async () => {
    const server = await startLibreTranslate();
    const d = draftEnv(`providers:\n  libre: { type: libretranslate, url: "${server.url}" }`);
    delete d.env['LIBRETRANSLATE_API_KEY'];
    server.script.push({ status: 200, body: JSON.stringify({ translatedText: ['only one'] }) });
    const outcome = await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] });
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).not.toHaveProperty('api_key');
    expect(outcome.error).toMatchObject({ kind: 'badReply', details: { expected: 2 } });
    expect(outcome.drafted).toEqual([]);
    expect(() => d.en()).toThrow();
  });

  it('maps 403 and 429 to their errors', async () => {
    const server = await startLibreTranslate();
    const d = draftEnv(`retries: 0\nproviders:\n  libre: { type: libretranslate, url: "${server.url}" }`);
    server.script.push({ status: 403, body: JSON.stringify({ error: `Invalid API key ${SECRET}` }) });
    const auth = await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] });
    expect(auth.error).toMatchObject({ kind: 'auth', details: { status: 403, keyEnv: 'LIBRETRANSLATE_API_KEY' } });
    // The server's words are kept for the message, but never the key it quoted.
    expect(auth.error?.details.detail).toBe('Invalid API key ***');
    server.script.push({ status: 429, body: JSON.stringify({ error: 'Slowdown: 10 per 1 minute' }) });
    expect((await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] })).error).toMatchObject({ kind: 'rateLimited' });
  });
});

describe('OpenAI-compatible chat completions', () => {
  it('asks for one English sentence per German sentence as a JSON array, with the model, the key and the glossary terms used', async () => {
    const server = await startChat();
    const d = draftEnv(`providers:\n  local: { type: openai, baseUrl: "${server.url}", model: "llama3.1:8b" }`);
    const outcome = await draftArticle(d.drafter(), { root: d.root, id: ID });
    expect(outcome.error).toBeUndefined();
    const request = server.requests[2];
    expect(request?.headers.authorization).toBe(`Bearer ${SECRET}`);
    const body = JSON.parse(request?.body ?? '{}') as { model: string; temperature: number; messages: { role: string; content: string }[] };
    expect(body.model).toBe('llama3.1:8b');
    expect(body.temperature).toBe(0);
    expect(body.messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT });
    expect(JSON.parse(body.messages[1]?.content ?? '')).toEqual({
      sentences: ['Die Stadt Beispielheim baut eine neue Brücke.', 'Sie kostet 12 Millionen Euro.'],
      glossary: [{ de: 'Brücke', en: 'bridge' }],
    });
    // The second paragraph names no glossary term: none is sent with it.
    expect(JSON.parse((JSON.parse(server.requests[3]?.body ?? '{}') as typeof body).messages[1]?.content ?? '')).not.toHaveProperty('glossary');
    const article = await d.article();
    expect(article.paragraphs[0]?.machine).toEqual({ provider: 'local', model: 'llama3.1:8b', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown });
    expect(article.translation).toBe('machine');
  });

  it('takes a base URL that already ends in /v1, and a reply in a code fence', async () => {
    const server = await startChat();
    const d = draftEnv(`providers:\n  local: { type: openai, baseUrl: "${server.url}/v1/", model: m }`);
    server.script.push(chatReply('```json\n["The town of Beispielheim is building a new bridge.", "It costs 12 million euros."]\n```'));
    const outcome = await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] });
    expect(outcome.error).toBeUndefined();
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
  });

  it('refuses every reply that is not exactly a JSON array of as many sentences, and writes nothing', async () => {
    const server = await startChat();
    const d = draftEnv(`providers:\n  local: { type: openai, baseUrl: "${server.url}", model: m }`);
    for (const content of ['["One sentence only."]', '["a", "b", "c"]', 'Here you go: ["a", "b"]', '{"sentences": ["a", "b"]}', '["a", 2]', '["a", "  "]', 'not json']) {
      server.script.push(chatReply(content));
      const outcome = await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] });
      expect(outcome.error?.kind, content).toBe('badReply');
    }
    server.script.push({ status: 200, body: '{"choices": []}' });
    expect((await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] })).error?.kind).toBe('badReply');
    expect(() => d.en()).toThrow();
  });

  it('reads a 429 that says the quota is gone as quota, not as a wait', async () => {
    const server = await startChat();
    const d = draftEnv(`providers:\n  local: { type: openai, baseUrl: "${server.url}", model: m }`);
    server.script.push({ status: 429, body: JSON.stringify({ error: { message: 'You exceeded your current quota, please check your plan and billing details.', code: 'insufficient_quota' } }) });
    expect((await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] })).error).toMatchObject({ kind: 'quota' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('the HTTP providers’ failures (LibreTranslate and chat completions share them)', () => {
  it('times out, finds a server gone, retries a 5xx a bounded number of times, and honours Retry-After', async () => {
    const server = await startChat();
    const d = draftEnv(`retries: 2\nmaxRetryWait: 5\nproviders:\n  local: { type: openai, baseUrl: "${server.url}", model: m, timeout: 0.3 }`);
    const draft = () => draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] });
    server.script.push({ delay: 1500 });
    expect((await draft()).error).toMatchObject({ kind: 'timeout', details: { endpoint: server.url } });
    server.script.length = 0;
    const before = server.requests.length;
    server.script.push({ status: 502 }, { status: 503 }, { status: 500 });
    expect((await draft()).error).toMatchObject({ kind: 'server', details: { status: 500 } });
    expect(server.requests.length - before).toBe(3);
    server.script.push({ status: 429, headers: { 'Retry-After': '1' } });
    const started = Date.now();
    const waited = await draft();
    expect(waited.error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    await server.close();
    expect((await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [1] })).error).toMatchObject({ kind: 'unreachable', details: { endpoint: server.url } });
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const { parseRetryAfter } = await import('../../src/translate/retry.js');
    const now = Date.parse('2026-11-30T12:00:00Z');
    expect(parseRetryAfter('Mon, 30 Nov 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});


describe('DeepL’s free and pro endpoints', () => {
  it('come from plan, else from the key (":fx" keys are free); serverUrl wins over both', () => {
    const endpoint = (settings: string, key: string) => {
      const text = `translate:\n  providers:\n    d: { type: deepl${settings} }\n`;
      const parsed = parseConfig(text, { shown: 'config.yaml', absolute: '/nowhere/config.yaml' });
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
      const choice = chooseProvider(parsed.settings.translate, { DEEPL_AUTH_KEY: key });
      if (!choice.ok) throw new Error(choice.reason);
      return choice.provider.endpoint;
    };
    expect(endpoint('', 'k-1:fx')).toBe('https://api-free.deepl.com');
    expect(endpoint('', 'k-1')).toBe('https://api.deepl.com');
    expect(endpoint(', plan: pro', 'k-1:fx')).toBe('https://api.deepl.com');
    expect(endpoint(', plan: free', 'k-1')).toBe('https://api-free.deepl.com');
    expect(endpoint(', plan: pro, serverUrl: "http://127.0.0.1:9"', 'k-1')).toBe('http://127.0.0.1:9');
  });
});
