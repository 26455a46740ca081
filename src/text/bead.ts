import type { BeadShape } from './gale-church.js';

/** German and English sentence indices that translate each other, in reading order. */
export interface Bead {
  de: number[];
  en: number[];
}

/** Numbers consecutive bead shapes off against the two sentence lists. */
export function beadsFromShapes(shapes: readonly BeadShape[]): Bead[] {
  let de = 0;
  let en = 0;
  return shapes.map((shape) => {
    const bead = { de: range(de, shape.de), en: range(en, shape.en) };
    de += shape.de;
    en += shape.en;
    return bead;
  });
}

/**
 * Turns a curator's override such as ["1-1", "2-1", "0-1"] (German-English counts) into
 * beads, or explains why it does not fit a paragraph of `deCount` and `enCount` sentences.
 */
export function beadsFromSpec(
  spec: readonly string[],
  deCount: number,
  enCount: number,
): Bead[] | { error: string } {
  const shapes: BeadShape[] = [];
  for (const [position, entry] of spec.entries()) {
    const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/u.exec(entry);
    const de = Number(match?.[1]);
    const en = Number(match?.[2]);
    if (match === null || de + en === 0) {
      return { error: `bead ${position + 1} is "${entry}"; expected counts like "1-1" or "2-1"` };
    }
    shapes.push({ de, en });
  }
  const deCovered = shapes.reduce((sum, shape) => sum + shape.de, 0);
  const enCovered = shapes.reduce((sum, shape) => sum + shape.en, 0);
  if (deCovered !== deCount) {
    return { error: coverMessage(deCovered, 'German', deCount) };
  }
  if (enCovered !== enCount) {
    return { error: coverMessage(enCovered, 'English', enCount) };
  }
  return beadsFromShapes(shapes);
}

function coverMessage(covered: number, language: string, actual: number): string {
  const noun = (count: number) => `${count} ${language} sentence${count === 1 ? '' : 's'}`;
  return `the beads cover ${noun(covered)}, the paragraph has ${actual}`;
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, offset) => start + offset);
}
