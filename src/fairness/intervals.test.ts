import { describe, it, expect } from 'vitest';
import { effectiveSize, wilsonInterval, wilsonScore, Z95 } from './intervals';

describe('Wilson score interval', () => {
  it('runs from 0 to z²/(n + z²) when nothing succeeds', () => {
    // With p̂ = 0 the centre and the half-width are both z²/(2(n + z²)).
    const { low, high } = wilsonInterval(0, 10);
    expect(low).toBe(0);
    expect(high).toBeCloseTo((Z95 * Z95) / (10 + Z95 * Z95), 15);
  });

  it('is symmetric around ½ for half successes (5 of 10 → 0.2366 … 0.7634)', () => {
    const { low, high } = wilsonInterval(5, 10);
    expect(low).toBeCloseTo(0.2366, 4);
    expect(high).toBeCloseTo(0.7634, 4);
    expect(low + high).toBeCloseTo(1, 15);
  });

  it('mirrors: k of n and n − k of n', () => {
    const a = wilsonInterval(3, 40);
    const b = wilsonInterval(37, 40);
    expect(a.low).toBeCloseTo(1 - b.high, 15);
    expect(a.high).toBeCloseTo(1 - b.low, 15);
  });

  it('narrows as n grows and widens with z', () => {
    const width = (i: { low: number; high: number }) => i.high - i.low;
    expect(width(wilsonScore(0.3, 1000))).toBeLessThan(width(wilsonScore(0.3, 100)));
    expect(width(wilsonScore(0.3, 100, 2.576))).toBeGreaterThan(width(wilsonScore(0.3, 100)));
  });

  it('has NaN bounds for n = 0 or an undefined proportion', () => {
    for (const i of [wilsonInterval(0, 0), wilsonScore(NaN, 10), wilsonScore(0.5, 0)]) {
      expect(i.low).toBeNaN();
      expect(i.high).toBeNaN();
    }
  });
});

describe('effectiveSize', () => {
  it('is the row count for equal weights and less for unequal ones', () => {
    expect(effectiveSize(5, 5)).toBe(5);
    expect(effectiveSize(10, 20)).toBe(5); // five rows of weight 2
    expect(effectiveSize(1 + 3, 1 + 9)).toBe(1.6);
    expect(effectiveSize(0, 0)).toBe(0);
  });
});
