/**
 * Exit paths and odd terminals, on the built program: crashes (an exception
 * while drawing, an uncaught exception, an unhandled rejection, SIGTERM in the
 * middle of drawing) restore the terminal; no terminal, TERM=dumb, a 20×5
 * window, a burst of resizes and a 1,000-key paste all end sensibly.
 *
 * Crashes are injected from outside the program: a module preloaded with
 * `node --import`, written here, that fails once a trigger file appears. The
 * program itself has no test hook.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PtySession, expectRestored } from '../helpers/pty.js';
import { makeHostileLibrary, OUTSIDE_SECRET, UNSAFE_IN_PIPE, type HostileLibrary } from './hostile-library.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));
/** Real processes on a busy two-core machine: more room than the default 20 s. */
const PTY_TEST_TIMEOUT = 40_000;
const PARAGRAPHS = 30;

let base: string;
let library: string;
let hostile: HostileLibrary;
let count = 0;

/** A library of one long article (30 paragraphs of 3 sentences) and one short one. */
function writeLibrary(dir: string): void {
  const paragraph = (p: number, lang: 'de' | 'en') =>
    [1, 2, 3].map((s) => (lang === 'de' ? `Absatz ${p} hat den Satz ${s} mit etwas Text.` : `Paragraph ${p} has sentence ${s} with some text.`)).join(' ');
  const body = (lang: 'de' | 'en') => Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i + 1, lang)).join('\n\n');
  const write = (id: string, de: string, en: string) => {
    mkdirSync(path.join(dir, id), { recursive: true });
    writeFileSync(path.join(dir, id, 'article.de.md'), de);
    writeFileSync(path.join(dir, id, 'article.en.md'), en);
  };
  const german = (title: string, published: string, text: string) => `---\ntitle: ${title}\nsource: Probeblatt\npublished: ${published}\n---\n\n${text}\n`;
  const english = (title: string, text: string) => `---\ntitle: ${title}\nstatus: draft\n---\n\n${text}\n`;
  write('langer-artikel', german('Ein langer Artikel', '2025-03-02T10:00:00+01:00', body('de')), english('A long article', body('en')));
  write('kurzer-artikel', german('Ein kurzer Artikel', '2025-03-01T10:00:00+01:00', 'Nur ein Satz hier.'), english('A short article', 'Just one sentence here.'));
}

