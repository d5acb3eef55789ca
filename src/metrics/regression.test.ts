import { describe, it, expect } from 'vitest';
import { regressionMetrics } from './regression';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('regressionMetrics', () => {
  it('computes MAE, RMSE and R²', () => {
    // Errors 0, 0, 0, 1; mean 2.5, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5, SS_res = 1.
    const m = regressionMetrics(f64(1, 2, 3, 4), f64(1, 2, 3, 5));
    expect(m).toEqual({ count: 4, mae: 0.25, rmse: 0.5, r2: 0.8 });
  });

  it('makes R² NaN for a constant target', () => {
    const m = regressionMetrics(f64(2, 2, 2), f64(1, 2, 3));
    expect(m.r2).toBeNaN();
    expect(m.mae).toBeCloseTo(2 / 3, 15);
  });

  it('skips rows with a missing value and is NaN with none left', () => {
    expect(regressionMetrics(f64(1, NaN, 3), f64(1, 5, NaN)).count).toBe(1);
    const empty = regressionMetrics(f64(NaN), f64(1));
    expect([empty.mae, empty.rmse, empty.r2].every(Number.isNaN)).toBe(true);
  });

  it('weighs rows like repeating them', () => {
    const weighted = regressionMetrics(f64(1, 2, 4), f64(2, 2, 3), f64(1, 2, 3));
    const repeated = regressionMetrics(f64(1, 2, 2, 4, 4, 4), f64(2, 2, 2, 3, 3, 3));
    expect(weighted.mae).toBeCloseTo(repeated.mae, 15);
    expect(weighted.rmse).toBeCloseTo(repeated.rmse, 15);
    expect(weighted.r2).toBeCloseTo(repeated.r2, 15);
  });
});
