import { describe, expect, it } from 'vitest';
import { alignParagraphUnits } from '../../src/content/aligned-article.js';
import { findMatches } from '../../src/layout/find-matches.js';
import { buildRows, segmentLine } from '../../src/layout/reader-rows.js';
import { screenLayout } from '../../src/layout/screen-layout.js';

const P1 = alignParagraphUnits(
  'Die Stadt baut eine neue Brücke über den Fluss. Sie kostet zwölf Millionen Euro und soll zwei Jahre dauern.',
  'The town is building a new bridge over the river. It costs twelve million euros and is to take two years.',
);
const P2 = alignParagraphUnits('Kurz.', '');
const EXTRA = alignParagraphUnits('', 'An English paragraph with no German one.');

describe('buildRows', () => {
  it('says so beside an English paragraph that has no German one', () => {
    const { rows } = buildRows([P1, EXTRA], { columns: ['de', 'en'], widths: [20, 40], untranslated: '-', noGerman: '[no German]' });
    const extra = rows.filter((r) => r.paragraph === 1 && (r.de || r.en));
    expect(extra[0]?.de?.text).toBe('[no German]');
    expect(extra[0]?.deNote).toBe(true);
    expect(extra[0]?.en?.text).toBe('An English paragraph with no German one.');
  });

  it('starts each pair of paragraphs on the same row, as tall as the taller', () => {
    const { rows, paragraphs } = buildRows([P1, P2], { columns: ['de', 'en'], widths: [20, 30], untranslated: '[not translated yet]' });
    expect(paragraphs[0]).toEqual({ start: 0, end: 5 });
    expect(rows[0]?.de?.text).toBe('Die Stadt baut eine');
    expect(rows[0]?.en?.text).toBe('The town is building a new');
    expect(rows[6]).toEqual({ paragraph: 0 });
    expect(paragraphs[1]).toEqual({ start: 7, end: 7 });
    expect(rows[7]).toMatchObject({ enNote: true, en: { text: '[not translated yet]' } });
  });

  it('knows the rows of every unit in both columns', () => {
    const { units } = buildRows([P1], { columns: ['de', 'en'], widths: [20, 30], untranslated: '-' });
    expect(units[0]).toHaveLength(2);
    expect(units[0]?.[0]).toEqual({ start: 0, end: 2 });
    expect(units[0]?.[1]?.end).toBe(5);
  });

  it('lays out one language alone', () => {
    const { rows } = buildRows([P1], { columns: ['en'], widths: [60], untranslated: '-' });
    expect(rows.every((r) => r.de === undefined)).toBe(true);
    expect(rows.map((r) => r.en?.text)).toEqual(['The town is building a new bridge over the river. It costs', 'twelve million euros and is to take two years.']);
  });
});

describe('segmentLine', () => {
  it('cuts a line where the focus, evidence and matches start and end', () => {
    const text = 'Sie kostet zwölf Millionen Euro.';
    const line = { start: 0, end: text.length, text, width: text.length };
    const segments = segmentLine(line, text, { focus: { start: 0, end: text.length }, evidence: [{ start: 11, end: 31 }], matches: findMatches(text, 'euro') });
    expect(segments.map((s) => [s.text, s.focus, s.evidence, s.match])).toEqual([
      ['Sie kostet ', true, false, false],
      ['zwölf Millionen ', true, true, false],
      ['Euro', true, true, true],
      ['.', true, false, false],
    ]);
  });
});

describe('findMatches', () => {
  it('ignores case, umlauts and ß, and reports spans of the original', () => {
    const text = 'Die Straße in München';
    expect(findMatches(text, 'strasse muenchen')).toEqual([{ start: 4, end: 10 }]);
    expect(findMatches(text, 'munchen')).toEqual([{ start: 14, end: 21 }]);
  });
});

describe('screenLayout', () => {
  it('puts German and English side by side from 100 columns, one column below', () => {
    expect(screenLayout(120, 40, 'both', false).columns.map((c) => c.lang)).toEqual(['de', 'en']);
    expect(screenLayout(99, 40, 'both', false).columns.map((c) => c.lang)).toEqual(['de']);
    expect(screenLayout(99, 40, 'en', false).columns.map((c) => c.lang)).toEqual(['en']);
  });

  it('keeps the frame at rows − 1 and notes a terminal below 40×10', () => {
    expect(screenLayout(80, 24, 'both', false).textRows).toBe(20);
    // A wide window gets margin rather than lines too long to read.
    expect(screenLayout(220, 40, 'de', false).columns[0]?.width).toBe(100);
    expect(screenLayout(220, 40, 'both', true).columns.every((c) => c.width <= 100)).toBe(true);
    expect(screenLayout(39, 24, 'both', false).tooSmall).toBe(true);
    expect(screenLayout(80, 9, 'both', false).tooSmall).toBe(true);
    expect(screenLayout(40, 10, 'both', false).tooSmall).toBe(false);
  });

  it('shows the facts panel beside the text when there is room, else over it', () => {
    expect(screenLayout(160, 40, 'both', true).panel.mode).toBe('inline');
    expect(screenLayout(80, 24, 'de', true).panel.mode).toBe('inline');
    expect(screenLayout(60, 24, 'de', true).panel.mode).toBe('overlay');
    const wide = screenLayout(160, 40, 'both', true);
    const used = wide.columns.reduce((n, c) => n + c.width + 2, 0) + 3 + wide.panel.width + 1;
    expect(used).toBeLessThanOrEqual(160);
  });
});
