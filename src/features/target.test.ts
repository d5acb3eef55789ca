import { describe, it, expect } from 'vitest';
import type { CategoryColumn, NumberColumn, Table } from '../data/types';
import { encodeTarget, targetStrata } from './target';

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
const tableOf = (column: NumberColumn | CategoryColumn, rowCount: number): Table => ({
  rowCount,
  columns: [{ ...numbers(Array(rowCount).fill(0)), name: 'x' }, column],
});

describe('encodeTarget', () => {
  it('encodes a binary target as 1 for the chosen positive class, 0 for the other, NaN for missing', () => {
    const t = tableOf(categories(['no', 'yes'], [0, 1, -1, 0]), 4);
    expect(encodeTarget(t, 'y', 'binary', 'no')).toEqual({
      y: Float64Array.from([1, 0, NaN, 1]),
      classes: ['yes', 'no'],
    });
  });

  it('picks the default positive class when none is chosen (">50K" reads favourable)', () => {
    const t = tableOf(categories(['<=50K', '>50K'], [0, 0, 1, 0]), 4);
    const { y, classes } = encodeTarget(t, 'y', 'binary', null);
    expect(classes).toEqual(['<=50K', '>50K']);
    expect([...y]).toEqual([0, 0, 1, 0]);
  });

  it('matches a number column by its label and joins several negative classes', () => {
    const t = tableOf(numbers([2, 0, 1, 2, NaN, 2, 1]), 7);
    const { y, classes } = encodeTarget(t, 'y', 'binary', '1');
    expect([...y]).toEqual([0, 0, 1, 0, NaN, 0, 1]);
    expect(classes).toEqual(['2 / 0', '1']);
  });

  it('encodes a multiclass target as the index of its class, classes most frequent first', () => {
    const t = tableOf(categories(['a', 'b', 'c', 'unused'], [2, 1, 2, -1, 0, 1, 2]), 7);
    // c ×3, b ×2, a ×1; 'unused' has no rows and is no class.
    expect(encodeTarget(t, 'y', 'multiclass', null)).toEqual({
      y: Float64Array.from([0, 1, 0, NaN, 2, 1, 0]),
      classes: ['c', 'b', 'a'],
    });
  });

  it('breaks multiclass frequency ties by label and labels numbers as text', () => {
    const t = tableOf(numbers([3, 1, 2, 2, 1, NaN]), 6);
    expect(encodeTarget(t, 'y', 'multiclass', null)).toEqual({
      y: Float64Array.from([2, 0, 1, 1, 0, NaN]),
      classes: ['1', '2', '3'],
    });
  });

  it('passes regression values through, parsing text, NaN for missing', () => {
    expect(encodeTarget(tableOf(numbers([1.5, NaN, -2]), 3), 'y', 'regression', null)).toEqual({
      y: Float64Array.from([1.5, NaN, -2]),
      classes: [],
    });
    const text = tableOf(categories(['2,5', '7'], [1, 0, -1]), 3);
    expect([...encodeTarget(text, 'y', 'regression', null).y]).toEqual([7, 2.5, NaN]);
  });

  it('throws for a column the table lacks', () => {
    expect(() => encodeTarget(tableOf(numbers([1]), 1), 'nope', 'regression', null)).toThrow(RangeError);
  });
});

describe('targetStrata', () => {
  it('gives each row its class, or one stratum for regression, and -1 where the target is missing', () => {
    const y = Float64Array.from([1, 0, NaN, 2]);
    expect([...targetStrata({ y, classes: ['a', 'b', 'c'] }, 'multiclass')]).toEqual([1, 0, -1, 2]);
    expect([...targetStrata({ y, classes: [] }, 'regression')]).toEqual([0, 0, -1, 0]);
  });
});
