import { describe, it, expect } from 'vitest';
import { columnAsKind, distinctSorted, formatNumber, parseNumber, sortedNonMissing } from './convert';
import type { CategoryColumn, NumberColumn } from './types';

const categories = (dictionary: string[], codes: number[]): CategoryColumn => ({
  storage: 'category',
  name: 'c',
  codes: Int32Array.from(codes),
  dictionary,
});
const numbers = (values: number[]): NumberColumn => ({
  storage: 'number',
  name: 'n',
  values: Float64Array.from(values),
});

describe('parseNumber', () => {
  it('reads plain, signed, exponent and decimal-comma numbers', () => {
    expect([' 42 ', '-3.5', '+.5', '1e3', '1,5', '-0,25'].map(parseNumber)).toEqual([
      42, -3.5, 0.5, 1000, 1.5, -0.25,
    ]);
  });

  it('rejects blanks, hex, words, infinities and two commas', () => {
    for (const text of ['', '  ', '0x1F', 'abc', 'Infinity', '1e999', '1,000,000', '1.5.2']) {
      expect(parseNumber(text)).toBeNaN();
    }
  });
});

describe('number helpers', () => {
  it('formatNumber writes integers without a decimal point and -0 as 0', () => {
    expect([3, 2.5, -0, 1000000].map(formatNumber)).toEqual(['3', '2.5', '0', '1000000']);
  });

  it('sortedNonMissing drops NaN, sorts numerically and leaves the input alone', () => {
    const input = Float64Array.from([10, NaN, 2, 33]);
    expect(Array.from(sortedNonMissing(input))).toEqual([2, 10, 33]);
    expect(Array.from(input)).toEqual([10, NaN, 2, 33]);
  });

  it('distinctSorted merges repeated values', () => {
    expect(distinctSorted(Float64Array.from([1, 1, 2, 5, 5, 5]))).toEqual([1, 2, 5]);
  });
});

describe('columnAsKind', () => {
  it('numeric on categories parses each entry, decimal comma included', () => {
    const { column, unparsable } = columnAsKind(categories(['1,5', '2', '10'], [0, 1, 2, -1, 0]), 'numeric');
    expect(column).toEqual({ ...numbers([1.5, 2, 10, NaN, 1.5]), name: 'c' });
    expect(unparsable).toBe(0);
  });

  it('numeric on categories makes unparsable cells missing and counts them per row', () => {
    const { column, unparsable } = columnAsKind(categories(['7', 'n/a', 'x'], [0, 1, 1, 2, -1]), 'numeric');
    expect(column.storage === 'number' && Array.from(column.values)).toEqual([7, NaN, NaN, NaN, NaN]);
    expect(unparsable).toBe(3);
  });

  it('categorical on numbers labels values as strings sorted numerically', () => {
    const { column, unparsable } = columnAsKind(numbers([10, 2, NaN, 2.5, 10]), 'categorical');
    expect(column).toEqual({
      storage: 'category',
      name: 'n',
      dictionary: ['2', '2.5', '10'],
      codes: Int32Array.from([2, 0, -1, 1, 2]),
    });
    expect(unparsable).toBe(0);
  });

  it('boolean, text, identifier and date on numbers also give categories', () => {
    for (const kind of ['boolean', 'text', 'identifier', 'date'] as const) {
      expect(columnAsKind(numbers([0, 1]), kind).column.storage).toBe('category');
    }
  });

  it('treats -0 and 0 as one category', () => {
    const { column } = columnAsKind(numbers([0, -0]), 'categorical');
    expect(column.storage === 'category' && [column.dictionary, Array.from(column.codes)]).toEqual([
      ['0'],
      [0, 0],
    ]);
  });

  it('returns the same column when the storage already fits the kind', () => {
    const n = numbers([1, 2]);
    const c = categories(['a'], [0]);
    expect(columnAsKind(n, 'numeric').column).toBe(n);
    expect(columnAsKind(c, 'categorical').column).toBe(c);
    expect(columnAsKind(c, 'text').column).toBe(c);
  });

  it('never mutates its input', () => {
    const c = categories(['x', '3'], [0, 1, -1]);
    const n = numbers([3, NaN]);
    columnAsKind(c, 'numeric');
    columnAsKind(n, 'categorical');
    expect(c).toEqual(categories(['x', '3'], [0, 1, -1]));
    expect(n).toEqual(numbers([3, NaN]));
  });
});
