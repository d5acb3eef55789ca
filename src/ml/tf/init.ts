/**
 * Seeded weight initialisation. TF.js's own initialisers draw from their own generator; building the values
 * with `createRng` instead makes the initial weights, and so the whole fit, a function of the seed alone.
 */
import * as tf from '@tensorflow/tfjs';

export { glorotUniform, nextSeed } from './shared';

/** A trainable float32 variable holding `values` with `shape`; the caller disposes it. */
export function variableFrom(values: Float32Array, shape: number[]): tf.Variable {
  const initial = tf.tensor(values, shape, 'float32');
  const variable = tf.variable(initial, true);
  initial.dispose();
  return variable;
}
