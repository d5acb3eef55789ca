import { describe, it, expect } from 'vitest';
import type { CategoryColumn, Column, ColumnKind, NumberColumn, Table } from '../data/types';
import { fitPreprocessor, transform, type Preprocessor } from './preprocess';

const numbers = (name: string, values: number[]): NumberColumn => ({
  storage: 'number',
  name,
  values: Float64Array.from(values),
});
const categories = (name: string, dictionary: string[], codes: number[]): CategoryColumn => ({
  storage: 'category',
  name,
  codes: Int32Array.from(codes),
  dictionary,
});
const lengthOf = (c: Column) => (c.storage === 'number' ? c.values.length : c.codes.length);
const tableOf = (...columns: Column[]): Table => ({ rowCount: lengthOf(columns[0]), columns });
const rows = (...r: number[]) => Uint32Array.from(r);
const TRAIN = rows(0, 1, 2, 3);

// Rows 0–3 train, 4–5 test. Training ages 1, missing, 3, 8: median 3, imputed 1, 3, 3, 8, mean 3.75,
// squared deviations 7.5625 + 0.5625 + 0.5625 + 18.0625 = 26.75, population std √(26.75 / 4) = √6.6875.
const age = numbers('age', [1, NaN, 3, 8, 1000, NaN]);
const STD = Math.sqrt(6.6875);
// Training colours red, red, blue, missing; green and pink appear only in test rows.
const color = categories('color', ['red', 'blue', 'green', 'pink'], [0, 0, 1, -1, 2, 3]);

/** Row `r` of a row-major matrix. */
const row = (m: Float32Array, width: number, r: number) => [...m.subarray(r * width, (r + 1) * width)];

describe('fitPreprocessor: numeric columns', () => {
  it('imputes the training median, then standardises with the mean and population std of imputed values', () => {
    const pre = fitPreprocessor(tableOf(age), ['numeric'], ['age'], TRAIN);
    // min and max of the training values (missing left out) bound the what-if editor's suggestions.
    expect(pre.encoders).toEqual([
      { type: 'numeric', column: 'age', median: 3, mean: 3.75, std: STD, min: 1, max: 8 },
    ]);
    expect(pre.featureNames).toEqual(['age']);
    const m = transform(pre, tableOf(age), rows(0, 1, 4, 5));
    const expected = [(1 - 3.75) / STD, (3 - 3.75) / STD, (1000 - 3.75) / STD, (3 - 3.75) / STD];
    expect(m).toEqual(Float32Array.from(expected));
  });

  it('fits on training rows only: a value that appears only in test rows changes no fitted number', () => {
    const changed = numbers('age', [1, NaN, 3, 8, -5e6, 42]);
    const a = fitPreprocessor(tableOf(age), ['numeric'], ['age'], TRAIN);
    const b = fitPreprocessor(tableOf(changed), ['numeric'], ['age'], TRAIN);
    expect(b).toEqual(a);
  });

  it('takes the mean of the two middle values as the median of an even count', () => {
    const pre = fitPreprocessor(
      tableOf(numbers('x', [4, 1, 2, 10, NaN])),
      ['numeric'],
      ['x'],
      rows(0, 1, 2, 3, 4),
    );
    expect(pre.encoders[0]).toMatchObject({ median: 3, mean: (4 + 1 + 2 + 10 + 3) / 5 });
  });

  it('parses a category column of kind numeric, decimal commas included', () => {
    const x = categories('x', ['1,5', '2', 'n/a'], [0, 1, 2, 1]);
    // Training values 1.5, 2, (unparsable → missing), 2: median 2, imputed mean (1.5 + 2 + 2 + 2) / 4.
    const pre = fitPreprocessor(tableOf(x), ['numeric'], ['x'], rows(0, 1, 2, 3));
    expect(pre.encoders[0]).toMatchObject({ median: 2, mean: 1.875 });
  });
});

