import {
  codeCounts,
  columnAsKind,
  distinctSorted,
  formatNumber,
  parseNumber,
  sortedNonMissing,
} from './convert';
import type { TaskKind } from './settings';
import type { Column, ColumnKind } from './types';

/**
 * Choosing what to predict: which kind of task a target column implies, its classes, the class that
 * reads as the favourable outcome, and the target as numbers a model and the fairness checks can use.
 */

/** More distinct categories than this make a class-per-value model useless; such a target is refused. */
const MAX_CLASSES = 50;
/** A number column with at most this many distinct integers (a rating, a count of stars) is a class. */
const MAX_INTEGER_CLASSES = 10;

/**
 * The task a target implies, or null when it cannot be one: fewer than two distinct values (the page says
 * 'target-one-class') or more than 50 categories. Two values → 'binary'. A numeric kind → 'regression'
 * with more than 10 distinct values or any non-integer value, else 'multiclass'. Other kinds → 'multiclass'
 * for 3–50 distinct values.
 */
export function inferTask(column: Column, kind: ColumnKind): TaskKind | null {
  let distinct: number;
  let integerOnly = false;
  if (column.storage === 'number') {
    const values = distinctSorted(sortedNonMissing(column.values));
    distinct = values.length;
    integerOnly = values.every(Number.isInteger);
  } else {
    distinct = codeCounts(column).filter((count) => count > 0).length;
  }
  if (distinct < 2) return null;
  if (distinct === 2) return 'binary';
  if (kind === 'numeric' && column.storage === 'number') {
    return integerOnly && distinct <= MAX_INTEGER_CLASSES ? 'multiclass' : 'regression';
  }
  return distinct <= MAX_CLASSES ? 'multiclass' : null;
}

const byValue = (a: { value: string }, b: { value: string }) =>
  a.value < b.value ? -1 : a.value > b.value ? 1 : 0;

/**
 * Each non-missing value and how many rows hold it, most frequent first (ties by value, in code-unit
 * order). Numbers are labelled as in convert.ts: '3', '2.5'.
 */
export function classCounts(column: Column): { value: string; count: number }[] {
  let classes: { value: string; count: number }[];
  if (column.storage === 'number') {
    const sorted = sortedNonMissing(column.values);
    classes = [];
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) classes[classes.length - 1].count++;
      else classes.push({ value: formatNumber(sorted[i]), count: 1 });
    }
  } else {
    const counts = codeCounts(column);
    classes = column.dictionary.map((value, code) => ({ value, count: counts[code] }));
    classes = classes.filter((c) => c.count > 0);
  }
  return classes.sort(byValue).sort((a, b) => b.count - a.count);
}

const FAVOURABLE = new Set(['yes', 'true', '1', 'y', 't', 'good', 'approved', 'positive', 'pass']);

/** True when a label reads as the favourable outcome: 'Yes', 'TRUE', '1', 'approved', '>50K', …. */
function readsFavourable(value: string): boolean {
  const v = value.trim().toLowerCase();
  return FAVOURABLE.has(v) || v.startsWith('>');
}

/**
 * The class to treat as the outcome of interest when the user has not chosen one: the first (most
 * frequent) that reads as favourable, else the least frequent class, since that is usually the event
 * worth predicting (default, fraud, disease); ties go to the later value in code-unit order. '' when
 * there are no classes.
 */
export function defaultPositiveClass(classes: { value: string; count: number }[]): string {
  const favourable = classes.find((c) => readsFavourable(c.value));
  if (favourable) return favourable.value;
  let minority: { value: string; count: number } | undefined;
  for (const c of classes) {
    const fewer = !minority || c.count < minority.count;
    if (fewer || (c.count === minority?.count && c.value > minority.value)) minority = c;
  }
  return minority?.value ?? '';
}

/**
 * The target as numbers. Classification: 1 where the value is `positiveClass` (null → the default
 * positive class), 0 where it is another value, NaN where missing; a number column compares labels as
 * classCounts writes them. Regression: the numeric values (categories parsed as numbers), NaN missing.
 */
export function outcomeVector(column: Column, task: TaskKind, positiveClass: string | null): Float64Array {
  if (task === 'regression') {
    // A copy, so a caller writing into the result cannot change the table.
    if (column.storage === 'number') return column.values.slice();
    const parsed = columnAsKind(column, 'numeric').column;
    return parsed.storage === 'number' ? parsed.values : new Float64Array(column.codes.length).fill(NaN);
  }
  const positive = positiveClass ?? defaultPositiveClass(classCounts(column));
  if (column.storage === 'number') {
    // Compare numbers, not labels per row; a label that is not how formatNumber writes a number matches none.
    const parsed = parseNumber(positive);
    const p = formatNumber(parsed) === positive ? parsed : NaN;
    const { values } = column;
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out[i] = Number.isNaN(v) ? NaN : v === p ? 1 : 0;
    }
    return out;
  }
  const positiveCode = column.dictionary.indexOf(positive);
  const { codes } = column;
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    out[i] = codes[i] < 0 ? NaN : codes[i] === positiveCode ? 1 : 0;
  }
  return out;
}
