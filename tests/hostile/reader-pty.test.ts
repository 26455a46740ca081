/**
 * The built reader on the hostile library, in a real pseudo-terminal: every
 * readable article opens (with its facts panel and glossary), broken ones are
 * explained, and no byte the program writes is an injected control sequence.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library.js';
import { PtySession } from '../helpers/pty.js';
import { makeHostileLibrary, OUTSIDE_SECRET, type HostileLibrary } from './hostile-library.js';
import { foreignSequences } from './terminal-bytes.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));

let lib: HostileLibrary;
beforeAll(() => {
  lib = makeHostileLibrary();
});
afterAll(() => lib.remove());

describe('the allow-list of terminal sequences', () => {
  it('accepts what Ink draws with and rejects what an article could inject', () => {
    const own = ['\u001B[?1049h\u001B[H', '\u001B[2K\u001B[1A\u001B[G', '\u001B[1;32mgrün\u001B[39m', '\u001B[?2026h\u001B[?25l', '▌ Grüße 中文 😀\r\n'];
    expect(foreignSequences(Buffer.from(own.join('')))).toEqual([]);
    const injected = ['\u001B]0;title\u0007', '\u001B]8;;x\u001B\\', '\u001B]52;c;eA==\u0007', '\u001BP+q544e\u001B\\', '\u001B[6n', '\u001B[c', '\u001B[>0c', '\u001B[18t', '\u001Bc', '\u009B6n', 'a\u202Eb', '\u0007', '\u0000'];
    for (const sequence of injected) expect(foreignSequences(Buffer.from(`ok ${sequence} ok`)), JSON.stringify(sequence)).not.toEqual([]);
  });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Presses `key` and waits for `check`. Ink attaches a screen's key handler
 * just after drawing it, so a key sent the instant a new screen appears can
 * miss it: wait a moment first, and press once more if nothing happened.
 */
async function press(pty: PtySession, key: string, check: (screen: string) => boolean, what: string): Promise<string> {
  await pause(60);
  pty.write(key);
  try {
    return await pty.waitFor(check, what, 3000);
  } catch {
    pty.write(key);
    return pty.waitFor(check, what);
  }
}

/** Presses q until the library shows (the panel may need closing first). */
async function backToLibrary(pty: PtySession, id: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const before = await pty.screen();
    if (before.includes('Enter open')) return;
    await press(pty, 'q', (s) => s !== before, `${id}: q to take effect`);
  }
  await pty.waitFor((s) => s.includes('Enter open'), `${id}: back in the library`);
}

describe('the reader on a hostile library', () => {
  it('opens every readable article and its facts, explains the broken ones, and writes nothing foreign', async () => {
    const pty = new PtySession([process.execPath, BIN, '--library', lib.dir], {
      columns: 120,
      rows: 30,
      env: { NEWSBRIDGE_STATE_DIR: tempDir(), NEWSBRIDGE_CACHE_DIR: tempDir(), LANG: 'C.UTF-8', NO_COLOR: '' },
    });
    const total = (await pty.waitFor((s) => s.includes('Quiet morning in Musterstadt'), 'the library')).match(/(\d+) articles/)?.[1];
    // Readable in the library's order, then two whose facts.yaml fails to load (they open all the same).
    const order = [...lib.readable.map((r) => r.id), ...lib.brokenFacts];
    await pty.waitFor((s) => s.includes(`1/${total}`), 'the first row');
    for (const [index, id] of order.entries()) {
      // Both screens are only complete once their last line is drawn (a frame can arrive in pieces).
      const opened = await press(
        pty,
        '\r',
        (s) => /¶ \d+\/\d+/.test(s) || (s.includes(`The article "${id}" cannot be opened`) && s.includes('Esc or q goes back')),
        `${id} opened`,
      );
      expect(opened, `${id} should open`).toMatch(/¶ \d+\/\d+/);
      if (lib.brokenFacts.includes(id)) {
        // The text is there; the panel says why there are no facts.
        await pty.waitFor((s) => s.includes('Ein Satz.'), `${id}: its text`);
        await press(pty, 'f', (s) => s.includes('facts.yaml has') && s.includes('Enter go'), `${id}: the facts panel's note`);
      } else {
        const facts = await press(pty, 'f', (s) => s.includes('Enter go'), `${id}: the facts panel`);
        const glossary = await press(pty, '\t', (s) => s !== facts, `${id}: the glossary`);
        expect(glossary).toMatch(/No glossary yet| — |…/);
        await press(pty, '\t', (s) => s === facts, `${id}: the facts again`);
        if (!facts.includes('No key facts yet')) {
          // Go to the first fact's sentence (in one article it cites a paragraph that does not exist).
          await press(pty, '\r', (s) => s.includes('j/k move'), `${id}: the cited sentence`);
        }
      }
      await backToLibrary(pty, id);
      if (index + 1 < order.length) await press(pty, 'j', (s) => s.includes(`${index + 2}/${total}`), `row ${index + 2}`);
    }
    await press(pty, 'j', (s) => s.includes(`${order.length + 1}/${total}`), 'the first broken row');
    // The broken rows: a folder name made of escape sequences is shown escaped, never run.
    const screen = await pty.waitFor((s) => s.includes('\\u001B]0;folder-title\\u0007name'), 'the escaped folder name');
    expect(screen).toContain('c1\\u009B6nname');
    await press(pty, '\r', (s) => s.includes("cannot be opened: run 'newsbridge validate"), 'the cannot-open notice');
    // Down to the escaped row, wherever the order of the broken rows puts it (it is not a promise).
    const onEscapedRow = (s: string) => s.split('\n').some((l) => l.startsWith('▌') && l.includes('esc\\u001B]0;folder-title'));
    for (let row = order.length + 2; row <= Number(total) && !onEscapedRow(await pty.screen()); row++) {
      await press(pty, 'j', (s) => s.includes(`${row}/${total}`), `row ${row}`);
    }
    expect(onEscapedRow(await pty.screen())).toBe(true);
    await press(pty, '\r', (s) => s.includes('"esc\\u001B]0;folder-title\\u0007name" cannot be opened: run'), 'its notice');
    await pause(60);
    pty.write('q');
    const exit = await pty.exit();
    expect(exit.exit).toBe(0);
    expect(pty.inAlternateScreen()).toBe(false);
    expect(foreignSequences(pty.bytes())).toEqual([]);
    expect(pty.bytes().toString('utf8')).not.toContain(OUTSIDE_SECRET);
  }, 40_000);
});
