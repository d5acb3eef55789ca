import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { fitLinear } from '../linear/fit';
import { predictLinear } from '../linear/model';
import { fitMlp } from '../mlp/fit';
import { predictMlp } from '../mlp/model';
import { accuracy, blobs, generated, maxDiff, xor } from '../tf/testing';
import { fitLinearTyped, fitMlpTyped } from './fit';

/**
 * The typed-array loop must train the same models as the TF.js loop: same initial weights, same seeded row
 * and batch order, same objective and Adam, so with dropout off the two trajectories agree up to float32
 * rounding (TF.js computes in float32, the typed loop in float64). Agreement of an MLP after many Adam steps
 * also checks the hand-written backward pass against TF.js's automatic gradients.
 */

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the typed-array training loop', () => {
  it('fits the same binary logistic regression as TF.js, epoch for epoch', async () => {
    const data = blobs(
      [
        [0, 0, 1],
        [1.5, 1, 0],
      ],
      150,
      1,
      3,
    );
    const options = { task: 'binary' as const, epochs: 8, seed: 5 };
    const typed = await fitLinearTyped(data.X, data.rows, 3, data.y, options);
    const viaTf = await fitLinear(data.X, data.rows, 3, data.y, options);
    expect(maxDiff(typed.weights[0], viaTf.weights[0])).toBeLessThan(1e-4);
    expect(maxDiff(typed.history.trainLoss, viaTf.history.trainLoss)).toBeLessThan(1e-5);
    expect(
      maxDiff(predictLinear(typed, data.X, data.rows), predictLinear(viaTf, data.X, data.rows)),
    ).toBeLessThan(1e-5);
  });

  it('fits the same ridge regression as TF.js, in the target’s units, with sample weights', async () => {
    const data = generated(200, 2, 9, (x) => 50 + 3 * x[0] - 2 * x[1]);
    const weights = Float64Array.from({ length: data.rows }, (_, i) => 1 + (i % 3));
    const options = { task: 'regression' as const, epochs: 10, seed: 2, weights };
    const typed = await fitLinearTyped(data.X, data.rows, 2, data.y, options);
    const viaTf = await fitLinear(data.X, data.rows, 2, data.y, options);
    expect(maxDiff(typed.weights[0], viaTf.weights[0])).toBeLessThan(1e-3);
    expect(Math.abs(typed.bias[0] - viaTf.bias[0])).toBeLessThan(1e-3);
    expect(maxDiff(typed.history.trainLoss, viaTf.history.trainLoss)).toBeLessThan(1e-3);
  });

  it('fits the same softmax MLP as TF.js with dropout off, and stops early at the same epoch', async () => {
    const centres = [
      [0, 0],
      [3, 0],
      [0, 3],
    ];
    const data = blobs(centres, 60, 1, 4);
    const validation = blobs(centres, 20, 1, 8);
    const options = {
      task: 'multiclass' as const,
      classes: 3,
      epochs: 30,
      seed: 3,
      hidden: [8, 4],
      dropout: 0,
      patience: 3,
      validation: { X: validation.X, rows: validation.rows, y: validation.y },
    };
    const typed = await fitMlpTyped(data.X, data.rows, 2, data.y, options);
    const viaTf = await fitMlp(data.X, data.rows, 2, data.y, options);
    expect(typed.history.epochs).toBe(viaTf.history.epochs);
    expect(typed.history.bestEpoch).toBe(viaTf.history.bestEpoch);
    expect(maxDiff(typed.history.validationLoss ?? [], viaTf.history.validationLoss ?? [])).toBeLessThan(
      1e-4,
    );
    expect(maxDiff(predictMlp(typed, data.X, data.rows), predictMlp(viaTf, data.X, data.rows))).toBeLessThan(
      1e-4,
    );
  });

  it('learns XOR with dropout on, seeded: the same seed gives the same model', async () => {
    const data = xor(200, 1);
    const options = { task: 'binary' as const, epochs: 25, seed: 7, dropout: 0.1 };
    const a = await fitMlpTyped(data.X, data.rows, 2, data.y, options);
    const b = await fitMlpTyped(data.X, data.rows, 2, data.y, options);
    expect(accuracy(predictMlp(a, data.X, data.rows), data.y)).toBeGreaterThan(0.97);
    expect(a.layers).toEqual(b.layers);
  });

  it('keeps the best epoch’s weights when Stop ends training (onEpoch returns false)', async () => {
    const data = xor(100, 2);
    let calls = 0;
    const model = await fitMlpTyped(data.X, data.rows, 2, data.y, {
      task: 'binary',
      epochs: 50,
      onEpoch: () => (++calls === 4 ? false : undefined),
    });
    expect(model.history).toMatchObject({ epochs: 4, stop: 'callback' });
  });
});
