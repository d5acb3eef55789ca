/**
 * Post-processing with group-specific thresholds: given a classifier's scores, each group of a sensitive
 * attribute gets its own (randomised) decision rule, chosen to maximise expected accuracy on the rows it is
 * fitted on while a fairness constraint holds exactly, in expectation, on those rows. This is the method of
 * Hardt, M., Price, E. & Srebro, N. (2016). Equality of Opportunity in Supervised Learning. NeurIPS
 * (arXiv:1610.02413), and of Fairlearn's `ThresholdOptimizer` (fairlearn.postprocessing), which follows it.
 *
 * THIS TREATS GROUPS DIFFERENTLY AT DECISION TIME. Two people with the same score but different groups can
 * get different decisions (and the decision can be a coin flip), and the sensitive attribute must be known
 * for every row decided. That is the point of the method (it is how the group rates are equalised), but it
 * is disparate treatment, which some laws and policies forbid (e.g. in credit or hiring); say so wherever it
 * is offered.
 *
 * Why the ROC convex hull, for every constraint: a rule that mixes two threshold rules at random reaches any
 * point on the segment between their (FPR, TPR) points, so the rules a group can use are the convex hull of
 * its ROC points (Hardt et al. 2016, §4; Fairlearn's `_get_roc` builds the same hull for demographic parity
 * and equalized odds alike). Accuracy is linear in (FPR, TPR), and every constraint here fixes a line
 * (selection rate = s, TPR = t) or a point (FPR, TPR) = (x, y), so the best rule of a group always lies on
 * the upper hull, from (0, 0) ("nobody") to (1, 1) ("everybody"). Mixing two adjacent thresholds only (one
 * step of the raw ROC curve) is never better and is worse where the ROC curve is not concave.
 *
 * The ROC counting and hull geometry (in counts, with exact integer turns and binary search on the hull)
 * are in rocHull.ts.
 *
 * Not done (as in Fairlearn with `flip=False`): a rule never prefers lower scores ("flipping" a score whose
 * ROC lies below the diagonal); the hull runs from (0, 0) to (1, 1) through points above the diagonal only.
 *
 * Rows: `y[i] === 1` is the positive class, any other number the negative one (as `groupMetrics`); a row
 * whose y is NaN (no label), whose score is not finite, or whose group is -1 or ≥ groupCount is left out of
 * the fitting. Counts are unweighted.
 */
import { createRng } from '../core/random';
import { spread } from './disparities';
import {
  at,
  buildCurves,
  correctAt,
  firstReaching,
  fits,
  lastWithin,
  type GroupCurve,
  type Hull,
  type HullPoint,
} from './rocHull';

export type FairnessConstraint = 'demographic-parity' | 'equal-opportunity' | 'equalized-odds';

/**
 * One group's randomised decision rule. P(positive | score s) = mix · base(s) + (1 − mix) · baseRate, where
 * base(s) = 1 if s > high, pBetween if low < s ≤ high, 0 if s ≤ low (a mixture of the two deterministic
 * threshold rules "s > high" and "s > low"; low = high gives a plain threshold).
 *
 * `high` may be the highest score seen (on the fitting rows: nobody) and `low` may be -Infinity (everybody);
 * JSON writes -Infinity as null.
 */
export interface GroupRule {
  low: number;
  high: number;
  pBetween: number;
  mix: number;
  baseRate: number;
}

export interface GroupThresholds {
  constraint: FairnessConstraint;
  /** One rule per group code 0 … groupCount − 1 (the fallback for a group with no fitting rows). */
  rules: GroupRule[];
  /** The rule for rows without a group (code -1 or ≥ groupCount): the plain threshold ½. */
  fallback: GroupRule;
  /** On the rows it was fitted on (validation), from the rules' expected decisions: */
  fitted: {
    /** Expected accuracy over the fitting rows; NaN when there are none. */
    accuracy: number;
    /** The constrained rate(s) per group; NaN where not defined (no rows, no positives, no negatives). */
    rates: { selection: number[]; tpr: number[]; fpr: number[] };
    /**
     * The largest between-group difference of the constrained rate(s) (for equalized odds, the larger of the
     * TPR and FPR differences), over the groups where the rate is defined; NaN when it is defined for none.
     */
    violation: number;
  };
}

/**
 * "Positive when P ≥ ½", as the rest of the app decides (`predictedLabels`): the rules' form is `s > high`,
 * so high is the largest double below ½.
 */
