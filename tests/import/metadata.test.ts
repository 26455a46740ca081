import { describe, expect, it } from 'vitest';
import { completeArticle, importDocument } from '../../src/import/document.js';
import { articleIdFor } from '../../src/import/slug.js';

const BODY = `<p>Die Stadt Beispielheim baut eine neue Brücke über den Fluss. Die Bauarbeiten sollen im Frühjahr beginnen und zwei Jahre dauern, wie die Verwaltung am Montag mitteilte.</p>
<p>Die Kosten liegen bei zwölf Millionen Euro. Das Land trägt etwa die Hälfte davon, den Rest zahlen die Stadt und die Stadtwerke gemeinsam.</p>`;

function page(head: string, body = BODY): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8">${head}</head><body><article>${body}</article></body></html>`;
}

async function meta(html: string) {
  const doc = await importDocument(Buffer.from(html));
  const found = doc.articles[0];
  if (!found) throw new Error('no article');
  return completeArticle(found, {});
}

describe('metadata import finds', () => {
  it('decodes character references in the title, and so in the id', async () => {
    const { article } = await meta(page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Brücke &#8211; Bau beginnt &amp; kostet mehr"}</script>'));
    expect(article.title).toBe('Brücke – Bau beginnt & kostet mehr');
    expect(articleIdFor(article.title, '2025-03-12T10:00:00+01:00')).toBe('2025-03-12-bruecke-bau-beginnt-kostet-mehr');
    // A feed's title escaped twice is decoded too.
    expect(completeArticle({ title: 'Streit &amp;#8211; Einigung', paragraphs: ['Text.'] }, {}).article.title).toBe('Streit – Einigung');
  });

  it("takes the page's own headline where the title tags only name the site", async () => {
    const { article } = await meta(page('<title>Beispielheimer Bote</title><meta property="og:title" content="Beispielheimer Bote"><meta property="og:site_name" content="Beispielheimer Bote">', `<h1>Neue Brücke für Beispielheim</h1>${BODY}`));
    expect(article.title).toBe('Neue Brücke für Beispielheim');
    expect(article.source).toBe('Beispielheimer Bote');
  });

  it("keeps the kicker where the publisher's own title carries it", async () => {
    const { article } = await meta(page('<title>Verkehr: Neue Brücke für Beispielheim - Region - Beispielheimer Bote</title><meta property="og:title" content="Neue Brücke für Beispielheim">', `<h1><span>Verkehr</span> Neue Brücke für Beispielheim</h1>${BODY}`));
    expect(article.title).toBe('Verkehr: Neue Brücke für Beispielheim');
    expect(article.paragraphs[0]).toMatch(/^Die Stadt Beispielheim baut/);
  });

  it('keeps every author, from JSON-LD or from several author tags', async () => {
    const ld = await meta(page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Neue Brücke","author":[{"@type":"Person","name":"Erika Beispiel"},{"@type":"Person","name":"Jonas Muster"}]}</script>'));
    expect(ld.article.author).toBe('Erika Beispiel, Jonas Muster');
    const tags = await meta(page('<title>Neue Brücke</title><meta name="author" content="Erika Beispiel"><meta name="author" content="Jonas Muster">'));
    expect(tags.article.author).toBe('Erika Beispiel, Jonas Muster');
  });

  it('prefers the publication date the article shows over a generic date tag (a later update)', async () => {
    const shown = await meta(page('<title>Neue Brücke</title><meta name="date" content="2025-03-20T09:00:00+01:00">', `<h1>Neue Brücke</h1><div class="date">12. März 2025</div>${BODY}`));
    expect(shown.article.published?.slice(0, 10)).toBe('2025-03-12');
    const stand = await meta(page('<title>Neue Brücke</title><meta name="date" content="2025-03-20T09:00:00+01:00">', `<h1>Neue Brücke</h1><p>Stand: 12.03.2025, 14:05 Uhr</p>${BODY}`));
    expect(stand.article.published).toBe('2025-03-12T14:05:00+01:00');
    const published = await meta(page('<meta property="article:published_time" content="2025-03-11T08:00:00+01:00"><meta name="date" content="2025-03-20T09:00:00+01:00">'));
    expect(published.article.published).toBe('2025-03-11T08:00:00+01:00');
    // With nothing better, the generic tag is still a date.
    const generic = await meta(page('<title>Neue Brücke</title><meta name="date" content="2025-03-20T09:00:00+01:00">'));
    expect(generic.article.published).toBe('2025-03-20T09:00:00+01:00');
  });

  it('finds a date shown only in an element with a date class', async () => {
    const { article } = await meta(page('<title>Neue Brücke</title>', `<h1>Neue Brücke</h1><span class="article-date">Mittwoch, 12.03.2025</span>${BODY}`));
    expect(article.published?.slice(0, 10)).toBe('2025-03-12');
  });

  it('leaves an article without any date undated, never dated now', async () => {
    const { article, guessed } = await meta(page('<title>Neue Brücke</title>'));
    expect(article.published).toBeUndefined();
    expect(guessed).toContain('published');
    expect(article.imported).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
