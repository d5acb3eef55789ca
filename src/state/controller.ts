/**
 * The app's actions: load a file or a sample, cancel, change settings, restore and clear the saved session.
 * It owns the worker client and the current file (a Blob, outside React state), keeps the store up to date,
 * and saves to IndexedDB. Failures become store errors; nothing the user loaded before is lost by a failure.
 */
import type { AppError } from '../core/result';
import type { DataSettings } from '../data/settings';
import type { ParseOptions } from '../data/types';
import { createDataClient, type DataClient } from '../workers/client';
import { createTrainClient, type TrainClient } from '../workers/trainClient';
import type { Simulation, TrainChoices, TrainFile } from '../workers/trainProtocol';
import { clearSession, loadSession, saveFile, saveSettings, saveTestFile, saveTraining } from './persist';
import { settingsForNewFile } from './settingsActions';
import { createStore, initialState, type Store } from './store';
import {
  applyEvent,
  isActive,
  restoredChoices,
  restoredRun,
  runBasis,
  startRun,
  testFileKey,
  type TrainingRun,
} from './training';

export interface SampleInfo {
  id: string;
  label: string;
  file: string;
  rows: number;
  description: string;
  /** The sample's official test file, when it has one (Adult). */
  testFile?: string;
  testRows?: number;
  target?: string;
  positiveClass?: string;
  sensitive?: string[];
  source?: string;
  licence?: string;
}

interface CurrentFile {
  blob: Blob;
  name: string;
  sampleId?: string;
}

export interface Controller {
  store: Store;
  restore(): Promise<void>;
  loadFile(
    blob: Blob,
    name: string,
    options?: { sampleId?: string; preset?: Partial<DataSettings> },
  ): Promise<void>;
  loadSample(sample: SampleInfo): Promise<void>;
  reread(parse: ParseOptions): Promise<void>;
  cancelLoad(): void;
  update(change: (s: DataSettings) => DataSettings): void;
  dismissError(): void;
  startOver(): Promise<void>;
  updateTrainChoices(change: (c: TrainChoices) => TrainChoices): void;
  /** Marks an advanced setting as (in)valid as typed; "Train model" waits while any is invalid. */
  setTrainFieldValid(field: string, valid: boolean): void;
  /** Trains with the current settings and choices; resolves when the run ends (any way). */
  train(): Promise<void>;
  /** Ends training after the current epoch, keeping the best model so far. */
  stopTraining(): void;
  cancelTraining(): void;
  setTestFile(blob: Blob, name: string): Promise<void>;
  clearTestFile(): Promise<void>;
}

export interface ControllerOptions {
  /** Diagnostic failure to simulate in training (URL `?simulate=`), see `Simulation`. */
  simulate?: Simulation;
}

