import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../core/random';
import { fitLinear } from '../linear/fit';
import { predictLinear } from '../linear/model';
import { fitMlp } from '../mlp/fit';
import { predictMlp } from '../mlp/model';
import { fitLinearTyped, fitMlpTyped } from '../typed/fit';
import { fairnessPenalty, type Rows as TypedRows } from '../typed/kernels';
import { fairnessLoss } from './data';
import type { FairnessTarget, NetOptions } from './options';
import { gaussian, maxDiff, meanLoss } from './testing';

/**
 * The fairness penalty (options.ts `FairnessPenalty`) in both training loops: it closes the gap it targets on
 * data where the group drives a feature and the label, λ = 0 changes nothing, the typed loop's hand-written
 * gradient matches finite differences and TF.js's automatic one, and the reported losses stay the data loss.
 */

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * 400 rows, two groups at random; x₀ = ±1 by group plus noise (a strong proxy), x₁ and x₂ noise, and
 * P(y = 1) = σ(2x₀ + x₁): without the penalty the scores differ by group by about 0.66.
 */
function biased(rows: number, seed: number) {
  const rng = createRng(seed);
  const cols = 3;
  const X = new Float32Array(rows * cols);
  const y = new Float64Array(rows);
  const groups = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const g = rng() < 0.5 ? 1 : 0;
    groups[r] = g;
    const x = [2 * g - 1 + 0.5 * gaussian(rng), gaussian(rng), gaussian(rng)];
    X.set(x, r * cols);
    y[r] = rng() < 1 / (1 + Math.exp(-(2 * x[0] + x[1]))) ? 1 : 0;
  }
  return { X, y, groups, rows, cols };
}

const data = biased(400, 1);

/** |m₀ − m₁| of the predicted probabilities, over all rows (label −1) or the rows of one label. */
function gap(p: Float64Array, label: number): number {
  const sum = [0, 0];
  const count = [0, 0];
  for (let i = 0; i < p.length; i++)
    if (label < 0 || data.y[i] === label) {
      sum[data.groups[i]] += p[i];
      count[data.groups[i]]++;
    }
  return Math.abs(sum[0] / count[0] - sum[1] / count[1]);
}

const LAMBDA = 10;

function options(lambda: number, target: FairnessTarget): NetOptions {
  return {
    task: 'binary',
    seed: 1,
    epochs: 30,
    fairness: { groups: data.groups, groupCount: 2, lambda, target },
  };
}

type Engine = (lambda: number, target: FairnessTarget) => Promise<Float64Array>;

const { X, rows, cols, y } = data;
const engines: Record<string, Engine> = {
  'logistic, typed': async (l, t) =>
    predictLinear(await fitLinearTyped(X, rows, cols, y, options(l, t)), X, rows),
  'logistic, TF.js': async (l, t) => predictLinear(await fitLinear(X, rows, cols, y, options(l, t)), X, rows),
  'MLP, typed': async (l, t) =>
    predictMlp(await fitMlpTyped(X, rows, cols, y, { ...options(l, t), hidden: [8] }), X, rows),
};

