/**
 * The remedies a user can try when the audit finds a disparity (issue 5), as the pipeline applies them:
 * what each one is called, which models and tasks it fits, its defaults, and the pure steps it adds to a run
 * (the group of every row, the proxy columns to drop). The remedies themselves live in src/fairness
 * (reweighing, resampling, group thresholds) and src/ml (the fairness penalty).
 */
import type { ProxyScore } from '../fairness/proxies';
import { INTERSECTION_SEPARATOR, type Grouping } from '../fairness/groupMetrics';
import type { TaskKind } from '../data/settings';
import { auditGroupings } from './audit';
import type { ModelKind, PipelineResult } from './types';

/** The five remedies, in the order the app offers and "try all remedies" runs them. */
export const MITIGATION_METHODS = ['reweigh', 'resample', 'penalty', 'thresholds', 'drop-proxies'] as const;
export type MitigationMethod = (typeof MITIGATION_METHODS)[number];

/** The fairness definitions a remedy can aim at (penalty, thresholds) and the comparison can plot. */
export const FAIRNESS_GOALS = ['demographic-parity', 'equal-opportunity', 'equalized-odds'] as const;
export type FairnessGoal = (typeof FAIRNESS_GOALS)[number];

/** The audit figure each goal is judged by (src/pipeline/audit.ts): the between-groups difference, as Fairlearn. */
export const GOAL_DISPARITY = {
  'demographic-parity': 'demographicParityDifference',
  'equal-opportunity': 'equalOpportunityDifference',
  'equalized-odds': 'equalizedOddsDifference',
} as const satisfies Record<FairnessGoal, string>;

/** λ of the fairness penalty when the user has not moved its slider (see `DEFAULT_PENALTY_LAMBDA` tests). */
export const DEFAULT_PENALTY_LAMBDA = 5;
/** The largest λ the slider offers. */
export const MAX_PENALTY_LAMBDA = 20;

/**
 * Which proxies "drop proxies" removes: columns whose proxy score is at least 40% of the way from chance to a
 * perfect guess (balanced accuracy ≥ chance + 0.4 (1 − chance): 0.70 for two groups), the strongest three at
 * most. On Adult by sex that is relationship (0.80) and marital status (0.73). Dropping relationship alone
 * made the gap wider (demographic parity difference 0.19 → 0.21, logistic regression): marital status
 * then carries the same signal. A column that only leans a little towards a group (age, 0.55) carries much
 * that is not the attribute; dropping it costs accuracy for little fairness.
 */
export const PROXY_DROP_SHARE = 0.4;
export const PROXY_DROP_MOST = 3;

/** What the user asks for: the remedy, the attribute it protects (default the first sensitive one) and its settings. */
export interface MitigationRequest {
  method: MitigationMethod;
  /** A sensitive attribute, or an intersection `a × b` as the audit names it. */
  attribute?: string;
  /** penalty, thresholds: the definition aimed at (default demographic parity). */
  fairness?: FairnessGoal;
  /** penalty: λ (default `DEFAULT_PENALTY_LAMBDA`). */
  lambda?: number;
}

/** One group's randomised decision rule of the thresholds remedy, as the report records it. */
export interface GroupRuleRecord {
  group: string;
  low: number;
  high: number;
  pBetween: number;
  mix: number;
  baseRate: number;
}

/** The remedy a run was trained with, its settings resolved: the report's `mitigation` field. */
export interface Mitigation {
  method: MitigationMethod;
  attribute: string;
  options: {
    fairness?: FairnessGoal;
    lambda?: number;
    /** drop-proxies: the columns left out of the model (the attribute itself if it was an input, and its proxies). */
    dropped?: string[];
    /** resample: training rows after resampling (before: the split's training rows). */
    trainingRows?: number;
    /** thresholds: each group's rule, fitted on the validation rows. */
    rules?: GroupRuleRecord[];
    /**
     * thresholds: on the validation rows the rules were fitted on, the expected accuracy and the largest
     * between-group difference of the constrained rate(s) (0 when the constraint holds exactly).
     */
    validation?: { accuracy: number; violation: number };
  };
}

/**
 * Why a remedy cannot run, or null when it can: every remedy needs binary classification (the audit's
 * disparities are defined for it) and a sensitive attribute; the penalty trains inside the loss of a network
 * (logistic or MLP), so the tree models cannot take it.
 */
export function mitigationBlocked(
  method: MitigationMethod,
  model: ModelKind,
  task: TaskKind,
  sensitive: readonly string[],
): 'not-binary' | 'no-sensitive' | 'penalty-needs-network' | null {
  if (task !== 'binary') return 'not-binary';
  if (sensitive.length === 0) return 'no-sensitive';
  if (method === 'penalty' && model !== 'logistic' && model !== 'mlp') return 'penalty-needs-network';
  return null;
}

/** The grouping an attribute name stands for: a sensitive column, or the intersection `a × b` of two. */
export function groupingNamed(groups: PipelineResult['testGroups'], attribute: string): Grouping | null {
  return auditGroupings(groups).find((g) => g.name === attribute)?.grouping ?? null;
}

/** `grouping`'s codes re-expressed in another label list (-1 for a label it lacks): test rows in fitted groups. */
export function codesIn(grouping: Grouping, labels: readonly string[]): Int32Array {
  const at = new Map(labels.map((label, i) => [label, i]));
  const map = grouping.labels.map((label) => at.get(label) ?? -1);
  return Int32Array.from(grouping.codes, (g) => (g >= 0 ? map[g] : -1));
}

/** The columns "drop proxies" leaves out for `attribute`: the attribute(s) themselves, and their strong proxies. */
export function columnsToDrop(proxies: readonly ProxyScore[], attribute: string): string[] {
  const attributes = attribute.split(INTERSECTION_SEPARATOR);
  const strong = proxies
    .filter((p) => attributes.includes(p.attribute))
    .filter((p) => p.score >= p.chance + PROXY_DROP_SHARE * (1 - p.chance))
    .sort((a, b) => b.score - a.score)
    .map((p) => p.feature);
  return [...new Set([...attributes, ...strong.slice(0, PROXY_DROP_MOST)])];
}
