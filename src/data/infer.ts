import type { CategoryColumn, Column, ColumnKind, NumberColumn, Table } from './types';

/**
 * What each column probably means. The guess only sets defaults (an identifier is left out of the model,
 * a boolean becomes a 0/1 target); the user can change every kind in the data step.
 */

/** Fewer rows than this and "all distinct" says little. */
const MIN_ROWS = 20;
const ID_NAME = /(^|[^a-z])id$|^id|_id$|identifier|uuid|^key$/i;
/** camelCase ids (`customerId`, `orderID`), which the case-insensitive pattern cannot tell from `paid`. */
const CAMEL_ID = /[a-z](Id|ID)$/;
const BOOLEAN_PAIRS = [
  ['true', 'false'],
  ['yes', 'no'],
  ['y', 'n'],
  ['t', 'f'],
];
const DATE_PATTERNS = [
  /^\d{4}-\d{1,2}-\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
  /^\d{1,2}\/\d{1,2}\/\d{4}$/,
  /^\d{4}\/\d{1,2}\/\d{1,2}$/,
];

const looksLikeIdName = (name: string): boolean => ID_NAME.test(name) || CAMEL_ID.test(name);

/** Whether the integers present are all distinct: a bitmap when their range is small, else a sort. */
function allDistinct(values: Float64Array, min: number, max: number, present: number): boolean {
  if (max - min < 4 * present + 1024) {
    const seen = new Uint8Array(max - min + 1);
    for (let i = 0; i < values.length; i++) {
      const x = values[i];
      if (x !== x) continue;
      if (seen[x - min]) return false;
      seen[x - min] = 1;
    }
    return true;
  }
  const sorted = values.filter((x) => x === x).sort();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return false;
  return true;
}

function numberKind(column: NumberColumn, rowCount: number): ColumnKind {
  const values = column.values;
  let present = 0;
  let binary = true;
  let integers = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    present++;
    if (x !== 0 && x !== 1) binary = false;
    if (!Number.isInteger(x)) integers = false;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (present > 0 && binary) return 'boolean';
  if (!integers || present < MIN_ROWS || rowCount < MIN_ROWS) return 'numeric';
  // A row number (1..n, or 0..n-1 as pandas writes its index) is an identifier whatever its name.
  const rowNumbers = (min === 0 || min === 1) && max - min + 1 === present;
  return (rowNumbers || looksLikeIdName(column.name)) && allDistinct(values, min, max, present)
    ? 'identifier'
    : 'numeric';
}

/** At most two values (ignoring case), both from one pair such as yes/no. */
function isBooleanVocabulary(values: string[]): boolean {
  if (values.length > 8) return false;
  const lower = new Set(values.map((v) => v.toLowerCase()));
  return lower.size <= 2 && BOOLEAN_PAIRS.some((pair) => [...lower].every((v) => pair.includes(v)));
}

const isDate = (value: string): boolean => DATE_PATTERNS.some((p) => p.test(value));

function categoryKind(column: CategoryColumn): ColumnKind {
  const { codes, dictionary } = column;
  const counts = new Int32Array(dictionary.length);
  let present = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] < 0) continue;
    counts[codes[i]]++;
    present++;
  }
  if (present === 0) return 'categorical';
  if (isBooleanVocabulary(dictionary)) return 'boolean';
  // Shares are weighted by how often each value occurs, computed over the dictionary, not the rows.
  let dates = 0;
  let chars = 0;
  let spaced = 0;
  dictionary.forEach((value, code) => {
    if (isDate(value)) dates += counts[code];
    chars += value.length * counts[code];
    if (value.includes(' ')) spaced += counts[code];
  });
  if (dates >= present * 0.9) return 'date';
  if (dictionary.length >= present * 0.9 && present >= MIN_ROWS) {
    return chars / present > 25 || spaced > present / 2 ? 'text' : 'identifier';
  }
  return 'categorical';
}

export function inferKind(column: Column, rowCount: number): ColumnKind {
  return column.storage === 'number' ? numberKind(column, rowCount) : categoryKind(column);
}

export function inferKinds(table: Table): ColumnKind[] {
  return table.columns.map((c) => inferKind(c, table.rowCount));
}
