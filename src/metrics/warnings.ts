/**
 * When a headline number misleads, the results page says so: accuracy on imbalanced classes, any figure on a
 * tiny test set, and a score so good it more likely means the answer leaked into the inputs.
 */

/** A class under this share of the test rows makes plain accuracy flattering (look at balanced accuracy). */
export const IMBALANCE_SHARE = 0.2;
/** Fewer test rows than this leave every figure uncertain by several points. */
export const TINY_TEST_ROWS = 100;
/** Accuracy, ROC AUC or R² at or above this is more often leakage than skill on real tabular data. */
export const TOO_PERFECT = 0.99;

export type MetricWarning =
  | { code: 'imbalanced'; minorityClass: string; share: number }
  | { code: 'tiny-test'; rows: number }
  /** `column`: the input the model leans on most (permutation importance), the likely leak; null if unknown. */
  | { code: 'too-perfect'; figure: 'accuracy' | 'rocAuc' | 'r2'; value: number; column: string | null };

export interface WarningInput {
  task: 'binary' | 'multiclass' | 'regression';
  /** Class labels by encoded index (classification). */
  classes: readonly string[];
  /** The test rows' target as encoded (class index or value). */
  yTest: ArrayLike<number>;
  metrics: Record<string, unknown>;
  /** The most important input column, if measured. */
  topColumn: string | null;
}

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function metricWarnings(input: WarningInput): MetricWarning[] {
  const out: MetricWarning[] = [];
  const rows = input.yTest.length;
  if (input.task !== 'regression' && rows > 0) {
    const counts = new Array<number>(input.classes.length).fill(0);
    for (let i = 0; i < rows; i++) if (counts[input.yTest[i]] !== undefined) counts[input.yTest[i]]++;
    let minority = 0;
    counts.forEach((c, k) => {
      if (c < counts[minority]) minority = k;
    });
    const share = counts[minority] / rows;
    if (share < IMBALANCE_SHARE)
      out.push({ code: 'imbalanced', minorityClass: input.classes[minority] ?? '', share });
  }
  if (rows < TINY_TEST_ROWS) out.push({ code: 'tiny-test', rows });
  const figures: ('accuracy' | 'rocAuc' | 'r2')[] =
    input.task === 'regression' ? ['r2'] : input.task === 'binary' ? ['accuracy', 'rocAuc'] : ['accuracy'];
  for (const figure of figures) {
    const value = num(input.metrics[figure]);
    const baseline = num(input.metrics.baselineAccuracy);
    // Always guessing the majority of a 99% class is not "too perfect": the model must beat it clearly.
    const beatsBaseline = figure !== 'accuracy' || baseline === null || baseline < TOO_PERFECT;
    if (value !== null && value >= TOO_PERFECT && beatsBaseline) {
      out.push({ code: 'too-perfect', figure, value, column: input.topColumn });
      break;
    }
  }
  return out;
}
