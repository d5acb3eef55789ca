/**
 * The ROC geometry behind `fitGroupThresholds` (groupThresholds.ts): each group's ROC points in counts, their
 * upper convex hull, and the search for a target count on it.
 *
 * Work is done in counts, not rates: the points of a group are (Q_j, P_j), the negatives and positives
 * scoring at or above its j-th highest distinct score, so ties in the scores are one step, the hull's turns
 * are exact integer arithmetic, and TP, FP and accuracy follow directly. Each group's rows are sorted once
 * (one sort of all rows); any target is then found on the hull by binary search, so the whole grid costs
 * O(candidates · G · log n).
 *
 * Which rows take part, and why the upper hull: see the module doc of groupThresholds.ts.
 */

/**
 * A group's upper ROC hull in counts. Vertex i is the threshold rule "s > thr[i]": it selects q[i] negative
 * and p[i] positive rows of the group (n[i] = q[i] + p[i]). Vertex 0 selects nobody (thr = the highest
 * score), the last vertex everybody (thr = -Infinity). q, p and n never decrease along the hull.
 */
export interface Hull {
  q: Float64Array;
  p: Float64Array;
  n: Float64Array;
  thr: Float64Array;
}

/** One group's fitting rows: sizes and hull. */
export interface GroupCurve {
  rows: number;
  positives: number;
  negatives: number;
  hull: Hull;
}

/** A point on a hull: (1 − lambda) · vertex i + lambda · vertex i + 1; lambda = 0 is vertex i itself. */
export interface HullPoint {
  i: number;
  lambda: number;
}

/** Whether row i takes part in the fitting (see the module doc of groupThresholds.ts). */
export function fits(
  score: Float64Array,
  y: Float64Array,
  groups: Int32Array,
  groupCount: number,
  i: number,
) {
  const g = groups[i];
  return g >= 0 && g < groupCount && Number.isFinite(score[i]) && !Number.isNaN(y[i]);
}

/**
 * The upper convex hull of (Q_j, P_j), j = 0 … k, a path that never goes down or left (Andrew's monotone
 * chain). Collinear points are kept: a mixture then uses adjacent thresholds, which randomises fewer rows
 * for the same expected rates (and a group with only one class keeps every threshold).
 */
function upperHull(q: number[], p: number[], thr: number[]): Hull {
  const idx: number[] = [];
  for (let j = 0; j < q.length; j++) {
    while (idx.length >= 2) {
      const a = idx[idx.length - 2];
      const b = idx[idx.length - 1];
      // cross((b − a), (j − b)) > 0 is a left turn: b lies below the chord a → j, so it is not on the upper hull.
      const cross = (q[b] - q[a]) * (p[j] - p[b]) - (p[b] - p[a]) * (q[j] - q[b]);
      if (cross > 0) idx.pop();
      else break;
    }
    idx.push(j);
  }
  const pick = (v: number[]) => Float64Array.from(idx, (j) => v[j]);
  const hq = pick(q);
  const hp = pick(p);
  return { q: hq, p: hp, n: hq.map((x, i) => x + hp[i]), thr: pick(thr) };
}

/** Every group's sizes and hull from the fitting rows; null for a group with none. One sort of all rows. */
export function buildCurves(
  score: Float64Array,
  y: Float64Array,
  groups: Int32Array,
  groupCount: number,
): (GroupCurve | null)[] {
  const kept: number[] = [];
  for (let i = 0; i < score.length; i++) if (fits(score, y, groups, groupCount, i)) kept.push(i);
  const order = Int32Array.from(kept).sort((a, b) => score[b] - score[a]);
  // Per group: the cumulative counts after each distinct score, highest first, and the next threshold.
  const q: number[][] = Array.from({ length: groupCount }, () => [0]);
  const p: number[][] = Array.from({ length: groupCount }, () => [0]);
  const thr: number[][] = Array.from({ length: groupCount }, () => []);
  for (const i of order) {
    const g = groups[i];
    const s = score[i];
    const last = q[g].length - 1;
    if (thr[g].length === 0 || thr[g][last - 1] !== s) {
      // A new distinct score: the rule before it is "s > this score" (the threshold of vertex `last`).
      thr[g].push(s);
      q[g].push(q[g][last]);
      p[g].push(p[g][last]);
    }
    const top = q[g].length - 1;
    if (y[i] === 1) p[g][top]++;
    else q[g][top]++;
  }
  return q.map((qg, g) => {
    if (qg.length === 1) return null;
    thr[g].push(-Infinity); // after the lowest score: everybody
    const positives = p[g][p[g].length - 1];
    const negatives = qg[qg.length - 1];
    return { rows: positives + negatives, positives, negatives, hull: upperHull(qg, p[g], thr[g]) };
  });
}

/**
 * A count computed from a rate (rate · total, e.g. (Q_i / N) · N) snapped to the integer it misses by a few
 * units in the last place only, so that a vertex's own rate gives that vertex's plain threshold rather than a
 * mixture with weight 1 − 10⁻¹⁶. Any wider and a target merely near a vertex would move to it, off the
 * common rate the other groups meet.
 */
function snap(m: number): number {
  const r = Math.round(m);
  return Math.abs(m - r) <= 8 * Number.EPSILON * Math.max(1, Math.abs(m)) ? r : m;
}

/** The first point along the hull whose coordinate c reaches m (c never decreases along the hull). */
export function firstReaching(c: Float64Array, target: number): HullPoint {
  const m = Math.min(Math.max(snap(target), c[0]), c[c.length - 1]);
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid] >= m) hi = mid;
    else lo = mid + 1;
  }
  if (lo === 0 || c[lo] === m) return { i: lo, lambda: 0 };
  return { i: lo - 1, lambda: (m - c[lo - 1]) / (c[lo] - c[lo - 1]) };
}

/** The last point along the hull whose coordinate c does not exceed m. */
export function lastWithin(c: Float64Array, target: number): HullPoint {
  const m = Math.min(Math.max(snap(target), c[0]), c[c.length - 1]);
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c[mid] <= m) lo = mid;
    else hi = mid - 1;
  }
  if (lo === c.length - 1 || c[lo] === m) return { i: lo, lambda: 0 };
  return { i: lo, lambda: (m - c[lo]) / (c[lo + 1] - c[lo]) };
}

/** Coordinate c of a point on the hull. */
export function at(c: Float64Array, pt: HullPoint): number {
  return pt.lambda === 0 ? c[pt.i] : c[pt.i] + pt.lambda * (c[pt.i + 1] - c[pt.i]);
}

/** Expected correct decisions of a group at a point of its hull: TP + TN. */
export function correctAt(curve: GroupCurve, pt: HullPoint): number {
  return at(curve.hull.p, pt) + curve.negatives - at(curve.hull.q, pt);
}
