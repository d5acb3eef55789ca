import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type DataSettings } from '../data/settings';
import type { ParsedTable, ParseReport } from '../data/types';
import { analyse } from './dataSession';

const report = { rowCount: 8, columnCount: 4 } as ParseReport;

/** Eight people: sex, age, an id, and whether they were hired (women 1 of 4, men 3 of 4). */
const parsed = (): ParsedTable => ({
  table: {
    rowCount: 8,
    columns: [
      {
        storage: 'category',
        name: 'sex',
        dictionary: ['F', 'M'],
        codes: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]),
      },
      { storage: 'number', name: 'age', values: Float64Array.from([22, 35, 41, 58, 23, 36, 44, NaN]) },
      { storage: 'number', name: 'id', values: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]) },
      {
        storage: 'category',
        name: 'hired',
        dictionary: ['no', 'yes'],
        codes: Int32Array.from([1, 0, 0, 0, 1, 1, 1, 0]),
      },
    ],
  },
  kinds: ['categorical', 'numeric', 'identifier', 'categorical'],
  report,
  preview: [],
});

const settings = (patch: Partial<DataSettings>): DataSettings => ({ ...DEFAULT_SETTINGS, ...patch });
const run = (patch: Partial<DataSettings>) => {
  const result = analyse(parsed(), settings(patch));
  if (!result.ok) throw new Error(result.reason.code);
  return result.data;
};

