/**
 * Fitting an existing English text to the German paragraphs of an imported article:
 * paragraph-level alignment (Gale–Church with shared names and numbers), English paragraphs
 * a translator merged or split put back 1:1, and the pairs a curator should look at listed.
 */
import { parseBlock } from '../content/blocks.js';
import { parseYaml, splitMarkdown, splitParagraphs } from '../content/front-matter.js';
import { isPlaceholder } from '../content/parse-files.js';
import { cleanText } from '../text/normalize.js';
import { textToBlocks } from './blocks.js';
import { extractArticle } from './extract.js';
import { pairParagraphs } from '../curate/paragraph-alignment.js';
import { missingQuantities } from '../quantities/compare.js';

/** The plain text of a unit written in the format's Markdown-like form. */
const plain = (unit: string) => parseBlock(unit.split('\n')).text;

/** An English text as given: its paragraphs (their lines kept, joined by "\n") and, where the file says so, title and dek. */
export interface EnglishText {
  title?: string;
  dek?: string;
  paragraphs: string[];
}

/** Why an aligned paragraph may be wrong. */
export type Doubt =
  | { kind: 'merged'; english: number }
  | { kind: 'split'; german: number }
  | { kind: 'missing' }
  | { kind: 'extra'; english: number }
  | { kind: 'length'; factor: number }
  | { kind: 'numbers'; missing: string[] };

export interface AlignedTranslation {
  title?: string;
  dek?: string;
  /** One English paragraph per German one ('' where there is none). */
  paragraphs: string[];
  /** 1-based German paragraph → what makes its pairing doubtful. */
  doubts: Map<number, Doubt[]>;
}

/** A headline: one short line without a closing full stop. */
function looksLikeHeadline(text: string): boolean {
  return text.length <= 140 && !/[.:;,]$/.test(text) && text.split(/\s+/).length <= 20;
}

/** Whether `english` could translate `german`: titles and deks keep roughly their length. */
function similarLength(english: string, german: string): boolean {
  const ratio = english.length / german.length;
  return ratio > 0.5 && ratio < 2;
}

/** What the German side of an imported article says about its English. */
export interface GermanSide {
  /** The title found in the German text (not one made up from its first words). */
  title?: string;
  dek?: string;
  /** How many paragraphs the German has. */
  paragraphs: number;
}

interface Head {
  title?: string;
  dek?: string;
  /** The body lines with those of the title and dek blanked. */
  lines: string[];
}

/**
 * The title and dek at the top of `lines`, found as the German import finds them (the same
 * extractor); the German title and dek must have theirs' length, as translations do.
 */
function findHead(lines: readonly string[], german: GermanSide): Head | undefined {
  const blocks = textToBlocks(lines.join('\n'));
  const found = extractArticle(blocks);
  const bodyStart = blocks.findIndex((b) => b.text === found.paragraphs[0]);
  const title = found.title;
  if (bodyStart <= 0 || !title || !german.title || !similarLength(title, german.title)) return undefined;
  const dek = found.dek && german.dek && similarLength(found.dek, german.dek) ? found.dek : undefined;
  const head: Head = { lines: [...lines] };
  blocks.slice(0, bodyStart).forEach((block, i) => {
    const text = block.text;
    // A page title keeps the site's name beside the headline ("Headline | Site").
    const isTitle = text === title || (text.length <= title.length + 60 && (text.startsWith(title) || text.endsWith(title)));
    const isDek = dek !== undefined && (text === dek || dek.startsWith(`${text} `) || dek.endsWith(` ${text}`));
    if (!isTitle && !isDek) return;
    if (isTitle) head.title = title;
    else head.dek = dek;
    // Every non-blank line up to the next block belongs to this one.
    const end = (blocks[i + 1]?.line ?? lines.length + 1) - 1;
    for (let n = block.line - 1; n < end; n++) head.lines[n] = '';
  });
  return head;
}

/** The paragraphs of a text, each with its lines (cleaned) joined by "\n": bullets and table rows stay rows. */
function bodyParagraphs(lines: readonly string[], firstLine: number): string[] {
  return splitParagraphs(lines, firstLine)
    .filter((p) => cleanText(p.text) !== '' && !isPlaceholder(cleanText(p.text)))
    .map((p) => (p.lines ?? [p.text]).map(cleanText).filter((l) => l !== '').join('\n'));
}

/**
 * Reads an English text: plain paragraphs, or an article.en.md with front matter. Without a
 * title in front matter, title and dek lines at the top are taken as the German import takes
 * them from the German text.
 */
