import { describe, it, expect } from 'vitest';
import {
  baselineAccuracy,
  calibrationCurve,
  classificationMetrics,
  confusionMatrix,
  logLoss,
  ratesFromConfusion,
  rocAuc,
  rocCurve,
} from './classification';

const u8 = (...v: number[]) => Uint8Array.from(v);
const f64 = (...v: number[]) => Float64Array.from(v);

describe('confusion matrix and rates', () => {
  // tp = 2 (rows 0, 4), fn = 1 (row 1), fp = 1 (row 3), tn = 2 (rows 2, 5).
  const yTrue = u8(1, 1, 0, 0, 1, 0);
  const yPred = u8(1, 0, 0, 1, 1, 0);

  it('counts [[tn, fp], [fn, tp]] and derives every rate', () => {
    const cm = confusionMatrix(yTrue, yPred);
    expect(cm).toEqual([
      [2, 1],
      [1, 2],
    ]);
    const r = ratesFromConfusion(cm);
    expect(r.accuracy).toBe(4 / 6);
    expect(r.precision).toBe(2 / 3);
    expect(r.recall).toBe(2 / 3);
    expect(r.specificity).toBe(2 / 3);
    expect(r.balancedAccuracy).toBe(2 / 3);
    // 2·2 / (2·2 + 1 + 1).
    expect(r.f1).toBe(4 / 6);
  });

  it('reads Float64Array labels the same as Uint8Array ones', () => {
    expect(confusionMatrix(Float64Array.from(yTrue), Float64Array.from(yPred))).toEqual(
      confusionMatrix(yTrue, yPred),
    );
  });

  it('makes precision NaN, not 0, when nothing is predicted positive (all predictions equal)', () => {
    const r = ratesFromConfusion(confusionMatrix(u8(1, 0, 1, 0), u8(0, 0, 0, 0)));
    expect(r.precision).toBeNaN();
    expect(r.recall).toBe(0);
    // 2·0 / (0 + 0 + 2): defined, and 0, as scikit-learn says.
    expect(r.f1).toBe(0);
    expect(r.accuracy).toBe(0.5);
    expect(r.balancedAccuracy).toBe(0.5);
  });

  it('averages balanced accuracy over the classes present only, as scikit-learn does', () => {
    // No positive rows: recall is not defined, so balanced accuracy is the specificity, 1/2.
    const r = ratesFromConfusion(confusionMatrix(u8(0, 0), u8(0, 1)));
    expect(r.recall).toBeNaN();
    expect(r.f1).toBe(0);
    expect(r.balancedAccuracy).toBe(0.5);
  });

  it('is NaN everywhere for no rows', () => {
    const r = ratesFromConfusion(confusionMatrix(u8(), u8()));
    expect(Object.values(r).every(Number.isNaN)).toBe(true);
  });

  it('refuses arrays of different lengths', () => {
    expect(() => confusionMatrix(u8(1, 0), u8(1))).toThrow(RangeError);
  });
});

