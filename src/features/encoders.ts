import { formatNumber, parseNumber } from '../data/convert';
import type { Column } from '../data/types';

/**
 * The two ways a column becomes model inputs: a number standardised, or a category one-hot encoded. Each
 * is fitted on training rows only and written as plain data, so it can be saved and applied to new rows.
 */

/** Impute missing values with the training median, then standardise: `(x - mean) / std`. */
export interface NumericEncoder {
  type: 'numeric';
  column: string;
  median: number;
  mean: number;
  /** Population standard deviation of the imputed training values; 1 where that would be 0. */
  std: number;
  /**
   * Smallest and largest training value (not used to encode; they bound what a what-if editor offers).
   * Absent in preprocessors saved before they were added.
   */
  min?: number;
  max?: number;
}

/**
 * One 0/1 feature per kept category (in this order), then an "other" feature when `other` (rare training
 * categories were folded into it; unseen values land there too), then a "missing" feature when `missing`
 * (the training rows had missing values).
 */
export interface OneHotEncoder {
  type: 'one-hot';
  column: string;
  categories: string[];
  other: boolean;
  missing: boolean;
}

export type ColumnEncoder = NumericEncoder | OneHotEncoder;

/** Why a fitted column produced no encoder. */
export type Unusable = 'constant' | 'all-missing';

/**
 * Reads a column as numbers whatever its storage: categories are parsed (decimal comma accepted), each
 * dictionary entry once. Missing and unparsable values read as NaN.
 */
function numberReader(column: Column): (row: number) => number {
  if (column.storage === 'number') {
    const { values } = column;
    return (row) => values[row];
  }
  const parsed = column.dictionary.map(parseNumber);
  const { codes } = column;
  return (row) => (codes[row] < 0 ? NaN : parsed[codes[row]]);
}

/** The median of an ascending, non-empty array (mean of the two middle values for an even length). */
function median(sorted: Float64Array): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Fits a numeric encoder on the training rows: the median of their non-missing values, then the mean and
 * population standard deviation after imputing that median (as scikit-learn's StandardScaler on imputed
 * data). A column with no value, or one value, on the training rows is unusable.
 */
export function fitNumeric(column: Column, trainRows: Uint32Array): NumericEncoder | Unusable {
  const read = numberReader(column);
  const present = new Float64Array(trainRows.length);
  let n = 0;
  for (let r = 0; r < trainRows.length; r++) {
    const v = read(trainRows[r]);
    if (!Number.isNaN(v)) present[n++] = v;
  }
  if (n === 0) return 'all-missing';
  const sorted = present.subarray(0, n).sort();
  if (sorted[0] === sorted[n - 1]) return 'constant';
  const med = median(sorted);
  const imputed = trainRows.length - n;
  let sum = imputed * med;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mean = sum / trainRows.length;
  let squares = imputed * (med - mean) ** 2;
  for (let i = 0; i < n; i++) squares += (sorted[i] - mean) ** 2;
  const std = Math.sqrt(squares / trainRows.length);
  return {
    type: 'numeric',
    column: column.name,
    median: med,
    mean,
    std: std > 0 ? std : 1,
    min: sorted[0],
    max: sorted[n - 1],
  };
}

/** Counts of each non-missing label on the given rows (numbers labelled as convert.ts writes them). */
function labelCounts(column: Column, rows: Uint32Array): { counts: Map<string, number>; missing: number } {
  const counts = new Map<string, number>();
  let missing = 0;
  if (column.storage === 'category') {
    const perCode = new Float64Array(column.dictionary.length);
    for (let r = 0; r < rows.length; r++) {
      const code = column.codes[rows[r]];
      if (code < 0) missing++;
      else perCode[code]++;
    }
    for (let code = 0; code < perCode.length; code++) {
      if (perCode[code] > 0) counts.set(column.dictionary[code], perCode[code]);
    }
  } else {
    const perValue = new Map<number, number>();
    for (let r = 0; r < rows.length; r++) {
      const v = column.values[rows[r]];
      if (Number.isNaN(v)) missing++;
      else perValue.set(v, (perValue.get(v) ?? 0) + 1);
    }
    perValue.forEach((count, v) => counts.set(formatNumber(v), count));
  }
  return { counts, missing };
}

