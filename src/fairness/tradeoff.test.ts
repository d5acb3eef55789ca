import { describe, expect, it } from 'vitest';
import { paretoFrontier } from './tradeoff';

describe('paretoFrontier', () => {
  it('keeps the runs no other run beats on both fairness and accuracy, fairest first', () => {
    const points = [
      { disparity: 0.19, accuracy: 0.852 }, // baseline: most accurate
      { disparity: 0.1, accuracy: 0.843 }, // reweighing
      { disparity: 0.11, accuracy: 0.84 }, // dominated by reweighing
      { disparity: 0.002, accuracy: 0.832 }, // thresholds: fairest
      { disparity: 0.21, accuracy: 0.851 }, // dominated by the baseline
      { disparity: NaN, accuracy: 0.9 }, // not defined: no part
    ];
    expect(paretoFrontier(points)).toEqual([3, 1, 0]);
  });

  it('keeps one of equal points and handles none', () => {
    expect(
      paretoFrontier([
        { disparity: 0.1, accuracy: 0.8 },
        { disparity: 0.1, accuracy: 0.8 },
      ]),
    ).toEqual([0]);
    expect(paretoFrontier([])).toEqual([]);
  });
});
