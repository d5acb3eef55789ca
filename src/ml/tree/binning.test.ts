import { describe, it, expect } from 'vitest';
import { createRng } from '../../core/random';
import { MAX_BINS, applyBins, binMatrix, binOf, fitBins } from './binning';

/** A one-column matrix. */
const column = (values: number[]) => Float32Array.from(values);

describe('fitBins', () => {
  it('gives a feature with few distinct values one bin per value, cut halfway between neighbours', () => {
    const bins = fitBins(column([3, 1, 2, 2, 1, 4]), 6, 1);
    expect(Array.from(bins.thresholds[0])).toEqual([1.5, 2.5, 3.5]);
    expect(bins.binCount[0]).toBe(4);
  });

  it('gives a constant feature a single bin and no thresholds', () => {
    const bins = fitBins(column([7, 7, 7]), 3, 1);
    expect(bins.thresholds[0].length).toBe(0);
    expect(bins.binCount[0]).toBe(1);
  });

  it('cuts a feature with many distinct values into at most 255 bins of about equal counts', () => {
    const rng = createRng(1);
    const rows = 10_000;
    const X = Float32Array.from({ length: rows }, () => rng() * 100);
    const { bins, codes } = binMatrix(X, rows, 1);
    expect(bins.binCount[0]).toBeLessThanOrEqual(MAX_BINS);
    expect(bins.binCount[0]).toBeGreaterThan(250);
    const counts = new Array<number>(bins.binCount[0]).fill(0);
    for (const c of codes) counts[c]++;
    expect(Math.min(...counts)).toBeGreaterThan(rows / MAX_BINS / 2);
    expect(Math.max(...counts)).toBeLessThan((rows / MAX_BINS) * 2);
  });

  it('keeps a heavily repeated value in one bin', () => {
    const values = Array.from({ length: 2000 }, (_, i) => (i < 1000 ? 0 : i));
    const { codes } = binMatrix(column(values), 2000, 1);
    expect(new Set(codes.subarray(0, 1000)).size).toBe(1);
    expect(codes[1000]).toBeGreaterThan(codes[0]);
  });

  it('bins each column of a row-major matrix separately', () => {
    const X = Float32Array.from([1, 10, 2, 20, 3, 30]);
    const bins = fitBins(X, 3, 2);
    expect(Array.from(bins.thresholds[0])).toEqual([1.5, 2.5]);
    expect(Array.from(bins.thresholds[1])).toEqual([15, 25]);
    expect(Array.from(applyBins(bins, X, 3))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('binOf', () => {
  it('puts a value in the first bin whose threshold it does not exceed, and NaN in the last bin', () => {
    const cuts = Float64Array.from([1.5, 2.5]);
    expect([1, 1.5, 2, 2.5, 3, NaN].map((v) => binOf(cuts, v))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('agrees with the raw test x <= threshold for every bin boundary', () => {
    const rng = createRng(5);
    const X = Float32Array.from({ length: 3000 }, () => Math.round(rng() * 1000) / 10);
    const { bins, codes } = binMatrix(X, 3000, 1);
    const cuts = bins.thresholds[0];
    let mismatches = 0;
    for (let i = 0; i < X.length; i++) {
      for (let b = 0; b < cuts.length; b++) if (codes[i] <= b !== X[i] <= cuts[b]) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});
