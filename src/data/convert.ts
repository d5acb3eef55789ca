import type { CategoryColumn, Column, ColumnKind, NumberColumn } from './types';

/**
 * Changing a column's storage when the user overrides its kind, plus the small number helpers that every
 * module turning numbers into category labels (profile, target, groups) must share so labels agree.
 */

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
// One comma between digits and no dot: "1,5" as written by European spreadsheets. A grouped thousand such
// as "1,000" is read as 1.0 too; a column of those should have been parsed as numbers in the first place.
const COMMA_DECIMAL = /^[+-]?(\d+,\d*|,\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a number the way a person typed it, or NaN. Stricter than `Number()`, which accepts '', '0x1F'
 * and 'Infinity', and would silently turn blanks into 0.
 */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  let value = NaN;
  if (PLAIN_NUMBER.test(trimmed)) value = Number(trimmed);
  else if (COMMA_DECIMAL.test(trimmed)) value = Number(trimmed.replace(',', '.'));
  // '1e999' overflows to Infinity, which no statistic downstream can use.
  return Number.isFinite(value) ? value : NaN;
}

/** A number as a category label: shortest round-trip form, so integers have no '.0' and -0 reads '0'. */
export function formatNumber(value: number): string {
  return String(value);
}

/** The non-missing values, sorted ascending, in a fresh array (the input is left alone). */
export function sortedNonMissing(values: Float64Array, length = values.length): Float64Array {
  let count = 0;
  for (let i = 0; i < length; i++) if (!Number.isNaN(values[i])) count++;
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) out[k++] = v;
  }
  return out.sort();
}

/** The distinct values of an ascending array. `===` treats -0 and 0 as one value, as a label would. */
export function distinctSorted(sorted: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]);
  }
  return out;
}

/** How many rows hold each dictionary entry. Codes outside the dictionary (only -1, missing) are skipped. */
export function codeCounts(column: CategoryColumn): Int32Array {
  const counts = new Int32Array(column.dictionary.length);
  const { codes } = column;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0) counts[c]++;
  }
  return counts;
}

function categoriesToNumbers(column: CategoryColumn): { column: NumberColumn; unparsable: number } {
  // Parse each dictionary entry once, not each row: a million rows usually hold a few hundred strings.
  const parsed = column.dictionary.map(parseNumber);
  const { codes } = column;
  const values = new Float64Array(codes.length);
  let unparsable = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) {
      values[i] = NaN;
      continue;
    }
    const v = parsed[c];
    if (Number.isNaN(v)) unparsable++;
    values[i] = v;
  }
  return { column: { storage: 'number', name: column.name, values }, unparsable };
}

function numbersToCategories(column: NumberColumn): CategoryColumn {
  const distinct = distinctSorted(sortedNonMissing(column.values));
  // A Map keyed by number uses SameValueZero, so -0 finds the code of 0, matching distinctSorted.
  const codeOf = new Map<number, number>();
  distinct.forEach((v, code) => codeOf.set(v, code));
  const { values } = column;
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    codes[i] = Number.isNaN(v) ? -1 : (codeOf.get(v) as number);
  }
  return { storage: 'category', name: column.name, codes, dictionary: distinct.map(formatNumber) };
}

/**
 * The column stored the way `kind` needs. 'numeric' on categories parses each entry (decimal comma
 * accepted); `unparsable` counts the non-missing cells that could not be read and became missing. Any other
 * kind on numbers gives categories labelled by the numbers, in numeric order. Otherwise the same column
 * object comes back. Inputs are never mutated.
 */
export function columnAsKind(column: Column, kind: ColumnKind): { column: Column; unparsable: number } {
  if (kind === 'numeric' && column.storage === 'category') return categoriesToNumbers(column);
  if (kind !== 'numeric' && column.storage === 'number') {
    return { column: numbersToCategories(column), unparsable: 0 };
  }
  return { column, unparsable: 0 };
}
