/**
 * The Train step's state: the user's choices (saved with the session) and the run in progress or finished.
 * Pure reducers over plain data, so the progress, ETA and restore rules are unit-tested without a worker.
 */
import type { AppError } from '../core/result';
import { DEFAULT_FRACTIONS } from '../features/split';
import type { MitigationRequest } from '../pipeline/mitigation';
import type { ModelKind } from '../pipeline/types';
import type {
  BackendDecision,
  BackendFallback,
  TrainChoices,
  TrainEvent,
  TrainHistory,
  TrainOutcome,
} from '../workers/trainProtocol';

export const DEFAULT_TRAIN_CHOICES: TrainChoices = {
  model: 'logistic',
  backend: 'auto',
  modelOptions: {},
  seed: 42,
  fractions: { ...DEFAULT_FRACTIONS },
  useTestFile: true,
};

export type RunStatus = 'running' | 'stopping' | 'done' | 'failed' | 'cancelled' | 'interrupted';
export type RunStage = 'reading' | 'prepare' | 'preprocess' | 'train' | 'evaluate' | 'explain';

export interface TrainingRun {
  /** Unique in the session: names the run in the comparison and as the chosen one. */
  id: string;
  status: RunStatus;
  /** The remedy for unfairness the run was trained with (issue 5); absent for a plain run. */
  mitigation?: MitigationRequest;
  /** A remedy's baseline: the plain run it is compared with (same data, settings, split and seed). */
  baselineId?: string;
  model: ModelKind;
  /** The target is a number: losses are shown as errors in its units. */
  regression?: boolean;
  stage: RunStage;
  /** Epochs (rounds) finished, and the most the run may take. */
  epoch: number;
  epochs: number;
  /** Binary results: the decision threshold the user set for the finished run (default ½). */
  threshold?: number;
  /** Stage 'explain': input columns whose importance is measured, of their total. */
  explained?: { done: number; total: number };
  /** `Date.now()` when the run started and when its first and latest epochs ended (for the ETA). */
  startedAt: number;
  firstEpochAt: number | null;
  lastEpochAt: number | null;
  history: TrainHistory;
  decision: BackendDecision | null;
  fallbacks: BackendFallback[];
  outcome: TrainOutcome | null;
  error: AppError | null;
  /** The data settings and choices the run was started with (JSON), to tell when the page moved on. */
  basis: string;
}

let runsStarted = 0;

export function startRun(
  model: ModelKind,
  basis: string,
  now: number,
  regression = false,
  remedy?: { mitigation: MitigationRequest; baselineId: string | null },
): TrainingRun {
  return {
    id: `${now.toString(36)}-${++runsStarted}`,
    ...(remedy ? { mitigation: remedy.mitigation } : {}),
    ...(remedy?.baselineId ? { baselineId: remedy.baselineId } : {}),
    status: 'running',
    model,
    regression,
    stage: 'reading',
    epoch: 0,
    epochs: 0,
    startedAt: now,
    firstEpochAt: null,
    lastEpochAt: null,
    history: { trainLoss: [], validationLoss: [], validationMetric: [] },
    decision: null,
    fallbacks: [],
    outcome: null,
    error: null,
    basis,
  };
}

/** The run after a progress event from the worker. */
export function applyEvent(run: TrainingRun, event: TrainEvent, now: number): TrainingRun {
  switch (event.type) {
    case 'reading':
      return { ...run, stage: 'reading' };
    case 'backend':
      return { ...run, decision: event.decision };
    case 'fallback':
      // The run starts again on the next backend: its curves and clock start again too.
      return {
        ...run,
        fallbacks: [...run.fallbacks, event.fallback],
        history: { trainLoss: [], validationLoss: [], validationMetric: [] },
        epoch: 0,
        firstEpochAt: null,
        lastEpochAt: null,
      };
    case 'stage':
      return { ...run, stage: event.stage };
    case 'explaining':
      return { ...run, stage: 'explain', explained: { done: event.done, total: event.total } };
    case 'epoch': {
      const history = {
        trainLoss: [...run.history.trainLoss, event.trainLoss],
        validationLoss:
          event.validationLoss === undefined
            ? run.history.validationLoss
            : [...run.history.validationLoss, event.validationLoss],
        validationMetric:
          event.validationMetric === undefined
            ? run.history.validationMetric
            : [...run.history.validationMetric, event.validationMetric],
      };
      return {
        ...run,
        stage: 'train',
        epoch: event.epoch,
        epochs: event.epochs,
        history,
        firstEpochAt: run.firstEpochAt ?? now,
        lastEpochAt: now,
      };
    }
  }
}

/**
 * Seconds left at most, from the mean time of the epochs after the first (the first one also loads TF.js and
 * compiles GPU kernels, so it is not typical): (epochs − epoch) × mean. An upper bound: early stopping can end
 * sooner. Null until two epochs have finished.
 */
export function secondsLeft(run: TrainingRun): number | null {
  if (run.firstEpochAt === null || run.lastEpochAt === null || run.epoch < 2 || run.epochs <= 0) return null;
  const perEpoch = (run.lastEpochAt - run.firstEpochAt) / (run.epoch - 1);
  return Math.max(0, ((run.epochs - run.epoch) * perEpoch) / 1000);
}

