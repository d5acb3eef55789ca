import { describe, expect, it, vi } from 'vitest';
import type { Table } from '../data/types';
import { preprocessorOf } from '../features/preprocess';
import type { LinearModel } from '../ml/linear/model';
import type { TreeModel, TreeNode } from '../ml/tree/cart';
import { predictModel } from '../pipeline/models';
import { partialDependence } from './partialDependence';

// Count the model calls, to check that the whole grid is scored in one batch.
vi.mock('../pipeline/models', async (importOriginal) => {
  const original = await importOriginal<typeof import('../pipeline/models')>();
  return { ...original, predictModel: vi.fn(original.predictModel) };
});

/** x: numeric (mean 10, std 2); c: categories a, b and "other". Features: x, c = a, c = b, c = other. */
const PRE = preprocessorOf([
  { type: 'numeric', column: 'x', median: 10, mean: 10, std: 2 },
  { type: 'one-hot', column: 'c', categories: ['a', 'b'], other: true, missing: false },
]);

/** 21 rows: x = 1 … 21 in a scrambled order, c = a, b, z (→ other) in turn, 7 of each. */
function table(): Table {
  const order = Array.from({ length: 21 }, (_, i) => ((i * 8) % 21) + 1);
  return {
    rowCount: 21,
    columns: [
      { storage: 'number', name: 'x', values: Float64Array.from(order) },
      {
        storage: 'category',
        name: 'c',
        codes: Int32Array.from(order, (_, i) => i % 3),
        dictionary: ['a', 'b', 'z'],
      },
    ],
  };
}
const ALL = Uint32Array.from({ length: 21 }, (_, i) => i);

/** Regression: f = 2·(x − 10)/2 + 1·[a] + 3·[b] + 5·[other] + 0.5 = x − 10 + c-effect + 0.5. */
const LINEAR: LinearModel = {
  kind: 'linear',
  version: 1,
  task: 'regression',
  classes: 1,
  features: 4,
  weights: [[2, 1, 3, 5]],
  bias: [0.5],
  l2: 0,
  history: { epochs: 1, bestEpoch: 1, stop: 'epochs', trainLoss: [0] },
};

const leaf = (value: number[]): TreeNode => ({
  feature: -1,
  threshold: 0,
  left: -1,
  right: -1,
  value,
  samples: 1,
  weight: 1,
  impurity: 0,
  gain: 0,
});
const split = (feature: number, threshold: number, left: number, right: number): TreeNode => ({
  ...leaf([]),
  feature,
  threshold,
  left,
  right,
});
/** One split on `feature` at `threshold`, leaves `low` (≤) and `high`. */
const stump = (
  task: TreeModel['task'],
  feature: number,
  threshold: number,
  low: number[],
  high: number[],
): TreeModel => ({
  kind: 'tree',
  task,
  classes: low.length,
  features: 4,
  nodes: [split(feature, threshold, 1, 2), leaf(low), leaf(high)],
});

