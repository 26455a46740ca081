/**
 * The config file and the environment in the built reader, in a real
 * terminal: remapped keys, the text width, a light or terminal-reported
 * background, and a browser that runs in the terminal.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sgr } from '../../src/view/ansi.js';
import { COLOUR_THEME, LIGHT_THEME } from '../../src/view/theme.js';
import { PtySession, expectRestored } from '../helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));
const TIMEOUT = 40_000;

let base: string;
let library: string;
let count = 0;

function fresh(name: string): string {
  const dir = path.join(base, `${name}-${++count}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'newsbridge-config-'));
  library = path.join(base, 'library');
  mkdirSync(path.join(library, 'artikel'), { recursive: true });
  const text = 'Die Stadt Beispielheim baut eine neue Brücke über den Fluss, die bis zum Jahr 2027 fertig werden soll. Sie kostet zwölf Millionen Euro.';
  writeFileSync(
    path.join(library, 'artikel', 'article.de.md'),
    `---\ntitle: Neue Brücke\nsource: Probeblatt\npublished: 2025-03-02T10:00:00+01:00\nurl: https://example.org/bruecke\n---\n\n${text}\n\n${text}\n`,
  );
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function start(o: { config?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {}): PtySession {
  const configFile = path.join(fresh('config'), 'config.yaml');
  // A config file named in NEWSBRIDGE_CONFIG must exist: an empty one is no settings.
  writeFileSync(configFile, o.config ?? '');
  return new PtySession([process.execPath, BIN, '--library', library, ...(o.args ?? [])], {
    columns: 120,
    rows: 30,
    env: { NEWSBRIDGE_STATE_DIR: fresh('state'), NEWSBRIDGE_CACHE_DIR: fresh('cache'), NEWSBRIDGE_CONFIG: configFile, LANG: 'C.UTF-8', NO_COLOR: '', COLORFGBG: '', ...o.env },
  });
}

describe('the config file in the reader', { timeout: TIMEOUT }, () => {
  it('takes remapped keys (and shows them in help), and keeps text within the configured width', async () => {
    const pty = start({ config: 'keys:\n  down: [n, Down]\n  searchNext: ["]"]\nwidth: 30\n', args: ['artikel'] });
    const screen = await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the article');
    // Each column is at most 30 cells wide: no row of German text reaches past it.
    const row = screen.split('\n').find((l) => l.includes('Die Stadt')) ?? '';
    expect(row.indexOf('│')).toBeLessThanOrEqual(2 + 30 + 2);
    pty.write('n');
    await pty.waitFor((s) => s.includes('sentence 2/2'), 'n moving down');
    pty.write('j');
    await new Promise((r) => setTimeout(r, 300));
    expect(await pty.screen()).toContain('sentence 2/2');
    pty.write('?');
    await pty.waitFor((s) => /n ↓ +next sentence/.test(s), 'the remapped key in help');
    pty.write('Q');
    expectRestored(pty, await pty.exit());
  });

  it('asks the terminal for its background with theme: auto, and draws for a light one when it answers', async () => {
    const pty = start({ config: 'theme: auto\n', args: ['artikel'] });
    await pty.waitFor(() => pty.bytes().toString('latin1').includes('\u001B]11;?'), 'the question');
    pty.write('\u001B]11;rgb:ffff/ffff/f0f0\u001B\\');
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the article');
    // The light theme's focus (a pale blue) is drawn; the dark theme's is not.
    await pty.waitFor(() => pty.bytes().toString('latin1').includes(sgr(LIGHT_THEME.focus)), 'the light theme');
    // From then on only the light one.
    pty.write('j');
    await pty.waitFor((s) => s.includes('sentence 2/2'), 'the next sentence');
    const after = pty.bytes().toString('latin1');
    expect(after.slice(after.lastIndexOf(sgr(LIGHT_THEME.focus)))).not.toContain(sgr(COLOUR_THEME.focus));
    pty.write('Q');
    expectRestored(pty, await pty.exit());
  });

  it('runs a browser that draws in the terminal in the foreground, and takes the screen back after', async () => {
    const bin = fresh('bin');
    const lynx = path.join(bin, 'lynx');
    writeFileSync(lynx, '#!/bin/sh\necho "TEXTBROWSER $1"\nread answer\n');
    chmodSync(lynx, 0o755);
    const pty = start({ env: { BROWSER: lynx }, args: ['artikel'] });
    const reader = await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the article');
    pty.write('o');
    await pty.waitFor((s) => s.includes('TEXTBROWSER https://example.org/bruecke') && !pty.inAlternateScreen(), 'the browser on the normal screen');
    // Cooked mode for the browser: it reads a line.
    expect((await pty.query()).icanon).toBe(true);
    pty.write('\r');
    await pty.waitFor((s) => pty.inAlternateScreen() && s.includes('back from lynx'), 'the reader again');
    expect((await pty.screen()).split('\n')[0]).toBe(reader.split('\n')[0]);
    pty.write('j');
    await pty.waitFor((s) => s.includes('sentence 2/2'), 'keys working again');
    pty.write('Q');
    expectRestored(pty, await pty.exit());
  });
});
