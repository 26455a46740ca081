import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/document.js';
import { STATISTICS_PAGE, STATISTICS_TEXT } from './pages/statistics.js';
import { INTERVIEW_PAGE, INTERVIEW_TEXT } from './pages/interview.js';

async function article(text: string) {
  const doc = await importDocument(Buffer.from(text));
  const found = doc.articles[0];
  if (!found) throw new Error('no article');
  return found;
}

const TABLE = ['| Jahr | Einwohner | Veränderung |', '| --- | --- | --- |', '| 2022 | 48.210 | +1,2 % |', '| 2023 | 49.050 | +1,7 % |', '| 2024 | 50.080 | +2,1 % |'].join('\n');
const LIST = ['- Die Zahl der Einwohner stieg um 2,1 Prozent.', '- Zugezogen sind vor allem junge Familien.', '- Die Zahl der Geburten blieb stabil.'].join('\n');

describe('structure kept by import', () => {
  it.each([
    ['an HTML page', STATISTICS_PAGE],
    ['a page copied as text', STATISTICS_TEXT],
  ])('keeps a table with every figure, a list with its introducing sentence, and subheadings: %s', async (_, input) => {
    const { paragraphs } = await article(input);
    expect(paragraphs).toContain(TABLE);
    const list = paragraphs.indexOf(LIST);
    expect(list).toBeGreaterThan(0);
    expect(paragraphs[list - 1]).toBe('Die wichtigsten Ergebnisse des Berichts im Überblick:');
    expect(paragraphs).toContain('## Die Zahlen im Einzelnen');
    expect(paragraphs).toContain('## Was die Stadt daraus macht');
    expect(paragraphs.join('\n')).not.toMatch(/Start|Sport|© 2025/);
  });

  it('keeps a quotation as a quotation and the links of the text, made absolute, each once', async () => {
    const found = await article(STATISTICS_PAGE);
    expect(found.paragraphs).toContain('> Wir müssen jetzt Wohnungen und Kitaplätze schaffen, sonst kommen wir nicht hinterher.');
    expect(found.links).toEqual([
      { text: 'Statistikamts', url: 'https://bote.example/statistik/bericht-2024' },
      { text: 'Wohnungsplan', url: 'https://bote.example/region/wohnungsplan' },
    ]);
  });

  it.each([
    ['an HTML page with bold questions', INTERVIEW_PAGE],
    ['the interview copied as text', INTERVIEW_TEXT],
  ])('marks the questions of an interview and keeps every answer, past a teaser in the middle: %s', async (_, input) => {
    const { paragraphs } = await article(input);
    expect(paragraphs.filter((p) => p.startsWith('? '))).toEqual([
      '? Frau Muster, wie voll ist es bei Ihnen an einem gewöhnlichen Samstag?',
      '? Woran liegt das?',
      '? Was würde ein Neubau ändern?',
    ]);
    expect(paragraphs[paragraphs.length - 1]).toMatch(/^Wir könnten die Fläche verdoppeln/);
    expect(paragraphs).toHaveLength(7);
  });
});

describe('boilerplate dropped by import', () => {
  it.each([
    ['an HTML page', INTERVIEW_PAGE],
    ['a page copied as text', INTERVIEW_TEXT],
  ])('drops the print notice, share widget, photo credit, enlarge hint, teaser, author box and subscription promotion: %s', async (_, input) => {
    const found = await article(input);
    const all = [found.title, found.dek, ...found.paragraphs].join('\n');
    for (const junk of ['ausgedruckt', 'Artikel teilen', 'Abbrechen', 'Foto: Max Beispiel', 'Bild vergrößern', 'Lesen Sie auch', 'Museum bekommt', 'ist Redakteurin', 'weiterlesen', 'abonnieren']) {
      expect(all, junk).not.toContain(junk);
    }
  });

  it('takes the description for the dek, never the print notice', async () => {
    const found = await article(INTERVIEW_PAGE);
    expect(found.dek).toBe('Die Leiterin der Stadtbibliothek spricht über leere Regale, lange Warteschlangen und die Zukunft des Lesens.');
  });
});

describe('the first paragraph of the text', () => {
  const LEDE = 'Die Stadt Beispielheim bekommt eine neue Brücke über den Fluss. Der Bau soll im Sommer beginnen und rund 12 Millionen Euro kosten, wie die Verwaltung am Mittwoch mitteilte.';
  const REST = [
    'Die alte Brücke ist seit Jahren marode. Sie wurde im Jahr 1962 gebaut und trägt inzwischen nur noch Fahrzeuge bis 7,5 Tonnen, was Busse und Lieferwagen zu langen Umwegen zwingt.',
    'Der Stadtrat hatte den Neubau im vergangenen Herbst mit großer Mehrheit beschlossen. Nur zwei Mitglieder stimmten dagegen, weil sie die Kosten für zu hoch hielten.',
  ];
  it.each([
    ['an HTML page without a description', `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Neue Brücke für Beispielheim | Bote</title></head><body><article><h1>Neue Brücke für Beispielheim</h1><p>12.03.2025, 10:15 Uhr</p>${[LEDE, ...REST].map((p) => `<p>${p}</p>`).join('')}</article></body></html>`],
    ['a page copied as text', ['Neue Brücke für Beispielheim', '', '12.03.2025, 10:15 Uhr', '', LEDE, '', ...REST.flatMap((p) => [p, '']), ''].join('\n')],
  ])('stays in the text, not lifted into the dek, when the next paragraph is hardly longer: %s', async (_, input) => {
    const found = await article(input);
    expect(found.paragraphs[0]).toBe(LEDE);
    expect(found.paragraphs).toHaveLength(3);
    expect(found.dek).toBeUndefined();
  });
});
