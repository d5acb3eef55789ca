import { describe, it, expect } from 'vitest';
import { binColumn, binLabels, defaultEdges, groupsOf, parseEdges } from './groups';
import type { CategoryColumn, NumberColumn } from './types';

const numbers = (values: number[]): NumberColumn => ({
  storage: 'number',
  name: 'age',
  values: Float64Array.from(values),
});

describe('defaultEdges', () => {
  it('cuts at the quartiles of 1..100, rounded to two significant digits', () => {
    // Linear-interpolation quartiles of 1..100 are 25.75, 50.5 and 75.25.
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(defaultEdges(values)).toEqual([26, 51, 75]);
  });

  it('rounds large quartiles to nice numbers: 178,356 → 180,000', () => {
    expect(defaultEdges(Float64Array.from([178356, 178356, 178356, 500000, 900000]))).toEqual([
      180000, 500000,
    ]);
  });

  it('ignores missing values', () => {
    // Quartiles of 10, 20, 30, 40, 50 are 20, 30 and 40.
    expect(defaultEdges(Float64Array.from([NaN, 10, 20, NaN, 30, 40, 50]))).toEqual([20, 30, 40]);
  });

  it('merges duplicates and drops an edge at the minimum', () => {
    // Quartiles of 0,0,0,0,1 are 0, 0, 0: every one sits at the minimum.
    expect(defaultEdges(Float64Array.from([0, 0, 0, 0, 1]))).toEqual([]);
    // Quartiles of 0,1,1,1,1 are 1, 1, 1: one edge, at the maximum.
    expect(defaultEdges(Float64Array.from([0, 1, 1, 1, 1]))).toEqual([1]);
  });

  it('drops an edge that rounding pushed above the maximum', () => {
    // Quartiles of 1, 37.6, 37.6, 37.6, 37.6 are all 37.6, which rounds to 38 > max.
    expect(defaultEdges(Float64Array.from([1, 37.6, 37.6, 37.6, 37.6]))).toEqual([]);
  });

  it('gives no edges for a constant or empty column', () => {
    expect(defaultEdges(Float64Array.from([5, 5, 5]))).toEqual([]);
    expect(defaultEdges(Float64Array.from([NaN]))).toEqual([]);
  });
});

describe('binLabels', () => {
  it('names the groups between ascending edges', () => {
    expect(binLabels([25, 45, 65])).toEqual(['under 25', '25 to under 45', '45 to under 65', '65 and over']);
  });

  it('writes up to two decimals, no trailing zeros and no thousands separators', () => {
    expect(binLabels([0.125, 2.5, 180000])).toEqual([
      'under 0.13',
      '0.13 to under 2.5',
      '2.5 to under 180000',
      '180000 and over',
    ]);
  });

  it('gives a single group "all" without edges', () => {
    expect(binLabels([])).toEqual(['all']);
  });
});

describe('binColumn', () => {
  it('puts each value in the group of the last edge at or below it', () => {
    const binned = binColumn(numbers([10, 25, 44.9, 45, 65, 90, NaN]), [25, 45, 65]);
    expect(Array.from(binned.codes)).toEqual([0, 1, 1, 2, 3, 3, -1]);
    expect(binned.dictionary).toEqual(['under 25', '25 to under 45', '45 to under 65', '65 and over']);
    expect(binned.name).toBe('age');
  });

  it('puts every value in group 0 without edges', () => {
    expect(Array.from(binColumn(numbers([1, NaN, 3]), []).codes)).toEqual([0, -1, 0]);
  });
});

describe('groupsOf', () => {
  it('returns a category column as it is', () => {
    const column: CategoryColumn = {
      storage: 'category',
      name: 'sex',
      codes: Int32Array.from([1, 0, -1]),
      dictionary: ['Female', 'Male'],
    };
    const groups = groupsOf(column);
    expect(groups.codes).toBe(column.codes);
    expect(groups.labels).toBe(column.dictionary);
  });

  it('bins numbers at the given edges', () => {
    expect(groupsOf(numbers([20, 50]), [30])).toEqual({
      codes: Int32Array.from([0, 1]),
      labels: ['under 30', '30 and over'],
    });
  });

  it('bins numbers at the default edges when none are given', () => {
    // Quartiles of 10, 20, 30, 40, 50 are 20, 30 and 40.
    const groups = groupsOf(numbers([10, 20, 30, 40, 50]));
    expect(groups.labels).toEqual(['under 20', '20 to under 30', '30 to under 40', '40 and over']);
    expect(Array.from(groups.codes)).toEqual([0, 1, 2, 3, 3]);
  });
});

describe('parseEdges', () => {
  it('reads commas, semicolons and spaces as separators', () => {
    expect(parseEdges('25, 45, 65')).toEqual([25, 45, 65]);
    expect(parseEdges('25;45;  65')).toEqual([25, 45, 65]);
    expect(parseEdges(' 0.5 1e3 ')).toEqual([0.5, 1000]);
    expect(parseEdges('-10,,0')).toEqual([-10, 0]);
  });

  it('returns null for an empty list', () => {
    expect(parseEdges('')).toBeNull();
    expect(parseEdges(' , ; ')).toBeNull();
  });

  it('returns null when a part is not a finite number', () => {
    expect(parseEdges('25, forty')).toBeNull();
    expect(parseEdges('1e999')).toBeNull();
  });

  it('returns null when the numbers are not strictly ascending', () => {
    expect(parseEdges('45, 25')).toBeNull();
    expect(parseEdges('25, 25')).toBeNull();
  });
});
