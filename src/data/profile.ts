import { codeCounts, formatNumber, sortedNonMissing } from './convert';
import type { CategoryColumn, Column, ColumnKind, NumberColumn, Table } from './types';

/**
 * A summary of each column for the data step: how much is missing, what the values look like, and the
 * warnings a person should see before training (ID columns, constants, mostly empty columns). Linear or
 * n log n in the rows: one sorted copy per number column, one count per category column.
 */

export type ColumnWarning =
  | { code: 'all-missing' }
  | { code: 'constant'; value: string }
  | { code: 'mostly-missing'; share: number }
  | { code: 'identifier' }
  | { code: 'high-cardinality'; distinct: number };

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  rows: number;
  missing: number;
  /** missing / rows; 0 for a table without rows. */
  missingShare: number;
  /** Distinct non-missing values. */
  distinct: number;
  /** Number columns with at least one value. `std` is the population standard deviation. */
  numeric?: { min: number; max: number; mean: number; median: number; std: number };
  /** Number columns: one bin per integer when there are at most 20 distinct integers, else equal widths. */
  histogram?: HistogramBin[];
  /** Category columns (and number columns of a non-numeric kind): the 10 most frequent values. */
  topValues?: { value: string; count: number }[];
  /** Rows holding a value beyond the top 10; present whenever topValues is. */
  otherCount?: number;
  warnings: ColumnWarning[];
}

const TOP = 10;
const BINS = 20;
const MOSTLY_MISSING = 0.5;
// Below this many values, "every value is different" is as likely chance as a real ID column.
const IDENTIFIER_MIN_ROWS = 20;
const HIGH_CARDINALITY = 50;

type Summary = Pick<ColumnProfile, 'distinct' | 'numeric' | 'histogram' | 'topValues' | 'otherCount'> & {
  nonMissing: number;
  /** The value when there is exactly one, for the 'constant' warning. */
  only?: string;
};

/** Top values by count, ties by value order (the order `entries` come in). Stable sort keeps that. */
function topOf(entries: { value: string; count: number }[], nonMissing: number) {
  const top = entries
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP);
  const shown = top.reduce((sum, e) => sum + e.count, 0);
  return { topValues: top, otherCount: nonMissing - shown };
}

function numericStats(sorted: Float64Array) {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mean = sum / n;
  // Two passes (mean, then squared deviations) avoid the cancellation of the sum-of-squares formula.
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sorted[i] - mean) ** 2;
  const mid = n >> 1;
  const median = n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], max: sorted[n - 1], mean, median, std: Math.sqrt(squares / n) };
}

/** Runs of equal values in a sorted array: the distinct values and how often each occurs. */
function runs(sorted: Float64Array): { value: number; count: number }[] {
  const out: { value: number; count: number }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const last = out[out.length - 1];
    if (last && last.value === sorted[i]) last.count++;
    else out.push({ value: sorted[i], count: 1 });
  }
  return out;
}

/** How many distinct values an ascending array holds, without building the list (a million IDs are common). */
function countDistinct(sorted: Float64Array): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/**
 * The TOP most frequent runs of a sorted array, most frequent first; ties go to the smaller value (the one met
 * first). One pass with a short list, so a column of a million distinct numbers formats only TOP of them.
 */
function topRuns(sorted: Float64Array): { value: number; count: number }[] {
  const top: { value: number; count: number }[] = [];
  const offer = (value: number, count: number) => {
    if (top.length === TOP && count <= top[TOP - 1].count) return;
    let at = top.length;
    while (at > 0 && top[at - 1].count < count) at--;
    top.splice(at, 0, { value, count });
    if (top.length > TOP) top.pop();
  };
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i] !== sorted[start]) {
      offer(sorted[start], i - start);
      start = i;
    }
  }
  return top;
}

