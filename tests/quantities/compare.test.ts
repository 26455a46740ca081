import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuantities, missingQuantities } from '../../src/quantities/compare.js';

/** The German side must find something to check, or a passing pair proves nothing. */
function expectCarried(de: string, en: string) {
  expect(extractQuantities(de, 'de').length, `nothing extracted from "${de}"`).toBeGreaterThan(0);
  expect(missingQuantities(de, en)).toEqual([]);
}

const missingTexts = (de: string, en: string) => missingQuantities(de, en).map((q) => q.text);

describe('missingQuantities accepts the same value in another format', () => {
  it.each([
    ['4 Milliarden Dollar', '$4 billion'],
    ['4 Milliarden Dollar', '4 billion dollars'],
    ['4 Milliarden Dollar', 'US$4bn'],
    ['2,5 Mio. Euro', '€2.5 million'],
    ['2,5 Mio. Euro', '2.5 million euros'],
    ['300 Millionen', '300 million'],
    ['1,2 Mrd.', '1.2 billion'],
    ['5.000 Euro', '5,000 euros'],
    ['5.000 Euro', '€5,000'],
    ['1.000,5', '1,000.5'],
    ['12 000 Fahrzeuge', '12,000 vehicles'],
    ['12\u2009000 Fahrzeuge', '12,000 vehicles'],
    ['12\u202F000 Fahrzeuge', '12,000 vehicles'],
    ['2 €', '€2'],
    ['eine Million Euro pro Jahr', 'one million € per year'],
    ['5 Millionen Kronen', '5 million krone'],
  ])('money and numbers: %s ↔ %s', expectCarried);

  it.each([
    ['3 Prozent', '3 percent'],
    ['3 %', '3 per cent'],
    ['3%', '3%'],
    ['zehn Prozent', 'ten percent'],
    ['zehn Prozent', '10%'],
    ['eine 75-prozentige Abgabe', 'a 75% levy'],
    ['10 bis 15 Prozent', '10-15%'],
  ])('percentages: %s ↔ %s', expectCarried);

  it.each([
    ['60 Tage', '60 days'],
    ['5 Jahre', 'five years'],
    ['100 Meter', '100 metres'],
    ['12 Kilometer in 45 Minuten', '12 km in 45 minutes'],
    ['der 9. Immobilientag', 'the 9th real estate day'],
    ['zum 3. Mal', 'for the third time'],
    ['die 1250. Wiederkehr', 'the 1,250th anniversary'],
    ['2023/24', '2023/24'],
    ['die Saison 2023/24', 'the 2023-24 season'],
    ['10 bis 15', '10 to 15'],
    ['10 bis 15', '10-15'],
    ['auf der B 33', 'on the B33'],
    ['auf der B 33', 'on the B 33'],
    ['Windows 11', 'Windows 11'],
  ])('plain numbers, ordinals and ranges: %s ↔ %s', expectCarried);

  const germanDates = ['4. Apr. 2024', '4. April 2024', '04.04.2024', '4.4.2024'];
  const englishDates = ['4 April 2024', 'April 4, 2024', 'Apr. 4, 2024', '4 Apr 2024'];
  it.each(germanDates.flatMap((de) => englishDates.map((en) => [de, en])))(
    'full dates: %s ↔ %s',
    expectCarried,
  );

  it.each([
    ['am 3. Oktober', 'on 3 October'],
    ['am 3. Oktober', 'on October 3'],
    ['im März 2023', 'in March 2023'],
    ['2024', '2024'],
    ['in den 1990er Jahren', 'in the 1990s'],
    ['vom 18. bis 20. Juli', 'from 18 to 20 July'],
    ['am 27. und 28. September', 'on September 27 and 28'],
    ['am 4. April 2024', 'on April 4 — in 2024'],
  ])('dates: %s ↔ %s', expectCarried);

  it.each([
    ['18:00 Uhr', '18:00'],
    ['18 Uhr', '6 pm'],
    ['18 Uhr', '18:00'],
    ['18.30 Uhr', '6:30 p.m.'],
    ['um 11, 13 und 15 Uhr', 'at 11 a.m., 1 p.m. and 3 p.m.'],
    ['von 11 bis 17 Uhr', 'from 11.00 a.m. until 5:00 p.m.'],
    ['um 12 und 14 Uhr', 'at midday and 2 pm'],
    ['um 19 Uhr', "at seven o'clock"],
    ['9-17 Uhr', '9am-5pm'],
    ['ab 10 Uhr', 'from 10'],
    ['um 14:30', 'at 2:30 pm'],
  ])('times: %s ↔ %s', expectCarried);

  it.each([
    ['Sie gewannen 21:19.', 'They won 21-19.'],
    ['2,5 Millionen Euro', 'two and a half million euros'],
    ['Mehr als 1000 Menschen', 'More than a thousand people'],
    ['1,5 Mio. Mal', '1.5m times'],
    ['1,5 Meter', 'a 1.5m wall'],
    ['rund 615.000 Euro', 'around EUR 615.000'],
    ['in den 90er Jahren', 'in the 1990s'],
  ])('looser renderings: %s ↔ %s', expectCarried);
});

describe('missingQuantities stays quiet about', () => {
  it.each([
    ['German number words', 'fünf Jahre', 'five years'],
    ['the number one', 'Ligue 1 und 1 Tor', 'Ligue One and a goal'],
    ['indefinite articles', 'ein Haus und eine Frau', 'a house and a woman'],
    ['digits inside names', 'Covid-19 und TV2', 'the coronavirus and a broadcaster'],
  ])('%s', (_name, de, en) => {
    expect(missingQuantities(de, en)).toEqual([]);
  });
});

describe('missingQuantities reports', () => {
  it.each([
    ['a different amount', '4 Milliarden', '$3 billion', ['4 Milliarden']],
    ['a different number of days', '60 Tage', '30 days', ['60']],
    ['a dropped percentage', 'Die Preise stiegen um 3 Prozent.', 'Prices rose.', ['3 Prozent']],
    ['a percentage turned into a plain number', 'um 3 Prozent', 'by 3 points', ['3 Prozent']],
    ['a wrong day', 'am 3. Oktober', 'on 4 October', ['3. Oktober']],
    ['a wrong year', '4. April 2024', '4 April 2023', ['4. April 2024']],
    ['a wrong month', 'im März 2023', 'in May 2023', ['März 2023']],
    ['a wrong time', '18 Uhr', '6 am', ['18 Uhr']],
    ['a wrong bare hour', 'ab 18 Uhr', 'from 7', ['18 Uhr']],
    ['a changed currency', '4 Milliarden Dollar', '4 billion euros', ['4 Milliarden Dollar']],
    ['a wrong scale', '2,5 Mio. Euro', '€2.5 billion', ['2,5 Mio. Euro']],
    ['a wrong decade', 'die 1990er', 'the 1980s', ['1990er']],
    ['only the missing one of several', '5 und 7 Äpfel', '5 apples', ['7']],
  ])('%s', (_name, de, en, missing) => {
    expect(missingTexts(de, en)).toEqual(missing);
  });
});

describe('missingQuantities on any input', () => {
  it('never throws and reports only quantities that are in the German text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (de, en) => {
        for (const q of missingQuantities(de, en)) {
          expect(de.slice(q.index, q.index + q.text.length)).toBe(q.text);
        }
      }),
    );
  });

  it('finds nothing missing when a digit-only text is checked against itself', () => {
    const digitText = fc.stringMatching(/^[0-9 ]{0,40}$/);
    fc.assert(
      fc.property(digitText, (text) => {
        expect(missingQuantities(text, text)).toEqual([]);
      }),
    );
  });
});
