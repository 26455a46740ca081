import { beadsFromShapes, beadsFromSpec, type Bead } from './bead.js';
import { cheapestBeadShapes, galeChurchPriors } from './gale-church.js';
import { anchorCost } from './align-signals.js';
import type { LengthModel } from './length-cost.js';
import { splitSentences } from './split-sentences.js';

export type { Bead } from './bead.js';
export { beadsFromSpec } from './bead.js';

/**
 * English news translations run about 5% longer than their German originals (measured on
 * WMT14 German-original articles); the variance stays Gale & Church's. An omitted sentence's
 * length says nothing about a translation, so its cost is capped: uncapped, a long untranslated
 * sentence is always glued to a neighbour as a 2-1 bead instead.
 */
const germanToEnglish: LengthModel = { c: 1.05, s2: 6.8, maxOmissionCost: 6 };

/**
 * Aligns German and English sentences into beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2) by
 * Gale–Church over character lengths, nudged by numbers and names the two sides share.
 */
export function alignSentences(de: readonly string[], en: readonly string[]): Bead[] {
  if ((de.length + 1) * (en.length + 1) > MAX_ALIGNMENT_CELLS) return inOrder(de.length, en.length);
  const shapes = cheapestBeadShapes(
    de.map((sentence) => sentence.length),
    en.map((sentence) => sentence.length),
    { model: germanToEnglish, shapes: galeChurchPriors, extraCost: anchorCost(de, en) },
  );
  return beadsFromShapes(shapes);
}

/**
 * The dynamic programme takes time and memory in proportion to German × English
 * sentences. News paragraphs have a few dozen at most; a "paragraph" of thousands
 * (a hostile or broken file) would take minutes and gigabytes, so it gets `inOrder`.
 */
export const MAX_ALIGNMENT_CELLS = 40_000;

/** Sentences paired one to one in order, the longer side's rest alone: linear, for oversized paragraphs. */
function inOrder(deCount: number, enCount: number): Bead[] {
  const shapes = Array.from({ length: Math.max(deCount, enCount) }, (_, i) => ({ de: i < deCount ? 1 : 0, en: i < enCount ? 1 : 0 }));
  return beadsFromShapes(shapes);
}

/** A paragraph pair split into sentences and aligned. */
export interface AlignedParagraph {
  de: string[];
  en: string[];
  beads: Bead[];
  /** Why the curator's override was ignored, if it was. */
  error?: string;
}

/**
 * Splits both paragraphs and aligns them, or applies a curator's override (bead counts like
 * "2-1"); an override that does not fit falls back to automatic alignment with its error.
 */
export function alignParagraph(
  dePara: string,
  enPara: string,
  override?: readonly string[],
): AlignedParagraph {
  return alignSplit(splitSentences(dePara, 'de'), splitSentences(enPara, 'en'), override);
}

/** alignParagraph for sentences already split (the items of a list, the rows of a table). */
export function alignSplit(de: string[], en: string[], override?: readonly string[]): AlignedParagraph {
  if (override === undefined) return { de, en, beads: alignSentences(de, en) };
  const beads = beadsFromSpec(override, de.length, en.length);
  if (Array.isArray(beads)) return { de, en, beads };
  return { de, en, beads: alignSentences(de, en), error: beads.error };
}
