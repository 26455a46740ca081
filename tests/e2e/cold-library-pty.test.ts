/**
 * A library with no index yet: the reader opens on its newest articles while the rest is read
 * (in worker threads), answers keys at once, and takes in the rest without losing them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PtySession, expectRestored } from '../helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));
/** More than one batch of the listing, and over the count at which worker threads read. */
const COUNT = 6000;

let base: string;
let library: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'newsbridge-cold-'));
  library = path.join(base, 'library');
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; i < COUNT; i++) {
    const when = new Date(start + i * 86_400_000);
    const id = `${when.toISOString().slice(0, 10)}-meldung-${i}`;
    mkdirSync(path.join(library, id), { recursive: true });
    const published = `${when.toISOString().slice(0, 19)}+01:00`;
    writeFileSync(path.join(library, id, 'article.de.md'), `---\ntitle: Meldung ${i + 1}\nsource: Probeblatt\npublished: ${published}\n---\n\nEin Satz über Meldung ${i + 1}.\n`);
  }
}, 60_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('a library opened for the first time', () => {
  it('answers G at once, and the end it goes to is the oldest article once the rest is read', async () => {
    const pty = new PtySession([process.execPath, BIN, '--library', library], {
      columns: 100,
      rows: 30,
      env: { NEWSBRIDGE_STATE_DIR: path.join(base, 'state'), NEWSBRIDGE_CACHE_DIR: path.join(base, `cache-${Date.now()}`), LANG: 'C.UTF-8', NO_COLOR: '' },
    });
    // The count is the library's from the first frame on, whether or not the rest is read yet.
    await pty.waitFor((s) => s.includes(`${COUNT.toLocaleString('en')} articles`) && s.includes('Meldung 6000'), 'the first frame');
    pty.write('G');
    const end = await pty.waitFor((s) => s.includes(`${COUNT}/${COUNT}`), 'the last article selected');
    expect(end).toMatch(/▌.*Meldung 1\b/);
    expect(end).not.toContain('reading the library');
    pty.write('q');
    const exit = await pty.exit();
    expect(exit.exit).toBe(0);
    expectRestored(pty, exit);
  }, 60_000);
});
