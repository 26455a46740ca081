/**
 * The reader's state and its reducer: one cursor over aligned units (or
 * paragraphs), the scroll window that keeps it in view, the view, the facts
 * panel and learner mode. Pure: no React, no I/O.
 */
import type { Geometry, RowRange } from '../layout/reader-rows.js';
import type { View } from '../layout/screen-layout.js';

export type { View } from '../layout/screen-layout.js';
export type { Geometry } from '../layout/reader-rows.js';
import { EMPTY_SEARCH, reduceSearch, type SearchAction, type SearchField } from './search-field.js';

export type CursorUnit = 'sentence' | 'paragraph';
export type PanelTab = 'facts' | 'glossary';

export interface Cursor {
  paragraph: number;
  unit: number;
}


export interface ReaderState {
  cursor: Cursor;
  unit: CursorUnit;
  view: View;
  learner: boolean;
  /** Units whose English is revealed in learner mode: "p:u". */
  revealed: ReadonlySet<string>;
  /** The facts panel: open (remembered), has the keys, its tab, the chosen item and the first item shown. */
  panel: { open: boolean; focused: boolean; tab: PanelTab; selected: number; top: number };
  /** Fact whose evidence is highlighted, or null. */
  fact: number | null;
  scrollTop: number;
  viewportRows: number;
  geometry: Geometry;
  search: SearchField;
}

export type ReaderAction =
  | { type: 'down' | 'up' | 'top' | 'bottom' | 'halfDown' | 'halfUp' | 'pageDown' | 'pageUp' }
  | { type: 'cycleView'; narrow: boolean }
  | { type: 'toggleUnit' | 'reveal' | 'toggleLearner' | 'toggleFacts' | 'closePanel' | 'switchTab' | 'focusPanel' | 'focusText' }
  | { type: 'setView'; view: View }
  | { type: 'setLearner'; learner: boolean }
  | { type: 'setUnit'; unit: CursorUnit }
  | { type: 'layout'; geometry: Geometry; viewportRows: number }
  | { type: 'goto'; cursor: Cursor }
  | { type: 'selectFact'; index: number; cursor: Cursor | null }
  | { type: 'selectEntry'; index: number }
  | { type: 'panelTop'; top: number }
  | SearchAction;

const EMPTY_GEOMETRY: Geometry = { units: [], paragraphs: [], totalRows: 0 };

export interface ReaderStart {
  view?: View;
  learner?: boolean;
  unit?: CursorUnit;
  panelOpen?: boolean;
  cursor?: Cursor;
}

export function initialReaderState(start: ReaderStart = {}): ReaderState {
  return {
    cursor: start.cursor ?? { paragraph: 0, unit: 0 },
    unit: start.unit ?? 'sentence',
    view: start.view ?? 'both',
    learner: start.learner ?? false,
    revealed: new Set(),
    panel: { open: start.panelOpen ?? false, focused: false, tab: 'facts', selected: 0, top: 0 },
    fact: null,
    scrollTop: 0,
    viewportRows: 1,
    geometry: EMPTY_GEOMETRY,
    search: EMPTY_SEARCH,
  };
}

/** Rows of the cursor's unit (or paragraph, in paragraph mode). */
export function cursorRows(state: Pick<ReaderState, 'cursor' | 'unit' | 'geometry'>): RowRange {
  const { cursor, geometry } = state;
  const para = geometry.paragraphs[cursor.paragraph];
  if (state.unit === 'paragraph') return para ?? { start: 0, end: 0 };
  return geometry.units[cursor.paragraph]?.[cursor.unit] ?? para ?? { start: 0, end: 0 };
}

/** Scroll so that `range` is in view, moving as little as possible. */
function scrollTo(state: ReaderState, range: RowRange): number {
  const maxTop = Math.max(0, state.geometry.totalRows - state.viewportRows);
  let top = state.scrollTop;
  if (range.end >= top + state.viewportRows) top = range.end - state.viewportRows + 1;
  if (range.start < top) top = range.start;
  return Math.max(0, Math.min(top, maxTop));
}

function withCursor(state: ReaderState, cursor: Cursor): ReaderState {
  const next = { ...state, cursor };
  return { ...next, scrollTop: scrollTo(next, cursorRows(next)) };
}

/** Clamps a cursor to the geometry (paragraph and unit exist). */
export function clampCursor(cursor: Cursor, geometry: Geometry): Cursor {
  const last = geometry.paragraphs.length - 1;
  if (last < 0) return { paragraph: 0, unit: 0 };
  const paragraph = Math.max(0, Math.min(cursor.paragraph, last));
  const units = geometry.units[paragraph]?.length ?? 1;
  return { paragraph, unit: Math.max(0, Math.min(cursor.unit, units - 1)) };
}