/**
 * The key of the test file a run uses (it changes whenever the file or the reading options do), or null when
 * the test rows come from the split. The controller sends it to the worker; the page compares it to tell
 * when a shown result was trained on another test file.
 */
export function testFileKey(
  file: { uploaded: { id: string } | null; sampleFile: string | null },
  parse: string,
): string | null {
  if (file.uploaded) return `test:${file.uploaded.id}:${parse}`;
  return file.sampleFile ? `sample-test:${file.sampleFile}:${parse}` : null;
}

/** The JSON a run was started from: settings, choices and test file. A result whose basis differs is stale. */
export const runBasis = (settings: unknown, choices: unknown, testKey: string | null) =>
  JSON.stringify({ settings, choices, test: testKey });

/** Whether a run is still going (the page shows Stop and Cancel). */
export const isActive = (run: TrainingRun | null): boolean =>
  run !== null && (run.status === 'running' || run.status === 'stopping');

/**
 * What a reload finds in storage: a run that was going when the page went away is marked interrupted (its
 * model is gone with the worker), a finished one comes back as it was.
 */
export function restoredRun(saved: TrainingRun | null): TrainingRun | null {
  if (!saved || typeof saved !== 'object' || !saved.history) return null;
  // Runs saved before runs were compared had no id.
  saved = { ...saved, id: saved.id ?? String(saved.startedAt) };
  // Runs saved before the validation-metric curve existed have none.
  const history = { ...saved.history, validationMetric: saved.history.validationMetric ?? [] };
  const outcome = saved.outcome && {
    ...saved.outcome,
    history: { ...saved.outcome.history, validationMetric: saved.outcome.history.validationMetric ?? [] },
  };
  if (isActive(saved)) return { ...saved, history, status: 'interrupted', outcome: null };
  return { ...saved, history, outcome };
}

/** Stored choices with anything missing (from an older version of the app) set to the defaults. */
export function restoredChoices(saved: Partial<TrainChoices> | null | undefined): TrainChoices {
  return {
    ...DEFAULT_TRAIN_CHOICES,
    ...saved,
    modelOptions: saved?.modelOptions ?? {},
    fractions: saved?.fractions ?? DEFAULT_TRAIN_CHOICES.fractions,
  };
}

/**
 * The plain run a remedy is compared with: the latest finished run without a remedy trained on the same
 * basis (data, settings, choices, test file), or null when there is none.
 */
export function baselineFor(runs: readonly TrainingRun[], basis: string): TrainingRun | null {
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (!run.mitigation && run.status === 'done' && run.outcome && run.basis === basis) return run;
  }
  return null;
}

/**
 * What runs must share to be compared: the data settings, the test file and the split (seed, shares, test
 * file or not), so every run is measured on the same test rows. The model and its options may differ.
 */
function dataOf(basis: string): string {
  try {
    const { settings, test, choices } = JSON.parse(basis) as {
      settings?: unknown;
      test?: unknown;
      choices?: Partial<TrainChoices>;
    };
    const split = { seed: choices?.seed, fractions: choices?.fractions, useTestFile: choices?.useTestFile };
    return JSON.stringify({ settings, test, split });
  } catch {
    return basis;
  }
}

/** The most finished runs kept (each holds its explanation, ~0.6 MB on Adult); the oldest go first. */
export const MAX_RUNS = 24;

/**
 * The finished runs with a new one added (or put in place of an older copy of itself). Runs on other data
 * or another split (another target, other cleaning, another test file or seed) are dropped: their figures
 * are not comparable. Runs with another model stay, so models can be compared too. Beyond `MAX_RUNS`, the
 * oldest runs go, except `keep` (the chosen run) and its baseline.
 */
export function withRun(runs: readonly TrainingRun[], run: TrainingRun, keep?: string | null): TrainingRun[] {
  // The chosen run, and the baseline it is exported beside.
  const kept = new Set([keep, runs.find((r) => r.id === keep)?.baselineId].filter(Boolean));
  const data = dataOf(run.basis);
  const same = runs.filter((r) => dataOf(r.basis) === data);
  const at = same.findIndex((r) => r.id === run.id);
  const all = at < 0 ? [...same, run] : same.map((r, i) => (i === at ? run : r));
  let excess = all.length - MAX_RUNS;
  return all.filter((r) => !(excess > 0 && !kept.has(r.id) && r.id !== run.id && excess-- > 0));
}

/**
 * The finished run the results show: the run trained last, or — while a remedy trains, or after one failed
 * or was cancelled — the run shown before it (`shownRunId`), so the page does not empty between remedies.
 */
export function shownRun(s: {
  training: TrainingRun | null;
  runs: readonly TrainingRun[];
  shownRunId: string | null;
  chosenRunId?: string | null;
}): TrainingRun | null {
  const { training } = s;
  if (!training?.mitigation || training.status === 'done') return training;
  const find = (id: string | null | undefined) => s.runs.find((r) => r.id === id);
  return find(s.shownRunId) ?? find(s.chosenRunId) ?? s.runs.at(-1) ?? training;
}
