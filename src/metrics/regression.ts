import { assertSameLength, safeDivide, type NumericArray, type Weights } from './arrays';

/**
 * Error of a regression model. Rows where the true or predicted value is NaN (missing) are skipped, so
 * every figure is over the same rows; `count` says how many that was.
 */
export interface RegressionMetrics {
  /** Rows counted (unweighted). */
  count: number;
  /** Σ w_i |y_i − ŷ_i| / Σ w_i: scikit-learn's `mean_absolute_error`. */
  mae: number;
  /** √(Σ w_i (y_i − ŷ_i)² / Σ w_i): scikit-learn's `mean_squared_error(squared=False)` (`root_mean_squared_error`). */
  rmse: number;
  /**
   * 1 − SS_res / SS_tot with SS_res = Σ w_i (y_i − ŷ_i)², SS_tot = Σ w_i (y_i − ȳ_w)², ȳ_w the weighted mean
   * of y: scikit-learn's `r2_score`. NaN when SS_tot = 0 (a constant target: nothing to explain), where
   * scikit-learn returns 1 or 0 by convention (`force_finite=True`).
   */
  r2: number;
}

/**
 * MAE, RMSE and R² of predictions `yPred` against `yTrue`, optionally weighted (scikit-learn's
 * `sample_weight`). All NaN when no row is complete.
 */
export function regressionMetrics(
  yTrue: NumericArray,
  yPred: NumericArray,
  weights?: Weights,
): RegressionMetrics {
  const n = assertSameLength(yTrue, yPred, weights);
  let count = 0;
  let total = 0;
  let absolute = 0;
  let squared = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    const p = yPred[i];
    if (Number.isNaN(y) || Number.isNaN(p)) continue;
    const w = weights ? weights[i] : 1;
    count++;
    total += w;
    absolute += w * Math.abs(y - p);
    squared += w * (y - p) * (y - p);
    sumY += w * y;
  }
  const mean = sumY / total;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    if (Number.isNaN(y) || Number.isNaN(yPred[i])) continue;
    ssTot += (weights ? weights[i] : 1) * (y - mean) * (y - mean);
  }
  return {
    count,
    mae: safeDivide(absolute, total),
    rmse: Math.sqrt(safeDivide(squared, total)),
    r2: 1 - safeDivide(squared, ssTot),
  };
}
