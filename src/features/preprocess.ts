import type { Column, ColumnKind, Table } from '../data/types';
import {
  encoderFeatureNames,
  fitNumeric,
  fitOneHot,
  writeNumeric,
  writeOneHot,
  type ColumnEncoder,
  type MatrixSlot,
} from './encoders';

/**
 * Turning the input columns of a table into the numeric matrix a model trains on. The preprocessor is
 * fitted on training rows only, kept as plain data (so it can be saved with a model and sent between
 * threads), and applied unchanged to validation, test and future rows.
 */

export type { ColumnEncoder, NumericEncoder, OneHotEncoder } from './encoders';

/** Why an input column produced no features. */
export type LeftOutReason = 'identifier' | 'text' | 'date' | 'constant' | 'all-missing';

export interface Preprocessor {
  version: 1;
  /** One per used input column, in the order the columns were given. */
  encoders: ColumnEncoder[];
  /** One readable name per feature: `age`, `workclass = Private`, `workclass = other`, `workclass = missing`. */
  featureNames: string[];
  /** Per encoder, the features `[start, end)` it writes, so importances can be summed per column. */
  spans: [number, number][];
  /** The input columns that produced no features, and why. */
  leftOut: { column: string; reason: LeftOutReason }[];
}

export interface PreprocessOptions {
  /** Categories seen fewer times than this on the training rows fold into "other". Default 10. */
  minCategoryCount?: number;
  /** At most this many categories (the most frequent) get a feature of their own. Default 50. */
  maxCategories?: number;
}

export const DEFAULT_MIN_CATEGORY_COUNT = 10;
export const DEFAULT_MAX_CATEGORIES = 50;

function checkOptions(options: PreprocessOptions): { minCount: number; maxCategories: number } {
  const minCount = options.minCategoryCount ?? DEFAULT_MIN_CATEGORY_COUNT;
  const maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  if (!Number.isInteger(minCount) || minCount < 1) {
    throw new RangeError('minCategoryCount must be a positive integer.');
  }
  if (!Number.isInteger(maxCategories) || maxCategories < 1) {
    throw new RangeError('maxCategories must be a positive integer.');
  }
  return { minCount, maxCategories };
}

/**
 * Fits the preprocessing of `inputColumns` (names; `kinds` holds one kind per table column, by position)
 * on the training rows only, so that no information from the validation or test rows (their values, their
 * medians, their rare categories) leaks into the model or into the score it is judged by.
 *
 * A 'numeric' column is imputed with its training median and standardised with the training mean and
 * population standard deviation. A 'categorical' or 'boolean' column is one-hot encoded (numbers labelled
 * as text, '0', '1'); categories seen fewer than `minCategoryCount` times, or beyond the `maxCategories`
 * most frequent, fold into "other". Identifier, text and date columns are left out, as are columns that
 * are all missing or would give the same features on every training row. Throws a RangeError for an input
 * name the table lacks, a repeated name, a kind list of the wrong length or a training row out of range.
 */
export function fitPreprocessor(
  table: Table,
  kinds: ColumnKind[],
  inputColumns: string[],
  trainRows: Uint32Array,
  options: PreprocessOptions = {},
): Preprocessor {
  const { minCount, maxCategories } = checkOptions(options);
  if (kinds.length !== table.columns.length) throw new RangeError('There must be one kind per column.');
  checkRows(table, trainRows);
  if (new Set(inputColumns).size !== inputColumns.length) throw new RangeError('Input columns repeat.');
  const encoders: ColumnEncoder[] = [];
  const leftOut: Preprocessor['leftOut'] = [];
  for (const name of inputColumns) {
    const index = table.columns.findIndex((c) => c.name === name);
    if (index < 0) throw new RangeError(`The table has no column named "${name}".`);
    const kind = kinds[index];
    // These carry no signal a tabular model can use without feature engineering of their own.
    if (kind === 'identifier' || kind === 'text' || kind === 'date') {
      leftOut.push({ column: name, reason: kind });
      continue;
    }
    const column = table.columns[index];
    const fitted =
      kind === 'numeric'
        ? fitNumeric(column, trainRows)
        : fitOneHot(column, trainRows, minCount, maxCategories);
    if (typeof fitted === 'string') {
      leftOut.push({ column: name, reason: fitted });
      continue;
    }
    encoders.push(fitted);
  }
  return preprocessorOf(encoders, leftOut);
}

/**
 * A preprocessor from fitted encoders (in input order): the feature names and spans follow from them. Also how
 * a hand-made preprocessor is built (tests, a saved model).
 */
export function preprocessorOf(
  encoders: ColumnEncoder[],
  leftOut: Preprocessor['leftOut'] = [],
): Preprocessor {
  const pre: Preprocessor = { version: 1, encoders, featureNames: [], spans: [], leftOut };
  for (const encoder of encoders) {
    const names = encoderFeatureNames(encoder);
    pre.spans.push([pre.featureNames.length, pre.featureNames.length + names.length]);
    pre.featureNames.push(...names);
  }
  return pre;
}

function checkRows(table: Table, rows: Uint32Array): void {
  for (let r = 0; r < rows.length; r++) {
    if (rows[r] >= table.rowCount) throw new RangeError(`Row ${rows[r]} is outside the table.`);
  }
}

/**
 * Applies a fitted preprocessor to the given rows of a table: a row-major Float32Array of
 * `rows.length × featureNames.length` values (Float32 halves the memory a model's input takes, and is
 * what TensorFlow.js trains on). Columns are matched by name, so the table may be a different file with
 * the same columns. Nothing is re-fitted: validation, test and new rows are encoded with the training
 * statistics. A missing value becomes the training median (numbers) or sets the "missing" feature; a
 * category not kept goes to "other"; a column absent from the table reads as all missing. Without an
 * "other" or "missing" feature, such a row's one-hot features are all 0.
 */
export function transform(pre: Preprocessor, table: Table, rows: Uint32Array): Float32Array {
  checkRows(table, rows);
  const width = pre.featureNames.length;
  const out = new Float32Array(rows.length * width);
  const byName = new Map<string, Column>(table.columns.map((c) => [c.name, c]));
  pre.encoders.forEach((encoder, i) => {
    const to: MatrixSlot = { out, start: pre.spans[i][0], width };
    const column = byName.get(encoder.column);
    if (encoder.type === 'numeric') writeNumeric(encoder, column, rows, to);
    else writeOneHot(encoder, column, rows, to);
  });
  return out;
}
