/**
 * The rules that find quantities in English text. English is the side searched for the
 * German values, so these read generously: number words, 12-hour clocks, German digit
 * formats a translator left in.
 */
import {
  alternatives,
  amountList,
  clockList,
  dayListDates,
  isoDateRule,
  spreadScale,
  yearRangeRule,
} from './common.js';
import { group, LEAD, listItems, listOf, rule, TRAIL } from './scan.js';
import type { QuantityRule } from './scan.js';
import type { Quantity, QuantityKind } from './types.js';
import {
  clockValue,
  currencyCode,
  dateValue,
  ENGLISH_MONTH,
  englishScale,
  expandYear,
  GROUP_SPACE,
  isDayMonth,
  monthNumber,
  parseEnglishNumber,
} from './units.js';
import {
  ENGLISH_CARDINAL_WORDS,
  ENGLISH_ORDINAL_WORDS,
  ENGLISH_SMALL_WORDS,
  parseEnglishNumberWords,
} from './words.js';

/** "5,000", "12 000", "1,000.5", "2.5", and German-style "5.000" left in a translation. */
const NUM = String.raw`\d{1,3}(?:(?:,|${GROUP_SPACE})\d{3}(?!\d))+(?:\.\d+)?|\d{1,3}(?:\.\d{3}(?!\d))+(?:,\d+)?(?![.,]\d)|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:thousand|million|billion|trillion)(?!\p{L})|\s?(?:bn|mn|trn|tn)(?!\p{L})|(?:m|k|b)(?!\p{L}))`;
const PERCENT = String.raw`(?:%|per\s?cent(?!\p{L})|percent(?:age\s+points?)?(?!\p{L})|percentage\s+points?(?!\p{L})|pct\.?(?!\p{L}))`;
const CURRENCY_BEFORE = String.raw`(?:US\$|U\.S\.\s?\$|NZ\$|[ACH]K?\$|\$|€|£|¥|EUR|USD|GBP|CHF|JPY|SEK|NOK|DKK)`;
const CURRENCY_AFTER = String.raw`(?:[€$£¥]|(?:(?:US|U\.S\.|Swiss|Australian|Canadian|Hong\s+Kong|New\s+Zealand|Norwegian|Swedish|Danish|Czech)\s+)?(?:[eE]uros?|dollars?|pounds?(?:\s+sterling)?|francs?|yen|roubles?|rubles?|kron(?:e|er|or|a)|crowns?|yuan|renminbi)(?!\p{L})|(?:EUR|USD|GBP|CHF|JPY|RUB|SEK|NOK|DKK|CZK|CNY)(?!\p{L}))`;
const CONJUNCTIONS = 'and|or|to|through|until|till';
const BARE_SCALE = String.raw`(?=\s+(?:thousand|million|billion|trillion)(?!\p{L}))`;

const AMOUNT_ITEM = `(?:(?:${NUM})${TRAIL}|${ENGLISH_CARDINAL_WORDS}|[aA]n?${BARE_SCALE})${SCALE}?`;
const AMOUNT_CAPTURE = `(?:(?<n>${NUM})${TRAIL}|(?<w>${ENGLISH_CARDINAL_WORDS}|[aA]n?${BARE_SCALE}))(?<s>${SCALE})?`;

function amountReadings(item: RegExpExecArray): number[] {
  const digits = group(item, 'n');
  if (digits !== '') {
    const { value, alternatives: others = [] } = parseEnglishNumber(digits);
    return [value, ...others];
  }
  const words = parseEnglishNumberWords(group(item, 'w'));
  return words === undefined ? [] : [words.value];
}

/** "$4 billion", "US$4bn", "2.5 million euros", "EUR 15,000", "ten per cent", "10-15%". */
const amounts = rule(
  `${LEAD}(?<pre>${CURRENCY_BEFORE}\\s?)?(?<list>${listOf(AMOUNT_ITEM, CONJUNCTIONS)})(?<post>\\s?(?:${PERCENT}|${CURRENCY_AFTER}))?`,
  (m) => {
    const items = listItems(m, 'list', AMOUNT_CAPTURE);
    const percent = /%|cent|pct/.test(group(m, 'post'));
    const unit =
      currencyCode(group(m, 'pre')) ?? (percent ? undefined : currencyCode(group(m, 'post')));
    const suffixes = items.map((item) => group(item, 's'));
    const scales = suffixes.map(englishScale);
    if (!percent && unit === undefined && scales.every((s) => s === 1)) return undefined;
    const kind: QuantityKind = percent ? 'percent' : unit === undefined ? 'number' : 'money';
    const readings = spreadScale(items.map(amountReadings), scales).map((scaled, i) => {
      // "€2.5m" is millions, but a bare "1.5m" may be metres: keep the unscaled reading too.
      const bare = unit === undefined && /^[mkb]$/.test(suffixes[i] ?? '');
      return bare ? [...scaled, ...scaled.map((v) => v / (scales[i] ?? 1))] : scaled;
    });
    return amountList(m, items, readings, { kind, unit });
  },
);

