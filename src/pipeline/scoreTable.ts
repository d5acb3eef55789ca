/**
 * Scoring a new file with a trained run ("Score a new CSV"): the run's fitted preprocessor and model applied
 * to another table with the same columns, a plain account of missing and extra columns, and the
 * predictions as CSV for download. Pure functions; the page wires them up.
 *
 * The table is expected as the run's test file would be: parsed, then given the run's renames, kind
 * overrides and cleaning steps (`cleanTable` with the main table's step fits, as `prepareTest` does). The
 * encoding itself needs no conversion first: `transform` reads a column by name whatever its storage (a
 * numeric encoder parses text cells with `parseNumber`, a one-hot encoder labels numbers with
 * `formatNumber`), exactly as `columnAsKind` would convert them.
 */
import { fail, ok, type Result } from '../core/result';
import { formatNumber, parseNumber } from '../data/convert';
import { toCsv, type CsvOptions } from '../data/csvWrite';
import type { TaskKind } from '../data/settings';
import type { Column, Table } from '../data/types';
import { transform, type Preprocessor } from '../features/preprocess';
import { predictedLabels } from './evaluate';
import { predictModel } from './models';
import type { FittedModel } from './types';

/** The input columns a model needs that a table lacks, and the table's columns it will not read. */
export interface ColumnCheck {
  /** Needed columns the table lacks, in the order given. */
  missing: string[];
  /** The table's columns that are not needed (ignored when scoring), in table order. */
  extra: string[];
}

/** What `scoreTable` needs of a trained run: a `PipelineResult` has all of it (`model.fitted` as `model`). */
export interface ScoringRun {
  preprocessor: Preprocessor;
  model: FittedModel;
  task: TaskKind;
  /** Binary: [negative, positive]; multiclass: the label of each class index; regression: []. */
  classes: string[];
  positiveClass: string | null;
}

/** One entry per row of the scored table, in table order. */
export interface ScoredTable {
  task: TaskKind;
  /** Binary: P(positive class); multiclass: rows × k probabilities, row-major; regression: the value. */
  score: Float64Array;
  /** Binary: 0/1 at threshold ½; multiclass: the most probable class index; regression: the value. */
  predicted: Float64Array;
  /** The predicted class label (binary, multiclass) or the predicted value as text (regression). */
  labels: string[];
}

/** Rows encoded and scored at a time, so a million-row file never holds its whole feature matrix. */
const BLOCK_ROWS = 65_536;

/**
 * The columns the preprocessor reads: one per encoder, in input order. Input columns the preprocessor left
 * out (identifiers, constant columns, ...) are not needed, so a new file may lack them.
 */
export function neededColumns(pre: Preprocessor): string[] {
  return pre.encoders.map((encoder) => encoder.column);
}

/**
 * Which of `inputs` (the columns the model needs, e.g. `neededColumns(pre)`) the table lacks, and which of
 * the table's columns are not among them. Names are matched exactly (case and blanks count), as `transform`
 * matches them.
 */
export function checkColumns(inputs: readonly string[], table: Table): ColumnCheck {
  const present = new Set(table.columns.map((c) => c.name));
  const wanted = new Set(inputs);
  return {
    missing: inputs.filter((name, i) => !present.has(name) && inputs.indexOf(name) === i),
    extra: table.columns.map((c) => c.name).filter((name) => !wanted.has(name)),
  };
}

/**
 * Per needed column stored as text where the model reads numbers, the non-missing cells that do not parse
 * as a number (`parseNumber`). `scoreTable` reads them as missing (the training median stands in), as
 * `transform` does for test rows; this lets the page say so. Columns with no such cell are not listed.
 */
export function unreadableNumbers(pre: Preprocessor, table: Table): { column: string; cells: number }[] {
  const byName = new Map<string, Column>(table.columns.map((c) => [c.name, c]));
  const out: { column: string; cells: number }[] = [];
  for (const encoder of pre.encoders) {
    const column = byName.get(encoder.column);
    if (encoder.type !== 'numeric' || !column || column.storage !== 'category') continue;
    const bad = column.dictionary.map((label) => Number.isNaN(parseNumber(label)));
    let cells = 0;
    for (const code of column.codes) if (code >= 0 && bad[code]) cells++;
    if (cells > 0) out.push({ column: encoder.column, cells });
  }
  return out;
}

function checkRun(run: ScoringRun): void {
  const { task, classes } = run;
  if (task === 'binary' && classes.length !== 2)
    throw new RangeError('A binary run needs exactly two classes.');
  if (task === 'multiclass' && classes.length < 2)
    throw new RangeError('A multiclass run needs its class labels.');
}

