/**
 * Small seeded data sets and helpers for the tests of the TF.js learners (linear, MLP). Not used by the app.
 */
import { createRng } from '../../core/random';

/** A data set in the learners' input contract. */
export interface Rows {
  X: Float32Array;
  y: Float64Array;
  rows: number;
  cols: number;
}

/** A standard normal draw by the Box–Muller transform. */
export function gaussian(rng: () => number): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** `perClass` points around each centre (class = centre index) with normal noise of sd `spread`. */
export function blobs(centres: number[][], perClass: number, spread: number, seed: number): Rows {
  const rng = createRng(seed);
  const cols = centres[0].length;
  const rows = centres.length * perClass;
  const X = new Float32Array(rows * cols);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const c = r % centres.length;
    y[r] = c;
    for (let f = 0; f < cols; f++) X[r * cols + f] = centres[c][f] + spread * gaussian(rng);
  }
  return { X, y, rows, cols };
}

/** Points near the corners (±1, ±1); class 1 where the signs differ (XOR). */
export function xor(rows: number, seed: number): Rows {
  const rng = createRng(seed);
  const X = new Float32Array(rows * 2);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const a = r % 2 === 0 ? 1 : -1;
    const b = r % 4 < 2 ? 1 : -1;
    X[2 * r] = a + 0.2 * gaussian(rng);
    X[2 * r + 1] = b + 0.2 * gaussian(rng);
    y[r] = a === b ? 0 : 1;
  }
  return { X, y, rows, cols: 2 };
}

/** `rows` of `cols` standard normal features, and y = `target(x, rng)` for each row. */
export function generated(
  rows: number,
  cols: number,
  seed: number,
  target: (x: number[], rng: () => number) => number,
): Rows {
  const rng = createRng(seed);
  const X = new Float32Array(rows * cols);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = Array.from({ length: cols }, () => gaussian(rng));
    X.set(x, r * cols);
    y[r] = target(x, rng);
  }
  return { X, y, rows, cols };
}

/** Share of rows classified right: binary when P(1) ≥ ½ matches y, multiclass when the arg-max does. */
export function accuracy(pred: Float64Array, y: Float64Array): number {
  const k = pred.length / y.length;
  let hits = 0;
  for (let r = 0; r < y.length; r++) {
    let label = pred[r] >= 0.5 ? 1 : 0;
    if (k > 1) {
      label = 0;
      for (let c = 1; c < k; c++) if (pred[r * k + c] > pred[r * k + label]) label = c;
    }
    if (label === y[r]) hits++;
  }
  return hits / y.length;
}

/** The largest absolute difference between two equally long arrays. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** Mean log loss of P(class 1) (binary) or mean squared error (regression) against y. */
export function meanLoss(task: 'binary' | 'regression', pred: Float64Array, y: Float64Array): number {
  let sum = 0;
  for (let r = 0; r < y.length; r++) {
    const p = pred[r];
    sum += task === 'regression' ? (p - y[r]) ** 2 : -(y[r] * Math.log(p) + (1 - y[r]) * Math.log(1 - p));
  }
  return sum / y.length;
}
