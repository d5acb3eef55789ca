/**
 * A fitted linear model as plain JSON, and its prediction in plain TypeScript: exported models score rows
 * anywhere, no TF.js needed (this module does not import it).
 */
import type { NetTask, TrainingHistory } from '../tf/options';
import { checkMatrix } from '../tree/inputs';
import { scoresToOutput, scoreWidth } from '../tree/loss';

/** Logistic regression (binary, multiclass) or linear regression, plain JSON. */
export interface LinearModel {
  kind: 'linear';
  version: 1;
  task: NetTask;
  /** 2 for binary, k for multiclass, 1 for regression. */
  classes: number;
  /** Number of input columns the model expects. */
  features: number;
  /**
   * `weights[o][f]`: the coefficient of feature f in output o. One output for binary (the log-odds of class
   * 1) and regression, one per class for multiclass (the softmax scores).
   */
  weights: number[][];
  /** One intercept per output, in the same order. */
  bias: number[];
  /** The L2 penalty λ it was trained with. */
  l2: number;
  history: TrainingHistory;
}

/** The raw scores z_o = b_o + Σ_f w_of x_f of every row, row-major `rows × outputs`, in double precision. */
export function linearScores(model: LinearModel, X: Float32Array, rows: number): Float64Array {
  checkMatrix(X, rows, model.features);
  const width = scoreWidth(model.task, model.classes);
  if (model.weights.length !== width || model.bias.length !== width)
    throw new RangeError(`a ${model.task} model needs ${width} outputs`);
  const cols = model.features;
  const F = new Float64Array(rows * width);
  for (let o = 0; o < width; o++) {
    const w = model.weights[o];
    if (w.length !== cols) throw new RangeError(`output ${o} has ${w.length} weights, expected ${cols}`);
    for (let r = 0; r < rows; r++) {
      let z = model.bias[o];
      const x = r * cols;
      for (let f = 0; f < cols; f++) z += w[f] * X[x + f];
      F[r * width + o] = z;
    }
  }
  return F;
}

/**
 * Predicts like the tree models: binary → P(class 1) = σ(z) = 1 / (1 + e^−z) per row; multiclass → the
 * `rows × k` softmax probabilities e^{z_c} / Σ_j e^{z_j}, row-major; regression → z.
 */
export function predictLinear(model: LinearModel, X: Float32Array, rows: number): Float64Array {
  return scoresToOutput(model.task, linearScores(model, X, rows), model.classes);
}

/**
 * The fitted coefficients, copied: `weights[o][f]` and `intercepts[o]` as in `LinearModel`. For binary a
 * weight is the change in log-odds of class 1 per unit of the (standardised) feature; for multiclass, of
 * class o's softmax score (only differences between classes are meaningful); for regression, of ŷ.
 */
export function coefficients(model: LinearModel): { intercepts: number[]; weights: number[][] } {
  return { intercepts: [...model.bias], weights: model.weights.map((w) => [...w]) };
}

/**
 * The JSON model from trained parameters [W, b] (W `cols × outputs` row-major, as both training loops return
 * them), transposed to one weight vector per output.
 */
export function linearModelFrom(
  task: NetTask,
  cols: number,
  fit: { params: number[][]; classes: number; history: TrainingHistory; settings: { l2: number } },
): LinearModel {
  const [W, b] = fit.params;
  const width = b.length;
  return {
    kind: 'linear',
    version: 1,
    task,
    classes: fit.classes,
    features: cols,
    weights: Array.from({ length: width }, (_, o) =>
      Array.from({ length: cols }, (_, f) => W[f * width + o]),
    ),
    bias: b,
    l2: fit.settings.l2,
    history: fit.history,
  };
}
