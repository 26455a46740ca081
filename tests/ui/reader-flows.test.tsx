import { describe, expect, it } from 'vitest';
import { englishFile, factsFile, germanFile, makeLibrary } from '../helpers/library.js';
import { KEYMAP } from '../../src/input/keymap.js';
import { KEYS, renderApp, waitFor } from '../helpers/render-app.js';

function library() {
  return makeLibrary({
    '2025-01-15-bruecke': { de: germanFile(), en: englishFile(), facts: factsFile() },
    '2024-06-01-aelter': {
      de: germanFile({ title: 'Älterer Artikel über Schulen', published: '2024-06-01T08:00:00+02:00', paragraphs: ['Die Schule wird saniert. Das dauert lange.'] }),
    },
  });
}

describe('library screen', () => {
  it('lists articles newest first with date, source, status and unread marker', async () => {
    const app = await renderApp({ library: library() });
    const frame = app.frame();
    const lines = frame.split('\n');
    const bridge = lines.findIndex((l) => l.includes('New bridge for Beispielheim'));
    const school = lines.findIndex((l) => l.includes('Älterer Artikel über Schulen'));
    expect(bridge).toBeGreaterThan(0);
    expect(school).toBeGreaterThan(bridge);
    expect(lines[bridge]).toMatch(/15 Jan 2025.*Beispielheimer Bote.*reviewed/);
    expect(lines[school]).toMatch(/untranslated/);
    expect(lines[bridge]).toContain('●');
    await app.unmount();
  });

  it('finds articles by words in their text and facts, not only titles', async () => {
    const app = await renderApp({ library: library() });
    await app.press('/', ...'saniert');
    await waitFor(app, (f) => f.includes('Älterer Artikel') && !f.includes('New bridge'), 'a body match');
    await app.press(KEYS.escape, '/', ...'kosten');
    await waitFor(app, (f) => f.includes('New bridge') && !f.includes('Älterer Artikel') && !f.includes('searching'), 'a facts match');
    await app.unmount();
  });

  it('switches the titles between English and German on every t', async () => {
    const app = await renderApp({ library: library() });
    expect(app.frame()).toContain('New bridge for Beispielheim');
    await app.press('t');
    expect(app.frame()).toContain('Neue Brücke für Beispielheim');
    await app.press('t');
    expect(app.frame()).toContain('New bridge for Beispielheim');
    await app.press('t');
    expect(app.frame()).toContain('Neue Brücke für Beispielheim');
    await app.unmount();
  });

  it('filters as you type and Esc clears the filter', async () => {
    const app = await renderApp({ library: library() });
    await app.press('/', 's', 'c', 'h', 'u', 'l');
    expect(app.frame()).toContain('Älterer Artikel');
    expect(app.frame()).not.toContain('New bridge');
    await app.press(KEYS.escape);
    expect(app.frame()).toContain('New bridge');
    await app.unmount();
  });
});

