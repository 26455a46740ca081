import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/content/load-article.js';
import { listLibrary, openLibrary } from '../../src/content/load-library.js';
import { englishFile, factsFile, germanFile, makeLibrary, tempDir } from '../helpers/library.js';

async function rootOf(dir: string) {
  const opened = await openLibrary(dir);
  if (!opened.ok) throw new Error(opened.message);
  return opened.root;
}

describe('listLibrary', () => {
  it('lists good articles newest first and broken ones as entries with file and line', async () => {
    const dir = makeLibrary({
      'older': { de: germanFile({ published: '2024-01-01T10:00:00+01:00' }) },
      'newer': { de: germanFile({ published: '2025-06-01T10:00:00+02:00' }), en: englishFile() },
      'broken-yaml': { de: '---\ntitle: [unclosed\nsource: X\n---\n\nText.\n' },
      'missing-source': { de: '---\ntitle: Titel\npublished: 2024-01-01T10:00:00+01:00\n---\n\nText.\n' },
    });
    const entries = await listLibrary(await rootOf(dir));
    expect(entries.map((e) => e.id)).toEqual(['newer', 'older', 'broken-yaml', 'missing-source']);
    const newer = entries[0];
    expect(newer?.ok && newer.summary.translation).toBe('reviewed');
    expect(newer?.ok && newer.summary.title.en).toBe('New bridge for Beispielheim');
    const older = entries[1];
    expect(older?.ok && older.summary.translation).toBe('untranslated');
    const broken = entries[2];
    expect(broken?.ok).toBe(false);
    if (broken && !broken.ok) {
      expect(broken.errors[0]?.file).toMatch(/broken-yaml[/\\]article\.de\.md$/);
      expect(broken.errors[0]?.line).toBeGreaterThanOrEqual(2);
    }
    const missing = entries[3];
    if (missing && !missing.ok) {
      expect(missing.errors[0]?.message).toMatch(/^source: missing$/);
      expect(missing.errors[0]?.line).toBe(2);
    } else {
      expect.fail('missing-source should be broken');
    }
  });

  it('reports folders whose names are not ids, and ignores hidden folders', async () => {
    const dir = makeLibrary({ 'good': { de: germanFile() }, 'Bad Name': { de: germanFile() }, '.git': { de: 'x' } });
    const entries = await listLibrary(await rootOf(dir));
    expect(entries.map((e) => [e.id, e.ok])).toEqual([
      ['good', true],
      ['Bad Name', false],
    ]);
  });

  it('treats a skeleton of placeholders as untranslated and text as draft', async () => {
    const dir = makeLibrary({
      skeleton: { de: germanFile(), en: '---\nstatus: draft\n---\n\n<!-- untranslated -->\n\n<!-- untranslated -->\n' },
      started: { de: germanFile(), en: englishFile({ status: 'draft' }) },
    });
    const entries = await listLibrary(await rootOf(dir));
    const byId = Object.fromEntries(entries.map((e) => [e.id, e.ok ? e.summary.translation : 'broken']));
    expect(byId).toEqual({ skeleton: 'untranslated', started: 'draft' });
  });

  it('never reads through a link that leaves the library', async () => {
    const outside = makeLibrary({ secret: { de: germanFile({ title: 'Geheim' }) } });
    const dir = makeLibrary({ good: { de: germanFile() } });
    symlinkSync(path.join(outside, 'secret'), path.join(dir, 'linked-folder'));
    mkdirSync(path.join(dir, 'linked-file'));
    symlinkSync(path.join(outside, 'secret', 'article.de.md'), path.join(dir, 'linked-file', 'article.de.md'));
    const entries = await listLibrary(await rootOf(dir));
    for (const id of ['linked-folder', 'linked-file']) {
      const entry = entries.find((e) => e.id === id);
      expect(entry?.ok).toBe(false);
      expect(entry && !entry.ok && entry.errors[0]?.message).toMatch(/leaves the library/);
    }
    expect(JSON.stringify(entries)).not.toContain('Geheim');
  });
});

