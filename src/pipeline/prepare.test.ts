import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CleaningStep, type DataSettings } from '../data/settings';
import type { Column, ColumnKind, Table } from '../data/types';
import { prepareData, prepareTest, type PreparedData } from './prepare';
import type { TableInput } from './types';

/**
 * A separate test file is cleaned with what the cleaning steps computed on the main (training) table:
 * otherwise a median imputed in the test file would be learnt from the test rows.
 */

const number = (name: string, values: number[]): Column => ({
  storage: 'number',
  name,
  values: Float64Array.from(values),
});
const category = (name: string, dictionary: string[], codes: number[]): Column => ({
  storage: 'category',
  name,
  codes: Int32Array.from(codes),
  dictionary,
});

function input(columns: Column[], kinds: ColumnKind[]): TableInput {
  const table: Table = { rowCount: columns[0].storage === 'number' ? columns[0].values.length : 0, columns };
  return { table, kinds };
}

/** Training: income known 10, 20, 30, 40 (median 25), city 'a' most frequent; label alternates. */
const TRAIN = input(
  [
    number('income', [10, NaN, 20, 30, NaN, 40]),
    category('city', ['a', 'b'], [0, 0, 1, -1, 0, 1]),
    category('label', ['no', 'yes'], [0, 1, 0, 1, 0, 1]),
  ],
  ['numeric', 'categorical', 'categorical'],
);
/** Test: income known 1000, 2000, 3000 (median 2000), city 'b' most frequent there. */
const TEST = input(
  [
    number('income', [1000, NaN, 2000, 3000, NaN]),
    category('city', ['a', 'b'], [0, 1, 1, -1, 1]),
    category('label', ['no', 'yes'], [1, 0, 1, 0, 1]),
  ],
  ['numeric', 'categorical', 'categorical'],
);

function settings(steps: CleaningStep[]): DataSettings {
  return { ...DEFAULT_SETTINGS, target: 'label', positiveClass: 'yes', steps };
}

function prepared(s: DataSettings): PreparedData {
  const result = prepareData(TRAIN, s);
  if (!result.ok) throw new Error(JSON.stringify(result.reason));
  return result.data;
}

function column(table: Table, name: string): number[] {
  const found = table.columns.find((c) => c.name === name) as Column;
  return Array.from(found.storage === 'number' ? found.values : found.codes);
}

describe('prepareTest: cleaning with the training statistics', () => {
  it('imputes the training median (25), not the test file’s own (2000)', () => {
    const s = settings([{ type: 'impute', column: 'income', strategy: 'median' }]);
    const data = prepared(s);
    expect(column(data.table, 'income')).toEqual([10, 25, 20, 30, 25, 40]);
    const test = prepareTest(TEST, s, data);
    if (!test.ok) throw new Error(JSON.stringify(test.reason));
    expect(column(test.data.table, 'income')).toEqual([1000, 25, 2000, 3000, 25]);
  });

  it('imputes the training mode of a category, not the test file’s', () => {
    const s = settings([{ type: 'impute', column: 'city', strategy: 'mode' }]);
    const test = prepareTest(TEST, s, prepared(s));
    if (!test.ok) throw new Error(JSON.stringify(test.reason));
    const city = test.data.table.columns[1];
    expect(city.storage === 'category' && city.dictionary[city.codes[3]]).toBe('a');
  });

  it('bins the test file at the training table’s default edges', () => {
    const s = settings([{ type: 'bin', column: 'income', edges: [] }]);
    const data = prepared(s);
    const test = prepareTest(TEST, s, data);
    if (!test.ok) throw new Error(JSON.stringify(test.reason));
    const [trained, tested] = [data.table.columns[0], test.data.table.columns[0]];
    expect(tested.storage === 'category' && tested.dictionary).toEqual(
      trained.storage === 'category' && trained.dictionary,
    );
    // Every known test income is above the training range: all in the top group.
    const top = trained.storage === 'category' ? trained.dictionary.length - 1 : NaN;
    expect(column(test.data.table, 'income')).toEqual([top, -1, top, top, -1]);
  });

  it('runs the steps in order, taking the median where the main table took it (after dropping rows)', () => {
    // Dropping the training rows without a city leaves incomes 10, 20, 40 (row 3 goes): median 20.
    const s = settings([
      { type: 'drop-missing', column: 'city' },
      { type: 'impute', column: 'income', strategy: 'median' },
    ]);
    const test = prepareTest(TEST, s, prepared(s));
    if (!test.ok) throw new Error(JSON.stringify(test.reason));
    expect(column(test.data.table, 'income')).toEqual([1000, 20, 2000, 20]);
  });
});
