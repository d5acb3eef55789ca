/**
 * The shapes of a training run: what goes into `runPipeline` (train.ts) and what comes out. Plain data and
 * typed arrays only, so a result can be posted from a worker and a report built from it anywhere.
 */
import type { StepFit } from '../data/clean';
import type { BinaryConfusion } from '../metrics/classification';
import type { DataSettings, TaskKind } from '../data/settings';
import type { ColumnKind, Table } from '../data/types';
import type { ProxyScore } from '../fairness/proxies';
import type { Mitigation, MitigationRequest } from './mitigation';
import type { Preprocessor } from '../features/preprocess';
import type { SplitFractions } from '../features/split';
import type { LinearModel } from '../ml/linear/model';
import type { MlpModel } from '../ml/mlp/model';
import type { BoostingModel } from '../ml/tree/boosting';
import type { TreeModel } from '../ml/tree/cart';

/** The four learners: 'logistic' is linear (ridge) regression when the target is a number. */
export type ModelKind = 'logistic' | 'mlp' | 'tree' | 'boosted';
/** Every model kind, in the order the app and the CLI list them. */
export const MODEL_KINDS: readonly ModelKind[] = ['logistic', 'mlp', 'tree', 'boosted'];

/** Where a model was trained: a TF.js backend, or plain TypeScript for the tree models. */
export type Backend = 'cpu' | 'wasm' | 'webgl' | 'webgpu' | 'typescript';
/**
 * Why training ended: every epoch (round) ran, early stopping on the validation loss, or the user pressed
 * Stop; null for a single tree, which has no epochs.
 */
export type StopReason = 'epochs' | 'early-stopping' | 'user' | null;

/**
 * Settings of the learners; each uses only its own and ignores the rest. Anything left out takes the
 * module's default (see `LINEAR_DEFAULTS`, `MLP_DEFAULTS`, `TreeOptions`, `BoostingOptions`).
 */
export interface ModelOptions {
  /** logistic, mlp: most passes over the training rows. */
  epochs?: number;
  /** logistic, mlp: Adam's step size; boosted: the shrinkage of every tree. */
  learningRate?: number;
  /** logistic, mlp: L2 penalty on the weights. */
  l2?: number;
  /** logistic, mlp: rows per Adam step. */
  batchSize?: number;
  /** logistic, mlp: epochs without a lower validation loss before stopping. */
  patience?: number;
  /** mlp: units per hidden layer. */
  hidden?: number[];
  /** mlp: share of hidden units dropped in each training step. */
  dropout?: number;
  /** tree, boosted: depth of a tree. */
  maxDepth?: number;
  /** tree, boosted: fewest training rows per leaf. */
  minSamplesLeaf?: number;
  /** boosted: boosting rounds. */
  nEstimators?: number;
  /** boosted: share of rows each round learns from. */
  subsample?: number;
  /** boosted: L2 penalty on leaf values. */
  lambda?: number;
  /** boosted: stop after this many rounds without a lower validation loss (default: run every round). */
  earlyStoppingRounds?: number;
}

/** The options a model was actually trained with, defaults filled in: plain JSON for the report. */
export type ResolvedOptions = Record<string, number | number[]>;

/** A table and the kind of each of its columns, as `parseCsv` returns them (before renames and cleaning). */
export interface TableInput {
  table: Table;
  kinds: ColumnKind[];
}

/** A step of the run, or an epoch (a boosting round for 'boosted') finished. */
export type PipelineProgress =
  | { type: 'stage'; stage: 'prepare' | 'preprocess' | 'train' | 'evaluate' }
  | {
      type: 'epoch';
      epoch: number;
      /** The most epochs (rounds) the run may take; early stopping can end it sooner. */
      epochs: number;
      trainLoss: number;
      validationLoss?: number;
      /** Validation accuracy (classification) or R² (regression) of the networks; boosting has none. */
      validationMetric?: number;
    };

/** Everything a training run needs: the table as parsed, the data step's settings and the model to train. */
export interface PipelineInput extends TableInput {
  settings: DataSettings;
  /**
   * A separate test file (same columns, the same renames and cleaning applied). The main table then gives
   * only the training and validation rows, split 85 / 15.
   */
  testTable?: TableInput;
  model: ModelKind;
  /** Seeds the split and every random step of the learner. */
  seed: number;
  /** Shares of train / validation / test when there is no test file (default 70 / 15 / 15). */
  fractions?: SplitFractions;
  options?: ModelOptions;
  /**
   * Where the linear model and the MLP train: the TF.js backend the caller has set (default 'cpu', the one
   * TF.js always has), or 'typescript' for the typed-array loop without TF.js. Trees ignore it.
   */
  backend?: Backend;
  onProgress?: (event: PipelineProgress) => void;
  /** Aborting ends the run with the error 'cancelled'. */
  signal?: AbortSignal;
  /** Aborting ends training after the current epoch (round) and evaluates the best model so far (Stop). */
  stop?: AbortSignal;
  /** A remedy for a disparity the audit found (src/pipeline/mitigation.ts); absent for a plain run. */
  mitigation?: MitigationRequest;
}

