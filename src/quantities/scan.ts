/**
 * A small engine for the quantity rules: each rule is a regex and a builder, rules run in
 * order, and text claimed by an earlier rule (a date) is not read again by a later one (the
 * plain numbers inside it).
 */
import type { Quantity } from './types.js';

type Build = (match: RegExpExecArray) => Quantity[] | undefined;

/** A regex and what to make of one of its matches. */
export interface QuantityRule {
  readonly pattern: RegExp;
  /** Returns nothing to let later rules, or a later start, read the text instead. */
  build: Build;
}

/**
 * A rule from a regex source; `d` gives the offsets of list items, `u` the `\p{…}` classes.
 * The regex is made on first use: parsing the `\p{…}` classes of all the rules takes V8 about
 * 15 ms, which the reader's first frame (it loads this module for the marks of machine drafts)
 * should not pay.
 */
export function rule(source: string, build: Build): QuantityRule {
  let pattern: RegExp | null = null;
  return {
    get pattern() {
      return (pattern ??= new RegExp(source, 'gdu'));
    },
    build,
  };
}

const itemPatterns = new Map<string, RegExp>();

/**
 * Not inside a word or a number: keeps "Covid-19", "TV2" and the "5" of "1.5" out, while
 * "B 33" and "10-15" stay numbers.
 */
export const LEAD = String.raw`(?<![\p{L}\p{N}_])(?<!\p{L}[-–])(?<!\p{N}[.,])`;
/** The number does not go on in more digits. */
export const TRAIL = String.raw`(?!\p{N})(?![.,]\p{N})`;

/**
 * A list of `item`s sharing what follows them: "18. bis 20.", "11, 13 und 15", "10-15".
 * Commas only join items when the list ends in a conjunction, so "2013, 15 Prozent" is no list;
 * a bound on their number keeps a long run of commas from costing quadratic time.
 */
export function listOf(item: string, conjunctions: string, dashPrefix = ''): string {
  return `${item}(?:(?:\\s*,\\s*${item}){0,8}\\s+(?:${conjunctions})\\s+${item}|\\s*[-–—]\\s*${dashPrefix}${item})?`;
}

/** The matches of `item` inside the named group, with offsets in the paragraph. */
export function listItems(match: RegExpExecArray, group: string, item: string): RegExpExecArray[] {
  const text = match.groups?.[group];
  const span = match.indices?.groups?.[group];
  if (text === undefined || span === undefined) return [];
  const items: RegExpExecArray[] = [];
  const pattern = itemPatterns.get(item) ?? new RegExp(item, 'gdu');
  itemPatterns.set(item, pattern);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    m.index += span[0];
    items.push(m);
  }
  return items;
}

/**
 * Where each list item's quantity lies in the paragraph: the first item takes in what comes
 * before the list (a "$"), the last what comes after it ("Prozent", "Juli 2024").
 */
export function itemSpans(match: RegExpExecArray, items: readonly RegExpExecArray[]) {
  const end = match.index + match[0].length;
  return items.map((item, i) => {
    const from = i === 0 ? match.index : item.index;
    const to = i === items.length - 1 ? end : item.index + item[0].length;
    return { index: from, text: match.input.slice(from, to) };
  });
}

/** Runs the rules over the text and returns what they found, in reading order. */
export function scanQuantities(text: string, rules: readonly QuantityRule[]): Quantity[] {
  const claimed = new Uint8Array(text.length);
  const found: Quantity[] = [];
  for (const { pattern, build } of rules) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const built =
        end > start && claimed.subarray(start, end).every((c) => c === 0) ? build(m) : undefined;
      if (built === undefined) {
        pattern.lastIndex = start + 1;
        continue;
      }
      claimed.fill(1, start, end);
      found.push(...built);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The named group, or '' when it did not take part in the match. */
export function group(match: RegExpExecArray, name: string): string {
  return match.groups?.[name] ?? '';
}
