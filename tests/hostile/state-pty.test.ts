/** Remembered state through the built reader: a corrupt file, and two readers at once. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PtySession } from '../helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/newsbridge.js', import.meta.url));
/** Real processes on a busy two-core machine: more room than the default 20 s. */
const PTY_TEST_TIMEOUT = 40_000;

let base: string;
let library: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'newsbridge-state-'));
  library = path.join(base, 'library');
  const article = (id: string, title: string, day: number) => {
    mkdirSync(path.join(library, id), { recursive: true });
    writeFileSync(
      path.join(library, id, 'article.de.md'),
      `---\ntitle: ${title}\nsource: Probeblatt\npublished: 2025-02-0${day}T10:00:00+01:00\n---\n\nEin Satz über ${title}. Noch ein Satz.\n`,
    );
  };
  article('erster-artikel', 'Erster Artikel', 2);
  article('zweiter-artikel', 'Zweiter Artikel', 1);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function reader(stateDir: string): PtySession {
  return new PtySession([process.execPath, BIN, '--library', library], {
    columns: 120,
    rows: 20,
    env: { NEWSBRIDGE_STATE_DIR: stateDir, NEWSBRIDGE_CACHE_DIR: path.join(base, 'cache'), LANG: 'C.UTF-8', NO_COLOR: '' },
  });
}

interface StateFile {
  libraries: Record<string, Record<string, { read: boolean }>>;
}

const readState = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as StateFile;

/** Opens the article on row `row` (1-based) of the library and goes back. */
async function openRow(pty: PtySession, row: number, title: string): Promise<void> {
  await pty.waitFor((s) => s.includes('/2 ·'), 'the library');
  for (let i = 1; i < row; i++) {
    await new Promise((r) => setTimeout(r, 60));
    pty.write('j');
    await pty.waitFor((s) => s.includes(`${i + 1}/2 ·`), `row ${i + 1}`);
  }
  await new Promise((r) => setTimeout(r, 60));
  pty.write('\r');
  await pty.waitFor((s) => s.includes('DEUTSCH (Original)') && s.includes(title), `${title} open`);
}

describe('reading state in the built reader', { timeout: PTY_TEST_TIMEOUT }, () => {
  it('sets a corrupt state file aside with a one-line warning on screen and starts clean', async () => {
    const dir = path.join(base, 'corrupt');
    mkdirSync(dir);
    const garbage = '{"version": 1, "libraries": {"x": ';
    writeFileSync(path.join(dir, 'state.json'), garbage);
    const pty = reader(dir);
    const screen = await pty.waitFor((s) => s.includes('was corrupt'), 'the warning');
    const warning = screen.split('\n').filter((l) => l.includes('was corrupt'));
    expect(warning).toHaveLength(1);
    expect(warning[0]).toMatch(/state\.json was corrupt; set aside as state\.json\.corrupt-/);
    // Clean state: every article unread.
    expect(screen.split('\n').filter((l) => l.includes('●'))).toHaveLength(2);
    await openRow(pty, 1, 'Erster Artikel');
    pty.write('Q');
    expect((await pty.exit()).exit).toBe(0);
    const aside = readdirSync(dir).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0] as string), 'utf8')).toBe(garbage);
    const state = readState(dir);
    expect(Object.keys(state.libraries)).toEqual([realpathSync(library)]);
    expect(state.libraries[realpathSync(library)]).toEqual({ 'erster-artikel': expect.objectContaining({ read: true }) as unknown });
  });

  it('keeps the read marks of two readers that share a state folder', async () => {
    const dir = path.join(base, 'shared');
    mkdirSync(dir);
    const first = reader(dir);
    const second = reader(dir);
    await Promise.all([openRow(first, 1, 'Erster Artikel'), openRow(second, 2, 'Zweiter Artikel')]);
    first.write('Q');
    expect((await first.exit()).exit).toBe(0);
    second.write('Q');
    expect((await second.exit()).exit).toBe(0);
    const marks = readState(dir).libraries[realpathSync(library)] ?? {};
    expect(marks['erster-artikel']?.read).toBe(true);
    expect(marks['zweiter-artikel']?.read).toBe(true);
  });
});

describe('a state folder that cannot be written', () => {
  it('says so in the status bar at once, keeps reading, and says so again on exit with status 1', async () => {
    const blocked = path.join(base, 'a-file');
    writeFileSync(blocked, 'not a folder');
    // The state folder lies under a file: every write fails (ENOTDIR), as on a read-only or full disk.
    const pty = reader(path.join(blocked, 'state'));
    await pty.waitFor((s) => s.includes('Erster Artikel') && s.includes('Enter open'), 'the library');
    pty.write('\r');
    await pty.waitFor((s) => s.includes('read marks and positions not saved in'), 'the notice in the status bar');
    pty.write('q');
    await pty.waitFor((s) => s.includes('Enter open'), 'the library again');
    pty.write('q');
    const exit = await pty.exit();
    expect(exit.exit).toBe(1);
    expect(pty.inAlternateScreen()).toBe(false);
    expect(await pty.screen()).toMatch(/read marks and positions of this session were not saved in .*a-file\/state/);
  }, PTY_TEST_TIMEOUT);
});
