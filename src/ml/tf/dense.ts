/**
 * The forward pass of a trained network in plain TypeScript over typed arrays, so a model exported as JSON
 * scores rows anywhere (a worker, Node, another app) without TF.js. No TF.js import here.
 */

/**
 * One fully connected layer, plain JSON: output j of a row x is z_j = b_j + Σ_i x_i · W[i·outputs + j], i.e.
 * `weights` is the `inputs × outputs` matrix W stored row-major (the layout of `tf.matMul(x, W)`).
 */
export interface DenseLayer {
  inputs: number;
  outputs: number;
  weights: number[];
  bias: number[];
}

/**
 * Applies `layer` to every row of the row-major `rows × layer.inputs` matrix X, optionally followed by
 * ReLU max(0, z). Sums in double precision, so results match float32 TF.js to about 1e-6 relative.
 */
export function denseForward(
  layer: DenseLayer,
  X: ArrayLike<number>,
  rows: number,
  relu: boolean,
): Float64Array {
  const { inputs, outputs, weights, bias } = layer;
  const Z = new Float64Array(rows * outputs);
  for (let r = 0; r < rows; r++) {
    const z = r * outputs;
    for (let j = 0; j < outputs; j++) Z[z + j] = bias[j];
    for (let i = 0; i < inputs; i++) {
      const x = X[r * inputs + i];
      if (x === 0) continue;
      const w = i * outputs;
      for (let j = 0; j < outputs; j++) Z[z + j] += x * weights[w + j];
    }
    if (relu) for (let j = 0; j < outputs; j++) if (Z[z + j] < 0) Z[z + j] = 0;
  }
  return Z;
}

/** Throws a RangeError unless a JSON layer has the sizes it claims (a corrupt or hand-edited model). */
export function checkLayer(layer: DenseLayer, inputs: number): void {
  const ok =
    layer.inputs === inputs &&
    layer.weights.length === layer.inputs * layer.outputs &&
    layer.bias.length === layer.outputs;
  if (!ok) throw new RangeError(`a ${layer.inputs}×${layer.outputs} layer has the wrong number of values`);
}
