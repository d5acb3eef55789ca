import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../data/parse';
import { cells } from '../data/parseTestHelpers';
import { DEFAULT_SETTINGS, type DataSettings } from '../data/settings';
import type { CategoryColumn, Column, ParsedTable, Table } from '../data/types';
import { transform } from '../features/preprocess';
import { en } from '../i18n/en';
import { predictModel } from './models';
import {
  checkColumns,
  neededColumns,
  predictionsCsv,
  scoreTable,
  unreadableNumbers,
  type ScoredTable,
  type ScoringRun,
} from './scoreTable';
import { runPipeline, type PipelineInput, type PipelineResult } from './train';

/**
 * Scoring a file with a trained run, on the built-in German credit sample (1,000 rows): the runs are trained
 * as train.test.ts trains them, then the same file's rows are scored as if they were a new file.
 */

let german: ParsedTable;
let binary: PipelineResult;
beforeAll(async () => {
  const parsed = await parseCsv(new Uint8Array(readFileSync('public/samples/german-credit.csv')), {});
  if (!parsed.ok) throw new Error(`german-credit.csv did not parse: ${parsed.reason.code}`);
  german = parsed.data;
  binary = await run();
});

const SETTINGS: DataSettings = { ...DEFAULT_SETTINGS, target: 'credit risk', positiveClass: 'good' };

async function run(overrides: Partial<PipelineInput> = {}): Promise<PipelineResult> {
  const result = await runPipeline({ ...german, settings: SETTINGS, model: 'tree', seed: 42, ...overrides });
  if (!result.ok) throw new Error(`the pipeline failed: ${JSON.stringify(result.reason)}`);
  return result.data;
}

const scoringRun = (r: PipelineResult): ScoringRun => ({
  preprocessor: r.preprocessor,
  model: r.model.fitted,
  task: r.task,
  classes: r.classes,
  positiveClass: r.positiveClass,
});

function scored(r: PipelineResult, table: Table): ScoredTable {
  const result = scoreTable(scoringRun(r), table);
  if (!result.ok) throw new Error(`scoring failed: ${JSON.stringify(result.reason)}`);
  return result.data;
}

const allRows = (table: Table) => Uint32Array.from({ length: table.rowCount }, (_, i) => i);

/** The model on the same rows, the way the pipeline scores its test rows. */
const direct = (r: PipelineResult, table: Table) =>
  predictModel(r.model.fitted, transform(r.preprocessor, table, allRows(table)), table.rowCount);

const withColumns = (table: Table, columns: Column[]): Table => ({ rowCount: table.rowCount, columns });
const without = (table: Table, ...names: string[]) =>
  withColumns(
    table,
    table.columns.filter((c) => !names.includes(c.name)),
  );
const replaced = (table: Table, column: Column) =>
  withColumns(
    table,
    table.columns.map((c) => (c.name === column.name ? column : c)),
  );
const columnNamed = (table: Table, name: string) => table.columns.find((c) => c.name === name) as Column;

/** A category column with `label` written into the given rows. */
function withLabel(column: CategoryColumn, rows: number[], label: string): CategoryColumn {
  const dictionary = [...column.dictionary, label];
  const codes = column.codes.slice();
  for (const r of rows) codes[r] = dictionary.length - 1;
  return { ...column, dictionary, codes };
}

