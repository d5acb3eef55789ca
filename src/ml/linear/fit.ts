/**
 * Fitting logistic regression (binary and multinomial) and linear (ridge) regression with Adam on TF.js.
 * The result is a plain-JSON `LinearModel`; `predictLinear` (model.ts) scores it without TF.js.
 */
import * as tf from '@tensorflow/tfjs';
import { fitNetwork, predictWithTf, type NetworkShape, type NetworkSpec } from '../tf/network';
import type { NetOptions } from '../tf/options';
import type { ForwardFn } from '../tf/train';
import { LINEAR_DEFAULTS } from './defaults';
import { linearModelFrom, type LinearModel } from './model';

export { LINEAR_DEFAULTS } from './defaults';

/** Settings of `fitLinear`; see `NetOptions` for each field. */
export type LinearOptions = NetOptions;

/** z = x·W + b with W `cols × outputs` (params [W, b]). */
const linearForward: ForwardFn = (params, x) => tf.add(tf.matMul(x, params[0]), params[1]);

/** Weights start at 0 (the problem is convex, so no symmetry to break); biases at the best constant model. */
function buildLinear(shape: NetworkShape): NetworkSpec {
  return {
    params: [
      {
        values: new Float32Array(shape.cols * shape.width),
        shape: [shape.cols, shape.width],
        penalized: true,
      },
      { values: Float32Array.from(shape.outputBias), shape: [shape.width], penalized: false },
    ],
    forward: linearForward,
  };
}

/**
 * Fits a linear model to the row-major `rows × cols` matrix X and target y (binary 0/1, class index 0 … k−1,
 * or value) with sample weights s_i (default 1). It minimises, approximately (mini-batch Adam for a fixed
 * number of epochs, or until the validation loss stops improving),
 *
 *   J(w, b) = (1/S) · [ Σ_i s_i · ℓ(y_i, x_i·w + b) + (λ/2) · ‖w‖² ],   S = Σ_i s_i,  λ = `l2` (default 1),
 *
 * the intercept b unpenalised, with
 * - binary: ℓ = −[y log σ(z) + (1 − y) log(1 − σ(z))] (log loss). Times C·S this is scikit-learn's
 *   `LogisticRegression(penalty='l2', C=1/λ)` objective C Σ s_i ℓ_i + ½‖w‖², so the minimiser is the same;
 * - multiclass: ℓ = −log softmax(z)_y with one weight vector per class, scikit-learn's multinomial
 *   `LogisticRegression` (C Σ s_i ℓ_i + ½‖W‖²_F);
 * - regression: ℓ = ½(y − z)², so S·J·2 = Σ s_i (y_i − z_i)² + λ‖w‖², scikit-learn's `Ridge(alpha=λ)`.
 *   The target is standardised while training and the weights mapped back (same minimiser).
 *
 * Each step minimises the unbiased mini-batch estimate (1/|B|) Σ_{i∈B} (n·s_i/S) ℓ_i + λ‖w‖²/(2S). In J a row
 * of weight 2 is exactly two copies of it (with mini-batches only the batch composition differs). With
 * `fairness` (binary, λ > 0) each step also minimises the batch's gap penalty λ·G (see `FairnessPenalty`), not
 * part of the losses reported. Resolves to plain JSON; every tensor is freed (see `fitNetwork`).
 */
export async function fitLinear(
  X: Float32Array,
  rows: number,
  cols: number,
  y: Float64Array,
  options: LinearOptions,
): Promise<LinearModel> {
  const fit = await fitNetwork(X, rows, cols, y, options, LINEAR_DEFAULTS, buildLinear);
  return linearModelFrom(options.task, cols, fit);
}

/** `predictLinear` computed with TF.js on the current backend (float32): for big batches on a GPU. */
export function predictLinearWithTf(
  model: LinearModel,
  X: Float32Array,
  rows: number,
): Promise<Float64Array> {
  const width = model.bias.length;
  const W = new Array<number>(model.features * width);
  model.weights.forEach((w, o) => w.forEach((v, f) => (W[f * width + o] = v)));
  const params = [
    { values: W, shape: [model.features, width] },
    { values: model.bias, shape: [width] },
  ];
  return predictWithTf(linearForward, params, model.task, X, rows, model.features);
}
