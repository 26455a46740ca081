import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/split-sentences.js';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const de = (text: string) => splitSentences(text, 'de');
const en = (text: string) => splitSentences(text, 'en');

describe('splitSentences (German abbreviations)', () => {
  // Each sentence holds one abbreviation mid-sentence; a second sentence follows it.
  const sentences = [
    'Obst wie z. B. Birnen bleibt frisch.',
    'Obst wie z.B. Birnen bleibt frisch.',
    'Es spielten u. a. Kinder aus Gutingen.',
    'Der Saal ist voll, d. h. Besucher müssen warten.',
    'Er kommt morgen bzw. Freitag vorbei.',
    'Das Dach kostet ca. 40 000 Euro.',
    'Der Bau kostet 3 Mio. Euro und dauert lange.',
    'Der Bund gibt 2 Mrd. Euro dazu.',
    'Gestern sprach Dr. Lena Kurz im Rathaus.',
    'Die Rede hielt Prof. Anton Weiler.',
    'Das Haus Nr. 12 steht leer.',
    'Die Feier findet in der Bahnhofstr. 5 statt.',
    'Der Umzug führt durch die Lindenstr. Richtung Markt.',
    'Das Fest ist im Heim St. Josef zu Gast.',
    'Das regelt Abs. 3 der Satzung.',
    'Die Kirche stammt aus dem 12. Jh. und wurde oft umgebaut.',
    'Der Ort wurde um 500 v. Chr. gegründet.',
    'Es gab Kuchen, Kaffee etc. und gute Laune.',
    'Es gab Kuchen, Kaffee usw. für alle Gäste.',
    'Bringen Sie ggf. Regenschirme mit.',
    'Die Halle wird evtl. Ende Mai fertig.',
    'Der Eintritt kostet inkl. Getränk acht Euro.',
    'Die Regeln (vgl. Seite 4) gelten weiter.',
    'Der sog. Mittelweg ist gesperrt.',
    'Anmeldung unter Tel. 0761 12345 bis Montag.',
    'Es sprach Hr. Brandt für den Verein.',
    'Die Kasse führt Fr. Albers seit Jahren.',
    'Die Brücke plant ein Dipl.-Ing. aus Kehl.',
    'Die Messe beginnt Anfang Jan. und endet Mitte Feb. wie immer.',
    'Der Termin im Apr. fällt aus.',
    'Die Ernte dauert bis Okt. oder Nov. je nach Wetter.',
    'Ab Dez. gilt der neue Fahrplan.',
    'Die Frist endet im Sept. nach den Ferien.',
  ];
  it.each(sentences)('keeps "%s" whole', (sentence) => {
    expect(de(`${sentence} Danach kam der Regen.`)).toEqual([sentence, 'Danach kam der Regen.']);
  });

  it('ends a sentence at an abbreviation when a new sentence clearly starts', () => {
    expect(de('Wir kauften Brot, Milch usw. Danach gingen wir heim.')).toEqual([
      'Wir kauften Brot, Milch usw.',
      'Danach gingen wir heim.',
    ]);
    expect(de('Der Umbau kostet 3 Mio. Das ist viel Geld.')).toEqual([
      'Der Umbau kostet 3 Mio.',
      'Das ist viel Geld.',
    ]);
    expect(de('Die Siedlung entstand um 500 v. Chr. Sie lag am Fluss.')).toEqual([
      'Die Siedlung entstand um 500 v. Chr.',
      'Sie lag am Fluss.',
    ]);
  });
});

