/**
 * The first frame is drawn twice: straight to the terminal before Ink has
 * loaded, then by Ink's first render over it. Both come from appFrame(); this
 * checks that what they put on a terminal is the same, cell by cell (text,
 * colours, bold, dim, underline, inverse), so the hand-over never shows.
 */
import xterm from '@xterm/headless';
import type * as Ink from 'ink';
import React from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { listLibrary, openLibrary } from '../../src/content/load-library.js';
import { safeEntries } from '../../src/content/safe-entries.js';
import type { UiLanguage } from '../../src/i18n/language.js';
import { initialAppState, type AppState } from '../../src/state/app-state.js';
import { emptyState, withArticleRecord } from '../../src/storage/reading-state.js';
import { frameText, Root } from '../../src/ui/root.js';
import { themeFor } from '../../src/view/theme.js';
import { englishFile, germanFile, makeLibrary } from '../helpers/library.js';
import { FakeStdout } from '../helpers/render-app.js';

let ink: typeof Ink;

beforeAll(async () => {
  // Ink writes nothing until it exits when it believes it runs in CI: here it must draw as on a terminal.
  process.env['CI'] = 'false';
  process.env['CONTINUOUS_INTEGRATION'] = 'false';
  ink = await import('ink');
});

async function screenOf(bytes: string, columns: number, rows: number): Promise<InstanceType<typeof xterm.Terminal>> {
  // convertEol: a terminal's output processing turns a line feed into CR LF (ONLCR is on in raw mode too).
  const term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true, convertEol: true });
  await new Promise<void>((resolve) => term.write(bytes, resolve));
  return term;
}

/** The screen's text, for a readable message when cells differ. */
function text(term: InstanceType<typeof xterm.Terminal>): string {
  const buffer = term.buffer.active;
  // A blank written and a cell never written look the same.
  return Array.from({ length: term.rows }, (_, y) => (buffer.getLine(y)?.translateToString() ?? '').trimEnd()).join('\n');
}

/** Cells (text and attributes) that differ between two screens, as "row,column" lines. */
function differences(a: InstanceType<typeof xterm.Terminal>, b: InstanceType<typeof xterm.Terminal>): string[] {
  const left = cells(a);
  const right = cells(b);
  const out: string[] = [];
  left.forEach((row, y) => {
    const l = row.split('|');
    const r = (right[y] ?? '').split('|');
    l.forEach((cell, x) => {
      if (cell !== r[x] && out.length < 10) out.push(`${y},${x}: ${cell} ≠ ${r[x]}`);
    });
  });
  return out;
}

/** Every cell as text and attributes, row by row. */
function cells(term: InstanceType<typeof xterm.Terminal>): string[] {
  const out: string[] = [];
  const buffer = term.buffer.active;
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(y);
    const row: string[] = [];
    for (let x = 0; x < term.cols; x++) {
      const c = line?.getCell(x);
      if (!c) continue;
      row.push(
        [c.getChars() || ' ', c.getFgColorMode(), c.getFgColor(), c.getBgColorMode(), c.getBgColor(), c.isBold(), c.isDim(), c.isItalic(), c.isUnderline(), c.isInverse()].join(':'),
      );
    }
    out.push(row.join('|'));
  }
  return out;
}

/** What Ink's first render writes for `state`, on a terminal of the state's size. */
async function inkFirstRender(state: AppState, colour: boolean, trueColour: boolean): Promise<string> {
  const stdout = new FakeStdout(state.size.columns, state.size.rows);
  const instance = ink.render(<Root store={{ getState: () => state, subscribe: () => () => undefined }} theme={themeFor(colour)} trueColour={trueColour} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await new Promise((resolve) => setTimeout(resolve, 30));
  // What was written for the first frame (unmounting may write more).
  const first = stdout.written.join('');
  instance.unmount();
  return first;
}

async function libraryState(columns: number, rows: number, language: UiLanguage): Promise<AppState> {
  const dir = makeLibrary({
    '2025-01-15-bruecke': { de: germanFile(), en: englishFile() },
    '2024-06-01-aelter': { de: germanFile({ title: 'Älterer Artikel über Schulen 😀 und 中文', published: '2024-06-01T08:00:00+02:00' }) },
    'kaputt': { de: '---\ntitle: [\n---\n' },
  });
  const opened = await openLibrary(dir);
  if (!opened.ok) throw new Error(opened.message);
  const entries = safeEntries(await listLibrary(opened.root));
  // One article read, so that both unread and read rows are drawn.
  const stored = withArticleRecord(emptyState(), opened.root.real, '2024-06-01-aelter', { read: true }, 1);
  return initialAppState({ columns, rows, language, place: { key: opened.root.real, name: 'bibliothek', flag: '' }, stored, entries, warning: 'a note under the list' });
}

describe('the first frame before Ink and Ink’s first render', () => {
  for (const [columns, rows, language, colour, trueColour] of [
    [120, 40, 'en', true, false],
    [80, 24, 'de', true, true],
    [100, 30, 'en', false, false],
    [30, 8, 'en', true, false],
  ] as const) {
    it(`are the same on the terminal at ${columns}×${rows}, ${language}, ${colour ? (trueColour ? 'true colour' : '256 colours') : 'no colour'}`, async () => {
      const state = await libraryState(columns, rows, language);
      const before = `${frameText(state, themeFor(colour), trueColour).join('\n')}\u001B[H`;
      const drawn = await inkFirstRender(state, colour, trueColour);
      expect(drawn).not.toBe('');
      const byHand = await screenOf(before, columns, rows);
      const byInk = await screenOf(drawn, columns, rows);
      expect(text(byInk)).toBe(text(byHand));
      expect(differences(byInk, byHand)).toEqual([]);
      // What the user sees: Ink drawing over the first frame changes nothing.
      expect(differences(await screenOf(before + drawn, columns, rows), byHand)).toEqual([]);
    });
  }
});
