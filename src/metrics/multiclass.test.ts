import { describe, it, expect } from 'vitest';
import { multiclassConfusion, multiclassMetrics } from './multiclass';

const i32 = (...v: number[]) => Int32Array.from(v);

describe('multiclassMetrics', () => {
  // Confusion [[1, 1, 0], [0, 2, 0], [1, 0, 1]].
  const yTrue = i32(0, 0, 1, 1, 2, 2);
  const yPred = i32(0, 1, 1, 1, 2, 0);

  it('computes the confusion matrix, per-class figures and macro averages', () => {
    const m = multiclassMetrics(yTrue, yPred, 3);
    expect(m.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
    expect(m.accuracy).toBe(4 / 6);
    expect(m.perClass).toEqual([
      { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      { precision: 2 / 3, recall: 1, f1: 0.8, support: 2 },
      { precision: 1, recall: 0.5, f1: 2 / 3, support: 2 },
    ]);
    expect(m.macroPrecision).toBeCloseTo((0.5 + 2 / 3 + 1) / 3, 15);
    expect(m.macroRecall).toBeCloseTo(2 / 3, 15);
    expect(m.macroF1).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 15);
  });

  it('leaves a class that never occurs nor is predicted out of the macro averages (NaN, not 0)', () => {
    const m = multiclassMetrics(yTrue, yPred, 4);
    expect(m.perClass[3].precision).toBeNaN();
    expect(m.perClass[3].recall).toBeNaN();
    expect(m.perClass[3].f1).toBeNaN();
    expect(m.macroRecall).toBeCloseTo(2 / 3, 15);
  });

  it('skips rows with a missing (-1) or out-of-range class', () => {
    const m = multiclassMetrics(i32(0, -1, 1, 5), i32(0, 0, -1, 1), 2);
    expect(m.confusion).toEqual([
      [1, 0],
      [0, 0],
    ]);
    expect(m.accuracy).toBe(1);
  });

  it('weighs rows', () => {
    expect(multiclassConfusion(i32(0, 1, 1), i32(0, 1, 0), 2, Float64Array.from([2, 0.5, 3]))).toEqual([
      [2, 0],
      [3, 0.5],
    ]);
  });
});
