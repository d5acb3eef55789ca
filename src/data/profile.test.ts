import { describe, it, expect } from 'vitest';
import { profileColumn, profileTable } from './profile';
import type { CategoryColumn, NumberColumn } from './types';

const numbers = (values: number[], name = 'n'): NumberColumn => ({
  storage: 'number',
  name,
  values: Float64Array.from(values),
});
const categories = (dictionary: string[], codes: number[], name = 'c'): CategoryColumn => ({
  storage: 'category',
  name,
  codes: Int32Array.from(codes),
  dictionary,
});
/** A category column whose row i holds label(i), every value distinct. */
const distinctLabels = (n: number, label = (i: number) => `v${i}`) =>
  categories(
    Array.from({ length: n }, (_, i) => label(i)),
    Array.from({ length: n }, (_, i) => i),
  );

describe('profileColumn on numbers', () => {
  it('computes min, max, mean, median and population std', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, std √(32/8) = 2.
    const p = profileColumn(numbers([2, 4, 4, 4, 5, 5, 7, 9, NaN, NaN]), 'numeric', 10);
    expect(p.numeric).toEqual({ min: 2, max: 9, mean: 5, median: 4.5, std: 2 });
    expect([p.rows, p.missing, p.missingShare, p.distinct]).toEqual([10, 2, 0.2, 5]);
    expect(p.topValues).toBeUndefined();
  });

  it('takes the middle value as the median of an odd count', () => {
    expect(profileColumn(numbers([3, 1, 2]), 'numeric', 3).numeric?.median).toBe(2);
  });

  it('makes one histogram bin per value for at most 20 distinct integers', () => {
    const p = profileColumn(numbers([1, 1, 3, 5, 5, 5, NaN]), 'numeric', 7);
    expect(p.histogram).toEqual([
      { from: 1, to: 2, count: 2 },
      { from: 3, to: 4, count: 1 },
      { from: 5, to: 6, count: 3 },
    ]);
  });

  it('makes 20 equal-width bins over [min, max] otherwise, the maximum in the last', () => {
    // 0, 0.5, …, 100: 201 values, bins 5 wide; each bin holds 10 values, the last also holds 100.
    const values = Array.from({ length: 201 }, (_, i) => i / 2);
    const bins = profileColumn(numbers(values), 'numeric', 201).histogram ?? [];
    expect(bins).toHaveLength(20);
    expect(bins[0]).toEqual({ from: 0, to: 5, count: 10 });
    expect(bins[19]).toEqual({ from: 95, to: 100, count: 11 });
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(201);
  });

  it('uses as many equal-width bins as distinct values when there are fewer than 20', () => {
    // 0.5, 1.5, 2.5 over [0.5, 2.5]: 3 bins of width 2/3.
    const bins = profileColumn(numbers([0.5, 1.5, 2.5]), 'numeric', 3).histogram ?? [];
    expect(bins.map((b) => b.count)).toEqual([1, 1, 1]);
  });

  it('adds a value table when numbers are meant as a non-numeric kind', () => {
    const p = profileColumn(numbers([1, 0, 1, 1, NaN]), 'boolean', 5);
    expect(p.topValues).toEqual([
      { value: '1', count: 3 },
      { value: '0', count: 1 },
    ]);
    expect(p.otherCount).toBe(0);
  });
});

describe('profileColumn on categories', () => {
  it('counts missing and distinct values, ignoring unused dictionary entries', () => {
    const p = profileColumn(categories(['a', 'b', 'unused'], [0, 1, 0, -1]), 'categorical', 4);
    expect([p.missing, p.missingShare, p.distinct]).toEqual([1, 0.25, 2]);
    expect(p.numeric).toBeUndefined();
    expect(p.histogram).toBeUndefined();
  });

  it('lists the 10 most frequent values, ties by value, and counts the rest', () => {
    // 12 values: 'l' 3 rows, 'k' 2 rows, the others 1 row each.
    const dictionary = 'lkabcdefghij'.split('');
    const codes = [0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const p = profileColumn(categories(dictionary, codes), 'categorical', codes.length);
    expect(p.topValues?.map((t) => `${t.value}${t.count}`)).toEqual(
      'l3 k2 a1 b1 c1 d1 e1 f1 g1 h1'.split(' '),
    );
    expect(p.otherCount).toBe(2);
  });
});

describe('profileColumn warnings', () => {
  it('flags an all-missing column with that warning alone', () => {
    expect(profileColumn(numbers([NaN, NaN]), 'numeric', 2).warnings).toEqual([{ code: 'all-missing' }]);
    expect(profileColumn(categories([], [-1]), 'categorical', 1).warnings).toEqual([{ code: 'all-missing' }]);
  });

  it('flags a constant column with its value', () => {
    expect(profileColumn(numbers([7, 7, 7]), 'numeric', 3).warnings).toEqual([
      { code: 'constant', value: '7' },
    ]);
    expect(profileColumn(categories(['x'], [0, 0]), 'categorical', 2).warnings).toEqual([
      { code: 'constant', value: 'x' },
    ]);
  });

  it('flags a column at least half missing with its share', () => {
    expect(profileColumn(numbers([1, 2, NaN, NaN]), 'numeric', 4).warnings).toEqual([
      { code: 'mostly-missing', share: 0.5 },
    ]);
    expect(profileColumn(numbers([1, 2, 3, NaN]), 'numeric', 4).warnings).toEqual([]);
  });

  it('flags every column of kind identifier', () => {
    expect(profileColumn(numbers([1, 2, 3]), 'identifier', 3).warnings).toEqual([{ code: 'identifier' }]);
  });

  it('flags a categorical column with 20 or more values all different as an identifier', () => {
    expect(profileColumn(distinctLabels(20), 'categorical', 20).warnings).toEqual([{ code: 'identifier' }]);
    expect(profileColumn(distinctLabels(19), 'categorical', 19).warnings).toEqual([]);
  });

  it('flags more than 50 distinct categories as high cardinality', () => {
    // 51 distinct values in 102 rows, each twice: not an identifier.
    const dictionary = Array.from({ length: 51 }, (_, i) => `v${i}`);
    const codes = Array.from({ length: 102 }, (_, i) => i % 51);
    expect(profileColumn(categories(dictionary, codes), 'text', 102).warnings).toEqual([
      { code: 'high-cardinality', distinct: 51 },
    ]);
    expect(
      profileColumn(categories(dictionary.slice(0, 50), codes.slice(0, 100)), 'text', 100).warnings,
    ).toEqual([]);
  });

  it('does not flag high cardinality on top of identifier', () => {
    expect(profileColumn(distinctLabels(60), 'categorical', 60).warnings).toEqual([{ code: 'identifier' }]);
  });

  it('gives a table without rows no warnings and a missing share of 0', () => {
    const p = profileColumn(numbers([]), 'numeric', 0);
    expect([p.missingShare, p.warnings]).toEqual([0, []]);
  });
});

describe('profileTable', () => {
  it('profiles each column with its kind', () => {
    const table = { rowCount: 2, columns: [numbers([1, 2], 'age'), categories(['a'], [0, -1], 'city')] };
    const profiles = profileTable(table, ['numeric', 'categorical']);
    expect(profiles.map((p) => [p.name, p.kind, p.missing])).toEqual([
      ['age', 'numeric', 0],
      ['city', 'categorical', 1],
    ]);
  });

  it('profiles a million distinct numbers', () => {
    const values = Float64Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    const p = profileColumn({ storage: 'number', name: 'big', values }, 'numeric', values.length);
    expect(p.distinct).toBe(1_000_000);
    expect(p.histogram).toHaveLength(20);
  });
});
