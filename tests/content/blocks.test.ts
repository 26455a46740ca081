import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignArticle, blockPartSpans } from '../../src/content/aligned-article.js';
import { blockMarkdown, parseBlock, type BlockSide } from '../../src/content/blocks.js';
import { bundledLibrary } from '../../src/content/library-paths.js';
import { loadArticle } from '../../src/content/load-article.js';
import { openLibrary } from '../../src/content/load-library.js';
import { runCli } from '../cli/run-cli.js';
import { englishFile, germanFile, makeLibrary } from '../helpers/library.js';

const lines = (text: string) => text.split('\n');

async function load(library: string, id: string) {
  const opened = await openLibrary(library);
  if (!opened.ok) throw new Error(opened.message);
  const result = await loadArticle(opened.root, id);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const GERMAN = [
  'Der Rat hat am Montag über den Haushalt beraten. Die Zahlen im Überblick:',
  '## Was beschlossen wurde',
  '- Die Grundsteuer steigt um 5 Prozent.\n- Das Hallenbad bleibt geöffnet\n- Zwei neue Kitas',
  '| Jahr | Ausgaben |\n| --- | --- |\n| 2024 | 12,5 Mio. Euro |\n| 2025 | 13,1 Mio. Euro |',
  '> Wir haben lange gerungen.',
  '? Frau Muster, sind Sie zufrieden?',
  'Ja, im Großen und Ganzen schon.',
  '[1]: https://example.org/haushalt "Der Haushaltsplan"\n[2]: https://example.org/rat',
];
const ENGLISH = [
  'The council debated the budget on Monday. The figures at a glance:',
  '## What was decided',
  '- Property tax rises by 5 percent.\n- The indoor pool stays open\n- Two new nurseries',
  '| Year | Spending |\n| --- | --- |\n| 2024 | €12.5 million |\n| 2025 | €13.1 million |',
  '> We struggled for a long time.',
  '? Ms Muster, are you satisfied?',
  'Yes, on the whole.',
];

describe('block kinds in the article format', () => {
  it('parses each kind from its Markdown-like form and writes it back the same way', () => {
    const cases: [string, BlockSide['kind']][] = [
      ['## Was beschlossen wurde', 'heading'],
      ['- eins\n- zwei', 'list'],
      ['| a | b |\n| --- | --- |\n| 1 | 2 |', 'table'],
      ['> Wir haben lange gerungen.', 'quote'],
      ['? Sind Sie zufrieden?', 'question'],
      ['Ein ganz normaler Absatz.', 'paragraph'],
      ['\\- kein Listenpunkt, sondern ein Gedankenstrich', 'paragraph'],
    ];
    for (const [text, kind] of cases) {
      const block = parseBlock(lines(text));
      expect(block.kind).toBe(kind);
      expect(parseBlock(lines(blockMarkdown(block)))).toEqual(block);
    }
    expect(parseBlock(lines('\\- kein Listenpunkt'))).toEqual({ kind: 'paragraph', text: '- kein Listenpunkt' });
    expect(parseBlock(lines('- eins\n  noch eins\n- zwei'))).toMatchObject({ items: ['eins noch eins', 'zwei'] });
    expect(parseBlock(lines('| a \\| b | c |'))).toMatchObject({ kind: 'table', header: false, rows: [['a | b', 'c']] });
  });

  it('loads every kind with its structure in both languages, keeping plain text in de/en, and the links', async () => {
    const lib = makeLibrary({
      haushalt: { de: germanFile({ paragraphs: GERMAN }), en: englishFile({ paragraphs: ENGLISH }) },
    });
    const { article, problems } = await load(lib, 'haushalt');
    expect(problems).toEqual([]);
    const [intro, heading, list, table, quote, question, answer] = article.paragraphs;
    expect(article.paragraphs).toHaveLength(7);
    expect(intro?.block).toBeUndefined();
    expect(answer?.block).toBeUndefined();
    expect(heading).toMatchObject({ de: 'Was beschlossen wurde', en: 'What was decided', block: { kind: 'heading' } });
    expect(list?.block).toEqual({
      kind: 'list',
      items: { de: ['Die Grundsteuer steigt um 5 Prozent.', 'Das Hallenbad bleibt geöffnet', 'Zwei neue Kitas'], en: ['Property tax rises by 5 percent.', 'The indoor pool stays open', 'Two new nurseries'] },
    });
    expect(list?.de).toBe('Die Grundsteuer steigt um 5 Prozent. Das Hallenbad bleibt geöffnet Zwei neue Kitas');
    expect(table?.block).toEqual({
      kind: 'table',
      header: true,
      rows: {
        de: [['Jahr', 'Ausgaben'], ['2024', '12,5 Mio. Euro'], ['2025', '13,1 Mio. Euro']],
        en: [['Year', 'Spending'], ['2024', '€12.5 million'], ['2025', '€13.1 million']],
      },
    });
    expect(quote).toMatchObject({ de: 'Wir haben lange gerungen.', block: { kind: 'quote' } });
    expect(question).toMatchObject({ de: 'Frau Muster, sind Sie zufrieden?', block: { kind: 'question' } });
    expect(article.links).toEqual([
      { n: 1, url: 'https://example.org/haushalt', text: 'Der Haushaltsplan' },
      { n: 2, url: 'https://example.org/rat' },
    ]);
    // Each list item and table row is its own unit: an item without a full stop does not run into the next.
    const aligned = alignArticle(article);
    const spans = blockPartSpans(list ?? { de: '', en: '' }, 'en');
    expect(spans.map((s) => list?.en.slice(s.start, s.end))).toEqual(['Property tax rises by 5 percent.', 'The indoor pool stays open', 'Two new nurseries']);
    expect(blockPartSpans(table ?? { de: '', en: '' }, 'de').map((s) => table?.de.slice(s.start, s.end))).toEqual(['Jahr | Ausgaben', '2024 | 12,5 Mio. Euro', '2025 | 13,1 Mio. Euro']);
    expect(aligned[2]?.units.map((u) => [u.deSentences.length, u.enSentences.length])).toEqual([[1, 1], [1, 1], [1, 1]]);
    expect(aligned[3]?.units).toHaveLength(3);
  });

  it('loads an article written before blocks existed exactly as before: no block fields, no links', async () => {
    const { article } = await load(bundledLibrary(), '2024-04-04-aws-stellenabbau');
    for (const p of article.paragraphs) expect(Object.keys(p).sort()).toEqual(['de', 'deLine', 'en', 'enLine']);
    expect(article.links).toEqual([]);
    const body = readFileSync(path.join(bundledLibrary(), '2024-04-04-aws-stellenabbau', 'article.de.md'), 'utf8').split('\n---\n')[1] ?? '';
    expect(article.paragraphs.map((p) => p.de)).toEqual(body.split(/\n\s*\n/).map((p) => p.trim().replace(/\s+/g, ' ')).filter(Boolean));
  });

  it('refuses a link that is not a web address, and says so with its line', async () => {
    const lib = makeLibrary({
      links: { de: germanFile({ paragraphs: ['Ein Absatz.', '[1]: javascript:alert(1) "Klick"\n[2]: https://example.org/ok'] }) },
    });
    const { article, problems } = await load(lib, 'links');
    expect(article.paragraphs).toHaveLength(1);
    expect(article.links.map((l) => l.n)).toEqual([2]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([[10, 'link [1] is not a web address (http:// or https://); it is not shown']]);
  });

  it('validate reports a unit whose two sides differ in kind or in their number of items', async () => {
    const english = [...ENGLISH];
    english[1] = 'What was decided';
    english[2] = '- Property tax rises by 5 percent.\n- The indoor pool stays open';
    const lib = makeLibrary({ haushalt: { de: germanFile({ paragraphs: GERMAN }), en: englishFile({ paragraphs: english }) } });
    const result = await runCli(['validate', 'haushalt', '--library', lib]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('paragraph 2: German subheading, English paragraph; both sides of a unit must be the same kind');
    expect(result.stdout).toContain('paragraph 3: the German list has 3 items, the English 2');
  });
});
