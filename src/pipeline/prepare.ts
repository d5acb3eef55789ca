/**
 * From a parsed table and the data step's settings to what a model trains on: the same renames, kind
 * overrides and cleaning steps as the data step (src/data/decide.ts, src/data/clean.ts), the task,
 * positive class and input columns exactly as the page showed them, and the target as numbers.
 */
import { fail, ok, type Result } from '../core/result';
import type { StepFit } from '../data/clean';
import { formatNumber } from '../data/convert';
import type { DataSettings, TaskKind } from '../data/settings';
import { classCounts } from '../data/target';
import type { Column, ColumnKind, Table } from '../data/types';
import { encodeTarget } from '../features/target';
import { cleanTable, decideModelling, type SensitiveSummary } from '../data/decide';
import type { PipelineNote, TableInput } from './types';

/** The main table, cleaned, with everything the data step decided about it. */
export interface PreparedData {
  table: Table;
  kinds: ColumnKind[];
  task: TaskKind;
  target: string;
  /** Binary only. */
  positiveClass: string | null;
  classes: string[];
  /** The target as numbers (see `encodeTarget`); NaN where missing. */
  y: Float64Array;
  /** Columns the data step offers the model (target, sensitive, identifiers, text and dates left out). */
  inputs: string[];
  sensitive: SensitiveSummary[];
  /** What each cleaning step computed on this table (medians, modes, bin edges), to clean a test file alike. */
  fits: (StepFit | null)[];
}

/** A test file, cleaned like the main table, with its target encoded on the main table's classes. */
export interface PreparedTest {
  table: Table;
  kinds: ColumnKind[];
  y: Float64Array;
  notes: PipelineNote[];
}

interface Cleaned {
  table: Table;
  kinds: ColumnKind[];
  fits: (StepFit | null)[];
}

/** Renames, kind overrides and cleaning steps, with the data step's own function. */
function clean(input: TableInput, settings: DataSettings): Cleaned {
  const { cleaned } = cleanTable(input, settings);
  return { table: cleaned.table, kinds: cleaned.kinds, fits: cleaned.fits };
}

/**
 * A test file through the same renames, kind overrides and steps, every value a step computes (a median or
 * mode to impute, quartile bin edges) taken from the main table's `fits`.
 */
function cleanLike(input: TableInput, settings: DataSettings, fits: (StepFit | null)[]): Cleaned {
  const { cleaned } = cleanTable(input, settings, fits);
  return { table: cleaned.table, kinds: cleaned.kinds, fits: cleaned.fits };
}

/**
 * Cleans the main table and settles the task, target, positive class and inputs the way the data step
 * does (its `analyse`). Fails with 'target-missing' when no target is chosen or the table lacks it,
 * 'target-one-class' / 'target-too-many-classes' when it cannot be predicted, 'internal' when the
 * analysis itself failed.
 */
export function prepareData(input: TableInput, settings: DataSettings): Result<PreparedData> {
  // Cleaned once; decided exactly as the page decides (no profiles: training does not need them).
  const { table, kinds, fits } = clean(input, settings);
  const decided = decideModelling(table, kinds, settings);
  const summary = decided.target;
  if (!summary) return fail('target-missing', { column: settings.target ?? '' });
  if (summary.problem) return { ok: false, reason: summary.problem };
  const task = summary.task;
  if (!task) return fail('target-one-class', { column: summary.column, classes: summary.classCount });
  const positive = task === 'binary' ? summary.positiveClass : null;
  const target = encodeTarget(table, summary.column, task, positive);
  return ok({
    table,
    kinds,
    task,
    target: summary.column,
    positiveClass: task === 'binary' ? target.classes[1] : null,
    classes: target.classes,
    y: target.y,
    inputs: decided.modelInputs,
    sensitive: decided.sensitive.groups.map((g) => g.summary),
    fits,
  });
}

/** The label of every row as `classCounts` writes it; null where missing. */
function labelReader(column: Column): (row: number) => string | null {
  if (column.storage === 'category') {
    const { codes, dictionary } = column;
    return (row) => (codes[row] < 0 ? null : dictionary[codes[row]]);
  }
  const { values } = column;
  return (row) => (Number.isNaN(values[row]) ? null : formatNumber(values[row]));
}

/**
 * Cleans a separate test file exactly as the main table was cleaned, and encodes its target on the main
 * table's classes. The same renames, kind overrides and steps run on it, but a step that computes a value
 * reuses the one it computed on the main (training) table: missing cells get the training median or mode,
 * numbers are binned at the training edges, so nothing is learnt from the test rows. The target:
 * binary 1 for the positive class, 0 for another class of the training file; multiclass the training
 * class index. A label the training file never had (a typo, `>50K.` for `>50K`) cannot be scored, so the
 * row gets NaN (left out) and a note counts such rows. Fails with 'target-missing' (params `file: 'test'`)
 * when the test file lacks the target column.
 */
export function prepareTest(
  input: TableInput,
  settings: DataSettings,
  data: PreparedData,
): Result<PreparedTest> {
  const { table, kinds } = cleanLike(input, settings, data.fits);
  const column = table.columns.find((c) => c.name === data.target);
  if (!column) return fail('target-missing', { column: data.target, file: 'test' });
  if (data.task === 'regression') {
    return ok({ table, kinds, y: encodeTarget(table, data.target, 'regression', null).y, notes: [] });
  }
  const trainColumn = data.table.columns.find((c) => c.name === data.target) as Column;
  const trainLabels = classCounts(trainColumn).map((c) => c.value);
  const index = new Map<string, number>(
    data.task === 'binary'
      ? trainLabels.map((label) => [label, label === data.positiveClass ? 1 : 0])
      : data.classes.map((label, i) => [label, i]),
  );
  const read = labelReader(column);
  const y = new Float64Array(table.rowCount);
  let unseen = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const label = read(r);
    const code = label === null ? undefined : index.get(label);
    if (label !== null && code === undefined) unseen++;
    y[r] = code ?? NaN;
  }
  const notes: PipelineNote[] = unseen > 0 ? [{ code: 'unseen-test-labels', rows: unseen }] : [];
  return ok({ table, kinds, y, notes });
}
