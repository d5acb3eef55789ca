import { describe, expect, it } from 'vitest';
import { metricWarnings } from './warnings';

const ys = (counts: number[]) => Float64Array.from(counts.flatMap((n, k) => new Array<number>(n).fill(k)));

describe('metricWarnings', () => {
  it('warns of imbalanced classes, naming the rare one and its share', () => {
    const w = metricWarnings({
      task: 'binary',
      classes: ['no', 'yes'],
      yTest: ys([900, 100]),
      metrics: { accuracy: 0.9, baselineAccuracy: 0.9, rocAuc: 0.7 },
      topColumn: 'age',
    });
    expect(w).toEqual([{ code: 'imbalanced', minorityClass: 'yes', share: 0.1 }]);
  });

  it('warns of a tiny test set', () => {
    const w = metricWarnings({
      task: 'regression',
      classes: [],
      yTest: ys([40]),
      metrics: { r2: 0.5 },
      topColumn: null,
    });
    expect(w).toEqual([{ code: 'tiny-test', rows: 40 }]);
  });

  it('calls a near-perfect score likely leakage and names the column the model leans on most', () => {
    const w = metricWarnings({
      task: 'binary',
      classes: ['no', 'yes'],
      yTest: ys([500, 500]),
      metrics: { accuracy: 0.995, baselineAccuracy: 0.5, rocAuc: 0.999 },
      topColumn: 'outcome_code',
    });
    expect(w).toEqual([{ code: 'too-perfect', figure: 'accuracy', value: 0.995, column: 'outcome_code' }]);
  });

  it('does not call a 99% majority "too perfect" when the model only matches it', () => {
    const w = metricWarnings({
      task: 'binary',
      classes: ['no', 'yes'],
      yTest: ys([990, 10]),
      metrics: { accuracy: 0.99, baselineAccuracy: 0.99, rocAuc: 0.6 },
      topColumn: null,
    });
    expect(w.map((x) => x.code)).toEqual(['imbalanced']);
  });
});