const JUST_BELOW_HALF = 0.5 - 2 ** -54;
const FALLBACK: GroupRule = { low: JUST_BELOW_HALF, high: JUST_BELOW_HALF, pBetween: 0, mix: 1, baseRate: 0 };

/**
 * The rule of a point on the hull: vertex i ("s > thr[i]") with weight 1 − λ, vertex i + 1 ("s > thr[i+1]",
 * a lower threshold) with weight λ. Rows above thr[i] are selected by both, rows in (thr[i+1], thr[i]] by
 * the second only: probability λ. The expected counts are then exactly those of the point.
 */
function ruleAt(hull: Hull, pt: HullPoint): GroupRule {
  if (pt.lambda === 0) return { low: hull.thr[pt.i], high: hull.thr[pt.i], pBetween: 0, mix: 1, baseRate: 0 };
  return { low: hull.thr[pt.i + 1], high: hull.thr[pt.i], pBetween: pt.lambda, mix: 1, baseRate: 0 };
}

/** 0, 1/gridSize, …, 1, and the extra candidates. */
function candidates(gridSize: number, extra: number[]): number[] {
  const c = Array.from({ length: gridSize + 1 }, (_, i) => i / gridSize);
  return c.concat(extra.filter((v) => v >= 0 && v <= 1));
}

/** The candidate with the highest objective (the first such in the order given). */
function argmax(values: readonly number[], objective: (v: number) => number): number {
  let best = values[0];
  let bestValue = -Infinity;
  for (const v of values) {
    const o = objective(v);
    if (o > bestValue) {
      bestValue = o;
      best = v;
    }
  }
  return best;
}

/**
 * Demographic parity: one selection rate s for every group. A group's best rule at s is its hull point that
 * selects s · n rows (accuracy = 2 TP + negatives − selected, so at a fixed number selected, the most
 * positives). Each group's accuracy is concave and piecewise linear in s with kinks at its hull vertices, so
 * the sum peaks at some group's vertex rate: with those among the candidates the optimum is exact.
 */
function solveDemographicParity(curves: (GroupCurve | null)[], gridSize: number): GroupRule[] {
  const present = curves.filter((c): c is GroupCurve => c !== null);
  const extra = present.flatMap((c) => Array.from(c.hull.n, (v) => v / c.rows));
  const point = (c: GroupCurve, s: number) => firstReaching(c.hull.n, s * c.rows);
  const s = argmax(candidates(gridSize, extra), (s) =>
    present.reduce((sum, c) => sum + correctAt(c, point(c, s)), 0),
  );
  return curves.map((c) => (c ? ruleAt(c.hull, point(c, s)) : { ...FALLBACK }));
}

/**
 * Equal opportunity (Hardt et al. 2016, §3): one TPR t for every group with positive rows. A group's best
 * rule at t is the first hull point with t · positives true positives (the fewest false positives). Accuracy
 * is concave in t with kinks at the hull vertices, so with their TPRs among the candidates the optimum is
 * exact. A group with no positive rows has no TPR and so no constraint: it gets its most accurate rule on
 * the fitting rows, "nobody" (s > its highest score), as any rule with FPR > 0 only adds errors there.
 */
function solveEqualOpportunity(curves: (GroupCurve | null)[], gridSize: number): GroupRule[] {
  const constrained = curves.filter((c): c is GroupCurve => c !== null && c.positives > 0);
  const extra = constrained.flatMap((c) => Array.from(c.hull.p, (v) => v / c.positives));
  const point = (c: GroupCurve, t: number) => firstReaching(c.hull.p, t * c.positives);
  const t = argmax(candidates(gridSize, extra), (t) =>
    constrained.reduce((sum, c) => sum + correctAt(c, point(c, t)), 0),
  );
  return curves.map((c) => {
    if (!c) return { ...FALLBACK };
    return ruleAt(c.hull, c.positives > 0 ? point(c, t) : { i: 0, lambda: 0 });
  });
}

