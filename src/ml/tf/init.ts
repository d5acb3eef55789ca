/**
 * Seeded weight initialisation. TF.js's own initialisers draw from their own generator; building the values
 * with `createRng` instead makes the initial weights, and so the whole fit, a function of the seed alone.
 */
import * as tf from '@tensorflow/tfjs';

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

/** A trainable float32 variable holding `values` with `shape`; the caller disposes it. */
export function variableFrom(values: Float32Array, shape: number[]): tf.Variable {
  const initial = tf.tensor(values, shape, 'float32');
  const variable = tf.variable(initial, true);
  initial.dispose();
  return variable;
}
