import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { accuracy, blobs, gaussian, generated, maxDiff, xor } from '../tf/testing';
import { fitLinear, predictLinearWithTf } from './fit';
import { coefficients, predictLinear } from './model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('logistic regression', () => {
  it('reaches 100% training accuracy on a linearly separable 2-D problem', async () => {
    const data = blobs(
      [
        [-2, -2],
        [2, 2],
      ],
      100,
      0.6,
      1,
    );
    const model = await fitLinear(data.X, data.rows, data.cols, data.y, { task: 'binary', epochs: 20 });
    expect(accuracy(predictLinear(model, data.X, data.rows), data.y)).toBe(1);
  });

  it('recovers the signs and the ratio of known coefficients 2, −1, 0.5', async () => {
    const data = generated(2000, 3, 2, (x, rng) =>
      rng() < sigmoid(2 * x[0] - x[1] + 0.5 * x[2] + 0.3) ? 1 : 0,
    );
    const model = await fitLinear(data.X, data.rows, data.cols, data.y, { task: 'binary', epochs: 20 });
    const [w] = coefficients(model).weights;
    expect(w.map(Math.sign)).toEqual([1, -1, 1]);
    expect(w[0] / -w[1]).toBeCloseTo(2, 0);
    expect(w[2] / -w[1]).toBeGreaterThan(0.35);
    expect(w[2] / -w[1]).toBeLessThan(0.65);
  });

  it('treats a row of weight 2 exactly like two copies of it (full-batch training)', async () => {
    const data = generated(120, 2, 3, (x, rng) => (rng() < sigmoid(x[0] + x[1]) ? 1 : 0));
    const doubled = Array.from({ length: 40 }, (_, i) => i * 3);
    const rows = data.rows + doubled.length;
    const X = new Float32Array(rows * 2);
    X.set(data.X);
    doubled.forEach((r, i) => X.set(data.X.subarray(2 * r, 2 * r + 2), 2 * (data.rows + i)));
    const y = Float64Array.from(
      { length: rows },
      (_, i) => data.y[i < data.rows ? i : doubled[i - data.rows]],
    );
    const weights = new Float64Array(data.rows).fill(1);
    for (const r of doubled) weights[r] = 2;
    const settings = { task: 'binary', epochs: 40, batchSize: 1000 } as const;
    const copies = await fitLinear(X, rows, 2, y, settings);
    const weighted = await fitLinear(data.X, data.rows, 2, data.y, { ...settings, weights });
    const unweighted = await fitLinear(data.X, data.rows, 2, data.y, settings);
    const p = (m: typeof copies) => predictLinear(m, data.X, data.rows);
    expect(maxDiff(p(copies), p(weighted))).toBeLessThan(1e-3);
    expect(maxDiff(p(unweighted), p(weighted))).toBeGreaterThan(1e-2);
  });

  it('gives the identical JSON model for the same seed', async () => {
    const data = xor(64, 4);
    const fit = () =>
      fitLinear(data.X, data.rows, 2, data.y, { task: 'binary', seed: 9, epochs: 5, batchSize: 16 });
    expect(JSON.stringify(await fit())).toBe(JSON.stringify(await fit()));
  });

  it('cannot learn XOR (no better than 75% of the four corners)', async () => {
    const data = xor(200, 5);
    const model = await fitLinear(data.X, data.rows, 2, data.y, { task: 'binary', epochs: 20 });
    expect(accuracy(predictLinear(model, data.X, data.rows), data.y)).toBeLessThan(0.76);
  });

  it('classifies three well-separated blobs with softmax above 95% accuracy', async () => {
    const centres = [
      [0, 3],
      [-3, -2],
      [3, -2],
    ];
    const data = blobs(centres, 100, 1, 6);
    const model = await fitLinear(data.X, data.rows, 2, data.y, { task: 'multiclass', epochs: 20 });
    const p = predictLinear(model, data.X, data.rows);
    expect(p.length).toBe(data.rows * 3);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 6);
    expect(accuracy(p, data.y)).toBeGreaterThan(0.95);
  });
});

describe('linear regression', () => {
  it('recovers y = 2x + 1 within 0.05', async () => {
    const data = generated(500, 1, 7, (x, rng) => 2 * x[0] + 1 + 0.1 * gaussian(rng));
    const model = await fitLinear(data.X, data.rows, 1, data.y, { task: 'regression', epochs: 20 });
    expect(Math.abs(model.weights[0][0] - 2)).toBeLessThan(0.05);
    expect(Math.abs(model.bias[0] - 1)).toBeLessThan(0.05);
  });

  it('works in the target’s own units (y around 10,000)', async () => {
    const data = generated(400, 2, 8, (x) => 10000 + 300 * x[0] - 100 * x[1]);
    const model = await fitLinear(data.X, data.rows, 2, data.y, { task: 'regression', epochs: 20 });
    expect(maxDiff(predictLinear(model, data.X, data.rows), data.y)).toBeLessThan(10);
  });
});

describe('the JSON linear model', () => {
  it('predicts identically after a JSON round trip, and like TF.js on the same weights within 1e-5', async () => {
    const data = blobs(
      [
        [0, 2, 1],
        [2, 0, -1],
        [-1, -1, 0],
      ],
      30,
      1.5,
      10,
    );
    const model = await fitLinear(data.X, data.rows, 3, data.y, { task: 'multiclass', epochs: 10 });
    const copy = JSON.parse(JSON.stringify(model));
    expect(predictLinear(copy, data.X, data.rows)).toEqual(predictLinear(model, data.X, data.rows));
    const viaTf = await predictLinearWithTf(model, data.X, data.rows);
    expect(maxDiff(viaTf, predictLinear(model, data.X, data.rows))).toBeLessThan(1e-5);
  });

  it('leaves no tensors behind after fit (with a Stop from onEpoch) and predict', async () => {
    const data = xor(100, 11);
    const validation = xor(40, 12);
    const before = tf.memory().numTensors;
    const model = await fitLinear(data.X, data.rows, 2, data.y, {
      task: 'binary',
      validation,
      onEpoch: (epoch) => epoch < 2,
    });
    await predictLinearWithTf(model, data.X, data.rows);
    expect(tf.memory().numTensors).toBe(before);
    expect(model.history.stop).toBe('callback');
  });
});
