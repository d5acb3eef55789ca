/**
 * Bias already present in the data, before any model: does the outcome we want to predict occur at very
 * different rates in different groups? A model trained to reproduce these labels will tend to reproduce
 * the gap, so the user sees it first.
 */

export interface GroupRate {
  group: string;
  /** Rows of this group whose group and target are both known. */
  count: number;
  /** count / all counted rows. */
  share: number;
  /** Rows with the positive outcome; always 0 for meanByGroup. */
  positives: number;
  /** positives / count; for meanByGroup, the mean target value. */
  rate: number;
}

export interface AttributeBias {
  attribute: string;
  groups: GroupRate[];
  lowest: GroupRate;
  highest: GroupRate;
  /** lowest.rate / highest.rate; 1 when the highest rate is 0; NaN when a mean is negative. */
  ratio: number;
  /** highest.rate − lowest.rate. */
  difference: number;
  /** ratio ≥ 0.8. */
  passesFourFifths: boolean;
  /** Groups with fewer than SMALL_GROUP rows, whose rates are too noisy to judge. */
  smallGroups: string[];
  /** Rows left out of every figure because their group or their target is missing. */
  uncounted: number;
}

/** The four-fifths threshold of the EEOC Uniform Guidelines (29 CFR 1607.4(D)). */
export const FOUR_FIFTHS = 0.8;
/** Below this many rows a group's rate moves a lot by chance; a common rule of thumb for proportions. */
export const SMALL_GROUP = 30;

/** Per group: rows counted and the sum of their target values, skipping missing groups and targets. */
function accumulate(codes: Int32Array, groupCount: number, target: Float64Array) {
  const counts = new Float64Array(groupCount);
  const sums = new Float64Array(groupCount);
  let uncounted = 0;
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i];
    const y = target[i];
    if (g < 0 || g >= groupCount || Number.isNaN(y)) {
      uncounted++;
      continue;
    }
    counts[g]++;
    sums[g] += y;
  }
  return { counts, sums, uncounted };
}

function summarise(attribute: string, groups: GroupRate[], uncounted: number): AttributeBias | null {
  if (groups.length < 2) return null;
  let lowest = groups[0];
  let highest = groups[1];
  for (const g of groups) {
    if (g.rate < lowest.rate) lowest = g;
    if (g.rate > highest.rate) highest = g;
  }
  // Equal rates would name one group twice ("67% of A and 67% of A"): keep two different groups.
  if (lowest === highest) highest = groups.find((g) => g !== lowest)!;
  // With no positives anywhere every group is treated alike, so the ratio is 1, not 0/0. A ratio of
  // negative means has no reading (−10 / −5 = 2 would "pass"), so it is NaN and fails.
  let ratio = lowest.rate / highest.rate;
  if (lowest.rate < 0) ratio = NaN;
  else if (highest.rate === 0) ratio = 1;
  return {
    attribute,
    groups,
    lowest,
    highest,
    ratio,
    difference: highest.rate - lowest.rate,
    passesFourFifths: ratio >= FOUR_FIFTHS,
    smallGroups: groups.filter((g) => g.count < SMALL_GROUP).map((g) => g.group),
    uncounted,
  };
}

function groupRates(codes: Int32Array, labels: string[], target: Float64Array, isRate: boolean) {
  const { counts, sums, uncounted } = accumulate(codes, labels.length, target);
  const total = counts.reduce((a, b) => a + b, 0);
  const groups: GroupRate[] = [];
  labels.forEach((group, g) => {
    const count = counts[g];
    if (count === 0) return;
    const positives = isRate ? sums[g] : 0;
    groups.push({ group, count, share: count / total, positives, rate: sums[g] / count });
  });
  return { groups, uncounted };
}

/**
 * Positive-outcome rate of each group, and how far apart the rates are.
 *
 * rate_g = positives_g / count_g, over rows whose group and target are known (`outcome[i]` is 1 for the
 * positive class, 0 otherwise, NaN when the target is missing; code -1 marks a missing group).
 * ratio = min_g rate_g / max_g rate_g: the "four-fifths rule" of the US EEOC Uniform Guidelines on
 * Employee Selection Procedures (29 CFR 1607.4(D)) reads a selection rate below 80% of the highest
 * group's rate as evidence of adverse impact. difference = max_g rate_g − min_g rate_g: demographic parity
 * difference as Fairlearn's `demographic_parity_difference` defines it, applied here to the labels
 * instead of a model's predictions. Groups with no counted rows are left out; null when fewer than two
 * groups remain.
 */
export function outcomeRatesByGroup(
  attribute: string,
  groupCodes: Int32Array,
  groupLabels: string[],
  outcome: Float64Array,
): AttributeBias | null {
  const { groups, uncounted } = groupRates(groupCodes, groupLabels, outcome, true);
  return summarise(attribute, groups, uncounted);
}

/**
 * The regression counterpart of outcomeRatesByGroup: `rate` is the group's mean target value
 * (mean_g = Σ target / count_g over rows whose group and target are known) and `positives` is always 0.
 * difference = max_g mean_g − min_g mean_g, in the target's own unit. ratio = min_g mean_g / max_g mean_g
 * carries the four-fifths reading over from selection rates (29 CFR 1607.4(D)); it means something only
 * for a target that cannot be negative, such as an income or a price, and is NaN (failing the rule) when
 * a group's mean is negative. Null when fewer than two groups.
 */
export function meanByGroup(
  attribute: string,
  groupCodes: Int32Array,
  groupLabels: string[],
  target: Float64Array,
): AttributeBias | null {
  const { groups, uncounted } = groupRates(groupCodes, groupLabels, target, false);
  return summarise(attribute, groups, uncounted);
}