describe('loadArticle', () => {
  it('loads paragraphs, English, facts and glossary with line numbers', async () => {
    const dir = makeLibrary({ bridge: { de: germanFile(), en: englishFile(), facts: factsFile() } });
    const result = await loadArticle(await rootOf(dir), 'bridge');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { article } = result;
    expect(article.paragraphs).toHaveLength(2);
    expect(article.paragraphs[0]?.deLine).toBe(8);
    expect(article.paragraphs[1]?.deLine).toBe(10);
    expect(article.paragraphs[1]?.en).toMatch(/^Construction starts/);
    expect(article.facts[0]?.confirmed).toBe(true);
    expect(article.glossary[0]?.en).toBe('bridge');
    expect(article.translation).toBe('reviewed');
  });

  it('opens an article without English or facts as untranslated', async () => {
    const dir = makeLibrary({ solo: { de: germanFile() } });
    const result = await loadArticle(await rootOf(dir), 'solo');
    expect(result.ok && result.article.translation).toBe('untranslated');
    expect(result.ok && result.article.paragraphs.every((p) => p.en === '')).toBe(true);
  });

  it('normalises and sanitises every text it loads', async () => {
    const nasty = 'Bun\u00ADdes\u200Btag\u00A0tagt \u001B]0;owned\u0007heute\u001B[31m rot\u202E.';
    const dir = makeLibrary({ nasty: { de: germanFile({ title: 'Ti\u0301tel \u009B31m', paragraphs: [nasty] }) } });
    const result = await loadArticle(await rootOf(dir), 'nasty');
    if (!result.ok) return expect.fail(JSON.stringify(result.errors));
    expect(result.article.paragraphs[0]?.de).toBe('Bundestag tagt heute rot.');
    expect(result.article.meta.title).toBe('Títel');
    expect(result.problems.some((p) => /control characters/.test(p.message))).toBe(true);
  });

  it('opens an article with a bad facts file, keeping its errors with file and line, and refuses huge or binary files', async () => {
    const dir = makeLibrary({
      facts: { de: germanFile(), facts: 'facts:\n  - id: x\n    kind: rumour\n    label: {de: a}\n    value: {de: b}\n    paragraph: 1\n    evidence: c\n' },
      binary: { de: 'abc\u0000def' },
    });
    writeFileSync(path.join(dir, 'binary', 'article.de.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x00, 0xff]));
    mkdirSync(path.join(dir, 'huge'));
    writeFileSync(path.join(dir, 'huge', 'article.de.md'), 'x'.repeat(3 * 1024 * 1024));
    const root = await rootOf(dir);
    // A broken facts.yaml hides only the facts: the text still opens.
    const facts = await loadArticle(root, 'facts');
    expect(facts.ok).toBe(true);
    if (facts.ok) {
      expect(facts.article.facts).toEqual([]);
      expect(facts.article.factsErrors[0]?.file).toMatch(/facts\.yaml$/);
      expect(facts.article.factsErrors[0]?.line).toBe(3);
      expect(facts.article.factsErrors[0]?.message).toMatch(/kind/);
    }
    const binary = await loadArticle(root, 'binary');
    expect(!binary.ok && binary.errors[0]?.message).toMatch(/binary/);
    const huge = await loadArticle(root, 'huge');
    expect(!huge.ok && huge.errors[0]?.message).toMatch(/refused/);
  });

  it('caps YAML alias expansion', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const dir = makeLibrary({ bomb: { de: germanFile(), facts: `${bomb}\n` } });
    const result = await loadArticle(await rootOf(dir), 'bomb');
    expect(result.ok).toBe(true);
    expect(result.ok && result.article.factsErrors[0]?.file).toMatch(/facts\.yaml$/);
    expect(result.ok && result.article.factsErrors[0]?.message).toMatch(/alias/i);
  });

  it('rejects ids that are not slugs without touching the file system', async () => {
    const dir = tempDir();
    for (const id of ['../etc', 'a/b', 'UPPER', '', '-x']) {
      const result = await loadArticle(await rootOf(dir), id);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors[0]?.message).toMatch(/not an article id/);
    }
  });
});
