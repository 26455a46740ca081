/**
 * Checks that a translation carries the numbers, amounts, percentages, dates and times of
 * the German original, whatever format each language writes them in.
 */
import { germanRules } from './german.js';
import { englishRules } from './english.js';
import { scanQuantities } from './scan.js';
import type { Quantity, QuantityLang } from './types.js';
import { numberKey, parseEnglishNumber } from './units.js';

export type { Quantity, QuantityKind, QuantityLang } from './types.js';

/** Numbers, money, percentages, dates, years and times in a paragraph, in reading order. */
export function extractQuantities(text: string, lang: QuantityLang): Quantity[] {
  return scanQuantities(text, lang === 'de' ? germanRules : englishRules);
}

/** German quantities whose value is not found in the English paragraph. */
export function missingQuantities(de: string, en: string): Quantity[] {
  const carried = carriedKeys(en);
  return extractQuantities(de, 'de').filter(
    (q) => isChecked(q) && !readings(q).some((value) => isCarried(q, value, carried)),
  );
}

/** "1", "ein", "eins" are too often an article or a figure of speech to demand. */
function isChecked(q: Quantity): boolean {
  return !(q.kind === 'number' && q.value === 1);
}

const readings = (q: Quantity) => [q.value, ...(q.alternatives ?? [])];

// Digits glued to a name ("B33", "Covid-19", "TV2") are no quantities of their own, but
// a German "B 33" is carried by them.
const gluedDigits = /(?<=\p{L}[-–]?)\d+(?:[.,]\d+)*/gu;

/**
 * Everything the English paragraph can be said to carry, as keys: 'n:' any number,
 * 'bare:' a number without a currency, 'm:' money, 'p:' percent, 'd:' dates, 't:' times.
 */
function carriedKeys(en: string): Set<string> {
  const keys = new Set<string>();
  for (const q of extractQuantities(en, 'en')) {
    for (const value of readings(q)) addKeys(keys, q, value);
  }
  for (const [digits] of en.matchAll(gluedDigits)) {
    addKeys(keys, { kind: 'number' }, parseEnglishNumber(digits).value);
  }
  return keys;
}

function addKeys(keys: Set<string>, q: Pick<Quantity, 'kind' | 'unit'>, value: number | string) {
  if (typeof value === 'number') {
    const n = numberKey(value);
    keys.add(`n:${n}`);
    if (q.kind === 'money') keys.add(`m:${q.unit ?? ''}:${n}`);
    else if (q.kind === 'percent') keys.add(`p:${n}`);
    else keys.add(`bare:${n}`);
    return;
  }
  switch (q.kind) {
    case 'date': {
      keys.add(`d:${value}`);
      // A full date also carries its month-and-day, its month and its year.
      const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const yearMonth = /^(\d{4})-\d{2}/.exec(value);
      if (full) keys.add(`d:${full[2] ?? ''}-${full[3] ?? ''}`);
      if (yearMonth) {
        keys.add(`d:${yearMonth[0]}`);
        keys.add(`n:${Number(yearMonth[1])}`);
      }
      return;
    }
    case 'time': {
      keys.add(`t:${value}`);
      // A German "21:19" may be a score, which these numbers carry.
      const [hour = '', minute = ''] = value.split(':');
      keys.add(`n:${Number(hour)}`).add(`n:${Number(minute)}`);
      return;
    }
    default:
      keys.add(`s:${value}`);
  }
}

function isCarried(q: Quantity, value: number | string, keys: Set<string>): boolean {
  if (typeof value === 'string') {
    if (q.kind === 'time') return isTimeCarried(value, keys);
    if (q.kind !== 'date') return keys.has(`s:${value}`);
    if (keys.has(`d:${value}`)) return true;
    // "4. April 2024" is carried by "April 4" when the year is named elsewhere.
    const full = /^(\d{4})-(\d{2}-\d{2})$/.exec(value);
    return full !== null && keys.has(`d:${full[2] ?? ''}`) && keys.has(`n:${Number(full[1])}`);
  }
  const n = numberKey(value);
  switch (q.kind) {
    case 'money':
      // A bare "15,000" may carry "15 000 Euro"; "15,000 dollars" may not.
      return keys.has(`m:${q.unit ?? ''}:${n}`) || keys.has(`bare:${n}`);
    case 'percent':
      return keys.has(`p:${n}`);
    default:
      return keys.has(`n:${n}`);
  }
}

/** "18 Uhr" is carried by "6 pm", "18:00" and also by a bare "at 6" or "at 18". */
function isTimeCarried(value: string, keys: Set<string>): boolean {
  if (keys.has(`t:${value}`)) return true;
  const [hour = '', minute = ''] = value.split(':');
  const h = Number(hour);
  return minute === '00' && (keys.has(`bare:${h}`) || (h > 12 && keys.has(`bare:${h - 12}`)));
}
