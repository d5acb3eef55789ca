import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import { groupMetrics, intersectGroups, type Grouping } from '../fairness/groupMetrics';
import { evaluate, predictedLabels } from '../pipeline/evaluate';
import type { BinaryMetrics } from '../pipeline/types';
import { confusionMatrix } from './classification';
import { createThresholdIndex, lowerBound } from './threshold';

/**
 * ~2000 rows, two sensitive attributes (sex with some missing values, race with a label that never
 * occurs), labels whose base rate depends on the group, and scores rounded to hundredths so that many rows
 * share a score: a threshold equal to a score must count every tied row as positive.
 */
function dataSet(seed: number, n = 2000) {
  const rng = createRng(seed);
  const sex: Grouping = { labels: ['F', 'M'], codes: new Int32Array(n) };
  const race: Grouping = { labels: ['a', 'b', 'never', 'c'], codes: new Int32Array(n) };
  const y = new Float64Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sex.codes[i] = rng() < 0.05 ? -1 : rng() < 0.45 ? 0 : 1;
    const r = rng();
    race.codes[i] = r < 0.6 ? 0 : r < 0.9 ? 1 : 3;
    const base = 0.2 + 0.2 * Math.max(0, sex.codes[i]) + 0.1 * (race.codes[i] === 1 ? 1 : 0);
    y[i] = rng() < base ? 1 : 0;
    score[i] = Math.round(100 * Math.min(1, Math.max(0, 0.35 * y[i] + 0.65 * rng()))) / 100;
  }
  return { y, score, sex, race };
}

const predictedAt = (score: ArrayLike<number>, t: number) =>
  Float64Array.from(score, (p) => (p >= t ? 1 : 0));

/** 0, 1, ±∞, every score that occurs, and just above and below each of a few of them. */
function thresholds(score: Float64Array): number[] {
  const distinct = [...new Set(score)].sort((a, b) => a - b);
  const near = distinct.filter((_, i) => i % 7 === 0).flatMap((s) => [s - 1e-9, s + 1e-9]);
  return [0, 1, 0.5, 0.3, 0.7, -Infinity, Infinity, 1.5, -0.5, ...distinct, ...near];
}

describe('lowerBound', () => {
  it('finds the first index whose value is ≥ t, ties included', () => {
    const sorted = Float64Array.from([0.1, 0.2, 0.2, 0.2, 0.5]);
    expect([0, 0.1, 0.15, 0.2, 0.3, 0.5, 0.6].map((t) => lowerBound(sorted, t))).toEqual([
      0, 0, 1, 1, 4, 4, 5,
    ]);
    expect(lowerBound(sorted, NaN)).toBe(5);
    expect(lowerBound(new Float64Array(0), 0.5)).toBe(0);
  });
});

