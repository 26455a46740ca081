import { describe, expect, it } from 'vitest';
import { initialLibraryState, reduceLibrary, type LibraryAction, type LibraryState } from '../../src/state/library-state.js';

const run = (s: LibraryState, ...actions: LibraryAction[]) => actions.reduce(reduceLibrary, s);

describe('library reducer', () => {
  it('moves through 10,000 rows with a window that follows the selection', () => {
    let s = run(initialLibraryState(10_000), { type: 'layout', viewportRows: 20 });
    s = run(s, { type: 'bottom' });
    expect(s.list).toMatchObject({ selected: 9_999, scrollTop: 9_980 });
    s = run(s, { type: 'top' }, { type: 'pageDown' });
    expect(s.list).toMatchObject({ selected: 19, scrollTop: 19 });
    s = run(s, { type: 'halfUp' });
    expect(s.list.selected).toBe(9);
    s = run(s, { type: 'up' }, { type: 'up' });
    expect(s.list.selected).toBe(7);
  });

  it('keeps the selection inside the results when the filter narrows them', () => {
    let s = run(initialLibraryState(50), { type: 'layout', viewportRows: 10 }, { type: 'bottom' });
    s = run(s, { type: 'results', count: 3 });
    expect(s.list).toMatchObject({ selected: 2, scrollTop: 0, count: 3 });
    s = run(s, { type: 'results', count: 0 });
    expect(s.list.selected).toBe(0);
  });

  it('cycles through matches with n and N', () => {
    let s = run(initialLibraryState(3), { type: 'nextMatch' }, { type: 'nextMatch' }, { type: 'nextMatch' });
    expect(s.list.selected).toBe(0);
    s = run(s, { type: 'prevMatch' });
    expect(s.list.selected).toBe(2);
  });

  it('types into the filter and clears it', () => {
    const s = run(initialLibraryState(3), { type: 'startSearch' }, { type: 'type', text: 'aws' });
    expect(s.search).toEqual({ query: 'aws', editing: true });
    expect(run(s, { type: 'clearSearch' }).search).toEqual({ query: '', editing: false });
  });
});
