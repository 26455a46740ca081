import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library.js';
import { runCli, writeInput } from '../cli/import-helpers.js';

function item(title: string, text: string, extra = ''): string {
  return `<item><title>${title}</title><link>https://bote.example/${encodeURIComponent(title)}</link><description>${text}</description>${extra}</item>`;
}

const TEXT = 'Die Stadt Beispielheim hat den Plan am Montag vorgestellt. Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.';

// A feed from years ago whose items carry no dates, and one item that does.
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Beispielheimer Bote</title><link>https://bote.example/</link><description>Neues</description>
${item('Zweites Thema ohne Datum', TEXT)}
${item('Erstes Thema ohne Datum', `${TEXT} Von Erika Beispiel und Jonas Muster`)}
${item('Ein datiertes Thema', TEXT, '<pubDate>Wed, 15 Jan 2025 09:30:00 +0100</pubDate><dc:creator>Erika Beispiel</dc:creator><dc:creator>Jonas Muster</dc:creator>')}
${item('Drittes Thema ohne Datum', TEXT)}
</channel></rss>`;

describe('a feed whose items have no dates', () => {
  it("keeps the feed's order, marks them undated (never dated now) and lists them after the dated ones", async () => {
    const library = tempDir();
    const imported = await runCli(['import', writeInput(library, 'feed.xml', FEED), '--library', library]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('the article is undated');

    const list = await runCli(['list', '--library', library]);
    const rows = list.out.trim().split('\n');
    expect(rows.map((r) => r.replace(/\s+\S+\s+\[.*?\]\s+Beispielheimer Bote · /, ' · '))).toEqual([
      '2025-01-15 · Ein datiertes Thema',
      'undated · Zweites Thema ohne Datum',
      'undated · Erstes Thema ohne Datum',
      'undated · Drittes Thema ohne Datum',
    ]);
    const json = (JSON.parse((await runCli(['list', '--library', library, '--json'])).out) as { articles: { published: string | null }[] }).articles;
    expect(json.map((e) => e.published === null)).toEqual([false, true, true, true]);
    const german = await runCli(['list', '--library', library, '--ui-lang', 'de']);
    expect(german.out.split('\n')[1]).toMatch(/^undatiert /);
  });

  it('validate warns about an undated article, and the item keeps every author without its byline in the text', async () => {
    const library = tempDir();
    await runCli(['import', writeInput(library, 'feed.xml', FEED), '--library', library]);
    const validate = await runCli(['validate', '--library', library]);
    expect(validate.code).toBe(0);
    expect(validate.out).toContain('no publication date: the article is listed as undated');
    const show = await runCli(['show', 'erstes-thema-ohne-datum', '--library', library, '--lang', 'de']);
    expect(show.out).toContain('Erika Beispiel und Jonas Muster');
    expect(show.out.split('\n').filter((l) => l.includes('Von Erika'))).toEqual([]);
    const dated = await runCli(['show', '2025-01-15-ein-datiertes-thema', '--library', library, '--lang', 'de']);
    expect(dated.out).toContain('Erika Beispiel, Jonas Muster');
  });
});
