import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../../src/import/blocks.js';
import { berlinWallTime, findDates, parseDateValue } from '../../src/import/dates.js';
import { importDocument } from '../../src/import/document.js';
import { extractArticle } from '../../src/import/extract.js';
import { articleIdFor, slugify } from '../../src/import/slug.js';
import { RAW_PAGE, RAW_PAGE_BODY, seedLike } from './fixtures.js';

const extract = (text: string) => extractArticle(textToBlocks(text));

describe('raw text extraction', () => {
  it('keeps the article and drops menus, teasers, prompts and comments', () => {
    const article = extract(RAW_PAGE);
    expect(article.title).toBe('Neue Brücke für Beispielheim');
    expect(article.source).toBe('Beispielheimer Bote');
    expect(article.dek).toBe('Die Stadt investiert kräftig in den Verkehr. Anwohner hoffen auf weniger Stau.');
    expect(article.author).toBe('Erika Beispiel');
    expect(article.published).toBe('2020-04-28T17:33:00+02:00');
    expect(article.paragraphs).toEqual(RAW_PAGE_BODY);
    const all = article.paragraphs.join('\n');
    for (const junk of ['Lesezeit', 'Newsletter', 'Cookies', 'sagt:', 'Endlich!', 'Umgehungsstraße', 'Radweg', 'testen', '©']) {
      expect(all).not.toContain(junk);
    }
  });

  it('normalises soft hyphens and NFD umlauts and keeps emoji', () => {
    const [first, second] = extract(RAW_PAGE).paragraphs;
    expect(first).toContain('Bauarbeiten');
    expect(first).toContain('Frühjahr');
    expect(first?.normalize('NFC')).toBe(first);
    expect(second?.endsWith('🎉')).toBe(true);
  });

  it('reads a seed-like text: title, dek, source and date, body verbatim, no promotion', () => {
    const article = extract(seedLike('4.4.2024, 18:00'));
    expect(article.title).toBe('Beispielheim streicht Stellen im Rathaus!');
    expect(article.dek).toBe('Die Verwaltung wird kleiner: Ein harter Schlag für die Beschäftigten.');
    expect(article.source).toBe('Beispielheimer Bote');
    expect(article.published).toBe('2024-04-04T18:00:00+02:00');
    expect(article.paragraphs).toHaveLength(2);
    expect(article.paragraphs.join(' ')).not.toMatch(/sichern|Favoriten|Angebote/);
  });

  it.each([
    ['4.4.2024, 18:00', '2024-04-04T18:00:00+02:00'],
    ['4. Apr. 2024', '2024-04-04T00:00:00+02:00'],
    ['Stand: 28.04.2020 17:33 Uhr', '2020-04-28T17:33:00+02:00'],
    ['Aktualisiert am 3. März 2021 um 9:15 Uhr', '2021-03-03T09:15:00+01:00'],
    ['15. Mai 2019, 05:28 Uhr', '2019-05-15T05:28:00+02:00'],
    ['08.03.2016 | 15:30 Uhr', '2016-03-08T15:30:00+01:00'],
    ['Veröffentlicht: 2024-12-24T08:00:00+01:00', '2024-12-24T08:00:00+01:00'],
  ])('finds the date in "%s"', (line, iso) => {
    // Only the date line carries a date here: the source line names none.
    expect(extract(seedLike(line, 'Beispielheimer Bote')).published).toBe(iso);
  });

  it('joins lines broken inside a paragraph and keeps hard-wrapped text whole', () => {
    const wrapped = Array.from({ length: 3 }, (_, i) =>
      [`Absatz ${i + 1} beginnt hier mit einem Satz, der über das Zeilenende`, 'hinausgeht und auf der nächsten Zeile weitergeführt wird, bis er', 'schließlich mit einem Punkt endet und der nächste Satz folgt.'].join('\n'),
    ).join('\n\n');
    const blocks = textToBlocks(`Titel der Meldung\n\n${wrapped}`);
    expect(blocks.map((b) => b.text.split(' ').length > 20)).toEqual([false, true, true, true]);
  });

  it('gives an error for an empty or unusable input', async () => {
    await expect(importDocument(new Uint8Array())).rejects.toMatchObject({ code: 'empty' });
    await expect(importDocument(Buffer.from('   \n\n  '))).rejects.toMatchObject({ code: 'empty' });
    await expect(importDocument(Buffer.from('{"a": 1}'))).rejects.toMatchObject({ code: 'unrecognised' });
    await expect(importDocument(Buffer.from('Menü\n\nSport\n\nKontakt\n'))).rejects.toMatchObject({ code: 'noText' });
    await expect(importDocument(Buffer.from('abc\n\u0000\u0001binary'))).rejects.toMatchObject({ code: 'binary', line: 2 });
  });
});

describe('dates', () => {
  it('uses the Europe/Berlin offset of the day, across the clock changes', () => {
    expect(berlinWallTime(2024, 1, 15, 12)).toBe('2024-01-15T12:00:00+01:00');
    expect(berlinWallTime(2024, 7, 15, 12)).toBe('2024-07-15T12:00:00+02:00');
    expect(berlinWallTime(2024, 3, 31, 1, 59)).toBe('2024-03-31T01:59:00+01:00');
    expect(berlinWallTime(2024, 3, 31, 3, 0)).toBe('2024-03-31T03:00:00+02:00');
    expect(berlinWallTime(2024, 10, 27, 3, 0)).toBe('2024-10-27T03:00:00+01:00');
  });

  it('reads metadata formats and ignores numbers that are no dates', () => {
    expect(parseDateValue('Tue, 12 Dec 2023 15:20:21 +0100')).toBe('2023-12-12T15:20:21+01:00');
    expect(parseDateValue('2020-03-25T04:00:26+00:00')).toBe('2020-03-25T05:00:26+01:00');
    expect(parseDateValue('2019-06-20T07:30:00')).toBe('2019-06-20T07:30:00+02:00');
    expect(findDates('Version 10.10.3 und 31.02.2024')).toEqual([]);
    expect(findDates('2016年10月14日07:17')[0]?.iso).toBe('2016-10-14T07:17:00+02:00');
  });
});

describe('ids', () => {
  it('transliterates German letters and keeps within 80 characters', () => {
    expect(slugify('Größe & Übermut: Straßen in Köln')).toBe('groesse-uebermut-strassen-in-koeln');
    expect(articleIdFor('Neue Brücke für Beispielheim', '2025-01-15T09:30:00+01:00')).toBe('2025-01-15-neue-bruecke-fuer-beispielheim');
    const long = articleIdFor('Ein sehr langer Titel '.repeat(10), '2025-01-15T09:30:00+01:00');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]{0,79}$/);
    expect(long.endsWith('-')).toBe(false);
    expect(articleIdFor('人工智能迈上新台阶', '2016-10-14T07:17:00+02:00')).toBe('2016-10-14-artikel');
  });
});
