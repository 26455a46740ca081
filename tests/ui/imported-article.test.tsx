/** A fresh import in the reader: what a curator sees before confirming anything. */
import { describe, expect, it } from 'vitest';
import { germanFile, makeLibrary } from '../helpers/library.js';
import { KEYS, renderApp, waitFor } from '../helpers/render-app.js';

/** Candidate facts and a proposed glossary as import writes them: unconfirmed, no English values yet. */
const CANDIDATES = [
  'facts:',
  '  - id: money-12-millionen-euro',
  '    kind: money',
  '    label: { de: Betrag, en: Amount }',
  '    value: { de: 12 Millionen Euro }',
  '    paragraph: 1',
  '    sentence: 2',
  '    evidence: 12 Millionen Euro',
  '    confirmed: false',
  'glossary:',
  '  - de: Brückenbauverwaltung',
  '    confirmed: false',
  '',
].join('\n');

function library() {
  return makeLibrary({
    '2025-01-15-bruecke': { de: germanFile({ extra: 'author: Anna Muster, Ben Beispiel' }), facts: CANDIDATES },
  });
}

describe('a freshly imported article in the reader', () => {
  it('shows the dek and every author under the header', async () => {
    const app = await renderApp({ library: library(), columns: 140, rows: 30 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    const lines = app.frame().split('\n');
    expect(lines[1]).toContain('Die Stadt investiert in den Verkehr. · by Anna Muster, Ben Beispiel');
    await app.unmount();
  });

  it('says "unconfirmed" in words on candidate facts and proposed terms, never a bare "?"', async () => {
    const app = await renderApp({ library: library(), columns: 140, rows: 30 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    await app.press('f');
    expect(app.frame()).toContain('Amount (unconfirmed)');
    await app.press(KEYS.tab);
    const glossary = app.frame();
    expect(glossary).toContain('Brückenbauverwaltung');
    const lines = glossary.split('\n');
    const term = lines.findIndex((l) => l.includes('Brückenbauverwaltung (unconfirmed)'));
    expect(term).toBeGreaterThan(0);
    expect(lines[term + 1]).toContain('no English yet');
    expect(glossary).not.toContain('— ?');
    await app.unmount();
  });
});
