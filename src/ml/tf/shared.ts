/**
 * The parts of network training that need no TF.js, shared by the TF.js loop (network.ts, train.ts) and the
 * typed-array one (../typed/): input checks, the regression target's scaling, the seeded shuffle.
 */
import { checkMatrix, checkTarget, resolveWeights } from '../tree/inputs';
import { createRng } from '../../core/random';
import { initialScores, scoreWidth } from '../tree/loss';
import {
  resolveFairness,
  resolveSettings,
  type LearnerDefaults,
  type NetOptions,
  type NetTask,
} from './options';

export { shuffledOrder } from '../../core/random';

/** Checks the inputs like the tree models do and returns the number of classes (2 binary, 1 regression). */
export function checkInputs(
  X: Float32Array,
  rows: number,
  cols: number,
  y: Float64Array,
  options: NetOptions,
) {
  checkMatrix(X, rows, cols);
  const classes = checkTarget(options.task, y, rows, options.classes);
  const weights = resolveWeights(options.weights, rows);
  const v = options.validation;
  if (v) {
    checkMatrix(v.X, v.rows, cols);
    checkTarget(options.task, v.y, v.rows, classes);
    if (v.weights) resolveWeights(v.weights, v.rows);
  }
  return { classes, weights };
}

/** Regression targets are standardised for training, y' = (y − shift) / scale; classification keeps 0 / 1. */
export interface TargetScaling {
  shift: number;
  scale: number;
}

/**
 * The weighted mean and standard deviation of a regression target (shift 0, scale 1 for classification),
 * so Adam's default step size suits any target unit. With y' = (y − μ)/σ every term of the regression
 * objective is divided by σ², so its minimiser, mapped back, is the same.
 */
export function targetScaling(task: NetTask, y: Float64Array, w: Float64Array): TargetScaling {
  if (task !== 'regression') return { shift: 0, scale: 1 };
  let total = 0;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    total += w[i];
    sum += w[i] * y[i];
  }
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i < y.length; i++) squares += w[i] * (y[i] - mean) ** 2;
  const sd = Math.sqrt(squares / total);
  return { shift: mean, scale: sd > 0 ? sd : 1 };
}

/**
 * Glorot (Xavier) uniform initialisation, Glorot & Bengio (2010), "Understanding the difficulty of training
 * deep feedforward neural networks", eq. 16: W_ij ~ U(−a, a) with a = √(6 / (fanIn + fanOut)). Returns the
 * `fanIn × fanOut` matrix row-major, drawn in that order from `rng`.
 */
export function glorotUniform(fanIn: number, fanOut: number, rng: () => number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < values.length; i++) values[i] = (2 * rng() - 1) * limit;
  return values;
}

/** An integer seed in [0, 2³¹) for TF.js's seeded ops (dropout's random mask), drawn from a seeded generator. */
export function nextSeed(rng: () => number): number {
  return Math.floor(rng() * 2147483648);
}

/**
 * Maps an output layer trained on y' = (y − μ)/σ back to y: W ← σW, b ← σb + μ. `values` are the trained
 * parameters [W₁, b₁, …, W_out, b_out]; returns them as plain numbers.
 */
export function unscale(values: ArrayLike<number>[], scaling: TargetScaling): number[][] {
  const params = values.map((v) => Array.from(v));
  const { shift, scale } = scaling;
  if (shift === 0 && scale === 1) return params;
  const W = params[params.length - 2];
  const b = params[params.length - 1];
  for (let i = 0; i < W.length; i++) W[i] *= scale;
  for (let j = 0; j < b.length; j++) b[j] = b[j] * scale + shift;
  return params;
}

/**
 * What both training loops settle before the first step: the inputs checked, the settings with defaults, the
 * regression target's scaling, the fit's seeded generator, the output width, the output layer's starting
 * biases (the best constant model) and the fairness penalty when active (λ > 0; else null).
 */
export function startFit(
  X: Float32Array,
  rows: number,
  cols: number,
  y: Float64Array,
  options: NetOptions,
  defaults: LearnerDefaults,
) {
  const { task } = options;
  const { classes, weights } = checkInputs(X, rows, cols, y, options);
  const settings = resolveSettings(options, rows, defaults);
  const fairness = resolveFairness(options, rows);
  const scaling = targetScaling(task, y, weights);
  const rng = createRng(settings.seed);
  const width = scoreWidth(task, classes);
  const outputBias = task === 'regression' ? [0] : initialScores(task, classes, y, weights);
  return { classes, weights, settings, scaling, rng, width, outputBias, fairness };
}
