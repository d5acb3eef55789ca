import { describe, it, expect } from 'vitest';
import { disparities, spread, versusReference } from './disparities';
import { groupMetrics } from './groupMetrics';

const u8 = (...v: number[]) => Uint8Array.from(v);
const i32 = (...v: number[]) => Int32Array.from(v);

/** One string per group, one `yŷ` pair per row: '10 01' is a missed positive, then a false alarm. */
function build(...groups: string[]) {
  const all = groups.flatMap((rows, g) =>
    rows.split(' ').map(([y, p]) => ({ y: Number(y), p: Number(p), g })),
  );
  return {
    yTrue: u8(...all.map((r) => r.y)),
    yPred: u8(...all.map((r) => r.p)),
    grouping: { codes: i32(...all.map((r) => r.g)), labels: groups.map((_, g) => `g${g}`) },
  };
}

describe('disparities', () => {
  it('takes max − min and min / max of each rate, worst case for equalized odds', () => {
    // g0: tp 2, fn 2, fp 1, tn 3 → selection 3/8, TPR 1/2, FPR 1/4, precision 2/3, accuracy 5/8.
    // g1: tp 3, fn 1, fp 0, tn 4 → selection 3/8, TPR 3/4, FPR 0, precision 1, accuracy 7/8.
    const { yTrue, yPred, grouping } = build('11 11 10 10 01 00 00 00', '11 11 11 10 00 00 00 00');
    const d = disparities(groupMetrics(yTrue, yPred, grouping));
    expect(d.demographicParityDifference).toBe(0);
    expect(d.demographicParityRatio).toBe(1);
    expect(d.truePositiveRateDifference).toBe(0.25);
    expect(d.truePositiveRateRatio).toBe(2 / 3);
    expect(d.falsePositiveRateDifference).toBe(0.25);
    expect(d.falsePositiveRateRatio).toBe(0);
    expect(d.equalizedOddsDifference).toBe(0.25);
    expect(d.equalizedOddsRatio).toBe(0);
    expect(d.equalOpportunityDifference).toBe(0.25);
    expect(d.equalOpportunityRatio).toBe(2 / 3);
    expect(d.predictiveParityDifference).toBeCloseTo(1 / 3, 15);
    expect(d.predictiveParityRatio).toBe(2 / 3);
    expect(d.accuracyDifference).toBe(0.25);
    expect(d.spreads.tpr).toMatchObject({ lowest: 'g0', highest: 'g1' });
    expect(d.groupsWithUndefinedRate).toEqual([]);
  });

  it('skips a group with no positives in TPR, and lists it', () => {
    // g0: TPR 1/2, FPR 0. g1: TPR 1, FPR 1/2. g2: no positives (TPR NaN), FPR 1.
    const { yTrue, yPred, grouping } = build('11 10 00', '11 01 00', '01 01');
    const d = disparities(groupMetrics(yTrue, yPred, grouping));
    expect(d.equalOpportunityDifference).toBe(0.5);
    expect(d.equalOpportunityRatio).toBe(0.5);
    // FPR still counts g2: 1 − 0.
    expect(d.falsePositiveRateDifference).toBe(1);
    expect(d.equalizedOddsDifference).toBe(1);
    expect(d.groupsWithUndefinedRate).toEqual(['g2']);
  });

  it('gives difference 0 and ratio 1 for one group only', () => {
    const { yTrue, yPred, grouping } = build('11 10 01 00');
    const d = disparities(groupMetrics(yTrue, yPred, grouping));
    for (const v of [d.demographicParityDifference, d.equalizedOddsDifference, d.accuracyDifference])
      expect(v).toBe(0);
    for (const v of [d.demographicParityRatio, d.equalizedOddsRatio, d.equalOpportunityRatio])
      expect(v).toBe(1);
  });

  it('handles all predictions equal: 0/0 ratios are NaN, as in Fairlearn', () => {
    const allZero = build('10 00', '10 00 00');
    const d0 = disparities(groupMetrics(allZero.yTrue, allZero.yPred, allZero.grouping));
    expect(d0.demographicParityDifference).toBe(0);
    expect(d0.demographicParityRatio).toBeNaN();
    expect(d0.equalizedOddsDifference).toBe(0);
    expect(d0.equalizedOddsRatio).toBeNaN();
    // Nobody predicted positive: precision is not defined anywhere.
    expect(d0.predictiveParityDifference).toBeNaN();
    expect(d0.groupsWithUndefinedRate).toEqual(['g0', 'g1']);
    const allOne = build('11 01', '11 01 01');
    const d1 = disparities(groupMetrics(allOne.yTrue, allOne.yPred, allOne.grouping));
    expect(d1.demographicParityRatio).toBe(1);
    expect(d1.equalizedOddsRatio).toBe(1);
    expect(d1.accuracyDifference).toBeCloseTo(0.5 - 1 / 3, 15);
  });

  it('weighs rows (Fairlearn’s sample_weight)', () => {
    // g0: selected row weighs 3, the other 1 → 3/4; g1: 1/2.
    const { yTrue, yPred, grouping } = build('11 00', '11 00');
    const d = disparities(groupMetrics(yTrue, yPred, grouping, Float64Array.from([3, 1, 1, 1])));
    expect(d.demographicParityDifference).toBe(0.25);
    expect(d.demographicParityRatio).toBe(2 / 3);
    expect(d.accuracyDifference).toBe(0);
  });

  it('is NaN when no group has the rate defined', () => {
    expect(spread([{ group: 'a', value: NaN }])).toMatchObject({ difference: NaN, ratio: NaN, lowest: null });
    expect(spread([])).toMatchObject({ difference: NaN, ratio: NaN });
  });
});

describe('versusReference', () => {
  // g0 (2 rows): selection 1/2. g1 (4 rows): selection 1/4. g2 (1 row): selection 0.
  const { yTrue, yPred, grouping } = build('11 00', '11 10 00 00', '00');
  const groups = groupMetrics(yTrue, yPred, grouping);

  it('compares with the largest group by default, as Aequitas does', () => {
    const v = versusReference(groups)!;
    expect(v.reference).toBe('g1');
    expect(v.groups.map((g) => g.isReference)).toEqual([false, true, false]);
    expect(v.groups[0].rates.selectionRate).toEqual({ value: 0.5, ratio: 2, difference: 0.25 });
    expect(v.groups[1].rates.selectionRate).toEqual({ value: 0.25, ratio: 1, difference: 0 });
    expect(v.groups[2].rates.selectionRate).toEqual({ value: 0, ratio: 0, difference: -0.25 });
    // g2 has no positives: its TPR and the comparisons are not defined.
    expect(v.groups[2].rates.tpr.ratio).toBeNaN();
  });

  it('compares with a chosen group; a reference rate of 0 gives a NaN ratio', () => {
    const v = versusReference(groups, 'g2')!;
    expect(v.reference).toBe('g2');
    expect(v.groups[0].rates.selectionRate.ratio).toBeNaN();
    expect(v.groups[0].rates.selectionRate.difference).toBe(0.5);
  });

  it('is null for an unknown reference or no groups', () => {
    expect(versusReference(groups, 'nobody')).toBeNull();
    expect(versusReference([])).toBeNull();
  });
});