export function createController(
  client: DataClient = createDataClient(),
  store: Store = createStore(),
  trainer: TrainClient = createTrainClient(),
  options: ControllerOptions = {},
): Controller {
  let current: CurrentFile | null = null;
  /** Bumped whenever the current file is read: the training worker re-parses only when it changes. */
  let fileVersion = 0;
  let testFile: { blob: Blob; name: string; id: string } | null = null;
  /** Numbers uploads so every test file gets its own id, never reused (see `testFileKey`). */
  let uploads = 0;
  let sampleTest: { blob: Blob; name: string } | null = null;
  /** Numbers the calls of `train`; moved on to abandon the one in flight (see `train`). */
  let runSeq = 0;
  let loadAbort: AbortController | null = null;
  let analysisSeq = 0;

  const showError = (error: AppError, subject?: string) =>
    store.set({ error: { error, subject }, notice: null });

  async function persist(work: () => Promise<void>) {
    try {
      await work();
    } catch {
      showError({ code: 'storage-failed' });
    }
  }

  async function analyse(settings: DataSettings, retry = true): Promise<void> {
    const seq = ++analysisSeq;
    store.set({ analysing: true });
    const result = await client.analyse(settings);
    if (seq !== analysisSeq) return; // a newer change is on its way
    store.set({ analysing: false });
    if (result.ok) store.set({ analysis: result.data });
    else if (result.reason.code === 'worker-crashed' && retry && current) {
      // The worker lost the table: read the file again, then retry once.
      const reloaded = await client.load(current.blob, current.name, settings.parse);
      if (reloaded.ok) return analyse(settings, false);
      showError(reloaded.reason, current.name);
    } else showError(result.reason);
  }

  /** Parse `file`; on success it becomes the current data with `settings`, else the previous data stays. */
  async function read(file: CurrentFile, settings: DataSettings, save: boolean): Promise<boolean> {
    loadAbort?.abort();
    const abort = new AbortController();
    loadAbort = abort;
    store.set({
      loading: { name: file.name, bytes: file.blob.size, progress: null },
      error: null,
      notice: null,
    });
    // Marks for `npm run bench`, which reads them back from the page (User Timing API).
    performance.mark('lepton:load-start');
    const result = await client.load(file.blob, file.name, settings.parse, {
      signal: abort.signal,
      onProgress: (progress) => store.set((s) => ({ loading: s.loading && { ...s.loading, progress } })),
    });
    if (loadAbort !== abort) return false; // superseded by a newer load
    loadAbort = null;
    store.set({ loading: null });
    if (!result.ok) {
      if (result.reason.code === 'cancelled') store.set({ notice: result.reason });
      else showError(result.reason, file.name);
      // The worker keeps the previous table and the page its analysis, unless the worker itself crashed:
      // then analysing reads the current file again (see analyse).
      if (current && result.reason.code === 'worker-crashed') await analyse(store.get().settings);
      return false;
    }
    current = file;
    fileVersion++;
    const { sampleId } = file;
    // The previous file's analysis no longer applies: clear it until the new one arrives.
    store.set({
      dataset: { name: file.name, sampleId, bytes: file.blob.size, summary: result.data },
      settings,
      analysis: null,
      // A model trained on other data no longer describes this file.
      ...(save ? { training: null } : {}),
    });
    if (save) {
      // A run on the previous file, and its test file, no longer concern anyone.
      runSeq++;
      trainer.cancel();
      sampleTest = null;
      testFile = null;
      store.set({ testFile: null });
      await persist(() => saveTestFile(null));
      await persist(() => saveTraining(store.get().trainChoices, null));
    }
    performance.mark('lepton:parsed');
    await analyse(settings);
    performance.mark('lepton:analysed');
    if (save) await persist(() => saveFile(file));
    await persist(() => saveSettings(settings));
    return true;
  }

  /** The built-in samples' list, fetched once; an empty list when it cannot be read. */
  let samplesList: Promise<SampleInfo[]> | null = null;
  const samples = () =>
    (samplesList ??= fetch(new URL('samples/samples.json', document.baseURI))
      .then((r) => (r.ok ? (r.json() as Promise<SampleInfo[]>) : []))
      .catch(() => []));

  /**
   * The sample's official test file (Adult), fetched once from the app's own origin; null when the data is not
   * a sample with one. Throws when the sample has one but it cannot be fetched.
   */
  async function sampleTestFile(): Promise<{ blob: Blob; name: string } | null> {
    const sampleId = store.get().dataset?.sampleId;
    if (!sampleId) return null;
    if (sampleTest) return sampleTest;
    const file = (await samples()).find((sample) => sample.id === sampleId)?.testFile;
    if (!file) return null;
    const response = await fetch(new URL(`samples/${file}`, document.baseURI));
    if (!response.ok) throw new Error(String(response.status));
    sampleTest = { blob: await response.blob(), name: file };
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

  function setRun(change: (run: TrainingRun) => TrainingRun) {
    store.set((s) => (s.training ? { training: change(s.training) } : {}));
  }

  /**
   * Trains with the current file, settings and choices. Each call gets its own number: loading another file,
   * "Start over" and Cancel move `runSeq` on, so a call that was overtaken while it waited (for the test
   * file, for storage, for the worker) changes nothing any more.
   */
  async function train(): Promise<void> {
    const state = store.get();
    const file = current;
    if (!file || isActive(state.training)) return;
    const id = ++runSeq;
    const mine = () => runSeq === id;
    const { settings, trainChoices: choices } = state;
    const parse = JSON.stringify(settings.parse);
    const mainKey = `main:${fileVersion}:${parse}`;
    // Shown at once, so the button is disabled while the test file is fetched.
    const regression = state.analysis?.target?.task === 'regression';
    store.set({ training: startRun(choices.model, '', Date.now(), regression) });
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
      setRun((run) => ({ ...run, basis }));
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
          ...(options.simulate ? { simulate: options.simulate } : {}),
        },
        (event) => {
          if (!mine()) return;
          if (event.type === 'epoch' && event.epoch === 1) performance.mark('lepton:train-first-epoch');
          setRun((run) => applyEvent(run, event, Date.now()));
        },
      );
      performance.mark('lepton:train-end');
      if (!mine()) return;
      if (result.ok) setRun((run) => ({ ...run, status: 'done', outcome: result.data }));
      else if (result.reason.code === 'cancelled') setRun((run) => ({ ...run, status: 'cancelled' }));
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

  return {
    store,
    async restore() {
      try {
        const session = await loadSession();
        if (session) {
          if (session.training) {
            const run = restoredRun(session.training.run);
            store.set({ trainChoices: restoredChoices(session.training.choices), training: run });
            if (run?.status === 'interrupted') await saveRun();
          }
          if (session.testFile) {
            testFile = session.testFile;
            store.set({
              testFile: {
                name: session.testFile.name,
                bytes: session.testFile.blob.size,
                id: session.testFile.id,
              },
            });
          }
          const { blob, name, sampleId } = session.file;
          await read({ blob, name, sampleId }, session.settings ?? settingsForNewFile({}), false);
        }
      } catch {
        showError({ code: 'storage-failed' });
      } finally {
        store.set({ phase: 'ready' });
      }
    },
    async loadFile(blob, name, options = {}) {
      await read({ blob, name, sampleId: options.sampleId }, settingsForNewFile({}, options.preset), true);
    },
    async loadSample(sample) {
      let blob: Blob;
      try {
        const response = await fetch(new URL(`samples/${sample.file}`, document.baseURI));
        if (!response.ok) throw new Error(String(response.status));
        blob = await response.blob();
      } catch {
        showError({ code: 'sample-unavailable' }, sample.label);
        return;
      }
      const preset: Partial<DataSettings> = {
        target: sample.target ?? null,
        positiveClass: sample.positiveClass ?? null,
        sensitive: (sample.sensitive ?? []).map((column) => ({ column })),
      };
      await read({ blob, name: sample.file, sampleId: sample.id }, settingsForNewFile({}, preset), true);
    },
    async reread(parse) {
      if (!current) return;
      // Choices stay: those naming a column the new reading no longer has are reported by the analysis.
      await read(current, { ...store.get().settings, parse }, false);
    },
    cancelLoad() {
      loadAbort?.abort();
    },
    update(change) {
      const settings = change(store.get().settings);
      store.set({ settings });
      void persist(() => saveSettings(settings));
      void analyse(settings);
    },
    dismissError() {
      store.set({ error: null, notice: null });
    },
    async startOver() {
      // Forget the load before stopping the worker, so its 'worker-crashed' answer is not shown as an error.
      const pending = loadAbort;
      loadAbort = null;
      pending?.abort();
      analysisSeq++;
      current = null;
      runSeq++;
      testFile = null;
      sampleTest = null;
      client.dispose();
      trainer.dispose();
      store.set({ ...initialState, phase: 'ready' });
      await persist(clearSession);
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
      if (!isActive(store.get().training)) return;
      runSeq++;
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
}