function histogram(sorted: Float64Array, distinct: number): HistogramBin[] {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (distinct <= BINS) {
    const all = runs(sorted);
    if (all.every((r) => Number.isInteger(r.value))) {
      return all.map((r) => ({ from: r.value, to: r.value + 1, count: r.count }));
    }
  }
  // Fewer bins than distinct values would leave most bins empty.
  const bins = Math.min(BINS, distinct);
  const width = (max - min) / bins;
  const out: HistogramBin[] = [];
  for (let b = 0; b < bins; b++) {
    out.push({ from: min + b * width, to: b === bins - 1 ? max : min + (b + 1) * width, count: 0 });
  }
  for (let i = 0; i < sorted.length; i++) {
    // The maximum falls on the upper edge of the last bin, so clamp it in; so does NaN from infinite values.
    const b = Math.floor((sorted[i] - min) / width);
    out[b < bins ? b : bins - 1].count++;
  }
  return out;
}

function summariseNumbers(column: NumberColumn, kind: ColumnKind, rows: number): Summary {
  const sorted = sortedNonMissing(column.values, rows);
  const distinct = countDistinct(sorted);
  const summary: Summary = { distinct, nonMissing: sorted.length };
  if (sorted.length === 0) return summary;
  summary.numeric = numericStats(sorted);
  summary.histogram = histogram(sorted, distinct);
  if (distinct === 1) summary.only = formatNumber(sorted[0]);
  if (kind !== 'numeric') {
    // A 0/1 column kept as numbers but meant as a flag still deserves a value table.
    const entries = topRuns(sorted).map((r) => ({ value: formatNumber(r.value), count: r.count }));
    Object.assign(summary, topOf(entries, sorted.length));
  }
  return summary;
}

function summariseCategories(column: CategoryColumn): Summary {
  const counts = codeCounts(column);
  const entries = column.dictionary
    .map((value, code) => ({ value, count: counts[code] }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const used = entries.filter((e) => e.count > 0);
  const nonMissing = used.reduce((sum, e) => sum + e.count, 0);
  const summary: Summary = { distinct: used.length, nonMissing, ...topOf(used, nonMissing) };
  if (used.length === 1) summary.only = used[0].value;
  return summary;
}

function warningsFor(kind: ColumnKind, rows: number, s: Summary): ColumnWarning[] {
  const missing = rows - s.nonMissing;
  if (rows > 0 && s.nonMissing === 0) return [{ code: 'all-missing' }];
  const warnings: ColumnWarning[] = [];
  if (s.only !== undefined) warnings.push({ code: 'constant', value: s.only });
  if (rows > 0 && missing / rows >= MOSTLY_MISSING) {
    warnings.push({ code: 'mostly-missing', share: missing / rows });
  }
  const allDifferent =
    kind === 'categorical' && s.distinct === s.nonMissing && s.nonMissing >= IDENTIFIER_MIN_ROWS;
  if (kind === 'identifier' || allDifferent) warnings.push({ code: 'identifier' });
  else if ((kind === 'categorical' || kind === 'text') && s.distinct > HIGH_CARDINALITY) {
    warnings.push({ code: 'high-cardinality', distinct: s.distinct });
  }
  return warnings;
}

/**
 * Profiles the first `rowCount` cells of a column. `kind` decides the warnings and whether a number column
 * also gets a value table; the storage decides the statistics. An all-missing column gets only that warning.
 */
export function profileColumn(column: Column, kind: ColumnKind, rowCount: number): ColumnProfile {
  const summary =
    column.storage === 'number' ? summariseNumbers(column, kind, rowCount) : summariseCategories(column);
  const { nonMissing, only: _only, ...shown } = summary;
  const missing = rowCount - nonMissing;
  return {
    name: column.name,
    kind,
    rows: rowCount,
    missing,
    missingShare: rowCount > 0 ? missing / rowCount : 0,
    ...shown,
    warnings: warningsFor(kind, rowCount, summary),
  };
}

/** Profiles every column; `kinds[i]` belongs to `table.columns[i]`. */
export function profileTable(table: Table, kinds: ColumnKind[]): ColumnProfile[] {
  return table.columns.map((column, i) => profileColumn(column, kinds[i], table.rowCount));
}
