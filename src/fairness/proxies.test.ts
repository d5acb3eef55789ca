import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import { groupsOf } from '../data/groups';
import type { Column, Table } from '../data/types';
import { splitRows } from '../features/split';
import { findProxies } from './proxies';

const category = (name: string, values: string[]): Column => {
  const dictionary = [...new Set(values)];
  return {
    name,
    storage: 'category',
    dictionary,
    codes: Int32Array.from(values, (v) => dictionary.indexOf(v)),
  };
};
const numbers = (name: string, values: number[]): Column => ({
  name,
  storage: 'number',
  values: Float64Array.from(values),
});

describe('the proxy finder', () => {
  // 40 rows: "relationship" gives sex away (Husband → M, Wife → F), "id" is unique per row, "shoe" tracks sex
  // through its value, "coin" says nothing.
  const n = 40;
  const sex = Array.from({ length: n }, (_, r) => (r % 2 === 0 ? 'M' : 'F'));
  const table: Table = {
    rowCount: n,
    columns: [
      category('sex', sex),
      category(
        'relationship',
        sex.map((s) => (s === 'M' ? 'Husband' : 'Wife')),
      ),
      numbers(
        'id',
        Array.from({ length: n }, (_, r) => r),
      ),
      numbers(
        'shoe',
        sex.map((s, r) => (s === 'M' ? 43 : 38) + (r % 3) * 0.5),
      ),
      category(
        'coin',
        Array.from({ length: n }, (_, r) => (Math.floor(r / 2) % 2 ? 'heads' : 'tails')),
      ),
    ],
  };
  const attribute = { column: 'sex', ...groupsOf(table.columns[0]) };
  const train = Uint32Array.from({ length: 30 }, (_, i) => i);
  const test = Uint32Array.from({ length: 10 }, (_, i) => 30 + i);

  it('ranks a column that gives the attribute away first, with a score of 1', () => {
    const found = findProxies(table, ['id', 'coin', 'shoe', 'relationship', 'sex'], attribute, {
      train,
      test,
    });
    expect(found.map((p) => p.feature)).toEqual(['shoe', 'relationship', 'id', 'coin']);
    expect(found[0]).toEqual({ feature: 'shoe', attribute: 'sex', score: 1, chance: 0.5 });
    expect(found[1].score).toBe(1);
  });

  it('does not mistake a column that memorises rows (an id) for a proxy', () => {
    // A text id, unique per row, with held-out rows interleaved among the training ones: every held-out id
    // is a value training never saw, so the rule can only guess the largest group, which is chance.
    const ids: Table = {
      rowCount: n,
      columns: [
        ...table.columns,
        category(
          'code',
          sex.map((_, r) => `id-${r}`),
        ),
      ],
    };
    const everyFifth = {
      train: Uint32Array.from({ length: n }, (_, r) => r).filter((r) => r % 5 !== 4),
      test: Uint32Array.from({ length: n / 5 }, (_, i) => 5 * i + 4), // 4 M and 4 F
    };
    const found = findProxies(ids, ['code'], attribute, everyFifth);
    expect(found[0]).toMatchObject({ feature: 'code', score: 0.5, chance: 0.5 });
    // The same column scored on the rows it was fitted on would look like a perfect proxy.
    expect(
      findProxies(ids, ['code'], attribute, { train: everyFifth.train, test: everyFifth.train })[0].score,
    ).toBe(1);
  });

  it('scores a column with no information at chance (balanced accuracy 1/G)', () => {
    const coin = findProxies(table, ['coin'], attribute, { train, test })[0];
    // Rows 30-39: coin is tails for 32, 33, 36, 37 and heads otherwise; whatever it predicts, each sex is
    // right half of the time.
    expect(coin.score).toBeCloseTo(0.5, 12);
  });

  it('finds on UCI Adult that relationship stands in for sex best, marital status among the next', async () => {
    const parsed = await parseCsv(new Uint8Array(readFileSync('public/samples/adult.csv')), {});
    if (!parsed.ok) throw new Error('adult.csv did not parse');
    const adult = parsed.data.table;
    const sexColumn = adult.columns.find((c) => c.name === 'sex') as Column;
    const split = splitRows(adult.rowCount, {
      seed: 42,
      fractions: { train: 0.7, validation: 0, test: 0.3 },
    });
    const inputs = adult.columns.map((c) => c.name).filter((name) => name !== 'income');
    const found = findProxies(adult, inputs, { column: 'sex', ...groupsOf(sexColumn) }, split);
    console.info(found.map((p) => `${p.feature} ${p.score.toFixed(3)}`).join(', '));
    expect(found[0].feature).toBe('relationship');
    // Husband → Male and Wife → Female, the rest by which sex each value over-represents: 0.80 balanced
    // accuracy (chance 0.5). Marital status follows; a plain "most frequent sex" rule would have hidden both
    // behind Adult's 2:1 male majority (0.68 and 0.64).
    expect(found[0].score).toBeGreaterThan(0.75);
    expect(found[1].feature).toBe('marital-status');
    expect(found[0].chance).toBe(0.5);
    expect(found.find((p) => p.feature === 'sex')).toBeUndefined();
  });
});
