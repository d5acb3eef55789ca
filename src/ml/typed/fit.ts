/**
 * Logistic / linear regression and the MLP trained with the typed-array loop (network.ts): the same options,
 * defaults, objective and JSON models as `fitLinear` and `fitMlp` on TF.js, without TF.js. The app uses them
 * when no real GPU is there (measured faster than TF.js WASM and CPU), the CLI by default.
 */
import { LINEAR_DEFAULTS } from '../linear/defaults';
import { linearModelFrom, type LinearModel } from '../linear/model';
import { checkArchitecture, MLP_DEFAULTS } from '../mlp/defaults';
import { mlpModelFrom, type MlpModel } from '../mlp/model';
import type { NetOptions } from '../tf/options';
import { fitTyped } from './network';

/** `fitLinear` (see its objective) on typed arrays. */
export async function fitLinearTyped(
  X: Float32Array,
  rows: number,
  cols: number,
  y: Float64Array,
  options: NetOptions,
): Promise<LinearModel> {
  const fit = await fitTyped(X, rows, cols, y, options, LINEAR_DEFAULTS, {
    hidden: [],
    dropout: 0,
    init: 'zeros',
  });
  return linearModelFrom(options.task, cols, fit);
}

/** `fitMlp` (see its objective) on typed arrays: ReLU hidden layers, inverted dropout, Glorot-uniform start. */
export async function fitMlpTyped(
  X: Float32Array,
  rows: number,
  cols: number,
  y: Float64Array,
  options: NetOptions & { hidden?: number[]; dropout?: number },
): Promise<MlpModel> {
  const hidden = options.hidden ?? MLP_DEFAULTS.hidden;
  const dropout = options.dropout ?? MLP_DEFAULTS.dropout;
  checkArchitecture(hidden, dropout);
  const fit = await fitTyped(X, rows, cols, y, options, MLP_DEFAULTS, { hidden, dropout, init: 'glorot' });
  return mlpModelFrom(options.task, cols, hidden, dropout, fit);
}
