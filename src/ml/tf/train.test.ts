import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../core/random';
import { fitLinear } from '../linear/fit';
import { predictLinear } from '../linear/model';
import { fitMlp } from '../mlp/fit';
import { glorotUniform } from './init';
import { generated, meanLoss } from './testing';
import { shuffledOrder } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** One informative feature among `cols`, few training rows: without a penalty the fit overfits quickly. */
const overfit = (rows: number, seed: number) =>
  generated(rows, 30, seed, (x, rng) => (rng() < 1 / (1 + Math.exp(-x[0])) ? 1 : 0));
const train = overfit(60, 1);
const validation = overfit(300, 2);

describe('seeded helpers', () => {
  it('draws Glorot-uniform weights within ±√(6 / (fanIn + fanOut)), the same for the same seed', () => {
    const a = glorotUniform(20, 10, createRng(3));
    const limit = Math.sqrt(6 / 30);
    expect(a.length).toBe(200);
    expect(Math.max(...a)).toBeLessThanOrEqual(limit);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...a)).toBeGreaterThan(0.8 * limit);
    expect(glorotUniform(20, 10, createRng(3))).toEqual(a);
    expect(glorotUniform(20, 10, createRng(4))).not.toEqual(a);
  });

  it('shuffles 0 … n − 1 into a permutation that depends only on the seed', () => {
    const order = shuffledOrder(50, createRng(5));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffledOrder(50, createRng(5))).toEqual(order);
    expect(order).not.toEqual(Int32Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('the training loop', () => {
  it('stops early when the validation loss stops improving and keeps the best epoch’s weights', async () => {
    const before = tf.memory().numTensors;
    const model = await fitLinear(train.X, train.rows, 30, train.y, {
      task: 'binary',
      l2: 0,
      epochs: 100,
      batchSize: 20,
      patience: 3,
      validation,
    });
    expect(tf.memory().numTensors).toBe(before);
    const h = model.history;
    expect(h.stop).toBe('early-stopping');
    expect(h.epochs).toBe(h.bestEpoch + 3);
    expect(h.validationLoss?.length).toBe(h.epochs);
    const best = h.validationLoss?.[h.bestEpoch - 1] ?? NaN;
    expect(Math.min(...(h.validationLoss ?? []))).toBe(best);
    const loss = meanLoss('binary', predictLinear(model, validation.X, validation.rows), validation.y);
    expect(loss).toBeCloseTo(best, 5);
  });

  it('stops when onEpoch returns false, keeps the best model so far and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const seen: number[][] = [];
    const model = await fitMlp(train.X, train.rows, 30, train.y, {
      task: 'binary',
      validation,
      onEpoch: (epoch, trainLoss, validationLoss = NaN, metric = NaN) => {
        seen.push([epoch, trainLoss, validationLoss, metric]);
        return epoch < 3;
      },
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(model.history.stop).toBe('callback');
    expect(model.history.epochs).toBe(3);
    expect(model.history.bestEpoch).toBeLessThanOrEqual(3);
    expect(seen.map((s) => s[0])).toEqual([1, 2, 3]);
    for (const [, trainLoss, validationLoss, metric] of seen) {
      expect(trainLoss).toBeGreaterThan(0);
      expect(validationLoss).toBeGreaterThan(0);
      expect(metric).toBeGreaterThanOrEqual(0);
      expect(metric).toBeLessThanOrEqual(1);
    }
  });

  it('reports the regression validation loss as the mean squared error in the target’s units', async () => {
    const data = generated(300, 2, 6, (x, rng) => 500 + 40 * x[0] + 10 * rng());
    const val = generated(100, 2, 7, (x, rng) => 500 + 40 * x[0] + 10 * rng());
    const model = await fitLinear(data.X, data.rows, 2, data.y, {
      task: 'regression',
      epochs: 5,
      validation: val,
    });
    const h = model.history;
    const mse = meanLoss('regression', predictLinear(model, val.X, val.rows), val.y);
    expect(mse / (h.validationLoss?.[h.bestEpoch - 1] ?? NaN)).toBeCloseTo(1, 4);
    expect(h.validationMetric?.[h.bestEpoch - 1]).toBeGreaterThan(0.9);
  });

  it('rejects when aborted and when onEpoch throws, leaking no tensors either way', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const aborted = fitMlp(train.X, train.rows, 30, train.y, {
      task: 'binary',
      signal: controller.signal,
      onEpoch: (epoch) => void (epoch === 2 && controller.abort(new Error('cancelled'))),
    });
    await expect(aborted).rejects.toThrow('cancelled');
    const failing = fitLinear(train.X, train.rows, 30, train.y, {
      task: 'binary',
      validation,
      onEpoch: () => {
        throw new Error('boom');
      },
    });
    await expect(failing).rejects.toThrow('boom');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects out-of-range settings before allocating anything', async () => {
    const before = tf.memory().numTensors;
    await expect(fitLinear(train.X, train.rows, 30, train.y, { task: 'binary', epochs: 0 })).rejects.toThrow(
      RangeError,
    );
    await expect(fitLinear(train.X, train.rows, 29, train.y, { task: 'binary' })).rejects.toThrow(RangeError);
    await expect(fitMlp(train.X, train.rows, 30, train.y, { task: 'binary', dropout: 1 })).rejects.toThrow(
      RangeError,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