/**
 * Fits a one-hot encoder on the training rows: the categories seen at least `minCount` times, at most
 * `maxCategories` of them, most frequent first (ties by label, in code-unit order). The rest fold into
 * "other"; a "missing" feature is added when the training rows had missing values. A column with no value
 * on the training rows, or whose features would be the same on every training row, is unusable.
 */
export function fitOneHot(
  column: Column,
  trainRows: Uint32Array,
  minCount: number,
  maxCategories: number,
): OneHotEncoder | Unusable {
  const { counts, missing } = labelCounts(column, trainRows);
  if (counts.size === 0) return 'all-missing';
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const categories = ranked.filter(([, count]) => count >= minCount).map(([label]) => label);
  categories.length = Math.min(categories.length, maxCategories);
  const other = categories.length < ranked.length;
  const states = categories.length + (other ? 1 : 0) + (missing > 0 ? 1 : 0);
  if (states <= 1) return 'constant';
  return { type: 'one-hot', column: column.name, categories, other, missing: missing > 0 };
}

/** The readable name of each feature an encoder writes: `age`, `workclass = Private`, `workclass = other`. */
export function encoderFeatureNames(encoder: ColumnEncoder): string[] {
  if (encoder.type === 'numeric') return [encoder.column];
  const names = encoder.categories.map((category) => `${encoder.column} = ${category}`);
  if (encoder.other) names.push(`${encoder.column} = other`);
  if (encoder.missing) names.push(`${encoder.column} = missing`);
  return names;
}

/** Where an encoder writes in a row-major matrix: its first feature's column, and the row width. */
export interface MatrixSlot {
  out: Float32Array;
  start: number;
  width: number;
}

/** Writes standardised values; a missing value (or a column absent from the table) becomes the median. */
export function writeNumeric(
  enc: NumericEncoder,
  column: Column | undefined,
  rows: Uint32Array,
  to: MatrixSlot,
) {
  const read = column ? numberReader(column) : () => NaN;
  for (let r = 0; r < rows.length; r++) {
    const v = read(rows[r]);
    to.out[r * to.width + to.start] = ((Number.isNaN(v) ? enc.median : v) - enc.mean) / enc.std;
  }
}

/**
 * For each row, the offset (within the encoder's span) of the feature to set to 1, or -1 for none. Rare or
 * unseen values go to "other" when there is one; missing values to "missing" when there is one; otherwise
 * the row's features all stay 0 (scikit-learn's `handle_unknown='ignore'`).
 */
function offsetReader(enc: OneHotEncoder, column: Column | undefined): (row: number) => number {
  const index = new Map(enc.categories.map((category, i) => [category, i]));
  const otherAt = enc.other ? enc.categories.length : -1;
  const missingAt = enc.missing ? enc.categories.length + (enc.other ? 1 : 0) : -1;
  if (!column) return () => missingAt;
  if (column.storage === 'category') {
    const offsets = column.dictionary.map((label) => index.get(label) ?? otherAt);
    const { codes } = column;
    return (row) => (codes[row] < 0 ? missingAt : offsets[codes[row]]);
  }
  const { values } = column;
  const cache = new Map<number, number>();
  return (row) => {
    const v = values[row];
    if (Number.isNaN(v)) return missingAt;
    let offset = cache.get(v);
    if (offset === undefined) cache.set(v, (offset = index.get(formatNumber(v)) ?? otherAt));
    return offset;
  };
}

/** Writes the 0/1 features of a one-hot encoder (the matrix must start zeroed). */
export function writeOneHot(
  enc: OneHotEncoder,
  column: Column | undefined,
  rows: Uint32Array,
  to: MatrixSlot,
) {
  const offsetOf = offsetReader(enc, column);
  for (let r = 0; r < rows.length; r++) {
    const offset = offsetOf(rows[r]);
    if (offset >= 0) to.out[r * to.width + to.start + offset] = 1;
  }
}