export function parseEnglishText(source: string, german?: GermanSide): EnglishText {
  const split = splitMarkdown(source);
  let title: string | undefined;
  let dek: string | undefined;
  if (split.yaml !== null && !split.unterminated) {
    const yaml = parseYaml(split.yaml, 'translation', split.yamlLine);
    const meta = yaml.ok && yaml.value && typeof yaml.value === 'object' ? (yaml.value as Record<string, unknown>) : {};
    if (typeof meta['title'] === 'string') title = meta['title'];
    if (typeof meta['dek'] === 'string') dek = meta['dek'];
  }
  // A lone carriage return would count as a line break in textToBlocks and shift its line numbers.
  const lines = split.bodyLines.map((line) => line.replace(/\r/g, ' '));
  let paragraphs = bodyParagraphs(lines, split.bodyLine);
  const head = title === undefined && german ? findHead(lines, german) : undefined;
  if (head?.title) {
    const rest = bodyParagraphs(head.lines, split.bodyLine);
    // A short first paragraph ending in a full stop is a headline only when the rest still
    // has a paragraph for every German one.
    if (rest.length > 0 && (looksLikeHeadline(head.title) || rest.length >= (german?.paragraphs ?? 0))) {
      title = head.title;
      dek ??= head.dek;
      paragraphs = rest;
    }
  }
  const first = paragraphs[0];
  if (title === undefined && first !== undefined && !first.includes('\n') && paragraphs.length > 1 && looksLikeHeadline(first)) {
    title = first;
    paragraphs.shift();
  }
  return { ...(title ? { title: cleanText(title) } : {}), ...(dek ? { dek: cleanText(dek) } : {}), paragraphs };
}

const LENGTH_FACTOR = { high: 1.8, low: 0.55 };

/**
 * Aligns `english` to the German units (in their Markdown-like form) and notes every doubtful
 * pair. A translation of the first paragraphs only pairs with those and leaves the rest
 * untranslated (the pairing is `align`'s: see curate/paragraph-alignment.ts).
 */
export function alignTranslation(germanUnits: readonly string[], english: EnglishText, germanDek?: string): AlignedTranslation {
  const german = germanUnits.map(plain);
  let paragraphs = english.paragraphs;
  let dek = english.dek;
  // A short second text above the body, with a German dek to match, is the English dek.
  const firstEn = paragraphs[0];
  if (!dek && germanDek && firstEn && paragraphs.length > german.length) {
    const ratio = firstEn.length / germanDek.length;
    if (ratio > 0.6 && ratio < 1.7) {
      dek = firstEn;
      paragraphs = paragraphs.slice(1);
    }
  }
  const out: string[] = german.map(() => '');
  const doubts = new Map<number, Doubt[]>();
  const doubt = (i: number, d: Doubt) => doubts.set(i + 1, [...(doubts.get(i + 1) ?? []), d]);
  let lastGerman = -1;
  const pending: string[] = [];
  for (const bead of pairParagraphs(german, paragraphs.map(plain))) {
    // Merged English paragraphs become one; a single one keeps its lines (a list's bullets).
    const en = bead.en.length === 1 ? (paragraphs[bead.en[0] as number] ?? '') : bead.en.map((j) => plain(paragraphs[j] ?? '')).join(' ');
    const [first, second] = bead.de;
    if (first === undefined) {
      // English with no German: kept with its neighbour for the curator to place.
      if (lastGerman >= 0) {
        out[lastGerman] = `${out[lastGerman] ?? ''} ${en}`.trim();
        doubt(lastGerman, { kind: 'extra', english: bead.en.length });
      } else pending.push(en);
      continue;
    }
    lastGerman = second ?? first;
    if (en === '') {
      doubt(first, { kind: 'missing' });
      continue;
    }
    const before = pending.splice(0);
    out[first] = [...before, en].join(' ');
    if (before.length > 0) doubt(first, { kind: 'extra', english: before.length });
    if (bead.en.length > 1) doubt(first, { kind: 'merged', english: bead.en.length });
    if (second !== undefined) {
      // One English paragraph for two German ones: it stays with the first; the second waits.
      doubt(first, { kind: 'split', german: bead.de.length });
      doubt(second, { kind: 'missing' });
    }
  }
  if (pending.length > 0 && out.length > 0) {
    out[0] = `${pending.join(' ')} ${out[0] ?? ''}`.trim();
    doubt(0, { kind: 'extra', english: pending.length });
  }
  lengthDoubts(german, out.map(plain), doubt);
  out.forEach((en, i) => {
    const de = german[i] ?? '';
    if (en === '' || de === '') return;
    const missing = missingQuantities(de, plain(en)).map((q) => q.text);
    if (missing.length > 0) doubt(i, { kind: 'numbers', missing });
  });
  return { ...(english.title ? { title: english.title } : {}), ...(dek ? { dek } : {}), paragraphs: out, doubts };
}

/** Pairs whose length ratio is far from the article's usual one. */
function lengthDoubts(german: readonly string[], english: readonly string[], doubt: (i: number, d: Doubt) => void): void {
  const ratios = german.map((de, i) => (de.length >= 80 && english[i] ? (english[i] ?? '').length / de.length : 0));
  const usable = ratios.filter((r) => r > 0).sort((a, b) => a - b);
  if (usable.length === 0) return;
  const median = usable.length >= 3 ? (usable[Math.floor(usable.length / 2)] ?? 1.05) : 1.05;
  ratios.forEach((r, i) => {
    if (r === 0) return;
    const factor = r / median;
    if (factor > LENGTH_FACTOR.high || factor < LENGTH_FACTOR.low) doubt(i, { kind: 'length', factor: Math.round(factor * 10) / 10 });
  });
}
