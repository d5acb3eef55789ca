/**
 * The four learners behind one call: options resolved (defaults filled in, so the report says exactly what
 * was trained), the validation rows passed for early stopping where the learner supports it, epochs
 * reported as progress, and a plain-TypeScript predict for the fitted JSON model.
 */
import type { TaskKind } from '../data/settings';
import { LINEAR_DEFAULTS } from '../ml/linear/defaults';
import { predictLinear, type LinearModel } from '../ml/linear/model';
import { MLP_DEFAULTS } from '../ml/mlp/defaults';
import type { MlpModel } from '../ml/mlp/model';
import type { FairnessPenalty, NetOptions } from '../ml/tf/options';
import { predictMlp } from '../ml/mlp/model';
import { resolveSettings, type LearnerDefaults, type Settings } from '../ml/tf/options';
import {
  BOOSTING_DEFAULTS,
  fitBoostingAsync,
  predictBoosting,
  type ValidationSet,
} from '../ml/tree/boosting';
import { fitTree, predictTree, TREE_DEFAULTS } from '../ml/tree/cart';
import type {
  FittedModel,
  ModelKind,
  ModelOptions,
  PipelineProgress,
  ResolvedOptions,
  StopReason,
} from './types';

/** Rows in a learner's input contract: row-major `rows × cols` features and the encoded target. */
export interface Rows {
  X: Float32Array;
  y: Float64Array;
  rows: number;
}

/** What `fitModel` trains: the learner, the task and the rows, already preprocessed. */
export interface FitRequest {
  kind: ModelKind;
  task: TaskKind;
  /** Number of classes (2 binary, k multiclass, 1 regression). */
  classes: number;
  cols: number;
  train: Rows;
  /** Held-out rows for early stopping and keeping the best epoch; absent with a zero validation share. */
  validation?: Rows;
  seed: number;
  options: ModelOptions;
  /** Per-training-row sample weights (reweighing); default 1. */
  weights?: Float64Array;
  /** Per-validation-row weights of the loss that picks the best epoch (reweighing: the same objective). */
  validationWeights?: Float64Array;
  /** The fairness penalty added to the loss of the networks (logistic, MLP); the tree models cannot take it. */
  fairness?: FairnessPenalty;
  onProgress?: (event: PipelineProgress) => void;
  /**
   * How the linear model and the MLP train: 'tfjs' on the TF.js backend set by the caller, 'typed' with the
   * plain typed-array loop (no TF.js; faster without a real GPU). Trees ignore it.
   */
  engine: 'tfjs' | 'typed';
  /** Aborting rejects the fit (Cancel). */
  signal?: AbortSignal;
  /** Aborting ends training after the current epoch and keeps the best model so far (Stop). */
  stop?: AbortSignal;
}

/** A trained model (plain JSON), the options it was trained with, and how long and how many epochs it took. */
export interface Fit {
  fitted: FittedModel;
  options: ResolvedOptions;
  epochs: number | null;
  /** The epoch (round) whose weights were kept: the best on the validation rows; null for a single tree. */
  bestEpoch: number | null;
  stoppedBy: StopReason;
  trainMs: number;
}

type TreeSettings = { maxDepth: number; minSamplesLeaf: number };
type BoostingSettings = {
  nEstimators: number;
  learningRate: number;
  maxDepth: number;
  minSamplesLeaf: number;
  subsample: number;
  lambda: number;
  earlyStoppingRounds?: number;
  seed: number;
};
/** A mapped copy of `Settings`, so it is plain JSON data to TypeScript (an interface has no index signature). */
type NetSettings = { [K in keyof Settings]: Settings[K] } & { hidden?: number[]; dropout?: number };

function treeSettings(o: ModelOptions): TreeSettings {
  return {
    maxDepth: o.maxDepth ?? TREE_DEFAULTS.maxDepth,
    minSamplesLeaf: o.minSamplesLeaf ?? TREE_DEFAULTS.minSamplesLeaf,
  };
}

function boostingSettings(o: ModelOptions, seed: number): BoostingSettings {
  const b = BOOSTING_DEFAULTS;
  return {
    nEstimators: o.nEstimators ?? b.nEstimators,
    learningRate: o.learningRate ?? b.learningRate,
    maxDepth: o.maxDepth ?? b.maxDepth,
    minSamplesLeaf: o.minSamplesLeaf ?? b.minSamplesLeaf,
    subsample: o.subsample ?? b.subsample,
    lambda: o.lambda ?? b.lambda,
    ...(o.earlyStoppingRounds !== undefined ? { earlyStoppingRounds: o.earlyStoppingRounds } : {}),
    seed,
  };
}

/** The TF.js learners' settings after their own defaults (`LINEAR_DEFAULTS`, `MLP_DEFAULTS`). */
function netSettings(
  kind: 'logistic' | 'mlp',
  rows: number,
  o: ModelOptions,
  seed: number,
  d: LearnerDefaults,
) {
  const settings: NetSettings = resolveSettings({ task: 'binary', ...o, seed }, rows, d);
  if (kind === 'mlp') {
    const mlp = d as LearnerDefaults & { hidden: number[]; dropout: number };
    settings.hidden = o.hidden ?? mlp.hidden;
    settings.dropout = o.dropout ?? mlp.dropout;
  }
  return settings;
}

