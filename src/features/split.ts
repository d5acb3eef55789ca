import { createRng } from '../core/random';

/**
 * Dividing the rows of a table into the part a model learns from (train), the part used to choose between
 * models and settings (validation) and the part held back for the final, honest measurement (test).
 */

/** Shares of the rows for each part; non-negative, summing to 1. */
export interface SplitFractions {
  train: number;
  validation: number;
  test: number;
}

/** Row indices of each part, ascending. Every included row is in exactly one part. */
export interface RowSplit {
  train: Uint32Array;
  validation: Uint32Array;
  test: Uint32Array;
}

export interface SplitOptions {
  /** The seed of the shuffle: the same seed (and the same rows and strata) always gives the same split. */
  seed: number;
  /** Defaults to {@link DEFAULT_FRACTIONS}. */
  fractions?: SplitFractions;
  /** A class code per row; each part keeps each class's share. `-1` (a missing target) leaves the row out. */
  strata?: Int32Array;
}

/** 70% to learn from, 15% to tune on, 15% to report on: a common split for tables of a few thousand rows. */
export const DEFAULT_FRACTIONS: Readonly<SplitFractions> = { train: 0.7, validation: 0.15, test: 0.15 };

/** Tolerance for fractions summing to 1 and for comparing remainders that differ only by rounding. */
const EPSILON = 1e-9;

/**
 * Throws a RangeError unless the fractions are finite, non-negative, sum to 1 (± 1e-9) and give training
 * rows a positive share. A bad fraction is a programming error, not something the user typed, so it throws
 * instead of returning a Result.
 */
export function checkFractions(fractions: SplitFractions): void {
  const parts = [fractions.train, fractions.validation, fractions.test];
  if (parts.some((f) => !Number.isFinite(f) || f < 0)) {
    throw new RangeError('Split fractions must be finite and non-negative.');
  }
  if (Math.abs(parts[0] + parts[1] + parts[2] - 1) > EPSILON) {
    throw new RangeError('Split fractions must sum to 1.');
  }
  if (!(fractions.train > 0)) throw new RangeError('The training fraction must be positive.');
}

/**
 * How many of `count` rows go to train, validation and test: each part gets the floor of its exact share,
 * and the rows left over go one each to the parts with the largest fractional remainders (ties to the
 * earlier part: train, then validation, then test). The counts add up to `count` and each is within one
 * row of its exact share, which is what keeps a class's share equal across the parts.
 */
export function partSizes(count: number, fractions: SplitFractions): [number, number, number] {
  const exact = [fractions.train, fractions.validation, fractions.test].map((f) => f * count);
  // The epsilon stops 0.7 * 10 = 6.999… from flooring to 6.
  const sizes = exact.map((x) => Math.floor(x + EPSILON));
  const remainders = exact.map((x, i) => x - sizes[i]);
  let left = count - sizes[0] - sizes[1] - sizes[2];
  const order = [0, 1, 2].sort((a, b) =>
    Math.abs(remainders[a] - remainders[b]) < EPSILON ? a - b : remainders[b] - remainders[a],
  );
  // A part with a zero fraction never receives a leftover row.
  for (const part of order) {
    if (left <= 0) break;
    if (exact[part] > 0) {
      sizes[part]++;
      left--;
    }
  }
  return [sizes[0], sizes[1], sizes[2]];
}

/** The included rows grouped by stratum, strata in ascending code order, rows ascending within each. */
function groupRows(rowCount: number, strata: Int32Array | undefined): Uint32Array[] {
  if (!strata) return [Uint32Array.from({ length: rowCount }, (_, i) => i)];
  if (strata.length !== rowCount) throw new RangeError('There must be one stratum code per row.');
  const counts = new Map<number, number>();
  for (let i = 0; i < rowCount; i++) {
    const code = strata[i];
    if (code < -1) throw new RangeError('Stratum codes must be -1 (left out) or non-negative.');
    if (code >= 0) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const codes = [...counts.keys()].sort((a, b) => a - b);
  const groups = new Map<number, { rows: Uint32Array; filled: number }>();
  for (const code of codes) groups.set(code, { rows: new Uint32Array(counts.get(code) ?? 0), filled: 0 });
  for (let i = 0; i < rowCount; i++) {
    const group = groups.get(strata[i]);
    if (group) group.rows[group.filled++] = i;
  }
  return codes.map((code) => (groups.get(code) as { rows: Uint32Array }).rows);
}

/** Fisher–Yates, in place: every order equally likely given a uniform generator. */
function shuffle(rows: Uint32Array, rng: () => number): void {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = rows[i];
    rows[i] = rows[j];
    rows[j] = t;
  }
}

/**
 * A seeded, stratified train / validation / test split of rows `0 … rowCount - 1`.
 *
 * Within each stratum (each class of the target, or all rows when there are no strata) the rows are
 * shuffled with the seeded generator and cut by {@link partSizes}, so every class keeps its share in every
 * part to within one row: a model is then trained and judged on the same mix of outcomes, which matters
 * most when one class is rare. Rows whose stratum is -1 (a missing target) go into no part, since a row
 * with no outcome can neither teach nor test a model. The same seed always gives the same split, so a
 * result can be reproduced; a validation fraction of 0 gives a plain train / test split.
 */
export function splitRows(rowCount: number, options: SplitOptions): RowSplit {
  if (!Number.isInteger(rowCount) || rowCount < 0) {
    throw new RangeError('The row count must be a non-negative integer.');
  }
  const fractions = options.fractions ?? DEFAULT_FRACTIONS;
  checkFractions(fractions);
  const rng = createRng(options.seed);
  const parts: number[][] = [[], [], []];
  for (const rows of groupRows(rowCount, options.strata)) {
    shuffle(rows, rng);
    const [train, validation] = partSizes(rows.length, fractions);
    for (let k = 0; k < rows.length; k++) {
      parts[k < train ? 0 : k < train + validation ? 1 : 2].push(rows[k]);
    }
  }
  const [train, validation, test] = parts.map((p) => Uint32Array.from(p).sort());
  return { train, validation, test };
}
