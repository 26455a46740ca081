import { describe, expect, it } from 'vitest';
import { alignArticleParagraph } from '../../src/content/aligned-article.js';
import type { Paragraph } from '../../src/content/article.js';
import { pairBlock } from '../../src/content/pair-blocks.js';
import { parseBlock } from '../../src/content/blocks.js';
import { sideLines, MACHINE_MARK } from '../../src/layout/block-lines.js';
import { buildRows } from '../../src/layout/reader-rows.js';

/** A paragraph from the Markdown-like lines of both sides, aligned as the reader aligns it. */
function paragraph(de: string[], en: string[], machine = false) {
  const sideDe = parseBlock(de);
  const sideEn = parseBlock(en);
  const block = pairBlock(sideDe, sideEn);
  const p: Paragraph = { de: sideDe.text, en: sideEn.text, ...(block ? { block } : {}), ...(machine ? { machine: { provider: 'p', model: 'm', date: '2026-01-01' } } : {}) };
  return alignArticleParagraph(p);
}

const texts = (lines: ReturnType<typeof sideLines>) => lines.map((l) => `${l.prefix ?? ''}${l.display ?? l.text}`);

describe('block lines', () => {
  it('draws a list with bullets, each item wrapped under its bullet, offsets into the plain text', () => {
    const p = paragraph(['- eine neue Brücke über den Fluss', '- ein Radweg'], ['- a new bridge over the river', '- a cycle path']);
    const lines = sideLines(p, 'de', 20, 'F:');
    expect(texts(lines)).toEqual(['• eine neue Brücke', '  über den Fluss', '• ein Radweg']);
    for (const line of lines) expect(p.de.slice(line.start, line.end).trim()).toBe(line.text);
    // Each item is a unit of its own: the cursor moves from item to item.
    expect(p.units).toHaveLength(2);
  });

  it('lays a table out in columns when it fits, as label: value rows when not, each line knowing its row', () => {
    const p = paragraph(['| Vorhaben | Kosten |', '| --- | --- |', '| Brücke | 9 Mio. Euro |', '| Radweg | 2 Mio. Euro |'], ['| Project | Cost |', '| --- | --- |', '| Bridge | €9 million |', '| Cycle path | €2 million |']);
    const wide = sideLines(p, 'de', 40, 'F:');
    expect(texts(wide)).toEqual(['Vorhaben  Kosten', '────────  ───────────', 'Brücke    9 Mio. Euro', 'Radweg    2 Mio. Euro']);
    expect(p.de.slice(wide[2]?.start, wide[2]?.end)).toBe('Brücke | 9 Mio. Euro');
    const narrow = sideLines(p, 'de', 18, 'F:');
    expect(texts(narrow)).toEqual(['Vorhaben: Brücke', 'Kosten: 9 Mio.', '  Euro', 'Vorhaben: Radweg', 'Kosten: 2 Mio.', '  Euro']);
    expect(narrow.every((l) => (l.display ?? '').length <= 18)).toBe(true);
  });

  it('sets a quotation behind a bar, a question after its mark, and a subheading apart', () => {
    expect(texts(sideLines(paragraph(['> Wir bauen für hundert Jahre.'], ['> We build for a hundred years.']), 'de', 40, 'F:'))).toEqual(['▎ Wir bauen für hundert Jahre.']);
    const question = sideLines(paragraph(['? Wann beginnt der Bau am Fluss?'], ['? When does the building start?']), 'en', 20, 'Q:');
    expect(texts(question)).toEqual(['Q: When does the', '   building start?']);
    expect(question.every((l) => l.style === 'question')).toBe(true);
    expect(sideLines(paragraph(['## Was geplant ist'], ['## What is planned']), 'de', 40, 'F:')[0]?.style).toBe('heading');
  });

  it('marks every line of machine-drafted English, and draws an English side of another kind as a paragraph', () => {
    const machine = sideLines(paragraph(['Ein Satz über die Brücke.'], ['A sentence about the bridge.'], true), 'en', 40, 'Q:');
    expect(machine.every((l) => l.prefix?.startsWith(MACHINE_MARK))).toBe(true);
    const odd = paragraph(['- eins', '- zwei'], ['one and two']);
    expect(texts(sideLines(odd, 'en', 40, 'Q:'))).toEqual(['one and two']);
  });

  it('puts the link list under the text, in rows of no unit', () => {
    const p = paragraph(['Ein Satz.'], ['A sentence.']);
    const rows = buildRows([p], { columns: ['de', 'en'], widths: [30, 30], untranslated: '-', links: ['Links', '[1] der Plan — https://example.org/plan'] });
    expect(rows.rows.map((r) => r.link ?? '')).toEqual(['', '', 'Links', '[1] der Plan — https://example.org/plan']);
    expect(rows.paragraphs).toEqual([{ start: 0, end: 0 }]);
  });
});