/**
 * Equalized odds (Hardt et al. 2016, §4; Fairlearn's `_threshold_optimization_equalized_odds`): one point
 * (FPR x, TPR y) for every group. A group with both classes reaches the points between its hull and the
 * diagonal; the best common point at FPR x is (x, y(x)) with y(x) = min over those groups of their hull's TPR
 * at x (≥ x, as the hull lies above the diagonal). Group g gets there by mixing its hull point (x, y_g(x))
 * with weight mix = (y − x)/(y_g(x) − x) and the coin "positive with probability x", which sits at (x, x):
 * TPR = mix · y_g + (1 − mix) · x = y, FPR = x. (Fairlearn's `p_ignore` is 1 − mix.)
 *
 * Expected accuracy is Σ_g positives_g · y(x) + negatives_g · (1 − x): concave in x (y is a minimum of
 * concave functions), with kinks at the hull vertices and where two hulls cross. The candidates are the grid
 * and every vertex's FPR; a golden-section search on the two intervals around the best candidate then finds
 * a crossing that falls between them.
 *
 * A group with one class only cannot constrain the rate it lacks: with no positives it only has to meet FPR
 * x (the hull point at x, a threshold mixture over its negatives), with no negatives only TPR y (the first
 * hull point at y). If no group has both classes, y(x) = 1: nothing ties the TPR to the FPR.
 */
function solveEqualizedOdds(curves: (GroupCurve | null)[], gridSize: number): GroupRule[] {
  const present = curves.filter((c): c is GroupCurve => c !== null);
  const both = present.filter((c) => c.positives > 0 && c.negatives > 0);
  const hullTpr = (c: GroupCurve, x: number) =>
    at(c.hull.p, lastWithin(c.hull.q, x * c.negatives)) / c.positives;
  const commonTpr = (x: number) => both.reduce((y, c) => Math.min(y, hullTpr(c, x)), 1);
  const positives = present.reduce((sum, c) => sum + c.positives, 0);
  const negatives = present.reduce((sum, c) => sum + c.negatives, 0);
  const objective = (x: number) => positives * commonTpr(x) + negatives * (1 - x);

  const grid = candidates(
    gridSize,
    both.flatMap((c) => Array.from(c.hull.q, (v) => v / c.negatives)),
  ).sort((a, b) => a - b);
  const best = argmax(grid, objective);
  const k = grid.indexOf(best);
  const x = goldenMax(objective, grid[Math.max(0, k - 1)], grid[Math.min(grid.length - 1, k + 1)], best);
  const y = commonTpr(x);

  return curves.map((c) => {
    if (!c) return { ...FALLBACK };
    if (c.negatives === 0) return ruleAt(c.hull, firstReaching(c.hull.p, y * c.positives));
    const pt = lastWithin(c.hull.q, x * c.negatives);
    const rule = ruleAt(c.hull, pt);
    if (c.positives === 0) return rule;
    const yg = at(c.hull.p, pt) / c.positives;
    if (yg - x <= 1e-12) return rule; // on the diagonal already: y = y_g = x
    const mix = Math.min(1, Math.max(0, (y - x) / (yg - x)));
    return mix === 1 ? rule : { ...rule, mix, baseRate: x };
  });
}

/**
 * The maximum of a concave function on [a, b] by golden-section search (Kiefer 1953), or `start` when that
 * is at least as good (the search stops within ~1e-12 of the peak, which may be a kink).
 */
function goldenMax(f: (x: number) => number, a: number, b: number, start: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let lo = a;
  let hi = b;
  let x1 = hi - r * (hi - lo);
  let x2 = lo + r * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  while (hi - lo > 1e-12) {
    if (f1 < f2) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + r * (hi - lo);
      f2 = f(x2);
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - r * (hi - lo);
      f1 = f(x1);
    }
  }
  const x = (lo + hi) / 2;
  return f(x) > f(start) ? x : start;
}

/** P(positive) of one score under one rule. */
function probability(r: GroupRule, s: number): number {
  const base = s > r.high ? 1 : s > r.low ? r.pBetween : 0;
  return r.mix * base + (1 - r.mix) * r.baseRate;
}

