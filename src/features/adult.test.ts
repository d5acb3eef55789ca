import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import type { ParsedTable } from '../data/types';
import { fitPreprocessor, transform } from './preprocess';
import { splitRows } from './split';
import { encodeTarget, targetStrata } from './target';

/** The whole pipeline on the built-in UCI Adult sample (32,561 rows), as the training step will run it. */

let parsed: ParsedTable;
beforeAll(async () => {
  const result = await parseCsv(new Uint8Array(readFileSync('public/samples/adult.csv')), {});
  if (!result.ok) throw new Error(`adult.csv did not parse: ${result.reason.code}`);
  parsed = result.data;
});

const NUMERIC = ['age', 'fnlwgt', 'education-num', 'capital-gain', 'capital-loss', 'hours-per-week'];
const CATEGORICAL = ['workclass', 'education', 'marital-status', 'occupation', 'relationship', 'race', 'sex'];
const INPUTS = [...NUMERIC, ...CATEGORICAL, 'native-country'];

function prepare() {
  const { table, kinds } = parsed;
  const target = encodeTarget(table, 'income', 'binary', null);
  const split = splitRows(table.rowCount, { seed: 42, strata: targetStrata(target, 'binary') });
  return { table, kinds, target, split, pre: fitPreprocessor(table, kinds, INPUTS, split.train) };
}

/** Features one categorical column should get, counted directly from its codes on the training rows. */
function expectedOneHotWidth(codes: Int32Array, dictionarySize: number, train: Uint32Array): number {
  const counts = new Array<number>(dictionarySize).fill(0);
  let missing = 0;
  for (const r of train) {
    if (codes[r] < 0) missing++;
    else counts[codes[r]]++;
  }
  const seen = counts.filter((c) => c > 0).length;
  const kept = Math.min(counts.filter((c) => c >= 10).length, 50);
  return kept + (kept < seen ? 1 : 0) + (missing > 0 ? 1 : 0);
}

describe('the adult sample, split with seed 42 and preprocessed', () => {
  it('keeps the share of >50K equal in train, validation and test', () => {
    const { target, split } = prepare();
    expect(target.classes).toEqual(['<=50K', '>50K']);
    const share = (rows: Uint32Array) => rows.reduce((sum, r) => sum + target.y[r], 0) / rows.length;
    const shares = [split.train, split.validation, split.test].map(share);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThan(0.002);
    expect(split.train.length + split.validation.length + split.test.length).toBe(32561);
  });

  it('has one feature per numeric column plus the one-hot features the training counts call for', () => {
    const { table, split, pre } = prepare();
    let expected = NUMERIC.length;
    for (const name of [...CATEGORICAL, 'native-country']) {
      const column = table.columns.find((c) => c.name === name);
      if (column?.storage !== 'category') throw new Error(`${name} should hold categories`);
      expected += expectedOneHotWidth(column.codes, column.dictionary.length, split.train);
    }
    expect(pre.leftOut).toEqual([]);
    // With seed 42: 6 numbers; workclass 6 + other + missing, education 16, marital-status 7, occupation
    // 13 + other + missing, relationship 6, race 5, sex 2, native-country 39 + other + missing.
    expect(expected).toBe(106);
    expect(pre.featureNames.length).toBe(expected);
    expect(pre.featureNames).toContain('workclass = Private');
    expect(pre.featureNames).toContain('workclass = missing');
    expect(pre.featureNames).toContain('native-country = other');
  });

  it('gives the transformed training numbers mean 0 and standard deviation 1', () => {
    const { split, pre } = prepare();
    const width = pre.featureNames.length;
    const m = transform(pre, parsed.table, split.train);
    const n = split.train.length;
    for (const name of NUMERIC) {
      const f = pre.featureNames.indexOf(name);
      let sum = 0;
      for (let r = 0; r < n; r++) sum += m[r * width + f];
      const mean = sum / n;
      let squares = 0;
      for (let r = 0; r < n; r++) squares += (m[r * width + f] - mean) ** 2;
      expect(Math.abs(mean)).toBeLessThan(1e-6);
      expect(Math.abs(Math.sqrt(squares / n) - 1)).toBeLessThan(1e-6);
    }
  });
});
