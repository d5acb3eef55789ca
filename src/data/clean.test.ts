import { describe, it, expect } from 'vitest';
import { applySteps } from './clean';
import type { CleaningStep, SensitiveChoice } from './settings';
import type { Column, ColumnKind, Table } from './types';

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

/** Six rows; age misses rows 1 and 4, sex row 4, city rows 1 and 3. */
const makeTable = (): Table => ({
  rowCount: 6,
  columns: [
    number('age', [20, NaN, 40, 60, NaN, 30]),
    category('sex', ['F', 'M'], [0, 0, 1, 1, -1, 0]),
    category('city', ['a', 'b'], [0, -1, 1, -1, 0, 0]),
  ],
});
const KINDS: ColumnKind[] = ['numeric', 'categorical', 'categorical'];

const run = (steps: CleaningStep[], sensitive: SensitiveChoice[] = [], table = makeTable()) =>
  applySteps(table, KINDS, steps, sensitive);
const values = (column: Column) => Array.from(column.storage === 'number' ? column.values : column.codes);

describe('applySteps: exclude', () => {
  it('removes the column and its kind without touching rows', () => {
    const { table, kinds, effects } = run([{ type: 'exclude', column: 'sex' }]);
    expect(table.columns.map((c) => c.name)).toEqual(['age', 'city']);
    expect(kinds).toEqual(['numeric', 'categorical']);
    expect(effects[0]).toMatchObject({ rowsBefore: 6, rowsAfter: 6, cellsChanged: 0, removedByGroup: [] });
  });
});

describe('applySteps: impute', () => {
  it('fills missing numbers with the median', () => {
    // Known ages 20, 30, 40, 60: median 35.
    const { table, effects } = run([{ type: 'impute', column: 'age', strategy: 'median' }]);
    expect(values(table.columns[0])).toEqual([20, 35, 40, 60, 35, 30]);
    expect(effects[0].cellsChanged).toBe(2);
  });

  it('fills missing numbers with the most frequent value, the smallest on a tie', () => {
    const table: Table = { rowCount: 6, columns: [number('x', [3, 2, NaN, 3, 2, 9])] };
    const result = applySteps(table, ['numeric'], [{ type: 'impute', column: 'x', strategy: 'mode' }], []);
    expect(values(result.table.columns[0])).toEqual([3, 2, 2, 3, 2, 9]);
  });

  it('fills missing categories with the most frequent value, for median too', () => {
    // city: 'a' 3 rows, 'b' 1 row.
    for (const strategy of ['mode', 'median'] as const) {
      const { table, effects } = run([{ type: 'impute', column: 'city', strategy }]);
      expect(values(table.columns[2])).toEqual([0, 0, 1, 0, 0, 0]);
      expect(effects[0].cellsChanged).toBe(2);
    }
  });

  it('fills numbers with a constant, decimal comma accepted', () => {
    const { table } = run([{ type: 'impute', column: 'age', strategy: 'constant', value: '1,5' }]);
    expect(values(table.columns[0])).toEqual([20, 1.5, 40, 60, 1.5, 30]);
  });

  it('reports bad-constant and changes nothing when the constant is not a number', () => {
    const before = makeTable();
    const { table, effects } = run(
      [{ type: 'impute', column: 'age', strategy: 'constant', value: 'abc' }],
      [],
      before,
    );
    expect(effects[0]).toMatchObject({ problem: 'bad-constant', cellsChanged: 0 });
    expect(table.columns[0]).toBe(before.columns[0]);
  });

  it('reports bad-constant for an empty category constant', () => {
    const { effects } = run([{ type: 'impute', column: 'city', strategy: 'constant', value: ' ' }]);
    expect(effects[0].problem).toBe('bad-constant');
  });

  it('adds a new category constant to the dictionary', () => {
    const { table } = run([{ type: 'impute', column: 'city', strategy: 'constant', value: ' unknown ' }]);
    const city = table.columns[2];
    expect(city.storage === 'category' && city.dictionary).toEqual(['a', 'b', 'unknown']);
    expect(values(city)).toEqual([0, 2, 1, 2, 0, 0]);
  });

  it('reuses the code of a category constant already in the dictionary', () => {
    const { table } = run([{ type: 'impute', column: 'city', strategy: 'constant', value: 'b' }]);
    const city = table.columns[2];
    expect(city.storage === 'category' && city.dictionary).toEqual(['a', 'b']);
    expect(values(city)).toEqual([0, 1, 1, 1, 0, 0]);
  });

  it('changes nothing when every value is missing', () => {
    const table: Table = { rowCount: 2, columns: [number('x', [NaN, NaN])] };
    const result = applySteps(table, ['numeric'], [{ type: 'impute', column: 'x', strategy: 'median' }], []);
    expect(result.effects[0].cellsChanged).toBe(0);
    expect(values(result.table.columns[0])).toEqual([NaN, NaN]);
  });
});

