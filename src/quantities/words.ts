/**
 * Number words. German words are only read before a scale or "Prozent" ("zehn Prozent",
 * "eine Million"); English words are read everywhere, because an English "five" may carry
 * a German "5".
 */

// prettier-ignore
const germanUnits = new Map<string, number>([
  ['null', 0], ['ein', 1], ['eins', 1], ['eine', 1], ['einer', 1], ['einen', 1], ['einem', 1],
  ['eines', 1], ['zwei', 2], ['zwo', 2], ['drei', 3], ['vier', 4], ['fünf', 5], ['sechs', 6],
  ['sieben', 7], ['acht', 8], ['neun', 9],
]);
// prettier-ignore
const germanTeens = new Map<string, number>([
  ['zehn', 10], ['elf', 11], ['zwölf', 12], ['dreizehn', 13], ['vierzehn', 14],
  ['fünfzehn', 15], ['sechzehn', 16], ['siebzehn', 17], ['achtzehn', 18], ['neunzehn', 19],
]);
// prettier-ignore
const germanTens = new Map<string, number>([
  ['zwanzig', 20], ['dreißig', 30], ['dreissig', 30], ['vierzig', 40], ['fünfzig', 50],
  ['sechzig', 60], ['siebzig', 70], ['achtzig', 80], ['neunzig', 90],
]);

function germanBelow100(word: string): number | undefined {
  const direct = germanUnits.get(word) ?? germanTeens.get(word) ?? germanTens.get(word);
  if (direct !== undefined) return direct;
  // "einundzwanzig": the unit comes first, joined by "und".
  const join = word.indexOf('und');
  if (join <= 0) return undefined;
  const unit = germanUnits.get(word.slice(0, join));
  const tens = germanTens.get(word.slice(join + 3));
  return unit === undefined || tens === undefined ? undefined : unit + tens;
}

function germanTimes(
  word: string,
  marker: string,
  factor: number,
  below: (w: string) => number | undefined,
) {
  const at = word.indexOf(marker);
  if (at < 0) return below(word);
  const high = at === 0 ? 1 : below(word.slice(0, at));
  const rest = word.slice(at + marker.length);
  const low = rest === '' ? 0 : below(rest);
  return high === undefined || low === undefined ? undefined : high * factor + low;
}

const germanBelow1000 = (word: string) => germanTimes(word, 'hundert', 100, germanBelow100);

/** Value of a German number word ("zehn", "einundzwanzig", "zweieinhalb"), if it is one. */
export function parseGermanNumberWord(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower === 'anderthalb') return 1.5;
  if (lower.endsWith('einhalb') && lower.length > 7) {
    const whole = parseGermanNumberWord(lower.slice(0, -7));
    return whole === undefined ? undefined : whole + 0.5;
  }
  return germanTimes(lower, 'tausend', 1000, germanBelow1000);
}

const englishUnits = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
// prettier-ignore
const englishTeens = [
  'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen',
  'eighteen', 'nineteen',
];
const englishTens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
// prettier-ignore
const ordinalUnits = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth',
];
const ordinalTeens = [
  'tenth',
  'eleventh',
  'twelfth',
  ...englishTeens.slice(3).map((w) => `${w}th`),
];
const ordinalTens = englishTens.map((w) => `${w.slice(0, -1)}ieth`);

const englishWords = new Map<string, { value: number; ordinal: boolean }>();
const addWords = (words: string[], first: number, step: number, ordinal: boolean) => {
  words.forEach((w, i) => englishWords.set(w, { value: first + i * step, ordinal }));
};
addWords(['zero'], 0, 1, false);
addWords(englishUnits, 1, 1, false);
addWords(englishTeens, 10, 1, false);
addWords(englishTens, 20, 10, false);
addWords(ordinalUnits, 1, 1, true);
addWords(ordinalTeens, 10, 1, true);
addWords(ordinalTens, 20, 10, true);

/** Accepts a capital first letter, for words that start a sentence. */
const capitalised = (w: string) => `[${w.charAt(0)}${w.charAt(0).toUpperCase()}]${w.slice(1)}`;
const anyOf = (words: string[]) =>
  `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(capitalised)
    .join('|')})(?!\\p{L})`;

const unit = anyOf(englishUnits);
const small = `(?:${anyOf(englishTens)}(?:-${unit})?|${anyOf(englishTeens)}|${unit}|${anyOf(['zero'])})`;
const hundreds = `${small}(?:\\s+hundred(?:\\s+(?:and\\s+)?${small})?)?`;
const cardinal = `(?:${hundreds}\\s+thousand(?:,?\\s+(?:and\\s+)?${hundreds})?|[aA]n?\\s+(?:hundred|thousand)(?!\\p{L})|${hundreds})(?:\\s+and\\s+a\\s+half(?!\\p{L}))?`;
const ordinal = `(?:${anyOf(englishTens)}-${anyOf(ordinalUnits)}|${anyOf(ordinalTens)}|${anyOf(ordinalTeens)}|${anyOf(ordinalUnits)}|(?:${small}\\s+)?(?:hundredth|thousandth)(?!\\p{L}))`;

/** Regex source for an English cardinal in words ("twenty-five", "three hundred"). */
export const ENGLISH_CARDINAL_WORDS = cardinal;
/** Regex source for an English ordinal in words ("third", "twenty-first", "hundredth"). */
export const ENGLISH_ORDINAL_WORDS = ordinal;
/** Regex source for a clock hour in words ("six" in "six o'clock"). */
export const ENGLISH_SMALL_WORDS = small;

/** Value of an English number phrase matched by the sources above ("one hundred and five"). */
export function parseEnglishNumberWords(
  phrase: string,
): { value: number; ordinal: boolean } | undefined {
  const half = /\s+and\s+a\s+half$/i.exec(phrase);
  let total = half === null ? 0 : 0.5;
  let current = 0;
  let isOrdinal = false;
  const words = phrase
    .slice(0, half?.index)
    .toLowerCase()
    .split(/[\s,-]+/);
  for (const word of words) {
    if (word === '' || word === 'and') continue;
    if (word === 'a' || word === 'an') {
      current = 1;
    } else if (word === 'hundred' || word === 'hundredth') {
      current = (current || 1) * 100;
      isOrdinal ||= word === 'hundredth';
    } else if (word === 'thousand' || word === 'thousandth') {
      total += (current || 1) * 1000;
      current = 0;
      isOrdinal ||= word === 'thousandth';
    } else {
      const known = englishWords.get(word);
      if (known === undefined) return undefined;
      current += known.value;
      isOrdinal ||= known.ordinal;
    }
  }
  return { value: total + current, ordinal: isOrdinal };
}
