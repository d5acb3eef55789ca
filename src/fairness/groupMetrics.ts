import { effectiveSize, wilsonScore, Z95 } from './intervals';

/**
 * A binary classifier's figures per group of a sensitive attribute: who is selected, who is missed, who is
 * wrongly flagged. `yTrue[i] === 1` (and `yPred[i] === 1`) mark the positive class, anything else the
 * negative one. Groups are codes into `labels` (`Int32Array`, -1 = missing: the row is left out).
 */

/** A sensitive attribute: codes per row into labels, -1 where the value is missing. */
export interface Grouping {
  codes: Int32Array;
  labels: string[];
}

/** A rate with its 95% Wilson score interval. */
export interface RateEstimate {
  /** numerator / denominator, sums of weights when weighted; NaN ("not defined") when the denominator is 0. */
  value: number;
  /** Lower bound of the 95% Wilson interval; NaN when value is. */
  low: number;
  /** Upper bound of the 95% Wilson interval; NaN when value is. */
  high: number;
  /** Rows in the denominator (unweighted). */
  n: number;
}

/** The figures of one group. Counts are rows; `confusion` is sums of weights (= rows when unweighted). */
export interface GroupMetrics {
  group: string;
  /** The group's code in the labels it came from. */
  code: number;
  /** Rows in the group. */
  count: number;
  /** Rows with y_true = 1. */
  positives: number;
  /** Rows with y_true = 0. */
  negatives: number;
  /** Rows with y_pred = 1. */
  predictedPositives: number;
  /** Σ w over the group's rows (= count when unweighted). */
  weight: number;
  confusion: { tn: number; fp: number; fn: number; tp: number };
  /** (fn + tp) / all: the share truly positive (Fairlearn's `mean_prediction` of y_true). */
  baseRate: RateEstimate;
  /** (fp + tp) / all: the share predicted positive, Fairlearn's `selection_rate`. */
  selectionRate: RateEstimate;
  /** tp / (tp + fn): Fairlearn's `true_positive_rate`. NaN when the group has no positive rows. */
  tpr: RateEstimate;
  /** fp / (fp + tn): Fairlearn's `false_positive_rate`. NaN when the group has no negative rows. */
  fpr: RateEstimate;
  /** fn / (fn + tp) = 1 − TPR: Fairlearn's `false_negative_rate`. NaN when the group has no positive rows. */
  fnr: RateEstimate;
  /** tp / (tp + fp): scikit-learn's `precision_score`. NaN when nobody in the group is predicted positive. */
  precision: RateEstimate;
  /** (tp + tn) / all: scikit-learn's `accuracy_score`. */
  accuracy: RateEstimate;
}

// Confusion cells, index 2·y + ŷ.
const TN = 0;
const FP = 1;
const FN = 2;
const TP = 3;

/** Per group and confusion cell: Σ w, Σ w² and rows. */
interface Tally {
  w: Float64Array;
  w2: Float64Array;
  rows: Float64Array;
}

function tally(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  grouping: Grouping,
  weights?: ArrayLike<number>,
) {
  const { codes, labels } = grouping;
  const n = codes.length;
  if (yTrue.length !== n || yPred.length !== n || (weights && weights.length !== n)) {
    throw new RangeError(`Arrays of different lengths: ${yTrue.length}, ${yPred.length}, ${n}`);
  }
  const t: Tally = {
    w: new Float64Array(labels.length * 4),
    w2: new Float64Array(labels.length * 4),
    rows: new Float64Array(labels.length * 4),
  };
  for (let i = 0; i < n; i++) {
    const g = codes[i];
    if (g < 0 || g >= labels.length) continue;
    const cell = 4 * g + (yTrue[i] === 1 ? 2 : 0) + (yPred[i] === 1 ? 1 : 0);
    const w = weights ? weights[i] : 1;
    t.w[cell] += w;
    t.w2[cell] += w * w;
    t.rows[cell]++;
  }
  return t;
}

/** Σ over the given cells of group g. */
function cells(values: Float64Array, g: number, which: readonly number[]): number {
  let sum = 0;
  for (const c of which) sum += values[4 * g + c];
  return sum;
}

/** Σw(numerator cells) / Σw(denominator cells), with a Wilson interval on Kish's effective size. */
function rate(
  t: Tally,
  g: number,
  numerator: readonly number[],
  denominator: readonly number[],
): RateEstimate {
  const total = cells(t.w, g, denominator);
  const value = total > 0 ? cells(t.w, g, numerator) / total : NaN;
  const { low, high } = wilsonScore(value, effectiveSize(total, cells(t.w2, g, denominator)), Z95);
  return { value, low, high, n: cells(t.rows, g, denominator) };
}

const ALL = [TN, FP, FN, TP];

/** The figures of the group in slot `g` of the tally; `code` is its code in the labels it came from. */
function groupFigures(t: Tally, g: number, group: string, code = g): GroupMetrics {
  return {
    group,
    code,
    count: cells(t.rows, g, ALL),
    positives: cells(t.rows, g, [FN, TP]),
    negatives: cells(t.rows, g, [TN, FP]),
    predictedPositives: cells(t.rows, g, [FP, TP]),
    weight: cells(t.w, g, ALL),
    confusion: { tn: t.w[4 * g + TN], fp: t.w[4 * g + FP], fn: t.w[4 * g + FN], tp: t.w[4 * g + TP] },
    baseRate: rate(t, g, [FN, TP], ALL),
    selectionRate: rate(t, g, [FP, TP], ALL),
    tpr: rate(t, g, [TP], [FN, TP]),
    fpr: rate(t, g, [FP], [TN, FP]),
    fnr: rate(t, g, [FN], [FN, TP]),
    precision: rate(t, g, [TP], [FP, TP]),
    accuracy: rate(t, g, [TN, TP], ALL),
  };
}

