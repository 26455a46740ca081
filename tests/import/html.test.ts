import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/import/decode.js';
import { importDocument } from '../../src/import/document.js';
import { extractHtml } from '../../src/import/html.js';
import { htmlPage } from './fixtures.js';

describe('HTML extraction', () => {
  it('takes title, date, source and author from meta tags and JSON-LD', async () => {
    const article = await extractHtml(htmlPage());
    expect(article.title).toBe('Neue Brücke für Beispielheim');
    expect(article.source).toBe('Beispielheimer Bote');
    expect(article.published).toBe('2025-01-15T09:30:00+01:00');
    expect(article.author).toBe('Erika Beispiel');
    expect(article.url).toBe('https://bote.example/region/neue-bruecke');
    expect(article.dek).toBe('Die Stadt investiert kräftig in den Verkehr. Anwohner hoffen auf weniger Stau.');
  });

  it('keeps the article paragraphs and subheadings, drops comments, teasers, captions and furniture', async () => {
    const { paragraphs } = await extractHtml(htmlPage());
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^Die Stadt Beispielheim baut eine neue Brücke/);
    expect(paragraphs[2]).toBe('## Widerstand der Anwohner');
    const all = paragraphs.join('\n');
    for (const junk of ['Leser123', 'Endlich!', 'Radweg', 'Cookies', 'So soll die Brücke', 'Teilen', 'Startseite', '©', 'Von Erika']) {
      expect(all).not.toContain(junk);
    }
  });

  it('finds German dates written only in the text', async () => {
    const html = htmlPage().replace(/<meta property="article:published_time"[^>]*>/, '').replace(/"datePublished":"[^"]*",/, '').replace(/<time[^>]*>/, '<span>').replace('</time>', '</span>');
    expect((await extractHtml(html)).published).toBe('2025-01-15T09:30:00+01:00');
  });

  it('reads <br>-separated items as paragraphs and joins lines broken mid-sentence', async () => {
    const body = `<p>Was kostet das Ticket?<br>Es kostet künftig zwölf Euro im Monat, sagte die Sprecherin des Verkehrsverbunds am Dienstag in Beispielheim und der</br>
      ganzen Region.</p><p>Hose: Beispielmarke<br>Jacke: Musterladen</p><p>Das Angebot gilt ab dem ersten Mai für alle Fahrgäste, die ein Abonnement abschließen und in der Stadt wohnen.</p>`;
    const { paragraphs } = await extractHtml(htmlPage({ body }));
    expect(paragraphs).toContain('Was kostet das Ticket?');
    expect(paragraphs.some((p) => p.endsWith('und der ganzen Region.'))).toBe(true);
    expect(paragraphs).toContain('Jacke: Musterladen');
  });
});

describe('charsets', () => {
  it('reads UTF-8 bytes as UTF-8 when the page declares another charset', async () => {
    const bytes = Buffer.from(htmlPage({ charset: 'gb2312' }), 'utf8');
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ encoding: 'utf-8', declaredWrong: true });
    const doc = await importDocument(bytes);
    expect(doc.articles[0]?.title).toBe('Neue Brücke für Beispielheim');
  });

  it('honours a declared legacy charset for bytes that are not UTF-8', () => {
    const latin1 = Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>Grüße aus Köln</p></body></html>', 'latin1');
    expect(decodeBytes(latin1)).toMatchObject({ text: expect.stringContaining('Grüße aus Köln') as unknown, encoding: 'windows-1252', declaredWrong: false });
    // Declared UTF-8, but the bytes are Latin-1: the declaration lies, the text still reads.
    const lying = Buffer.from('<meta charset="utf-8"><p>Straße</p>', 'latin1');
    expect(decodeBytes(lying)).toMatchObject({ text: expect.stringContaining('Straße') as unknown, declaredWrong: true });
  });

  it('takes CJK pages and keeps their text', async () => {
    const body = '<p>这是一个测试段落，用来检查导入程序是否能够正确处理中文文本，并且保留所有的标点符号和内容。这个段落的内容完全是虚构的，只用于测试。</p><p>第二个段落同样是虚构的，它描述了一个不存在的城市如何建设一座新的桥梁，以及居民对此的看法和期待。</p>';
    const page = htmlPage({ charset: 'gbk', body });
    const { paragraphs } = await extractHtml(page);
    expect(paragraphs.join('')).toContain('这是一个测试段落');
  });
});
