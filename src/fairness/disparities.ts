import type { GroupMetrics, RateEstimate } from './groupMetrics';

/**
 * How far apart the groups of a sensitive attribute are, as one number per fairness criterion, and each
 * group against a reference group. Input: the output of `groupMetrics`.
 */

/** The rates of GroupMetrics that can be compared between groups. */
export type ComparedRate = 'baseRate' | 'selectionRate' | 'tpr' | 'fpr' | 'fnr' | 'precision' | 'accuracy';

/** The spread of one rate over the groups where it is defined. */
export interface Spread {
  /** max − min over the defined values: Fairlearn's `MetricFrame.difference(method="between_groups")`. */
  difference: number;
  /** min / max over the defined values: Fairlearn's `MetricFrame.ratio(method="between_groups")`; 0/0 is NaN. */
  ratio: number;
  min: number;
  max: number;
  /** A group with the lowest (highest) value; null when no group's value is defined. */
  lowest: string | null;
  highest: string | null;
}

/**
 * Worst case between groups of `values` (group → value). NaN values ("not defined") are skipped, as
 * pandas' `min`/`max` skip them inside Fairlearn's `MetricFrame`. One defined group gives difference 0
 * and ratio 1 (0/0 = NaN if its value is 0); none gives NaN for both. When every value is 0 the ratio is
 * 0/0 = NaN, as in Fairlearn.
 */
export function spread(values: readonly { group: string; value: number }[]): Spread {
  let lowest: { group: string; value: number } | null = null;
  let highest: { group: string; value: number } | null = null;
  for (const v of values) {
    if (Number.isNaN(v.value)) continue;
    if (lowest === null || v.value < lowest.value) lowest = v;
    if (highest === null || v.value > highest.value) highest = v;
  }
  if (lowest === null || highest === null) {
    return { difference: NaN, ratio: NaN, min: NaN, max: NaN, lowest: null, highest: null };
  }
  return {
    difference: highest.value - lowest.value,
    ratio: lowest.value / highest.value,
    min: lowest.value,
    max: highest.value,
    lowest: lowest.group,
    highest: highest.group,
  };
}

/** The spread of one rate of GroupMetrics over the groups. */
export function spreadOf(groups: readonly GroupMetrics[], rate: ComparedRate): Spread {
  return spread(groups.map((g) => ({ group: g.group, value: g[rate].value })));
}

/** The larger of a and b, skipping NaN (NaN only when both are). */
const maxDefined = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b));
/** The smaller of a and b, skipping NaN (NaN only when both are). */
const minDefined = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b));

/** The fairness criteria, between groups, worst case. 0 difference / ratio 1 is parity. */
export interface Disparities {
  /** Selection rate max − min: Fairlearn's `demographic_parity_difference`. */
  demographicParityDifference: number;
  /** Selection rate min / max: Fairlearn's `demographic_parity_ratio` (the four-fifths rule reads this). */
  demographicParityRatio: number;
  /** max(TPR difference, FPR difference): Fairlearn's `equalized_odds_difference(agg="worst_case")`. */
  equalizedOddsDifference: number;
  /** min(TPR ratio, FPR ratio): Fairlearn's `equalized_odds_ratio(agg="worst_case")`. */
  equalizedOddsRatio: number;
  /** TPR max − min: Fairlearn's `equal_opportunity_difference`. */
  equalOpportunityDifference: number;
  /** TPR min / max: Fairlearn's `equal_opportunity_ratio`. */
  equalOpportunityRatio: number;
  /** TPR max − min (the TPR half of equalized odds). */
  truePositiveRateDifference: number;
  /** TPR min / max. */
  truePositiveRateRatio: number;
  /** FPR max − min (the FPR half of equalized odds). */
  falsePositiveRateDifference: number;
  /** FPR min / max. */
  falsePositiveRateRatio: number;
  /** Precision max − min: predictive parity (Chouldechova 2017), `MetricFrame(precision_score).difference()`. */
  predictiveParityDifference: number;
  /** Precision min / max. */
  predictiveParityRatio: number;
  /** Accuracy max − min: `MetricFrame(accuracy_score).difference()`. */
  accuracyDifference: number;
  /** The spread of each rate, with the groups at either end. */
  spreads: Record<ComparedRate, Spread>;
  /** Groups left out of at least one criterion because a rate it needs (TPR, FPR, precision) is NaN. */
  groupsWithUndefinedRate: string[];
}

