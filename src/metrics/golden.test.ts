import { describe, it, expect } from 'vitest';
import { expectClose, golden } from '../../test/golden/golden';
import { baselineAccuracy, calibrationCurve, classificationMetrics, rocCurve } from './classification';

// UCI Adult's test set scored by scikit-learn 1.2.1's logistic regression, with the figures scikit-learn
// gives on exactly those predictions (test/golden/README.md). Every figure must come out to 1e-9.

function readScores() {
  const lines = golden('adult-test-logreg-scores.csv').trim().split('\n');
  expect(lines[0]).toBe('y_true,score,y_pred,sex,race');
  const rows = lines.slice(1).map((line) => line.split(','));
  return {
    yTrue: Uint8Array.from(rows, (r) => Number(r[0])),
    score: Float64Array.from(rows, (r) => Number(r[1])),
    yPred: Uint8Array.from(rows, (r) => Number(r[2])),
  };
}

const expected = JSON.parse(golden('adult-test-logreg-expected.json')) as {
  threshold: number;
  metrics: Record<string, number | Record<string, number>>;
} & Record<string, unknown>;
const { yTrue, score, yPred } = readScores();
const m = classificationMetrics(yTrue, yPred, score);

/** What our code gives for each key of expected.metrics; a key missing here fails the test. */
const produced: Record<string, number | Record<string, number>> = {
  accuracy: m.accuracy,
  balanced_accuracy: m.balancedAccuracy,
  precision: m.precision,
  recall: m.recall,
  f1: m.f1,
  roc_auc: m.rocAuc,
  log_loss: m.logLoss,
  confusion: { tn: m.confusion[0][0], fp: m.confusion[0][1], fn: m.confusion[1][0], tp: m.confusion[1][1] },
};

describe('golden: Adult test set, logistic regression (scikit-learn 1.2.1)', () => {
  it('holds only the top-level keys this test and src/fairness/golden.test.ts know', () => {
    expect(Object.keys(expected).sort()).toEqual(
      ['definitions', 'fairness', 'metrics', 'positive_label', 'source', 'threshold'].sort(),
    );
  });

  it('has y_pred = [score ≥ threshold] on every row', () => {
    expect(yTrue.length).toBe(16281);
    let mismatches = 0;
    for (let i = 0; i < score.length; i++)
      if (yPred[i] !== (score[i] >= expected.threshold ? 1 : 0)) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('reproduces every figure of "metrics" to 1e-9', () => {
    let checked = 0;
    for (const [key, wanted] of Object.entries(expected.metrics)) {
      expect(produced, `no figure for metrics.${key}`).toHaveProperty([key]);
      const ours = produced[key];
      if (typeof wanted === 'object' && wanted !== null) {
        expect(typeof ours, key).toBe('object');
        for (const [sub, value] of Object.entries(wanted)) {
          const mine = (ours as Record<string, number>)[sub];
          expect(mine, `no figure for metrics.${key}.${sub}`).toBeTypeOf('number');
          expectClose(mine, value, `metrics.${key}.${sub}`);
          checked++;
        }
      } else {
        expectClose(ours as number, wanted, `metrics.${key}`);
        checked++;
      }
    }
    expect(checked).toBe(11);
  });

  it('gives the majority-class baseline the README quotes (0.7638)', () => {
    expect(baselineAccuracy(yTrue)).toBe(12435 / 16281);
    expect(m.baselineAccuracy.toFixed(4)).toBe('0.7638');
    expect(m.count).toBe(16281);
  });

  it('draws a ROC curve from (0, 0) to (1, 1) and a calibration curve over all rows', () => {
    const roc = rocCurve(yTrue, score);
    expect([roc.fpr[0], roc.tpr[0], roc.thresholds[0]]).toEqual([0, 0, Infinity]);
    expect([roc.fpr[roc.fpr.length - 1], roc.tpr[roc.tpr.length - 1]]).toEqual([1, 1]);
    const cal = calibrationCurve(yTrue, score, 10);
    expect(cal.count.reduce((a, b) => a + b, 0)).toBe(16281);
    // A fitted logistic regression is close to calibrated: each bin's observed rate near its mean score.
    cal.count.forEach((n, k) => {
      if (n > 200) expect(Math.abs(cal.fractionPositive[k] - cal.meanPredicted[k])).toBeLessThan(0.06);
    });
  });
});
