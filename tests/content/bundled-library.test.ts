/**
 * What the bundled library promises as the product's demo: every feature of the reader has
 * something to show (statuses, facts of every kind, glossaries, a long article, an unfinished
 * draft), and the seed article stays the first row that the README capture and the reader's
 * end-to-end tests open.
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

  it('has one long article to scroll and search in', async () => {
    const lengths = (await bundled()).map((a) => a.paragraphs.length);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(30);
    expect(new Set(lengths).size).toBeGreaterThanOrEqual(4);
  });
});
