import { describe, expect, it } from 'vitest';
import { preprocessorOf } from '../features/preprocess';
import type { TreeModel, TreeNode } from '../ml/tree/cart';
import { describeSplit, pathOfRow } from './treeText';

/**
 * age: numeric (mean 38.2, std 13.1); workclass: Private, Public, "other", "missing" (features 1 … 4);
 * sex: Female and "missing" but no "other" (features 5, 6).
 */
const PRE = preprocessorOf([
  { type: 'numeric', column: 'age', median: 37, mean: 38.2, std: 13.1 },
  { type: 'one-hot', column: 'workclass', categories: ['Private', 'Public'], other: true, missing: true },
  { type: 'one-hot', column: 'sex', categories: ['Female'], other: false, missing: true },
]);

describe('describeSplit', () => {
  it('takes a numeric threshold back to the column units, with at most 2 decimals', () => {
    expect(describeSplit(PRE, 0, (37.5 - 38.2) / 13.1)).toEqual({
      column: 'age',
      left: 'age ≤ 37.5',
      right: 'age > 37.5',
    });
    expect(describeSplit(PRE, 0, (1200 - 38.2) / 13.1).left).toBe('age ≤ 1200');
    expect(describeSplit(PRE, 0, (-1 / 3 - 38.2) / 13.1).right).toBe('age > -0.33');
    expect(describeSplit(PRE, 0, (20.126 - 38.2) / 13.1).left).toBe('age ≤ 20.13');
  });

  it('names the category, "another value" or "missing" of a one-hot feature', () => {
    expect(describeSplit(PRE, 1, 0.5)).toEqual({
      column: 'workclass',
      left: 'workclass is not Private',
      right: 'workclass is Private',
    });
    expect(describeSplit(PRE, 2, 0.5).right).toBe('workclass is Public');
    expect(describeSplit(PRE, 3, 0.5)).toEqual({
      column: 'workclass',
      left: 'workclass is not another value',
      right: 'workclass is another value',
    });
    expect(describeSplit(PRE, 4, 0.5)).toEqual({
      column: 'workclass',
      left: 'workclass is not missing',
      right: 'workclass is missing',
    });
    // Without "other", the feature after the categories is "missing".
    expect(describeSplit(PRE, 6, 0.5)).toEqual({
      column: 'sex',
      left: 'sex is not missing',
      right: 'sex is missing',
    });
  });

  it('refuses a feature outside the preprocessor', () => {
    expect(() => describeSplit(PRE, 7, 0.5)).toThrow(RangeError);
    expect(() => describeSplit(PRE, -1, 0.5)).toThrow(RangeError);
  });
});

describe('pathOfRow', () => {
  const node = (feature: number, threshold: number, left: number, right: number): TreeNode => ({
    feature,
    threshold,
    left,
    right,
    value: [0.5, 0.5],
    samples: 1,
    weight: 1,
    impurity: 0,
    gain: 0,
  });
  /** Root: age ≤ 38.2 (standardised 0) → leaf 1; else workclass = Private? no → leaf 3, yes → leaf 4. */
  const tree: TreeModel = {
    kind: 'tree',
    task: 'binary',
    classes: 2,
    features: 7,
    nodes: [
      node(0, 0, 1, 2),
      node(-1, 0, -1, -1),
      node(1, 0.5, 3, 4),
      node(-1, 0, -1, -1),
      node(-1, 0, -1, -1),
    ],
  };

  it('follows the row through the tree, a missing number reading as the median', () => {
    expect(pathOfRow(tree, PRE, { age: 50, workclass: 'Private' })).toEqual([0, 2, 4]);
    expect(pathOfRow(tree, PRE, { age: 50, workclass: 'Public', sex: 'Female' })).toEqual([0, 2, 3]);
    expect(pathOfRow(tree, PRE, { age: null, workclass: 'Private' })).toEqual([0, 1]);
  });
});
