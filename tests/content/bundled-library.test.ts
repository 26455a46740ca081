/**
 * What the bundled library promises as the product's demo: every feature of the reader has
 * something to show (statuses, facts of every kind, glossaries, a long article, an unfinished
 * draft, every block kind and a link list), and the seed article stays the first row that the
 * README capture and the reader's end-to-end tests open. Whether each fact's evidence stands in
 * the sentence it cites is `validate`'s check, run on this library in tests/cli/commands.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/article.js';
import { loadArticle } from '../../src/content/load-article.js';
import { listLibrary, openLibrary } from '../../src/content/load-library.js';
import { factKind } from '../../src/content/schema.js';

const SEED = '2024-04-04-aws-stellenabbau';

async function bundled(): Promise<Article[]> {
  const opened = await openLibrary(path.resolve(import.meta.dirname, '../../articles'));
  if (!opened.ok) throw new Error(opened.message);
  const entries = await listLibrary(opened.root);
  const articles: Article[] = [];
  for (const entry of entries) {
    const result = await loadArticle(opened.root, entry.id);
    if (!result.ok) throw new Error(`${entry.id}: ${result.errors.map((e) => e.message).join('; ')}`);
    articles.push(result.article);
  }
  return articles;
}

describe('the bundled library', () => {
  it('opens on the seed article, the newest, and gives every other article its own date and source', async () => {
    const articles = await bundled();
    expect(articles.length).toBeGreaterThanOrEqual(6);
    expect(articles[0]?.id).toBe(SEED);
    expect(new Set(articles.map((a) => a.meta.published?.slice(0, 10))).size).toBe(articles.length);
    expect(new Set(articles.map((a) => a.meta.source)).size).toBe(articles.length);
  });

  it('says which texts are the project’s own and where their facts come from', async () => {
    for (const a of (await bundled()).filter((x) => x.id !== SEED)) {
      expect(a.meta.source, a.id).toMatch(/^newsbridge \(.+\)$/);
      expect(a.meta.url, a.id).toMatch(/^https:\/\//);
    }
  });

  it('has key facts and a glossary in every article, and every kind of fact somewhere', async () => {
    const articles = await bundled();
    const kinds = new Set<string>();
    for (const a of articles) {
      expect(a.factsErrors, a.id).toEqual([]);
      expect(a.facts.length, a.id).toBeGreaterThanOrEqual(8);
      expect(a.facts.every((f) => f.confirmed && f.label.en && f.value.en), a.id).toBe(true);
      expect(new Set(a.facts.map((f) => f.kind)).size, a.id).toBeGreaterThanOrEqual(3);
      expect(a.glossary.length, a.id).toBeGreaterThanOrEqual(10);
      for (const f of a.facts) kinds.add(f.kind);
    }
    for (const kind of factKind.options.filter((k) => k !== 'other')) expect(kinds, kind).toContain(kind);
  });

  it('gives a learner the gender and plural of every noun in its glossaries', async () => {
    for (const a of await bundled()) {
      for (const g of a.glossary) {
        // A noun (or a phrase led by one) starts with a capital; verbs and adjectives need no gender.
        if (!/^\p{Lu}/u.test(g.de)) continue;
        expect(g.note ?? '', `${a.id}: ${g.de}`).toMatch(/\b(der|die|das)\b/);
      }
    }
  });

  it('shows the statuses: reviewed English with a date, and one draft with paragraphs still to translate', async () => {
    const articles = await bundled();
    const reviewed = articles.filter((a) => a.translation === 'reviewed');
    expect(reviewed.length).toBeGreaterThanOrEqual(5);
    for (const a of reviewed) {
      expect(a.english?.reviewed, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.paragraphs.every((p) => p.en !== ''), a.id).toBe(true);
    }
    const drafts = articles.filter((a) => a.translation === 'draft');
    expect(drafts).toHaveLength(1);
    const paragraphs = drafts[0]?.paragraphs ?? [];
    expect(paragraphs.some((p) => p.en === '')).toBe(true);
    expect(paragraphs.some((p) => p.en !== '')).toBe(true);
  });

  it('shows every block kind, each paired with an English block of the same kind and size', async () => {
    const articles = await bundled();
    const kinds = new Set<string>();
    for (const a of articles) {
      for (const [i, p] of a.paragraphs.entries()) {
        const block = p.block;
        if (!block) continue;
        const where = `${a.id} ¶${i + 1}`;
        kinds.add(block.kind);
        expect(block.enKind, where).toBeUndefined();
        // The draft leaves some blocks untranslated on purpose; every translated one pairs 1:1.
        if (p.en === '') {
          expect(a.translation, where).toBe('draft');
          continue;
        }
        if (block.kind === 'list') expect(block.items.en.length, where).toBe(block.items.de.length);
        if (block.kind === 'table') {
          expect(block.rows.en.length, where).toBe(block.rows.de.length);
          block.rows.de.forEach((row, r) => expect(block.rows.en[r]?.length, `${where} row ${r + 1}`).toBe(row.length));
        }
      }
    }
    for (const kind of ['heading', 'list', 'table', 'quote']) expect(kinds, kind).toContain(kind);
  });

  it('gives its quotations as evidence for quote facts', async () => {
    const cited = (await bundled()).flatMap((a) =>
      a.facts.filter((f) => f.kind === 'quote' && a.paragraphs[f.paragraph - 1]?.block?.kind === 'quote').map((f) => `${a.id}#${f.id}`),
    );
    expect(cited.length).toBeGreaterThanOrEqual(2);
  });

  it('has numbered links under its articles, each on words of the German text', async () => {
    const withLinks = (await bundled()).filter((a) => a.links.length > 0);
    expect(withLinks.length).toBeGreaterThanOrEqual(1);
    for (const a of withLinks) {
      const text = a.paragraphs.map((p) => p.de).join('\n');
      expect(a.links.map((l) => l.n), a.id).toEqual(a.links.map((_, i) => i + 1));
      for (const link of a.links) {
        expect(link.url, `${a.id} [${link.n}]`).toMatch(/^https:\/\//);
        expect(link.text, `${a.id} [${link.n}]`).toBeTruthy();
        expect(text, `${a.id} [${link.n}]`).toContain(link.text ?? '');
      }
    }
  });

  it('has one long article to scroll and search in', async () => {
    const lengths = (await bundled()).map((a) => a.paragraphs.length);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(30);
    expect(new Set(lengths).size).toBeGreaterThanOrEqual(4);
  });
});
