/** Parameters of the Gale–Church length model. */
export interface LengthModel {
  /** Expected English characters per German character. */
  readonly c: number;
  /** Variance of that ratio per character. */
  readonly s2: number;
  /** Upper bound on the length cost of a sentence left unpaired; unbounded if absent. */
  readonly maxOmissionCost?: number;
}

/**
 * −log of the probability that texts of `deLength` and `enLength` characters are
 * translations of each other (Gale & Church 1993, two-tailed normal test).
 */
export function lengthCost(deLength: number, enLength: number, model: LengthModel): number {
  if (deLength === 0 && enLength === 0) return 0;
  const mean = (deLength + enLength / model.c) / 2;
  const z = Math.abs(model.c * deLength - enLength) / Math.sqrt(model.s2 * mean);
  const cost = -logErfc(z / Math.SQRT2);
  const omission = deLength === 0 || enLength === 0;
  return omission ? Math.min(cost, model.maxOmissionCost ?? Infinity) : cost;
}

/**
 * log(erfc(x)) for x ≥ 0, in log space so that long mismatches do not underflow to −∞:
 * the Maclaurin series of erf near zero, Laplace's continued fraction in the tail.
 */
function logErfc(x: number): number {
  if (x < 2.5) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 60; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return Math.log(1 - (2 / Math.sqrt(Math.PI)) * sum);
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated bottom-up.
  let fraction = x;
  for (let k = 40; k >= 1; k--) fraction = x + k / 2 / fraction;
  return -x * x - 0.5 * Math.log(Math.PI) - Math.log(fraction);
}
