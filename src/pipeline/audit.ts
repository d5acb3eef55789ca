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
import type { TaskKind } from '../data/settings';
import { disparities } from '../fairness/disparities';
import {
  groupMetrics,
  intersectGroups,
  type GroupMetrics,
  type Grouping,
  type RateEstimate,
} from '../fairness/groupMetrics';
import type { ThresholdIndex } from '../metrics/threshold';
import type { PipelineResult } from './types';

type Figure = number | null;
const figure = (x: number): Figure => (Number.isFinite(x) ? x : null);

/** The rates of every group, in the order the report and the page list them. */
export const AUDIT_RATES = [
  'baseRate',
  'selectionRate',
  'tpr',
  'fpr',
  'fnr',
  'precision',
  'accuracy',
] as const;
export type AuditRate = (typeof AUDIT_RATES)[number];

/** The between-groups figures of a binary audit entry, in the order shown, each with its value at parity. */
export const AUDIT_DISPARITIES = [
  ['demographicParityDifference', 0],
  ['demographicParityRatio', 1],
  ['equalOpportunityDifference', 0],
  ['equalizedOddsDifference', 0],
  ['equalizedOddsRatio', 1],
  ['predictiveParityDifference', 0],
  ['accuracyDifference', 0],
] as const;

/** One group of a binary classifier's audit: its rates and their 95% Wilson intervals `[low, high]`. */
export interface AuditGroup extends Record<AuditRate, Figure> {
  group: string;
  count: number;
  intervals: Record<AuditRate, [Figure, Figure]>;
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

/** The name of the intersection of attributes a and b: `sex × race`. */
const pairName = (a: string, b: string) => `${a} × ${b}`;

/** The audit's names: the attributes, then every pair of them, in the order the user listed the attributes. */
function auditNames(testGroups: PipelineResult['testGroups']): string[] {
  const names = testGroups.map((g) => g.column);
  for (let i = 0; i < testGroups.length; i++)
    for (let j = i + 1; j < testGroups.length; j++)
      names.push(pairName(testGroups[i].column, testGroups[j].column));
  return names;
}

/**
 * What the audit groups the rows by, under the names its entries carry: each sensitive attribute by its
 * column name, then every pair of them, in the order the user listed the attributes, as `${a} × ${b}`
 * (their intersection, `intersectGroups`). Build a `createThresholdIndex` (src/metrics/threshold.ts) on
 * these to pass to `fairnessAuditOf`, so its names and groups are exactly the audit's.
 */
export function auditGroupings(
  testGroups: PipelineResult['testGroups'],
): { name: string; grouping: Grouping }[] {
  const single = testGroups.map((g) => ({ name: g.column, grouping: { codes: g.codes, labels: g.labels } }));
  const pairs: { name: string; grouping: Grouping }[] = [];
  for (let i = 0; i < single.length; i++)
    for (let j = i + 1; j < single.length; j++)
      pairs.push({
        name: pairName(single[i].name, single[j].name),
        grouping: intersectGroups(single[i].grouping, single[j].grouping),
      });
  return [...single, ...pairs];
}

function auditGroup(g: GroupMetrics): AuditGroup {
  const rate = (r: RateEstimate) => figure(r.value);
  const rates = Object.fromEntries(AUDIT_RATES.map((r) => [r, rate(g[r])])) as Record<AuditRate, Figure>;
  const intervals = Object.fromEntries(
    AUDIT_RATES.map((r) => [r, [figure(g[r].low), figure(g[r].high)]]),
  ) as Record<AuditRate, [Figure, Figure]>;
  return { group: g.group, count: g.count, ...rates, intervals };
}

function binaryEntry(attribute: string, groups: GroupMetrics[]) {
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

/** The test rows an audit reads: the task, the targets, scores and predictions, and the rows' groups. */
export interface ScoredRows {
  task: TaskKind;
  /** Target as encoded (0/1 for binary), as `PipelineResult.predictions.y`. */
  y: Float64Array;
  /** Binary: P(positive). */
  score: Float64Array;
  /**
   * Regression: the predicted value. Binary predictions are re-made from `score` at the threshold, unless
   * `decided` says they are the run's own decisions.
   */
  predicted: Float64Array;
  testGroups: PipelineResult['testGroups'];
  /**
   * Binary: `predicted` holds decisions no single threshold on `score` gives (the group-thresholds remedy),
   * so every figure takes them as they are and a threshold does not apply.
   */
  decided?: boolean;
}

/** Whether a run's binary decisions are its own (group thresholds) rather than `score ≥ threshold`. */
export const decidedByGroups = (result: Pick<PipelineResult, 'mitigation'>): boolean =>
  result.mitigation?.method === 'thresholds';

/**
 * The audit of test predictions without a whole `PipelineResult` (the results page holds only these
 * arrays on the main thread): one entry per sensitive attribute, then one per pair of them. Binary
 * classification at `threshold` (a row is predicted positive when P(positive) ≥ threshold); regression by
 * error per group; multiclass has no audit yet (an empty list).
 *
 * `index`, for the threshold slider: a `createThresholdIndex(y, score, auditGroupings(testGroups))` built once.
 * Binary entries then count each group's confusion cells by binary search over its sorted scores,
 * O(G log n) for G groups in all, instead of thresholding and tallying all n rows for every attribute and
 * pair, and the intersections are not recomputed; the figures are the same, as the index goes through the
 * same `groupMetrics` code (one difference: the index leaves out rows whose y is NaN, which a binary
 * pipeline never produces). Ignored for regression and multiclass.
 */
export function fairnessAuditOf(scored: ScoredRows, threshold = 0.5, index?: ThresholdIndex): AuditEntry[] {
  const { task, y, score, predicted, testGroups } = scored;
  if (task === 'multiclass') return [];
  if (task === 'binary' && scored.decided)
    return auditGroupings(testGroups).map(({ name, grouping }) =>
      binaryEntry(name, groupMetrics(y, predicted, grouping)),
    );
  if (task === 'regression')
    return auditGroupings(testGroups).map(({ name, grouping }) =>
      regressionEntry(name, grouping, y, predicted),
    );
  if (index) return auditNames(testGroups).map((name) => binaryEntry(name, index.groupsAt(name, threshold)));
  const atThreshold = Float64Array.from(score, (p) => (p >= threshold ? 1 : 0));
  return auditGroupings(testGroups).map(({ name, grouping }) =>
    binaryEntry(name, groupMetrics(y, atThreshold, grouping)),
  );
}

/**
 * The audit of a run's test predictions: one entry per sensitive attribute, then one per pair of them.
 * Binary classification at `threshold` (a row is predicted positive when P(positive) ≥ threshold);
 * regression by error per group; multiclass has no audit yet (an empty list). See `fairnessAuditOf`.
 */
export function fairnessAudit(result: PipelineResult, threshold = 0.5): AuditEntry[] {
  return fairnessAuditOf(
    {
      task: result.task,
      ...result.predictions,
      testGroups: result.testGroups,
      ...(decidedByGroups(result) ? { decided: true } : {}),
    },
    threshold,
  );
}
