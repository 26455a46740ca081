/** Rules and builders that read the same in German and English. */
import { group, itemSpans, LEAD, listItems, rule, TRAIL } from './scan.js';
import type { QuantityRule } from './scan.js';
import type { Quantity } from './types.js';
import { clockValue, dateValue, expandYear, isDayMonth } from './units.js';

/** "2024-04-04". */
export const isoDateRule: QuantityRule = rule(
  `${LEAD}(?<y>\\d{4})-(?<mo>\\d{2})-(?<d>\\d{2})${TRAIL}`,
  (m) => {
    const day = Number(group(m, 'd'));
    const month = Number(group(m, 'mo'));
    if (!isDayMonth(day, month)) return undefined;
    const value = dateValue(Number(group(m, 'y')), month, day);
    return [{ kind: 'date', text: m[0], index: m.index, value }];
  },
);

/** "2023/24", "2023-2024", "1914–1918": both ends are years. */
export const yearRangeRule: QuantityRule = rule(
  `${LEAD}(?<a>\\d{4})\\s?[/–-]\\s?(?<b>\\d{4}|\\d{2})${TRAIL}`,
  (m) => {
    const from = Number(group(m, 'a'));
    const rawTo = group(m, 'b');
    const to = rawTo.length === 2 ? Math.floor(from / 100) * 100 + Number(rawTo) : Number(rawTo);
    if (from < 1000 || from > 2099 || to <= from || to - from > 100) return undefined;
    const split = m.index + group(m, 'a').length;
    const toIndex = m.index + m[0].length - rawTo.length;
    return [
      { kind: 'year', text: m.input.slice(m.index, split), index: m.index, value: from },
      { kind: 'year', text: rawTo, index: toIndex, value: to },
    ];
  },
);

/** Day-month dates for each day of a list ("18. bis 20. Juli 2024"), sharing month and year. */
export function dayListDates(
  m: RegExpExecArray,
  dayItem: string,
  month: number | undefined,
  yearRaw: string,
): Quantity[] | undefined {
  if (month === undefined) return undefined;
  const year = yearRaw === '' ? undefined : expandYear(yearRaw);
  const items = listItems(m, 'list', dayItem);
  const days = items.map((d) => Number(group(d, 'd')));
  if (days.some((day) => !isDayMonth(day, month))) return undefined;
  return itemSpans(m, items).map((span, i) => ({
    kind: 'date',
    ...span,
    value: dateValue(year, month, days[i]),
  }));
}

/** Regex source of a clock time item with named hour and minute groups. */
export const CLOCK_ITEM = String.raw`(?<h>\d{1,2})(?:[.:](?<mi>\d{2}))?`;

/**
 * Clock times for a list of hours ("11, 13 und 15 Uhr", "2 to 4 pm"). `readings` turns the
 * hour of item `index` into its canonical hours; the first is the value, the rest alternatives.
 */
export function clockList(
  m: RegExpExecArray,
  readings: (hour: number, index: number, count: number) => number[] | undefined,
): Quantity[] | undefined {
  const items = listItems(m, 'list', CLOCK_ITEM);
  const spans = itemSpans(m, items);
  const quantities: Quantity[] = [];
  for (const [i, item] of items.entries()) {
    const minute = Number(group(item, 'mi') || '0');
    const [first, ...rest] = (readings(Number(group(item, 'h')), i, items.length) ?? []).map(
      (hour) => clockValue(hour, minute),
    );
    const span = spans[i];
    if (first === undefined || minute > 59 || span === undefined) return undefined;
    quantities.push({ kind: 'time', ...span, value: first, ...alternatives(rest) });
  }
  return quantities;
}

/** The `alternatives` property, left out when there are none. */
export function alternatives(rest: Array<number | string>): Pick<Quantity, 'alternatives'> {
  return rest.length > 0 ? { alternatives: rest } : {};
}

/**
 * Quantities for the items of a list that share a kind and unit. Each item has one or more
 * readings (English "5.000" is 5 or 5000); the first is the value.
 */
export function amountList(
  m: RegExpExecArray,
  items: readonly RegExpExecArray[],
  readings: ReadonlyArray<readonly number[]>,
  base: Pick<Quantity, 'kind' | 'unit'>,
): Quantity[] | undefined {
  const spans = itemSpans(m, items);
  const quantities: Quantity[] = [];
  for (const [i, span] of spans.entries()) {
    const [value, ...rest] = readings[i] ?? [];
    if (value === undefined || ![value, ...rest].every(Number.isFinite)) return undefined;
    const unit = base.unit === undefined ? {} : { unit: base.unit };
    quantities.push({ kind: base.kind, ...span, value, ...unit, ...alternatives(rest) });
  }
  return quantities;
}

/** Spreads a trailing scale ("10 bis 15 Millionen") onto the small bare items before it. */
export function spreadScale(
  readings: ReadonlyArray<readonly number[]>,
  scales: readonly number[],
): number[][] {
  const last = scales.at(-1) ?? 1;
  return readings.map((values, i) => {
    const own = scales[i] ?? 1;
    // "zwischen 500.000 und 1 Million": a large bare number does not borrow the scale.
    const factor = own === 1 && last !== 1 && (values[0] ?? 0) < 1000 ? last : own;
    return values.map((v) => v * factor);
  });
}
