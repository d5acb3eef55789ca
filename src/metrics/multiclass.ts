import { assertSameLength, meanDefined, safeDivide, type NumericArray, type Weights } from './arrays';

/**
 * Performance of a classifier over k classes, from class indices 0 … k − 1 (the codes of a category
 * column). A row whose true or predicted index is outside 0 … k − 1 (such as -1, a missing value) is
 * skipped. Undefined figures are NaN, as in classification.ts: scikit-learn's `zero_division=np.nan`.
 */

/** Precision, recall and F1 of one class against all others. */
export interface ClassMetrics {
  /** C[c][c] / Σ_t C[t][c]: of the rows predicted c, the share truly c. NaN when c is never predicted. */
  precision: number;
  /** C[c][c] / Σ_p C[c][p]: of the rows truly c, the share predicted c. NaN when c never occurs. */
  recall: number;
  /** 2·tp / (2·tp + fp + fn) for class c. NaN only when c is neither present nor predicted. */
  f1: number;
  /** Rows truly of class c (sum of weights when weighted): scikit-learn's `support`. */
  support: number;
}

/** Every headline figure of a k-class classifier on one set of rows. */
export interface MulticlassMetrics {
  /** Σ_c C[c][c] / Σ C: scikit-learn's `accuracy_score`. */
  accuracy: number;
  /** One entry per class index. */
  perClass: ClassMetrics[];
  /**
   * Unweighted mean over classes of precision, recall and F1: scikit-learn's
   * `precision_recall_fscore_support(average="macro", zero_division=np.nan)`, which leaves NaN (undefined)
   * classes out of the mean. Macro recall is scikit-learn's `balanced_accuracy_score`.
   */
  macroPrecision: number;
  macroRecall: number;
  macroF1: number;
  /** k × k: confusion[t][p] = Σ w over rows of true class t predicted p (scikit-learn's `confusion_matrix`). */
  confusion: number[][];
}

/** Whether v is one of the class indices 0 … k − 1. */
const isClass = (v: number, k: number) => Number.isInteger(v) && v >= 0 && v < k;

/**
 * The k × k confusion matrix, as scikit-learn's `confusion_matrix(y_true, y_pred, labels=range(k),
 * sample_weight)`: C[t][p] = Σ_i w_i [y_i = t, ŷ_i = p]. Rows with an index outside 0 … k − 1 are skipped.
 */
export function multiclassConfusion(
  yTrue: NumericArray,
  yPred: NumericArray,
  classCount: number,
  weights?: Weights,
): number[][] {
  const n = assertSameLength(yTrue, yPred, weights);
  const confusion = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < n; i++) {
    const t = yTrue[i];
    const p = yPred[i];
    if (!isClass(t, classCount) || !isClass(p, classCount)) continue;
    confusion[t][p] += weights ? weights[i] : 1;
  }
  return confusion;
}

/** Per-class precision, recall, F1 and support from a k × k confusion matrix. */
export function perClassMetrics(confusion: number[][]): ClassMetrics[] {
  const k = confusion.length;
  return confusion.map((row, c) => {
    const tp = row[c];
    const support = row.reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (let t = 0; t < k; t++) predicted += confusion[t][c];
    const fp = predicted - tp;
    const fn = support - tp;
    return {
      precision: safeDivide(tp, predicted),
      recall: safeDivide(tp, support),
      f1: safeDivide(2 * tp, 2 * tp + fp + fn),
      support,
    };
  });
}

/**
 * Accuracy, per-class precision/recall/F1 and their macro averages, and the confusion matrix of a
 * k-class classifier (scikit-learn's `accuracy_score`, `precision_recall_fscore_support`,
 * `confusion_matrix`). With k = 2 and class 1 as the positive class, perClass[1] matches
 * classification.ts.
 */
export function multiclassMetrics(
  yTrue: NumericArray,
  yPred: NumericArray,
  classCount: number,
  weights?: Weights,
): MulticlassMetrics {
  const confusion = multiclassConfusion(yTrue, yPred, classCount, weights);
  const perClass = perClassMetrics(confusion);
  let correct = 0;
  let total = 0;
  confusion.forEach((row, c) => {
    correct += row[c];
    for (const v of row) total += v;
  });
  return {
    accuracy: safeDivide(correct, total),
    perClass,
    macroPrecision: meanDefined(perClass.map((m) => m.precision)),
    macroRecall: meanDefined(perClass.map((m) => m.recall)),
    macroF1: meanDefined(perClass.map((m) => m.f1)),
    confusion,
  };
}
