import { describe, expect, it } from 'vitest';
import { cursorRows, initialReaderState, panelHasKeys, reduceReader, type Geometry, type ReaderAction, type ReaderState } from '../../src/state/reader-state.js';

/** Paragraph p has units of the given heights, with a blank row between paragraphs. */
function geometry(...paragraphs: number[][]): Geometry {
  let row = 0;
  const units: { start: number; end: number }[][] = [];
  const ranges: { start: number; end: number }[] = [];
  paragraphs.forEach((heights, p) => {
    if (p > 0) row++;
    const start = row;
    units.push(heights.map((h) => ({ start: (row += h) - h, end: row - 1 })));
    ranges.push({ start, end: row - 1 });
  });
  return { units, paragraphs: ranges, totalRows: row };
}

function run(state: ReaderState, ...actions: ReaderAction[]): ReaderState {
  return actions.reduce(reduceReader, state);
}

const G = geometry([2, 3, 1], [4, 4], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
const start = () => run(initialReaderState(), { type: 'layout', geometry: G, viewportRows: 6 });

describe('reader reducer: cursor', () => {
  it('moves by unit across paragraphs and stops at both ends', () => {
    let s = start();
    s = run(s, { type: 'down' }, { type: 'down' }, { type: 'down' });
    expect(s.cursor).toEqual({ paragraph: 1, unit: 0 });
    s = run(s, { type: 'up' });
    expect(s.cursor).toEqual({ paragraph: 0, unit: 2 });
    s = run(s, { type: 'up' }, { type: 'up' }, { type: 'up' });
    expect(s.cursor).toEqual({ paragraph: 0, unit: 0 });
    s = run(s, { type: 'bottom' });
    expect(s.cursor).toEqual({ paragraph: 2, unit: 9 });
    expect(run(s, { type: 'down' }).cursor).toEqual({ paragraph: 2, unit: 9 });
  });

  it('scrolls just enough to keep the cursor in view', () => {
    let s = start();
    s = run(s, { type: 'down' }, { type: 'down' }, { type: 'down' });
    // Paragraph 1 unit 0 covers rows 7–10; the window of 6 rows must show it all.
    expect(cursorRows(s)).toEqual({ start: 7, end: 10 });
    expect(s.scrollTop).toBe(5);
    s = run(s, { type: 'top' });
    expect(s.scrollTop).toBe(0);
  });

  it('moves by paragraph after s, and back to sentences', () => {
    let s = run(start(), { type: 'down' }, { type: 'toggleUnit' });
    expect(s.unit).toBe('paragraph');
    expect(cursorRows(s)).toEqual({ start: 0, end: 5 });
    s = run(s, { type: 'down' });
    expect(s.cursor.paragraph).toBe(1);
    s = run(s, { type: 'toggleUnit' });
    expect(s.unit).toBe('sentence');
  });

  it('pages down and puts the cursor on the first unit in view', () => {
    const s = run(start(), { type: 'pageDown' });
    expect(s.scrollTop).toBe(5);
    expect(s.cursor).toEqual({ paragraph: 0, unit: 2 });
    const half = run(start(), { type: 'halfDown' });
    expect(half.scrollTop).toBe(3);
    expect(half.cursor).toEqual({ paragraph: 0, unit: 1 });
  });

  it('keeps the cursor on its unit when the layout changes', () => {
    let s = run(start(), { type: 'down' }, { type: 'down' }, { type: 'down' }, { type: 'down' });
    expect(s.cursor).toEqual({ paragraph: 1, unit: 1 });
    const wider = geometry([1, 2, 1], [2, 2], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    s = run(s, { type: 'layout', geometry: wider, viewportRows: 4 });
    expect(s.cursor).toEqual({ paragraph: 1, unit: 1 });
    const rows = cursorRows(s);
    expect(rows.start).toBeGreaterThanOrEqual(s.scrollTop);
    expect(rows.end).toBeLessThan(s.scrollTop + 4);
  });

  it('clamps a remembered cursor that no longer exists', () => {
    const s = run(initialReaderState({ cursor: { paragraph: 9, unit: 9 } }), { type: 'layout', geometry: G, viewportRows: 6 });
    expect(s.cursor).toEqual({ paragraph: 2, unit: 9 });
  });
});

describe('reader reducer: views, panel, learner mode, search', () => {
  it('cycles both → German → English, and only German ↔ English when narrow', () => {
    let s = start();
    s = run(s, { type: 'cycleView', narrow: false });
    expect(s.view).toBe('de');
    s = run(s, { type: 'cycleView', narrow: false }, { type: 'cycleView', narrow: false });
    expect(s.view).toBe('both');
    s = run(s, { type: 'cycleView', narrow: true });
    expect(s.view).toBe('en');
    s = run(s, { type: 'cycleView', narrow: true });
    expect(s.view).toBe('de');
  });

  it('opens the facts panel focused, hands focus back, and closes', () => {
    let s = run(start(), { type: 'toggleFacts' });
    expect(s.panel).toMatchObject({ open: true, focused: true });
    s = run(s, { type: 'focusText' });
    expect(s.panel).toMatchObject({ open: true, focused: false });
    s = run(s, { type: 'toggleFacts' });
    expect(s.panel).toMatchObject({ open: true, focused: true });
    s = run(s, { type: 'toggleFacts' });
    expect(s.panel.open).toBe(false);
  });

  it('selecting a fact moves the cursor to its sentence and highlights it', () => {
    const s = run(start(), { type: 'toggleUnit' }, { type: 'selectFact', index: 3, cursor: { paragraph: 2, unit: 7 } });
    expect(s.cursor).toEqual({ paragraph: 2, unit: 7 });
    expect(s.unit).toBe('sentence');
    expect(s.fact).toBe(3);
  });

  it('reveals the focused unit in learner mode, and only there', () => {
    let s = run(start(), { type: 'reveal' });
    expect(s.revealed.size).toBe(0);
    s = run(s, { type: 'setLearner', learner: true }, { type: 'down' }, { type: 'reveal' });
    expect([...s.revealed]).toEqual(['0:1']);
    s = run(s, { type: 'reveal' });
    expect(s.revealed.size).toBe(0);
  });

  it('edits the search field', () => {
    const s = run(start(), { type: 'startSearch' }, { type: 'type', text: 'Brü' }, { type: 'type', text: 'cke\u0007' }, { type: 'erase' }, { type: 'commitSearch' });
    expect(s.search).toEqual({ query: 'Brück', editing: false });
    expect(run(s, { type: 'clearSearch' }).search.query).toBe('');
  });
});

describe('the facts panel in the reducer', () => {
  it("drops the chosen fact's highlight once the reader moves the cursor on", () => {
    const chosen = run(start(), { type: 'toggleFacts' }, { type: 'selectFact', index: 2, cursor: { paragraph: 1, unit: 0 } });
    expect(chosen.fact).toBe(2);
    expect(run(chosen, { type: 'focusText' }, { type: 'down' }).fact).toBeNull();
    // Moving through the facts keeps it: each choice sets its own.
    expect(run(chosen, { type: 'selectFact', index: 3, cursor: { paragraph: 1, unit: 1 } }).fact).toBe(3);
  });

  it('gives the keys to a panel drawn over the text even when it was left unfocused, and closes it', () => {
    const open = run(start(), { type: 'toggleFacts' }, { type: 'focusText' });
    expect(panelHasKeys(open, false)).toBe(false);
    expect(panelHasKeys(open, true)).toBe(true);
    const closed = run(open, { type: 'closePanel' });
    expect(closed.panel.open).toBe(false);
    expect(panelHasKeys(closed, true)).toBe(false);
  });
});
