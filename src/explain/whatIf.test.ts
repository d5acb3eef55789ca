import { describe, expect, it, vi } from 'vitest';
import { preprocessorOf } from '../features/preprocess';
import type { LinearModel } from '../ml/linear/model';
import { predictModel } from '../pipeline/models';
import { predictRows, smallestFlips } from './whatIf';

// Count the model calls, to check that every candidate change is scored in one batch.
vi.mock('../pipeline/models', async (importOriginal) => {
  const original = await importOriginal<typeof import('../pipeline/models')>();
  return { ...original, predictModel: vi.fn(original.predictModel) };
});

/** age: numeric (median 40, mean 40, std 10), so the grid is 10 … 70 in steps of 0.5; workclass: 3 categories. */
const PRE = preprocessorOf([
  { type: 'numeric', column: 'age', median: 40, mean: 40, std: 10 },
  {
    type: 'one-hot',
    column: 'workclass',
    categories: ['Private', 'Public', 'Self'],
    other: true,
    missing: true,
  },
]);

/** Logistic model: z = (age − 40)/10 + 0.45·Private − 3·Public + 1.5·Self, P = σ(z). */
function linear(task: LinearModel['task'] = 'binary', classes = 2): LinearModel {
  const outputs = task === 'multiclass' ? classes : 1;
  return {
    kind: 'linear',
    version: 1,
    task,
    classes,
    features: 6,
    weights: Array.from({ length: outputs }, () => [1, 0.45, -3, 1.5, 0, 0]),
    bias: Array.from({ length: outputs }, () => 0),
    l2: 0,
    history: { epochs: 1, bestEpoch: 1, stop: 'epochs', trainLoss: [0] },
  };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const f = Math.fround;

describe('predictRows', () => {
  it('scores raw rows with the model', () => {
    const p = predictRows(linear(), PRE, [
      { age: 50, workclass: 'Self' },
      { age: null, workclass: 'Public' },
    ]);
    expect(Array.from(p)).toEqual([sigmoid(1 + 1.5), sigmoid(-3)]);
  });
});

describe('smallestFlips', () => {
  it('finds the nearest integer age and the category that flips a negative decision, cheapest first', () => {
    vi.mocked(predictModel).mockClear();
    // z = −0.7 + 0.45 < 0: negative. Age flips from 35.5 up (integers: 36); Self flips (z = 0.8), Public does not.
    const flips = smallestFlips(linear(), PRE, { age: 33, workclass: 'Private' }, { threshold: 0.5 });
    expect(flips).toEqual([
      { column: 'age', from: 33, to: 36, score: sigmoid(f(-0.4) + 0.45), cost: 0.3 },
      { column: 'workclass', from: 'Private', to: 'Self', score: sigmoid(f(-0.7) + 1.5), cost: 1 },
    ]);
    // One call for the row itself, one for the 60 other integer ages (10 … 70) and 2 categories together.
    expect(predictModel).toHaveBeenCalledTimes(2);
    expect(vi.mocked(predictModel).mock.calls[1][2]).toBe(60 + 2);
  });

  it('flips a positive decision, and among categories takes the one that moves the score furthest', () => {
    // z = 0.5 − 3: negative; Private (z = 0.95) and Self (z = 2) both flip, Self further. Age needs z ≥ 0: 70.
    expect(smallestFlips(linear(), PRE, { age: 45, workclass: 'Public' }, { threshold: 0.5 })).toEqual([
      { column: 'workclass', from: 'Public', to: 'Self', score: sigmoid(0.5 + 1.5), cost: 1 },
      { column: 'age', from: 45, to: 70, score: sigmoid(0), cost: 2.5 },
    ]);
    // z = 1 + 1.5: positive. Public flips it (z = −2); age must fall below 25: 24.
    expect(smallestFlips(linear(), PRE, { age: 50, workclass: 'Self' }, { threshold: 0.5 })).toEqual([
      { column: 'workclass', from: 'Self', to: 'Public', score: sigmoid(1 - 3), cost: 1 },
      { column: 'age', from: 50, to: 24, score: sigmoid(f(-1.6) + 1.5), cost: 2.6 },
    ]);
  });

  it('measures a missing number from the median and keeps the row value as given', () => {
    // Both missing: age → 40, workclass → its "missing" feature (weight 0), so z = 0 and P = 0.5: positive (the
    // threshold itself counts as positive). Age 39 gives z = −0.1; Public gives z = −3.
    expect(smallestFlips(linear(), PRE, { age: null, workclass: null }, { threshold: 0.5 })).toEqual([
      { column: 'age', from: null, to: 39, score: sigmoid(f(-0.1)), cost: 0.1 },
      { column: 'workclass', from: null, to: 'Public', score: sigmoid(-3), cost: 1 },
    ]);
    // age '' → 40 (z = 0.45, positive); age 35 gives z = −0.05.
    expect(smallestFlips(linear(), PRE, { age: '', workclass: 'Private' }, { threshold: 0.5 })).toEqual([
      { column: 'age', from: '', to: 35, score: sigmoid(-0.5 + 0.45), cost: 0.5 },
      { column: 'workclass', from: 'Private', to: 'Public', score: sigmoid(-3), cost: 1 },
    ]);
  });

  it('keeps the grid unrounded for a non-integer value, and takes the grid size option', () => {
    // Needs age ≥ 35.5; the grid holds 35.5 (z = f(−0.45) + 0.45 = 0.45 − f(0.45), just above 0).
    const [age] = smallestFlips(linear(), PRE, { age: 33.25, workclass: 'Private' }, { threshold: 0.5 });
    expect(age).toEqual({
      column: 'age',
      from: 33.25,
      to: 35.5,
      score: sigmoid(f(-0.45) + 0.45),
      cost: 0.225,
    });
    // A 3-point grid: 10, 40, 70; only 40 and 70 flip, 40 is nearer.
    const [coarse] = smallestFlips(
      linear(),
      PRE,
      { age: 33, workclass: 'Private' },
      { threshold: 0.5, numericGrid: 3 },
    );
    expect(coarse).toEqual({ column: 'age', from: 33, to: 40, score: sigmoid(0.45), cost: 0.7 });
  });

  it('gives an empty list when nothing flips, and refuses a model that is not binary', () => {
    const always = { ...linear(), weights: [[0, 0, 0, 0, 0, 0]], bias: [2] };
    expect(smallestFlips(always, PRE, { age: 30, workclass: 'Public' }, { threshold: 0.5 })).toEqual([]);
    const row = { age: 30, workclass: 'Public' };
    expect(() => smallestFlips(linear('regression', 1), PRE, row, { threshold: 0.5 })).toThrow(RangeError);
    expect(() => smallestFlips(linear('multiclass', 3), PRE, row, { threshold: 0.5 })).toThrow(RangeError);
    expect(() => smallestFlips(linear(), PRE, row, { threshold: 0.5, numericGrid: 1 })).toThrow(RangeError);
  });
});
