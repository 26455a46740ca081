/**
 * The first frame is drawn twice: straight to the terminal before Ink has
 * loaded, then by Ink's first render over it. Both come from appFrame(); this
 * checks that what they put on a terminal is the same, cell by cell (text,
 * colours, bold, dim, underline, inverse), so the hand-over never shows.
 */
import type * as Ink from 'ink';
import React from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { listLibrary, openLibrary } from '../../src/content/load-library.js';
import { safeEntries } from '../../src/content/safe-entries.js';
import type { UiLanguage } from '../../src/i18n/language.js';
import { initialAppState, type AppState } from '../../src/state/app-state.js';
import { emptyState, withArticleRecord } from '../../src/storage/reading-state.js';
import { Root } from '../../src/ui/root.js';
import { frameText } from '../../src/view/frame-text.js';
import { englishFile, germanFile, makeLibrary } from '../helpers/library.js';
import { FakeStdout } from '../helpers/render-app.js';
import { screenDifferences, screenOf, screenText } from '../helpers/screen.js';

let ink: typeof Ink;

beforeAll(async () => {
  // Ink writes nothing until it exits when it believes it runs in CI: here it must draw as on a terminal.
  process.env['CI'] = 'false';
  process.env['CONTINUOUS_INTEGRATION'] = 'false';
  ink = await import('ink');
});

/** What Ink's first render writes for `state`, on a terminal of the state's size. */
async function inkFirstRender(state: AppState, trueColour: boolean): Promise<string> {
  const stdout = new FakeStdout(state.size.columns, state.size.rows);
  const instance = ink.render(<Root store={{ getState: () => state, subscribe: () => () => undefined }} trueColour={trueColour} />, {
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

async function libraryState(columns: number, rows: number, language: UiLanguage, colour: boolean, background: 'dark' | 'light'): Promise<AppState> {
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
  return initialAppState({ columns, rows, language, place: { key: opened.root.real, name: 'bibliothek', flag: '' }, stored, entries, warning: 'a note under the list', looks: { colour, background } });
}

describe('the first frame before Ink and Ink’s first render', () => {
  for (const [columns, rows, language, colour, trueColour, background] of [
    [120, 40, 'en', true, false, 'dark'],
    [80, 24, 'de', true, true, 'dark'],
    [100, 30, 'en', true, true, 'light'],
    [100, 30, 'en', false, false, 'dark'],
    [30, 8, 'en', true, false, 'dark'],
  ] as const) {
    it(`are the same on the terminal at ${columns}×${rows}, ${language}, ${colour ? (trueColour ? 'true colour' : '256 colours') : 'no colour'}, ${background}`, async () => {
      const state = await libraryState(columns, rows, language, colour, background);
      const before = `${frameText(state, trueColour).join('\n')}\u001B[H`;
      const drawn = await inkFirstRender(state, trueColour);
      expect(drawn).not.toBe('');
      const byHand = await screenOf(before, columns, rows);
      const byInk = await screenOf(drawn, columns, rows);
      expect(screenText(byInk)).toBe(screenText(byHand));
      expect(screenDifferences(byInk, byHand)).toEqual([]);
      // What the user sees: Ink drawing over the first frame changes nothing.
      expect(screenDifferences(await screenOf(before + drawn, columns, rows), byHand)).toEqual([]);
    });
  }
});