const DAY_ITEM = `\\d{1,2}${TRAIL}(?:st|nd|rd|th)?`;
const DAY_CAPTURE = `(?<d>\\d{1,2})${TRAIL}(?:st|nd|rd|th)?`;

/** "4 April 2024", "4 Apr 2024", "on 3 October", "from 18 to 20 July", "the 4th of April". */
const dayFirstDates = rule(
  `${LEAD}(?<list>${listOf(DAY_ITEM, CONJUNCTIONS)})\\s+(?:of\\s+)?(?<mon>${ENGLISH_MONTH})(?:\\s+(?<y>\\d{4})${TRAIL})?`,
  (m) => dayListDates(m, DAY_CAPTURE, monthNumber(group(m, 'mon')), group(m, 'y')),
);

/** "April 4, 2024", "Apr. 4, 2024", "October 3", "July 18-20". */
const monthFirstDates = rule(
  `(?<![\\p{L}])(?<mon>${ENGLISH_MONTH})\\s+(?:the\\s+)?(?<list>${listOf(DAY_ITEM, CONJUNCTIONS)})(?:,?\\s+(?<y>\\d{4})${TRAIL})?`,
  (m) => dayListDates(m, DAY_CAPTURE, monthNumber(group(m, 'mon')), group(m, 'y')),
);

/** "March 2023", "March, 2023". */
const monthYears = rule(
  `(?<![\\p{L}])(?<mon>${ENGLISH_MONTH}),?\\s+(?:of\\s+)?(?<y>\\d{4})${TRAIL}`,
  (m) => {
    const month = monthNumber(group(m, 'mon'));
    if (month === undefined) return undefined;
    const value = dateValue(Number(group(m, 'y')), month, undefined);
    return [{ kind: 'date', text: m[0], index: m.index, value }];
  },
);

/** "4/4/2024" is read both British and American way; "04.04.2024" was left as in German. */
const numericDates = rule(
  `${LEAD}(?<a>\\d{1,2})(?<sep>[/.])(?<b>\\d{1,2})\\k<sep>(?<y>\\d{4}|\\d{2}(?!\\p{N}))${TRAIL}`,
  (m) => {
    const [a, b] = [Number(group(m, 'a')), Number(group(m, 'b'))];
    const year = expandYear(group(m, 'y'));
    const readings = [[a, b], ...(group(m, 'sep') === '/' ? [[b, a]] : [])]
      .filter(([day = 0, month = 0]) => isDayMonth(day, month))
      .map(([day = 0, month = 0]) => dateValue(year, month, day));
    const [value, ...rest] = [...new Set(readings)];
    if (value === undefined) return undefined;
    return [{ kind: 'date', text: m[0], index: m.index, value, ...alternatives(rest) }];
  },
);

/** A 12-hour clock without a.m./p.m. ("at 6:30") may be morning or evening. */
const eitherHalf = (hour: number) =>
  hour >= 1 && hour < 12 ? [hour, hour + 12] : hour <= 24 ? [hour] : undefined;

const HOUR_ITEM = String.raw`\d{1,2}(?:[.:]\d{2})?${TRAIL}`;
const MERIDIEM = String.raw`[aApP]\.?\s?[mM]\.?(?!\p{L})`;

/** "6 pm", "6:30 p.m.", "11.00 a.m.", "between 2 and 4 pm", the "5pm" of "9am-5pm". */
const meridiemTimes = rule(
  `(?:(?<=${MERIDIEM}\\s?[-–]\\s?)|${LEAD})(?<list>${listOf(HOUR_ITEM, 'and|or|to|until|till')})\\s?(?<mer>${MERIDIEM})`,
  (m) => {
    const pm = /^[pP]/.test(group(m, 'mer'));
    return clockList(m, (hour, index, count) => {
      if (hour < 1 || hour > 12) return undefined;
      const [said, other] = pm ? [(hour % 12) + 12, hour % 12] : [hour % 12, (hour % 12) + 12];
      // Only the last item carries the a.m./p.m.; "11 and 1 pm" shows earlier ones may differ.
      return index === count - 1 ? [said] : [said, other];
    });
  },
);