describe('createThresholdIndex', () => {
  it('works out a tiny case by hand', () => {
    // y 1 0 1 0 1, scores 0.9 0.8 0.5 0.5 0.1.
    const index = createThresholdIndex([1, 0, 1, 0, 1], [0.9, 0.8, 0.5, 0.5, 0.1], []);
    // At ½ (ties count as positive): ŷ 1 1 1 1 0 → tn 0, fp 2, fn 1, tp 2.
    const half = index.binaryMetricsAt(0.5);
    expect(half.confusion).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(half.accuracy).toBeCloseTo(2 / 5, 15);
    expect(half.precision).toBeCloseTo(1 / 2, 15);
    expect(half.recall).toBeCloseTo(2 / 3, 15);
    expect(half.specificity).toBe(0);
    expect(half.balancedAccuracy).toBeCloseTo(1 / 3, 15);
    expect(half.f1).toBeCloseTo(4 / 7, 15); // 2·tp / (2·tp + fp + fn) = 4 / 7
    // At 0.8: ŷ 1 1 0 0 0 → tn 1, fp 1, fn 2, tp 1.
    expect(index.confusionAt(0.8)).toEqual([
      [1, 1],
      [2, 1],
    ]);
    // Above every score nothing is predicted positive: precision is not defined, F1 is 0 (3 positives missed).
    const none = index.binaryMetricsAt(0.95);
    expect(none.confusion).toEqual([
      [2, 0],
      [3, 0],
    ]);
    expect(none.precision).toBeNaN();
    expect(none.recall).toBe(0);
    expect(none.f1).toBe(0);
    expect(index.rows).toBe(5);
  });

  it('gives per-group figures by hand, code -1 ignored and empty groups left out', () => {
    const grouping: Grouping = { labels: ['A', 'B', 'C'], codes: Int32Array.from([0, 0, 2, 2, -1]) };
    const index = createThresholdIndex([1, 0, 1, 0, 1], [0.9, 0.8, 0.5, 0.5, 0.1], [{ name: 'g', grouping }]);
    const groups = index.groupsAt('g', 0.85);
    expect(groups.map((g) => [g.group, g.code, g.count])).toEqual([
      ['A', 0, 2],
      ['C', 2, 2],
    ]);
    expect(groups[0].confusion).toEqual({ tn: 1, fp: 0, fn: 0, tp: 1 });
    expect(groups[1].confusion).toEqual({ tn: 1, fp: 0, fn: 1, tp: 0 });
    expect(groups[1].precision.value).toBeNaN();
    expect(() => index.groupsAt('other', 0.5)).toThrow(RangeError);
  });

  it('equals confusionMatrix and groupMetrics of score ≥ t at every threshold, ties included', () => {
    const { y, score, sex, race } = dataSet(20240611);
    const both = intersectGroups(sex, race);
    const index = createThresholdIndex(y, score, [
      { name: 'sex', grouping: sex },
      { name: 'race', grouping: race },
      { name: 'sex × race', grouping: both },
    ]);
    expect(index.groupingNames).toEqual(['sex', 'race', 'sex × race']);
    const ts = thresholds(score);
    expect(ts.length).toBeGreaterThan(100);
    for (const t of ts) {
      const predicted = predictedAt(score, t);
      expect(index.confusionAt(t)).toEqual(confusionMatrix(y, predicted));
      expect(index.groupsAt('sex', t)).toEqual(groupMetrics(y, predicted, sex));
      expect(index.groupsAt('race', t)).toEqual(groupMetrics(y, predicted, race));
      expect(index.groupsAt('sex × race', t)).toEqual(groupMetrics(y, predicted, both));
    }
    // The label that never occurs is left out, as groupMetrics does.
    expect(index.groupsAt('race', 0.5).map((g) => g.group)).toEqual(['a', 'b', 'c']);
  });

  it('gives at ½ the figures evaluate gives', () => {
    const { y, score } = dataSet(7);
    const yTrain = Float64Array.from({ length: 100 }, (_, i) => i % 2);
    const m = evaluate(
      'binary',
      2,
      yTrain,
      y,
      score,
      predictedLabels('binary', score, y.length),
    ) as BinaryMetrics;
    const at = createThresholdIndex(y, score, []).binaryMetricsAt(0.5);
    for (const key of ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'specificity', 'f1'] as const)
      expect(at[key], key).toBe(m[key]);
    expect(at.confusion).toEqual(m.confusion);
  });

  it('leaves out rows without a label and predicts a NaN score negative at every threshold', () => {
    const { y, score, sex } = dataSet(99, 500);
    y[3] = NaN;
    y[10] = NaN;
    score[20] = NaN;
    score[21] = NaN;
    const index = createThresholdIndex(y, score, [{ name: 'sex', grouping: sex }]);
    const labelled = (_: unknown, i: number) => !Number.isNaN(y[i]);
    const yKept = y.filter(labelled);
    const scoreKept = score.filter(labelled);
    const sexKept: Grouping = { labels: sex.labels, codes: sex.codes.filter(labelled) };
    expect(index.rows).toBe(498);
    for (const t of [-Infinity, 0, 0.5, 1, NaN]) {
      const predicted = predictedAt(scoreKept, t);
      expect(index.confusionAt(t)).toEqual(confusionMatrix(yKept, predicted));
      expect(index.groupsAt('sex', t)).toEqual(groupMetrics(yKept, predicted, sexKept));
    }
  });

  it('copies its inputs and refuses misaligned arrays or a name used twice', () => {
    const y = Float64Array.from([1, 0]);
    const score = Float64Array.from([0.9, 0.1]);
    const index = createThresholdIndex(y, score, []);
    score[0] = 0;
    expect(index.confusionAt(0.5)).toEqual([
      [1, 0],
      [0, 1],
    ]);
    const g: Grouping = { labels: ['A'], codes: Int32Array.from([0, 0]) };
    expect(() => createThresholdIndex([1], [0.5, 0.5], [])).toThrow(RangeError);
    expect(() =>
      createThresholdIndex(y, score, [
        { name: 'g', grouping: { labels: ['A'], codes: Int32Array.from([0]) } },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      createThresholdIndex(y, score, [
        { name: 'g', grouping: g },
        { name: 'g', grouping: g },
      ]),
    ).toThrow(RangeError);
  });
});