const validationSet = (v: Rows | undefined, weights?: Float64Array): ValidationSet | undefined =>
  v && v.rows > 0 ? { X: v.X, rows: v.rows, y: v.y, ...(weights ? { weights } : {}) } : undefined;

type NetFitter = (
  X: Float32Array,
  rows: number,
  cols: number,
  y: Float64Array,
  options: NetOptions & { hidden?: number[]; dropout?: number },
) => Promise<LinearModel | MlpModel>;

/** The fit function of a network learner on an engine, its module loaded on demand. */
async function netFitter(kind: 'logistic' | 'mlp', engine: FitRequest['engine']): Promise<NetFitter> {
  if (engine === 'typed') {
    const typed = await import('../ml/typed/fit');
    return kind === 'mlp' ? typed.fitMlpTyped : typed.fitLinearTyped;
  }
  return kind === 'mlp'
    ? (await import('../ml/mlp/fit')).fitMlp
    : (await import('../ml/linear/fit')).fitLinear;
}

/**
 * Trains the requested learner with the options resolved (defaults filled in) and reports each epoch or
 * boosting round as progress. TF.js is loaded only for the linear model and the MLP, so the tree models
 * start without it. Rejects with the signal's reason when aborted.
 */
export async function fitModel(req: FitRequest): Promise<Fit> {
  const { kind, task, train, cols } = req;
  const validation = validationSet(req.validation, req.validationWeights);
  const classes = task === 'multiclass' ? { classes: req.classes } : {};
  let most = 0;
  const onEpoch = (epoch: number, trainLoss: number, validationLoss?: number, validationMetric?: number) => {
    const loss = validationLoss !== undefined ? { validationLoss } : {};
    const metric = validationMetric !== undefined ? { validationMetric } : {};
    req.onProgress?.({ type: 'epoch', epoch, epochs: most, trainLoss, ...loss, ...metric });
    return req.signal?.aborted || req.stop?.aborted ? false : undefined;
  };
  req.signal?.throwIfAborted();
  let start = performance.now();
  let fit: Omit<Fit, 'trainMs'>;
  if (req.fairness && kind !== 'logistic' && kind !== 'mlp')
    throw new RangeError('The fairness penalty needs a network (logistic or MLP)');
  if (kind === 'tree') {
    const options = treeSettings(req.options);
    const fitted = fitTree(train.X, train.rows, cols, train.y, {
      task,
      ...classes,
      ...options,
      seed: req.seed,
      ...(req.weights ? { weights: req.weights } : {}),
    });
    fit = { fitted, options, epochs: null, bestEpoch: null, stoppedBy: null };
  } else if (kind === 'boosted') {
    const options = boostingSettings(req.options, req.seed);
    most = options.nEstimators;
    const given = {
      task,
      ...classes,
      ...options,
      ...(validation ? { validation } : {}),
      ...(req.weights ? { weights: req.weights } : {}),
      onRound: onEpoch,
    };
    const fitted = await fitBoostingAsync(train.X, train.rows, cols, train.y, given);
    const epochs = fitted.trainLoss.length;
    const stoppedBy = epochs >= most ? 'epochs' : req.stop?.aborted ? 'user' : 'early-stopping';
    fit = { fitted, options, epochs, bestEpoch: fitted.rounds, stoppedBy };
  } else {
    const defaults = kind === 'mlp' ? MLP_DEFAULTS : LINEAR_DEFAULTS;
    const options = netSettings(kind, train.rows, req.options, req.seed, defaults);
    most = options.epochs;
    const given = {
      task,
      ...classes,
      ...options,
      ...(validation ? { validation } : {}),
      ...(req.weights ? { weights: req.weights } : {}),
      ...(req.fairness ? { fairness: req.fairness } : {}),
      onEpoch,
      ...(req.signal ? { signal: req.signal } : {}),
    };
    // Loading a module (TF.js is large) is not training: the clock starts once it is in.
    const fitNet = await netFitter(kind, req.engine);
    start = performance.now();
    const fitted = await fitNet(train.X, train.rows, cols, train.y, given);
    const { history } = fitted;
    const stoppedBy = history.stop === 'callback' ? 'user' : history.stop;
    fit = { fitted, options, epochs: history.epochs, bestEpoch: history.bestEpoch, stoppedBy };
  }
  const trainMs = performance.now() - start;
  req.signal?.throwIfAborted();
  return { ...fit, trainMs };
}

/**
 * Scores rows with a fitted model, in plain TypeScript: binary P(class 1), multiclass `rows × k`
 * probabilities row-major, regression the value.
 */
export function predictModel(model: FittedModel, X: Float32Array, rows: number): Float64Array {
  if (rows === 0) return new Float64Array(0);
  switch (model.kind) {
    case 'linear':
      return predictLinear(model, X, rows);
    case 'mlp':
      return predictMlp(model, X, rows);
    case 'tree':
      return predictTree(model, X, rows);
    case 'boosting':
      return predictBoosting(model, X, rows);
  }
}