describe('splitSentences (German numbers)', () => {
  it('keeps ordinals before month names, abbreviated months and years', () => {
    expect(de('Am 4. Apr. 2024 öffnet die Halle. Am 4. April 2025 schließt sie.')).toEqual([
      'Am 4. Apr. 2024 öffnet die Halle.',
      'Am 4. April 2025 schließt sie.',
    ]);
    expect(de('Das Fest dauert vom 18. bis 20. Juli und am 27. und 28. September.')).toHaveLength(
      1,
    );
  });

  it('keeps ordinals before nouns', () => {
    expect(de('Der 9. Immobilientag war gut besucht. Zum 3. Mal kam der Chor.')).toEqual([
      'Der 9. Immobilientag war gut besucht.',
      'Zum 3. Mal kam der Chor.',
    ]);
    expect(de('Im 19. Jahrhundert blühte der Ort. Am Samstag, 7. September, ist Markt.')).toEqual([
      'Im 19. Jahrhundert blühte der Ort.',
      'Am Samstag, 7. September, ist Markt.',
    ]);
  });

  it('ends a sentence after a number that names a thing (a count, not an ordinal) before a capitalised noun', () => {
    expect(de('Der Flug startet heute zu Gate 24. Passagiere sollen früh kommen.')).toEqual([
      'Der Flug startet heute zu Gate 24.',
      'Passagiere sollen früh kommen.',
    ]);
    expect(de('Der Zug hält auf Gleis 7. Reisende steigen dort um.')).toHaveLength(2);
    // Ordinals stay: after an article or preposition, and before a month even after a noun.
    expect(de('Am 4. Juni kommt er. Der 9. Spieltag ist vorbei.')).toHaveLength(2);
    expect(de('Die Messe beginnt am Samstag 7. September in der Halle.')).toHaveLength(1);
    expect(de('Der Umzug ist am 4. Juni geplant.')).toHaveLength(1);
  });

  it('reads a long number after an article as an ordinal, and after anything else as a year', () => {
    expect(de('Die Zeitung feiert die 1000. Ausgabe mit einem Fest. Das Fest dauert zwei Tage.')).toEqual([
      'Die Zeitung feiert die 1000. Ausgabe mit einem Fest.',
      'Das Fest dauert zwei Tage.',
    ]);
    expect(de('Gefeiert wird das 1000. Tor des Vereins.')).toHaveLength(1);
    expect(de('Die Brücke wurde 1250 gebaut und 1980 erneuert, zuletzt 2024. Die Kosten stiegen.')).toHaveLength(2);
    expect(de('Das war im Jahr 2024. Die Zahlen stiegen.')).toHaveLength(2);
  });

  it('reads a quoted name after an ordinal as part of the sentence', () => {
    expect(
      de('Zum 5. „Rock am See“ kamen viele. Der Verein wird 90. „Wir feiern“, sagt er.'),
    ).toEqual([
      'Zum 5. „Rock am See“ kamen viele.',
      'Der Verein wird 90.',
      '„Wir feiern“, sagt er.',
    ]);
  });

  it('still ends a sentence after a year or a number before a sentence opener', () => {
    expect(de('Er wurde 1990 geboren. Danach zog er um.')).toHaveLength(2);
    expect(de('Der Verein entstand 1950. Mitglieder gab es bald viele.')).toHaveLength(2);
    expect(de('Die Oma wurde 90. Danach feierte die Familie.')).toHaveLength(2);
  });

  it('ends a sentence before one that starts with a number', () => {
    expect(de('Die Chronik erscheint bald. 2014 ist ein Festjahr.')).toEqual([
      'Die Chronik erscheint bald.',
      '2014 ist ein Festjahr.',
    ]);
  });

  it('keeps dates, times and decimals inside the sentence', () => {
    const text =
      'Am 4.4.2024 um 13.30 Uhr stieg der Kurs um 3,5 Prozent auf 12.50 Euro. Dann fiel er.';
    expect(de(text)).toEqual([
      'Am 4.4.2024 um 13.30 Uhr stieg der Kurs um 3,5 Prozent auf 12.50 Euro.',
      'Dann fiel er.',
    ]);
  });
});

describe('splitSentences (German names, quotes, punctuation)', () => {
  it('keeps initials with the name', () => {
    expect(de('J. R. R. Tolkien schrieb viel. Peter A. Müller las es.')).toEqual([
      'J. R. R. Tolkien schrieb viel.',
      'Peter A. Müller las es.',
    ]);
  });

  it('ends sentences after closing quotes', () => {
    expect(de('„Wir kommen morgen“, so der Sprecher. „Gut.“ Dann ging er.')).toEqual([
      '„Wir kommen morgen“, so der Sprecher.',
      '„Gut.“',
      'Dann ging er.',
    ]);
    expect(de('"Das reicht nicht", sagte sie. "Wir warten." Sie lachte.')).toEqual([
      '"Das reicht nicht", sagte sie.',
      '"Wir warten."',
      'Sie lachte.',
    ]);
  });

  it('continues after a quoted question when a small letter follows', () => {
    expect(de('„Warum?“ fragte sie leise. Er schwieg.')).toEqual([
      '„Warum?“ fragte sie leise.',
      'Er schwieg.',
    ]);
    expect(de('Der Chor sang „Wer hat Zeit?“ von Hans Berger.')).toHaveLength(1);
  });

  it('ends at ? and ! but not at a colon', () => {
    expect(de('Wer kommt? Alle! Nur eines gilt: Pünktlichkeit ist Pflicht.')).toEqual([
      'Wer kommt?',
      'Alle!',
      'Nur eines gilt: Pünktlichkeit ist Pflicht.',
    ]);
  });

  it('ends at an ellipsis only before a capital', () => {
    expect(de('Er zögerte … dann ging er. Sie wartete… Dann kam der Bus.')).toEqual([
      'Er zögerte … dann ging er.',
      'Sie wartete…',
      'Dann kam der Bus.',
    ]);
    expect(de('Er zögerte... Dann kam er.')).toHaveLength(2);
  });

  it('treats a line break as a boundary (a headline above the text)', () => {
    expect(de('Neues Dach für die Halle\nDie Arbeiten beginnen im Mai.')).toEqual([
      'Neues Dach für die Halle',
      'Die Arbeiten beginnen im Mai.',
    ]);
  });
});

