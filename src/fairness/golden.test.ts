import { describe, it, expect } from 'vitest';
import { expectClose, golden } from '../../test/golden/golden';
import { disparities, type Disparities } from './disparities';
import {
  groupMetrics,
  intersectGroups,
  INTERSECTION_SEPARATOR,
  type GroupMetrics,
  type Grouping,
} from './groupMetrics';

// UCI Adult's test set scored by scikit-learn 1.2.1's logistic regression, with the per-group figures and
// disparities Fairlearn 0.11 gives on exactly those predictions (test/golden/README.md). Every figure must
// come out to 1e-9.

/** A category column as the data layer encodes it: codes into a dictionary in order of first appearance. */
function encode(values: string[]): Grouping {
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (!index.has(v)) index.set(v, labels.push(v) - 1);
    return index.get(v)!;
  });
  return { codes, labels };
}

function readScores() {
  const lines = golden('adult-test-logreg-scores.csv').trim().split('\n');
  expect(lines[0]).toBe('y_true,score,y_pred,sex,race');
  const rows = lines.slice(1).map((line) => line.split(','));
  return {
    yTrue: Uint8Array.from(rows, (r) => Number(r[0])),
    yPred: Uint8Array.from(rows, (r) => Number(r[2])),
    sex: encode(rows.map((r) => r[3])),
    race: encode(rows.map((r) => r[4])),
  };
}

type Figures = Record<string, number | null>;
interface Attribute {
  by_group: Record<string, Figures>;
  summary: Record<string, number | null | string[]>;
}
const expected = JSON.parse(golden('adult-test-logreg-expected.json')) as {
  fairness: Record<string, Attribute>;
};
const { yTrue, yPred, sex, race } = readScores();

/** The JSON's attributes; its intersection labels read "Female & Black" where ours read "Female × Black". */
const groupings: Record<string, { grouping: Grouping; label: (json: string) => string }> = {
  sex: { grouping: sex, label: (s) => s },
  race: { grouping: race, label: (s) => s },
  'sex & race': {
    grouping: intersectGroups(sex, race),
    label: (s) => s.replace(' & ', INTERSECTION_SEPARATOR),
  },
};

/** What our code gives for each per-group key of the JSON; a key missing here fails the test. */
const groupFigure: Record<string, (g: GroupMetrics) => number> = {
  count: (g) => g.count,
  n_pos: (g) => g.positives,
  n_neg: (g) => g.negatives,
  base_rate: (g) => g.baseRate.value,
  selection_rate: (g) => g.selectionRate.value,
  tpr: (g) => g.tpr.value,
  fpr: (g) => g.fpr.value,
  accuracy: (g) => g.accuracy.value,
};

/** What our code gives for each summary key of the JSON; a key missing here fails the test. */
const summaryFigure: Record<string, (d: Disparities) => number | string[]> = {
  demographic_parity_difference: (d) => d.demographicParityDifference,
  demographic_parity_ratio: (d) => d.demographicParityRatio,
  equalized_odds_difference: (d) => d.equalizedOddsDifference,
  equalized_odds_ratio: (d) => d.equalizedOddsRatio,
  equal_opportunity_difference: (d) => d.equalOpportunityDifference,
  equal_opportunity_ratio: (d) => d.equalOpportunityRatio,
  true_positive_rate_difference: (d) => d.truePositiveRateDifference,
  false_positive_rate_difference: (d) => d.falsePositiveRateDifference,
  accuracy_difference: (d) => d.accuracyDifference,
  groups_with_undefined_rate: (d) => d.groupsWithUndefinedRate,
};

describe('golden: Adult test set, logistic regression, by sex, race and sex × race (Fairlearn 0.11)', () => {
  it('covers exactly the attributes of the JSON', () => {
    expect(Object.keys(expected.fairness).sort()).toEqual(Object.keys(groupings).sort());
  });

  for (const [attribute, { by_group: byGroup, summary }] of Object.entries(expected.fairness)) {
    it(`${attribute}: reproduces every per-group figure to 1e-9`, () => {
      const { grouping, label } = groupings[attribute];
      const groups = groupMetrics(yTrue, yPred, grouping);
      expect(groups.map((g) => g.group).sort()).toEqual(Object.keys(byGroup).map(label).sort());
      let checked = 0;
      for (const [jsonLabel, figures] of Object.entries(byGroup)) {
        const g = groups.find((x) => x.group === label(jsonLabel))!;
        for (const [key, wanted] of Object.entries(figures)) {
          expect(groupFigure, `no figure for ${attribute}.by_group.*.${key}`).toHaveProperty([key]);
          expectClose(groupFigure[key](g), wanted, `${attribute}.${jsonLabel}.${key}`);
          checked++;
        }
      }
      expect(checked).toBe(Object.keys(byGroup).length * 8);
    });

    it(`${attribute}: reproduces every disparity to 1e-9`, () => {
      const d = disparities(groupMetrics(yTrue, yPred, groupings[attribute].grouping));
      for (const [key, wanted] of Object.entries(summary)) {
        expect(summaryFigure, `no figure for ${attribute}.summary.${key}`).toHaveProperty([key]);
        const ours = summaryFigure[key](d);
        if (Array.isArray(wanted)) expect(ours, key).toEqual(wanted.map(groupings[attribute].label));
        else expectClose(ours as number, wanted, `${attribute}.summary.${key}`);
      }
      expect(Object.keys(summary).length).toBe(10);
    });
  }

  it('gives every rate a 95% Wilson interval around it', () => {
    for (const g of groupMetrics(yTrue, yPred, intersectGroups(sex, race))) {
      for (const r of [g.baseRate, g.selectionRate, g.tpr, g.fpr, g.fnr, g.precision, g.accuracy]) {
        expect(r.low).toBeLessThanOrEqual(r.value);
        expect(r.high).toBeGreaterThanOrEqual(r.value);
        expect(r.low).toBeGreaterThanOrEqual(0);
        expect(r.high).toBeLessThanOrEqual(1);
      }
    }
  });
});