/** A fresh folder under this file's temporary folder. */
function fresh(name: string): string {
  const dir = path.join(base, `${name}-${++count}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'newsbridge-terminal-'));
  library = path.join(base, 'library');
  writeLibrary(library);
  hostile = makeHostileLibrary();
});
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  hostile.remove();
});

interface StartOptions {
  args?: string[];
  env?: NodeJS.ProcessEnv;
  columns?: number;
  rows?: number;
  /** node options before the program (e.g. --import a preload). */
  node?: string[];
  command?: string[];
}

function start(o: StartOptions = {}): PtySession {
  const command = o.command ?? [process.execPath, ...(o.node ?? []), BIN, '--library', library, ...(o.args ?? [])];
  return new PtySession(command, {
    columns: o.columns ?? 100,
    rows: o.rows ?? 30,
    env: { NEWSBRIDGE_STATE_DIR: fresh('state'), NEWSBRIDGE_CACHE_DIR: fresh('cache'), LANG: 'C.UTF-8', NO_COLOR: '', ...o.env },
  });
}


/** What is left on the normal screen after the program ended, without blank lines. */
async function leftOnScreen(pty: PtySession): Promise<string[]> {
  return (await pty.screen()).split('\n').filter((l) => l.trim() !== '');
}

/** A module for `node --import` made of `lines` (which may use the path of a trigger file), and that trigger's path. */
function writePreload(name: string, lines: (trigger: string) => string[]): { module: string; trigger: string } {
  const dir = fresh(name);
  const trigger = path.join(dir, 'now');
  const module = path.join(dir, 'inject.mjs');
  writeFileSync(module, ["import { existsSync } from 'node:fs';", ...lines(trigger), ''].join('\n'));
  return { module, trigger };
}

/** A preload module that runs `failure` (JavaScript) once the file `trigger` exists. */
function preload(failure: string): { module: string; trigger: string } {
  return writePreload('preload', (trigger) => [
    `const trigger = ${JSON.stringify(trigger)};`,
    `const fail = () => { ${failure} };`,
    'const timer = setInterval(() => { if (existsSync(trigger)) { clearInterval(timer); fail(); } }, 20);',
    'timer.unref();',
  ]);
}

describe('crashes give the terminal back', { timeout: PTY_TEST_TIMEOUT }, () => {
  /** A preload that makes Intl date formatting (used while library rows are drawn) throw once `trigger` exists. */
  function failingDates(): { module: string; trigger: string } {
    return writePreload('render-crash', (trigger) => [
      'const proto = Intl.DateTimeFormat.prototype;',
      "const original = Object.getOwnPropertyDescriptor(proto, 'format');",
      "Object.defineProperty(proto, 'format', { ...original, get() {",
      '  const format = original.get.call(this);',
      `  return (date) => { if (existsSync(${JSON.stringify(trigger)})) throw new Error('injected failure while drawing'); return format(date); };`,
      '} });',
    ]);
  }

  async function expectCrashLine(pty: PtySession): Promise<void> {
    const exit = await pty.exit();
    expect(exit.exit).toBe(70);
    expectRestored(pty, exit);
    expect(await leftOnScreen(pty)).toEqual(['newsbridge: internal error: injected failure while drawing (please report this)']);
  }

  it('an exception while drawing: the error boundary ends the reader with one line, status 70', async () => {
    const { module, trigger } = failingDates();
    const pty = start({ node: ['--import', module], args: ['langer-artikel'] });
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
    writeFileSync(trigger, '');
    pty.write('q'); // back to the library, whose rows show dates
    await expectCrashLine(pty);
  });

  it('an exception while drawing the very first frame (before Ink runs) ends the same way', async () => {
    const { module, trigger } = failingDates();
    writeFileSync(trigger, '');
    const pty = start({ node: ['--import', module] });
    await expectCrashLine(pty);
  });

  for (const [name, failure] of [
    ['an uncaught exception', "throw new Error('injected uncaught exception');"],
    ['an unhandled rejection', "void Promise.reject(new Error('injected unhandled rejection'));"],
  ] as const) {
    it(`${name}: restored, one line, status 70`, async () => {
      const { module, trigger } = preload(failure);
      const pty = start({ node: ['--import', module], args: ['langer-artikel'] });
      await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
      writeFileSync(trigger, '');
      const exit = await pty.exit();
      expect(exit.exit).toBe(70);
      expectRestored(pty, exit);
      const left = await leftOnScreen(pty);
      expect(left).toHaveLength(1);
      expect(left[0]).toMatch(/^newsbridge: internal error: injected (uncaught exception|unhandled rejection) \(please report this\)$/);
    });
  }

  it('SIGTERM in the middle of drawing a burst of keys', async () => {
    const pty = start({ args: ['langer-artikel'] });
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
    pty.write('j'.repeat(200));
    pty.signal('TERM');
    const exit = await pty.exit();
    expect(exit.exit).toBe(143);
    expectRestored(pty, exit);
    expect(await leftOnScreen(pty)).toEqual([]);
  });
});

describe('without a full terminal', { timeout: PTY_TEST_TIMEOUT }, () => {
  /** Runs the built program with pipes for stdin, stdout and stderr. */
  function piped(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: Buffer; stderr: Buffer }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        env: { ...process.env, LANG: 'C.UTF-8', NEWSBRIDGE_STATE_DIR: fresh('state'), NEWSBRIDGE_CACHE_DIR: fresh('cache'), ...env },
        stdio: 'pipe',
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
      child.stdin.end();
    });
  }

  it('prints the library (and an article) when stdin and stdout are pipes, even a hostile one', async () => {
    const list = await piped(['--library', library]);
    expect(list.code).toBe(0);
    expect(list.stdout.toString()).toMatch(/^2025-03-02 {2}langer-artikel {2}\[draft\] {2}Probeblatt · A long article\n2025-03-01 {2}kurzer-artikel/);
    const one = await piped(['--library', library, 'kurzer-artikel']);
    expect(one.code).toBe(0);
    expect(one.stdout.toString()).toContain('Just one sentence here.');
    for (const args of [[], ['b-hostile-text'], ['c-hostile-facts'], ['list', '--json'], ['validate']]) {
      const result = await piped(['--library', hostile.dir, ...args]);
      expect(result.code, args.join(' ')).toBe(args[0] === 'validate' ? 1 : 0);
      for (const bytes of [result.stdout, result.stderr]) {
        expect(bytes.toString('utf8')).not.toMatch(UNSAFE_IN_PIPE);
        expect(bytes.includes(0x1b)).toBe(false);
        expect(bytes.toString('utf8')).not.toContain(OUTSIDE_SECRET);
      }
    }
  });

  it('prints instead of drawing when only stdin, or only stdout, is not a terminal', async () => {
    const program = [process.execPath, BIN, '--library', library].map((a) => `'${a}'`).join(' ');
    for (const shell of [`exec ${program} < /dev/null`, `${program} | cat`]) {
      const pty = start({ command: ['sh', '-c', shell] });
      const exit = await pty.exit();
      expect(exit.exit).toBe(0);
      expect(pty.bytes().toString('latin1')).not.toContain('\u001B[?1049h');
      expect(await pty.screen()).toMatch(/langer-artikel .*A long article/);
    }
  });

  it('prints the list on TERM=dumb instead of drawing a screen it cannot show', async () => {
    const pty = start({ env: { TERM: 'dumb' } });
    const exit = await pty.exit();
    expect(exit.exit).toBe(0);
    expect(pty.bytes().toString('latin1')).not.toContain('\u001B');
    expect(await pty.screen()).toMatch(/langer-artikel .*A long article/);
  });
});

describe('odd terminal sizes and input', { timeout: PTY_TEST_TIMEOUT }, () => {
  it('shows the too-small note in a 20×5 terminal and quits cleanly on q', async () => {
    const pty = start({ columns: 20, rows: 5 });
    const screen = await pty.waitFor((s) => s.replace(/\s+/g, ' ').includes('Too small (20×5): q quits'), 'the too-small note');
    expect(screen.split('\n').every((l) => [...l].length <= 20)).toBe(true);
    pty.write('q');
    const exit = await pty.exit();
    expect(exit.exit).toBe(0);
    expectRestored(pty, exit);
  });

  it('draws the right screen for the final size after 20 resizes in 200 ms', async () => {
    const final = { columns: 90, rows: 25 };
    const pty = start({ args: ['langer-artikel'], columns: 120, rows: 40 });
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
    const sizes = [[50, 12], [160, 50], [30, 8], [100, 30], [41, 10], [200, 60], [80, 24], [39, 9], [120, 40], [60, 20]];
    for (let i = 0; i < 19; i++) {
      const [columns, rows] = sizes[i % sizes.length] as [number, number];
      pty.resize(columns, rows);
      await new Promise((r) => setTimeout(r, 10));
    }
    pty.resize(final.columns, final.rows);
    // The same article opened straight at the final size is the reference.
    const reference = start({ args: ['langer-artikel'], ...final });
    const expected = await reference.waitFor((s) => /¶ 1\/30/.test(s), 'the reference screen');
    reference.write('Q');
    await reference.exit();
    await pty.waitFor((s) => s === expected, 'the screen of the final size', 5000);
    pty.write('Q');
    expectRestored(pty, await pty.exit());
  });

  it('draws and answers keys in a terminal whose environment says CI=true', async () => {
    // Ink alone would write nothing until exit when CI is set; a terminal is a terminal.
    const pty = start({ env: { CI: 'true' } });
    await pty.waitFor((s) => s.includes('A long article') && s.includes('Enter open'), 'the library');
    pty.write('\r');
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)') && /¶ 1\/30/.test(s), 'the reader');
    pty.write('j');
    await pty.waitFor((s) => s.includes('sentence 2/3'), 'the cursor on the second sentence');
    pty.write('Q');
    const exit = await pty.exit();
    expect(exit.exit).toBe(0);
    expectRestored(pty, exit);
  });

  it('takes 1,000 pasted keys: the cursor ends on the last sentence and q still works', async () => {
    const pty = start({ args: ['langer-artikel'] });
    await pty.waitFor((s) => s.includes('DEUTSCH (Original)'), 'the reader');
    pty.write('j'.repeat(1000));
    await pty.waitFor((s) => s.includes(`¶ ${PARAGRAPHS}/${PARAGRAPHS} · sentence 3/3`), 'the last sentence', 20_000);
    pty.write('q');
    await pty.waitFor((s) => s.includes('Enter open'), 'the library');
    pty.write('q');
    const exit = await pty.exit();
    expect(exit.exit).toBe(0);
    expectRestored(pty, exit);
  });
});