describe('splitSentences (English)', () => {
  it('keeps titles, U.S., e.g., i.e. and No. inside the sentence', () => {
    expect(en('Mr. Smith and Mrs. Lee met Dr. Brown in St. Albans. They talked.')).toHaveLength(2);
    expect(en('The U.S. economy grew, e.g. in farming, i.e. slowly. No. 5 was sold.')).toEqual([
      'The U.S. economy grew, e.g. in farming, i.e. slowly.',
      'No. 5 was sold.',
    ]);
  });

  it('ends a sentence after a.m., p.m. or U.S. when a new sentence starts', () => {
    expect(en('Doors open at 10 a.m. Teams should arrive early.')).toEqual([
      'Doors open at 10 a.m.',
      'Teams should arrive early.',
    ]);
    expect(en('The show ends at 5 p.m. and the bar at 11 p.m. Then we leave.')).toHaveLength(2);
    expect(en('She studied in the U.S. The return was hard.')).toHaveLength(2);
  });

  it('keeps abbreviated months and initials', () => {
    expect(en('The fair runs from Jan. 5 to Feb. 9 this year. J. R. Hartley wrote it.')).toEqual([
      'The fair runs from Jan. 5 to Feb. 9 this year.',
      'J. R. Hartley wrote it.',
    ]);
  });

  it('continues after a quoted question followed by a small letter', () => {
    expect(en('The band opened with "Who has time?" by Hans Berger. It went well.')).toHaveLength(
      2,
    );
  });
});

describe('splitSentences (text preservation)', () => {
  it('returns nothing for blank text', () => {
    expect(de('')).toEqual([]);
    expect(de(' \n\t ')).toEqual([]);
  });

  it('never breaks where no whitespace separates', () => {
    expect(de('Er zögerte...Dann ging er. Hallo!Welt.')).toEqual([
      'Er zögerte...Dann ging er.',
      'Hallo!Welt.',
    ]);
  });

  it('trims sentences and keeps them as written', () => {
    const text = '  Erster  Satz.   Zweiter\u00a0Satz!  ';
    expect(de(text)).toEqual(['Erster  Satz.', 'Zweiter\u00a0Satz!']);
  });

  // Words, abbreviations, numbers, quotes and scripts that make the rules work hardest.
  const piece = fc.constantFrom(
    ...[' ', '  ', '\n', '\u00a0', '\u200b', '„', '“', '"', '?', '!', '…', '...', '.', ':', '('],
    ...'Der der Dann z. B. u. a. Dr. Mio. usw. U.S. p.m. 4. 1990. Apr. April A.'.split(' '),
    ...['4.4.2024', '13.30', '😀', '中文。', 'e\u0301', 'ﬁ', ')'],
  );
  const texts = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 120 }),
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')),
  );

  it('never throws, never loses or reorders a character (both languages)', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom('de' as const, 'en' as const), (text, lang) => {
        const sentences = splitSentences(text, lang);
        expect(collapse(sentences.join(' '))).toBe(collapse(text));
        let from = 0;
        for (const sentence of sentences) {
          expect(sentence).not.toBe('');
          expect(sentence).toBe(sentence.trim());
          const at = text.indexOf(sentence, from);
          expect(at).toBeGreaterThanOrEqual(from);
          expect(text.slice(from, at).trim()).toBe('');
          from = at + sentence.length;
        }
        expect(text.slice(from).trim()).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('splits a 500-paragraph article in a few milliseconds per paragraph', () => {
    const paragraph =
      'Am 4. Apr. 2024 eröffnete Dr. Kurz die 9. Messe. Es kamen ca. 3 Mio. Gäste, u. a. aus ' +
      'Kehl. „Wir sind froh“, so die Sprecherin. Er wurde 1990 geboren. Danach zog er um.';
    splitSentences(paragraph, 'de');
    const start = performance.now();
    for (let i = 0; i < 500; i++) splitSentences(`${paragraph} Absatz ${i}.`, 'de');
    const perParagraph = (performance.now() - start) / 500;
    expect(perParagraph).toBeLessThan(3);
  });
});
