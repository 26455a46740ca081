/**
 * Tables and parsers shared by the German and English quantity rules: months, currencies,
 * scale words, digit formats and the canonical forms that values are compared in.
 */

/** German month names and abbreviations, as a regex source (case-sensitive: they are nouns). */
export const GERMAN_MONTH = String.raw`(?:Januar|Jänner|Februar|Feber|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|(?:Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez)\.?)(?!\p{L})`;

/** English month names and abbreviations; capitalised, which keeps the modal "may" out. */
export const ENGLISH_MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?!\p{L})`;

// The first three letters tell every month apart in both languages.
// prettier-ignore
const monthByPrefix = new Map<string, number>([
  ['jan', 1], ['jän', 1], ['feb', 2], ['mär', 3], ['mrz', 3], ['mae', 3], ['mar', 3],
  ['apr', 4], ['mai', 5], ['may', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
  ['okt', 10], ['oct', 10], ['nov', 11], ['dez', 12], ['dec', 12],
]);

/** Month number (1–12) of a German or English month name or abbreviation. */
export function monthNumber(name: string): number | undefined {
  return monthByPrefix.get(name.slice(0, 3).toLowerCase());
}

const currencies: ReadonlyArray<readonly [RegExp, string]> = [
  [/€|eur/, 'EUR'],
  [/\$|dollar|usd/, 'USD'],
  [/£|pfund|pound|gbp/, 'GBP'],
  [/chf|franken|franc|sfr/, 'CHF'],
  [/yuan|renminbi|cny|rmb/, 'CNY'],
  [/¥|yen|jpy/, 'JPY'],
  [/rubel|rouble|ruble|rub/, 'RUB'],
  // Krone, krona, kroner: the articles rarely say which country, so they compare as one.
  [/kron|crown|sek|nok|dkk|czk/, 'KR'],
];

/** Currency code for a currency word or symbol in either language ("Mio. Euro" → 'EUR'). */
export function currencyCode(raw: string): string | undefined {
  const lower = raw.toLowerCase();
  return currencies.find(([pattern]) => pattern.test(lower))?.[1];
}

/** Factor of a German scale word: "Mio." → 1e6; "Billion" is 1e12 in German. */
export function germanScale(raw: string): number {
  const word = raw.trim().toLowerCase();
  if (word.startsWith('tsd') || word.startsWith('tausend')) return 1e3;
  if (word.startsWith('mio') || word.startsWith('million')) return 1e6;
  if (word.startsWith('mrd') || word.startsWith('milliard')) return 1e9;
  if (word.startsWith('bio') || word.startsWith('billion')) return 1e12;
  return 1;
}

/** Factor of an English scale word or suffix: "bn" → 1e9. */
export function englishScale(raw: string): number {
  const word = raw.trim().toLowerCase();
  if (word === 'k' || word === 'thousand') return 1e3;
  if (word === 'm' || word === 'mn' || word === 'million') return 1e6;
  if (word === 'b' || word === 'bn' || word === 'billion') return 1e9;
  if (word === 'tn' || word === 'trn' || word === 'trillion') return 1e12;
  return 1;
}

/** Thousands groups may be split by a space, a no-break space or a (narrow) thin space. */
export const GROUP_SPACE = '[ \\u00A0\\u2009\\u202F]';

const groupSpaces = /[ \u00A0\u2009\u202F]/g;
const germanGrouped = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/** Value of German digits: "5.000" → 5000, "1.000,5" → 1000.5, "12 000" → 12000. */
export function parseGermanNumber(raw: string): number {
  const digits = raw.replace(groupSpaces, '');
  // "2.5" is an English decimal typed into German text; "2.500" stays a thousands group.
  if (/^\d+\.\d+$/.test(digits) && !germanGrouped.test(digits)) return Number(digits);
  return Number(digits.replace(/\./g, '').replace(',', '.'));
}

/**
 * Value of English digits: "5,000" → 5000, "1,000.5" → 1000.5. German-style "5.000" left in
 * an English text is read both ways, since either may be what the translator meant.
 */
export function parseEnglishNumber(raw: string): { value: number; alternatives?: number[] } {
  const digits = raw.replace(groupSpaces, '');
  if (germanGrouped.test(digits)) {
    const german = parseGermanNumber(digits);
    if (/^\d+\.\d+$/.test(digits)) return { value: Number(digits), alternatives: [german] };
    return { value: german };
  }
  return { value: Number(digits.replace(/,/g, '')) };
}

/** Key under which two numbers count as equal despite floating-point noise (1.2 × 1e9). */
export function numberKey(value: number): string {
  return String(Number(value.toPrecision(12)));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Canonical date: 'YYYY-MM-DD', 'MM-DD' without a year, 'YYYY-MM' without a day. */
export function dateValue(year: number | undefined, month: number, day: number | undefined) {
  if (day === undefined) return `${String(year)}-${pad(month)}`;
  return year === undefined
    ? `${pad(month)}-${pad(day)}`
    : `${String(year)}-${pad(month)}-${pad(day)}`;
}

/** Canonical clock time 'HH:MM'; "24 Uhr" is midnight. */
export function clockValue(hour: number, minute: number): string {
  return `${pad(hour % 24)}:${pad(minute)}`;
}

/** A year written with two digits ("4.4.24") is taken to be near the present. */
export function expandYear(raw: string): number {
  const year = Number(raw);
  if (raw.length > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** Whether day and month can be a calendar date (the year is not checked). */
export function isDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}