describe('the fairness penalty closes the gap it targets', () => {
  for (const [name, fit] of Object.entries(engines)) {
    let plain: Float64Array | undefined;
    /** The gaps of the model trained without the penalty (λ = 0): all rows, y = 1, y = 0. */
    const baseline = async () => {
      plain ??= await fit(0, 'demographic-parity');
      return { all: gap(plain, -1), positives: gap(plain, 1), negatives: gap(plain, 0) };
    };

    it(`${name}: without the penalty every gap is large`, async () => {
      const { all, positives, negatives } = await baseline();
      expect(all).toBeGreaterThan(0.6);
      expect(positives).toBeGreaterThan(0.45);
      expect(negatives).toBeGreaterThan(0.45);
    });

    it(`${name}: demographic parity and equal opportunity each close their gap`, async () => {
      const before = tf.memory().numTensors;
      const { all, positives } = await baseline();
      expect(gap(await fit(LAMBDA, 'demographic-parity'), -1)).toBeLessThan(all / 4);
      expect(gap(await fit(LAMBDA, 'equal-opportunity'), 1)).toBeLessThan(positives / 4);
      expect(tf.memory().numTensors).toBe(before);
    });

    it(`${name}: equalized odds closes the gaps among y = 1 and among y = 0`, async () => {
      const { positives, negatives } = await baseline();
      const odds = await fit(LAMBDA, 'equalized-odds');
      expect(gap(odds, 1)).toBeLessThan(positives / 4);
      expect(gap(odds, 0)).toBeLessThan(negatives / 4);
    });
  }

  it('MLP, TF.js: demographic parity', async () => {
    const before = tf.memory().numTensors;
    const fit = async (lambda: number) =>
      predictMlp(
        await fitMlp(X, rows, cols, y, { ...options(lambda, 'demographic-parity'), hidden: [8] }),
        X,
        rows,
      );
    const all = gap(await fit(0), -1);
    expect(all).toBeGreaterThan(0.6);
    expect(gap(await fit(LAMBDA), -1)).toBeLessThan(all / 4);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains the same logistic regression in both loops (same objective)', async () => {
    const o = { ...options(LAMBDA, 'equalized-odds'), epochs: 8 };
    const typed = await fitLinearTyped(X, rows, cols, y, o);
    const viaTf = await fitLinear(X, rows, cols, y, o);
    expect(maxDiff(typed.weights[0], viaTf.weights[0])).toBeLessThan(1e-4);
    expect(maxDiff(typed.history.trainLoss, viaTf.history.trainLoss)).toBeLessThan(1e-5);
  });
});

describe('the fairness penalty’s terms', () => {
  /** 12 rows in three groups and one without (−1), mixed labels, scores spread over both signs. */
  const n = 12;
  const codes = Int32Array.from([0, 1, 2, -1, 0, 1, 2, 0, 1, 2, 0, 1]);
  const labels = Float64Array.from([1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1]);
  const rng = createRng(4);
  const Z = Float64Array.from({ length: n }, () => 3 * (2 * rng() - 1));
  const typedRows: TypedRows = {
    X: new Float32Array(n),
    rows: n,
    cols: 1,
    t: labels,
    w: new Float64Array(n).fill(1),
    totalWeight: n,
    groups: codes,
  };
  const targets: FairnessTarget[] = ['demographic-parity', 'equal-opportunity', 'equalized-odds'];

  for (const target of targets)
    it(`${target}: the typed gradient matches finite differences and TF.js`, () => {
      const term = { lambda: 2.5, target, groupCount: 3 };
      const grad = new Float64Array(n);
      const value = fairnessPenalty(Z, typedRows, 0, n, term, grad);
      expect(value).toBeGreaterThan(0);
      const h = 1e-6;
      for (let i = 0; i < n; i++) {
        const up = Z.slice();
        const down = Z.slice();
        up[i] += h;
        down[i] -= h;
        const numeric =
          (fairnessPenalty(up, typedRows, 0, n, term, null) -
            fairnessPenalty(down, typedRows, 0, n, term, null)) /
          (2 * h);
        expect(Math.abs(grad[i] - numeric)).toBeLessThan(1e-7);
      }
      expect(grad[3]).toBe(0); // no group: no part in the penalty

      const before = tf.memory().numTensors;
      const A = tf.tensor2d(
        Float32Array.from({ length: n * 3 }, (_, k) => (codes[Math.floor(k / 3)] === k % 3 ? 1 : 0)),
        [n, 3],
      );
      const Y = tf.tensor2d(Float32Array.from(labels), [n, 1]);
      const z = tf.tensor2d(Float32Array.from(Z), [n, 1]);
      const loss = (s: tf.Tensor) => fairnessLoss(s as tf.Tensor2D, Y, A, term.lambda, target);
      const tfValue = loss(z);
      const tfGrad = tf.grad(loss)(z);
      expect(tfValue.dataSync()[0]).toBeCloseTo(value, 5);
      expect(maxDiff(tfGrad.dataSync(), grad)).toBeLessThan(1e-5);
      tf.dispose([A, Y, z, tfValue, tfGrad]);
      expect(tf.memory().numTensors).toBe(before);
    });

  it('is (m₁ − m₂)² for two groups and 0 with fewer than two groups present', () => {
    const two = { ...typedRows, groups: Int32Array.from(codes, (g) => (g === 2 ? -1 : g)) };
    const p = Array.from(Z, (z) => 1 / (1 + Math.exp(-z)));
    const mean = (g: number) => {
      const members = p.filter((_, i) => two.groups[i] === g);
      return members.reduce((a, b) => a + b, 0) / members.length;
    };
    const term = { lambda: 3, target: 'demographic-parity' as const, groupCount: 3 };
    expect(fairnessPenalty(Z, two, 0, n, term, null)).toBeCloseTo(3 * (mean(0) - mean(1)) ** 2, 12);
    const one = { ...typedRows, groups: Int32Array.from(codes, (g) => (g === 0 ? 0 : -1)) };
    const grad = new Float64Array(n);
    expect(fairnessPenalty(Z, one, 0, n, term, grad)).toBe(0);
    expect(grad.every((g) => g === 0)).toBe(true);
  });
});