describe('scoreTable on German credit (binary)', () => {
  it('reproduces predictModel on the same rows, and the run’s own test predictions', () => {
    const s = scored(binary, german.table);
    const n = german.table.rowCount;
    expect(s.task).toBe('binary');
    expect(s.score).toEqual(direct(binary, german.table));
    expect(s.predicted).toEqual(Float64Array.from(s.score, (p) => (p >= 0.5 ? 1 : 0)));
    expect(s.labels).toHaveLength(n);
    s.labels.forEach((label, r) => expect(label).toBe(binary.classes[s.predicted[r]]));
    expect(new Set(s.labels)).toEqual(new Set(['good', 'bad']));
    // No test file and no cleaning steps: the run's test rows are rows of this very table.
    const test = Array.from(binary.split.test);
    expect(test.map((r) => s.score[r])).toEqual(Array.from(binary.predictions.score));
    expect(test.map((r) => s.predicted[r])).toEqual(Array.from(binary.predictions.predicted));
  });

  it('fails with score-columns-missing naming each missing input column', () => {
    const one = scoreTable(scoringRun(binary), without(german.table, 'age'));
    expect(one).toEqual({
      ok: false,
      reason: { code: 'score-columns-missing', params: { columns: 'age', count: 1 } },
    });
    const two = scoreTable(scoringRun(binary), without(german.table, 'duration (months)', 'age'));
    expect(two.ok).toBe(false);
    if (two.ok) return;
    expect(two.reason.params).toEqual({ columns: 'duration (months), age', count: 2 });
    const message = en.errors[two.reason.code](two.reason.params ?? {});
    expect(message.title).toContain('duration (months), age');
    expect(en.errors['score-columns-missing']({ columns: 'age', count: 1 }).title).toContain('"age"');
  });

  it('ignores an extra column and lists it, with the target and the columns left out', () => {
    const notes: CategoryColumn = {
      storage: 'category',
      name: 'notes',
      codes: new Int32Array(german.table.rowCount).fill(0),
      dictionary: ['whatever'],
    };
    const table = withColumns(german.table, [notes, ...german.table.columns]);
    const check = checkColumns(neededColumns(binary.preprocessor), table);
    expect(check.missing).toEqual([]);
    expect(check.extra).toContain('notes');
    expect(check.extra).toContain('credit risk');
    expect(check.extra).toEqual(table.columns.map((c) => c.name).filter((n) => !binary.inputs.includes(n)));
    expect(scored(binary, table).score).toEqual(scored(binary, german.table).score);
  });

  it('lists missing columns in the order given, once each', () => {
    const check = checkColumns(['zeta', 'age', 'alpha', 'zeta'], german.table);
    expect(check.missing).toEqual(['zeta', 'alpha']);
  });

  it('scores a file without the target or the columns the preprocessor left out', () => {
    const needed = new Set(neededColumns(binary.preprocessor));
    const table = withColumns(
      german.table,
      german.table.columns.filter((c) => needed.has(c.name)),
    );
    expect(scored(binary, table).score).toEqual(scored(binary, german.table).score);
  });

  it('reads text where a number is expected as missing (the training median), and counts it', () => {
    const age = columnNamed(german.table, 'age');
    if (age.storage !== 'number') throw new Error('age should be numbers');
    // The same column as the parser gives it when some cells are not numbers: labels, "unknown" in rows 0-2.
    const labels = Array.from(age.values, (v, r) => (r < 3 ? 'unknown' : String(v)));
    const dictionary = [...new Set(labels)];
    const asText: CategoryColumn = {
      storage: 'category',
      name: 'age',
      dictionary,
      codes: Int32Array.from(labels, (l) => dictionary.indexOf(l)),
    };
    const blanked = Float64Array.from(age.values, (v, r) => (r < 3 ? NaN : v));
    const asMissing = replaced(german.table, { storage: 'number', name: 'age', values: blanked });
    const text = replaced(german.table, asText);
    expect(scored(binary, text).score).toEqual(scored(binary, asMissing).score);
    expect(unreadableNumbers(binary.preprocessor, text)).toEqual([{ column: 'age', cells: 3 }]);
    expect(unreadableNumbers(binary.preprocessor, german.table)).toEqual([]);
  });

  it('scores a category never seen in training like any other unknown category', () => {
    const encoder = binary.preprocessor.encoders.find((e) => e.type === 'one-hot');
    if (!encoder) throw new Error('expected a one-hot column');
    const column = columnNamed(german.table, encoder.column) as CategoryColumn;
    const a = scored(binary, replaced(german.table, withLabel(column, [0, 1], 'never seen A')));
    const b = scored(binary, replaced(german.table, withLabel(column, [0, 1], 'never seen B')));
    expect(a.score).toEqual(b.score);
    expect(Array.from(a.score).every(Number.isFinite)).toBe(true);
  });

  it('scores an empty table', () => {
    const s = scored(binary, { rowCount: 0, columns: german.table.columns });
    expect([s.score.length, s.predicted.length, s.labels.length]).toEqual([0, 0, 0]);
  });
});

