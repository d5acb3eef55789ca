/**
 * The fairness–accuracy trade-off of several runs: which of them are on the Pareto frontier. A run is on it
 * when no other run is at least as fair (a disparity no larger) and at least as accurate, and strictly
 * better in one of the two; the others are "dominated": some run beats them on both counts.
 */

export interface TradeoffPoint {
  /** The disparity to make small (a between-groups difference, 0 = parity). */
  disparity: number;
  /** The figure to make large (accuracy). */
  accuracy: number;
}

/**
 * Indices of the points on the frontier, from the fairest to the most accurate (disparity ascending,
 * accuracy ascending along it). Points with a figure that is not a number take no part. Of equal points,
 * the first is kept.
 */
export function paretoFrontier(points: readonly TradeoffPoint[]): number[] {
  const order = points
    .map((_, i) => i)
    .filter((i) => Number.isFinite(points[i].disparity) && Number.isFinite(points[i].accuracy))
    .sort(
      (a, b) => points[a].disparity - points[b].disparity || points[b].accuracy - points[a].accuracy || a - b,
    );
  const frontier: number[] = [];
  let best = -Infinity;
  // Swept from the fairest: a point joins when it is more accurate than every fairer one.
  for (const i of order) {
    if (points[i].accuracy > best) {
      frontier.push(i);
      best = points[i].accuracy;
    }
  }
  return frontier;
}
