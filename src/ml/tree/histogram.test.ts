import { describe, it, expect } from 'vitest';
import { createRng } from '../../core/random';
import { binMatrix } from './binning';
import { HistogramBuilder, findSparseColumns } from './histogram';

/** 400 rows: a dense column, a one-hot pair (10% / 90%) and a constant column; stats (g, h) per row. */
function data() {
  const rng = createRng(12);
  const rows = 400;
  const cols = 4;
  const X = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const rare = rng() < 0.1 ? 1 : 0;
    X.set([Math.round(rng() * 50), rare, 1 - rare, 3], r * cols);
  }
  const stats = Float64Array.from({ length: rows * 2 }, (_, i) => (i % 2 === 0 ? rng() - 0.5 : rng()));
  const { bins, codes } = binMatrix(X, rows, cols, { layout: 'columns' });
  return { rows, bins, codes, stats };
}

/** Channel sums and count of the given rows, as the grower passes them. */
function totals(stats: Float64Array, node: Uint32Array) {
  const sums = new Float64Array(3);
  for (const r of node) {
    sums[0] += stats[2 * r];
    sums[1] += stats[2 * r + 1];
  }
  sums[2] = node.length;
  return sums;
}

describe('findSparseColumns', () => {
  it('lists the rows outside the most frequent bin of mostly-constant columns only', () => {
    const { rows, bins, codes } = data();
    const sparse = findSparseColumns(codes, rows, bins);
    expect(Array.from(sparse.listed)).toEqual([0, 1, 1, 0]);
    expect(sparse.defaultBin[1]).toBe(0);
    expect(sparse.defaultBin[2]).toBe(1);
    const rare = Array.from(sparse.rows.subarray(sparse.start[1], sparse.start[2]));
    expect(rare.every((r) => codes[rows + r] === 1)).toBe(true);
    expect(rare.length).toBe(Array.from(codes.subarray(rows, 2 * rows)).filter((c) => c === 1).length);
  });
});

describe('HistogramBuilder', () => {
  it('builds the same histogram with and without the sparse shortcut, for a node and for all rows', () => {
    const { rows, bins, codes, stats } = data();
    const sparse = findSparseColumns(codes, rows, bins);
    const dense = new HistogramBuilder(codes, rows, bins, stats, 2, undefined, rows);
    const quick = new HistogramBuilder(codes, rows, bins, stats, 2, sparse, rows);
    const someRows = Uint32Array.from({ length: 150 }, (_, i) => i * 2 + 1);
    const allRows = Uint32Array.from({ length: rows }, (_, i) => i);
    for (const node of [someRows, allRows]) {
      const sums = totals(stats, node);
      const a = new Float64Array(dense.length);
      const b = new Float64Array(quick.length);
      dense.build(a, node, sums);
      quick.build(b, node, sums);
      a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
      // The one-hot feature's two bins add up to the node's row count.
      const first = bins.binOffset[1] * 3;
      expect(a[first + 2] + a[first + 5]).toBe(node.length);
    }
  });
});
