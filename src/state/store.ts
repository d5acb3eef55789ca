/**
 * The app store: serialisable choices, status and summaries only. Tables stay in the worker; the file being
 * worked on is held by the controller, never in React state.
 */
import { useRef, useSyncExternalStore } from 'react';
import type { AppError } from '../core/result';
import type { ModelFile } from '../pipeline/modelFile';
import type { ModelCardFields } from '../report/cardContent';
import { DEFAULT_SETTINGS, type DataSettings } from '../data/settings';
import type { ParseProgress } from '../data/types';
import type { Analysis, LoadedSummary } from '../workers/protocol';
import type { TrainChoices } from '../workers/trainProtocol';
import { DEFAULT_TRAIN_CHOICES, type TrainingRun } from './training';

/** The end of a sequence of remedies ("Try all remedies", or one remedy after its baseline). */
export interface RemediesSummary {
  finished: number;
  total: number;
  /** `method` 'baseline' for the plain run trained first. */
  failed: { method: string; error: AppError }[];
  /** Why it stopped before the end: Cancel, or the data settings changed while it ran. */
  stopped: 'cancelled' | 'settings-changed' | null;
}

export interface AppState {
  /** 'restoring' while the saved session is read back on start-up. */
  phase: 'restoring' | 'ready';
  dataset: { name: string; sampleId?: string; bytes: number; summary: LoadedSummary } | null;
  settings: DataSettings;
  analysis: Analysis | null;
  /** True while the worker recomputes the analysis after a change (the shown one is then out of date). */
  analysing: boolean;
  loading: { name: string; bytes: number; progress: ParseProgress | null } | null;
  /** The last failure, shown as an alert until dismissed or replaced; `subject` names the file concerned. */
  error: { error: AppError; subject?: string } | null;
  /** A calm status line, such as "Loading was cancelled". */
  notice: AppError | null;
  /** The Train step's choices (model, backend, advanced options), saved with the session. */
  trainChoices: TrainChoices;
  /**
   * The run the Train step and the results show: the latest one (in progress, finished, failed or
   * interrupted by a reload), or the finished run the user chose in the comparison.
   */
  training: TrainingRun | null;
  /** Every finished run on this data (plain and with remedies), oldest first: the comparison. */
  runs: TrainingRun[];
  /** The run the user keeps: exported by "Download report of the chosen run". Null until one is chosen. */
  chosenRunId: string | null;
  /** The finished run the results showed last: kept in view while a remedy trains (see `shownRun`). */
  shownRunId: string | null;
  /** Remedies being tried in sequence: the run being trained (1-based) of how many, and its method. */
  remedies: { index: number; total: number; method: string } | null;
  /** How the last sequence of remedies ended: runs finished of all, the failures, and why it stopped early. */
  remediesEnded: RemediesSummary | null;
  /** A test file the user uploaded for the Train step (its name and rows are known once trained). */
  /** `id` is unique per upload (kept across reloads): it tells results trained on another file apart. */
  testFile: { name: string; bytes: number; id: string } | null;
  /** Advanced training settings typed in but not valid: training waits until they are fixed. */
  invalidTrainFields: string[];
  /** What the user wrote for the report's model card (intended use, people affected, limitations). */
  cardFields: ModelCardFields;
  /** A model file opened with "Open project" to score new files (not part of the saved session). */
  openedModel: { name: string; model: ModelFile } | null;
}

export const initialState: AppState = {
  phase: 'restoring',
  dataset: null,
  settings: DEFAULT_SETTINGS,
  analysis: null,
  analysing: false,
  loading: null,
  error: null,
  notice: null,
  trainChoices: DEFAULT_TRAIN_CHOICES,
  training: null,
  runs: [],
  chosenRunId: null,
  shownRunId: null,
  remedies: null,
  remediesEnded: null,
  testFile: null,
  invalidTrainFields: [],
  cardFields: { intendedUse: '', peopleAffected: '', limitations: '' },
  openedModel: null,
};

export interface Store {
  get(): AppState;
  set(patch: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore(initial: AppState = initialState): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Subscribe to a slice of the state. The slice is computed once per state snapshot, so a selector may build
 * a new array or object (`s.analysis?.profiles.map(...)`) without making React re-render in a loop.
 */
export function useStore<T>(store: Store, select: (s: AppState) => T): T {
  const cache = useRef<{ state: AppState; value: T } | null>(null);
  const snapshot = () => {
    const state = store.get();
    if (cache.current?.state !== state) cache.current = { state, value: select(state) };
    return cache.current.value;
  };
  return useSyncExternalStore(store.subscribe, snapshot);
}