describe('analyse', () => {
  it('profiles every column and leaves the target, sensitive attributes and identifiers out of the inputs', () => {
    const a = run({ target: 'hired', sensitive: [{ column: 'sex' }] });
    expect(a.profiles.map((p) => p.name)).toEqual(['sex', 'age', 'id', 'hired']);
    expect(a.modelInputs).toEqual(['age']);
    expect(a.leftOut).toEqual([
      { column: 'sex', reason: 'sensitive' },
      { column: 'id', reason: 'identifier' },
      { column: 'hired', reason: 'target' },
    ]);
  });

  it('includes sensitive attributes as inputs when the switch is on', () => {
    expect(
      run({ target: 'hired', sensitive: [{ column: 'sex' }], includeSensitiveInModel: true }).modelInputs,
    ).toEqual(['sex', 'age']);
  });

  it('infers a binary task with "yes" as the positive class and finds the base rates per group', () => {
    const a = run({ target: 'hired', sensitive: [{ column: 'sex' }] });
    expect(a.target).toMatchObject({ task: 'binary', inferredTask: 'binary', positiveClass: 'yes' });
    const [bias] = a.bias;
    expect(bias.groups.map((g) => [g.group, g.count, g.rate])).toEqual([
      ['F', 4, 0.25],
      ['M', 4, 0.75],
    ]);
    expect(bias.ratio).toBeCloseTo(1 / 3, 12);
    expect(bias.passesFourFifths).toBe(false);
  });

  it('bins a numeric sensitive attribute at the edges the user typed', () => {
    const a = run({ target: 'hired', sensitive: [{ column: 'age', edges: [30, 40] }] });
    expect(a.sensitive).toEqual([
      { column: 'age', groups: ['under 30', '30 to under 40', '40 and over'], edges: [30, 40] },
    ]);
    expect(a.bias[0].groups.map((g) => g.count)).toEqual([2, 2, 3]);
  });

  it('applies renames, kind overrides and cleaning steps before profiling', () => {
    const a = run({
      renames: { 0: 'gender' },
      kindOverrides: { id: 'categorical' },
      steps: [{ type: 'drop-missing', column: 'age' }],
      target: 'hired',
      sensitive: [{ column: 'gender' }],
    });
    expect(a.allColumns).toEqual(['gender', 'age', 'id', 'hired']);
    expect(a.kinds.id).toBe('categorical');
    expect(a.rowCount).toBe(7);
    expect(a.effects[0].removedByGroup[0].groups).toContainEqual({ group: 'M', before: 4, removed: 1 });
  });

  it('reports a one-class target as a problem instead of failing', () => {
    const oneClass = analyse(
      {
        ...parsed(),
        table: {
          rowCount: 2,
          columns: [
            parsed().table.columns[0],
            { storage: 'category', name: 'y', dictionary: ['a'], codes: Int32Array.from([0, 0]) },
          ],
        },
        kinds: ['categorical', 'categorical'],
      },
      settings({ target: 'y' }),
    );
    expect(oneClass.ok && oneClass.data.target?.problem?.code).toBe('target-one-class');
  });

  it('lists no classes for a regression target and counts them for a classification one', () => {
    expect(run({ target: 'age', task: 'regression' }).target).toMatchObject({ classes: [], classCount: 0 });
    expect(run({ target: 'hired' }).target).toMatchObject({ classCount: 2 });
  });

  it('explains a target with too many categories to be a class', () => {
    const many = Array.from({ length: 60 }, (_, i) => `v${i}`);
    const table = {
      rowCount: 60,
      columns: [
        { storage: 'category' as const, name: 'x', dictionary: ['a'], codes: new Int32Array(60) },
        { storage: 'category' as const, name: 'y', dictionary: many, codes: Int32Array.from(many.keys()) },
      ],
    };
    const result = analyse(
      { ...parsed(), table, kinds: ['categorical', 'categorical'] },
      settings({ target: 'y' }),
    );
    expect(result.ok && result.data.target?.problem).toEqual({
      code: 'target-too-many-classes',
      params: { column: 'y', classes: 60 },
    });
  });

  it('reports a target or sensitive attribute that a cleaning step left out', () => {
    const a = run({
      target: 'hired',
      sensitive: [{ column: 'sex' }],
      steps: [
        { type: 'exclude', column: 'hired' },
        { type: 'exclude', column: 'sex' },
      ],
    });
    expect(a.target?.problem).toEqual({ code: 'target-missing', params: { column: 'hired' } });
    expect(a.sensitiveProblems).toEqual([{ column: 'sex', reason: 'missing' }]);
    expect(a.bias).toEqual([]);
  });

  it('groups a 0/1 sensitive attribute by value, not into ranges', () => {
    const a = run({ target: 'hired', kindOverrides: { id: 'boolean' }, sensitive: [{ column: 'id' }] });
    expect(a.sensitive[0].groups).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(a.sensitive[0].edges).toBeUndefined();
  });

  it('refuses a sensitive attribute with more than 30 groups', () => {
    const many = Array.from({ length: 40 }, (_, i) => `g${i}`);
    const table = {
      rowCount: 40,
      columns: [
        { storage: 'category' as const, name: 'who', dictionary: many, codes: Int32Array.from(many.keys()) },
        {
          storage: 'category' as const,
          name: 'y',
          dictionary: ['a', 'b'],
          codes: Int32Array.from(many.keys(), (i) => i % 2),
        },
      ],
    };
    const result = analyse(
      { ...parsed(), table, kinds: ['categorical', 'categorical'] },
      settings({ target: 'y', sensitive: [{ column: 'who' }] }),
    );
    expect(result.ok && result.data.sensitiveProblems).toEqual([
      { column: 'who', reason: 'too-many-groups', groups: 40 },
    ]);
  });

  it('stops offering regression for a target binned into groups, and falls back to the task that fits', () => {
    const a = run({
      target: 'age',
      task: 'regression',
      steps: [{ type: 'bin', column: 'age', edges: [30, 40] }],
    });
    expect(a.target?.allowedTasks).toEqual(['binary', 'multiclass']);
    expect(a.target?.task).toBe('multiclass');
  });

  it('says a target has no values when none fits its kind', () => {
    const a = run({ target: 'hired', kindOverrides: { hired: 'numeric' } });
    expect(a.target?.problem?.code).toBe('target-empty');
  });

  it('counts the rows left out of the bias figures because the target is missing', () => {
    const a = run({ target: 'age', task: 'regression', sensitive: [{ column: 'sex' }] });
    expect(a.bias[0].uncounted).toBe(1);
  });
});