/** Binary classification figures on the test rows; NaN where a figure is not defined. */
export interface BinaryMetrics {
  accuracy: number;
  /** Accuracy of always predicting the class most frequent in the training rows. */
  baselineAccuracy: number;
  balancedAccuracy: number;
  precision: number;
  recall: number;
  specificity: number;
  f1: number;
  rocAuc: number;
  logLoss: number;
  /** `[[tn, fp], [fn, tp]]`. */
  confusion: BinaryConfusion;
}

/** Multiclass figures on the test rows; classes in the order of `PipelineResult.classes`. */
export interface MulticlassMetrics {
  accuracy: number;
  baselineAccuracy: number;
  macroPrecision: number;
  macroRecall: number;
  macroF1: number;
  /** `confusion[true][predicted]`. */
  confusion: number[][];
}

/** Regression figures on the test rows, in the target's units. */
export interface RegressionMetrics {
  mae: number;
  rmse: number;
  r2: number;
  /** RMSE of always predicting the mean of the training rows. */
  baselineRmse: number;
}

/** The test-set figures of the run's task. */
export type PipelineMetrics = BinaryMetrics | MulticlassMetrics | RegressionMetrics;

/** A fitted model, plain JSON. */
export type FittedModel = LinearModel | MlpModel | TreeModel | BoostingModel;

/** Something the caller should tell the user; never an error. */
export type PipelineNote =
  /** Test-file rows whose target value never occurs in the training file were left out. */
  | { code: 'unseen-test-labels'; rows: number }
  /** A sensitive attribute the test file lacks: it cannot be audited on the test rows. */
  | { code: 'sensitive-missing-in-test'; column: string };

/**
 * Everything a report needs, and what later steps (fairness audit, explanations, scoring new rows) build on:
 * the fitted preprocessor and model as plain JSON, and the test rows' predictions and sensitive groups.
 */
export interface PipelineResult {
  task: TaskKind;
  target: string;
  /** Binary only: the class predicted as 1. */
  positiveClass: string | null;
  /** Binary: [negative, positive]; multiclass: the label of each class index; regression: []. */
  classes: string[];
  /** The class most frequent in the training rows, which the baseline always predicts; null for regression. */
  majorityClass: string | null;
  /** Sensitive attributes found in the table (left out of the inputs unless the settings say otherwise). */
  sensitive: string[];
  /** The main table after cleaning. */
  dataset: { rows: number; columns: number };
  /** Rows of the test file after cleaning, or null without one. */
  testFileRows: number | null;
  /** Row indices into the cleaned main table; `test` indexes the test file's table when there is one. */
  split: { train: Uint32Array; validation: Uint32Array; test: Uint32Array; seed: number };
  /** The input columns the preprocessor was fitted on, and the preprocessor (fitted on training rows only). */
  inputs: string[];
  preprocessor: Preprocessor;
  /**
   * What each cleaning step computed on the main table (medians, modes, bin edges), in the order of the
   * settings' steps: how a test file, or a new file to score, is cleaned exactly like the training file.
   */
  cleaningFits: (StepFit | null)[];
  model: {
    kind: ModelKind;
    backend: Backend;
    options: ResolvedOptions;
    /** Wall-clock time of the fit alone, in milliseconds. */
    trainMs: number;
    /** Epochs (boosting rounds) trained; null for a single tree. */
    epochs: number | null;
    /** The epoch (round) whose model was kept, the best on the validation rows; null for a single tree. */
    bestEpoch: number | null;
    /** Why training ended: all epochs ran, early stopping, or Stop; null for a single tree. */
    stoppedBy: StopReason;
    fitted: FittedModel;
  };
  metrics: PipelineMetrics;
  /** One entry per test row, in the order of `split.test`. */
  predictions: {
    /** Target as encoded (0/1, class index or value). */
    y: Float64Array;
    /** Binary: P(positive); multiclass: rows × k probabilities, row-major; regression: the value. */
    score: Float64Array;
    /**
     * Binary: 0/1 at threshold ½ — or, with the group-thresholds remedy, each group's own randomised decision
     * (then not a function of `score`); multiclass: arg-max class index; regression: the value.
     */
    predicted: Float64Array;
  };
  /** The remedy the run was trained with, settings resolved; null for a plain run. */
  mitigation: Mitigation | null;
  /** Group codes of each sensitive attribute on the test rows (-1: missing), for audits. */
  testGroups: { column: string; labels: string[]; codes: Int32Array }[];
  /**
   * How well each input column alone predicts each sensitive attribute (the proxy finder), ranked per
   * attribute; empty without sensitive attributes or held-out rows of the main table.
   */
  proxies: ProxyScore[];
  /**
   * The cleaned tables the rows index: `main` (train, validation) and `test` (the test file, or `main`
   * again). For explanations in the same process; large, so never posted or saved as they are.
   */
  tables: { main: Table; test: Table };
  notes: PipelineNote[];
}