describe('scoreTable on other tasks', () => {
  it('multiclass: k probabilities per row, arg-max class labels, as the run scored its test rows', async () => {
    const settings = { ...SETTINGS, target: 'purpose', positiveClass: null };
    const r = await run({ settings, model: 'boosted', options: { nEstimators: 10 } });
    const s = scored(r, german.table);
    const k = r.classes.length;
    expect(s.score).toEqual(direct(r, german.table));
    expect(s.score.length).toBe(german.table.rowCount * k);
    s.labels.forEach((label, i) => expect(label).toBe(r.classes[s.predicted[i]]));
    expect(Array.from(r.split.test, (row) => s.predicted[row])).toEqual(Array.from(r.predictions.predicted));
  });

  it('regression: the value, and its text as the label', async () => {
    const settings = { ...SETTINGS, target: 'credit amount', positiveClass: null };
    const r = await run({ settings, model: 'logistic', backend: 'typescript', options: { epochs: 20 } });
    const s = scored(r, german.table);
    expect(s.task).toBe('regression');
    expect(s.score).toEqual(direct(r, german.table));
    expect(s.predicted).toEqual(s.score);
    s.labels.forEach((label, i) => expect(Number(label)).toBe(s.score[i]));
    const csv = predictionsCsv(german.table, s, { keep: [] });
    expect(csv.split('\r\n')[1]).toBe(String(s.score[0]));
  });
});

describe('predictionsCsv', () => {
  it('writes the kept columns, the prediction and the probability, read back by the app’s parser', async () => {
    const s = scored(binary, german.table);
    const csv = predictionsCsv(german.table, s, { keep: ['age', 'purpose'] });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('age,purpose,prediction,probability');
    expect(lines).toHaveLength(german.table.rowCount + 2); // header, rows, and the empty string after the last CRLF
    const parsed = await parseCsv(new TextEncoder().encode(csv), {});
    if (!parsed.ok) throw new Error(parsed.reason.code);
    const [age, purpose, prediction, probability] = parsed.data.table.columns;
    expect(cells(age)).toEqual(cells(columnNamed(german.table, 'age')));
    expect(cells(purpose)).toEqual(cells(columnNamed(german.table, 'purpose')));
    expect(cells(prediction)).toEqual(s.labels);
    expect(cells(probability)).toEqual(Array.from(s.score));
  });

  it('neutralises a formula in a kept column', () => {
    const purpose = columnNamed(german.table, 'purpose') as CategoryColumn;
    const table = replaced(german.table, withLabel(purpose, [0], '=HYPERLINK("http://x")'));
    const s = scored(binary, table);
    const csv = predictionsCsv(table, s, { keep: ['purpose'] });
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",${s.labels[0]},${s.score[0]}`);
    expect(csv).not.toMatch(/(^|\r\n|,)"?=/);
  });

  it('renames the new columns when a kept column already has their name', () => {
    const purpose = columnNamed(german.table, 'purpose');
    const table = withColumns(german.table, [...german.table.columns, { ...purpose, name: 'prediction' }]);
    const s = scored(binary, table);
    const csv = predictionsCsv(table, s, { keep: ['prediction'], delimiter: ';' });
    expect(csv.split('\r\n')[0]).toBe('prediction;prediction_1;probability');
  });

  it('refuses a kept column the table lacks, or a result of another length', () => {
    const s = scored(binary, german.table);
    expect(() => predictionsCsv(german.table, s, { keep: ['nope'] })).toThrow(RangeError);
    const short = { rowCount: 1, columns: german.table.columns };
    expect(() => predictionsCsv(short, s, { keep: [] })).toThrow(RangeError);
  });
});
