/**
 * Pre-processing remedies that change what the learner sees of the training rows, not the model: reweighing
 * (Kamiran & Calders 2012, "Data preprocessing techniques for classification without discrimination", §4.2)
 * and resampling to the same target (ibid., "uniform sampling", §4.3). Both aim at the training rows looking
 * as if group and outcome were independent: each (group, class) cell gets the share P(g)·P(y) it would then
 * have, instead of the P(g, y) it has.
 */
import { createRng } from '../core/random';

/** Row counts of every (group, class) cell: `cells[g * classes + c]`, and the totals of each group and class. */
interface CellCounts {
  cells: Float64Array;
  byGroup: Float64Array;
  byClass: Float64Array;
  /** Rows with a group (code ≥ 0) and a class. */
  total: number;
}

function countCells(groups: Int32Array, y: Float64Array, groupCount: number, classes: number): CellCounts {
  if (groups.length !== y.length)
    throw new RangeError(`Arrays of different lengths: ${groups.length} ≠ ${y.length}`);
  const cells = new Float64Array(groupCount * classes);
  const byGroup = new Float64Array(groupCount);
  const byClass = new Float64Array(classes);
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const g = groups[i];
    const c = y[i];
    if (g < 0 || g >= groupCount || !(c >= 0 && c < classes)) continue;
    cells[g * classes + c]++;
    byGroup[g]++;
    byClass[c]++;
    total++;
  }
  return { cells, byGroup, byClass, total };
}

/**
 * Kamiran & Calders' reweighing weights, one per row: w(g, y) = P(g)·P(y) / P(g, y), the probabilities
 * estimated by the rows' own counts, so w = n(g)·n(y) / (n · n(g, y)). A cell rarer than independence would
 * make it (women with a high income) weighs more than 1, a more common one less; the weighted rows then
 * show no association between group and class, and the total weight stays n. A row without a group (-1) or
 * class keeps weight 1. `y` holds class indices 0 … classes − 1.
 */
export function reweighingWeights(
  groups: Int32Array,
  y: Float64Array,
  groupCount: number,
  classes = 2,
): Float64Array {
  const { cells, byGroup, byClass, total } = countCells(groups, y, groupCount, classes);
  const weights = new Float64Array(y.length).fill(1);
  for (let i = 0; i < y.length; i++) {
    const g = groups[i];
    const c = y[i];
    if (g < 0 || g >= groupCount || !(c >= 0 && c < classes)) continue;
    weights[i] = (byGroup[g] * byClass[c]) / (total * cells[g * classes + c]);
  }
  return weights;
}

/**
 * Resampling to independence: the positions (into `groups` / `y`) of a new training set in which every
 * (group, class) cell has round(n(g)·n(y) / n) rows, the count it would have if group and class were
 * independent (at least 1 for a cell that has rows). A cell with too few rows keeps all of them and draws the rest again at random
 * (over-sampling, with replacement); a cell with too many keeps a random subset (under-sampling, without
 * replacement). Rows without a group or class are kept once. Seeded, so a run is reproducible; positions
 * come out sorted, so a seeded shuffle downstream is unaffected by the draw order.
 */
export function resampledRows(
  groups: Int32Array,
  y: Float64Array,
  groupCount: number,
  seed: number,
  classes = 2,
): Uint32Array {
  const { byGroup, byClass, total } = countCells(groups, y, groupCount, classes);
  const members: number[][] = Array.from({ length: groupCount * classes }, () => []);
  const kept: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const g = groups[i];
    const c = y[i];
    if (g < 0 || g >= groupCount || !(c >= 0 && c < classes)) kept.push(i);
    else members[g * classes + c].push(i);
  }
  const rng = createRng(seed);
  members.forEach((rows, cell) => {
    if (rows.length === 0) return;
    // At least one row: rounding must not wipe out a small group's rare class altogether.
    const target = Math.max(
      1,
      Math.round((byGroup[Math.floor(cell / classes)] * byClass[cell % classes]) / total),
    );
    if (target >= rows.length) {
      kept.push(...rows);
      for (let k = rows.length; k < target; k++) kept.push(rows[Math.floor(rng() * rows.length)]);
      return;
    }
    // A partial Fisher–Yates shuffle: the first `target` positions are a uniform sample without replacement.
    const pool = rows.slice();
    for (let k = 0; k < target; k++) {
      const j = k + Math.floor(rng() * (pool.length - k));
      [pool[k], pool[j]] = [pool[j], pool[k]];
      kept.push(pool[k]);
    }
  });
  return Uint32Array.from(kept).sort();
}
