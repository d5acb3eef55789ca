import { groupMetricsFromCounts, type GroupMetrics, type Grouping } from '../fairness/groupMetrics';
import { ratesFromConfusion, type BinaryConfusion, type ConfusionRates } from './classification';

/**
 * Every threshold-dependent figure of a binary classifier at any decision threshold, fast enough for a
 * slider: the results page must redraw the confusion matrix, the headline rates and each group's fairness
 * figures within one animation frame (~16 ms) while the user drags, on test sets of 10⁵ rows and more.
 * Re-thresholding and re-tallying all n rows per frame (what `evaluate` and `fairnessAudit` do once) is
 * O(n) per attribute; here the scores are sorted once and each threshold is answered by binary search.
 *
 * The rule is that of src/pipeline/evaluate.ts and src/pipeline/audit.ts (and of scikit-learn's
 * `roc_curve`, whose thresholds are "score >= threshold"): a row is predicted positive when score ≥ t.
 * Within a set of rows of one true class whose scores are sorted ascending, the rows predicted positive
 * are exactly those from the first index whose score is ≥ t (the lower bound of t) to the end, so
 *
 *   tp(t) = |pos| − lowerBound(pos, t),   fn(t) = P − tp(t),
 *   fp(t) = |neg| − lowerBound(neg, t),   tn(t) = N − fp(t),
 *
 * with pos (neg) the sorted scores of the positive (negative) rows and P (N) their number.
 *
 * Rows: `y[i] === 1` is the positive class, any other number the negative one (as `confusionMatrix` and
 * `groupMetrics`); a row whose y is NaN (no label) is left out everywhere, as those functions expect such
 * rows dropped first. A NaN score is never ≥ t, so its row is predicted negative at every threshold, as
 * `score >= t` has it; such rows count in P or N but are kept out of the sorted arrays. Counts are
 * unweighted.
 *
 * Cost: building is O((k + 1) · n log n) time and 8 · (k + 1) · n bytes for k groupings (one sort of the
 * rows' scores per grouping, each group's scores in its own slice of one Float64Array). Per threshold,
 * `confusionAt` and `binaryMetricsAt` are O(log n) and `groupsAt` is O(G log n) for a grouping of G groups:
 * every figure of the audit at one threshold is O(G log n) with G the groups of all groupings.
 */

/** The headline figures of a binary classifier at one threshold, as `BinaryMetrics` (src/pipeline/types.ts). */
export interface ThresholdMetrics extends ConfusionRates {
  /** `[[tn, fp], [fn, tp]]`, rows. */
  confusion: BinaryConfusion;
}

/** What `createThresholdIndex` answers. */
export interface ThresholdIndex {
  /** Rows counted: those whose y is not NaN. */
  readonly rows: number;
  /** The names of the groupings, in the order given. */
  readonly groupingNames: readonly string[];
  /** `confusionMatrix(y, score ≥ t)` over every row: `[[tn, fp], [fn, tp]]`. */
  confusionAt(t: number): BinaryConfusion;
  /**
   * `groupMetrics(y, score ≥ t, grouping)` for the grouping of that name: groups in label order, groups with
   * no rows left out, rows with code -1 ignored. Throws a RangeError for a name the index was not built with.
   */
  groupsAt(name: string, t: number): GroupMetrics[];
  /**
   * Accuracy, balanced accuracy, precision, recall, specificity, F1 and the confusion matrix at t, the same
   * definitions as `evaluate` (src/pipeline/evaluate.ts) uses at ½: `ratesFromConfusion` of the confusion
   * matrix (scikit-learn's figures with `zero_division=np.nan`: NaN where a rate is not defined).
   */
  binaryMetricsAt(t: number): ThresholdMetrics;
}

/** The rows of one group (or of all rows), split by true class, scores sorted ascending. */
interface Slice {
  /** Sorted scores of the positive rows whose score is not NaN. */
  pos: Float64Array;
  /** Sorted scores of the negative rows whose score is not NaN. */
  neg: Float64Array;
  /** Positive rows, NaN scores included. */
  positives: number;
  /** Negative rows, NaN scores included. */
  negatives: number;
}

/**
 * The first index i with sorted[i] ≥ t, or sorted.length when there is none (C++'s `std::lower_bound`).
 * Written as "not ≥" rather than "<" so that t = NaN, never ≤ a score, gives sorted.length (nothing
 * predicted positive), as `score >= NaN` is false.
 */
