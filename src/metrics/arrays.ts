/**
 * Shared shapes and checks of the metric functions: arrays in, numbers out. Rows are aligned by index
 * across every array passed to one call.
 */

/**
 * A column of numbers, one per row: 0/1 labels or predictions (`Uint8Array`, `Float64Array`), class
 * indices (`Int32Array`), scores or regression values (`Float64Array`).
 */
export type NumericArray = Uint8Array | Int32Array | Float64Array | readonly number[];

/** Optional per-row weights (scikit-learn's `sample_weight`); absent means every row weighs 1. */
export type Weights = NumericArray | undefined;

/** Throws a RangeError when the arrays are not all as long as the first: a programming error, not a user's. */
export function assertSameLength(...arrays: (NumericArray | undefined)[]): number {
  const n = arrays[0]?.length ?? 0;
  for (const a of arrays) {
    if (a !== undefined && a.length !== n) {
      throw new RangeError(`Arrays of different lengths: ${a.length} ≠ ${n}`);
    }
  }
  return n;
}

/** a / b, or NaN when b is 0: a rate over an empty denominator is "not defined", never 0. */
export function safeDivide(a: number, b: number): number {
  return b === 0 ? NaN : a / b;
}

/** The mean of the values that are not NaN; NaN when none is. */
export function meanDefined(values: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    sum += v;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}
