import { describe, it, expect } from 'vitest';
import { createRng } from '../../core/random';
import { fitBoosting, predictBoosting, type BoostingModel } from './boosting';

/** Binary problem: label = (x0 + x1 + noise > 1), with `extra` pure-noise features. */
function noisy(rows: number, seed: number, extra = 1, noise = 0.3) {
  const cols = 2 + extra;
  const rng = createRng(seed);
  const X = Float32Array.from({ length: rows * cols }, () => rng());
  const y = Float64Array.from({ length: rows }, (_, r) =>
    X[r * cols] + X[r * cols + 1] + noise * (rng() - 0.5) > 1 ? 1 : 0,
  );
  return { X, y, rows, cols };
}

const logLoss = (p: Float64Array, y: Float64Array) =>
  p.reduce((sum, pi, i) => sum - (y[i] === 1 ? Math.log(pi) : Math.log(1 - pi)), 0) / y.length;

describe('fitBoosting', () => {
  it('starts from the weighted base rate: zero rounds predict the weighted share of class 1', () => {
    const X = Float32Array.from([0, 1, 2, 3]);
    const y = Float64Array.from([0, 0, 1, 1]);
    const weights = Float64Array.from([1, 1, 1, 5]);
    const model = fitBoosting(X, 4, 1, y, { task: 'binary', nEstimators: 0, weights });
    expect(predictBoosting(model, X, 4)[0]).toBeCloseTo(6 / 8, 12);
    const regression = fitBoosting(X, 4, 1, Float64Array.from([1, 2, 3, 4]), {
      task: 'regression',
      nEstimators: 0,
      weights,
    });
    expect(regression.baseScore[0]).toBeCloseTo((1 + 2 + 3 + 20) / 8, 12);
  });

  it('lowers the training loss in every round on a simple problem', () => {
    const { X, y, rows, cols } = noisy(1000, 1);
    for (const task of ['binary', 'regression'] as const) {
      const model = fitBoosting(X, rows, cols, y, { task, nEstimators: 60 });
      expect(model.trainLoss).toHaveLength(60);
      for (let i = 1; i < 60; i++) expect(model.trainLoss[i]).toBeLessThan(model.trainLoss[i - 1]);
    }
  });

  it('stops early and keeps the round with the lowest validation loss', () => {
    const train = noisy(300, 2, 10, 1.5);
    const valid = noisy(300, 3, 10, 1.5);
    const patience = 5;
    const model = fitBoosting(train.X, train.rows, train.cols, train.y, {
      task: 'binary',
      nEstimators: 500,
      learningRate: 0.5,
      maxDepth: 4,
      minSamplesLeaf: 2,
      validation: { X: valid.X, rows: valid.rows, y: valid.y },
      earlyStoppingRounds: patience,
    });
    const losses = model.validationLoss ?? [];
    expect(losses.length).toBeLessThan(500);
    expect(model.rounds).toBe(losses.indexOf(Math.min(...losses)) + 1);
    expect(losses.length).toBe(model.rounds + patience);
    expect(model.trees).toHaveLength(model.rounds);
    expect(logLoss(predictBoosting(model, valid.X, valid.rows), valid.y)).toBeCloseTo(
      Math.min(...losses),
      10,
    );
  });

  it('stops when onRound returns false, keeping the best round so far', () => {
    const { X, y, rows, cols } = noisy(400, 4);
    const seen: number[] = [];
    const model = fitBoosting(X, rows, cols, y, {
      task: 'binary',
      onRound: (round, trainLoss, validationLoss) => {
        seen.push(round);
        expect(trainLoss).toBeGreaterThan(0);
        expect(validationLoss).toBeUndefined();
        return round < 10;
      },
    });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(model.rounds).toBe(10);
    expect(model.trees).toHaveLength(10);
  });

  it('gives identical JSON for the same seed with row subsampling, and another model for another seed', () => {
    const { X, y, rows, cols } = noisy(600, 5);
    const options = { task: 'binary', nEstimators: 20, subsample: 0.5 } as const;
    const a = JSON.stringify(fitBoosting(X, rows, cols, y, { ...options, seed: 1 }));
    const b = JSON.stringify(fitBoosting(X, rows, cols, y, { ...options, seed: 1 }));
    const c = JSON.stringify(fitBoosting(X, rows, cols, y, { ...options, seed: 2 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('treats a row of weight 2 like two copies of it, and the weights change the model', () => {
    const { X, y, rows, cols } = noisy(200, 6);
    const weights = Float64Array.from({ length: rows }, (_, r) => (r % 3 === 0 ? 2 : 1));
    const doubled = Array.from({ length: rows }, (_, r) => r).flatMap((r) => (r % 3 === 0 ? [r, r] : [r]));
    const X2 = Float32Array.from(doubled.flatMap((r) => Array.from(X.subarray(r * cols, (r + 1) * cols))));
    const y2 = Float64Array.from(doubled.map((r) => y[r]));
    const options = { task: 'binary', nEstimators: 20, minSamplesLeaf: 1 } as const;
    const weighted = predictBoosting(fitBoosting(X, rows, cols, y, { ...options, weights }), X, rows);
    const copied = predictBoosting(fitBoosting(X2, doubled.length, cols, y2, options), X, rows);
    const plain = predictBoosting(fitBoosting(X, rows, cols, y, options), X, rows);
    weighted.forEach((p, i) => expect(p).toBeCloseTo(copied[i], 9));
    expect(Math.max(...weighted.map((p, i) => Math.abs(p - plain[i])))).toBeGreaterThan(1e-3);
  });

  it('classifies three separable blobs perfectly with one tree per class per round', () => {
    const rng = createRng(7);
    const rows = 150;
    const y = Float64Array.from({ length: rows }, (_, r) => r % 3);
    const X = Float32Array.from({ length: rows * 2 }, (_, i) => {
      const label = y[i >> 1];
      const centre = (i & 1) === 0 ? (label === 1 ? 5 : 0) : label === 2 ? 5 : 0;
      return centre + rng() * 2 - 1;
    });
    const model = fitBoosting(X, rows, 2, y, { task: 'multiclass', nEstimators: 30, minSamplesLeaf: 5 });
    expect(model.trees).toHaveLength(90);
    const p = predictBoosting(model, X, rows);
    for (let r = 0; r < rows; r++) {
      const row = Array.from(p.subarray(r * 3, r * 3 + 3));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(row.indexOf(Math.max(...row))).toBe(y[r]);
    }
  });

  it('fits a step function in regression', () => {
    const rng = createRng(8);
    // 200 distinct values: one bin each, so the step at 0.5 is exactly representable.
    const xs = Float32Array.from({ length: 200 }, () => rng());
    const y = Float64Array.from(xs, (x) => (x < 0.5 ? 1 : 3));
    const model = fitBoosting(xs, 200, 1, y, { task: 'regression', nEstimators: 100, learningRate: 0.3 });
    const p = predictBoosting(model, xs, 200);
    const mse = p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / 200;
    expect(mse).toBeLessThan(1e-6);
  });

  it('survives a JSON round trip with identical predictions', () => {
    const { X, y, rows, cols } = noisy(300, 9);
    const model = fitBoosting(X, rows, cols, y, { task: 'binary', nEstimators: 10 });
    const copy = JSON.parse(JSON.stringify(model)) as BoostingModel;
    expect(copy).toEqual(model);
    expect(predictBoosting(copy, X, rows)).toEqual(predictBoosting(model, X, rows));
  });
});
