import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../src/curate/validate-library.js';
import { draftArticle } from '../../src/translate/draft-article.js';
import { germanFile } from '../helpers/library.js';
import { startLibreTranslate } from '../helpers/provider-servers.js';
import { draftEnv, ID } from './setup.js';

const GERMAN = [
  'Die Stadt Beispielheim baut eine neue Brücke.',
  '## Die Beschlüsse',
  '- Der Rat stimmt zu.\n- Die Anwohner werden gehört\n- Die Arbeiten beginnen bald. Sie dauern lange.',
  '| Ort | Zustand |\n| --- | --- |\n| Nordufer | gut |\n| Südufer | marode |',
  '> Wir freuen uns.',
  '? Sind Sie zufrieden?',
];

describe('drafting an article with subheadings, lists, tables, quotations and questions', () => {
  it('writes each drafted unit in the kind of its German unit, marked as machine text, and validate finds no error', async () => {
    const server = await startLibreTranslate();
    const d = draftEnv(`providers:\n  libre: { type: libretranslate, url: "${server.url}" }`, { [ID]: { de: germanFile({ paragraphs: GERMAN }) } });
    await draftArticle(d.drafter(), { root: d.root, id: ID });
    const article = await d.article();
    expect(article.paragraphs.map((p) => p.block?.enKind)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(article.paragraphs.map((p) => p.block?.kind ?? 'paragraph')).toEqual(['paragraph', 'heading', 'list', 'table', 'quote', 'question']);
    const list = article.paragraphs[2]?.block;
    expect(list?.kind === 'list' ? list.items.en : []).toEqual(['EN: Der Rat stimmt zu.', 'EN: Die Anwohner werden gehört', 'EN: Die Arbeiten beginnen bald. EN: Sie dauern lange.']);
    const table = article.paragraphs[3]?.block;
    expect(table?.kind === 'table' ? table.rows.en : []).toEqual([['EN: Ort', 'Zustand'], ['EN: Nordufer', 'gut'], ['EN: Südufer', 'marode']]);
    expect(article.paragraphs.every((p) => p.machine?.provider === 'libre')).toBe(true);
    expect((await validateArticle(d.root, ID)).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });
});