/**
 * Per group of a sensitive attribute: count, base rate, selection rate, TPR, FPR, FNR, precision and
 * accuracy, each rate with its 95% Wilson score interval (Wilson 1927, see intervals.ts). These are the
 * `by_group` values of Fairlearn's `MetricFrame` with `selection_rate`, `true_positive_rate`,
 * `false_positive_rate`, `false_negative_rate`, and scikit-learn's `precision_score` / `accuracy_score`.
 *
 * Rates are weighted means when `weights` are given (scikit-learn's and Fairlearn's `sample_weight`);
 * intervals then use Kish's effective size (Σw)²/Σw² of the denominator's rows in place of n.
 *
 * A rate over an empty denominator is NaN, "not defined": a group with no positive rows has no TPR or
 * FNR, not a TPR of 0. Fairlearn 0.11's `true_positive_rate` returns 0 there (scikit-learn's
 * `confusion_matrix(normalize="true")` turns 0/0 into 0), which would make such a group look like the
 * worst-treated one; here it is NaN and left out of the disparities (disparities.ts).
 *
 * Groups in label order; groups with no rows are left out. Rows with code -1 (missing) are ignored.
 */
export function groupMetrics(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  grouping: Grouping,
  weights?: ArrayLike<number>,
): GroupMetrics[] {
  const t = tally(yTrue, yPred, grouping, weights);
  const result: GroupMetrics[] = [];
  grouping.labels.forEach((label, g) => {
    if (cells(t.rows, g, ALL) > 0) result.push(groupFigures(t, g, label));
  });
  return result;
}

/** A group's unweighted confusion counts: rows per cell, predicted positive meaning ŷ = 1. */
export interface GroupCounts {
  label: string;
  /** The group's code in the labels it came from. */
  code: number;
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

/**
 * `groupMetrics` from confusion counts already made, unweighted: each group's four cells become a tally with
 * Σw = Σw² = rows = count (one row weighs 1, so 1² = 1), and go through the very code `groupMetrics` uses,
 * so every figure, interval included, is the one `groupMetrics` gives on the rows themselves. This is what
 * lets the decision-threshold slider (src/metrics/threshold.ts) count each group's cells by binary search
 * over sorted scores in O(log n) instead of re-tallying all n rows for every threshold.
 *
 * Groups in the order given; groups with no rows are left out, as in `groupMetrics`.
 */
export function groupMetricsFromCounts(groups: readonly GroupCounts[]): GroupMetrics[] {
  const size = groups.length * 4;
  const t: Tally = { w: new Float64Array(size), w2: new Float64Array(size), rows: new Float64Array(size) };
  groups.forEach((g, i) => {
    const cellsOf: [number, number][] = [
      [TN, g.tn],
      [FP, g.fp],
      [FN, g.fn],
      [TP, g.tp],
    ];
    for (const [c, count] of cellsOf) {
      t.w[4 * i + c] = count;
      t.w2[4 * i + c] = count;
      t.rows[4 * i + c] = count;
    }
  });
  const result: GroupMetrics[] = [];
  groups.forEach((g, i) => {
    if (cells(t.rows, i, ALL) > 0) result.push(groupFigures(t, i, g.label, g.code));
  });
  return result;
}

/** Joins an intersectional group's labels: `Female × Black`. */
export const INTERSECTION_SEPARATOR = ' × ';

/**
 * The intersection of two sensitive attributes (Crenshaw 1989; Fairlearn's `MetricFrame` with several
 * sensitive features): one group per combination of values that occurs in the rows, labelled
 * `${a} × ${b}` ("Female × Black"), ordered by a's label order, then b's. A row whose value is missing in
 * either attribute is missing (-1) in the intersection. Combinations that never occur get no label.
 */
export function intersectGroups(a: Grouping, b: Grouping, separator = INTERSECTION_SEPARATOR): Grouping {
  const n = a.codes.length;
  if (b.codes.length !== n) throw new RangeError(`Arrays of different lengths: ${n} ≠ ${b.codes.length}`);
  const nb = b.labels.length;
  const seen = new Uint8Array(a.labels.length * nb);
  const valid = (code: number, count: number) => code >= 0 && code < count;
  for (let i = 0; i < n; i++) {
    if (valid(a.codes[i], a.labels.length) && valid(b.codes[i], nb)) seen[a.codes[i] * nb + b.codes[i]] = 1;
  }
  const newCode = new Int32Array(seen.length).fill(-1);
  const labels: string[] = [];
  seen.forEach((occurs, pair) => {
    if (!occurs) return;
    newCode[pair] = labels.length;
    labels.push(`${a.labels[Math.floor(pair / nb)]}${separator}${b.labels[pair % nb]}`);
  });
  const codes = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (valid(a.codes[i], a.labels.length) && valid(b.codes[i], nb))
      codes[i] = newCode[a.codes[i] * nb + b.codes[i]];
  }
  return { codes, labels };
}
