/**
 * The settings every TF.js-trained learner (logistic / linear regression, MLP) takes, their defaults, and the
 * training history it returns. Plain types: no TF.js import, so JSON models and their readers stay TF-free.
 */
import type { ValidationSet } from '../tree/boosting';
import type { TreeTask } from '../tree/inputs';

export type { ValidationSet } from '../tree/boosting';

/** binary → P(class 1); multiclass → one probability per class; regression → a number (as the tree models). */
export type NetTask = TreeTask;

/**
 * Called after every epoch (1-based) with the epoch's training loss, and the validation loss and metric when
 * a validation set was given. Return `false` to stop: the model keeps the best weights so far.
 */
export type EpochCallback = (
  epoch: number,
  trainLoss: number,
  validationLoss?: number,
  validationMetric?: number,
) => boolean | void;

/** Which gap in mean predicted score between groups the fairness penalty closes. */
export type FairnessTarget = 'demographic-parity' | 'equal-opportunity' | 'equalized-odds';

/**
 * An in-processing fairness penalty (binary task only), added to each mini-batch's objective: with
 * p_i = σ(z_i), the mean score of group g over a set of rows R is m_g(R) = Σ_{i∈R, g_i=g} p_i / n_g(R), and
 * the gap G(R) = (1/P) Σ_{g<h} (m_g − m_h)² over the P pairs of groups present in R (0 with fewer than two);
 * for two groups G = (m_1 − m_2)². Per batch B the penalty is λ·G(B) (demographic parity), λ·G(B ∩ {y=1})
 * (equal opportunity: the smooth surrogate of the true-positive-rate gap) or λ·[G(B ∩ {y=1}) + G(B ∩ {y=0})]
 * (equalized odds: true- and false-positive rates). The means are unweighted (sample weights do not enter),
 * and the losses reported (training, validation, early stopping) stay the data loss alone.
 */
export interface FairnessPenalty {
  /** Group code 0 … groupCount − 1 of each training row (same order as X / y); -1: no group (takes no part). */
  groups: Int32Array;
  groupCount: number;
  /** λ ≥ 0: weight of the penalty against the data loss. */
  lambda: number;
  target: FairnessTarget;
}

/** Settings shared by `fitLinear` and `fitMlp`; each learner documents its own defaults. */
export interface NetOptions {
  task: NetTask;
  /** Number of classes for multiclass (default: largest label + 1). */
  classes?: number;
  /** Most passes over the training rows. */
  epochs?: number;
  /** Rows per Adam step (default min(512, max(32, ⌈rows / 10⌉)): small tables still get ~10 steps an epoch). */
  batchSize?: number;
  /** Adam's step size α (Kingma & Ba 2015). */
  learningRate?: number;
  /** L2 penalty λ on the weights (not the biases); see each learner for the exact objective. */
  l2?: number;
  /** Per-row sample weights s_i ≥ 0 (default 1): a row of weight 2 counts as two copies of it. */
  weights?: Float64Array;
  /** Seed of the initial weights, the row shuffle and dropout (default 0). */
  seed?: number;
  /** Held-out rows scored after every epoch: the learning curve, early stopping and the best epoch. */
  validation?: ValidationSet;
  /** With a validation set: stop after this many epochs without a lower validation loss (default 5). */
  patience?: number;
  onEpoch?: EpochCallback;
  /** Aborting rejects the fit with the signal's reason, after every tensor is freed. */
  signal?: AbortSignal;
  /** Fairness penalty on the training rows (binary only); absent or λ = 0 trains exactly as without it. */
  fairness?: FairnessPenalty;
}

/** Why training ended: all epochs ran, the validation loss stopped improving, or `onEpoch` returned false. */
export type StopReason = 'epochs' | 'early-stopping' | 'callback';

/**
 * What happened during training, plain JSON. Losses are weighted means: log loss (binary), cross-entropy
 * (multiclass) or squared error (regression, in the target's units). The training loss of an epoch is the
 * mean of its mini-batch losses, taken while the weights moved (and with dropout on, for the MLP); the
 * validation loss is measured after the epoch. The validation metric is the weighted accuracy
 * (classification) or R² = 1 − Σw(y − ŷ)² / Σw(y − ȳ)² (regression): higher is better for both.
 */
export interface TrainingHistory {
  /** Epochs trained. */
  epochs: number;
  /** The epoch whose weights the model holds: lowest validation loss, or the last one without validation. */
  bestEpoch: number;
  stop: StopReason;
  trainLoss: number[];
  validationLoss?: number[];
  validationMetric?: number[];
}

/** The numeric settings after defaults, as the training loop uses them. */
export interface Settings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  l2: number;
  patience: number;
  seed: number;
}

/** Defaults a learner sets for itself. */
export type LearnerDefaults = Pick<Settings, 'epochs' | 'learningRate' | 'l2'>;

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** Fills in the defaults and throws a RangeError for a setting out of range (a caller's bug, not the user's). */
export function resolveSettings(options: NetOptions, rows: number, defaults: LearnerDefaults): Settings {
  const learningRate = options.learningRate ?? defaults.learningRate;
  const l2 = options.l2 ?? defaults.l2;
  if (!(learningRate > 0) || !Number.isFinite(learningRate))
    throw new RangeError(`learningRate must be > 0, got ${learningRate}`);
  if (!(l2 >= 0) || !Number.isFinite(l2)) throw new RangeError(`l2 must be ≥ 0, got ${l2}`);
  return {
    epochs: positiveInteger('epochs', options.epochs ?? defaults.epochs),
    batchSize: positiveInteger(
      'batchSize',
      options.batchSize ?? Math.min(512, Math.max(32, Math.ceil(rows / 10))),
    ),
    learningRate,
    l2,
    patience: positiveInteger('patience', options.patience ?? 5),
    seed: options.seed ?? 0,
  };
}

const FAIRNESS_TARGETS: readonly FairnessTarget[] = [
  'demographic-parity',
  'equal-opportunity',
  'equalized-odds',
];

/**
 * Checks `options.fairness` against the `rows` training rows and returns it when it is active (λ > 0), else
 * null: λ = 0 or no penalty leaves training untouched. Throws a RangeError for a malformed penalty, or for
 * λ > 0 on a task other than binary (the gap is between mean probabilities of class 1).
 */
export function resolveFairness(options: NetOptions, rows: number): FairnessPenalty | null {
  const f = options.fairness;
  if (!f) return null;
  const { groups, groupCount, lambda, target } = f;
  if (!(lambda >= 0) || !Number.isFinite(lambda))
    throw new RangeError(`fairness.lambda must be ≥ 0, got ${lambda}`);
  positiveInteger('fairness.groupCount', groupCount);
  if (!FAIRNESS_TARGETS.includes(target)) throw new RangeError(`unknown fairness target ${String(target)}`);
  if (groups.length !== rows)
    throw new RangeError(`fairness.groups has ${groups.length} codes for ${rows} rows`);
  for (const g of groups)
    if (g < -1 || g >= groupCount)
      throw new RangeError(`fairness group code ${g} outside −1 … ${groupCount - 1}`);
  if (lambda === 0) return null;
  if (options.task !== 'binary')
    throw new RangeError(`the fairness penalty needs a binary task, got ${options.task}`);
  return f;
}
