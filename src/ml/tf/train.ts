/**
 * The custom training loop shared by the TF.js learners: data stays on the device for the whole fit (its rows
 * already shuffled once, see `uploadRows`), each epoch visits the mini-batches — contiguous slices — in a
 * fresh seeded order, one `optimizer.minimize` runs per mini-batch inside `tf.tidy`, losses are read back
 * once per epoch, and early stopping keeps a copy of the best weights. Slices rather than a gather by
 * shuffled row index: on the cpu backend gathering a 512 × 100 batch costs 5 ms, slicing 0.02 ms.
 * The loop owns the optimizer and the best-weight copies and frees them; the caller owns the variables.
 */
import * as tf from '@tensorflow/tfjs';
import { nextTask } from '../../core/yield';
import { nextSeed } from './init';
import { shuffledOrder } from './shared';

export { shuffledOrder } from './shared';
import { fairnessLoss, weightedMeanLoss, weightedMetric, type DeviceRows } from './data';
import type {
  EpochCallback,
  FairnessTarget,
  NetTask,
  Settings,
  StopReason,
  TrainingHistory,
} from './options';

/** Raw scores (`rows × width`) of a network; `dropoutSeed` is given only while training. */
export type ForwardFn = (params: tf.Tensor[], x: tf.Tensor2D, dropoutSeed?: number) => tf.Tensor2D;

/** Everything one training run needs. */
export interface TrainRun {
  task: NetTask;
  settings: Settings;
  forward: ForwardFn;
  /** All trainable variables, in the order `forward` expects. */
  params: tf.Variable[];
  /** The variables under the L2 penalty (weight matrices, not biases). */
  penalized: tf.Variable[];
  train: DeviceRows;
  validation?: DeviceRows;
  /** Seeded generator for the row order and the dropout seeds. */
  rng: () => number;
  /** Multiplies the loss the optimiser sees into the loss reported (2σ² for regression, else 1). */
  reportScale: number;
  /** An active fairness penalty (λ > 0, binary); `train.A` then holds the rows' group one-hots. */
  fairness?: { lambda: number; target: FairnessTarget };
  onEpoch?: EpochCallback;
  signal?: AbortSignal;
}

type Active = TrainRun & { optimizer: tf.Optimizer };

/** The trained weights (the best epoch's when validating) read back to the host, and the history. */
export interface TrainOutcome {
  values: Float32Array[];
  history: TrainingHistory;
}

/** ½ λ Σ‖W‖² / Σ s: the L2 term of the objective, scaled like the data term (see `fitLinear`). */
function penalty(run: TrainRun): tf.Scalar | null {
  const { l2 } = run.settings;
  if (l2 === 0 || run.penalized.length === 0) return null;
  const squares = tf.addN(run.penalized.map((v) => tf.sum(tf.square(v))));
  return tf.mul(squares, l2 / (2 * run.train.totalWeight)) as tf.Scalar;
}

/**
 * One Adam step on device rows [start, start + n); pushes the batch's share of the epoch's data loss. The
 * objective is the data loss + the L2 term + the batch's fairness penalty (when active); only the data loss
 * is reported.
 */
function step(run: Active, start: number, n: number, parts: tf.Scalar[]): void {
  const { X, Y, w, A, rows } = run.train;
  const { fairness } = run;
  const dropoutSeed = nextSeed(run.rng);
  tf.tidy(() => {
    const xb = tf.slice(X, [start, 0], [n, -1]);
    const yb = tf.slice(Y, [start, 0], [n, -1]);
    const wb = tf.slice(w, start, n);
    const ab = fairness && A ? tf.slice(A, [start, 0], [n, -1]) : null;
    run.optimizer.minimize(
      () => {
        const Z = run.forward(run.params, xb, dropoutSeed);
        const data = weightedMeanLoss(run.task, Z, yb, wb);
        parts.push(tf.keep(tf.mul(data, n / rows)));
        const l2 = penalty(run);
        const objective: tf.Scalar = l2 ? tf.add(data, l2) : data;
        if (!fairness || !ab) return objective;
        return tf.add(objective, fairnessLoss(Z, yb, ab, fairness.lambda, fairness.target));
      },
      false,
      run.params,
    );
  });
}

