import { describe, expect, it } from 'vitest';
import { permutationImportance } from './permutation';

/**
 * Hand-checkable cases: a "model" that reads only some columns must give the others an importance of exactly
 * 0, a one-hot block must be shuffled as a whole (its rows stay valid one-hot rows), and the result must be
 * the same for the same seed.
 */

/** 8 rows × 4 features: x0 (the signal), a one-hot pair (x1, x2) that never matters, and noise x3. */
function data() {
  const rows = 8;
  const cols = 4;
  const X = new Float32Array(rows * cols);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    X[r * cols] = r < 4 ? 0 : 1;
    X[r * cols + 1 + (r % 2)] = 1;
    X[r * cols + 3] = (r * 7) % 5;
    y[r] = r < 4 ? 0 : 1;
  }
  return { X, y, rows, cols };
}

const COLUMNS = [
  { name: 'signal', span: [0, 1] as [number, number] },
  { name: 'category', span: [1, 3] as [number, number] },
  { name: 'noise', span: [3, 4] as [number, number] },
];

describe('permutation importance', () => {
  it('gives 0 to columns the model does not read and a positive drop to the one it does', async () => {
    const { X, y, rows, cols } = data();
    const accuracy = (M: Float32Array) => {
      let right = 0;
      for (let r = 0; r < rows; r++) if ((M[r * cols] >= 0.5 ? 1 : 0) === y[r]) right++;
      return right / rows;
    };
    const result = await permutationImportance(accuracy, X, rows, cols, COLUMNS, { seed: 3, repeats: 4 });
    expect(result.map((c) => c.feature)).toEqual(['signal', 'category', 'noise']);
    expect(result[0].mean).toBeGreaterThan(0);
    expect(result[0].drops).toHaveLength(4);
    const mean = result[0].drops.reduce((a, b) => a + b, 0) / 4;
    expect(result[0].mean).toBeCloseTo(mean, 12);
    const std = Math.sqrt(result[0].drops.reduce((a, d) => a + (d - mean) ** 2, 0) / 4);
    expect(result[0].std).toBeCloseTo(std, 12);
    for (const other of result.slice(1)) expect(other).toMatchObject({ mean: 0, std: 0 });
  });

  it('shuffles a one-hot block as a whole and leaves the input untouched', async () => {
    const { X, rows, cols } = data();
    const copy = X.slice();
    const seen: Float32Array[] = [];
    await permutationImportance(
      (M) => {
        seen.push(M.slice());
        return 0;
      },
      X,
      rows,
      cols,
      [COLUMNS[1]],
      { seed: 1, repeats: 3 },
    );
    expect(X).toEqual(copy);
    for (const M of seen.slice(1))
      for (let r = 0; r < rows; r++) {
        expect(M[r * cols + 1] + M[r * cols + 2]).toBe(1); // still one category per row
        expect(M[r * cols]).toBe(X[r * cols]); // other columns unchanged
        expect(M[r * cols + 3]).toBe(X[r * cols + 3]);
      }
  });

  it('is seeded, reports progress and refuses a span outside the matrix', async () => {
    const { X, y, rows, cols } = data();
    const score = (M: Float32Array) => {
      let s = 0;
      for (let r = 0; r < rows; r++) s += M[r * cols] * y[r] + 0.1 * M[r * cols + 3] * y[r];
      return s;
    };
    const progress: number[] = [];
    const a = await permutationImportance(score, X, rows, cols, COLUMNS, {
      seed: 9,
      onProgress: (done) => progress.push(done),
    });
    const b = await permutationImportance(score, X, rows, cols, COLUMNS, { seed: 9 });
    expect(a).toEqual(b);
    expect(progress).toEqual([1, 2, 3]);
    await expect(
      permutationImportance(score, X, rows, cols, [{ name: 'bad', span: [3, 5] }], { seed: 1 }),
    ).rejects.toThrow(RangeError);
  });
});
