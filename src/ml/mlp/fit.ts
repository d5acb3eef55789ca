/**
 * Fitting a multilayer perceptron (ReLU hidden layers, seeded dropout) with Adam on TF.js. The result is a
 * plain-JSON `MlpModel`; `predictMlp` (model.ts) scores it without TF.js.
 */
import * as tf from '@tensorflow/tfjs';
import { glorotUniform } from '../tf/init';
import {
  fitNetwork,
  predictWithTf,
  type NetworkShape,
  type NetworkSpec,
  type ParamInit,
} from '../tf/network';
import type { NetOptions } from '../tf/options';
import type { ForwardFn } from '../tf/train';
import { checkArchitecture, MLP_DEFAULTS } from './defaults';
import { mlpModelFrom, type MlpModel } from './model';

export { MLP_DEFAULTS } from './defaults';

/** Settings of `fitMlp`: those of `NetOptions` plus the architecture. */
export interface MlpOptions extends NetOptions {
  /** Units per hidden layer, input side first (default [32]). */
  hidden?: number[];
  /** Share of hidden units zeroed at random in each training step (default 0.1; 0 turns dropout off). */
  dropout?: number;
}

/**
 * params [W₁, b₁, …, W_out, b_out]: h_l = dropout(max(0, h_{l−1} W_l + b_l)) and z = h_L W_out + b_out.
 * Dropout (Srivastava et al. 2014) is inverted: kept units are scaled by 1/(1 − rate) while training, so
 * prediction uses the weights as they are. Layer l's mask uses TF.js's seeded generator with seed + l.
 */
function mlpForward(rate: number): ForwardFn {
  return (params, x, dropoutSeed) =>
    tf.tidy(() => {
      const layers = params.length / 2;
      let h: tf.Tensor2D = x;
      for (let l = 0; l < layers - 1; l++) {
        h = tf.relu(tf.add(tf.matMul(h, params[2 * l]), params[2 * l + 1])) as tf.Tensor2D;
        if (dropoutSeed !== undefined && rate > 0)
          h = tf.dropout(h, rate, undefined, dropoutSeed + l) as tf.Tensor2D;
      }
      return tf.add(tf.matMul(h, params[2 * layers - 2]), params[2 * layers - 1]);
    });
}

/** Glorot-uniform weights drawn layer by layer from the fit's seeded generator; biases 0, output at the prior. */
function buildMlp(hidden: number[], rate: number): (shape: NetworkShape) => NetworkSpec {
  return (shape) => {
    const sizes = [shape.cols, ...hidden, shape.width];
    const params: ParamInit[] = [];
    for (let l = 1; l < sizes.length; l++) {
      const [fanIn, fanOut] = [sizes[l - 1], sizes[l]];
      params.push({
        values: glorotUniform(fanIn, fanOut, shape.rng),
        shape: [fanIn, fanOut],
        penalized: true,
      });
      const bias = l === sizes.length - 1 ? Float32Array.from(shape.outputBias) : new Float32Array(fanOut);
      params.push({ values: bias, shape: [fanOut], penalized: false });
    }
    return { params, forward: mlpForward(rate) };
  };
}

/**
 * Fits an MLP to the row-major `rows × cols` matrix X and target y (binary 0/1, class index 0 … k−1, or value)
 * with sample weights s_i (default 1). It minimises, approximately (mini-batch Adam with early stopping),
 *
 *   J(θ) = (1/S) · [ Σ_i s_i · ℓ(y_i, f_θ(x_i)) + (λ/2) · Σ_l ‖W_l‖²_F ],   S = Σ_i s_i,  λ = `l2`,
 *
 * biases unpenalised, ℓ the log loss (binary), the softmax cross-entropy (multiclass) or ½(y − f)² on the
 * standardised target (regression), as in `fitLinear`. With unit weights this is scikit-learn's
 * `MLPClassifier` / `MLPRegressor` loss, mean ℓ + (α / 2n) Σ‖W‖² with α = λ, times n. Each step minimises
 * (1/|B|) Σ_{i∈B} (n·s_i/S) ℓ_i + λ Σ‖W_l‖²/(2S) with dropout active, plus with `fairness` (binary, λ > 0)
 * the batch's gap penalty (see `FairnessPenalty`). Resolves to plain JSON; every tensor (data, variables,
 * Adam's moments) is freed.
 */
export async function fitMlp(
  X: Float32Array,
  rows: number,
  cols: number,
  y: Float64Array,
  options: MlpOptions,
): Promise<MlpModel> {
  const hidden = options.hidden ?? MLP_DEFAULTS.hidden;
  const rate = options.dropout ?? MLP_DEFAULTS.dropout;
  checkArchitecture(hidden, rate);
  const fit = await fitNetwork(X, rows, cols, y, options, MLP_DEFAULTS, buildMlp(hidden, rate));
  return mlpModelFrom(options.task, cols, hidden, rate, fit);
}

/** `predictMlp` computed with TF.js on the current backend (float32): for big batches on a GPU. */
export function predictMlpWithTf(model: MlpModel, X: Float32Array, rows: number): Promise<Float64Array> {
  const params = model.layers.flatMap((layer) => [
    { values: layer.weights, shape: [layer.inputs, layer.outputs] },
    { values: layer.bias, shape: [layer.outputs] },
  ]);
  return predictWithTf(mlpForward(0), params, model.task, X, rows, model.features);
}
