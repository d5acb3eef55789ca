import { describe, it, expect } from 'vitest';
import { classCounts, defaultPositiveClass, inferTask, outcomeVector } from './target';
import type { CategoryColumn, NumberColumn } from './types';

const numbers = (values: number[]): NumberColumn => ({
  storage: 'number',
  name: 'y',
  values: Float64Array.from(values),
});
const categories = (dictionary: string[], codes: number[]): CategoryColumn => ({
  storage: 'category',
  name: 'y',
  codes: Int32Array.from(codes),
  dictionary,
});
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const labels = (n: number) =>
  categories(
    range(n).map((i) => `c${i}`),
    range(n),
  );

describe('inferTask', () => {
  it('returns null for fewer than two distinct values', () => {
    expect(inferTask(numbers([1, 1, NaN]), 'numeric')).toBeNull();
    expect(inferTask(categories(['a', 'unused'], [0, -1, 0]), 'categorical')).toBeNull();
    expect(inferTask(numbers([]), 'numeric')).toBeNull();
  });

  it('returns binary for exactly two distinct values', () => {
    expect(inferTask(numbers([0, 1, 1, NaN]), 'numeric')).toBe('binary');
    expect(inferTask(numbers([0.5, 2.5]), 'numeric')).toBe('binary');
    expect(inferTask(categories(['no', 'yes'], [0, 1]), 'boolean')).toBe('binary');
  });

  it('returns multiclass for 3 to 10 distinct integers of a numeric kind', () => {
    expect(inferTask(numbers([1, 2, 3]), 'numeric')).toBe('multiclass');
    expect(inferTask(numbers(range(10)), 'numeric')).toBe('multiclass');
  });

  it('returns regression for more than 10 distinct numbers or any non-integer', () => {
    expect(inferTask(numbers(range(11)), 'numeric')).toBe('regression');
    expect(inferTask(numbers([0.5, 1, 2]), 'numeric')).toBe('regression');
  });

  it('returns multiclass for 3 to 50 categories and null beyond', () => {
    expect(inferTask(labels(3), 'categorical')).toBe('multiclass');
    expect(inferTask(labels(50), 'text')).toBe('multiclass');
    expect(inferTask(labels(51), 'categorical')).toBeNull();
  });

  it('treats numbers of a non-numeric kind as categories', () => {
    expect(inferTask(numbers(range(20)), 'identifier')).toBe('multiclass');
    expect(inferTask(numbers(range(51)), 'categorical')).toBeNull();
  });
});

describe('classCounts', () => {
  it('counts categories most frequent first, ties by value, unused entries left out', () => {
    const column = categories(['b', 'a', 'c', 'unused'], [2, 0, 1, 2, -1, 0, 1]);
    expect(classCounts(column)).toEqual([
      { value: 'a', count: 2 },
      { value: 'b', count: 2 },
      { value: 'c', count: 2 },
    ]);
  });

  it('labels numbers as convert.ts does', () => {
    expect(classCounts(numbers([1, 0, 1, NaN, 2.5]))).toEqual([
      { value: '1', count: 2 },
      { value: '0', count: 1 },
      { value: '2.5', count: 1 },
    ]);
  });
});

describe('defaultPositiveClass', () => {
  const classes = (...pairs: [string, number][]) => pairs.map(([value, count]) => ({ value, count }));

  it('picks a value starting with ">" such as ">50K" even when it is the majority', () => {
    expect(defaultPositiveClass(classes(['>50K', 900], ['<=50K', 100]))).toBe('>50K');
  });

  it('picks values that read as favourable, whatever their case', () => {
    expect(defaultPositiveClass(classes(['No', 10], ['Yes', 90]))).toBe('Yes');
    expect(defaultPositiveClass(classes(['0', 10], ['1', 90]))).toBe('1');
    expect(defaultPositiveClass(classes(['FALSE', 10], ['TRUE', 90]))).toBe('TRUE');
    expect(defaultPositiveClass(classes(['bad', 10], ['Good', 90]))).toBe('Good');
    expect(defaultPositiveClass(classes(['denied', 10], ['Approved', 90]))).toBe('Approved');
  });

  it('otherwise picks the minority class', () => {
    expect(defaultPositiveClass(classes(['stay', 80], ['churn', 20]))).toBe('churn');
    expect(defaultPositiveClass(classes(['a', 5], ['b', 3], ['c', 4]))).toBe('b');
  });

  it('breaks a tie for the minority by the later value alphabetically', () => {
    expect(defaultPositiveClass(classes(['cat', 5], ['dog', 5]))).toBe('dog');
    expect(defaultPositiveClass(classes(['dog', 5], ['cat', 5]))).toBe('dog');
  });

  it('returns an empty string without classes', () => {
    expect(defaultPositiveClass([])).toBe('');
  });
});

describe('outcomeVector', () => {
  it('marks the positive class 1, other values 0 and missing NaN', () => {
    const column = categories(['<=50K', '>50K'], [0, 1, -1, 1]);
    expect(Array.from(outcomeVector(column, 'binary', '<=50K'))).toEqual([1, 0, NaN, 0]);
  });

  it('uses the default positive class when none is chosen', () => {
    const column = categories(['<=50K', '>50K'], [0, 1, -1, 0]);
    expect(Array.from(outcomeVector(column, 'binary', null))).toEqual([0, 1, NaN, 0]);
  });

  it('compares a number column by its labels', () => {
    expect(Array.from(outcomeVector(numbers([0, 1, NaN, 2]), 'multiclass', '1'))).toEqual([0, 1, NaN, 0]);
    expect(Array.from(outcomeVector(numbers([0, 1.5]), 'binary', '1.5'))).toEqual([0, 1]);
    // '1.0' is not how a number is labelled, so it matches nothing.
    expect(Array.from(outcomeVector(numbers([0, 1]), 'binary', '1.0'))).toEqual([0, 0]);
  });

  it('gives all zeros when the positive class is not a value of the column', () => {
    expect(Array.from(outcomeVector(categories(['a', 'b'], [0, 1]), 'binary', 'z'))).toEqual([0, 0]);
  });

  it('returns a copy of the numbers for regression', () => {
    const column = numbers([1.5, NaN, 3]);
    const out = outcomeVector(column, 'regression', null);
    expect(Array.from(out)).toEqual([1.5, NaN, 3]);
    expect(out).not.toBe(column.values);
  });

  it('parses categories as numbers for regression, unparsable as NaN', () => {
    const column = categories(['10', '2,5', 'n/a'], [0, 1, 2, -1]);
    expect(Array.from(outcomeVector(column, 'regression', null))).toEqual([10, 2.5, NaN, NaN]);
  });
});
