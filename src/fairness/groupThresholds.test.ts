import { describe, it, expect } from 'vitest';
import { createRng } from '../core/random';
import { fitGroupThresholds, positiveProbability, type FairnessConstraint } from './groupThresholds';
import { CONSTRAINTS, expectWellFormed } from './groupThresholdsTesting';

const f64 = (...v: number[]) => Float64Array.from(v);
const i32 = (...v: number[]) => Int32Array.from(v);

/** Rows of several groups, each given as [score, y] pairs. */
function rows(...groups: [number, number][][]) {
  const all = groups.flatMap((g, code) => g.map(([s, y]) => ({ s, y, code })));
  return {
    score: Float64Array.from(all, (r) => r.s),
    y: Float64Array.from(all, (r) => r.y),
    groups: Int32Array.from(all, (r) => r.code),
  };
}

describe('fitGroupThresholds on hand-made cases', () => {
  // Perfectly separable in both groups; group 0 has base rate ½ (4 of 8), group 1 ¼ (1 of 4).
  const separable = rows(
    [
      [0.95, 1],
      [0.9, 1],
      [0.85, 1],
      [0.8, 1],
      [0.3, 0],
      [0.25, 0],
      [0.2, 0],
      [0.1, 0],
    ],
    [
      [0.7, 1],
      [0.6, 0],
      [0.5, 0],
      [0.4, 0],
    ],
  );

  it('demographic parity: selects half of each group (group 1 must take its best negative)', () => {
    const { score, y, groups } = separable;
    const t = fitGroupThresholds(score, y, groups, 2, 'demographic-parity');
    expect(t.constraint).toBe('demographic-parity');
    // Accuracy 2·TP + negatives − selected is 9 + 4s on [¼, ½] and falls after: s = ½.
    expect(t.rules[0]).toEqual({ low: 0.3, high: 0.3, pBetween: 0, mix: 1, baseRate: 0 });
    expect(t.rules[1]).toEqual({ low: 0.5, high: 0.5, pBetween: 0, mix: 1, baseRate: 0 });
    expect(t.fitted.accuracy).toBeCloseTo(11 / 12, 12);
    expect(t.fitted.rates.selection).toEqual([0.5, 0.5]);
    expect(t.fitted.violation).toBe(0);
  });

  it('equal opportunity and equalized odds: each group selects exactly its positives', () => {
    const { score, y, groups } = separable;
    for (const c of ['equal-opportunity', 'equalized-odds'] as const) {
      const t = fitGroupThresholds(score, y, groups, 2, c);
      expect(t.rules.map((r) => [r.low, r.high, r.mix])).toEqual([
        [0.3, 0.3, 1],
        [0.6, 0.6, 1],
      ]);
      expect(t.fitted.accuracy).toBe(1);
      expect(t.fitted.rates.tpr).toEqual([1, 1]);
      expect(t.fitted.rates.fpr).toEqual([0, 0]);
      expect(t.fitted.violation).toBe(0);
    }
  });

  it('randomises between two thresholds when tied scores straddle the cut', () => {
    // Group 1's four rows tie at 0.5: any selection share s is "s > −∞" with probability s.
    const { score, y, groups } = rows(
      [
        [0.8, 1],
        [0.2, 0],
      ],
      [
        [0.5, 1],
        [0.5, 1],
        [0.5, 0],
        [0.5, 0],
      ],
    );
    const t = fitGroupThresholds(score, y, groups, 2, 'demographic-parity');
    expect(t.rules[0]).toEqual({ low: 0.2, high: 0.2, pBetween: 0, mix: 1, baseRate: 0 });
    expect(t.rules[1]).toEqual({ low: -Infinity, high: 0.5, pBetween: 0.5, mix: 1, baseRate: 0 });
    expect(Array.from(positiveProbability(t, score, groups))).toEqual([1, 0, 0.5, 0.5, 0.5, 0.5]);
    expect(t.fitted.accuracy).toBeCloseTo(4 / 6, 12);
    expect(t.fitted.violation).toBe(0);
  });

  it('equalized odds mixes a group with the coin at its FPR when its ROC hull is above the common point', () => {
    // Group 0 separable (2 positives, 6 negatives); group 1's hull is (0,0) (0,½) (½,1) (1,1). More negatives
    // than positives overall, so the best common point is FPR 0, TPR ½: group 0 reaches it by taking its
    // threshold at (0, 1) with probability ½ and the coin "positive with probability 0" otherwise.
    const { score, y, groups } = rows(
      [
        [0.9, 1],
        [0.8, 1],
        [0.4, 0],
        [0.3, 0],
        [0.2, 0],
        [0.1, 0],
        [0.05, 0],
        [0.01, 0],
      ],
      [
        [0.6, 1],
        [0.5, 0],
        [0.4, 1],
        [0.3, 0],
      ],
    );
    const t = fitGroupThresholds(score, y, groups, 2, 'equalized-odds');
    expect(t.rules[0]).toEqual({ low: 0.4, high: 0.4, pBetween: 0, mix: 0.5, baseRate: 0 });
    expect(t.rules[1]).toEqual({ low: 0.5, high: 0.5, pBetween: 0, mix: 1, baseRate: 0 });
    expect(t.fitted.rates.tpr).toEqual([0.5, 0.5]);
    expect(t.fitted.rates.fpr).toEqual([0, 0]);
    expect(t.fitted.accuracy).toBeCloseTo(10 / 12, 12);
  });

  it('uses the ROC convex hull, never worse than mixing adjacent thresholds (brute force on random data)', () => {
    const rng = createRng(7);
    const n = 80;
    const score = Float64Array.from({ length: n }, () => rng());
    const y = Float64Array.from(score, (s) => (rng() < 0.2 + 0.6 * s ? 1 : 0));
    const groups = Int32Array.from({ length: n }, () => (rng() < 0.4 ? 0 : 1));
    const sorted = [0, 1].map((g) =>
      Array.from(score.keys())
        .filter((i) => groups[i] === g)
        .sort((a, b) => score[b] - score[a])
        .map((i) => y[i]),
    );
    // Demographic parity: top ⌊m⌋ rows of each group plus a fraction of the next, m = s · n_g.
    let bestDp = 0;
    for (let k = 0; k <= 400; k++) {
      const s = k / 400;
      let correct = 0;
      for (const ys of sorted) {
        const m = s * ys.length;
        const whole = Math.floor(m);
        let tp = ys.slice(0, whole).reduce((a, b) => a + b, 0);
        if (whole < ys.length) tp += (m - whole) * ys[whole];
        const negatives = ys.filter((v) => v !== 1).length;
        correct += 2 * tp + negatives - m;
      }
      bestDp = Math.max(bestDp, correct / n);
    }
    const dp = fitGroupThresholds(score, y, groups, 2, 'demographic-parity');
    expect(dp.fitted.accuracy).toBeGreaterThanOrEqual(bestDp - 1e-12);
    // Equal opportunity: rows down to the one that brings the t · P_g-th positive, that one in part.
    let bestEo = 0;
    for (let k = 0; k <= 400; k++) {
      const t = k / 400;
      let correct = 0;
      for (const ys of sorted) {
        const positives = ys.filter((v) => v === 1).length;
        const negatives = ys.length - positives;
        const m = t * positives;
        let tp = 0;
        let fp = 0;
        for (const v of ys) {
          if (tp >= m) break;
          if (v === 1) tp = Math.min(m, tp + 1);
          else fp++;
        }
        correct += tp + negatives - fp;
      }
      bestEo = Math.max(bestEo, correct / n);
    }
    const eo = fitGroupThresholds(score, y, groups, 2, 'equal-opportunity');
    expect(eo.fitted.accuracy).toBeGreaterThanOrEqual(bestEo - 1e-12);
    expect(eo.fitted.violation).toBeLessThan(1e-12);
  });

  it('handles groups with one class only: they do not constrain the rate they lack', () => {
    const { score, y, groups } = rows(
      [
        [0.9, 1],
        [0.8, 1],
        [0.3, 0],
        [0.2, 0],
      ],
      [
        [0.7, 0],
        [0.2, 0],
      ],
      [
        [0.6, 1],
        [0.3, 1],
      ],
    );
    const eo = fitGroupThresholds(score, y, groups, 3, 'equal-opportunity');
    // No positives: no TPR, so its most accurate rule on these rows, nobody.
    expect(eo.rules[1]).toEqual({ low: 0.7, high: 0.7, pBetween: 0, mix: 1, baseRate: 0 });
    expect(eo.fitted.rates.tpr[1]).toBeNaN();
    expect(eo.fitted.rates.tpr).toEqual([1, NaN, 1]);
    expect(eo.fitted.accuracy).toBe(1);
    expect(eo.fitted.violation).toBe(0);

    const odds = fitGroupThresholds(score, y, groups, 3, 'equalized-odds');
    expect(odds.fitted.rates.tpr).toEqual([1, NaN, 1]);
    expect(odds.fitted.rates.fpr).toEqual([0, 0, NaN]);
    expect(odds.fitted.accuracy).toBe(1);
    expect(odds.fitted.violation).toBe(0);
    expect(odds.rules[2]).toEqual({ low: -Infinity, high: -Infinity, pBetween: 0, mix: 1, baseRate: 0 });

    for (const c of CONSTRAINTS) {
      const t = fitGroupThresholds(score, y, groups, 3, c);
      expectWellFormed(t);
      expect(Number.isFinite(t.fitted.violation)).toBe(true);
    }
  });

  it('gives rows with no group, or a code beyond the groups, the plain threshold ½ (P ≥ ½ positive)', () => {
    const { score, y, groups } = separable;
    // Code 2 has no fitting rows: its rule is the fallback too.
    const t = fitGroupThresholds(score, y, groups, 3, 'demographic-parity');
    const below = 0.5 - 2 ** -54;
    expect(t.fallback).toEqual({ low: below, high: below, pBetween: 0, mix: 1, baseRate: 0 });
    expect(t.rules[2]).toEqual(t.fallback);
    expect(t.fitted.rates.selection[2]).toBeNaN();
    expect(t.fitted.violation).toBe(0);
    const p = positiveProbability(t, f64(0.7, 0.5, 0.3, 0.7, 0.49, 0.51), i32(-1, -1, -1, 5, 2, 2));
    // 0.5 itself is positive, as `predictedLabels` decides.
    expect(Array.from(p)).toEqual([1, 1, 0, 1, 0, 1]);
  });

  it('ignores rows with group -1 (and NaN labels or scores) when fitting', () => {
    const { score, y, groups } = separable;
    const base = fitGroupThresholds(score, y, groups, 2, 'equalized-odds');
    const extra = fitGroupThresholds(
      f64(...score, 0.99, 0.01, 0.5, NaN),
      f64(...y, 0, 1, NaN, 1),
      i32(...groups, -1, -1, 0, 1),
      2,
      'equalized-odds',
    );
    expect(extra.rules).toEqual(base.rules);
    expect(extra.fitted).toEqual(base.fitted);
  });

  it('rejects arrays of different lengths and unknown constraints', () => {
    expect(() => fitGroupThresholds(f64(0.1), f64(), i32(0), 1, 'demographic-parity')).toThrow(RangeError);
    expect(() =>
      positiveProbability(fitGroupThresholds(f64(), f64(), i32(), 1, 'equal-opportunity'), f64(1), i32()),
    ).toThrow(RangeError);
    expect(() =>
      fitGroupThresholds(f64(0.1), f64(1), i32(0), 1, 'parity' as unknown as FairnessConstraint),
    ).toThrow(RangeError);
  });
});