describe('fitPreprocessor: categorical columns', () => {
  it('writes one feature per category and a missing feature, names readable', () => {
    const pre = fitPreprocessor(tableOf(color), ['categorical'], ['color'], TRAIN, { minCategoryCount: 1 });
    expect(pre.encoders).toEqual([
      { type: 'one-hot', column: 'color', categories: ['red', 'blue'], other: false, missing: true },
    ]);
    expect(pre.featureNames).toEqual(['color = red', 'color = blue', 'color = missing']);
    const m = transform(pre, tableOf(color), rows(0, 2, 3, 4));
    expect([row(m, 3, 0), row(m, 3, 1), row(m, 3, 2), row(m, 3, 3)]).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, 0], // green, unseen in training and no "other" feature: all zero
    ]);
  });

  it('folds categories rarer than minCategoryCount into "other", where unseen values go too', () => {
    const pre = fitPreprocessor(tableOf(color), ['categorical'], ['color'], TRAIN, { minCategoryCount: 2 });
    expect(pre.featureNames).toEqual(['color = red', 'color = other', 'color = missing']);
    const m = transform(pre, tableOf(color), rows(2, 4, 5));
    expect([row(m, 3, 0), row(m, 3, 1), row(m, 3, 2)]).toEqual([
      [0, 1, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
  });

  it('keeps only the maxCategories most frequent categories, ties by label', () => {
    const c = categories('c', ['b', 'a', 'z'], [2, 2, 0, 1, 2, 0, 1]);
    const pre = fitPreprocessor(tableOf(c), ['categorical'], ['c'], rows(0, 1, 2, 3, 4, 5, 6), {
      minCategoryCount: 1,
      maxCategories: 2,
    });
    expect(pre.featureNames).toEqual(['c = z', 'c = a', 'c = other']);
  });

  it('labels a number column of kind boolean or categorical by its numbers as text', () => {
    const flag = numbers('flag', [1, 0, 1, 1, 2, NaN]);
    const pre = fitPreprocessor(tableOf(flag), ['boolean'], ['flag'], TRAIN, { minCategoryCount: 1 });
    expect(pre.featureNames).toEqual(['flag = 1', 'flag = 0']);
    expect([...transform(pre, tableOf(flag), rows(1, 4, 5))]).toEqual([0, 1, 0, 0, 0, 0]);
  });
});

describe('fitPreprocessor: left-out columns and layout', () => {
  it('leaves out identifier, text and date kinds, constant and all-missing columns, with the reason', () => {
    const table = tableOf(
      numbers('id', [1, 2, 3, 4, 5, 6]),
      categories('note', ['a', 'b', 'c', 'd'], [0, 1, 2, 3, 0, 1]),
      categories('day', ['2024-01-01', '2024-01-02'], [0, 1, 0, 1, 0, 1]),
      numbers('flat', [5, NaN, 5, 5, 6, 7]),
      numbers('empty', [NaN, NaN, NaN, NaN, 1, 2]),
      categories('one', ['x', 'y'], [0, 0, 0, 0, 1, 1]),
      categories('rare', ['p', 'q', 'r', 's'], [0, 1, 2, 3, 0, 0]),
    );
    const kinds: ColumnKind[] = [
      'identifier',
      'text',
      'date',
      'numeric',
      'numeric',
      'categorical',
      'categorical',
    ];
    const pre = fitPreprocessor(table, kinds, ['id', 'note', 'day', 'flat', 'empty', 'one', 'rare'], TRAIN);
    expect(pre.encoders).toEqual([]);
    expect(pre.leftOut).toEqual([
      { column: 'id', reason: 'identifier' },
      { column: 'note', reason: 'text' },
      { column: 'day', reason: 'date' },
      { column: 'flat', reason: 'constant' },
      { column: 'empty', reason: 'all-missing' },
      { column: 'one', reason: 'constant' },
      { column: 'rare', reason: 'constant' }, // every category folds into "other": one feature, always 1
    ]);
  });

  it('keeps a single category with missing values, since missingness varies', () => {
    const c = categories('c', ['x'], [0, -1, 0, 0]);
    const pre = fitPreprocessor(tableOf(c), ['categorical'], ['c'], TRAIN, { minCategoryCount: 1 });
    expect(pre.featureNames).toEqual(['c = x', 'c = missing']);
  });

  it('records each encoder span and lays features out in input order', () => {
    const pre = fitPreprocessor(tableOf(age, color), ['numeric', 'categorical'], ['color', 'age'], TRAIN, {
      minCategoryCount: 1,
    });
    expect(pre.featureNames).toEqual(['color = red', 'color = blue', 'color = missing', 'age']);
    expect(pre.spans).toEqual([
      [0, 3],
      [3, 4],
    ]);
    expect(row(transform(pre, tableOf(age, color), rows(0)), 4, 0)).toEqual([
      1,
      0,
      0,
      Math.fround(-2.75 / STD),
    ]);
  });

  it('reads a column absent from the table as missing: 0 for numbers, the missing feature for categories', () => {
    const pre = fitPreprocessor(tableOf(age, color), ['numeric', 'categorical'], ['age', 'color'], TRAIN, {
      minCategoryCount: 1,
    });
    const other = tableOf(numbers('unrelated', [1, 2]));
    expect([...transform(pre, other, rows(0, 1))]).toEqual([
      Math.fround(-0.75 / STD),
      0,
      0,
      1,
      Math.fround(-0.75 / STD),
      0,
      0,
      1,
    ]);
  });

  it('transforms identically after a JSON round trip', () => {
    const table = tableOf(age, color);
    const pre = fitPreprocessor(table, ['numeric', 'categorical'], ['age', 'color'], TRAIN, {
      minCategoryCount: 2,
    });
    const copy = JSON.parse(JSON.stringify(pre)) as Preprocessor;
    expect(copy).toEqual(pre);
    const all = rows(0, 1, 2, 3, 4, 5);
    expect(transform(copy, table, all)).toEqual(transform(pre, table, all));
  });

  it('rejects unknown or repeated input columns, a wrong kind count, rows outside the table and bad options', () => {
    const t = tableOf(age);
    expect(() => fitPreprocessor(t, ['numeric'], ['nope'], TRAIN)).toThrow(RangeError);
    expect(() => fitPreprocessor(t, ['numeric'], ['age', 'age'], TRAIN)).toThrow(RangeError);
    expect(() => fitPreprocessor(t, [], ['age'], TRAIN)).toThrow(RangeError);
    expect(() => fitPreprocessor(t, ['numeric'], ['age'], rows(6))).toThrow(RangeError);
    expect(() => fitPreprocessor(t, ['numeric'], ['age'], TRAIN, { minCategoryCount: 0 })).toThrow(
      RangeError,
    );
    const pre = fitPreprocessor(t, ['numeric'], ['age'], TRAIN);
    expect(() => transform(pre, t, rows(0, 9))).toThrow(RangeError);
  });
});