function step(state: ReaderState, delta: 1 | -1): Cursor {
  const { cursor, geometry } = state;
  if (state.unit === 'paragraph') return clampCursor({ paragraph: cursor.paragraph + delta, unit: 0 }, geometry);
  const units = geometry.units[cursor.paragraph]?.length ?? 1;
  const unit = cursor.unit + delta;
  if (unit >= 0 && unit < units) return { paragraph: cursor.paragraph, unit };
  const paragraph = cursor.paragraph + delta;
  if (paragraph < 0 || paragraph >= geometry.paragraphs.length) return cursor;
  return { paragraph, unit: delta > 0 ? 0 : (geometry.units[paragraph]?.length ?? 1) - 1 };
}

/** The first unit that starts at or after `row` (the unit holding `row` if none starts there). */
export function unitAtRow(state: ReaderState, row: number): Cursor {
  const { geometry } = state;
  for (let p = 0; p < geometry.paragraphs.length; p++) {
    const para = geometry.paragraphs[p] as RowRange;
    if (para.end < row) continue;
    if (state.unit === 'paragraph') return { paragraph: p, unit: 0 };
    const units = geometry.units[p] ?? [];
    const u = units.findIndex((r) => r.start >= row || r.end >= row);
    return { paragraph: p, unit: Math.max(0, u) };
  }
  return clampCursor({ paragraph: geometry.paragraphs.length - 1, unit: Number.MAX_SAFE_INTEGER }, geometry);
}

/** Scrolls by `rows` and puts the cursor on the first unit in the new window. */
function scrollBy(state: ReaderState, rows: number): ReaderState {
  const maxTop = Math.max(0, state.geometry.totalRows - state.viewportRows);
  const top = Math.max(0, Math.min(state.scrollTop + rows, maxTop));
  if (top === state.scrollTop) {
    // Already at an end: move the cursor to the first or last unit instead.
    return reduceReader(state, { type: rows > 0 ? 'bottom' : 'top' });
  }
  const moved = { ...state, scrollTop: top };
  return { ...moved, cursor: unitAtRow(moved, top) };
}

const VIEW_ORDER: readonly View[] = ['both', 'de', 'en'];

/** The view that is actually shown: a narrow screen has one column. */
export function effectiveView(view: View, narrow: boolean): View {
  return narrow && view === 'both' ? 'de' : view;
}

/** Moves of the text cursor by the reader's own keys: a fact's highlighted evidence stays behind. */
const TEXT_MOVES: ReadonlySet<ReaderAction['type']> = new Set(['down', 'up', 'top', 'bottom', 'halfDown', 'halfUp', 'pageDown', 'pageUp', 'goto']);

export function reduceReader(state: ReaderState, action: ReaderAction): ReaderState {
  const next = reduce(state, action);
  return next.fact !== null && TEXT_MOVES.has(action.type) && next.cursor !== state.cursor ? { ...next, fact: null } : next;
}

