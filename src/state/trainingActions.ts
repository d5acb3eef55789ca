/**
 * The Train step's actions, with their side effects: start a run in the training worker and follow it, Stop,
 * Cancel, the test file (uploaded, or the sample's official one), and the training part of saving and
 * restoring the session. The controller (controller.ts) owns the data file and hands it over.
 */
import type { AppError } from '../core/result';
import type { TrainClient } from '../workers/trainClient';
import type { Simulation, TrainChoices, TrainFile } from '../workers/trainProtocol';
import { MITIGATION_METHODS, type MitigationMethod, type MitigationRequest } from '../pipeline/mitigation';
import { saveRuns, saveTestFile, saveTraining, type Session } from './persist';
import { fetchSampleFile, loadSamples } from './samples';
import { createRemedySequence } from './remedySequence';
import type { Store } from './store';
import {
  applyEvent,
  baselineFor,
  isActive,
  restoredChoices,
  restoredRun,
  runBasis,
  shownRun,
  startRun,
  testFileKey,
  withRun,
  type TrainingRun,
} from './training';

export interface TrainingDeps {
  store: Store;
  trainer: TrainClient;
  /** Runs a storage write, turning a failure into the app's "could not be saved" message. */
  persist(work: () => Promise<void>): Promise<void>;
  /** The data file being worked on; `version` changes whenever it is read again. */
  currentFile(): { blob: Blob; name: string; version: number } | null;
  simulate?: Simulation;
}

export interface TrainingActions {
  updateTrainChoices(change: (c: TrainChoices) => TrainChoices): void;
  /** Marks an advanced setting as (in)valid as typed; "Train model" waits while any is invalid. */
  setTrainFieldValid(field: string, valid: boolean): void;
  /**
   * Trains with the current settings and choices, and with a remedy for unfairness when one is given;
   * resolves when the run ends (any way).
   */
  train(mitigation?: MitigationRequest): Promise<void>;
  /**
   * "Try all remedies": a plain run first when there is none on the current basis (the baseline), then
   * every remedy with its defaults (the attribute, goal and λ given), one after another on the same split
   * and seed. The penalty is skipped for the tree models, which cannot take it. Cancel ends the sequence.
   */
  tryAllRemedies(settings: Omit<MitigationRequest, 'method'>): Promise<void>;
  /** One remedy, after a baseline when there is none on the current basis (as `tryAllRemedies`). */
  tryRemedy(settings: Omit<MitigationRequest, 'method'>, method: MitigationMethod): Promise<void>;
  /** Marks a finished run as the one the user keeps: the results show it and exports use it. */
  chooseRun(id: string): void;
  /** Ends training after the current epoch, keeping the best model so far. */
  stopTraining(): void;
  cancelTraining(): void;
  setTestFile(blob: Blob, name: string): Promise<void>;
  clearTestFile(): Promise<void>;
  /** The decision threshold of the finished run's results (binary): every figure follows it; saved with the run. */
  setThreshold(threshold: number): void;
}

