import { describe, expect, it } from 'vitest';
import type { Table } from '../data/types';
import { preprocessorOf, transform } from '../features/preprocess';
import { featuresOf, rawRowsOf, tableOfRows, type RawRow } from './rows';

/** age: numeric (median 40, mean 40, std 10); workclass: two categories, "other" and "missing". */
const PRE = preprocessorOf([
  { type: 'numeric', column: 'age', median: 40, mean: 40, std: 10 },
  { type: 'one-hot', column: 'workclass', categories: ['Private', 'Public'], other: true, missing: true },
]);

const ROWS: RawRow[] = [
  { age: 30, workclass: 'Private', extra: 'ignored' },
  { age: '45', workclass: ' Public ' },
  { age: '', workclass: null },
  { age: null, workclass: '' },
  { age: 'abc', workclass: 'Unknown' },
  {},
  { age: '1,5', workclass: 7 },
];

describe('tableOfRows', () => {
  it('makes a number column per numeric encoder and a category column per one-hot encoder', () => {
    const table = tableOfRows(PRE, ROWS);
    expect(table.rowCount).toBe(7);
    expect(table.columns.map((c) => c.name)).toEqual(['age', 'workclass']);
    const [age, workclass] = table.columns;
    expect(age.storage).toBe('number');
    if (age.storage !== 'number') return;
    expect(Array.from(age.values)).toEqual([30, 45, NaN, NaN, NaN, NaN, 1.5]);
    expect(workclass).toEqual({
      storage: 'category',
      name: 'workclass',
      codes: Int32Array.from([0, 1, -1, -1, 2, -1, 3]),
      dictionary: ['Private', 'Public', 'Unknown', '7'],
    });
  });

  it('makes an empty table of no rows', () => {
    expect(tableOfRows(PRE, []).rowCount).toBe(0);
    expect(featuresOf(PRE, [])).toEqual(new Float32Array(0));
  });
});

describe('featuresOf', () => {
  it('encodes rows as transform does: standardised, median for missing, other and missing features', () => {
    const X = featuresOf(PRE, ROWS);
    const f = Math.fround;
    // prettier-ignore
    expect(Array.from(X)).toEqual([
      -1, 1, 0, 0, 0,
      0.5, 0, 1, 0, 0,
      0, 0, 0, 0, 1,
      0, 0, 0, 0, 1,
      0, 0, 0, 1, 0,
      0, 0, 0, 0, 1,
      f((1.5 - 40) / 10), 0, 0, 1, 0,
    ]);
  });
});

describe('rawRowsOf', () => {
  /**
   * age as numbers, workclass as text, hours (numeric) stored as text, grade (one-hot of numbers) stored as
   * numbers, and zip, which the table lacks.
   */
  const pre = preprocessorOf([
    ...PRE.encoders,
    { type: 'numeric', column: 'hours', median: 40, mean: 38, std: 4 },
    { type: 'one-hot', column: 'grade', categories: ['1', '2'], other: false, missing: true },
    { type: 'one-hot', column: 'zip', categories: ['9000'], other: true, missing: true },
  ]);
  const table: Table = {
    rowCount: 3,
    columns: [
      { storage: 'category', name: 'hours', codes: Int32Array.from([0, 1, -1]), dictionary: ['45', 'lots'] },
      { storage: 'number', name: 'age', values: Float64Array.from([52, NaN, 19]) },
      { storage: 'number', name: 'grade', values: Float64Array.from([2, 1, NaN]) },
      {
        storage: 'category',
        name: 'workclass',
        codes: Int32Array.from([1, -1, 0]),
        dictionary: ['Private', 'Self'],
      },
    ],
  };

  it('reads numbers, labels and null for missing or absent values', () => {
    expect(rawRowsOf(pre, table, Uint32Array.from([2, 0, 1]))).toEqual([
      { age: 19, workclass: 'Private', hours: null, grade: null, zip: null },
      { age: 52, workclass: 'Self', hours: 45, grade: 2, zip: null },
      { age: null, workclass: null, hours: null, grade: 1, zip: null },
    ]);
  });

  it('gives back the features transform gives', () => {
    const rows = Uint32Array.from([0, 1, 2]);
    expect(featuresOf(pre, rawRowsOf(pre, table, rows))).toEqual(transform(pre, table, rows));
  });

  it('refuses a row outside the table', () => {
    expect(() => rawRowsOf(pre, table, Uint32Array.from([3]))).toThrow(RangeError);
  });
});
