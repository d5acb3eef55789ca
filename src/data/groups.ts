import { parseNumber, sortedNonMissing } from './convert';
import type { CategoryColumn, Column, NumberColumn } from './types';

/**
 * Turning a column into groups: categories are groups already; numbers are cut at ascending edges into
 * "under 25", "25 to under 45", …, "65 and over". Used for sensitive attributes and the 'bin' cleaning step.
 */

/** The p-quantile of ascending values by linear interpolation (R type 7, NumPy's default). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Two significant digits, so an edge reads like one a person would pick: 37.6 → 38, 178,356 → 180,000. */
function nice(value: number): number {
  return Number(value.toPrecision(2));
}

/**
 * Cut points at the quartiles (25%, 50%, 75%) of the non-missing values, rounded to two significant
 * digits. Duplicates are merged and only edges in (min, max] are kept, so no group is empty: an edge at
 * the minimum would leave "under" empty, one above the maximum would leave "and over" empty. A constant or
 * empty column gets no edges (one group).
 */
export function defaultEdges(values: Float64Array): number[] {
  const sorted = sortedNonMissing(values);
  if (sorted.length === 0) return [];
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const edges: number[] = [];
  for (const p of [0.25, 0.5, 0.75]) {
    const edge = nice(quantile(sorted, p));
    if (edge > min && edge <= max && !edges.includes(edge)) edges.push(edge);
  }
  return edges;
}

/** Up to two decimals, no trailing zeros, no thousands separators: 1500 → '1500', 2.5 → '2.5'. */
function formatEdge(value: number): string {
  // `+ 0` turns a -0 from rounding a tiny negative number into 0.
  return String(Number(value.toFixed(2)) + 0);
}

/**
 * Group labels for ascending edges: n edges give n + 1 groups. [25, 45, 65] → 'under 25',
 * '25 to under 45', '45 to under 65', '65 and over'. No edges give one group, 'all'.
 */
export function binLabels(edges: number[]): string[] {
  if (edges.length === 0) return ['all'];
  const text = edges.map(formatEdge);
  const labels = [`under ${text[0]}`];
  for (let i = 1; i < text.length; i++) labels.push(`${text[i - 1]} to under ${text[i]}`);
  labels.push(`${text[text.length - 1]} and over`);
  return labels;
}

/** How many edges are ≤ value, by binary search: the group a value falls in. */
function groupOf(edges: number[], value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Numbers as groups: below edges[0] → group 0, edges[i-1] ≤ v < edges[i] → group i, at or above the last
 * edge → the last group, missing → -1. `edges` must be strictly ascending (see parseEdges).
 */
export function binColumn(column: NumberColumn, edges: number[]): CategoryColumn {
  const { values } = column;
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    codes[i] = Number.isNaN(v) ? -1 : groupOf(edges, v);
  }
  return { storage: 'category', name: column.name, codes, dictionary: binLabels(edges) };
}

/**
 * A column's groups: a category column's own codes and dictionary (shared, not copied: do not mutate),
 * or a number column binned at `edges`, by default at defaultEdges.
 */
export function groupsOf(column: Column, edges?: number[]): { codes: Int32Array; labels: string[] } {
  if (column.storage === 'category') return { codes: column.codes, labels: column.dictionary };
  const binned = binColumn(column, edges ?? defaultEdges(column.values));
  return { codes: binned.codes, labels: binned.dictionary };
}

/**
 * Edges as a person types them: "25, 45, 65", "25 45 65" or "25; 45; 65". Null when empty, when a part is
 * not a finite number, or when the numbers are not strictly ascending. Commas separate, so no decimal comma.
 */
export function parseEdges(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.length === 0) return null;
  const edges = parts.map(parseNumber);
  for (let i = 0; i < edges.length; i++) {
    if (Number.isNaN(edges[i])) return null;
    if (i > 0 && edges[i] <= edges[i - 1]) return null;
  }
  return edges;
}
