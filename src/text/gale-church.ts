import { lengthCost, type LengthModel } from './length-cost.js';

/** How many German and English sentences one bead takes. */
export interface BeadShape {
  readonly de: number;
  readonly en: number;
}

/** A bead shape with its prior probability. */
export interface ShapePrior extends BeadShape {
  readonly prior: number;
}

/** Gale & Church's (1993) bead shapes and their prior probabilities. */
export const galeChurchPriors: readonly ShapePrior[] = [
  { de: 1, en: 1, prior: 0.89 },
  { de: 1, en: 0, prior: 0.0099 },
  { de: 0, en: 1, prior: 0.0099 },
  { de: 2, en: 1, prior: 0.089 },
  { de: 1, en: 2, prior: 0.089 },
  { de: 2, en: 2, prior: 0.011 },
];

/** Gale & Church's length model: equal lengths, variance 6.8 per character. */
export const galeChurchModel: LengthModel = { c: 1, s2: 6.8 };

/** Extra cost of pairing German sentences [deFrom, deTo) with English [enFrom, enTo). */
export type PairCost = (deFrom: number, deTo: number, enFrom: number, enTo: number) => number;

/** Everything the dynamic programme needs besides the lengths. */
export interface AlignOptions {
  readonly model: LengthModel;
  readonly shapes: readonly ShapePrior[];
  readonly extraCost?: PairCost;
}

/**
 * The cheapest sequence of bead shapes covering both length lists, by dynamic programming
 * over (German sentences used, English sentences used).
 */
export function cheapestBeadShapes(
  deLengths: readonly number[],
  enLengths: readonly number[],
  options: AlignOptions,
): BeadShape[] {
  const deSums = prefixSums(deLengths);
  const enSums = prefixSums(enLengths);
  const rows = deLengths.length + 1;
  const cols = enLengths.length + 1;
  const cost = new Float64Array(rows * cols).fill(Infinity);
  const step = new Int8Array(rows * cols).fill(-1);
  const shapeCosts = options.shapes.map((shape) => -Math.log(shape.prior));
  cost[0] = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestShape = -1;
      options.shapes.forEach((shape, s) => {
        const fromI = i - shape.de;
        const fromJ = j - shape.en;
        if (fromI < 0 || fromJ < 0) return;
        const before = cost[fromI * cols + fromJ] ?? Infinity;
        if (before === Infinity) return;
        const deLength = (deSums[i] ?? 0) - (deSums[fromI] ?? 0);
        const enLength = (enSums[j] ?? 0) - (enSums[fromJ] ?? 0);
        const total =
          before +
          (shapeCosts[s] ?? 0) +
          lengthCost(deLength, enLength, options.model) +
          (options.extraCost?.(fromI, i, fromJ, j) ?? 0);
        if (total < best) {
          best = total;
          bestShape = s;
        }
      });
      cost[i * cols + j] = best;
      step[i * cols + j] = bestShape;
    }
  }
  return tracePath(step, rows, cols, options.shapes);
}

function tracePath(
  step: Int8Array,
  rows: number,
  cols: number,
  shapes: readonly BeadShape[],
): BeadShape[] {
  const path: BeadShape[] = [];
  let i = rows - 1;
  let j = cols - 1;
  while (i > 0 || j > 0) {
    const shape = shapes[step[i * cols + j] ?? -1];
    // The shape table always holds 1-0 and 0-1, so every cell is reachable.
    if (shape === undefined) throw new Error(`no bead reaches (${i}, ${j})`);
    path.push(shape);
    i -= shape.de;
    j -= shape.en;
  }
  return path.reverse();
}

function prefixSums(values: readonly number[]): number[] {
  const sums = [0];
  for (const value of values) sums.push((sums[sums.length - 1] ?? 0) + value);
  return sums;
}
