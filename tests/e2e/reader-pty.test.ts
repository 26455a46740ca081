import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library.js';
import { PtySession, expectRestored } from '../helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));

function start(args: string[] = [], env: NodeJS.ProcessEnv = {}, size = { columns: 120, rows: 40 }) {
  return new PtySession([process.execPath, BIN, ...args], {
    ...size,
    env: { NEWSBRIDGE_STATE_DIR: tempDir(), LANG: 'C.UTF-8', NO_COLOR: '', ...env },
  });
}


describe('the built reader in a real terminal', () => {
  it('opens the library, reads an article, and gives the terminal back on q', async () => {
    const pty = start();
    await pty.waitFor((s) => s.includes('Amazon cuts jobs in its cloud business!'), 'the library');
    expect(pty.inAlternateScreen()).toBe(true);
    pty.write('\r');
    const reader = await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
    const row = reader.split('\n').find((l) => l.includes('Amazon.com kündigt')) ?? '';
    expect(row).toContain('Amazon.com has announced');
    expect(reader.split('\n').length).toBe(40);
    expect(reader.split('\n')[39]).toBe('');
    pty.write('j');
    await pty.waitFor((s) => /sentence 2\/5/.test(s), 'the cursor on sentence 2');
    pty.write('q');
    await pty.waitFor((s) => /\d+ articles?/.test(s) && s.includes('Enter open'), 'back in the library');
    pty.write('q');
    const exit = await pty.exit();
    expect(exit.exit).toBe(0);
    expectRestored(pty, exit);
  });

  for (const how of ['Ctrl-C', 'Q', 'SIGTERM', 'SIGHUP'] as const) {
    it(`gives the terminal back after ${how}`, async () => {
      const pty = start();
      await pty.waitFor((s) => s.includes('Amazon cuts jobs'), 'the library');
      pty.write('\r');
      await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
      if (how === 'Ctrl-C') pty.write('\u0003');
      else if (how === 'Q') pty.write('Q');
      else pty.signal(how === 'SIGTERM' ? 'TERM' : 'HUP');
      const exit = await pty.exit();
      expectRestored(pty, exit);
    });
  }

  it('uses no colour with NO_COLOR and still marks the focus', async () => {
    const pty = start([], { NO_COLOR: '1' });
    await pty.waitFor((s) => s.includes('Amazon cuts jobs'), 'the library');
    pty.write('\r');
    const screen = await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
    expect(screen).toContain('▌ Amazon.com kündigt');
    pty.write('Q');
    await pty.exit();
    // eslint-disable-next-line no-control-regex
    expect(pty.bytes().toString('latin1')).not.toMatch(/\u001B\[(?:[0-9;]*;)?(?:3[0-79]|4[0-79]|9[0-7]|10[0-7]|38;|48;)[0-9;]*m/);
  });

  it('follows a resize and keeps the cursor on its sentence', async () => {
    const pty = start();
    await pty.waitFor((s) => s.includes('Amazon cuts jobs'), 'the library');
    pty.write('\r');
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
    pty.write('jjj');
    await pty.waitFor((s) => /sentence 4\/5/.test(s), 'sentence 4');
    pty.resize(80, 24);
    const narrow = await pty.waitFor((s) => s.includes('DEUTSCH (Original)') && !s.includes('│'), 'one column');
    expect(narrow).toMatch(/sentence 4\/5/);
    expect(narrow.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
    pty.resize(30, 8);
    await pty.waitFor((s) => /Too small/.test(s), 'the too-small note');
    // The note must keep the program alive (it once let go of stdin, and the program ended).
    await new Promise((r) => setTimeout(r, 1500));
    expect(pty.inAlternateScreen()).toBe(true);
    pty.resize(160, 50);
    await pty.waitFor((s) => s.includes('ENGLISH (') && /sentence 4\/5/.test(s), 'two columns again');
    pty.write('Q');
    expectRestored(pty, await pty.exit());
  });

  it('acts on keys that arrive in one burst one after another, each on the screen the one before made', async () => {
    const pty = start(['2024-04-04-aws-stellenabbau']);
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
    // "/" opens the search: what follows is the query, not commands ("o" would open a browser).
    pty.write('/Amazon');
    await pty.waitFor((s) => s.includes('/Amazon█'), 'the whole query in the search field');
    pty.write('\u001B');
    await pty.waitFor((s) => !s.includes('█'), 'the search closed');
    // "f" opens the facts panel, whose list (ink-select-input) then takes both "j"s.
    pty.write('fjj');
    await pty.waitFor((s) => s.includes('j/k choose fact') && s.includes('▌ • Job cuts at AWS'), 'the third fact chosen');
    // The settings picker in help, likewise.
    pty.write('\u001B?jj');
    await pty.waitFor((s) => /▌ Cursor moves by/.test(s), 'the third setting chosen');
    pty.write('Q');
    expectRestored(pty, await pty.exit());
  });

  it('keeps keys typed along with Enter for the article it opens', async () => {
    const pty = start();
    await pty.waitFor((s) => s.includes('Amazon cuts jobs') && s.includes('Enter open'), 'the library');
    pty.write('\rjjjk');
    await pty.waitFor((s) => /¶ 1\/4 · sentence 3\/5/.test(s), 'the cursor on sentence 3');
    pty.write('Q');
    expectRestored(pty, await pty.exit());
  });

  it('quits with q from the too-small note shown over an open article', async () => {
    const pty = start();
    await pty.waitFor((s) => s.includes('Amazon cuts jobs'), 'the library');
    pty.write('\r');
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
    pty.resize(30, 8);
    await pty.waitFor((s) => /Too small/.test(s), 'the too-small note');
    await new Promise((r) => setTimeout(r, 1000));
    expect(pty.inAlternateScreen()).toBe(true);
    pty.write('q');
    const exit = await pty.exit();
    expect(exit.exit).toBe(0);
    expectRestored(pty, exit);
  });
});
