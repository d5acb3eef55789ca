/**
 * Partial dependence charts for the results page: how the model's average prediction changes as one input
 * column is set to each of a range of values, every other column left as it is in the data (Friedman, J. H.
 * (2001). Greedy function approximation: a gradient boosting machine. Annals of Statistics 29(5), §8.2):
 *
 *   PD(v) = (1/n) Σ_i f(x_i with column j set to v),
 *
 * over a sample of n rows. It shows the shape of the model's response ("older → more likely"), averaged over
 * the other columns; where columns are strongly correlated it averages over combinations the data never shows,
 * which the chart's caption should say.
 */
import { parseNumber } from '../data/convert';
import type { Table } from '../data/types';
import { transform, type NumericEncoder, type Preprocessor } from '../features/preprocess';
import { predictModel } from '../pipeline/models';
import type { FittedModel } from '../pipeline/types';

export interface PartialDependence {
  column: string;
  kind: 'numeric' | 'categorical';
  /** Grid values in ascending order (numeric) or the encoder's category order, with the mean prediction. */
  points: { value: number | string; mean: number }[];
}

export interface PartialDependenceOptions {
  /** Most grid points of a numeric column (default 20). */
  gridSize?: number;
  /** Rows averaged over: the first this many of `rows` (default 400). */
  maxRows?: number;
  /** The class whose probability is averaged, for a multiclass model (default 0). */
  classIndex?: number;
}

/**
 * The grid of a numeric column: the observed value nearest to each of `size` evenly spaced quantile levels
 * from 5% to 95% of the column's non-missing values on the sample, deduplicated. The 5–95% range follows
 * scikit-learn's `partial_dependence` (`percentiles=(0.05, 0.95)`), which keeps the extremes, where the
 * model has seen few rows, off the chart; observed values (not interpolated ones) give integer columns integer
 * points, and a column with few distinct values as many points as it has values there.
 */
function numericGrid(table: Table, enc: NumericEncoder, sample: Uint32Array, size: number): number[] {
  const column = table.columns.find((c) => c.name === enc.column);
  if (!column) return [];
  const read =
    column.storage === 'number'
      ? (row: number) => column.values[row]
      : (row: number) => (column.codes[row] < 0 ? NaN : parseNumber(column.dictionary[column.codes[row]]));
  const values = Float64Array.from(sample, read)
    .filter((v) => !Number.isNaN(v))
    .sort();
  if (values.length === 0) return [];
  const grid: number[] = [];
  for (let k = 0; k < size; k++) {
    const level = size === 1 ? 0.5 : 0.05 + (0.9 * k) / (size - 1);
    const v = values[Math.round(level * (values.length - 1))];
    if (grid[grid.length - 1] !== v) grid.push(v); // levels ascend, so equal values are adjacent
  }
  return grid;
}

function checkCount(name: string, value: number, least: number): number {
  if (!Number.isInteger(value) || value < least)
    throw new RangeError(`${name} must be an integer ≥ ${least}`);
  return value;
}

/**
 * The partial dependence of the model's prediction on one column: P(positive) for a binary model, the value
 * for regression, P(class `classIndex`) for multiclass. Averages over the first `maxRows` of `rows` (a
 * deterministic sample: the caller passes the test rows, already in random order). Numeric grid: see
 * `numericGrid`; categorical grid: the encoder's kept categories (not "other" or "missing", which are not
 * values a person could pick). The sample is encoded once, copied once per grid value with the column's
 * features overwritten, and scored in a single prediction. Throws a RangeError for a column the preprocessor
 * does not use, or a bad option. A mean is NaN when there are no rows.
 */
export function partialDependence(
  model: FittedModel,
  pre: Preprocessor,
  table: Table,
  rows: Uint32Array,
  column: string,
  options: PartialDependenceOptions = {},
): PartialDependence {
  const index = pre.encoders.findIndex((e) => e.column === column);
  if (index < 0) throw new RangeError(`The model does not use a column named "${column}".`);
  const gridSize = checkCount('gridSize', options.gridSize ?? 20, 1);
  const maxRows = checkCount('maxRows', options.maxRows ?? 400, 1);
  const classIndex = checkCount('classIndex', options.classIndex ?? 0, 0);
  if (model.task === 'multiclass' && classIndex >= model.classes)
    throw new RangeError(`classIndex ${classIndex} is not one of the model's ${model.classes} classes`);

  const enc = pre.encoders[index];
  const [start, end] = pre.spans[index];
  const sample = rows.subarray(0, Math.min(maxRows, rows.length));
  const n = sample.length;
  const grid: (number | string)[] =
    enc.type === 'numeric' ? numericGrid(table, enc, sample, gridSize) : enc.categories;

  // The sample's features, repeated once per grid value with the column's span overwritten by the value's
  // encoding: (v − mean) / std for a number, 1 at the category's feature and 0 elsewhere for a category.
  const width = pre.featureNames.length;
  const X = transform(pre, table, sample);
  const batch = new Float32Array(grid.length * X.length);
  grid.forEach((v, g) => {
    batch.set(X, g * X.length);
    const encoded = new Float32Array(end - start);
    if (enc.type === 'numeric') encoded[0] = ((v as number) - enc.mean) / enc.std;
    else encoded[g] = 1; // the grid is the category list, in order
    for (let r = 0; r < n; r++) batch.set(encoded, (g * n + r) * width + start);
  });
  const predictions = predictModel(model, batch, grid.length * n);

  const stride = model.task === 'multiclass' ? model.classes : 1;
  const offset = model.task === 'multiclass' ? classIndex : 0;
  const points = grid.map((value, g) => {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += predictions[(g * n + r) * stride + offset];
    return { value, mean: sum / n };
  });
  return { column, kind: enc.type === 'numeric' ? 'numeric' : 'categorical', points };
}
