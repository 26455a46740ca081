import { describe, expect, it } from 'vitest';
import { panelRows, type PanelItem } from '../../src/layout/panel-list.js';

const items: PanelItem[] = Array.from({ length: 18 }, (_, i) => ({ title: `Fakt ${i + 1}`, detail: `Wert ${i + 1}` }));
const titles = (rows: { text: string; kind: string }[]) => rows.filter((r) => r.kind === 'title').map((r) => r.text);

describe('the panel list', () => {
  it('keeps the items in order and never wraps around to the first after the last', () => {
    const { rows } = panelRows(items, 17, 0, 30, 10, true);
    expect(titles(rows)).toEqual(['Fakt 14', 'Fakt 15', 'Fakt 16', 'Fakt 17', 'Fakt 18']);
  });

  it('scrolls the least needed to show the selection, and not at all while it is in view', () => {
    const first = panelRows(items, 0, 0, 30, 10, true);
    expect(first.top).toBe(0);
    expect(panelRows(items, 4, first.top, 30, 10, true).top).toBe(0);
    const down = panelRows(items, 5, first.top, 30, 10, true);
    expect(down.top).toBe(1);
    expect(titles(down.rows)).toContain('Fakt 6');
    // Back up inside the window: the window stays.
    expect(panelRows(items, 3, down.top, 30, 10, true).top).toBe(1);
    expect(panelRows(items, 0, down.top, 30, 10, true).top).toBe(0);
  });

  it('shows a long detail in full (up to four rows) for the selected item only', () => {
    const long: PanelItem[] = [
      { title: 'Stellenstreichungen — job cuts', detail: 'die Stellenstreichung, -en; meist im Plural gebraucht, auch Stellenabbau (der).' },
      { title: 'Entlassungen — layoffs', detail: 'die Entlassung, -en; von entlassen, mit einer langen Erklärung dazu.' },
    ];
    const open = panelRows(long, 0, 0, 24, 20, true).rows;
    expect(open.filter((r) => r.item === 0 && r.kind === 'detail').length).toBeGreaterThan(1);
    expect(open.filter((r) => r.item === 1 && r.kind === 'detail')).toHaveLength(1);
    expect(open.every((r) => [...r.text].length <= 24)).toBe(true);
    const closed = panelRows(long, 0, 0, 24, 20, false).rows;
    expect(closed.filter((r) => r.kind === 'detail')).toHaveLength(2);
  });

  it('fits in the height it is given, whatever the sizes', () => {
    for (let height = 1; height < 12; height++) {
      for (let selected = 0; selected < items.length; selected++) {
        const { rows } = panelRows(items, selected, 0, 12, height, true);
        expect(rows.length).toBeLessThanOrEqual(height);
        expect(rows.some((r) => r.item === selected && r.kind === 'title')).toBe(true);
      }
    }
  });
});
