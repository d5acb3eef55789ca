/**
 * Set-up and tear-down around the training loop, shared by the linear models and the MLP: input checks (the
 * tree models' contract), target scaling, upload, variables, training, read-back and disposal of every tensor.
 */
import * as tf from '@tensorflow/tfjs';
import { checkMatrix } from '../tree/inputs';
import { disposeRows, uploadRows, type DeviceRows } from './data';
import { variableFrom } from './init';
import type { LearnerDefaults, NetOptions, NetTask, Settings } from './options';
import { shuffledOrder, startFit, unscale } from './shared';
import { trainNetwork, type ForwardFn } from './train';
import type { TrainingHistory } from './options';

/** Initial values of one trainable tensor, row-major, and whether the L2 penalty applies to it. */
export interface ParamInit {
  values: Float32Array;
  shape: number[];
  penalized: boolean;
}

/** A network to train: its initial parameters, the last two being the output layer's weights and bias. */
export interface NetworkSpec {
  params: ParamInit[];
  forward: ForwardFn;
}

/** What a learner needs to build its network. */
export interface NetworkShape {
  task: NetTask;
  classes: number;
  /** Output columns: k for multiclass, else 1. */
  width: number;
  cols: number;
  /** Output biases of the constant model that best fits the (standardised) target: a good start. */
  outputBias: number[];
  /** The fit's seeded generator; draw initial weights from it first. */
  rng: () => number;
}

/** A trained network read back to the host, in the target's own units (regression scaling undone). */
export interface NetworkFit {
  params: number[][];
  classes: number;
  history: TrainingHistory;
  settings: Settings;
}

/**
 * Trains the network `build` makes on `rows × cols` rows of X with Adam, and returns its weights as plain
 * numbers. Every tensor it creates (data, variables, optimizer state, best-weight copies) is freed before it
 * settles, whether it resolves or rejects.
 */
export async function fitNetwork(
  X: Float32Array,
  rows: number,
  cols: number,
  y: Float64Array,
  options: NetOptions,
  defaults: LearnerDefaults,
  build: (shape: NetworkShape) => NetworkSpec,
): Promise<NetworkFit> {
  const { task } = options;
  const { classes, weights, settings, scaling, rng, width, outputBias, fairness } = startFit(
    X,
    rows,
    cols,
    y,
    options,
    defaults,
  );
  const spec = build({ task, classes, width, cols, outputBias, rng });
  options.signal?.throwIfAborted();
  const target = { task, classes, scaling };
  const val = options.validation;
  let train: DeviceRows | undefined;
  let validation: DeviceRows | undefined;
  const params: tf.Variable[] = [];
  try {
    const groups = fairness ? { codes: fairness.groups, count: fairness.groupCount } : undefined;
    train = uploadRows({ X, rows, cols, y, weights }, target, shuffledOrder(rows, rng), groups);
    if (val) validation = uploadRows({ ...val, cols, weights: val.weights }, target);
    for (const p of spec.params) params.push(variableFrom(p.values, p.shape));
    const outcome = await trainNetwork({
      task,
      settings,
      forward: spec.forward,
      params,
      penalized: params.filter((_, i) => spec.params[i].penalized),
      train,
      ...(validation ? { validation } : {}),
      rng,
      reportScale: task === 'regression' ? 2 * scaling.scale ** 2 : 1,
      ...(fairness ? { fairness: { lambda: fairness.lambda, target: fairness.target } } : {}),
      ...(options.onEpoch ? { onEpoch: options.onEpoch } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { params: unscale(outcome.values, scaling), classes, history: outcome.history, settings };
  } finally {
    disposeRows(train);
    disposeRows(validation);
    tf.dispose(params);
  }
}

/**
 * Scores rows with TF.js on the current backend, from plain-number parameters (shapes as in training):
 * binary σ(z), multiclass softmax(z) row-major, regression z. For large batches on a GPU backend, and to check
 * the plain TypeScript forward pass against the one used in training.
 */
export async function predictWithTf(
  forward: ForwardFn,
  params: { values: number[]; shape: number[] }[],
  task: NetTask,
  X: Float32Array,
  rows: number,
  cols: number,
): Promise<Float64Array> {
  checkMatrix(X, rows, cols);
  const out = tf.tidy(() => {
    const tensors = params.map((p) => tf.tensor(p.values, p.shape, 'float32'));
    const Z = forward(tensors, tf.tensor2d(X, [rows, cols]));
    if (task === 'binary') return tf.sigmoid(Z);
    return task === 'multiclass' ? tf.softmax(Z) : Z;
  });
  const values = await out.data();
  out.dispose();
  return Float64Array.from(values);
}