describe('reader', () => {
  it('opens an article with German and English side by side and moves the cursor by sentence', async () => {
    const app = await renderApp({ library: library(), columns: 120, rows: 30 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'), 'the reader');
    const frame = app.frame();
    const row = frame.split('\n').find((l) => l.includes('Die Stadt Beispielheim')) ?? '';
    expect(row).toContain('The town of Beispielheim');
    expect(frame).toMatch(/¶ 1\/2 · sentence 1\/2/);
    await app.press('j');
    expect(app.frame()).toMatch(/¶ 1\/2 · sentence 2\/2/);
    await app.press('j');
    expect(app.frame()).toMatch(/¶ 2\/2 · sentence 1\/2/);
    await app.press(KEYS.up, 'g');
    expect(app.frame()).toMatch(/¶ 1\/2 · sentence 1\/2/);
    await app.press('G');
    expect(app.frame()).toMatch(/¶ 2\/2 · sentence 2\/2/);
    await app.unmount();
  });

  it('cycles the view with t and remembers it', async () => {
    const app = await renderApp({ library: library(), columns: 120, rows: 30 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    await app.press('t');
    expect(app.frame()).not.toContain('ENGLISH (');
    expect(app.frame()).toContain('DEUTSCH');
    await app.press('t');
    expect(app.frame()).toContain('ENGLISH (');
    expect(app.frame()).not.toContain('DEUTSCH (');
    expect(app.saved().preferences.view).toBe('en');
    await app.unmount();
  });

  it('jumps to the sentence a fact cites when the fact is selected', async () => {
    const app = await renderApp({ library: library(), columns: 140, rows: 30 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    await app.press('f');
    expect(app.frame()).toContain('KEY FACTS');
    expect(app.frame()).toContain('Cost');
    await app.press(KEYS.enter);
    expect(app.frame()).toMatch(/¶ 1\/2 · sentence 2\/2/);
    await app.unmount();
  });

  it('moves through many facts in order with G, g and PgDn, the text cursor following', async () => {
    const facts = [
      'facts:',
      ...Array.from({ length: 12 }, (_, i) => [
        `  - id: fakt-${i + 1}`,
        '    kind: other',
        `    label: { de: Fakt ${i + 1}, en: Fact ${i + 1} }`,
        `    value: { de: Wert ${i + 1}, en: Value ${i + 1} }`,
        `    paragraph: ${i < 6 ? 1 : 2}`,
        `    sentence: ${(i % 2) + 1}`,
        `    evidence: ${i % 2 === 0 ? (i < 6 ? 'Beispielheim' : 'Bau') : i < 6 ? 'Millionen' : 'Jahre'}`,
      ]).flat(),
      '',
    ].join('\n');
    const lib = makeLibrary({ '2025-01-15-bruecke': { de: germanFile(), en: englishFile(), facts } });
    const app = await renderApp({ library: lib, columns: 140, rows: 16 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    await app.press('f', 'G');
    const last = app.frame();
    expect(last.split('\n').find((l) => l.includes('▌ '.concat('Fact 12')) || l.includes('▌ • Fact 12'))).toBeDefined();
    expect(last).toMatch(/¶ 2\/2 · sentence 2\/2/);
    // In order: Fact 11 right above Fact 12, never Fact 1 below it.
    const lines = last.split('\n');
    const at = (name: string) => lines.findIndex((l) => new RegExp(`${name}(?!\\d)`).test(l));
    expect(at('Fact 11')).toBeLessThan(at('Fact 12'));
    expect(at('Fact 1')).toBe(-1);
    await app.press('g');
    expect(app.frame()).toMatch(/¶ 1\/2 · sentence 1\/2/);
    await app.press(KEYS.pageDown);
    expect(app.frame()).not.toMatch(/▌ • Fact 1(?!\d)/);
    await app.unmount();
  });

  it('finds a glossary term in the text with Enter', async () => {
    const app = await renderApp({ library: library(), columns: 140, rows: 30 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    await app.press('j', 'j', 'f', KEYS.tab);
    expect(app.frame()).toContain('j/k choose term');
    await app.press(KEYS.enter);
    // The term became the search: the cursor is on its first use (sentence 1), n goes on from there.
    expect(app.frame()).toMatch(/¶ 1\/2 · sentence 1\/2/);
    expect(app.frame()).toContain('/Brücke');
    await app.unmount();
  });

  it('gives a long message the whole status line, so its end is not cut off', async () => {
    const message = 'saved paragraph 1; validate found 2 problems, the first: article.en.md:13: paragraph 2 is empty';
    const app = await renderApp({
      library: library(),
      columns: 100,
      rows: 30,
      externals: { editParagraph: () => Promise.resolve({ ok: true, message }) },
    });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    await app.press('e');
    await waitFor(app, (f) => f.includes('paragraph 2 is empty'), 'the whole message');
    await app.unmount();
  });

  it('searches the article with / and n', async () => {
    const app = await renderApp({ library: library(), columns: 120, rows: 30 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    await app.press('/', 'z', 'w', 'e', 'i', KEYS.enter);
    expect(app.frame()).toMatch(/¶ 2\/2 · sentence 2\/2/);
    await app.unmount();
  });

  it('shows help from the key table and closes it', async () => {
    const app = await renderApp({ library: library(), columns: 120, rows: 40 });
    await app.press('?');
    expect(app.frame()).toContain('help and settings');
    expect(app.frame()).toContain('key facts panel');
    await app.press(KEYS.escape);
    expect(app.frame()).toContain('New bridge');
    await app.unmount();
  });

  for (const [columns, rows] of [[160, 40], [80, 24], [40, 10]] as const) {
    it(`lays the help out within ${columns}×${rows}, descriptions whole where there is room`, async () => {
      const app = await renderApp({ library: library(), columns, rows });
      await app.press('?');
      const lines = app.frame().split('\n');
      expect(lines.every((l) => [...l].length <= columns)).toBe(true);
      expect(lines.some((l) => /^j ↓ +next sentence \/ row/.test(l))).toBe(true);
      if (columns >= 160) expect(lines.some((l) => l.includes('edit the focused English paragraph in $EDITOR'))).toBe(true);
      if (columns >= 80) expect(lines.some((l) => l.includes('open the article / go to the facts panel'))).toBe(true);
      expect(lines.some((l) => /^ \S/.test(l))).toBe(false);
      await app.unmount();
    });
  }

  it("scrolls the help's key list with G, g and PgDn", async () => {
    const app = await renderApp({ library: library(), columns: 80, rows: 24 });
    await app.press('?');
    expect(app.frame()).toMatch(new RegExp(`keys 1–\\d+ of ${KEYMAP.length}`));
    await app.press('G');
    expect(app.frame()).toMatch(new RegExp(`keys \\d+–${KEYMAP.length} of ${KEYMAP.length}`));
    await app.press('g');
    expect(app.frame()).toMatch(new RegExp(`keys 1–\\d+ of ${KEYMAP.length}`));
    await app.press(KEYS.pageDown);
    expect(app.frame()).not.toMatch(/keys 1–/);
    await app.unmount();
  });

  it('hides the English in learner mode until r reveals the focused sentence', async () => {
    const app = await renderApp({ library: library(), columns: 120, rows: 30, stored: { version: 1, preferences: { learner: true, updated: 1 }, libraries: {} } });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    expect(app.frame()).not.toContain('The town of Beispielheim');
    const before = app.frame().split('\n').length;
    await app.press('r');
    expect(app.frame()).toContain('The town of Beispielheim');
    expect(app.frame()).not.toContain('It costs 12 million euros');
    expect(app.frame().split('\n').length).toBe(before);
    await app.unmount();
  });

  it('keeps the cursor on its sentence through resizes to 80 and 160 columns', async () => {
    const app = await renderApp({ library: library(), columns: 120, rows: 30 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    await app.press('j', 'j');
    await app.resize(80, 24);
    expect(app.frame()).toMatch(/¶ 2\/2 · sentence 1\/2/);
    expect(app.frame()).not.toContain('ENGLISH (');
    await app.resize(160, 50);
    expect(app.frame()).toMatch(/¶ 2\/2 · sentence 1\/2/);
    expect(app.frame()).toContain('ENGLISH (');
    await app.unmount();
  });

  it('speaks German with --ui-lang de', async () => {
    const app = await renderApp({ library: library(), language: 'de' });
    expect(app.frame()).toContain('15.01.2025');
    expect(app.frame()).toContain('geprüft');
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH'));
    expect(app.frame()).toMatch(/Satz 1\/2/);
    await app.unmount();
  });

  it('opens the address of an article listed from the index, which leaves addresses out, from its file', async () => {
    const lib = makeLibrary({
      'mit-adresse': { de: germanFile({ title: 'Mit Adresse', published: '2025-03-01T10:00:00+01:00', extra: 'url: https://example.org/mit' }) },
      'ohne-adresse': { de: germanFile({ title: 'Ohne Adresse', published: '2025-02-01T10:00:00+01:00' }) },
    });
    const app = await renderApp({ library: lib, columns: 120, rows: 30, fromIndex: true });
    await waitFor(app, (f) => f.includes('Mit Adresse'));
    await app.press('o');
    await waitFor(app, () => app.calls.openUrl.length > 0, 'the address opened');
    expect(app.calls.openUrl).toEqual(['https://example.org/mit']);
    await app.press('j', 'o');
    await waitFor(app, (f) => f.includes('has no URL'), 'the notice');
    expect(app.calls.openUrl).toHaveLength(1);
    await app.unmount();
  });

  it('moves to the next and previous article with J and K, and hands o and e to the outside world', async () => {
    const lib = makeLibrary({
      'newest': { de: germanFile({ title: 'Neuester', published: '2025-03-01T10:00:00+01:00', extra: 'url: https://example.org/neu' }) },
      'middle': { de: germanFile({ title: 'Mitte', published: '2025-02-01T10:00:00+01:00' }) },
      'oldest': { de: germanFile({ title: 'Ältester', published: '2025-01-01T10:00:00+01:00' }) },
    });
    const app = await renderApp({ library: lib, columns: 120, rows: 30 });
    await app.press(KEYS.enter);
    await waitFor(app, (f) => f.includes('DEUTSCH') && f.includes('Neuester'));
    await app.press('o');
    expect(app.calls.openUrl).toEqual(['https://example.org/neu']);
    await app.press('j', 'j', 'e');
    expect(app.calls.edit).toEqual([1]);
    await app.press('J');
    await waitFor(app, (f) => f.includes('Mitte'), 'the next article');
    await app.press('o');
    await waitFor(app, (f) => f.includes('no URL'), 'a note that there is no URL');
    await app.press('J', 'J');
    await waitFor(app, (f) => f.includes('Ältester') && f.includes('last article'), 'the last article');
    await app.press('K');
    await waitFor(app, (f) => f.includes('Mitte'), 'the previous article');
    await app.press('q');
    await waitFor(app, (f) => f.includes('test-library'), 'the library');
    expect(app.frame().split('\n').find((l) => l.includes('Mitte'))).toMatch(/^▌/);
    await app.unmount();
  });

  it('says the terminal is too small below 40×10', async () => {
    const app = await renderApp({ library: library(), columns: 30, rows: 8 });
    expect(app.frame()).toMatch(/Too small \(30×8\): q quits/);
    await app.unmount();
  });
});