export function createTrainingActions(deps: TrainingDeps) {
  const { store, trainer, persist } = deps;
  let testFile: { blob: Blob; name: string; id: string } | null = null;
  /** Numbers uploads so every test file gets its own id, never reused (see `testFileKey`). */
  let uploads = 0;
  let sampleTest: { blob: Blob; name: string } | null = null;
  /** Numbers the calls of `train`; moved on to abandon the one in flight (see `train`). */
  let runSeq = 0;

  /**
   * The sample's official test file (Adult), fetched once from the app's own origin; null when the data is not
   * a sample with one. Throws when the sample has one but it cannot be fetched.
   */
  async function sampleTestFile(): Promise<{ blob: Blob; name: string } | null> {
    const sampleId = store.get().dataset?.sampleId;
    if (!sampleId) return null;
    if (sampleTest) return sampleTest;
    const file = (await loadSamples()).find((sample) => sample.id === sampleId)?.testFile;
    if (!file) return null;
    sampleTest = { blob: await fetchSampleFile(file), name: file };
    return sampleTest;
  }

  /** The test file training should use: an uploaded one, else the sample's own, when the user wants one. */
  async function chosenTestFile(parse: string): Promise<TrainFile | undefined> {
    if (!store.get().trainChoices.useTestFile) return undefined;
    if (testFile)
      return {
        blob: testFile.blob,
        name: testFile.name,
        key: testFileKey({ uploaded: testFile, sampleFile: null }, parse) as string,
      };
    const sample = await sampleTestFile();
    return sample
      ? { ...sample, key: testFileKey({ uploaded: null, sampleFile: sample.name }, parse) as string }
      : undefined;
  }

  const saveRun = () => persist(() => saveTraining(store.get().trainChoices, store.get().training));
  const saveAllRuns = () => persist(() => saveRuns(store.get().runs, store.get().chosenRunId));

  /** Changes the shown run, and its copy among the finished runs (the threshold, say). */
  function setRun(change: (run: TrainingRun) => TrainingRun) {
    store.set((s) => {
      if (!s.training) return {};
      const training = change(s.training);
      const runs = s.runs.some((r) => r.id === training.id)
        ? s.runs.map((r) => (r.id === training.id ? training : r))
        : s.runs;
      return { training, runs };
    });
  }

  /**
   * Trains with the current file, settings and choices. Each call gets its own number: loading another file,
   * "Start over" and Cancel move `runSeq` on, so a call that was overtaken while it waited (for the test
   * file, for storage, for the worker) changes nothing any more.
   */
  async function train(mitigation?: MitigationRequest): Promise<void> {
    const state = store.get();
    const file = deps.currentFile();
    if (!file || isActive(state.training)) return;
    const id = ++runSeq;
    const mine = () => runSeq === id;
    const { settings, trainChoices: choices } = state;
    const parse = JSON.stringify(settings.parse);
    const mainKey = `main:${file.version}:${parse}`;
    // Shown at once, so the button is disabled while the test file is fetched.
    const regression = state.analysis?.target?.task === 'regression';
    // A remedy is compared with the plain run on the same basis; the basis is known once the test file is.
    store.set({
      training: startRun(
        choices.model,
        '',
        Date.now(),
        regression,
        mitigation ? { mitigation, baselineId: null } : undefined,
      ),
    });
    const fail = (error: AppError) => setRun((run) => ({ ...run, status: 'failed', error }));
    try {
      let test: TrainFile | undefined;
      try {
        test = await chosenTestFile(parse);
      } catch {
        if (mine()) fail({ code: 'sample-unavailable', params: { file: 'test' } });
        return;
      }
      if (!mine()) return;
      const basis = runBasis(settings, choices, test?.key ?? null);
      const baselineId = mitigation ? baselineFor(store.get().runs, basis)?.id : undefined;
      setRun((run) => ({ ...run, basis, ...(baselineId ? { baselineId } : {}) }));
      // Saved as running: a reload now finds it so and marks it interrupted (its model went with the worker).
      await saveRun();
      if (!mine()) return;
      performance.mark('lepton:train-start');
      const result = await trainer.train(
        {
          file: { blob: file.blob, name: file.name, key: mainKey },
          ...(test ? { testFile: test } : {}),
          settings,
          choices,
          ...(mitigation ? { mitigation } : {}),
          ...(deps.simulate ? { simulate: deps.simulate } : {}),
        },
        (event) => {
          if (!mine()) return;
          if (event.type === 'epoch' && event.epoch === 1) performance.mark('lepton:train-first-epoch');
          if (event.type === 'explaining' && event.done === 0) performance.mark('lepton:explain-start');
          setRun((run) => applyEvent(run, event, Date.now()));
        },
      );
      performance.mark('lepton:train-end');
      if (!mine()) return;
      if (result.ok) {
        setRun((run) => ({ ...run, status: 'done', outcome: result.data }));
        store.set((s) => {
          if (!s.training) return {};
          const runs = withRun(s.runs, s.training, s.chosenRunId);
          const chosenRunId = runs.some((r) => r.id === s.chosenRunId) ? s.chosenRunId : null;
          return { runs, chosenRunId, shownRunId: s.training.id };
        });
        await saveAllRuns();
      } else if (result.reason.code === 'cancelled') setRun((run) => ({ ...run, status: 'cancelled' }));
      else fail(result.reason);
    } catch (error) {
      // Nothing above should throw; if something does, the run ends with a message instead of spinning.
      if (mine())
        fail({
          code: 'internal',
          params: { detail: error instanceof Error ? error.message : String(error) },
        });
    } finally {
      if (mine()) await saveRun();
    }
  }

  /** A slider sends many values a second: the run is saved once it rests. */
  let thresholdSave: ReturnType<typeof setTimeout> | undefined;

  const remedies = createRemedySequence({
    store,
    train,
    basisNow: async () => {
      const { settings, trainChoices } = store.get();
      const test = await chosenTestFile(JSON.stringify(settings.parse));
      return runBasis(settings, trainChoices, test?.key ?? null);
    },
  });

  /** Saves the runs and the shown one a moment after the last change (arrow keys move through the radios). */
  let choiceSave: ReturnType<typeof setTimeout> | undefined;

  const actions: TrainingActions = {
    tryAllRemedies: (given) => remedies.run(given, MITIGATION_METHODS),
    tryRemedy: (given, method) => remedies.run(given, [method]),
    chooseRun(id) {
      const state = store.get();
      const run = state.runs.find((r) => r.id === id);
      if (!run || isActive(state.training) || state.remedies) return;
      store.set({ chosenRunId: id, shownRunId: id, training: run });
      clearTimeout(choiceSave);
      choiceSave = setTimeout(() => {
        void saveRun();
        void saveAllRuns();
      }, 400);
    },
    setThreshold(threshold) {
      // The run shown: the latest, or the one kept in view while a remedy trains.
      const shown = shownRun(store.get());
      if (shown?.status !== 'done') return;
      store.set((s) => ({
        runs: s.runs.map((r) => (r.id === shown.id ? { ...r, threshold } : r)),
        ...(s.training?.id === shown.id ? { training: { ...s.training, threshold } } : {}),
      }));
      clearTimeout(thresholdSave);
      const onTraining = store.get().training?.id === shown.id;
      thresholdSave = setTimeout(() => void (onTraining ? saveRun() : saveAllRuns()), 400);
    },
    updateTrainChoices(change) {
      store.set((s) => ({ trainChoices: change(s.trainChoices) }));
      void saveRun();
    },
    setTrainFieldValid(field, valid) {
      store.set((s) => {
        const others = s.invalidTrainFields.filter((f) => f !== field);
        if (valid && others.length === s.invalidTrainFields.length) return {};
        return { invalidTrainFields: valid ? others : [...others, field] };
      });
    },
    train,
    stopTraining() {
      if (store.get().training?.status !== 'running') return;
      setRun((run) => ({ ...run, status: 'stopping' }));
      trainer.stop();
    },
    cancelTraining() {
      // "Try all remedies" between two runs (looking up the test file, saving): Cancel ends the sequence.
      if (store.get().remedies && !isActive(store.get().training)) {
        remedies.cancelBetweenRuns();
        return;
      }
      if (!isActive(store.get().training)) return;
      runSeq++;
      // A sequence sees the run cancelled and stops; its summary says so.
      trainer.cancel();
      setRun((run) => ({ ...run, status: 'cancelled' }));
      void saveRun();
    },
    async setTestFile(blob, name) {
      // Unique even across reloads (the id is saved with the file): the worker keys its parsed tables by it.
      testFile = { blob, name, id: `${Date.now().toString(36)}-${++uploads}` };
      store.set((s) => ({
        testFile: { name, bytes: blob.size, id: testFile?.id ?? '' },
        trainChoices: { ...s.trainChoices, useTestFile: true },
      }));
      const saved = testFile;
      await persist(() => saveTestFile(saved));
      await saveRun();
    },
    async clearTestFile() {
      testFile = null;
      store.set({ testFile: null });
      await persist(() => saveTestFile(null));
    },
  };

  return {
    actions,
    /** The uploaded test file (for "Save project"), or null. */
    testFileNow: () => testFile,
    /** Saves the training part of the session as it is now (after a project was opened). */
    async saveAll() {
      await saveRun();
      await saveAllRuns();
      await persist(() => saveTestFile(testFile));
    },
    /** A new data file was loaded: a run on the previous one, and its test file, no longer concern anyone. */
    async forgetFile() {
      runSeq++;
      remedies.abandon();
      store.set({ runs: [], chosenRunId: null, shownRunId: null, remedies: null, remediesEnded: null });
      await persist(() => saveRuns([], null));
      trainer.cancel();
      sampleTest = null;
      testFile = null;
      store.set({ testFile: null });
      await persist(() => saveTestFile(null));
      await persist(() => saveTraining(store.get().trainChoices, null));
    },
    /** The training part of a saved session: choices, the latest run (marked interrupted if it was going), test file. */
    async restore(session: Session) {
      if (session.training) {
        const run = restoredRun(session.training.run);
        store.set({ trainChoices: restoredChoices(session.training.choices), training: run });
        if (run?.status === 'interrupted') await saveRun();
      }
      // The runs list is saved when a run ends or is chosen; the shown run's record is newer (its threshold).
      // A session from before runs were compared has only the latest run: it starts the list.
      const training = store.get().training;
      let runs = (session.runs?.runs ?? []).flatMap((r) => restoredRun(r) ?? []);
      if (training?.status === 'done' && training.outcome) {
        const known = runs.some((r) => r.id === training.id);
        runs = known ? runs.map((r) => (r.id === training.id ? training : r)) : [...runs, training];
      }
      const chosenRunId = session.runs?.chosenRunId ?? null;
      store.set({
        runs,
        chosenRunId: runs.some((r) => r.id === chosenRunId) ? chosenRunId : null,
        shownRunId: training?.status === 'done' ? training.id : null,
      });
      if (session.testFile) {
        testFile = session.testFile;
        const { name, blob, id } = session.testFile;
        store.set({ testFile: { name, bytes: blob.size, id } });
      }
    },
    /** "Start over": abandon any run and forget the test file (the store and storage are cleared by the caller). */
    reset() {
      runSeq++;
      remedies.abandon();
      testFile = null;
      sampleTest = null;
      trainer.dispose();
    },
  };
}
