import { formatNumber } from '../data/convert';
import type { TaskKind } from '../data/settings';
import { classCounts, defaultPositiveClass, outcomeVector } from '../data/target';
import type { Column, Table } from '../data/types';

/**
 * The target column as the numbers a model learns to predict, with the class labels those numbers stand
 * for, and the strata that keep each class's share equal across the train / validation / test split.
 */

export interface EncodedTarget {
  /** Binary: 1 positive, 0 any other class. Multiclass: the index into `classes`. Regression: the value. NaN: missing. */
  y: Float64Array;
  /** Binary: [negative, positive]. Multiclass: most frequent first (ties by label). Regression: []. */
  classes: string[];
}

/** The class index of every row, NaN where missing; numbers matched by their label, as classCounts writes them. */
function classIndices(column: Column, classes: string[]): Float64Array {
  const index = new Map(classes.map((label, i) => [label, i]));
  if (column.storage === 'category') {
    const ofCode = column.dictionary.map((label) => index.get(label) ?? NaN);
    return Float64Array.from(column.codes, (code) => (code < 0 ? NaN : ofCode[code]));
  }
  return Float64Array.from(column.values, (v) =>
    Number.isNaN(v) ? NaN : (index.get(formatNumber(v)) ?? NaN),
  );
}

/**
 * Encodes the target column for training, reusing the definitions of src/data/target.ts so the model
 * predicts exactly the outcome the data step showed the user.
 *
 * Binary: y is 1 where the value is `positiveClass` (null → the default positive class: the favourable or
 * else the rarer one), 0 for any other value; `classes` is [negative, positive], where negative is the other
 * class (several others, when the user forced a binary task on more classes, are joined with ' / ', most
 * frequent first; none gives ''). Multiclass: y is the index of the row's class in `classes`, most frequent
 * first, so class 0 is the majority. Regression: y holds the numbers (text parsed), `classes` is empty.
 * Missing values are NaN in every task. Throws a RangeError when the table has no such column.
 */
export function encodeTarget(
  table: Table,
  targetColumn: string,
  task: TaskKind,
  positiveClass: string | null,
): EncodedTarget {
  const column = table.columns.find((c) => c.name === targetColumn);
  if (!column) throw new RangeError(`The table has no column named "${targetColumn}".`);
  if (task === 'regression') return { y: outcomeVector(column, task, null), classes: [] };
  const counts = classCounts(column);
  if (task === 'multiclass') {
    const classes = counts.map((c) => c.value);
    return { y: classIndices(column, classes), classes };
  }
  const positive = positiveClass ?? defaultPositiveClass(counts);
  const negative = counts
    .map((c) => c.value)
    .filter((value) => value !== positive)
    .join(' / ');
  return { y: outcomeVector(column, task, positive), classes: [negative, positive] };
}

/**
 * The strata for `splitRows` (split.ts): for classification, each row's class code (so every class keeps its
 * share in every part); for regression, one stratum. A row with a missing target gets -1 and is left out
 * of the split, since it can neither teach nor test a model.
 */
export function targetStrata(target: EncodedTarget, task: TaskKind): Int32Array {
  const { y } = target;
  const strata = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    strata[i] = Number.isNaN(y[i]) ? -1 : task === 'regression' ? 0 : y[i];
  }
  return strata;
}
