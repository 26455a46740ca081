import { describe, expect, it } from 'vitest';
import { englishFile, germanFile, makeLibrary } from '../helpers/library.js';
import { KEYS, renderApp, waitFor } from '../helpers/render-app.js';

describe('the reader on an article whose facts.yaml is broken', () => {
  it('shows the German and English text, and the facts panel says what is wrong and where', async () => {
    const library = makeLibrary({ 'kaputte-fakten': { de: germanFile(), en: englishFile(), facts: 'glossary: []\nfacts: [\n' } });
    const app = await renderApp({ library, columns: 140, rows: 30 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'), 'the reader');
    const row = app.frame().split('\n').find((l) => l.includes('Die Stadt Beispielheim')) ?? '';
    expect(row).toContain('The town of Beispielheim');
    await app.press('f');
    await waitFor(app, (f) => f.includes('KEY FACTS'), 'the facts panel');
    // The panel's column, read top to bottom.
    const lines = app.frame().split('\n');
    const column = lines.find((l) => l.includes('KEY FACTS'))?.indexOf('KEY FACTS') ?? 0;
    const text = lines.map((l) => l.slice(column)).join(' ').replace(/\s+/g, ' ');
    expect(text).toMatch(/facts\.yaml has errors: facts\.yaml:\d+: YAML: .*run newsbridge validate/);
    expect(text).not.toContain('No key facts yet');
    // The glossary comes from the same file: its tab says the same.
    await app.press(KEYS.tab);
    expect(app.frame()).toContain('facts.yaml has errors');
    await app.unmount();
  });
});