export function lowerBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (!(sorted[mid] >= t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted scores are ≥ t. */
const atLeast = (sorted: Float64Array, t: number) => sorted.length - lowerBound(sorted, t);

/**
 * One slice per group code (0 … groupCount − 1) of the rows, `codeOf(i)` giving row i's group (out of range:
 * left out). Counting pass, then every group's positive and negative scores placed in one Float64Array
 * (a counting sort by group and class) and each slice sorted in place.
 */
function slices(
  y: ArrayLike<number>,
  score: ArrayLike<number>,
  groupCount: number,
  codeOf: (i: number) => number,
): Slice[] {
  const n = y.length;
  // Per group: [positives with a score, negatives with a score, positives, negatives].
  const counts = new Float64Array(groupCount * 4);
  for (let i = 0; i < n; i++) {
    const g = codeOf(i);
    if (g < 0 || g >= groupCount || Number.isNaN(y[i])) continue;
    const positive = y[i] === 1;
    if (!Number.isNaN(score[i])) counts[4 * g + (positive ? 0 : 1)]++;
    counts[4 * g + (positive ? 2 : 3)]++;
  }
  // Offsets into one buffer: group 0's positives, its negatives, group 1's positives, …
  const start = new Float64Array(groupCount * 2 + 1);
  for (let s = 0; s < groupCount * 2; s++) start[s + 1] = start[s] + counts[4 * (s >> 1) + (s & 1)];
  const buffer = new Float64Array(start[groupCount * 2]);
  const next = start.slice(0, groupCount * 2);
  for (let i = 0; i < n; i++) {
    const g = codeOf(i);
    if (g < 0 || g >= groupCount || Number.isNaN(y[i]) || Number.isNaN(score[i])) continue;
    buffer[next[2 * g + (y[i] === 1 ? 0 : 1)]++] = score[i];
  }
  const out: Slice[] = [];
  for (let g = 0; g < groupCount; g++) {
    // A subarray shares the buffer: sorting it sorts that slice in place (numeric order for typed arrays).
    const pos = buffer.subarray(start[2 * g], start[2 * g + 1]).sort();
    const neg = buffer.subarray(start[2 * g + 1], start[2 * g + 2]).sort();
    out.push({ pos, neg, positives: counts[4 * g + 2], negatives: counts[4 * g + 3] });
  }
  return out;
}

/** A slice's confusion cells at t. */
function cellsAt(s: Slice, t: number) {
  const tp = atLeast(s.pos, t);
  const fp = atLeast(s.neg, t);
  return { tn: s.negatives - fp, fp, fn: s.positives - tp, tp };
}

/**
 * Sorts `score` once per grouping (and once over all rows) so that the confusion matrix, the headline
 * rates and each group's `GroupMetrics` at any threshold t are found by binary search: see the top of
 * this file for the rule, the treatment of NaN and the cost. `y`, `score` and every grouping's codes are
 * aligned by row; the arrays are copied, so later changes to them do not reach the index.
 */
export function createThresholdIndex(
  y: ArrayLike<number>,
  score: ArrayLike<number>,
  groupings: readonly { name: string; grouping: Grouping }[],
): ThresholdIndex {
  const n = y.length;
  if (score.length !== n) throw new RangeError(`Arrays of different lengths: ${n} ≠ ${score.length}`);
  const [all] = slices(y, score, 1, () => 0);
  const byName = new Map<string, { labels: readonly string[]; groups: Slice[] }>();
  for (const { name, grouping } of groupings) {
    const { codes, labels } = grouping;
    if (codes.length !== n) throw new RangeError(`Arrays of different lengths: ${n} ≠ ${codes.length}`);
    if (byName.has(name)) throw new RangeError(`Two groupings named ${name}`);
    byName.set(name, { labels: [...labels], groups: slices(y, score, labels.length, (i) => codes[i]) });
  }
  const confusionAt = (t: number): BinaryConfusion => {
    const { tn, fp, fn, tp } = cellsAt(all, t);
    return [
      [tn, fp],
      [fn, tp],
    ];
  };
  return {
    rows: all.positives + all.negatives,
    groupingNames: [...byName.keys()],
    confusionAt,
    groupsAt(name, t) {
      const entry = byName.get(name);
      if (!entry) throw new RangeError(`No grouping named ${name} in this threshold index`);
      return groupMetricsFromCounts(
        entry.groups.map((s, code) => ({ label: entry.labels[code], code, ...cellsAt(s, t) })),
      );
    },
    binaryMetricsAt(t) {
      const confusion = confusionAt(t);
      return { ...ratesFromConfusion(confusion), confusion };
    },
  };
}
