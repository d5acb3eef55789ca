/**
 * Checks shared by the tree learners. Wrong shapes or labels are bugs in the caller (the preprocessing step
 * guarantees them), so they throw a `RangeError` instead of returning a Result for the user.
 */

/** What a tree model predicts: P(class 1), one probability per class, or a number. */
export type TreeTask = 'binary' | 'multiclass' | 'regression';

/** Throws unless `X` holds exactly `rows × cols` values and there is at least one row and one column. */
export function checkMatrix(X: Float32Array, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError(`need at least one row and one column, got ${rows}×${cols}`);
  }
  if (X.length !== rows * cols) throw new RangeError(`X has ${X.length} values, expected ${rows}×${cols}`);
}

/**
 * Checks the target against the task and returns the number of classes: 2 for binary (labels 0/1), `classes`
 * or max label + 1 for multiclass (labels 0 … k − 1), 1 for regression (any finite value).
 */
export function checkTarget(task: TreeTask, y: Float64Array, rows: number, classes?: number): number {
  if (y.length !== rows) throw new RangeError(`y has ${y.length} values, expected ${rows}`);
  if (task === 'regression') {
    for (let i = 0; i < rows; i++) if (!Number.isFinite(y[i])) throw new RangeError(`y[${i}] is not finite`);
    return 1;
  }
  let max = 0;
  for (let i = 0; i < rows; i++) if (y[i] > max) max = y[i];
  const k = task === 'binary' ? 2 : (classes ?? max + 1);
  for (let i = 0; i < rows; i++) {
    const c = y[i];
    if (!Number.isInteger(c) || c < 0 || c >= k)
      throw new RangeError(`y[${i}] = ${c} is not a class 0…${k - 1}`);
  }
  if (k < 2) throw new RangeError('classification needs at least two classes');
  return k;
}

/** The sample weights to use: a copy-free check of the given ones (finite, ≥ 0, not all 0), or all 1. */
export function resolveWeights(weights: Float64Array | undefined, rows: number): Float64Array {
  if (!weights) return new Float64Array(rows).fill(1);
  if (weights.length !== rows) throw new RangeError(`weights has ${weights.length} values, expected ${rows}`);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights[${i}] = ${w} must be finite and ≥ 0`);
    total += w;
  }
  if (total <= 0) throw new RangeError('the weights sum to 0');
  return weights;
}

/** Row indices 0 … rows − 1: the sample when every row is used. */
export function allRows(rows: number): Uint32Array {
  const idx = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) idx[i] = i;
  return idx;
}
