/**
 * Confidence intervals for the rates of fairness reports: a rate measured on 40 people moves a lot by
 * chance, and the interval shows how much.
 */

/** The 97.5% quantile of the standard normal distribution, for two-sided 95% intervals. */
export const Z95 = 1.959963984540054;

/** A two-sided confidence interval; both bounds NaN when there is nothing to estimate from. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval for a proportion p̂ observed on n trials (Wilson, E. B. (1927). Probable
 * inference, the law of succession, and statistical inference. Journal of the American Statistical
 * Association 22(158), 209–212):
 *
 *   centre = (p̂ + z²/(2n)) / (1 + z²/n),  half = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²)),
 *   interval = [centre − half, centre + half].
 *
 * Unlike the normal ("Wald") interval it stays inside [0, 1] and is not empty at p̂ = 0 or 1, which is
 * what small groups produce. n need not be an integer (an effective sample size for weighted data). Bounds
 * are clamped to [0, 1] against rounding; NaN when n = 0 or p̂ is NaN.
 */
export function wilsonScore(proportion: number, n: number, z = Z95): Interval {
  if (!(n > 0) || Number.isNaN(proportion)) return { low: NaN, high: NaN };
  const z2n = (z * z) / n;
  const denominator = 1 + z2n;
  const centre = (proportion + z2n / 2) / denominator;
  const half = (z / denominator) * Math.sqrt((proportion * (1 - proportion)) / n + z2n / (4 * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** {@link wilsonScore} for `successes` out of `trials`: p̂ = successes / trials. NaN bounds when trials = 0. */
export function wilsonInterval(successes: number, trials: number, z = Z95): Interval {
  return wilsonScore(trials > 0 ? successes / trials : NaN, trials, z);
}

/**
 * Kish's effective sample size of weighted rows, (Σ w)² / Σ w² (Kish, L. (1965). Survey Sampling. Wiley):
 * the number of unweighted rows that would give an estimate as precise. Equals the row count when every
 * weight is equal; 0 when there are no rows.
 */
export function effectiveSize(sumWeights: number, sumSquaredWeights: number): number {
  return sumSquaredWeights > 0 ? (sumWeights * sumWeights) / sumSquaredWeights : 0;
}
