/**
 * A search in a paragraph of 300 KB, on the built reader in a real terminal: each letter typed
 * is on screen at once (matching is linear in the text and done once per text and query, not
 * once per row drawn), and Q still quits at once. It once took about 15 s per letter, with Q
 * and Ctrl-C ignored meanwhile.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PtySession, expectRestored } from '../helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));

let base: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'newsbridge-longsearch-'));
  const sentence = 'Der Bau der großen Brücke über den Fluss dauert länger als geplant. ';
  const paragraph = sentence.repeat(Math.ceil(300_000 / sentence.length));
  mkdirSync(path.join(base, 'library', 'lang'), { recursive: true });
  writeFileSync(path.join(base, 'library', 'lang', 'article.de.md'), `---\ntitle: Ein langer Absatz\nsource: Probeblatt\npublished: 2025-03-02T10:00:00+01:00\n---\n\n${paragraph}\n\nEin zweiter Absatz über Straßen.\n`);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('searching a 300 KB paragraph', () => {
  it('shows each typed letter at once, finds the matches, and Q quits at once', async () => {
    const pty = new PtySession([process.execPath, BIN, '--library', path.join(base, 'library'), 'lang'], {
      columns: 120,
      rows: 30,
      env: { NEWSBRIDGE_STATE_DIR: path.join(base, 'state'), NEWSBRIDGE_CACHE_DIR: path.join(base, 'cache'), LANG: 'C.UTF-8', NO_COLOR: '' },
    });
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the article', 40_000);
    for (const [i, letter] of [...'grosse'].entries()) {
      const started = Date.now();
      pty.write(i === 0 ? `/${letter}` : letter);
      await pty.waitFor((s) => s.includes(`/${'grosse'.slice(0, i + 1)}█`), `"${letter}" on screen`, 10_000);
      // A letter's frame comes in far less than the 15 s it once took (generous: a busy machine runs this).
      expect(Date.now() - started).toBeLessThan(3000);
    }
    // "grosse" finds "großen" (ß folds to ss); Enter goes to the first match.
    pty.write('\r');
    await pty.waitFor((s) => s.includes('/grosse') && !s.includes('█'), 'the search kept');
    pty.write('Q');
    expectRestored(pty, await pty.exit(10_000));
  }, 90_000);
});
