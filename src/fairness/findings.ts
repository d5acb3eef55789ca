/**
 * The fairness audit of one attribute in words: which group the model favours, whether the four-fifths
 * guideline holds, which definitions of fairness are violated. Structured findings only; the page words them.
 */
import type { BinaryAuditEntry } from '../pipeline/audit';
import { FOUR_FIFTHS, SMALL_GROUP } from './dataBias';

/**
 * A between-groups difference above this reads as "violated". A rule of thumb (Fairlearn's documentation uses
 * 0.1 in its examples), not a legal standard: the page says so and shows the figure beside it.
 */
export const DIFFERENCE_TOLERANCE = 0.1;

export type FairnessDefinition =
  'demographic-parity' | 'equal-opportunity' | 'equalized-odds' | 'predictive-parity' | 'accuracy-equality';

export interface GroupRate {
  group: string;
  rate: number;
}

export interface FairnessFinding {
  attribute: string;
  /** The group selected (predicted positive) most often, and least often. */
  favoured: GroupRate;
  disfavoured: GroupRate;
  /** disfavoured / favoured selection rate: Fairlearn's demographic parity ratio. */
  ratio: number | null;
  passesFourFifths: boolean | null;
  /** Definitions whose criterion is broken: the ratio under 0.8, or a difference over the tolerance. */
  violated: FairnessDefinition[];
  /** Groups with fewer test rows than `SMALL_GROUP`: their rates are too uncertain to judge. */
  smallGroups: string[];
}

/**
 * The finding of one audit entry, or null when there is nothing to compare (fewer than two groups with a
 * selection rate). Demographic parity is judged by the four-fifths rule (US EEOC Uniform Guidelines, 29 CFR
 * 1607.4(D)) on Fairlearn's ratio; the others by their Fairlearn difference against `DIFFERENCE_TOLERANCE`.
 */
export function fairnessFinding(entry: BinaryAuditEntry): FairnessFinding | null {
  const rated = entry.groups.filter(
    (g) => g.selectionRate !== null,
  ) as (BinaryAuditEntry['groups'][number] & {
    selectionRate: number;
  })[];
  if (rated.length < 2) return null;
  const favoured = rated.reduce((a, b) => (b.selectionRate > a.selectionRate ? b : a));
  const disfavoured = rated.reduce((a, b) => (b.selectionRate < a.selectionRate ? b : a));
  const ratio = entry.demographicParityRatio;
  const over = (x: number | null) => x !== null && x > DIFFERENCE_TOLERANCE;
  const violated: FairnessDefinition[] = [];
  if (ratio !== null && ratio < FOUR_FIFTHS) violated.push('demographic-parity');
  if (over(entry.equalOpportunityDifference)) violated.push('equal-opportunity');
  if (over(entry.equalizedOddsDifference)) violated.push('equalized-odds');
  if (over(entry.predictiveParityDifference)) violated.push('predictive-parity');
  if (over(entry.accuracyDifference)) violated.push('accuracy-equality');
  return {
    attribute: entry.attribute,
    favoured: { group: favoured.group, rate: favoured.selectionRate },
    disfavoured: { group: disfavoured.group, rate: disfavoured.selectionRate },
    ratio,
    passesFourFifths: ratio === null ? null : ratio >= FOUR_FIFTHS,
    violated,
    smallGroups: entry.groups.filter((g) => g.count < SMALL_GROUP).map((g) => g.group),
  };
}
