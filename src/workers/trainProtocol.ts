/**
 * The message protocol between the page and the training worker. The page sends the file (a Blob: posting
 * it copies no bytes) with the data step's settings and the training choices; the worker parses it, trains,
 * and answers with progress events and, at the end, the report and the learning curves — small plain data.
 */
import type { MitigationRequest } from '../pipeline/mitigation';
import type { Result } from '../core/result';
import type { DataSettings } from '../data/settings';
import type { SplitFractions } from '../features/split';
import type { BackendName, BackendReason } from '../ml/backend/choose';
import type { Backend, ModelKind, ModelOptions, PipelineProgress, PipelineResult } from '../pipeline/types';
import type { Report } from '../report/report';
import type { Explanation } from '../explain/run';

/**
 * 'auto' picks by measured speed (`chooseBackend`, then the typed-array loop instead of TF.js WASM or CPU); a
 * TF.js backend's name forces it (falling back if it fails); 'typescript' forces the typed-array loop.
 */
export type BackendPreference = 'auto' | BackendName | 'typescript';
export const BACKEND_PREFERENCES: readonly BackendPreference[] = [
  'auto',
  'webgpu',
  'webgl',
  'typescript',
  'wasm',
  'cpu',
];

/** What the user chose in the Train step; saved with the session so a reload brings it back. */
export interface TrainChoices {
  model: ModelKind;
  backend: BackendPreference;
  /** Per model, only the options the user set; the learners' defaults fill in the rest. */
  modelOptions: Partial<Record<ModelKind, ModelOptions>>;
  seed: number;
  fractions: SplitFractions;
  /** Use the sample's official test file (Adult) or an uploaded one instead of the test share of the split. */
  useTestFile: boolean;
}

/**
 * Diagnostic switches (URL `?simulate=…`) that make a backend fail on purpose, so the fallback a real failure
 * triggers can be seen and tested: WebGPU refusing to start, or its device lost after the first epoch.
 */
export type Simulation = 'webgpu-init-fail' | 'device-lost';

/** A file the worker reads: the Blob and a key that changes whenever the bytes or the parse options do. */
export interface TrainFile {
  blob: Blob;
  name: string;
  key: string;
}

export interface TrainRequestMessage {
  type: 'train';
  id: number;
  file: TrainFile;
  testFile?: TrainFile;
  settings: DataSettings;
  choices: TrainChoices;
  /** A remedy for unfairness to train with (issue 5); absent for a plain run. */
  mitigation?: MitigationRequest;
  simulate?: Simulation;
}

export type TrainWorkerRequest =
  | TrainRequestMessage
  /** End training after the current epoch and evaluate the best model so far. (Cancel ends the worker.) */
  | { type: 'stop'; id: number };

/** How the backend was settled: the pick (or 'typescript' for the tree models) and what was passed over. */
export interface BackendDecision {
  backend: Backend;
  /** Why: `chooseBackend`'s reason, or 'plain-typescript' for the tree models (no TF.js). */
  reason: BackendReason | 'plain-typescript';
  skipped: { backend: BackendName; reason: string }[];
  /** The GPU's adapter or renderer string, when training runs on a GPU backend. */
  description?: string;
}

/** A backend that failed during training, and where the run went on. */
export interface BackendFallback {
  from: BackendName;
  to: BackendName | 'typescript';
  error: string;
  /** Epochs finished on `from` before it failed (the run restarts from the first epoch on `to`). */
  afterEpoch: number;
}

export type TrainEvent =
  | { type: 'reading' }
  | { type: 'backend'; decision: BackendDecision }
  | { type: 'fallback'; fallback: BackendFallback }
  | PipelineProgress
  /** After training: permutation importance, `done` columns of `total` shuffled. */
  | { type: 'explaining'; done: number; total: number };

/** The learning curves: one entry per epoch (boosting round). */
export interface TrainHistory {
  trainLoss: number[];
  validationLoss: number[];
  /** Validation accuracy (classification) or R² (regression) per epoch; empty for the tree models. */
  validationMetric: number[];
}

/** What a finished run sends back: the downloadable report, the curves, how the backend was settled. */
export interface TrainOutcome {
  report: Report;
  history: TrainHistory;
  decision: BackendDecision;
  fallbacks: BackendFallback[];
  /** The class the baseline always predicts (the training rows' most frequent); null for regression. */
  majorityClass: string | null;
  /** Things to tell the user about the data, e.g. test rows with a label training never saw. */
  notes: PipelineResult['notes'];
  /**
   * What the results page explains the model with (scores, model, importance…). Absent in runs saved by an
   * earlier version: the page then shows the report's figures only.
   */
  explanation?: Explanation;
}

export type TrainWorkerResponse =
  | { type: 'progress'; id: number; event: TrainEvent }
  | { type: 'trained'; id: number; result: Result<TrainOutcome> };