describe('applySteps: drop-missing', () => {
  it('removes the rows where the column is missing, from every column', () => {
    const { table, effects } = run([{ type: 'drop-missing', column: 'age' }]);
    expect(table.rowCount).toBe(4);
    expect(table.columns.map(values)).toEqual([
      [20, 40, 60, 30],
      [0, 1, 1, 0],
      [0, 1, -1, 0],
    ]);
    expect(effects[0]).toMatchObject({ rowsBefore: 6, rowsAfter: 4, cellsChanged: 0 });
  });

  it('counts removed rows per sensitive group, missing values as the group "missing"', () => {
    // Dropped rows 1 (F) and 4 (sex missing); F had 3 rows, M 2, missing 1.
    const { effects } = run([{ type: 'drop-missing', column: 'age' }], [{ column: 'sex' }]);
    expect(effects[0].removedByGroup).toEqual([
      {
        attribute: 'sex',
        groups: [
          { group: 'F', before: 3, removed: 1 },
          { group: 'M', before: 2, removed: 0 },
          { group: 'missing', before: 1, removed: 1 },
        ],
      },
    ]);
  });

  it('groups a numeric sensitive attribute at the choice edges, before the step', () => {
    // age under 30: row 0; 30 and over: rows 2, 3, 5; missing: rows 1, 4 (the ones dropped).
    const { effects } = run([{ type: 'drop-missing', column: 'age' }], [{ column: 'age', edges: [30] }]);
    expect(effects[0].removedByGroup[0].groups).toEqual([
      { group: 'under 30', before: 1, removed: 0 },
      { group: '30 and over', before: 3, removed: 0 },
      { group: 'missing', before: 2, removed: 2 },
    ]);
  });

  it('lists every group with 0 removed when no row is missing', () => {
    const table: Table = { rowCount: 2, columns: [number('x', [1, 2]), category('g', ['p', 'q'], [0, 1])] };
    const result = applySteps(
      table,
      ['numeric', 'categorical'],
      [{ type: 'drop-missing', column: 'x' }],
      [{ column: 'g' }],
    );
    expect(result.table.columns[0]).toBe(table.columns[0]);
    expect(result.effects[0].removedByGroup[0].groups).toEqual([
      { group: 'p', before: 1, removed: 0 },
      { group: 'q', before: 1, removed: 0 },
    ]);
  });

  it('skips sensitive attributes no longer in the table', () => {
    const steps: CleaningStep[] = [
      { type: 'exclude', column: 'sex' },
      { type: 'drop-missing', column: 'age' },
    ];
    expect(run(steps, [{ column: 'sex' }]).effects[1].removedByGroup).toEqual([]);
  });
});

describe('applySteps: bin', () => {
  it('replaces numbers by their group and makes the column categorical', () => {
    const { table, kinds, effects } = run([{ type: 'bin', column: 'age', edges: [30, 50] }]);
    const age = table.columns[0];
    expect(age.storage === 'category' && age.dictionary).toEqual([
      'under 30',
      '30 to under 50',
      '50 and over',
    ]);
    expect(values(age)).toEqual([0, -1, 1, 2, -1, 1]);
    expect(kinds[0]).toBe('categorical');
    expect(effects[0].cellsChanged).toBe(4);
  });

  it('sorts and de-duplicates edges from a hand-edited file', () => {
    const { table } = run([{ type: 'bin', column: 'age', edges: [50, 30, 30] }]);
    expect(values(table.columns[0])).toEqual([0, -1, 1, 2, -1, 1]);
  });

  it('cuts at the quartile defaults when no edges are given yet', () => {
    const { table } = run([{ type: 'bin', column: 'age', edges: [] }]);
    const age = table.columns[0];
    expect(age.storage === 'category' && age.dictionary.length).toBeGreaterThan(1);
  });

  it('reports not-numeric on a category column and changes nothing', () => {
    const { table, effects } = run([{ type: 'bin', column: 'city', edges: [1] }]);
    expect(effects[0].problem).toBe('not-numeric');
    expect(values(table.columns[2])).toEqual([0, -1, 1, -1, 0, 0]);
  });
});

