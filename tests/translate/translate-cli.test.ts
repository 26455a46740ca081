import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { englishFile, germanFile, tempDir } from '../helpers/library.js';
import { startChat, startDeepL, startLibreTranslate } from '../helpers/provider-servers.js';
import { allText, draftEnv, ID, SECRET } from './setup.js';

describe('newsbridge translate', () => {
  it('without a provider: says how to configure one (exit 2), and everything else works as before', async () => {
    const config = path.join(tempDir(), 'config.yaml');
    writeFileSync(config, 'theme: dark\n');
    const d = draftEnv('providers: {}');
    const env = { ...d.env, NEWSBRIDGE_CONFIG: config };
    const r = await runCli(['translate', ID, '--library', d.lib], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('newsbridge: no translation provider is configured');
    expect(r.stderr).toContain(`Add one under translate.providers in ${config}`);
    expect(r.stderr).toContain('DEEPL_AUTH_KEY');
    // A dry run still shows what would be sent.
    const dry = await runCli(['translate', ID, '--library', d.lib, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('¶1.2  (29)  Sie kostet 12 Millionen Euro.');
    expect(dry.stderr).toContain('Would send 196 characters of German (no provider is configured yet)');
    expect((await runCli(['list', '--library', d.lib], env)).stdout).toContain('[untranslated]');
  });

  it('--dry-run prints every sentence and its size, sends nothing, and marks what the cache has', async () => {
    const server = await startLibreTranslate();
    const d = draftEnv(`providers:\n  libre: { type: libretranslate, url: "${server.url}" }`);
    const dry = await runCli(['translate', ID, '--library', d.lib, '--dry-run'], d.env);
    expect(dry.stdout.split('\n')).toEqual([
      `${ID}: would draft the title, the dek and 2 paragraphs:`,
      '  the title  (28)  Neue Brücke für Beispielheim',
      '  the dek  (36)  Die Stadt investiert in den Verkehr.',
      '  ¶1.1  (45)  Die Stadt Beispielheim baut eine neue Brücke.',
      '  ¶1.2  (29)  Sie kostet 12 Millionen Euro.',
      '  ¶2.1  (32)  Der Bau beginnt am 3. März 2025.',
      '  ¶2.2  (26)  Er soll zwei Jahre dauern.',
      '',
    ]);
    expect(dry.stderr).toBe(`Would send 196 characters of German to libre at ${server.url}; 0 more are cached and cost nothing.\n`);
    expect(server.requests).toHaveLength(0);
    const drafted = await runCli(['translate', ID, '--library', d.lib], d.env);
    expect(drafted.stdout).toBe(`${ID}: drafted the title, the dek and 2 paragraphs (196 characters sent, 0 from the cache)\n`);
    expect(drafted.stderr).toBe('1 article drafted with libre (libretranslate): 196 characters sent, 0 from the cache.\n');
    const again = await runCli(['translate', ID, '--library', d.lib, '--dry-run', '--force'], d.env);
    expect(again.stdout).toContain('  ¶1.2  (cached)  Sie kostet 12 Millionen Euro.');
    expect(again.stderr).toContain('Would send 0 characters of German');
    const list = await runCli(['list', '--library', d.lib, '--json'], d.env);
    expect(JSON.parse(list.stdout)).toMatchObject({ format: 'newsbridge.list', articles: [{ id: ID, translation: 'machine', title: { en: 'New bridge for Beispielheim' } }] });
  });

  it('--untranslated drafts every article that is not reviewed and has something to draft, and names the one it skips', async () => {
    const server = await startLibreTranslate();
    const d = draftEnv(`providers:\n  libre: { type: libretranslate, url: "${server.url}" }`, {
      'a-new': { de: germanFile({ published: '2025-01-10T09:00:00+01:00' }) },
      'b-done': { de: germanFile({ published: '2025-01-11T09:00:00+01:00' }), en: englishFile() },
      'c-half': { de: germanFile({ published: '2025-01-12T09:00:00+01:00' }), en: englishFile({ status: 'draft', paragraphs: ['The town of Beispielheim is building a new bridge. It costs 12 million euros.', '<!-- untranslated -->'] }) },
    });
    const r = await runCli(['translate', '--untranslated', '--library', d.lib], d.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('a-new: drafted the title, the dek and 2 paragraphs (196 characters sent, 0 from the cache)\nc-half: drafted 1 paragraph (0 characters sent, 58 from the cache)\n');
    expect((await runCli(['translate', 'b-done', '--library', d.lib], d.env)).stdout).toBe('b-done: reviewed; nothing in a reviewed article is drafted\n');
    expect((await runCli(['translate', 'a-new', '--library', d.lib], d.env)).stdout).toBe('a-new: nothing to draft: everything has English\n');
  });

  it('refuses bad usage with exit 2: no ids, ids and --untranslated, unknown ids and providers, a missing key', async () => {
    const server = await startDeepL();
    const d = draftEnv(`provider: deepl\nproviders:\n  deepl: { type: deepl, serverUrl: "${server.url}" }\n  other: { type: deepl, serverUrl: "${server.url}", keyEnv: OTHER_KEY }`);
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [['translate'], d.env, 'name the articles to draft, or give --untranslated'],
      [['translate', ID, '--untranslated'], d.env, 'give article ids or --untranslated, not both'],
      [['translate', 'gibt-es-nicht'], d.env, 'no article "gibt-es-nicht"'],
      [['translate', ID, '--provider', 'google'], d.env, 'no provider "google" in the config (configured: deepl, other)'],
      [['translate', ID, '--provider', 'other'], d.env, 'other: no key: set the environment variable OTHER_KEY to it'],
      [['translate', ID], { ...d.env, DEEPL_AUTH_KEY: '' }, 'deepl: no key: set the environment variable DEEPL_AUTH_KEY to it'],
    ];
    for (const [args, env, message] of cases) {
      const r = await runCli([...args, '--library', d.lib], env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('a provider’s failure is one line naming it, exit 1, and says what was kept', async () => {
    const server = await startDeepL();
    const d = draftEnv(`retries: 0\nproviders:\n  deepl: { type: deepl, serverUrl: "${server.url}", glossary: false }`);
    server.script.push({}, {}, { status: 456, body: '{"message":"Quota Exceeded"}' });
    const r = await runCli(['translate', ID, '--library', d.lib], d.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${ID}: drafted the title and the dek (64 characters sent, 0 from the cache)\n`);
    expect(r.stderr).toBe('newsbridge: deepl: the quota is used up (HTTP 456); no more drafts until it is renewed or raised\nWhat was drafted before the error is saved: the title and the dek.\n');
    server.script.push({ status: 403, body: '{"message":"Wrong key"}' });
    const auth = await runCli(['translate', ID, '--library', d.lib], d.env);
    expect(auth.stderr).toBe('newsbridge: deepl: the key was refused (HTTP 403); check the key in DEEPL_AUTH_KEY\nNothing was written.\n');
    const de = await runCli(['translate', ID, '--library', d.lib, '--ui-lang', 'de'], { ...d.env, DEEPL_AUTH_KEY: SECRET });
    expect(de.stdout).toContain('Entwurf für 2 Absätze');
  });

  it('never lets the key into a file, the cache, the state or any output, whatever happens', async () => {
    const deepl = await startDeepL();
    const chat = await startChat();
    const libre = await startLibreTranslate();
    const d = draftEnv(
      [
        'retries: 0',
        'provider: deepl',
        'providers:',
        `  deepl: { type: deepl, serverUrl: "${deepl.url}" }`,
        `  chat: { type: openai, baseUrl: "${chat.url}", model: m }`,
        `  libre: { type: libretranslate, url: "${libre.url}" }`,
      ].join('\n'),
    );
    const runs: string[] = [];
    const run = async (args: string[]) => {
      const r = await runCli([...args, '--library', d.lib], d.env);
      runs.push(r.stdout, r.stderr);
    };
    // Errors whose bodies quote the key back, for every provider.
    deepl.script.push({ status: 403, body: JSON.stringify({ message: `bad key ${SECRET}` }) });
    await run(['translate', ID]);
    deepl.script.push({ status: 400, body: JSON.stringify({ message: `cannot use ${SECRET}` }) });
    await run(['translate', ID]);
    chat.script.push({ status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${SECRET}` } }) });
    await run(['translate', ID, '--provider', 'chat']);
    chat.script.push({ status: 400, body: JSON.stringify({ error: { message: `model not found for ${SECRET}` } }) });
    await run(['translate', ID, '--provider', 'chat']);
    libre.script.push({ status: 400, body: JSON.stringify({ error: `bad request ${SECRET}` }) });
    await run(['translate', ID, '--provider', 'libre']);
    await run(['translate', ID, '--dry-run']);
    await run(['translate', ID]);
    await run(['translate', ID, '--provider', 'chat', '--force']);
    await run(['list']);
    await run(['validate']);
    await run(['config', 'check']);
    expect(runs.join('\n')).toContain('deepl: the request was refused (HTTP 400): cannot use ***');
    expect(runs.join('\n')).toContain('chat: the request was refused (HTTP 400): model not found for ***');
    expect(runs.join('\n')).not.toContain(SECRET);
    expect(allText(d.lib, d.cache, d.state, path.dirname(d.config))).not.toContain(SECRET);
    expect(allText(d.lib)).toContain('machine:');
    // The key did go where it belongs: to the providers.
    expect(deepl.requests.some((r) => r.headers.authorization === `DeepL-Auth-Key ${SECRET}`)).toBe(true);
  });

  it('works from the built program too (deepl-node bundled)', async () => {
    const server = await startDeepL();
    const d = draftEnv(`providers:\n  deepl: { type: deepl, serverUrl: "${server.url}" }`);
    const bin = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'translate', ID, '--library', d.lib], { env: { PATH: process.env['PATH'], HOME: d.state, ...d.env } });
    expect(stdout).toBe(`${ID}: drafted the title, the dek and 2 paragraphs (196 characters sent, 0 from the cache)\n`);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v2/glossaries',
      'POST /v2/glossaries',
      'POST /v2/translate',
      'POST /v2/translate',
      'POST /v2/translate',
      'POST /v2/translate',
      'DELETE /v2/glossaries/g-1',
    ]);
  });
});
