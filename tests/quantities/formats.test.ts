/**
 * Property tests: random quantities written the German way and the English way must match,
 * and must stop matching when the English value is changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingQuantities } from '../../src/quantities/compare.js';

// prettier-ignore
const germanMonths = [
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September',
  'Oktober', 'November', 'Dezember',
];
// prettier-ignore
const germanShort = [
  'Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.',
];
// prettier-ignore
const englishMonths = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December',
];
// prettier-ignore
const englishShort = [
  'Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
];

const group = (n: number, separator: string) =>
  String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
const pad = (n: number) => String(n).padStart(2, '0');
const at = (list: readonly string[], i: number) => list[i % list.length] ?? '';

/** One quantity as [German, English], `style` picking among the accepted ways to write it. */
type Rendered = readonly [string, string];

const integer = (n: number, style: number): Rendered => [
  group(n, at(['.', ' ', '\u2009', ''], style)),
  group(n, at([',', ''], style)),
];
const decimal = (n: number, cents: number, style: number): Rendered => [
  `${group(n, at(['.', ''], style))},${pad(cents)}`,
  `${group(n, at([',', ''], style))}.${pad(cents)}`,
];
const money = (n: number, style: number): Rendered => {
  const [de, en] = integer(n, style);
  const euro = style % 2 === 0;
  const german = euro ? at([`${de} Euro`, `${de} €`, `€ ${de}`], style) : `${de} Dollar`;
  const english = euro
    ? at([`€${en}`, `${en} euros`, `EUR ${en}`], style)
    : at([`$${en}`, `${en} dollars`, `US$${en}`], style);
  return [german, english];
};
const scaled = (n: number, tenth: number, style: number): Rendered => {
  const billions = style % 2 === 1;
  const german = `${n},${tenth} ${at(billions ? ['Mrd.', 'Milliarden'] : ['Mio.', 'Millionen'], style)} Euro`;
  const english = at(
    [
      `€${n}.${tenth} ${billions ? 'billion' : 'million'}`,
      `${n}.${tenth}${billions ? 'bn' : 'm'} euros`,
    ],
    style,
  );
  return [german, english];
};
const percent = (n: number, style: number): Rendered => [
  at([`${n} Prozent`, `${n} %`, `${n}%`], style),
  at([`${n}%`, `${n} per cent`, `${n} percent`], style),
];
const date = (day: number, month: number, year: number, style: number): Rendered => {
  const m = month - 1;
  const german = at(
    [
      `${day}. ${at(germanMonths, m)} ${year}`,
      `${pad(day)}.${pad(month)}.${year}`,
      `${day}.${month}.${year}`,
      `${day}. ${at(germanShort, m)} ${year}`,
    ],
    style,
  );
  const [name, short] = [at(englishMonths, m), at(englishShort, m)];
  const english = at(
    [
      `${day} ${name} ${year}`,
      `${name} ${day}, ${year}`,
      `${short} ${day}, ${year}`,
      `${day} ${name.slice(0, 3)} ${year}`,
    ],
    style,
  );
  return [german, english];
};
const time = (hour: number, quarter: number, style: number): Rendered => {
  const minutes = pad(quarter * 15);
  const german = at(
    [quarter === 0 ? `${hour} Uhr` : `${hour}.${minutes} Uhr`, `${hour}:${minutes} Uhr`],
    style,
  );
  const twelve = hour % 12 || 12;
  const english = at(
    [`${hour}:${minutes}`, `${twelve}:${minutes} ${hour < 12 ? 'a.m.' : 'p.m.'}`],
    style,
  );
  return [german, english];
};

const style = fc.nat({ max: 11 });
const quantity: fc.Arbitrary<Rendered> = fc.oneof(
  fc.tuple(fc.integer({ min: 2, max: 10_000_000 }), style).map(([n, s]) => integer(n, s)),
  fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 1, max: 99 }), style)
    .map(([n, c, s]) => decimal(n, c, s)),
  fc.tuple(fc.integer({ min: 2, max: 9_999_999 }), style).map(([n, s]) => money(n, s)),
  fc
    .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 9 }), style)
    .map(([n, t, s]) => scaled(n, t, s)),
  fc.tuple(fc.integer({ min: 0, max: 100 }), style).map(([n, s]) => percent(n, s)),
  fc
    .tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1900, max: 2099 }),
      style,
    )
    .map(([d, m, y, s]) => date(d, m, y, s)),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.nat({ max: 3 }), style)
    .map(([h, q, s]) => time(h, q, s)),
);

describe('the same quantities written German and English style', () => {
  it('are all found carried', () => {
    fc.assert(
      fc.property(fc.array(quantity, { minLength: 1, maxLength: 6 }), (pairs) => {
        const de = pairs.map(([german]) => german).join('; danach ');
        const en = pairs.map(([, english]) => english).join('; then ');
        expect(missingQuantities(de, en)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a changed English value', () => {
  const changed = fc.oneof(
    fc
      .tuple(fc.integer({ min: 2, max: 10_000_000 }), style)
      .map(([n, s]) => [integer(n, s)[0], integer(n + 1, s)[1]] as const),
    fc
      .tuple(fc.integer({ min: 2, max: 9_999_999 }), style)
      .map(([n, s]) => [money(n, s)[0], money(n * 10, s)[1]] as const),
    fc
      .tuple(fc.integer({ min: 0, max: 99 }), style)
      .map(([n, s]) => [percent(n, s)[0], percent(n + 1, s)[1]] as const),
    fc
      .tuple(
        fc.integer({ min: 1, max: 27 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1900, max: 2099 }),
        style,
      )
      .map(([d, m, y, s]) => [date(d, m, y, s)[0], date(d + 1, m, y, s)[1]] as const),
    fc
      .tuple(fc.integer({ min: 0, max: 22 }), fc.nat({ max: 3 }), style)
      .map(([h, q, s]) => [time(h, q, s)[0], time(h + 1, q, s)[1]] as const),
  );

  it('is reported', () => {
    fc.assert(
      fc.property(changed, ([de, en]) => {
        expect(missingQuantities(de, en).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