/** Every compared rate, in the order reports show them. */
const COMPARED = ['baseRate', 'selectionRate', 'tpr', 'fpr', 'fnr', 'precision', 'accuracy'] as const;

/** One value per compared rate. */
function perRate<T>(value: (rate: ComparedRate) => T): Record<ComparedRate, T> {
  return Object.fromEntries(COMPARED.map((r) => [r, value(r)])) as Record<ComparedRate, T>;
}

/**
 * Every between-groups criterion, worst case, as Fairlearn 0.11 defines it (`fairlearn.metrics`:
 * `demographic_parity_difference/ratio`, `equalized_odds_difference/ratio`, `equal_opportunity_difference/
 * ratio`, all with `method="between_groups"`), plus predictive parity and accuracy difference through
 * `MetricFrame.difference()`. A group whose rate is NaN (e.g. no positive rows, so no TPR) is skipped in
 * that rate's min and max, and listed in `groupsWithUndefinedRate`. With one group every difference is 0
 * and every ratio 1 (NaN when the rate is 0).
 */
export function disparities(groups: readonly GroupMetrics[]): Disparities {
  const spreads = perRate((r) => spreadOf(groups, r));
  const { selectionRate, tpr, fpr, precision, accuracy } = spreads;
  return {
    demographicParityDifference: selectionRate.difference,
    demographicParityRatio: selectionRate.ratio,
    equalizedOddsDifference: maxDefined(tpr.difference, fpr.difference),
    equalizedOddsRatio: minDefined(tpr.ratio, fpr.ratio),
    equalOpportunityDifference: tpr.difference,
    equalOpportunityRatio: tpr.ratio,
    truePositiveRateDifference: tpr.difference,
    truePositiveRateRatio: tpr.ratio,
    falsePositiveRateDifference: fpr.difference,
    falsePositiveRateRatio: fpr.ratio,
    predictiveParityDifference: precision.difference,
    predictiveParityRatio: precision.ratio,
    accuracyDifference: accuracy.difference,
    spreads,
    groupsWithUndefinedRate: groups
      .filter((g) => [g.tpr, g.fpr, g.precision].some((r) => Number.isNaN(r.value)))
      .map((g) => g.group),
  };
}

/** One rate of one group against the reference group's. */
export interface Comparison {
  value: number;
  /** value / reference value; NaN when either is NaN or the reference value is 0. */
  ratio: number;
  /** value − reference value; NaN when either is NaN. */
  difference: number;
}

/** One group's rates against the reference group's, for every compared rate. */
export interface ReferenceComparison {
  group: string;
  isReference: boolean;
  rates: Record<ComparedRate, Comparison>;
}

function compare(value: RateEstimate, reference: RateEstimate): Comparison {
  return {
    value: value.value,
    ratio: reference.value === 0 ? NaN : value.value / reference.value,
    difference: value.value - reference.value,
  };
}

/**
 * Each group against a reference group, as Aequitas does (Saleiro, P. et al. (2018). Aequitas: A Bias and
 * Fairness Audit Toolkit. arXiv:1811.05577; its `Bias.get_disparity_major_group`): for every rate,
 * disparity = rate_g / rate_ref, and difference = rate_g − rate_ref. The reference defaults to the largest
 * group (most rows; the first such in order on a tie), Aequitas' "major group" default. null when there are
 * no groups or `referenceLabel` names none of them.
 */
export function versusReference(
  groups: readonly GroupMetrics[],
  referenceLabel?: string,
): { reference: string; groups: ReferenceComparison[] } | null {
  if (groups.length === 0) return null;
  const reference =
    referenceLabel === undefined
      ? groups.reduce((best, g) => (g.count > best.count ? g : best))
      : groups.find((g) => g.group === referenceLabel);
  if (!reference) return null;
  return {
    reference: reference.group,
    groups: groups.map((g) => ({
      group: g.group,
      isReference: g === reference,
      rates: perRate((r) => compare(g[r], reference[r])),
    })),
  };
}