describe('ROC curve and AUC', () => {
  // scikit-learn's documented example: roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).
  const yTrue = u8(0, 0, 1, 1);
  const score = f64(0.1, 0.4, 0.35, 0.8);

  it('matches roc_curve(drop_intermediate=False)', () => {
    const roc = rocCurve(yTrue, score);
    expect(Array.from(roc.thresholds)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
    expect(Array.from(roc.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(roc.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(rocAuc(yTrue, score)).toBe(0.75);
  });

  it('counts a tie between a positive and a negative as one half', () => {
    expect(rocAuc(u8(0, 1), f64(0.5, 0.5))).toBe(0.5);
    // Pairs (positive, negative): (0.5, 0.2) 1, (0.5, 0.5) ½, (0.9, 0.2) 1, (0.9, 0.5) 1 → 3.5 / 4.
    expect(rocAuc(u8(0, 1, 0, 1), f64(0.2, 0.5, 0.5, 0.9))).toBe(0.875);
    // One point per distinct score.
    expect(rocCurve(u8(0, 1, 0, 1), f64(0.2, 0.5, 0.5, 0.9)).thresholds).toHaveLength(4);
  });

  it('is NaN when y_true holds one class only', () => {
    expect(rocAuc(u8(1, 1), f64(0.2, 0.7))).toBeNaN();
    expect(Array.from(rocCurve(u8(1, 1), f64(0.2, 0.7)).fpr).every(Number.isNaN)).toBe(true);
  });
});

describe('log loss', () => {
  it('matches scikit-learn’s documented example (0.21616…)', () => {
    const expected = -(Math.log(0.9) + Math.log(0.9) + Math.log(0.8) + Math.log(0.65)) / 4;
    expect(logLoss(u8(1, 0, 0, 1), f64(0.9, 0.1, 0.2, 0.65))).toBeCloseTo(expected, 15);
    expect(expected).toBeCloseTo(0.21616, 5);
  });

  it('clips certain-and-wrong scores at ε = 2.22e-16, as scikit-learn 1.2', () => {
    const wrong = -Math.log(Number.EPSILON);
    expect(logLoss(u8(1), f64(0))).toBeCloseTo(wrong, 12);
    expect(logLoss(u8(0), f64(1))).toBeCloseTo(wrong, 12);
    expect(logLoss(u8(1, 0), f64(1, 0))).toBeLessThan(1e-15);
  });
});

describe('baseline accuracy', () => {
  it('is the majority class share', () => {
    expect(baselineAccuracy(u8(1, 0, 0, 0))).toBe(0.75);
    expect(baselineAccuracy(u8(1, 1, 1, 0))).toBe(0.75);
    expect(baselineAccuracy(u8())).toBeNaN();
  });
});

describe('weights', () => {
  it('give the same figures as repeating rows', () => {
    const yTrue = u8(1, 0, 1, 0, 0);
    const yPred = u8(1, 1, 0, 0, 0);
    const score = f64(0.8, 0.6, 0.3, 0.3, 0.1);
    const weights = f64(2, 1, 3, 1, 2);
    const repeat = <T extends Uint8Array | Float64Array>(a: T) =>
      Float64Array.from(Array.from(a).flatMap((v, i) => Array<number>(weights[i]).fill(v)));
    const weighted = classificationMetrics(yTrue, yPred, score, weights);
    const repeated = classificationMetrics(repeat(yTrue), repeat(yPred), repeat(score));
    for (const key of [
      'accuracy',
      'balancedAccuracy',
      'precision',
      'recall',
      'f1',
      'rocAuc',
      'logLoss',
    ] as const) {
      expect(weighted[key], key).toBeCloseTo(repeated[key], 14);
    }
    expect(weighted.confusion).toEqual(repeated.confusion);
    expect(weighted.baselineAccuracy).toBe(repeated.baselineAccuracy);
    expect(weighted.count).toBe(5);
  });
});

describe('calibration curve', () => {
  it('matches scikit-learn’s documented example (3 bins)', () => {
    const yTrue = u8(0, 0, 0, 0, 1, 1, 1, 1, 1);
    const score = f64(0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1);
    const c = calibrationCurve(yTrue, score, 3);
    expect(c.fractionPositive).toEqual([0, 0.5, 1]);
    expect(c.meanPredicted[0]).toBeCloseTo(0.2, 15);
    expect(c.meanPredicted[1]).toBeCloseTo(0.525, 15);
    expect(c.meanPredicted[2]).toBeCloseTo(0.85, 15);
    expect(c.count).toEqual([3, 2, 4]);
  });

  it('puts a score on an edge in the bin below and leaves empty bins out', () => {
    const c = calibrationCurve(u8(0, 0, 1, 0, 1, 1), f64(0, 0.1, 0.15, 0.3, 0.95, 1));
    expect(c.bin).toEqual([0, 1, 2, 9]);
    expect(c.count).toEqual([2, 1, 1, 2]);
    expect(c.fractionPositive).toEqual([0, 1, 0, 1]);
    expect(c.meanPredicted[3]).toBe(0.975);
  });

  it('refuses a bin count that is not a positive integer', () => {
    expect(() => calibrationCurve(u8(1), f64(0.5), 0)).toThrow(RangeError);
  });
});