function reduce(state: ReaderState, action: ReaderAction): ReaderState {
  switch (action.type) {
    case 'down':
    case 'up':
      return withCursor(state, step(state, action.type === 'down' ? 1 : -1));
    case 'top':
      return { ...state, cursor: { paragraph: 0, unit: 0 }, scrollTop: 0 };
    case 'bottom': {
      const last = state.geometry.paragraphs.length - 1;
      const cursor = clampCursor({ paragraph: last, unit: state.unit === 'paragraph' ? 0 : Number.MAX_SAFE_INTEGER }, state.geometry);
      const scrollTop = Math.max(0, state.geometry.totalRows - state.viewportRows);
      return { ...state, cursor, scrollTop };
    }
    case 'halfDown':
    case 'halfUp': {
      const half = Math.max(1, Math.floor(state.viewportRows / 2));
      return scrollBy(state, action.type === 'halfDown' ? half : -half);
    }
    case 'pageDown':
    case 'pageUp': {
      const page = Math.max(1, state.viewportRows - 1);
      return scrollBy(state, action.type === 'pageDown' ? page : -page);
    }
    case 'cycleView': {
      const shown = effectiveView(state.view, action.narrow);
      const view = action.narrow
        ? shown === 'de' ? 'en' : 'de'
        : (VIEW_ORDER[(VIEW_ORDER.indexOf(state.view) + 1) % VIEW_ORDER.length] as View);
      return { ...state, view };
    }
    case 'setView':
      return state.view === action.view ? state : { ...state, view: action.view };
    case 'setLearner':
      return state.learner === action.learner ? state : { ...state, learner: action.learner, revealed: new Set() };
    case 'setUnit':
      return state.unit === action.unit ? state : reduceReader(state, { type: 'toggleUnit' });
    case 'toggleUnit':
      return withCursor(
        { ...state, unit: state.unit === 'sentence' ? 'paragraph' : 'sentence' },
        state.unit === 'sentence' ? { paragraph: state.cursor.paragraph, unit: 0 } : state.cursor,
      );
    case 'toggleLearner':
      return { ...state, learner: !state.learner, revealed: new Set() };
    case 'reveal': {
      if (!state.learner) return state;
      const revealed = new Set(state.revealed);
      const keys =
        state.unit === 'paragraph'
          ? (state.geometry.units[state.cursor.paragraph] ?? []).map((_, u) => `${state.cursor.paragraph}:${u}`)
          : [`${state.cursor.paragraph}:${state.cursor.unit}`];
      const allShown = keys.every((k) => revealed.has(k));
      for (const k of keys) {
        if (allShown) revealed.delete(k);
        else revealed.add(k);
      }
      return { ...state, revealed };
    }
    case 'toggleFacts': {
      const { panel } = state;
      if (panel.open && !panel.focused) return { ...state, panel: { ...panel, focused: true } };
      return { ...state, panel: { ...panel, open: !panel.open, focused: !panel.open }, fact: panel.open ? null : state.fact };
    }
    case 'switchTab':
      return { ...state, panel: { ...state.panel, tab: state.panel.tab === 'facts' ? 'glossary' : 'facts', selected: 0, top: 0 } };
    case 'focusPanel':
      return state.panel.open ? { ...state, panel: { ...state.panel, focused: true } } : state;
    case 'closePanel':
      return { ...state, panel: { ...state.panel, open: false, focused: false } };
    case 'focusText':
      return { ...state, panel: { ...state.panel, focused: false } };
    case 'layout': {
      const geometry = action.geometry;
      const placed = { ...state, geometry, viewportRows: Math.max(1, action.viewportRows), cursor: clampCursor(state.cursor, geometry) };
      const maxTop = Math.max(0, geometry.totalRows - placed.viewportRows);
      // Keep the top line where it was in the text (same paragraph, same share of it);
      // on the first layout, start at the cursor's paragraph.
      let top: number;
      if (state.geometry.totalRows === 0) {
        top = geometry.paragraphs[placed.cursor.paragraph]?.start ?? 0;
      } else {
        const old = state.geometry.paragraphs;
        const p = Math.max(0, old.findIndex((r) => r.end >= state.scrollTop));
        const before = old[p] ?? { start: 0, end: 0 };
        const after = geometry.paragraphs[p] ?? { start: 0, end: 0 };
        const share = (state.scrollTop - before.start) / Math.max(1, before.end - before.start + 1);
        top = after.start + Math.round(Math.max(0, share) * (after.end - after.start + 1));
      }
      const scrollTop = Math.max(0, Math.min(top, maxTop));
      return { ...placed, scrollTop: scrollTo({ ...placed, scrollTop }, cursorRows(placed)) };
    }
    case 'goto':
      return withCursor(state, clampCursor(action.cursor, state.geometry));
    case 'selectFact': {
      const moved = { ...state, fact: action.index, panel: { ...state.panel, selected: action.index } };
      if (!action.cursor) return moved;
      // Facts point at sentences: show them in sentence mode.
      return withCursor({ ...moved, unit: 'sentence' }, clampCursor(action.cursor, state.geometry));
    }
    case 'startSearch':
    case 'type':
    case 'erase':
    case 'commitSearch':
    case 'clearSearch':
      return { ...state, search: reduceSearch(state.search, action) };
    case 'selectEntry':
      return { ...state, panel: { ...state.panel, selected: action.index } };
    case 'panelTop':
      return state.panel.top === action.top ? state : { ...state, panel: { ...state.panel, top: action.top } };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Keys go to the panel when it has the focus, and always when it is drawn over the text. */
export function panelHasKeys(state: Pick<ReaderState, 'panel'>, overlay: boolean): boolean {
  return state.panel.open && (state.panel.focused || overlay);
}

/** The preferences inside the reader's state: owned by the remembered state, not by an open article. */
export interface ReaderPrefs {
  view: View;
  learner: boolean;
  unit: CursorUnit;
  panelOpen: boolean;
}

/** What an open article owns of the reader's state: everything but the preferences. */
export type ReaderPosition = Omit<ReaderState, 'view' | 'learner' | 'unit' | 'panel'> & { panel: Omit<ReaderState['panel'], 'open'> };

/** The reader's state as its reducer and frames see it: an article's position with the preferences. */
export function joinReader(position: ReaderPosition, prefs: ReaderPrefs): ReaderState {
  return { ...position, view: prefs.view, learner: prefs.learner, unit: prefs.unit, panel: { ...position.panel, open: prefs.panelOpen } };
}

/** The two parts of a reader state again, each to its one owner. */
export function splitReader(state: ReaderState): { position: ReaderPosition; prefs: ReaderPrefs } {
  const { view, learner, unit, panel, ...rest } = state;
  const { open, ...panelRest } = panel;
  return { position: { ...rest, panel: panelRest }, prefs: { view, learner, unit, panelOpen: open } };
}