/** One pass over the mini-batches in a fresh seeded order; resolves to the mean mini-batch data loss. */
async function runEpoch(run: Active): Promise<number> {
  const { rows } = run.train;
  const size = run.settings.batchSize;
  const parts: tf.Scalar[] = [];
  try {
    for (const b of shuffledOrder(Math.ceil(rows / size), run.rng))
      step(run, b * size, Math.min(size, rows - b * size), parts);
    const total = tf.addN(parts);
    const value = (await total.data())[0];
    total.dispose();
    return value;
  } finally {
    tf.dispose(parts);
  }
}

/** Validation loss and metric after an epoch (no dropout), read back in one transfer. */
async function evaluate(run: TrainRun, data: DeviceRows): Promise<{ loss: number; metric: number }> {
  const both = tf.tidy(() => {
    const Z = run.forward(run.params, data.X);
    return tf.stack([
      weightedMeanLoss(run.task, Z, data.Y, data.w),
      weightedMetric(run.task, Z, data.Y, data.w),
    ]);
  });
  const [loss, metric] = await both.data();
  both.dispose();
  return { loss, metric };
}

interface LoopState {
  history: TrainingHistory;
  bestLoss: number;
  best: tf.Tensor[] | null;
}

/** Records an epoch, copies the weights when the validation loss improved; returns why to stop, if so. */
function record(
  run: TrainRun,
  s: LoopState,
  epoch: number,
  trainLoss: number,
  v?: { loss: number; metric: number },
) {
  const h = s.history;
  h.epochs = epoch;
  h.trainLoss.push(trainLoss);
  if (!v) h.bestEpoch = epoch;
  else {
    const loss = v.loss * run.reportScale;
    h.validationLoss?.push(loss);
    h.validationMetric?.push(v.metric);
    if (loss < s.bestLoss) {
      s.bestLoss = loss;
      h.bestEpoch = epoch;
      tf.dispose(s.best ?? []);
      s.best = run.params.map((p) => p.clone());
    }
  }
  const last = h.validationLoss?.[h.validationLoss.length - 1];
  if (run.onEpoch?.(epoch, trainLoss, last, v?.metric) === false) return 'callback';
  if (v && epoch - h.bestEpoch >= run.settings.patience) return 'early-stopping';
  return null;
}

/**
 * Trains `run.params` in place with Adam (Kingma & Ba 2015, "Adam: a method for stochastic optimization")
 * on the objective ℓ̄_batch + penalties (L2, and fairness when active) for up to `settings.epochs` epochs,
 * and reads back the best weights. Frees the optimizer state (`optimizer.dispose()`: disposing variables
 * alone leaves Adam's moments behind) and the best-weight copies even when aborted or when `onEpoch` throws.
 */
export async function trainNetwork(run: TrainRun): Promise<TrainOutcome> {
  const optimizer = tf.train.adam(run.settings.learningRate);
  const validating = run.validation !== undefined;
  const s: LoopState = {
    history: {
      epochs: 0,
      bestEpoch: 0,
      stop: 'epochs',
      trainLoss: [],
      ...(validating ? { validationLoss: [], validationMetric: [] } : {}),
    },
    bestLoss: Infinity,
    best: null,
  };
  try {
    for (let epoch = 1; epoch <= run.settings.epochs; epoch++) {
      run.signal?.throwIfAborted();
      const trainLoss = (await runEpoch({ ...run, optimizer })) * run.reportScale;
      const v = run.validation ? await evaluate(run, run.validation) : undefined;
      const stop: StopReason | null = record(run, s, epoch, trainLoss, v);
      if (stop) {
        s.history.stop = stop;
        break;
      }
      // On the CPU and WASM backends reading a tensor resolves at once: without a real task boundary a
      // worker would not see Stop or Cancel until the fit ended.
      await nextTask();
    }
    if (validating && !s.best) s.history.bestEpoch = s.history.epochs;
    const source = s.best ?? run.params;
    const values = (await Promise.all(source.map((t) => t.data()))) as Float32Array[];
    return { values, history: s.history };
  } finally {
    optimizer.dispose();
    tf.dispose(s.best ?? []);
  }
}