/** The validation figures of `fitted`, from the expected decisions on the fitting rows. */
function fittedFigures(
  t: Pick<GroupThresholds, 'constraint' | 'rules' | 'fallback'>,
  score: Float64Array,
  y: Float64Array,
  groups: Int32Array,
): GroupThresholds['fitted'] {
  const G = t.rules.length;
  const prob = probabilities(t, score, groups);
  // Per group: rows, Σp; positives, Σp over them; negatives, Σp over them.
  const sums = new Float64Array(G * 6);
  let correct = 0;
  let rows = 0;
  for (let i = 0; i < score.length; i++) {
    if (!fits(score, y, groups, G, i)) continue;
    const g = groups[i];
    const pos = y[i] === 1;
    sums[6 * g] += 1;
    sums[6 * g + 1] += prob[i];
    sums[6 * g + (pos ? 2 : 4)] += 1;
    sums[6 * g + (pos ? 3 : 5)] += prob[i];
    correct += pos ? prob[i] : 1 - prob[i];
    rows++;
  }
  const ratio = (g: number, k: number) => (sums[6 * g + k] > 0 ? sums[6 * g + k + 1] / sums[6 * g + k] : NaN);
  const per = (k: number) => Array.from({ length: G }, (_, g) => ratio(g, k));
  const rates = { selection: per(0), tpr: per(2), fpr: per(4) };
  const difference = (values: number[]) =>
    spread(values.map((value, g) => ({ group: String(g), value }))).difference;
  let violation: number;
  if (t.constraint === 'demographic-parity') violation = difference(rates.selection);
  else if (t.constraint === 'equal-opportunity') violation = difference(rates.tpr);
  else {
    const [a, b] = [difference(rates.tpr), difference(rates.fpr)];
    violation = Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);
  }
  return { accuracy: rows > 0 ? correct / rows : NaN, rates, violation };
}

/**
 * Fits one rule per group maximising expected accuracy on the given (validation) rows subject to the
 * constraint holding exactly, in expectation, on them (see the module doc and each solver). `gridSize`
 * (default 1000) is the number of steps of the grid of target rates in [0, 1]; every hull vertex's rate is
 * tried as well. Rows with group -1 (or ≥ groupCount), a NaN label or a non-finite score are ignored; a group
 * with no fitting rows gets the fallback rule.
 */
export function fitGroupThresholds(
  score: Float64Array,
  y: Float64Array,
  groups: Int32Array,
  groupCount: number,
  constraint: FairnessConstraint,
  options: { gridSize?: number } = {},
): GroupThresholds {
  if (y.length !== score.length || groups.length !== score.length) {
    throw new RangeError(`Arrays of different lengths: ${score.length}, ${y.length}, ${groups.length}`);
  }
  if (!Number.isInteger(groupCount) || groupCount < 0) throw new RangeError(`Bad group count: ${groupCount}`);
  const gridSize = options.gridSize ?? 1000;
  if (!Number.isInteger(gridSize) || gridSize < 1) throw new RangeError(`Bad grid size: ${gridSize}`);
  const curves = buildCurves(score, y, groups, groupCount);
  const solve =
    constraint === 'demographic-parity'
      ? solveDemographicParity
      : constraint === 'equal-opportunity'
        ? solveEqualOpportunity
        : constraint === 'equalized-odds'
          ? solveEqualizedOdds
          : null;
  if (!solve) throw new RangeError(`Unknown constraint: ${String(constraint)}`);
  const t = { constraint, rules: solve(curves, gridSize), fallback: { ...FALLBACK } };
  return { ...t, fitted: fittedFigures(t, score, y, groups) };
}

/** P(positive) of each row under the rules (no randomness): for expected rates. */
export function positiveProbability(
  t: GroupThresholds,
  score: Float64Array,
  groups: Int32Array,
): Float64Array {
  return probabilities(t, score, groups);
}

/** `positiveProbability` of anything with rules and a fallback (also before `fitted` exists). */
function probabilities(
  t: Pick<GroupThresholds, 'rules' | 'fallback'>,
  score: Float64Array,
  groups: Int32Array,
): Float64Array {
  if (groups.length !== score.length) {
    throw new RangeError(`Arrays of different lengths: ${score.length}, ${groups.length}`);
  }
  const out = new Float64Array(score.length);
  for (let i = 0; i < score.length; i++) {
    const g = groups[i];
    out[i] = probability(g >= 0 && g < t.rules.length ? t.rules[g] : t.fallback, score[i]);
  }
  return out;
}

/**
 * The randomised 0/1 decisions, drawn with a seeded generator (createRng from src/core/random.ts) so a run is
 * reproducible. One draw per row, in row order, whatever its probability: row i's decision depends only on
 * the seed, i and its own probability.
 */
export function decideWithThresholds(
  t: GroupThresholds,
  score: Float64Array,
  groups: Int32Array,
  seed: number,
): Float64Array {
  const prob = positiveProbability(t, score, groups);
  const rng = createRng(seed);
  const out = new Float64Array(prob.length);
  for (let i = 0; i < prob.length; i++) out[i] = rng() < prob[i] ? 1 : 0;
  return out;
}
