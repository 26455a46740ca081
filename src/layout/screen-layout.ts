/** How the reader divides the terminal: columns, the facts panel, rows for text. Pure. */
import type { Column } from './reader-rows.js';

/** Which languages the reader shows: both side by side, German only, English only. */
export type View = 'both' | 'de' | 'en';

/** Side by side from this many columns. */
export const SIDE_BY_SIDE_COLUMNS = 100;
/** Below this the program shows a "terminal too small" note. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;
/** Rows taken by the header (1) and status bar (1); the frame is kept at rows - 1. */
const CHROME_ROWS = 3;
const GUTTER = 3;
/** Widest text column, in cells. */
const MAX_MEASURE = 100;

export interface ScreenLayout {
  tooSmall: boolean;
  /** One text column only: `t` toggles the language. */
  narrow: boolean;
  /** The text columns shown, left to right, and their widths (without the focus marker). */
  columns: { lang: Column; width: number }[];
  /** Facts panel: hidden, beside the text, or drawn over it. */
  panel: { mode: 'hidden' | 'inline' | 'overlay'; width: number };
  /** Rows available for article text. */
  textRows: number;
  /** Width of the whole frame. */
  width: number;
}

/** Two text columns need this many columns each to stay readable next to the panel. */
const MIN_TEXT_COLUMN = 30;

/** `measure`: the widest a text column may be (the config's `width`; default 100 cells). */
export function screenLayout(columns: number, rows: number, view: View, panelOpen: boolean, measure = MAX_MEASURE): ScreenLayout {
  const width = Math.max(1, columns);
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const narrow = columns < SIDE_BY_SIDE_COLUMNS;
  const shown: View = narrow && view === 'both' ? 'de' : view;
  const langs: Column[] = shown === 'both' ? ['de', 'en'] : [shown];
  const panelWidth = Math.max(24, Math.min(40, Math.round(columns * 0.28)));
  let textWidth = width;
  let panelMode: ScreenLayout['panel']['mode'] = 'hidden';
  if (panelOpen) {
    const rest = width - panelWidth - 1;
    const fits = langs.length === 2 ? (rest - GUTTER) / 2 >= MIN_TEXT_COLUMN : rest >= 40;
    panelMode = fits ? 'inline' : 'overlay';
    if (fits) textWidth = rest;
  }
  // Each column has a 2-cell focus marker on its left; beside the panel, one blank cell keeps the
  // text off the panel's rule.
  const usable = textWidth - (langs.length === 2 ? GUTTER : 0) - langs.length * 2 - (panelMode === 'inline' ? 1 : 0);
  // Lines much longer than this are hard to follow back to their start: a wide window gets margin.
  const each = Math.max(1, Math.min(measure, Math.floor(usable / langs.length)));
  return {
    tooSmall,
    narrow,
    columns: langs.map((lang) => ({ lang, width: each })),
    panel: { mode: panelMode, width: panelWidth },
    textRows: Math.max(1, rows - 1 - CHROME_ROWS),
    width,
  };
}
