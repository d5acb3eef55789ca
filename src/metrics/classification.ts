import { assertSameLength, meanDefined, safeDivide, type NumericArray, type Weights } from './arrays';
import { rocAuc } from './curves';

export { calibrationCurve, rocAuc, rocCurve } from './curves';
export type { CalibrationCurve, RocCurve } from './curves';

/**
 * Performance of a binary classifier, as scikit-learn defines each figure. `yTrue[i] === 1` (and
 * `yPred[i] === 1`) mark the positive class, anything else the negative one; `score[i]` is the predicted
 * probability of the positive class; `weights` (scikit-learn's `sample_weight`) default to 1. Rows must be
 * complete: drop rows with a missing label or score first.
 *
 * Undefined values: where scikit-learn divides by zero it returns 0 with an `UndefinedMetricWarning`
 * (`zero_division="warn"`). Here such a figure is NaN, "not defined", which the UI shows as such: a 0
 * would read as "the model never gets it right" when in fact there was nothing to measure. This is
 * scikit-learn's `zero_division=np.nan` (≥ 1.3).
 */

/** `[[tn, fp], [fn, tp]]`: rows are the true class (0, 1), columns the predicted class, as scikit-learn. */
export type BinaryConfusion = [[number, number], [number, number]];

/**
 * The confusion matrix, as scikit-learn's `confusion_matrix(y_true, y_pred, sample_weight)` with labels
 * [0, 1]: C[t][p] = Σ_i w_i [y_i = t, ŷ_i = p]. Counts are sums of weights when weights are given.
 */
export function confusionMatrix(
  yTrue: NumericArray,
  yPred: NumericArray,
  weights?: Weights,
): BinaryConfusion {
  const n = assertSameLength(yTrue, yPred, weights);
  let tn = 0;
  let fp = 0;
  let fn = 0;
  let tp = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    if (yTrue[i] === 1) {
      if (yPred[i] === 1) tp += w;
      else fn += w;
    } else if (yPred[i] === 1) fp += w;
    else tn += w;
  }
  return [
    [tn, fp],
    [fn, tp],
  ];
}

/** The figures that follow from a confusion matrix alone. */
export interface ConfusionRates {
  /** (tp + tn) / total: scikit-learn's `accuracy_score`. NaN for no rows. */
  accuracy: number;
  /**
   * Mean of the recall of each class present in y_true, (tp / (tp + fn) + tn / (tn + fp)) / 2:
   * scikit-learn's `balanced_accuracy_score` (which also averages only the classes present, with a warning).
   */
  balancedAccuracy: number;
  /** tp / (tp + fp): scikit-learn's `precision_score`. NaN when nothing is predicted positive. */
  precision: number;
  /** tp / (tp + fn), the true positive rate: scikit-learn's `recall_score`. NaN with no positive rows. */
  recall: number;
  /** tn / (tn + fp), the true negative rate. NaN with no negative rows. */
  specificity: number;
  /**
   * 2·tp / (2·tp + fp + fn), the harmonic mean of precision and recall: scikit-learn's `f1_score` (this is
   * the form scikit-learn ≥ 1.4 computes). 0 when there are positives but none is found; NaN only when
   * tp + fp + fn = 0.
   */
  f1: number;
}

/** Accuracy, balanced accuracy, precision, recall, specificity and F1 from `[[tn, fp], [fn, tp]]`. */
export function ratesFromConfusion([[tn, fp], [fn, tp]]: BinaryConfusion): ConfusionRates {
  const recall = safeDivide(tp, tp + fn);
  const specificity = safeDivide(tn, tn + fp);
  return {
    accuracy: safeDivide(tp + tn, tn + fp + fn + tp),
    balancedAccuracy: meanDefined([specificity, recall]),
    precision: safeDivide(tp, tp + fp),
    recall,
    specificity,
    f1: safeDivide(2 * tp, 2 * tp + fp + fn),
  };
}

/**
 * Mean log loss (cross-entropy), as scikit-learn 1.2's `log_loss(y_true, y_pred, eps="auto", sample_weight)`:
 * p_i = clip(s_i, ε, 1 − ε) with ε = 2.220446049250313e-16 (`np.finfo(float64).eps`, the "auto" default of
 * scikit-learn 1.2; before 1.2 it was 1e-15), the pair (1 − p_i, p_i) renormalised to sum to 1 as
 * scikit-learn does, then L = −Σ_i w_i log(p_i if y_i = 1 else 1 − p_i) / Σ_i w_i (natural log).
 * NaN for no rows.
 */
export function logLoss(yTrue: NumericArray, score: NumericArray, weights?: Weights): number {
  const n = assertSameLength(yTrue, score, weights);
  const eps = Number.EPSILON;
  let loss = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    const p = Math.min(1 - eps, Math.max(eps, score[i]));
    const q = 1 - p;
    const sum = q + p;
    loss -= w * Math.log((yTrue[i] === 1 ? p : q) / sum);
    total += w;
  }
  return safeDivide(loss, total);
}

/**
 * Accuracy of always predicting the majority class of y_true (scikit-learn's
 * `DummyClassifier(strategy="most_frequent")` scored on the same rows): max(P, N) / (P + N), with P and N
 * the (weighted) counts of positive and negative rows. The floor any useful model must beat. NaN for no rows.
 */
export function baselineAccuracy(yTrue: NumericArray, weights?: Weights): number {
  const n = assertSameLength(yTrue, weights);
  let positives = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    if (yTrue[i] === 1) positives += w;
    total += w;
  }
  return safeDivide(Math.max(positives, total - positives), total);
}

/** Every headline figure of a binary classifier on one set of rows. */
export interface ClassificationMetrics extends ConfusionRates {
  /** Rows counted (unweighted). */
  count: number;
  /** `[[tn, fp], [fn, tp]]`, sums of weights when weighted. */
  confusion: BinaryConfusion;
  /** See {@link rocAuc}; NaN when y_true holds one class only. */
  rocAuc: number;
  /** See {@link logLoss}. */
  logLoss: number;
  /** See {@link baselineAccuracy}. */
  baselineAccuracy: number;
}

/**
 * All of the above at once: confusion matrix and the rates it gives (scikit-learn's `confusion_matrix`,
 * `accuracy_score`, `balanced_accuracy_score`, `precision_score`, `recall_score`, `f1_score`), `roc_auc_score`,
 * `log_loss`, and the majority-class baseline. `yPred` holds the thresholded predictions, `score` the
 * probabilities they came from.
 */
export function classificationMetrics(
  yTrue: NumericArray,
  yPred: NumericArray,
  score: NumericArray,
  weights?: Weights,
): ClassificationMetrics {
  const count = assertSameLength(yTrue, yPred, score, weights);
  const confusion = confusionMatrix(yTrue, yPred, weights);
  return {
    count,
    confusion,
    ...ratesFromConfusion(confusion),
    rocAuc: rocAuc(yTrue, score, weights),
    logLoss: logLoss(yTrue, score, weights),
    baselineAccuracy: baselineAccuracy(yTrue, weights),
  };
}
