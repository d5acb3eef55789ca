/**
 * Single rows as plain objects (`{ age: 37, workclass: 'Private' }`), for the explanations of the results
 * page: the what-if editor lets a person type a row and see its prediction, and shows a real row's values.
 * A model only reads preprocessed features, so rows go through the fitted preprocessor exactly as a table
 * does: they become a small Table, then `transform` — one encoding path, no second copy of the rules.
 */
import { parseNumber } from '../data/convert';
import type { CategoryColumn, Column, NumberColumn, Table } from '../data/types';
import { transform, type ColumnEncoder, type Preprocessor } from '../features/preprocess';

/** One cell as a person sees it; `null` is a missing value. */
export type RawValue = string | number | null;

/** A row by column name. Columns the preprocessor does not use are ignored; absent ones read as missing. */
export interface RawRow {
  [column: string]: RawValue;
}

/** A cell as a number: a string is read as the CSV parser reads it; '', null, unparsable → NaN (missing). */
export function numberOf(value: RawValue | undefined): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  return typeof value === 'string' ? parseNumber(value) : NaN;
}

/** A cell as a category label: numbers as `String(v)` (as the preprocessor labels them); '', null, NaN → null. */
export function labelOf(value: RawValue | undefined): string | null {
  if (typeof value === 'number') return Number.isNaN(value) ? null : String(value);
  if (typeof value !== 'string') return null;
  const label = value.trim(); // dictionary entries are trimmed (data/types.ts)
  return label === '' ? null : label;
}

function columnOf(encoder: ColumnEncoder, rows: readonly RawRow[]): Column {
  const name = encoder.column;
  if (encoder.type === 'numeric') {
    const values = Float64Array.from(rows, (row) => numberOf(row[name]));
    return { storage: 'number', name, values } satisfies NumberColumn;
  }
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const codes = Int32Array.from(rows, (row) => {
    const label = labelOf(row[name]);
    if (label === null) return -1;
    let code = codeOf.get(label);
    if (code === undefined) codeOf.set(label, (code = dictionary.push(label) - 1));
    return code;
  });
  return { storage: 'category', name, codes, dictionary } satisfies CategoryColumn;
}

/**
 * A table of the given rows with one column per encoder: a number column for a numeric encoder, a category
 * column for a one-hot encoder. Numeric strings are read as the CSV parser reads them (`parseNumber`:
 * `Number` for plain numbers, a decimal comma accepted, '', blanks and anything else missing).
 */
export function tableOfRows(pre: Preprocessor, rows: readonly RawRow[]): Table {
  return { rowCount: rows.length, columns: pre.encoders.map((encoder) => columnOf(encoder, rows)) };
}

/** The preprocessed features of the rows: row-major `rows.length × pre.featureNames.length`. */
export function featuresOf(pre: Preprocessor, rows: readonly RawRow[]): Float32Array {
  const all = Uint32Array.from(rows, (_, i) => i);
  return transform(pre, tableOfRows(pre, rows), all);
}

/** Reads one column's cell as a raw value, the way the encoder of that column would read it. */
function cellReader(encoder: ColumnEncoder, column: Column | undefined): (row: number) => RawValue {
  if (!column) return () => null;
  if (column.storage === 'number') {
    const { values } = column;
    return (row) => (Number.isNaN(values[row]) ? null : values[row]);
  }
  const { codes, dictionary } = column;
  if (encoder.type === 'one-hot') return (row) => (codes[row] < 0 ? null : dictionary[codes[row]]);
  // A numeric encoder over text: the preprocessor parses the labels (encoders.ts), so parse them here too.
  const parsed = dictionary.map((label) => {
    const v = parseNumber(label);
    return Number.isNaN(v) ? null : v;
  });
  return (row) => (codes[row] < 0 ? null : parsed[codes[row]]);
}

/**
 * The raw values of the encoders' columns on the given rows of a table: numbers (null for NaN), category
 * labels (null for missing), null for a column the table lacks. Encoding them with `featuresOf` gives the
 * same features as `transform(pre, table, rows)`.
 */
export function rawRowsOf(pre: Preprocessor, table: Table, rows: Uint32Array): RawRow[] {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const readers = pre.encoders.map((encoder) => cellReader(encoder, byName.get(encoder.column)));
  return Array.from(rows, (row) => {
    if (row >= table.rowCount) throw new RangeError(`Row ${row} is outside the table.`);
    const out: RawRow = {};
    pre.encoders.forEach((encoder, i) => (out[encoder.column] = readers[i](row)));
    return out;
  });
}
