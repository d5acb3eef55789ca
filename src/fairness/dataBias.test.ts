import { describe, it, expect } from 'vitest';
import { meanByGroup, outcomeRatesByGroup } from './dataBias';

/** Rows for one group: `positives` ones then zeros, `count` in all. */
const rows = (code: number, count: number, positives: number) => ({
  codes: Array<number>(count).fill(code),
  outcome: Array.from({ length: count }, (_, i) => (i < positives ? 1 : 0)),
});
const combine = (...parts: { codes: number[]; outcome: number[] }[]) => ({
  codes: Int32Array.from(parts.flatMap((p) => p.codes)),
  outcome: Float64Array.from(parts.flatMap((p) => p.outcome)),
});

describe('outcomeRatesByGroup', () => {
  it('computes rates, shares, ratio and difference per group', () => {
    // Men 100 rows, 50 positive (0.5); women 50 rows, 15 positive (0.3).
    const { codes, outcome } = combine(rows(0, 100, 50), rows(1, 50, 15));
    const bias = outcomeRatesByGroup('sex', codes, ['Male', 'Female'], outcome);
    expect(bias?.groups).toEqual([
      { group: 'Male', count: 100, share: 100 / 150, positives: 50, rate: 0.5 },
      { group: 'Female', count: 50, share: 50 / 150, positives: 15, rate: 0.3 },
    ]);
    expect(bias?.lowest.group).toBe('Female');
    expect(bias?.highest.group).toBe('Male');
    // 0.3 / 0.5 = 0.6 and 0.5 − 0.3 = 0.2.
    expect(bias?.ratio).toBeCloseTo(0.6, 12);
    expect(bias?.difference).toBeCloseTo(0.2, 12);
    expect(bias?.passesFourFifths).toBe(false);
    expect(bias?.smallGroups).toEqual([]);
  });

  it('passes the four-fifths rule at a ratio of exactly 0.8', () => {
    // 40 of 100 (0.4) against 50 of 100 (0.5): 0.4 / 0.5 = 0.8.
    const { codes, outcome } = combine(rows(0, 100, 40), rows(1, 100, 50));
    const bias = outcomeRatesByGroup('g', codes, ['a', 'b'], outcome);
    expect(bias?.ratio).toBe(0.8);
    expect(bias?.passesFourFifths).toBe(true);
  });

  it('ignores rows with a missing target or a missing group, in counts and shares too', () => {
    const codes = Int32Array.from([0, 0, 1, 1, -1, 0]);
    const outcome = Float64Array.from([1, 0, 1, NaN, 1, NaN]);
    const bias = outcomeRatesByGroup('g', codes, ['a', 'b'], outcome);
    expect(bias?.groups).toEqual([
      { group: 'a', count: 2, share: 2 / 3, positives: 1, rate: 0.5 },
      { group: 'b', count: 1, share: 1 / 3, positives: 1, rate: 1 },
    ]);
  });

  it('leaves out groups without counted rows', () => {
    const { codes, outcome } = combine(rows(0, 40, 10), rows(2, 40, 20));
    const bias = outcomeRatesByGroup('g', codes, ['a', 'empty', 'c'], outcome);
    expect(bias?.groups.map((g) => g.group)).toEqual(['a', 'c']);
  });

  it('lists groups under 30 rows as small', () => {
    const { codes, outcome } = combine(rows(0, 29, 10), rows(1, 30, 10));
    expect(outcomeRatesByGroup('g', codes, ['a', 'b'], outcome)?.smallGroups).toEqual(['a']);
  });

  it('gives a ratio of 1 when no group has a positive outcome', () => {
    const { codes, outcome } = combine(rows(0, 5, 0), rows(1, 5, 0));
    const bias = outcomeRatesByGroup('g', codes, ['a', 'b'], outcome);
    expect([bias?.ratio, bias?.difference, bias?.passesFourFifths]).toEqual([1, 0, true]);
  });

  it('returns null when fewer than two groups have rows', () => {
    const { codes, outcome } = combine(rows(0, 10, 5), { codes: [1], outcome: [NaN] });
    expect(outcomeRatesByGroup('g', codes, ['a', 'b'], outcome)).toBeNull();
  });
});

describe('meanByGroup', () => {
  it('reports the mean target as the rate and 0 positives', () => {
    // Group a: 10, 20 (mean 15); group b: 30, 50, NaN (mean 40).
    const codes = Int32Array.from([0, 0, 1, 1, 1]);
    const target = Float64Array.from([10, 20, 30, 50, NaN]);
    const bias = meanByGroup('g', codes, ['a', 'b'], target);
    expect(bias?.groups).toEqual([
      { group: 'a', count: 2, share: 0.5, positives: 0, rate: 15 },
      { group: 'b', count: 2, share: 0.5, positives: 0, rate: 40 },
    ]);
    // 15 / 40 = 0.375 and 40 − 15 = 25.
    expect([bias?.ratio, bias?.difference, bias?.passesFourFifths]).toEqual([0.375, 25, false]);
  });

  it('gives a NaN ratio that fails the rule when a mean is negative', () => {
    const bias = meanByGroup('g', Int32Array.from([0, 1]), ['a', 'b'], Float64Array.from([-10, -5]));
    expect(bias?.ratio).toBeNaN();
    expect(bias?.passesFourFifths).toBe(false);
    expect(bias?.difference).toBe(5);
  });

  it('names two different groups when every rate is equal', () => {
    const bias = outcomeRatesByGroup(
      'g',
      Int32Array.from([0, 0, 1, 1]),
      ['a', 'b'],
      Float64Array.from([1, 0, 1, 0]),
    );
    expect([bias?.lowest.group, bias?.highest.group]).toEqual(['a', 'b']);
  });
});