describe('applySteps: order and safety', () => {
  it('reports missing-column for a column that does not exist or was excluded earlier', () => {
    const steps: CleaningStep[] = [
      { type: 'impute', column: 'income', strategy: 'median' },
      { type: 'exclude', column: 'age' },
      { type: 'drop-missing', column: 'age' },
    ];
    const { table, effects } = run(steps);
    expect(effects.map((e) => e.problem)).toEqual(['missing-column', undefined, 'missing-column']);
    expect(table.rowCount).toBe(6);
  });

  it('runs steps in order, each on the previous result', () => {
    const steps: CleaningStep[] = [
      { type: 'impute', column: 'age', strategy: 'median' },
      { type: 'drop-missing', column: 'age' },
      { type: 'drop-missing', column: 'city' },
    ];
    const { table, effects } = run(steps);
    expect(effects.map((e) => [e.rowsBefore, e.rowsAfter])).toEqual([
      [6, 6],
      [6, 6],
      [6, 4],
    ]);
    expect(values(table.columns[0])).toEqual([20, 40, 35, 30]);
  });

  it('never mutates the input table', () => {
    const input = makeTable();
    const steps: CleaningStep[] = [
      { type: 'impute', column: 'age', strategy: 'median' },
      { type: 'impute', column: 'city', strategy: 'constant', value: 'z' },
      { type: 'bin', column: 'age', edges: [30] },
      { type: 'drop-missing', column: 'sex' },
      { type: 'exclude', column: 'city' },
    ];
    run(steps, [{ column: 'sex' }], input);
    expect(input).toEqual(makeTable());
  });
});

describe('applySteps: fits, to clean another table alike', () => {
  it('reports what each step computed: a fill, edges, or null', () => {
    const steps: CleaningStep[] = [
      { type: 'impute', column: 'age', strategy: 'median' },
      { type: 'impute', column: 'city', strategy: 'mode' },
      { type: 'impute', column: 'sex', strategy: 'constant', value: 'F' },
      { type: 'drop-missing', column: 'sex' },
      { type: 'bin', column: 'age', edges: [30] },
      { type: 'exclude', column: 'city' },
    ];
    expect(run(steps).fits).toEqual([{ fill: 35 }, { fill: 'a' }, null, null, { edges: [30] }, null]);
    const empty: Table = { rowCount: 2, columns: [number('x', [NaN, NaN])] };
    const result = applySteps(empty, ['numeric'], [{ type: 'impute', column: 'x', strategy: 'median' }], []);
    expect(result.fits).toEqual([{ fill: null }]);
  });

  it('reuses given fits instead of computing on the table: fill values and default edges', () => {
    const steps: CleaningStep[] = [
      { type: 'impute', column: 'age', strategy: 'median' },
      { type: 'impute', column: 'city', strategy: 'mode' },
    ];
    // This table's own median is 35 and mode 'a'; the given fits say 99 and 'b'.
    const { table, fits } = applySteps(makeTable(), KINDS, steps, [], [{ fill: 99 }, { fill: 'b' }]);
    expect(values(table.columns[0])).toEqual([20, 99, 40, 60, 99, 30]);
    expect(values(table.columns[2])).toEqual([0, 1, 1, 1, 0, 0]);
    expect(fits).toEqual([{ fill: 99 }, { fill: 'b' }]);
    const binned = applySteps(
      makeTable(),
      KINDS,
      [{ type: 'bin', column: 'age', edges: [] }],
      [],
      [{ edges: [50] }],
    );
    expect(values(binned.table.columns[0])).toEqual([0, -1, 0, 1, -1, 0]);
  });

  it('fills nothing when the given fill is null, and converts a fill to the column’s storage', () => {
    const impute: CleaningStep[] = [{ type: 'impute', column: 'age', strategy: 'median' }];
    const none = applySteps(makeTable(), KINDS, impute, [], [{ fill: null }]);
    expect(values(none.table.columns[0])).toEqual([20, NaN, 40, 60, NaN, 30]);
    expect(none.effects[0].cellsChanged).toBe(0);
    const fromText = applySteps(makeTable(), KINDS, impute, [], [{ fill: '7.5' }]);
    expect(values(fromText.table.columns[0])).toEqual([20, 7.5, 40, 60, 7.5, 30]);
    const cityAsNumber = applySteps(
      makeTable(),
      KINDS,
      [{ type: 'impute', column: 'city', strategy: 'mode' }],
      [],
      [{ fill: 3 }],
    );
    const city = cityAsNumber.table.columns[2];
    expect(city.storage === 'category' && city.dictionary).toEqual(['a', 'b', '3']);
    expect(values(city)).toEqual([0, 2, 1, 2, 0, 0]);
  });

  it('uses saved bin edges and a constant even when fits are given', () => {
    const steps: CleaningStep[] = [
      { type: 'impute', column: 'age', strategy: 'constant', value: '1' },
      { type: 'bin', column: 'age', edges: [30, 50] },
    ];
    const { table } = applySteps(makeTable(), KINDS, steps, [], [{ fill: 99 }, { edges: [5] }]);
    expect(values(table.columns[0])).toEqual([0, 0, 1, 2, 0, 1]);
  });
});
