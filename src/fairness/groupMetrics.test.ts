import { describe, it, expect } from 'vitest';
import { groupMetrics, intersectGroups } from './groupMetrics';
import { wilsonInterval } from './intervals';

const u8 = (...v: number[]) => Uint8Array.from(v);
const i32 = (...v: number[]) => Int32Array.from(v);

describe('groupMetrics', () => {
  // Group A (code 0): y 1 1 0 0, ŷ 1 0 1 0 → tp 1, fn 1, fp 1, tn 1.
  // Group B (code 1): y 0 0 0, ŷ 1 0 0 → no positives, fp 1, tn 2. Row 7 has a missing group.
  const yTrue = u8(1, 1, 0, 0, 0, 0, 0, 1);
  const yPred = u8(1, 0, 1, 0, 1, 0, 0, 1);
  const codes = i32(0, 0, 0, 0, 1, 1, 1, -1);
  const grouping = { codes, labels: ['A', 'B', 'C'] };

  it('computes each group’s counts and rates, skipping missing groups and empty ones', () => {
    const [a, b, ...rest] = groupMetrics(yTrue, yPred, grouping);
    expect(rest).toEqual([]);
    expect([a.group, a.code, a.count, a.positives, a.negatives, a.predictedPositives]).toEqual([
      'A',
      0,
      4,
      2,
      2,
      2,
    ]);
    expect(a.confusion).toEqual({ tn: 1, fp: 1, fn: 1, tp: 1 });
    for (const r of [a.baseRate, a.selectionRate, a.tpr, a.fpr, a.fnr, a.precision, a.accuracy]) {
      expect(r.value).toBe(0.5);
    }
    expect([a.baseRate.n, a.tpr.n, a.fpr.n, a.precision.n]).toEqual([4, 2, 2, 2]);
    expect(b.selectionRate.value).toBe(1 / 3);
    expect(b.fpr.value).toBe(1 / 3);
    expect(b.accuracy.value).toBe(2 / 3);
  });

  it('makes TPR and FNR NaN ("not defined") for a group with no positives', () => {
    const b = groupMetrics(yTrue, yPred, grouping)[1];
    expect(b.baseRate.value).toBe(0);
    for (const r of [b.tpr, b.fnr]) {
      expect(r.value).toBeNaN();
      expect(r.low).toBeNaN();
      expect(r.high).toBeNaN();
      expect(r.n).toBe(0);
    }
  });

  it('attaches the 95% Wilson interval of each rate', () => {
    const a = groupMetrics(yTrue, yPred, grouping)[0];
    expect({ low: a.tpr.low, high: a.tpr.high }).toEqual(wilsonInterval(1, 2));
    expect({ low: a.accuracy.low, high: a.accuracy.high }).toEqual(wilsonInterval(2, 4));
  });

  it('weighs rows: rates as weighted means, intervals on the effective size', () => {
    const weights = Float64Array.from([3, 1, 1, 1, 2, 2, 2, 9]);
    const a = groupMetrics(yTrue, yPred, grouping, weights)[0];
    expect(a.count).toBe(4);
    expect(a.weight).toBe(6);
    expect(a.tpr.value).toBe(3 / 4);
    expect(a.selectionRate.value).toBe(4 / 6);
    // TPR's rows weigh 3 and 1: effective size 16 / 10 = 1.6.
    const wilson = wilsonInterval(0.75 * 1.6, 1.6);
    expect(a.tpr.low).toBeCloseTo(wilson.low, 15);
    expect(a.tpr.high).toBeCloseTo(wilson.high, 15);
    // Equal weights within group B: the same interval as unweighted.
    const b = groupMetrics(yTrue, yPred, grouping, weights)[1];
    expect(b.fpr.low).toBeCloseTo(wilsonInterval(1, 3).low, 15);
  });

  it('refuses arrays of different lengths', () => {
    expect(() => groupMetrics(u8(1), yPred, grouping)).toThrow(RangeError);
  });
});

describe('intersectGroups', () => {
  it('labels the combinations that occur, and is missing where either attribute is', () => {
    const sex = { codes: i32(0, 0, 1, 1, -1, 1), labels: ['Female', 'Male'] };
    const race = { codes: i32(0, 1, 1, -1, 0, 1), labels: ['Black', 'White', 'Other'] };
    const both = intersectGroups(sex, race);
    expect(both.labels).toEqual(['Female × Black', 'Female × White', 'Male × White']);
    expect(Array.from(both.codes)).toEqual([0, 1, 2, -1, -1, 2]);
  });

  it('takes another separator', () => {
    const a = { codes: i32(0), labels: ['x'] };
    expect(intersectGroups(a, a, ' & ').labels).toEqual(['x & x']);
  });
});
