/**
 * Drafting from the reader (D), on the built program in a real terminal, against an
 * OpenAI-style server on 127.0.0.1: the draft appears in place, marked as machine text, and a
 * drafted sentence whose numbers do not match its German is marked and explained.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PtySession, expectRestored } from '../helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));
const KEY = 'sk-reader-test-0b1c2d3e';

let base: string;
let server: Server;
let url: string;
const asked: string[][] = [];

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'newsbridge-draft-'));
  // Answers each German sentence with an English one; "12 Millionen" comes back without its number.
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url !== '/v1/chat/completions' || req.headers.authorization !== `Bearer ${KEY}`) {
        res.writeHead(401).end();
        return;
      }
      const request = JSON.parse(body) as { messages: { role: string; content: string }[] };
      const sentences = (JSON.parse(request.messages.at(-1)?.content ?? '{}') as { sentences: string[] }).sentences;
      asked.push(sentences);
      const english = sentences.map((s) => (s.includes('12 Millionen') ? 'It costs many millions of euros.' : `In English: ${s.replace(/[.?!]$/, '')}.`));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(english) } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

describe('a machine draft from the reader', () => {
  it('drafts the focused paragraph in the background, shows it in place as machine text, and marks numbers that do not match', async () => {
    const library = path.join(base, 'library');
    mkdirSync(path.join(library, 'bruecke'), { recursive: true });
    writeFileSync(
      path.join(library, 'bruecke', 'article.de.md'),
      '---\ntitle: Neue Brücke\nsource: Probeblatt\npublished: 2025-03-02T10:00:00+01:00\n---\n\nDie Stadt baut eine neue Brücke über den Fluss, die viele Jahre halten soll und dem Verkehr dient. Sie kostet 12 Millionen Euro.\n\nDer Bau beginnt im März.\n',
    );
    const config = path.join(base, 'config.yaml');
    writeFileSync(config, `translate:\n  providers:\n    chat: { type: openai, baseUrl: "${url}", model: test-model }\n`);
    const state = path.join(base, 'state');
    const pty = new PtySession([process.execPath, BIN, '--library', library, 'bruecke'], {
      columns: 120,
      rows: 30,
      env: { NEWSBRIDGE_STATE_DIR: state, NEWSBRIDGE_CACHE_DIR: path.join(base, 'cache'), NEWSBRIDGE_CONFIG: config, OPENAI_API_KEY: KEY, LANG: 'C.UTF-8', NO_COLOR: '' },
    });
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)') && s.includes('[not translated yet]'), 'the untranslated article');
    pty.write('D');
    const drafted = await pty.waitFor((s) => s.includes('In English: Die Stadt baut eine neue Brücke'), 'the draft in place', 30_000);
    // Only the focused paragraph was sent, sentence by sentence.
    expect(asked).toEqual([['Die Stadt baut eine neue Brücke über den Fluss, die viele Jahre halten soll und dem Verkehr dient.', 'Sie kostet 12 Millionen Euro.']]);
    expect(drafted).toContain('ENGLISH (machine)');
    expect(drafted).toMatch(/≈ In English: Die Stadt baut eine neue Brücke/);
    // The second paragraph is still untranslated: only the focused one was drafted.
    expect(drafted).toContain('[not translated yet]');
    // The sentence whose number was lost is marked, and the status line says what is missing.
    expect(drafted).toMatch(/≠ .*It costs many/);
    pty.write('j');
    await pty.waitFor((s) => s.includes('the draft lacks numbers of the German: 12 Millionen'), 'what the draft lacks');
    pty.write('Q');
    expectRestored(pty, await pty.exit());
    const english = readFileSync(path.join(library, 'bruecke', 'article.en.md'), 'utf8');
    expect(english).toContain('machine:');
    expect(english).not.toContain(KEY);
  }, 60_000);
});
