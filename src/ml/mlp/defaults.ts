/** Defaults of the MLP, TF-free so the page can show them without loading TF.js. */
import type { LearnerDefaults } from '../tf/options';

/**
 * 100 epochs, Adam step 0.01, λ = 1e-4 (scikit-learn's `MLPClassifier` alpha); one hidden layer of 32 units,
 * dropout 0.1; with `NetOptions`' batch 512 and patience 5.
 */
export const MLP_DEFAULTS: Readonly<LearnerDefaults & { hidden: number[]; dropout: number }> = {
  epochs: 100,
  learningRate: 0.01,
  l2: 1e-4,
  hidden: [32],
  dropout: 0.1,
};

/** Throws a RangeError for hidden sizes below 1 or a dropout rate outside [0, 1) (a caller's bug). */
export function checkArchitecture(hidden: number[], rate: number): void {
  for (const units of hidden)
    if (!Number.isInteger(units) || units < 1) throw new RangeError(`hidden sizes must be ≥ 1, got ${units}`);
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`dropout must be in [0, 1), got ${rate}`);
}
