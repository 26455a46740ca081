/** The rules that find quantities in German text, most specific first. */
import {
  amountList,
  clockList,
  dayListDates,
  isoDateRule,
  spreadScale,
  yearRangeRule,
} from './common.js';
import { group, LEAD, listItems, listOf, rule, TRAIL } from './scan.js';
import type { QuantityRule } from './scan.js';
import type { QuantityKind } from './types.js';
import {
  currencyCode,
  dateValue,
  expandYear,
  GERMAN_MONTH,
  germanScale,
  GROUP_SPACE,
  isDayMonth,
  monthNumber,
  parseGermanNumber,
} from './units.js';
import { parseGermanNumberWord } from './words.js';

/** "5.000", "12 000", "1.000,5", "2,5"; an English "2.5" is read as a decimal too. */
const NUM = String.raw`\d{1,3}(?:(?:\.|${GROUP_SPACE})\d{3}(?!\d))+(?:,\d+)?|\d+(?:,\d+)?(?![.,]\d)|\d+\.\d+`;
const SCALE = String.raw`(?:Tsd\.|Tausend|Mio\.?|Millionen|Million|Mrd\.?|Milliarden|Milliarde|Bio\.?|Billionen|Billion)(?!\p{L})`;
const PERCENT = String.raw`(?:%|Prozent(?:punkte?n?)?(?!\p{L})|v\.\s?H\.)`;
const CURRENCY_BEFORE = String.raw`(?:US-?\$|\$|€|£|¥|EUR|USD|GBP|CHF)`;
const CURRENCY_AFTER = String.raw`(?:[€$£¥]|(?:(?:\p{Ll}+en?|US|Schweizer)[-\s])?(?:Euro|Dollar|Pfund(?:\s+Sterling)?|Franken|Yen|Rubel|Kronen|Krone|Yuan|Renminbi)(?!\p{L})|(?:EUR|USD|GBP|CHF|JPY|RUB|SEK|NOK|DKK|CZK|CNY)(?!\p{L}))`;
const CONJUNCTIONS = String.raw`und|oder|bis(?:\s+zu)?|sowie`;

const AMOUNT_ITEM = `(?:${NUM})${TRAIL}(?:\\s?${SCALE})?`;
const AMOUNT_CAPTURE = `(?<n>${NUM})${TRAIL}(?:\\s?(?<s>${SCALE}))?`;

/** "4 Milliarden Dollar", "2,5 Mio. Euro", "10 bis 15 Prozent", "75-prozentigen", "€ 2". */
const amounts = rule(
  `${LEAD}(?<pre>${CURRENCY_BEFORE}\\s?)?(?<list>${listOf(AMOUNT_ITEM, CONJUNCTIONS, '(?:bis\\s+)?')})(?<post>\\s?(?:${PERCENT}|${CURRENCY_AFTER})|-[pP]rozentig\\p{L}*)?`,
  (m) => {
    const items = listItems(m, 'list', AMOUNT_CAPTURE);
    const post = group(m, 'post');
    const percent = /%|rozent|v\.\s?H/.test(post);
    const unit = currencyCode(group(m, 'pre')) ?? (percent ? undefined : currencyCode(post));
    const scales = items.map((item) => germanScale(group(item, 's')));
    if (!percent && unit === undefined && scales.every((s) => s === 1)) return undefined;
    const raw = items.map((item) => [parseGermanNumber(group(item, 'n'))]);
    const kind: QuantityKind = percent ? 'percent' : unit === undefined ? 'number' : 'money';
    return amountList(m, items, spreadScale(raw, scales), { kind, unit });
  },
);

/** "zehn Prozent", "eine Million Euro": the only German number words that are checked. */
const wordAmounts = rule(
  `(?<![\\p{L}\\p{N}])(?<w>\\p{L}+)\\s+(?:(?<s>${SCALE})(?<cur>\\s?${CURRENCY_AFTER})?|(?<pct>${PERCENT}))`,
  (m) => {
    const number = parseGermanNumberWord(group(m, 'w'));
    if (number === undefined) return undefined;
    const base = { text: m[0], index: m.index };
    if (group(m, 'pct') !== '') return [{ ...base, kind: 'percent', value: number }];
    const value = number * germanScale(group(m, 's'));
    const unit = currencyCode(group(m, 'cur'));
    return [
      unit === undefined
        ? { ...base, kind: 'number', value }
        : { ...base, kind: 'money', value, unit },
    ];
  },
);

const DAY_ITEM = String.raw`\d{1,2}\.`;

/** "4. April 2024", "am 3. Oktober", "vom 18. bis 20. Juli", "1.-4. Mai". */
const wordMonthDates = rule(
  `${LEAD}(?<list>${listOf(DAY_ITEM, 'und|oder|bis', '(?:bis\\s+)?')})\\s*(?<mon>${GERMAN_MONTH})(?:\\s+(?<y>\\d{4})${TRAIL})?`,
  (m) => dayListDates(m, String.raw`(?<d>\d{1,2})\.`, monthNumber(group(m, 'mon')), group(m, 'y')),
);

