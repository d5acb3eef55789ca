/**
 * Permutation importance (Breiman 2001, "Random forests", §10; as scikit-learn's
 * `sklearn.inspection.permutation_importance`): how much a model's score on held-out rows drops when one input
 * column's values are shuffled across the rows, breaking its link to the target while keeping its
 * distribution. Importance of column j, repeat k: s − s_{j,k}, with s the score on the rows as they are and
 * s_{j,k} the score with column j shuffled; reported as the mean and the (population) standard deviation over
 * the repeats, as scikit-learn's `importances_mean` and `importances_std`.
 *
 * Works per original column: a categorical column is one-hot encoded into several features (its `span` in
 * the preprocessed matrix), and those are shuffled together, row by row, which is the same as shuffling the
 * column's values. Pure and seeded; lets the event loop run between columns so a worker can report progress
 * and receive Cancel.
 */
import { createRng, shuffledOrder } from '../core/random';
import { nextTask } from '../core/yield';

/** One original column and the features `[start, end)` it became in the preprocessed matrix. */
export interface ColumnSpan {
  name: string;
  span: [number, number];
}

export interface ColumnImportance {
  /** The original column's name. */
  feature: string;
  /** Mean drop in the score over the repeats (higher: the model leans on it more). */
  mean: number;
  /** Population standard deviation of the drops, as scikit-learn reports it. */
  std: number;
  /** The drop of each repeat. */
  drops: number[];
}

export interface PermutationOptions {
  /** Shuffles per column (default 5, as the issue asks for its timing). */
  repeats?: number;
  seed: number;
  /** Called after each column with the columns done and their total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * The importance of every column, sorted by mean drop (largest first; ties keep the given order).
 * `score(X)` must return the model's score (higher is better: accuracy, R², minus log loss…) on the
 * `rows × cols` row-major matrix it is given; it is called once on `X` and `repeats` times per column on a
 * copy with that column's features shuffled. `X` itself is not changed.
 */
export async function permutationImportance(
  score: (X: Float32Array) => number,
  X: Float32Array,
  rows: number,
  cols: number,
  columns: readonly ColumnSpan[],
  options: PermutationOptions,
): Promise<ColumnImportance[]> {
  const repeats = options.repeats ?? 5;
  if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError('repeats must be a positive integer');
  if (X.length !== rows * cols) throw new RangeError(`X holds ${X.length} values, not ${rows} × ${cols}`);
  for (const { name, span } of columns)
    if (!(span[0] >= 0 && span[0] < span[1] && span[1] <= cols))
      throw new RangeError(`column "${name}" has a span [${span[0]}, ${span[1]}) outside 0 … ${cols}`);
  const rng = createRng(options.seed);
  const baseline = score(X);
  const work = X.slice();
  const out: ColumnImportance[] = [];
  for (const [c, { name, span }] of columns.entries()) {
    options.signal?.throwIfAborted();
    const [start, end] = span;
    const drops: number[] = [];
    for (let k = 0; k < repeats; k++) {
      const order = shuffledOrder(rows, rng);
      // Row r of the copy takes row order[r]'s values of this column's features.
      for (let r = 0; r < rows; r++) {
        const from = order[r] * cols;
        for (let f = start; f < end; f++) work[r * cols + f] = X[from + f];
      }
      drops.push(baseline - score(work));
    }
    for (let r = 0; r < rows; r++) for (let f = start; f < end; f++) work[r * cols + f] = X[r * cols + f];
    const mean = drops.reduce((a, b) => a + b, 0) / repeats;
    const std = Math.sqrt(drops.reduce((a, d) => a + (d - mean) ** 2, 0) / repeats);
    out.push({ feature: name, mean, std, drops });
    options.onProgress?.(c + 1, columns.length);
    await nextTask();
  }
  return out
    .map((item, i) => ({ item, i }))
    .sort((a, b) => b.item.mean - a.item.mean || a.i - b.i)
    .map(({ item }) => item);
}
