import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../src/quantities/compare.js';
import type { Quantity } from '../../src/quantities/compare.js';
import {
  parseGermanNumberWord,
  parseEnglishNumberWords,
} from '../../src/quantities/words.js';

/** Kind, text and value (and unit) of each quantity, the shape most tests compare. */
const brief = (text: string, lang: 'de' | 'en') =>
  extractQuantities(text, lang).map((q: Quantity) => [
    q.kind,
    q.text,
    q.value,
    ...(q.unit === undefined ? [] : [q.unit]),
  ]);

describe('extractQuantities in German', () => {
  it.each([
    ['4 Milliarden Dollar', [['money', '4 Milliarden Dollar', 4e9, 'USD']]],
    ['2,5 Mio. Euro', [['money', '2,5 Mio. Euro', 2.5e6, 'EUR']]],
    ['1,2 Mrd.', [['number', '1,2 Mrd.', 1.2e9]]],
    ['€ 2', [['money', '€ 2', 2, 'EUR']]],
    ['5 Millionen Kronen', [['money', '5 Millionen Kronen', 5e6, 'KR']]],
    ['1.000,5', [['number', '1.000,5', 1000.5]]],
    ['12 000 Fahrzeuge', [['number', '12 000', 12000]]],
    ['zehn Prozent', [['percent', 'zehn Prozent', 10]]],
    ['eine 75-prozentige Abgabe', [['percent', '75-prozentige', 75]]],
    ['3 %', [['percent', '3 %', 3]]],
    ['4. Apr. 2024', [['date', '4. Apr. 2024', '2024-04-04']]],
    ['am 04.04.2024', [['date', '04.04.2024', '2024-04-04']]],
    ['am 3. Oktober', [['date', '3. Oktober', '10-03']]],
    ['am 24.12.', [['date', '24.12.', '12-24']]],
    ['im Jänner 2023', [['date', 'Jänner 2023', '2023-01']]],
    ['2014 wird ein Festjahr', [['year', '2014', 2014]]],
    ['die 1990er', [['year', '1990er', '1990s']]],
    ['um 18.30 Uhr', [['time', '18.30 Uhr', '18:30']]],
    ['ab 18:30', [['time', '18:30', '18:30']]],
    ['der 9. Immobilientag', [['number', '9.', 9]]],
    ['Covid-19, TV2 und A380', []],
  ])('%s', (text, expected) => {
    expect(brief(text, 'de')).toEqual(expected);
  });

  it('gives each item of a list the unit, scale or month that follows the list', () => {
    expect(brief('10 bis 15 Millionen Euro', 'de')).toEqual([
      ['money', '10', 10e6, 'EUR'],
      ['money', '15 Millionen Euro', 15e6, 'EUR'],
    ]);
    expect(brief('vom 18. bis 20. Juli 2024', 'de')).toEqual([
      ['date', '18.', '2024-07-18'],
      ['date', '20. Juli 2024', '2024-07-20'],
    ]);
    expect(brief('um 11, 13 und 15 Uhr', 'de')).toEqual([
      ['time', '11', '11:00'],
      ['time', '13', '13:00'],
      ['time', '15 Uhr', '15:00'],
    ]);
  });

  it('does not lend a scale to a large number before it', () => {
    expect(brief('zwischen 500.000 und 1 Million', 'de')).toEqual([
      ['number', '500.000', 500000],
      ['number', '1 Million', 1e6],
    ]);
  });

  it('reads a bare colon as a score, not a time', () => {
    expect(brief('Sie gewannen 21:19.', 'de')).toEqual([
      ['number', '21', 21],
      ['number', '19', 19],
    ]);
  });
});

describe('extractQuantities in English', () => {
  it.each([
    ['US$4bn', [['money', 'US$4bn', 4e9, 'USD']]],
    ['4 billion dollars', [['money', '4 billion dollars', 4e9, 'USD']]],
    ['€2.5 million', [['money', '€2.5 million', 2.5e6, 'EUR']]],
    ['EUR 15,000', [['money', 'EUR 15,000', 15000, 'EUR']]],
    ['ten per cent', [['percent', 'ten per cent', 10]]],
    ['April 4, 2024', [['date', 'April 4, 2024', '2024-04-04']]],
    ['the 4th of April', [['date', '4th of April', '04-04']]],
    ['in March 2023', [['date', 'March 2023', '2023-03']]],
    ['6:30 p.m.', [['time', '6:30 p.m.', '18:30']]],
    ['midnight', [['time', 'midnight', '00:00']]],
    ['twenty-five', [['number', 'twenty-five', 25]]],
    ['one hundred and five', [['number', 'one hundred and five', 105]]],
    ['the 1,250th', [['number', '1,250th', 1250]]],
  ])('%s', (text, expected) => {
    expect(brief(text, 'en')).toEqual(expected);
  });

  it('keeps the other readings of ambiguous text', () => {
    const [evening] = extractQuantities('at 6:30', 'en');
    expect(evening).toMatchObject({ value: '06:30', alternatives: ['18:30'] });
    const [slash] = extractQuantities('on 4/5/2024', 'en');
    expect(slash).toMatchObject({ value: '2024-05-04', alternatives: ['2024-04-05'] });
    const [leftGerman] = extractQuantities('EUR 5.000', 'en');
    expect(leftGerman).toMatchObject({ value: 5, alternatives: [5000] });
    const [metres] = extractQuantities('a 1.5m wall', 'en');
    expect(metres).toMatchObject({ value: 1.5e6, alternatives: [1.5] });
  });

  it('marks ordinals', () => {
    expect(extractQuantities('the third and the 9th', 'en').map((q) => q.ordinal)).toEqual([
      true,
      true,
    ]);
  });
});

describe('number words', () => {
  it.each([
    ['zehn', 10],
    ['einundzwanzig', 21],
    ['zweihundertfünfzig', 250],
    ['dreitausend', 3000],
    ['zweieinhalb', 2.5],
    ['anderthalb', 1.5],
    ['Haus', undefined],
  ])('German %s', (word, value) => {
    expect(parseGermanNumberWord(word)).toBe(value);
  });

  it.each([
    ['twenty-first', 21],
    ['two thousand and twelve', 2012],
    ['a hundred', 100],
    ['two and a half', 2.5],
  ])('English %s', (phrase, value) => {
    expect(parseEnglishNumberWords(phrase)?.value).toBe(value);
  });
});

describe('extractQuantities on any input', () => {
  const numberish = fc
    .array(
      fc.constantFrom(
        '4',
        '12',
        '2024',
        '.',
        ',',
        ' ',
        '\u2009',
        '-',
        '/',
        ':',
        '%',
        '€',
        '$',
        'US$',
        'Mio.',
        'Milliarden',
        'billion',
        'bn',
        'm',
        'Euro',
        'euros',
        'Prozent',
        'per cent',
        'Uhr',
        'p.m.',
        'am',
        'April',
        'Apr.',
        'Mai',
        'May',
        'bis',
        'und',
        'to',
        'and',
        'zehn',
        'ten',
        'third',
        'er',
        's',
        "'",
        'o’clock',
        'noon',
        'Covid',
        'B',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  it('never throws, and every quantity is where it says it is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), numberish), (text) => {
        for (const lang of ['de', 'en'] as const) {
          for (const q of extractQuantities(text, lang)) {
            expect(text.slice(q.index, q.index + q.text.length)).toBe(q.text);
            expect(q.text).not.toBe('');
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
