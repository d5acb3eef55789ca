import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../data/parse';
import type { Table } from '../../data/types';
import { splitRows } from '../../features/split';
import { fitBoosting, predictBoosting } from './boosting';
import { fitTree, predictTree } from './cart';

/**
 * A realistic check on the built-in German credit sample (1,000 rows, 70% "good"): on a seeded 70/30 split both
 * learners must beat always answering "good". Encoding is done here by hand (numbers as-is, categories
 * one-hot with missing as all zeros) so the test does not depend on the preprocessing step.
 */

const TARGET = 'credit risk';

interface Encoded {
  X: Float32Array;
  y: Float64Array;
  rows: number;
  cols: number;
}

function encode(table: Table): Encoded {
  const rows = table.rowCount;
  const inputs = table.columns.filter((c) => c.name !== TARGET);
  const widths = inputs.map((c) => (c.storage === 'number' ? 1 : c.dictionary.length));
  const cols = widths.reduce((a, b) => a + b, 0);
  const X = new Float32Array(rows * cols);
  let offset = 0;
  inputs.forEach((column, i) => {
    for (let r = 0; r < rows; r++) {
      if (column.storage === 'number') X[r * cols + offset] = column.values[r];
      else if (column.codes[r] >= 0) X[r * cols + offset + column.codes[r]] = 1;
    }
    offset += widths[i];
  });
  const target = table.columns.find((c) => c.name === TARGET);
  if (target?.storage !== 'category') throw new Error('credit risk should be categorical');
  const good = target.dictionary.indexOf('good');
  const y = Float64Array.from(target.codes, (code) => (code === good ? 1 : 0));
  return { X, y, rows, cols };
}

/** Rows `idx` of a row-major matrix and their targets. */
function take(data: Encoded, idx: number[]) {
  const X = new Float32Array(idx.length * data.cols);
  idx.forEach((r, i) => X.set(data.X.subarray(r * data.cols, (r + 1) * data.cols), i * data.cols));
  return { X, y: Float64Array.from(idx, (r) => data.y[r]), rows: idx.length };
}

/** The app's own seeded 70/30 split, stratified by the target so the held-out rows keep the 70% "good" share. */
function split(y: Float64Array, seed: number) {
  const parts = splitRows(y.length, {
    seed,
    fractions: { train: 0.7, validation: 0, test: 0.3 },
    strata: Int32Array.from(y),
  });
  return { train: Array.from(parts.train), test: Array.from(parts.test) };
}

/** Accuracy of always answering the majority class of the held-out rows. */
const majority = (y: Float64Array) =>
  Math.max(...[0, 1].map((c) => y.filter((v) => v === c).length)) / y.length;

const accuracy = (p: Float64Array, y: Float64Array) =>
  p.reduce((hits, pi, i) => hits + ((pi >= 0.5 ? 1 : 0) === y[i] ? 1 : 0), 0) / y.length;

let train: ReturnType<typeof take>;
let test: ReturnType<typeof take>;
let cols: number;
beforeAll(async () => {
  const parsed = await parseCsv(new Uint8Array(readFileSync('public/samples/german-credit.csv')), {});
  if (!parsed.ok) throw new Error(`german-credit.csv did not parse: ${parsed.reason.code}`);
  const data = encode(parsed.data.table);
  expect(data.rows).toBe(1000);
  const { train: trainRows, test: testRows } = split(data.y, 42);
  train = take(data, trainRows);
  test = take(data, testRows);
  cols = data.cols;
});

describe('tree learners on German credit', () => {
  it('a depth-5 tree beats always answering the majority class on held-out rows', () => {
    const model = fitTree(train.X, train.rows, cols, train.y, { task: 'binary', maxDepth: 5 });
    const acc = accuracy(predictTree(model, test.X, test.rows), test.y);
    console.info(`German credit, depth-5 tree: ${acc.toFixed(3)} (majority ${majority(test.y).toFixed(3)})`);
    expect(acc).toBeGreaterThan(majority(test.y));
  });

  it('100 rounds of boosting beat the majority class by more than 3 points on held-out rows', () => {
    const model = fitBoosting(train.X, train.rows, cols, train.y, { task: 'binary', nEstimators: 100 });
    const acc = accuracy(predictBoosting(model, test.X, test.rows), test.y);
    console.info(`German credit, boosting: ${acc.toFixed(3)} (majority ${majority(test.y).toFixed(3)})`);
    expect(acc).toBeGreaterThan(majority(test.y) + 0.03);
  });
});
