import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { fitLinear } from '../linear/fit';
import { predictLinear } from '../linear/model';
import { accuracy, blobs, generated, maxDiff, xor } from '../tf/testing';
import { fitMlp, predictMlpWithTf } from './fit';
import { predictMlp } from './model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const r2 = (pred: Float64Array, y: Float64Array) => {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  let residual = 0;
  let spread = 0;
  y.forEach((v, i) => {
    residual += (v - pred[i]) ** 2;
    spread += (v - mean) ** 2;
  });
  return 1 - residual / spread;
};

describe('the MLP', () => {
  it('learns XOR, which logistic regression cannot', async () => {
    const data = xor(200, 1);
    const model = await fitMlp(data.X, data.rows, 2, data.y, { task: 'binary', epochs: 20 });
    expect(accuracy(predictMlp(model, data.X, data.rows), data.y)).toBe(1);
  });

  it('fits y = 100 + 10x², which linear regression cannot, in the target’s units', async () => {
    const data = generated(300, 1, 2, (x) => 100 + 10 * x[0] * x[0]);
    const mlp = await fitMlp(data.X, data.rows, 1, data.y, { task: 'regression', epochs: 30 });
    const linear = await fitLinear(data.X, data.rows, 1, data.y, { task: 'regression', epochs: 20 });
    expect(r2(predictMlp(mlp, data.X, data.rows), data.y)).toBeGreaterThan(0.95);
    expect(r2(predictLinear(linear, data.X, data.rows), data.y)).toBeLessThan(0.2);
  });

  it('classifies three blobs with softmax above 95% accuracy, probabilities summing to 1', async () => {
    const centres = [
      [0, 3],
      [-3, -2],
      [3, -2],
    ];
    const data = blobs(centres, 60, 1, 3);
    const model = await fitMlp(data.X, data.rows, 2, data.y, { task: 'multiclass', epochs: 30 });
    const p = predictMlp(model, data.X, data.rows);
    expect(p[3] + p[4] + p[5]).toBeCloseTo(1, 6);
    expect(accuracy(p, data.y)).toBeGreaterThan(0.95);
  });

  it('treats a row of weight 2 like two copies of it (full batch, no dropout)', async () => {
    const data = xor(60, 4);
    const doubled = [...data.y.keys()].filter((i) => data.y[i] === 1);
    const rows = 60 + doubled.length;
    const X = new Float32Array(rows * 2);
    X.set(data.X);
    doubled.forEach((r, i) => X.set(data.X.subarray(2 * r, 2 * r + 2), 2 * (60 + i)));
    const y = Float64Array.from({ length: rows }, (_, i) => (i < 60 ? data.y[i] : 1));
    const weights = Float64Array.from(data.y, (v) => (v === 1 ? 2 : 1));
    const settings = { task: 'binary', epochs: 20, batchSize: 100, dropout: 0 } as const;
    const copies = await fitMlp(X, rows, 2, y, settings);
    const weighted = await fitMlp(data.X, 60, 2, data.y, { ...settings, weights });
    const unweighted = await fitMlp(data.X, 60, 2, data.y, settings);
    const p = (m: typeof copies) => predictMlp(m, data.X, 60);
    expect(maxDiff(p(copies), p(weighted))).toBeLessThan(1e-3);
    expect(maxDiff(p(unweighted), p(weighted))).toBeGreaterThan(1e-2);
  });

  it('gives the identical JSON model for the same seed and a different one for another seed', async () => {
    const data = xor(64, 5);
    const fit = (seed: number) =>
      fitMlp(data.X, data.rows, 2, data.y, { task: 'binary', seed, epochs: 4, batchSize: 16 });
    const first = JSON.stringify(await fit(1));
    expect(JSON.stringify(await fit(1))).toBe(first);
    expect(JSON.stringify(await fit(2))).not.toBe(first);
  });

  it('predicts identically after a JSON round trip, and like TF.js on the same weights within 1e-5', async () => {
    const data = blobs(
      [
        [0, 2, 1],
        [2, 0, -1],
        [-1, -1, 0],
      ],
      30,
      1.5,
      6,
    );
    const model = await fitMlp(data.X, data.rows, 3, data.y, {
      task: 'multiclass',
      hidden: [8, 4],
      epochs: 5,
    });
    const copy = JSON.parse(JSON.stringify(model));
    expect(predictMlp(copy, data.X, data.rows)).toEqual(predictMlp(model, data.X, data.rows));
    const viaTf = await predictMlpWithTf(model, data.X, data.rows);
    expect(maxDiff(viaTf, predictMlp(model, data.X, data.rows))).toBeLessThan(1e-5);
  });

  it('leaves no tensors behind after fit with validation and early stopping, and predict', async () => {
    const data = xor(100, 7);
    const validation = xor(40, 8);
    const before = tf.memory().numTensors;
    const model = await fitMlp(data.X, data.rows, 2, data.y, {
      task: 'binary',
      validation,
      epochs: 30,
      patience: 1,
      learningRate: 0.2,
    });
    await predictMlpWithTf(model, data.X, data.rows);
    expect(tf.memory().numTensors).toBe(before);
    expect(model.history.stop).toBe('early-stopping');
  });
});