/** "noon", "midday", "midnight". */
const namedTimes = rule(`(?<![\\p{L}])(?:[nN]oon|[mM]idday|[mM]idnight)(?!\\p{L})`, (m) => [
  { kind: 'time', text: m[0], index: m.index, value: /night/.test(m[0]) ? '00:00' : '12:00' },
]);

/** "6 o'clock", "six o'clock". */
const oClock = rule(
  `(?<![\\p{L}\\p{N}])(?<h>\\d{1,2}|${ENGLISH_SMALL_WORDS})\\s+o['’]clock(?!\\p{L})`,
  (m) => {
    const raw = group(m, 'h');
    const hour = /\d/.test(raw) ? Number(raw) : parseEnglishNumberWords(raw)?.value;
    const [value, ...rest] = (eitherHalf(hour ?? 99) ?? []).map((h) => clockValue(h, 0));
    if (value === undefined) return undefined;
    return [{ kind: 'time', text: m[0], index: m.index, value, ...alternatives(rest) }];
  },
);

/** "at 18.00", "from 11.00 until 17.00": British dotted times after a time preposition. */
const dottedTimes = rule(
  `(?<=(?:^|[^\\p{L}])(?:[aA]t|[fF]rom|[uU]ntil|[tT]ill|[bB]etween|[bB]efore|[aA]fter)\\s)(?<list>${listOf(`\\d{1,2}\\.\\d{2}${TRAIL}`, 'and|to|until|till')})(?!\\s?(?:[%€$£]|per|euros?|dollars?|pounds?|million|billion|m(?!\\p{L})))`,
  (m) => clockList(m, eitherHalf),
);

/** "18:00", "6:30", "18:00 hrs". */
const colonTimes = rule(
  `${LEAD}(?<list>\\d{1,2}:\\d{2})${TRAIL}(?:\\s?(?:h|hrs|hours)(?!\\p{L}))?`,
  (m) => clockList(m, eitherHalf),
);

/** "1990s", "1990's", "'90s". */
const decades = rule(
  `(?<![\\p{L}\\p{N}'’])(?:(?<y4>\\d{4})|['’]?(?<y2>\\d{2}))['’]?s(?!\\p{L})`,
  (m) => {
    const long = group(m, 'y4');
    const year = long || group(m, 'y2');
    if (!year.endsWith('0')) return undefined;
    const rest = long === '' ? [] : [`${long.slice(2)}s`];
    return [{ kind: 'year', text: m[0], index: m.index, value: `${year}s`, ...alternatives(rest) }];
  },
);

/** "9th", "1,250th". */
const ordinalDigits = rule(
  `${LEAD}(?<n>\\d{1,3}(?:,\\d{3})+|\\d+)(?:st|nd|rd|th)(?!\\p{L})`,
  (m) => {
    const value = parseEnglishNumber(group(m, 'n')).value;
    return [{ kind: 'number', text: m[0], index: m.index, value, ordinal: true }];
  },
);

/** Any other number in digits; four digits from 1800 to 2099 are taken for a year. */
const plainNumbers = rule(`${LEAD}(?<n>${NUM})${TRAIL}`, (m) => {
  const { value, alternatives: rest = [] } = parseEnglishNumber(m[0]);
  if (!Number.isFinite(value)) return undefined;
  const kind = /^\d{4}$/.test(m[0]) && value >= 1800 && value <= 2099 ? 'year' : 'number';
  return [{ kind, text: m[0], index: m.index, value, ...alternatives(rest) }];
});

/** "five", "twenty-five", "third", "a hundred". */
const numberWords = rule(
  `(?<![\\p{L}\\p{N}])(?:${ENGLISH_ORDINAL_WORDS}|${ENGLISH_CARDINAL_WORDS})(?!\\p{L})`,
  (m) => {
    const words = parseEnglishNumberWords(m[0]);
    if (words === undefined) return undefined;
    const quantity: Quantity = { kind: 'number', text: m[0], index: m.index, value: words.value };
    return [words.ordinal ? { ...quantity, ordinal: true } : quantity];
  },
);

/** English rules in the order they claim text. */
export const englishRules: readonly QuantityRule[] = [
  isoDateRule,
  numericDates,
  dayFirstDates,
  monthFirstDates,
  monthYears,
  meridiemTimes,
  namedTimes,
  oClock,
  dottedTimes,
  colonTimes,
  decades,
  yearRangeRule,
  amounts,
  ordinalDigits,
  plainNumbers,
  numberWords,
];
