import { describe, expect, it } from 'vitest';
import { resampledRows, reweighingWeights } from './reweigh';

/** A hand-made table: group 0 has 2 of 6 positive, group 1 has 3 of 4 positive, plus one row without a group. */
const groups = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, -1]);
const y = Float64Array.from([1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 1]);

describe('reweighingWeights', () => {
  it('equals P(g)·P(y) / P(g, y) cell by cell', () => {
    const w = reweighingWeights(groups, y, 2);
    // n = 10 rows with a group; P(g=0) = 0.6, P(g=1) = 0.4, P(y=1) = 0.5, P(y=0) = 0.5.
    const expected = (pg: number, py: number, pgy: number) => (pg * py) / pgy;
    expect(w[0]).toBeCloseTo(expected(0.6, 0.5, 0.2), 12); // group 0, positive: 1.5
    expect(w[2]).toBeCloseTo(expected(0.6, 0.5, 0.4), 12); // group 0, negative: 0.75
    expect(w[6]).toBeCloseTo(expected(0.4, 0.5, 0.3), 12); // group 1, positive: 0.667
    expect(w[9]).toBeCloseTo(expected(0.4, 0.5, 0.1), 12); // group 1, negative: 2
    expect(w[10]).toBe(1); // no group: untouched
  });

  it('makes group and class independent in the weighted rows, keeping the total weight', () => {
    const w = reweighingWeights(groups, y, 2);
    let total = 0;
    const cell = [0, 0, 0, 0];
    const byGroup = [0, 0];
    const byClass = [0, 0];
    for (let i = 0; i < 10; i++) {
      total += w[i];
      cell[groups[i] * 2 + y[i]] += w[i];
      byGroup[groups[i]] += w[i];
      byClass[y[i]] += w[i];
    }
    expect(total).toBeCloseTo(10, 12);
    for (let g = 0; g < 2; g++)
      for (let c = 0; c < 2; c++)
        expect(cell[g * 2 + c] / total).toBeCloseTo((byGroup[g] / total) * (byClass[c] / total), 12);
  });
});

describe('resampledRows', () => {
  it('gives every cell its independent share, over- and under-sampling', () => {
    const rows = resampledRows(groups, y, 2, 7);
    const count = [0, 0, 0, 0];
    let ungrouped = 0;
    for (const r of rows) {
      if (groups[r] < 0) ungrouped++;
      else count[groups[r] * 2 + y[r]]++;
    }
    // n(g)·n(y)/n: group 0 → 3 and 3, group 1 → 2 and 2.
    expect(count).toEqual([3, 3, 2, 2]);
    expect(ungrouped).toBe(1);
    // Under-sampled cells draw without replacement; the over-sampled cell (group 1, negative) repeats its row.
    const neg0 = [...rows].filter((r) => groups[r] === 0 && y[r] === 0);
    expect(new Set(neg0).size).toBe(neg0.length);
    expect([...rows].filter((r) => r === 9)).toHaveLength(2);
  });

  it('is reproducible from its seed and sorted', () => {
    expect(resampledRows(groups, y, 2, 3)).toEqual(resampledRows(groups, y, 2, 3));
    const rows = [...resampledRows(groups, y, 2, 3)];
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
});
