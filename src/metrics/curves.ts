import { assertSameLength, safeDivide, type NumericArray, type Weights } from './arrays';

/**
 * Curves over a binary classifier's scores: the ROC curve and its area, and the calibration (reliability)
 * curve. `yTrue[i] === 1` marks the positive class, anything else the negative one; `score[i]` is the
 * predicted probability of the positive class. Rows must be complete (no NaN score): drop missing rows first.
 */

/** Points of the ROC curve, one per distinct score threshold, from (0, 0) up to (1, 1). */
export interface RocCurve {
  /** False positive rate at each threshold: FP(t) / N. */
  fpr: Float64Array;
  /** True positive rate at each threshold: TP(t) / P. */
  tpr: Float64Array;
  /** Decreasing thresholds; row i is predicted positive when score ≥ thresholds[k]. The first is +∞. */
  thresholds: Float64Array;
}

/** Row indices ordered by decreasing score (ties keep their order; they are merged into one point anyway). */
function descendingOrder(score: NumericArray): Uint32Array {
  const order = new Uint32Array(score.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => score[b] - score[a] || a - b);
}

/**
 * The ROC curve, as scikit-learn's `roc_curve(y_true, y_score, sample_weight, drop_intermediate=False)`:
 * rows sorted by decreasing score; at each distinct score t, TP(t) = Σ w_i [y_i = 1, s_i ≥ t] and
 * FP(t) = Σ w_i [y_i ≠ 1, s_i ≥ t]; tpr = TP(t) / TP(−∞), fpr = FP(t) / FP(−∞). A first point (0, 0) is
 * added at threshold +∞ (scikit-learn ≥ 1.3 uses +∞ there; 1.2 used max score + 1). Tied scores give one
 * point, so ties are handled as scikit-learn does. With no positive (negative) rows tpr (fpr) is NaN:
 * not defined (scikit-learn warns and returns NaN too).
 */
export function rocCurve(yTrue: NumericArray, score: NumericArray, weights?: Weights): RocCurve {
  const n = assertSameLength(yTrue, score, weights);
  const order = descendingOrder(score);
  const fps = [0];
  const tps = [0];
  const thresholds = [Infinity];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const w = weights ? weights[i] : 1;
    if (yTrue[i] === 1) tp += w;
    else fp += w;
    if (k === n - 1 || score[order[k + 1]] !== score[i]) {
      fps.push(fp);
      tps.push(tp);
      thresholds.push(score[i]);
    }
  }
  return {
    fpr: Float64Array.from(fps, (v) => safeDivide(v, fp)),
    tpr: Float64Array.from(tps, (v) => safeDivide(v, tp)),
    thresholds: Float64Array.from(thresholds),
  };
}

/**
 * Area under the ROC curve, as scikit-learn's `roc_auc_score` for binary labels: the trapezoid rule
 * (`sklearn.metrics.auc`, i.e. `np.trapz(tpr, fpr)`) over the ROC curve of distinct thresholds,
 * AUC = Σ_k (fpr_k − fpr_{k−1}) · (tpr_k + tpr_{k−1}) / 2. A tie between a positive and a negative row
 * counts one half, as in the Mann–Whitney U statistic. NaN when y_true holds one class only (scikit-learn
 * raises "Only one class present in y_true. ROC AUC score is not defined in that case.").
 */
export function rocAuc(yTrue: NumericArray, score: NumericArray, weights?: Weights): number {
  const { fpr, tpr } = rocCurve(yTrue, score, weights);
  if (fpr.length < 2 || Number.isNaN(fpr[1]) || Number.isNaN(tpr[1])) return NaN;
  let area = 0;
  for (let k = 1; k < fpr.length; k++) area += ((fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1])) / 2;
  return area;
}

/** A reliability diagram: per non-empty bin, how often the positive class occurs against how often it was predicted. */
export interface CalibrationCurve {
  /** Mean predicted probability of the rows in each non-empty bin (scikit-learn's `prob_pred`). */
  meanPredicted: number[];
  /** Fraction of positive rows in each non-empty bin (scikit-learn's `prob_true`). */
  fractionPositive: number[];
  /** Rows in each non-empty bin. */
  count: number[];
  /** Index (0 … bins − 1) of each non-empty bin, so a chart can place it. */
  bin: number[];
}

/** Which of `bins` uniform bins p falls in: the number of inner edges k / bins strictly below p. */
function uniformBin(p: number, innerEdges: Float64Array): number {
  let lo = 0;
  let hi = innerEdges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (innerEdges[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The calibration curve, as scikit-learn's `calibration_curve(y_true, y_prob, n_bins, strategy='uniform')`:
 * edges 0, 1/bins, 2/bins, …, 1 (computed as `np.linspace` does, k · (1/bins)); row i goes to the bin
 * `np.searchsorted(inner_edges, s_i)`, so a score on an edge belongs to the bin below it and 0 to the first.
 * Per non-empty bin b: fractionPositive_b = #{i ∈ b : y_i = 1} / n_b, meanPredicted_b = Σ_{i ∈ b} s_i / n_b.
 * Empty bins are left out, as scikit-learn does. Unweighted, like scikit-learn's function. Scores outside
 * [0, 1] (scikit-learn rejects them) land in the first or last bin.
 */
export function calibrationCurve(yTrue: NumericArray, score: NumericArray, bins = 10): CalibrationCurve {
  const n = assertSameLength(yTrue, score);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer: ${bins}`);
  const step = 1 / bins;
  const innerEdges = Float64Array.from({ length: bins - 1 }, (_, k) => (k + 1) * step);
  const total = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const sums = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const b = uniformBin(score[i], innerEdges);
    total[b]++;
    sums[b] += score[i];
    if (yTrue[i] === 1) positives[b]++;
  }
  const curve: CalibrationCurve = { meanPredicted: [], fractionPositive: [], count: [], bin: [] };
  for (let b = 0; b < bins; b++) {
    if (total[b] === 0) continue;
    curve.meanPredicted.push(sums[b] / total[b]);
    curve.fractionPositive.push(positives[b] / total[b]);
    curve.count.push(total[b]);
    curve.bin.push(b);
  }
  return curve;
}
