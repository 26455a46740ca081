import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../src/content/article.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { libraryFrame, type LibraryFrameInput } from '../../src/view/library-frame.js';
import { initialLibraryState } from '../../src/state/library-state.js';
import { themeFor } from '../../src/view/theme.js';

function entry(id: string, published: string, title: string): LibraryEntry {
  return {
    ok: true,
    id,
    summary: { id, title: { de: title }, source: 'Probeblatt', published, time: Date.parse(published), translation: 'untranslated' },
  };
}

/** The frame's lines as text for `entries` (all visible, the first selected) in `language`; `more` changes the rest. */
function frameLines(entries: LibraryEntry[], language: 'en' | 'de', more: Partial<LibraryFrameInput> = {}): string[] {
  return libraryFrame({
    entries,
    visible: entries.map((_, i) => i),
    state: initialLibraryState(entries.length),
    view: 'de',
    read: () => false,
    width: 100,
    listRows: 10,
    libraryName: 'bib',
    note: undefined,
    sourceWidth: 10,
    t: createTranslator(language),
    language,
    theme: themeFor(false),
    ...more,
  }).map((line) => line.map((s) => s.text).join(''));
}

describe('the library frame', () => {
  for (const language of ['en', 'de'] as const) {
    it(`starts every title in the same column whatever the month (${language})`, () => {
      const entries = [
        entry('a', '2023-09-21T10:00:00+02:00', 'Septembertitel'),
        entry('b', '2023-05-02T10:00:00+02:00', 'Maititel'),
        entry('c', '2023-02-12T10:00:00+01:00', 'Februartitel'),
      ];
      const lines = frameLines(entries, language);
      const columns = ['Septembertitel', 'Maititel', 'Februartitel'].map((title) => lines.find((l) => l.includes(title))?.indexOf(title));
      expect(columns[0]).toBeGreaterThan(0);
      expect(new Set(columns).size).toBe(1);
    });
  }

  it("shows a broken article's problem from its folder on, without the library's path", () => {
    const broken: LibraryEntry = { ok: false, id: 'kaputt', errors: [{ file: path.join('/srv/bib', 'kaputt', 'article.de.md'), line: 5, severity: 'error', message: 'published: missing' }] };
    const lines = frameLines([broken], 'en', { listRows: 5, libraryName: '/srv/bib' });
    const row = lines.find((l) => l.includes('kaputt')) ?? '';
    expect(row).toContain('article.de.md:5');
    expect(row).not.toContain('/srv/bib');
  });
  it('shows machine drafts as their own status beside reviewed, draft and untranslated', () => {
    const statuses = ['reviewed', 'draft', 'machine', 'untranslated'] as const;
    const entries: LibraryEntry[] = statuses.map((translation, i) => {
      const base = entry(`a${i}`, `2024-0${i + 1}-10T10:00:00+01:00`, `Titel ${translation}`);
      return base.ok ? { ...base, summary: { ...base.summary, translation } } : base;
    });
    for (const language of ['en', 'de'] as const) {
      const t = createTranslator(language);
      const lines = frameLines(entries, language, { read: () => true, listRows: 8 });
      for (const translation of statuses) {
        const row = lines.find((l) => l.includes(`Titel ${translation}`)) ?? '';
        expect(row.trimEnd().endsWith(t(`ui.status.${translation}`))).toBe(true);
      }
    }
    expect(createTranslator('en')('ui.status.machine')).toBe('machine');
  });

  it('groups the digits of large counts in the heading, in the UI language', () => {
    const entries = [entry('a', '2024-01-10T10:00:00+01:00', 'Titel')];
    const heading = (language: 'en' | 'de') => frameLines(entries, language, { listRows: 5, total: 12345, unread: 10000 })[0];
    expect(heading('en')).toContain('12,345 articles · 10,000 unread');
    expect(heading('de')).toContain('12.345 Artikel · 10.000 ungelesen');
  });
});
