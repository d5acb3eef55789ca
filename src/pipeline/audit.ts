/**
 * The fairness audit of a trained model on its test rows, as the report carries it: for each sensitive
 * attribute and each pair of them (their intersection, e.g. sex × race), the figures of every group and the
 * between-groups disparities as Fairlearn defines them (src/fairness, checked against Fairlearn's own figures
 * in test/golden). One difference: a rate over an empty denominator (the TPR of a group with no positive rows)
 * is "not defined" here and that group is left out of the criterion, where Fairlearn 0.11 counts it as 0.
 * With fewer than two groups there is nothing to compare: the disparities are null. Binary classification at a decision threshold (½ by default); regression gets the mean
 * prediction, mean error and mean absolute error per group. Plain JSON: NaN ("not defined", e.g. the TPR of a
 * group without positives) is written as null.
 */
import { disparities } from '../fairness/disparities';
import { groupMetrics, intersectGroups, type Grouping, type RateEstimate } from '../fairness/groupMetrics';
import type { PipelineResult } from './types';

type Figure = number | null;
const figure = (x: number): Figure => (Number.isFinite(x) ? x : null);

const RATES = ['baseRate', 'selectionRate', 'tpr', 'fpr', 'fnr', 'precision', 'accuracy'] as const;
type Rate = (typeof RATES)[number];

/** One group of a binary classifier's audit: its rates and their 95% Wilson intervals `[low, high]`. */
export interface AuditGroup extends Record<Rate, Figure> {
  group: string;
  count: number;
  intervals: Record<Rate, [Figure, Figure]>;
}

/** A binary classifier's audit for one attribute or intersection. */
export interface BinaryAuditEntry {
  attribute: string;
  groups: AuditGroup[];
  demographicParityDifference: Figure;
  demographicParityRatio: Figure;
  equalOpportunityDifference: Figure;
  equalizedOddsDifference: Figure;
  equalizedOddsRatio: Figure;
  predictiveParityDifference: Figure;
  accuracyDifference: Figure;
  /** Groups left out of a criterion because a rate it needs is not defined. */
  groupsWithUndefinedRate: string[];
}

/** A regression model's audit for one attribute or intersection. */
export interface RegressionAuditEntry {
  attribute: string;
  groups: { group: string; count: number; meanPrediction: Figure; meanError: Figure; mae: Figure }[];
}

export type AuditEntry = BinaryAuditEntry | RegressionAuditEntry;

/** The attributes and every pair of them, in the order the user listed the attributes. */
function groupings(result: PipelineResult): { attribute: string; grouping: Grouping }[] {
  const single = result.testGroups.map((g) => ({
    attribute: g.column,
    grouping: { codes: g.codes, labels: g.labels },
  }));
  const pairs: { attribute: string; grouping: Grouping }[] = [];
  for (let i = 0; i < single.length; i++)
    for (let j = i + 1; j < single.length; j++)
      pairs.push({
        attribute: `${single[i].attribute} × ${single[j].attribute}`,
        grouping: intersectGroups(single[i].grouping, single[j].grouping),
      });
  return [...single, ...pairs];
}

function auditGroup(g: ReturnType<typeof groupMetrics>[number]): AuditGroup {
  const rate = (r: RateEstimate) => figure(r.value);
  const rates = Object.fromEntries(RATES.map((r) => [r, rate(g[r])])) as Record<Rate, Figure>;
  const intervals = Object.fromEntries(
    RATES.map((r) => [r, [figure(g[r].low), figure(g[r].high)]]),
  ) as Record<Rate, [Figure, Figure]>;
  return { group: g.group, count: g.count, ...rates, intervals };
}

function binaryEntry(attribute: string, grouping: Grouping, y: Float64Array, predicted: Float64Array) {
  const groups = groupMetrics(y, predicted, grouping);
  const d = disparities(groups);
  // One group (a test file with a single sex, say) is not parity: there is nothing to compare.
  const compared = (x: number) => (groups.length < 2 ? null : figure(x));
  return {
    attribute,
    groups: groups.map(auditGroup),
    demographicParityDifference: compared(d.demographicParityDifference),
    demographicParityRatio: compared(d.demographicParityRatio),
    equalOpportunityDifference: compared(d.equalOpportunityDifference),
    equalizedOddsDifference: compared(d.equalizedOddsDifference),
    equalizedOddsRatio: compared(d.equalizedOddsRatio),
    predictiveParityDifference: compared(d.predictiveParityDifference),
    accuracyDifference: compared(d.accuracyDifference),
    groupsWithUndefinedRate: d.groupsWithUndefinedRate,
  } satisfies BinaryAuditEntry;
}

function regressionEntry(attribute: string, grouping: Grouping, y: Float64Array, predicted: Float64Array) {
  const n = grouping.labels.length;
  const count = new Float64Array(n);
  const sumPred = new Float64Array(n);
  const sumError = new Float64Array(n);
  const sumAbs = new Float64Array(n);
  grouping.codes.forEach((g, i) => {
    if (g < 0 || Number.isNaN(y[i])) return;
    count[g]++;
    sumPred[g] += predicted[i];
    sumError[g] += predicted[i] - y[i];
    sumAbs[g] += Math.abs(predicted[i] - y[i]);
  });
  const groups = grouping.labels.flatMap((group, g) =>
    count[g] === 0
      ? []
      : [
          {
            group,
            count: count[g],
            meanPrediction: figure(sumPred[g] / count[g]),
            meanError: figure(sumError[g] / count[g]),
            mae: figure(sumAbs[g] / count[g]),
          },
        ],
  );
  return { attribute, groups } satisfies RegressionAuditEntry;
}

/**
 * The audit of a run's test predictions: one entry per sensitive attribute, then one per pair of them.
 * Binary classification at `threshold` (a row is predicted positive when P(positive) ≥ threshold);
 * regression by error per group; multiclass has no audit yet (an empty list).
 */
export function fairnessAudit(result: PipelineResult, threshold = 0.5): AuditEntry[] {
  const { y, score, predicted } = result.predictions;
  if (result.task === 'multiclass') return [];
  if (result.task === 'regression')
    return groupings(result).map(({ attribute, grouping }) =>
      regressionEntry(attribute, grouping, y, predicted),
    );
  const atThreshold = Float64Array.from(score, (p) => (p >= threshold ? 1 : 0));
  return groupings(result).map(({ attribute, grouping }) => binaryEntry(attribute, grouping, y, atThreshold));
}