describe('the fairness option', () => {
  it('with λ = 0 trains exactly the model trained without it, in both loops', async () => {
    const plain: NetOptions = { task: 'binary', seed: 2, epochs: 4 };
    const zero = {
      ...plain,
      fairness: { groups: data.groups, groupCount: 2, lambda: 0, target: 'equalized-odds' as const },
    };
    expect(await fitLinearTyped(X, rows, cols, y, zero)).toEqual(
      await fitLinearTyped(X, rows, cols, y, plain),
    );
    expect(await fitMlpTyped(X, rows, cols, y, zero)).toEqual(await fitMlpTyped(X, rows, cols, y, plain));
    expect(await fitLinear(X, rows, cols, y, zero)).toEqual(await fitLinear(X, rows, cols, y, plain));
    expect(await fitMlp(X, rows, cols, y, zero)).toEqual(await fitMlp(X, rows, cols, y, plain));
  });

  it('reports the data loss alone: the validation loss is the log loss of the predictions', async () => {
    const o = { ...options(LAMBDA, 'demographic-parity'), epochs: 5, validation: { X, rows, y } };
    for (const model of [await fitLinearTyped(X, rows, cols, y, o), await fitLinear(X, rows, cols, y, o)]) {
      const h = model.history;
      const loss = meanLoss('binary', predictLinear(model, X, rows), y);
      expect(loss).toBeCloseTo(h.validationLoss?.[h.bestEpoch - 1] ?? NaN, 5);
    }
  });

  it('throws a RangeError for λ > 0 on a task other than binary, and for malformed groups', async () => {
    const before = tf.memory().numTensors;
    const labels = Float64Array.from(y, (v, i) => v + (i % 3 === 0 ? 1 : 0));
    const fairness = { groups: data.groups, groupCount: 2, lambda: 1, target: 'demographic-parity' as const };
    const multiclass: NetOptions = { task: 'multiclass', classes: 3, epochs: 1, fairness };
    await expect(fitLinear(X, rows, cols, labels, multiclass)).rejects.toThrow(RangeError);
    await expect(fitMlp(X, rows, cols, labels, multiclass)).rejects.toThrow(RangeError);
    await expect(fitLinearTyped(X, rows, cols, labels, multiclass)).rejects.toThrow(RangeError);
    await expect(fitMlpTyped(X, rows, cols, labels, multiclass)).rejects.toThrow(RangeError);
    await expect(fitLinear(X, rows, cols, y, { task: 'regression', epochs: 1, fairness })).rejects.toThrow(
      RangeError,
    );
    // λ = 0 is no penalty: any task trains.
    await fitLinearTyped(X, rows, cols, labels, { ...multiclass, fairness: { ...fairness, lambda: 0 } });
    const bad = (f: Partial<typeof fairness>) =>
      fitLinearTyped(X, rows, cols, y, { task: 'binary', epochs: 1, fairness: { ...fairness, ...f } });
    await expect(bad({ groups: data.groups.subarray(1) })).rejects.toThrow(RangeError);
    await expect(bad({ groups: Int32Array.from(data.groups, (g) => g * 2) })).rejects.toThrow(RangeError);
    await expect(bad({ lambda: -1 })).rejects.toThrow(RangeError);
    await expect(bad({ groupCount: 0 })).rejects.toThrow(RangeError);
    expect(tf.memory().numTensors).toBe(before);
  });
});