describe('partialDependence', () => {
  it('averages a regression over the rows at the 5th, 50th and 95th percentile of x, in one call', () => {
    vi.mocked(predictModel).mockClear();
    // Sorted x is 1 … 21; levels 0.05, 0.5, 0.95 of 20 ranks → ranks 1, 10, 19 → 2, 11, 20. The mean c-effect
    // is (1 + 3 + 5)/3 = 3, so PD(v) = v − 10 + 3 + 0.5.
    expect(partialDependence(LINEAR, PRE, table(), ALL, 'x', { gridSize: 3 })).toEqual({
      column: 'x',
      kind: 'numeric',
      points: [
        { value: 2, mean: -4.5 },
        { value: 11, mean: 4.5 },
        { value: 20, mean: 13.5 },
      ],
    });
    expect(predictModel).toHaveBeenCalledTimes(1);
    expect(vi.mocked(predictModel).mock.calls[0][2]).toBe(3 * 21);
  });

  it('uses the categories (not "other") as the grid, zeroing the rest of the span', () => {
    // The mean of x − 10 over 1 … 21 is 1; PD(a) = 1 + 1 + 0.5, PD(b) = 1 + 3 + 0.5.
    expect(partialDependence(LINEAR, PRE, table(), ALL, 'c')).toEqual({
      column: 'c',
      kind: 'categorical',
      points: [
        { value: 'a', mean: 2.5 },
        { value: 'b', mean: 4.5 },
      ],
    });
    // A tree on "c = b": the rows that were b must leave the right leaf when set to a.
    const tree = stump('binary', 2, 0.5, [0.75, 0.25], [0.5, 0.5]);
    expect(partialDependence(tree, PRE, table(), ALL, 'c').points).toEqual([
      { value: 'a', mean: 0.25 },
      { value: 'b', mean: 0.5 },
    ]);
  });

  it('predicts P(positive) for binary and P(class) for multiclass', () => {
    // Split at x ≤ 10 (standardised 0); grid 2, 11, 20 → left, right, right.
    const binary = stump('binary', 0, 0, [0.75, 0.25], [0.5, 0.5]);
    const means = (model: TreeModel, classIndex?: number) =>
      partialDependence(model, PRE, table(), ALL, 'x', { gridSize: 3, classIndex }).points.map((p) => p.mean);
    expect(means(binary)).toEqual([0.25, 0.5, 0.5]);
    const multi = stump('multiclass', 0, 0, [0.5, 0.25, 0.25], [0.125, 0.125, 0.75]);
    expect(means(multi)).toEqual([0.5, 0.125, 0.125]);
    expect(means(multi, 2)).toEqual([0.25, 0.75, 0.75]);
    expect(() => means(multi, 3)).toThrow(RangeError);
  });

  it('samples the first maxRows rows, skips missing values and dedupes a column of few values', () => {
    const t: Table = {
      rowCount: 6,
      columns: [
        { storage: 'number', name: 'x', values: Float64Array.from([5, 15, NaN, 5, 15, 100]) },
        {
          storage: 'category',
          name: 'c',
          codes: Int32Array.from([0, 0, 0, 1, 1, 1]),
          dictionary: ['a', 'b'],
        },
      ],
    };
    const rows = Uint32Array.from([0, 1, 2, 3, 4, 5]);
    // Rows 0 … 4: x values 5, 15, 5, 15 → grid 5, 15; c-effects 1, 1, 1, 3, 3 → mean 1.8.
    expect(partialDependence(LINEAR, PRE, t, rows, 'x', { maxRows: 5 }).points).toEqual([
      { value: 5, mean: 5 - 10 + 1.8 + 0.5 },
      { value: 15, mean: 15 - 10 + 1.8 + 0.5 },
    ]);
  });

  it('reads a numeric column stored as text, and has no points for a column with no values', () => {
    const t: Table = {
      rowCount: 2,
      columns: [{ storage: 'category', name: 'x', codes: Int32Array.from([1, 0]), dictionary: ['4', '16'] }],
    };
    // c is absent: no feature set (no "missing" feature), so f = x − 10 + 0.5.
    expect(partialDependence(LINEAR, PRE, t, Uint32Array.from([0, 1]), 'x').points).toEqual([
      { value: 4, mean: -5.5 },
      { value: 16, mean: 6.5 },
    ]);
    expect(
      partialDependence(LINEAR, PRE, { rowCount: 2, columns: [] }, Uint32Array.from([0, 1]), 'x').points,
    ).toEqual([]);
  });

  it('refuses a column the preprocessor does not use and bad options', () => {
    expect(() => partialDependence(LINEAR, PRE, table(), ALL, 'y')).toThrow(RangeError);
    expect(() => partialDependence(LINEAR, PRE, table(), ALL, 'x', { gridSize: 0 })).toThrow(RangeError);
    expect(() => partialDependence(LINEAR, PRE, table(), ALL, 'x', { maxRows: 1.5 })).toThrow(RangeError);
  });
});
