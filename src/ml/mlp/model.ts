/**
 * A fitted multilayer perceptron as plain JSON, and its forward pass in plain TypeScript: exported models
 * score rows anywhere, no TF.js needed (this module does not import it).
 */
import { checkLayer, denseForward, type DenseLayer } from '../tf/dense';
import type { NetTask, TrainingHistory } from '../tf/options';
import { checkMatrix } from '../tree/inputs';
import { scoresToOutput, scoreWidth } from '../tree/loss';

export type { DenseLayer } from '../tf/dense';

/** A ReLU network, plain JSON. */
export interface MlpModel {
  kind: 'mlp';
  version: 1;
  task: NetTask;
  /** 2 for binary, k for multiclass, 1 for regression. */
  classes: number;
  /** Number of input columns the model expects. */
  features: number;
  activation: 'relu';
  /** Hidden layers, then the output layer (1 output for binary and regression, k for multiclass). */
  layers: DenseLayer[];
  /** The dropout rate it was trained with (inverted dropout: nothing to undo when predicting). */
  dropout: number;
  /** The L2 penalty λ it was trained with. */
  l2: number;
  history: TrainingHistory;
}

/**
 * The raw output scores, row-major `rows × outputs`: h₀ = x, h_l = max(0, h_{l−1} W_l + b_l) for each hidden
 * layer, z = h_L W_out + b_out. Double precision on the host.
 */
export function mlpScores(model: MlpModel, X: Float32Array, rows: number): Float64Array {
  checkMatrix(X, rows, model.features);
  const last = model.layers.length - 1;
  if (last < 0 || model.layers[last].outputs !== scoreWidth(model.task, model.classes))
    throw new RangeError(`a ${model.task} model needs ${scoreWidth(model.task, model.classes)} outputs`);
  let h: ArrayLike<number> = X;
  let inputs = model.features;
  model.layers.forEach((layer, l) => {
    checkLayer(layer, inputs);
    h = denseForward(layer, h, rows, l < last);
    inputs = layer.outputs;
  });
  return h as Float64Array;
}

/**
 * Predicts like the tree models: binary → P(class 1) = σ(z); multiclass → the `rows × k` softmax
 * probabilities, row-major; regression → z.
 */
export function predictMlp(model: MlpModel, X: Float32Array, rows: number): Float64Array {
  return scoresToOutput(model.task, mlpScores(model, X, rows), model.classes);
}

/** The JSON model from trained parameters [W₁, b₁, …, W_out, b_out], as both training loops return them. */
export function mlpModelFrom(
  task: NetTask,
  cols: number,
  hidden: number[],
  dropout: number,
  fit: { params: number[][]; classes: number; history: TrainingHistory; settings: { l2: number } },
): MlpModel {
  const sizes = [cols, ...hidden, fit.params[fit.params.length - 1].length];
  return {
    kind: 'mlp',
    version: 1,
    task,
    classes: fit.classes,
    features: cols,
    activation: 'relu',
    layers: sizes.slice(1).map((outputs, l) => ({
      inputs: sizes[l],
      outputs,
      weights: fit.params[2 * l],
      bias: fit.params[2 * l + 1],
    })),
    dropout,
    l2: fit.settings.l2,
    history: fit.history,
  };
}