/**
 * The run's predictions for every row of a new table: the fitted preprocessor applied unchanged (nothing is
 * re-fitted on the new rows), then the model, in blocks of rows. Handled as for the run's own test rows: a
 * missing value becomes the training median (numbers) or the "missing" feature; a category not seen in
 * training goes to "other" (or no feature); a text cell where a number is expected counts as missing (see
 * `unreadableNumbers`). Columns the model does not need are ignored (see `checkColumns`).
 *
 * Binary predictions use the threshold ½, like a plain run; a run trained with the group-thresholds remedy
 * decided its test rows with per-group rules, which this does not apply.
 *
 * Fails with 'score-columns-missing' (params `columns`: the names joined by ", ", `count`) when the table
 * lacks a column the preprocessor reads: scoring it as all missing would give every row the same guess
 * for that column without a word. Throws a RangeError for a run whose classes do not fit its task.
 */
export function scoreTable(run: ScoringRun, table: Table): Result<ScoredTable> {
  checkRun(run);
  const { missing } = checkColumns(neededColumns(run.preprocessor), table);
  if (missing.length > 0)
    return fail('score-columns-missing', { columns: missing.join(', '), count: missing.length });
  const n = table.rowCount;
  const k = run.task === 'multiclass' ? run.classes.length : 1;
  const score = new Float64Array(n * k);
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const end = Math.min(n, start + BLOCK_ROWS);
    const rows = new Uint32Array(end - start);
    for (let i = 0; i < rows.length; i++) rows[i] = start + i;
    const block = predictModel(run.model, transform(run.preprocessor, table, rows), rows.length);
    if (block.length !== rows.length * k)
      throw new RangeError(`The model gives ${block.length / rows.length} scores per row, not ${k}.`);
    score.set(block, start * k);
  }
  const predicted = predictedLabels(run.task, score, n);
  const labels = Array.from(predicted, (v) => (run.task === 'regression' ? formatNumber(v) : run.classes[v]));
  return ok({ task: run.task, score, predicted, labels });
}

/** `name`, or `name_1`, `name_2`, ... : the first not in `taken`. */
function freeName(name: string, taken: Set<string>): string {
  let out = name;
  for (let i = 1; taken.has(out); i++) out = `${name}_${i}`;
  taken.add(out);
  return out;
}

/** A column's cells as CSV cells: numbers as numbers (NaN empty), categories as labels, missing null. */
function cellsOf(column: Column): (row: number) => string | number | null {
  if (column.storage === 'number') {
    const { values } = column;
    return (row) => (Number.isNaN(values[row]) ? null : values[row]);
  }
  const { codes, dictionary } = column;
  return (row) => (codes[row] < 0 ? null : dictionary[codes[row]]);
}

export interface PredictionsCsvOptions extends CsvOptions {
  /** Columns of the scored table to copy before the predictions, in this order. */
  keep: string[];
}

/**
 * The predictions as CSV (via `toCsv`, so formula cells are neutralised): the kept columns of the scored
 * table, then `prediction` (the class label, or the value for regression, at full precision) and, for a
 * binary run, `probability` (P(positive class), at full precision). Where a kept column already has one of
 * those names, the new column is named `prediction_1` (`probability_1`, ...). Throws a RangeError for a kept
 * name the table lacks, or a result whose length is not the table's.
 */
export function predictionsCsv(table: Table, result: ScoredTable, options: PredictionsCsvOptions): string {
  const n = table.rowCount;
  if (result.labels.length !== n || result.predicted.length !== n)
    throw new RangeError(`The result has ${result.labels.length} rows; the table has ${n}.`);
  const byName = new Map<string, Column>(table.columns.map((c) => [c.name, c]));
  const readers = options.keep.map((name) => {
    const column = byName.get(name);
    if (!column) throw new RangeError(`The table has no column named "${name}".`);
    return cellsOf(column);
  });
  const taken = new Set(options.keep);
  const header = [...options.keep, freeName('prediction', taken)];
  const binary = result.task === 'binary';
  if (binary) header.push(freeName('probability', taken));
  const regression = result.task === 'regression';
  const rows = new Array<(string | number | null)[]>(n);
  for (let r = 0; r < n; r++) {
    const row: (string | number | null)[] = readers.map((read) => read(r));
    row.push(regression ? result.predicted[r] : result.labels[r]);
    if (binary) row.push(result.score[r]);
    rows[r] = row;
  }
  return toCsv(header, rows, options.delimiter !== undefined ? { delimiter: options.delimiter } : {});
}
