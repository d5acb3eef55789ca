/**
 * The three losses gradient boosting minimises, on raw scores F (row-major `rows × outputs`; outputs = k for
 * multiclass, else 1): their weighted mean, their per-row gradient and hessian with respect to F, the initial
 * score, and the map from scores to predictions. Formulas follow Friedman (2001), "Greedy function
 * approximation: a gradient boosting machine", and Chen & Guestrin (2016), "XGBoost".
 */
import type { TreeTask } from './inputs';

/** Probabilities are clipped to [ε, 1 − ε] before a logarithm, so one confident mistake cannot give ∞. */
const EPS = 1e-15;

/** Number of score columns: k for multiclass, 1 for binary (the log-odds) and regression. */
export const scoreWidth = (task: TreeTask, classes: number): number => (task === 'multiclass' ? classes : 1);

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const clip = (p: number): number => Math.min(1 - EPS, Math.max(EPS, p));

/**
 * The constant model that minimises the weighted loss: regression → weighted mean; binary → log-odds
 * log(p / (1 − p)) of the weighted positive rate p; multiclass → log p_k of the weighted class shares (softmax
 * is shift-invariant, so any constant added to all k is equivalent).
 */
export function initialScores(task: TreeTask, classes: number, y: Float64Array, w: Float64Array): number[] {
  const k = scoreWidth(task, classes);
  const sums = new Float64Array(task === 'multiclass' ? classes : 1);
  let total = 0;
  for (let r = 0; r < y.length; r++) {
    total += w[r];
    if (task === 'multiclass') sums[y[r]] += w[r];
    else sums[0] += w[r] * y[r];
  }
  if (task === 'regression') return [sums[0] / total];
  if (task === 'binary') {
    const p = clip(sums[0] / total);
    return [Math.log(p / (1 - p))];
  }
  return Array.from({ length: k }, (_, c) => Math.log(clip(sums[c] / total)));
}

/** Softmax of each row of F into P (same shape), shifted by the row maximum for numerical safety. */
export function softmaxRows(F: Float64Array, P: Float64Array, k: number): void {
  for (let o = 0; o < F.length; o += k) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, F[o + c]);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += P[o + c] = Math.exp(F[o + c] - max);
    for (let c = 0; c < k; c++) P[o + c] /= sum;
  }
}

/**
 * Fills `stats` (`rows × 2`: w·g, w·h) for score column `c`. Regression, ½(F − y)²: g = F − y, h = 1.
 * Binary log loss with p = σ(F): g = p − y, h = p(1 − p). Multiclass cross-entropy with p = softmax(F) taken
 * from `P`: g = p_c − [y = c], h = p_c(1 − p_c), the diagonal Newton approximation of Friedman (2001, §4.6).
 */
export function fillGradients(
  task: TreeTask,
  c: number,
  F: Float64Array,
  P: Float64Array,
  y: Float64Array,
  w: Float64Array,
  stats: Float64Array,
): void {
  const k = F.length / y.length;
  for (let r = 0; r < y.length; r++) {
    let g: number;
    let h: number;
    if (task === 'regression') {
      g = F[r] - y[r];
      h = 1;
    } else if (task === 'binary') {
      const p = sigmoid(F[r]);
      g = p - y[r];
      h = Math.max(p * (1 - p), 1e-16);
    } else {
      const p = P[r * k + c];
      g = p - (y[r] === c ? 1 : 0);
      h = Math.max(p * (1 - p), 1e-16);
    }
    stats[2 * r] = w[r] * g;
    stats[2 * r + 1] = w[r] * h;
  }
}

/**
 * Weighted mean loss Σ w·ℓ / Σ w: squared error (y − F)² for regression, log loss −[y log p + (1 − y) log(1 − p)]
 * for binary, cross-entropy −log p_y for multiclass (`P` must hold softmax(F) for multiclass).
 */
export function meanLoss(
  task: TreeTask,
  F: Float64Array,
  P: Float64Array,
  y: Float64Array,
  w?: Float64Array,
): number {
  const k = F.length / y.length;
  let sum = 0;
  let total = 0;
  for (let r = 0; r < y.length; r++) {
    const wr = w ? w[r] : 1;
    let loss: number;
    if (task === 'regression') loss = (y[r] - F[r]) ** 2;
    else if (task === 'binary') {
      const p = clip(sigmoid(F[r]));
      loss = -(y[r] * Math.log(p) + (1 - y[r]) * Math.log(1 - p));
    } else loss = -Math.log(clip(P[r * k + y[r]]));
    sum += wr * loss;
    total += wr;
  }
  return total > 0 ? sum / total : 0;
}

/** Scores to predictions, in place where possible: σ(F) for binary, softmax rows for multiclass, F for regression. */
export function scoresToOutput(task: TreeTask, F: Float64Array, classes: number): Float64Array {
  if (task === 'regression') return F;
  if (task === 'binary') return F.map(sigmoid);
  const P = new Float64Array(F.length);
  softmaxRows(F, P, classes);
  return P;
}