/** "04.04.2024", "4.4.24", "4.4." (a day and month without a year need the closing dot). */
const numericDates = rule(
  `${LEAD}(?<d>\\d{1,2})\\.\\s?(?<mo>\\d{1,2})\\.(?<y>\\d{4}|\\d{2}(?!\\p{N}))?${TRAIL}`,
  (m) => {
    const day = Number(group(m, 'd'));
    const month = Number(group(m, 'mo'));
    if (!isDayMonth(day, month)) return undefined;
    const year = group(m, 'y') === '' ? undefined : expandYear(group(m, 'y'));
    return [{ kind: 'date', text: m[0], index: m.index, value: dateValue(year, month, day) }];
  },
);

/** "März 2023" (from "im März 2023"). */
const monthYears = rule(`(?<![\\p{L}])(?<mon>${GERMAN_MONTH})\\s+(?<y>\\d{4})${TRAIL}`, (m) => {
  const month = monthNumber(group(m, 'mon'));
  if (month === undefined) return undefined;
  const value = dateValue(Number(group(m, 'y')), month, undefined);
  return [{ kind: 'date', text: m[0], index: m.index, value }];
});

const hourOf = (hour: number) => (hour <= 24 ? [hour] : undefined);
const HOUR_ITEM = String.raw`\d{1,2}(?:[.:]\d{2})?${TRAIL}`;

/** "18 Uhr", "18.30 Uhr", "um 11, 13 und 15 Uhr", "von 11 bis 17 Uhr". */
const uhrTimes = rule(
  `${LEAD}(?<list>${listOf(HOUR_ITEM, 'und|oder|bis')})\\s?Uhr(?!\\p{L})`,
  (m) => clockList(m, hourOf),
);

const TIME_CUE = String.raw`(?<=(?:^|[^\p{L}])(?:[uU]m|[aA]b|[gG]egen|[bB]is|[vV]on|[zZ]wischen|Stand:?)\s)`;

/** "18:00 h"; a bare "21:19" is left to the plain numbers, as it may be a handball score. */
const colonTimes = rule(`${LEAD}(?<list>\\d{1,2}:\\d{2})${TRAIL}\\s?(?:Uhr|h)(?!\\p{L})`, (m) =>
  clockList(m, hourOf),
);

/**
 * "um 18.30", "ab 18:30", "zwischen 10.30 und 12.30": after such a word a German "18.30" is
 * a time, as German decimals take a comma.
 */
const cuedTimes = rule(
  `${TIME_CUE}(?<list>${listOf(`\\d{1,2}[.:]\\d{2}${TRAIL}`, 'und|bis')})(?!\\s?(?:[%€$£]|Prozent|Euro|Dollar|Franken|Pfund|Mio|Mrd|Million|Milliard|Meter|Kilo|Zentimeter|Grad|Punkte|Sekunden|Minuten))`,
  (m) => clockList(m, hourOf),
);

/** "1990er", "90er Jahre", "in den 80ern". */
const decades = rule(`${LEAD}(?<y>\\d{4}|\\d{2})er(?:n|[-\\s]?Jahren?)?(?!\\p{L})`, (m) => {
  const year = group(m, 'y');
  if (!year.endsWith('0')) return undefined;
  return [{ kind: 'year', text: m[0], index: m.index, value: `${year}s` }];
});

/** "der 9. Immobilientag", "zum 3. Mal"; "2014. Die" is a year ending a sentence. */
const ordinals = rule(`${LEAD}(?<n>\\d+)\\.(?=[ \\u00A0]+(?<next>\\p{L}))`, (m) => {
  const digits = group(m, 'n');
  const value = Number(digits);
  if (
    /^\d{4}$/.test(digits) &&
    value >= 1800 &&
    value <= 2099 &&
    /\p{Lu}/u.test(group(m, 'next'))
  ) {
    return [{ kind: 'year', text: digits, index: m.index, value }];
  }
  return [{ kind: 'number', text: m[0], index: m.index, value, ordinal: true }];
});

const yearCue =
  /(?:Jahr|Jahre|Jahres|seit|im|bis|ab|Anfang|Ende|Mitte|Frühjahr|Sommer|Herbst|Winter)\s+$/u;

/** Any other number; four digits are a year unless a noun follows ("2000 Menschen"). */
const plainNumbers = rule(`${LEAD}(?<n>${NUM})${TRAIL}`, (m) => {
  const value = parseGermanNumber(m[0]);
  if (!Number.isFinite(value)) return undefined;
  const end = m.index + m[0].length;
  const yearLike = /^\d{4}$/.test(m[0]) && value >= 1800 && value <= 2099;
  const nounAfter = /^\s+\p{Lu}/u.test(m.input.slice(end, end + 2));
  const cued = yearCue.test(m.input.slice(Math.max(0, m.index - 12), m.index));
  const kind = yearLike && (cued || !nounAfter) ? 'year' : 'number';
  return [{ kind, text: m[0], index: m.index, value }];
});

/** German rules in the order they claim text. */
export const germanRules: readonly QuantityRule[] = [
  isoDateRule,
  numericDates,
  wordMonthDates,
  monthYears,
  uhrTimes,
  colonTimes,
  cuedTimes,
  decades,
  yearRangeRule,
  amounts,
  wordAmounts,
  ordinals,
  plainNumbers,
];
