/**
 * The app's actions: load a file or a sample, cancel, change settings, restore and clear the saved session;
 * the Train step's actions come from trainingActions.ts.
 * It owns the worker client and the current file (a Blob, outside React state), keeps the store up to date,
 * and saves to IndexedDB. Failures become store errors; nothing the user loaded before is lost by a failure.
 */
import type { AppError } from '../core/result';
import type { ModelCardFields } from '../report/cardContent';
import type { DataSettings } from '../data/settings';
import type { ParseOptions } from '../data/types';
import { createDataClient, type DataClient } from '../workers/client';
import { createTrainClient, type TrainClient } from '../workers/trainClient';
import type { Simulation } from '../workers/trainProtocol';
import type { UrlParams } from './urlParams';
import { clearSession, loadSession, saveCardFields, saveFile, saveSettings, type Session } from './persist';
import { parseModelFile } from '../pipeline/modelFile';
import { buildProject, parseProject, projectBytes, projectFileName, projectText } from './project';
import { fetchSampleFile, loadSamples } from './samples';
import { settingsForNewFile } from './settingsActions';
import { createStore, initialState, type Store } from './store';
import { createTrainingActions, type TrainingActions } from './trainingActions';

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

/** The data step's actions here, the Train step's from trainingActions.ts. */
export interface Controller extends TrainingActions {
  store: Store;
  restore(): Promise<void>;
  loadFile(
    blob: Blob,
    name: string,
    options?: { sampleId?: string; preset?: Partial<DataSettings> },
  ): Promise<void>;
  loadSample(sample: SampleInfo, preset?: Partial<DataSettings>): Promise<void>;
  /**
   * Starts from the URL's parameters (`?sample=adult&target=income&sensitive=sex&model=logistic`): that sample
   * with those settings, in place of the saved session. An unknown sample says so and restores the session.
   */
  preload(params: UrlParams): Promise<void>;
  reread(parse: ParseOptions): Promise<void>;
  cancelLoad(): void;
  update(change: (s: DataSettings) => DataSettings): void;
  dismissError(): void;
  startOver(): Promise<void>;
  /** The report's fields as the user types them (saved, debounced). */
  setCardFields(fields: ModelCardFields): void;
  /** "Save project": the session as a project file's name and text (with the data's bytes when asked). */
  saveProject(includeData: boolean): Promise<{ name: string; text: string } | null>;
  /**
   * "Open project": checks the file, then restores its data, settings, runs and choice. A project saved
   * without its data (and not from a sample) needs the data file: `needsData` names it, and a second call
   * with `dataFile` finishes. A bad file or data that cannot be read shows an error and changes nothing.
   */
  openProject(
    file: Blob,
    fileName: string,
    dataFile?: Blob,
  ): Promise<'opened' | 'model' | 'failed' | { needsData: string; otherData?: boolean }>;
  /** Closes a model file opened with "Open project". */
  closeModel(): void;
  /** True when the page was opened from a link that preloads a sample: nothing is saved in this browser. */
  ephemeral: boolean;
}

export interface ControllerOptions {
  /** Diagnostic failure to simulate in training (URL `?simulate=`), see `Simulation`. */
  simulate?: Simulation;
  /**
   * Save nothing in this browser (a page opened from a link that preloads a sample, such as an embedded demo):
   * the link must not overwrite the visitor's saved work.
   */
  ephemeral?: boolean;
}

/** A model file rather than a project: its format field says so (checked before the whole file is read). */
const looksLikeModelFile = (text: string) => /^\s*\{\s*"format"\s*:\s*"lepton-model"/.test(text);

export function createController(
  client: DataClient = createDataClient(),
  store: Store = createStore(),
  trainer: TrainClient = createTrainClient(),
  options: ControllerOptions = {},
): Controller {
  let current: CurrentFile | null = null;
  /** Bumped whenever the current file is read: the training worker re-parses only when it changes. */
  let fileVersion = 0;
  let loadAbort: AbortController | null = null;
  let analysisSeq = 0;
  let cardFieldsTimer: ReturnType<typeof setTimeout> | null = null;

  const showError = (error: AppError, subject?: string) =>
    store.set({ error: { error, subject }, notice: null });

  async function persist(work: () => Promise<void>) {
    if (options.ephemeral) return;
    try {
      await work();
    } catch {
      showError({ code: 'storage-failed' });
    }
  }

  const training = createTrainingActions({
    store,
    trainer,
    persist,
    currentFile: () => current && { blob: current.blob, name: current.name, version: fileVersion },
    ...(options.simulate ? { simulate: options.simulate } : {}),
  });

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
    if (save) await training.forgetFile();
    performance.mark('lepton:parsed');
    await analyse(settings);
    performance.mark('lepton:analysed');
    // "Start over" (or a newer file) may have come while analysing: then this file is no longer the session's.
    if (current !== file) return true;
    if (save) await persist(() => saveFile(file));
    await persist(() => saveSettings(settings));
    return true;
  }

  return {
    store,
    async restore() {
      try {
        const session = await loadSession();
        if (session) {
          await training.restore(session);
          if (session.cardFields)
            store.set({ cardFields: { ...initialState.cardFields, ...session.cardFields } });
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
    async preload(params) {
      const sample = params.sample && (await loadSamples()).find((s) => s.id === params.sample);
      if (!sample) {
        await this.restore();
        if (params.sample) showError({ code: 'sample-unavailable' }, params.sample);
        return;
      }
      store.set({ phase: 'ready' });
      if (params.model) training.actions.updateTrainChoices((c) => ({ ...c, model: params.model! }));
      await this.loadSample(sample, {
        ...(params.target
          ? {
              target: params.target,
              // The sample's own positive class still applies to its own target.
              positiveClass:
                params.positive ?? (params.target === sample.target ? (sample.positiveClass ?? null) : null),
            }
          : {}),
        ...(params.sensitive.length > 0 ? { sensitive: params.sensitive.map((column) => ({ column })) } : {}),
      });
    },
    async loadSample(sample, overrides = {}) {
      let blob: Blob;
      try {
        blob = await fetchSampleFile(sample.file);
      } catch {
        showError({ code: 'sample-unavailable' }, sample.label);
        return;
      }
      const preset: Partial<DataSettings> = {
        target: sample.target ?? null,
        positiveClass: sample.positiveClass ?? null,
        sensitive: (sample.sensitive ?? []).map((column) => ({ column })),
        ...overrides,
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
      // A pending save of the report's fields would write them back after the session is cleared.
      if (cardFieldsTimer) clearTimeout(cardFieldsTimer);
      training.reset();
      client.dispose();
      // Storage first, the page after: a reload the moment the page looks empty must not bring the data back
      // (a write still pending when the page unloads is abandoned by the browser).
      await persist(clearSession);
      store.set({ ...initialState, phase: 'ready' });
    },
    ephemeral: options.ephemeral ?? false,
    closeModel() {
      store.set({ openedModel: null });
    },
    setCardFields(fields) {
      store.set({ cardFields: fields });
      if (cardFieldsTimer) clearTimeout(cardFieldsTimer);
      cardFieldsTimer = setTimeout(() => void persist(() => saveCardFields(store.get().cardFields)), 400);
    },
    async saveProject(includeData) {
      const state = store.get();
      if (!current || !state.dataset) return null;
      const test = training.testFileNow();
      const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
      const project = buildProject(state, {
        ...(includeData ? { data: await bytes(current.blob) } : {}),
        ...(includeData && test ? { test: await bytes(test.blob) } : {}),
      });
      return { name: projectFileName(state.dataset.name), text: projectText(project) };
    },
    async openProject(file, fileName, dataFile) {
      const text = await file.text();
      // "Open project" also takes a model file ("Export model"): it scores new files, no data needed.
      if (looksLikeModelFile(text)) {
        const model = parseModelFile(text);
        if (!model.ok) {
          showError(model.reason, fileName);
          return 'failed';
        }
        store.set({ openedModel: { name: fileName, model: model.data }, error: null });
        return 'model';
      }
      const parsed = parseProject(text);
      if (!parsed.ok) {
        showError(parsed.reason, fileName);
        return 'failed';
      }
      const project = parsed.data;
      const toBlob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
      const stored = projectBytes(project.data);
      let blob = stored && toBlob(stored);
      if (!blob && project.data.sampleId) {
        try {
          const sample = (await loadSamples()).find((s) => s.id === project.data.sampleId);
          if (sample) blob = await fetchSampleFile(sample.file);
        } catch {
          blob = null;
        }
      }
      if (!blob && dataFile) {
        // The size is all a project saved without its data knows of it: enough to catch the wrong file.
        if (dataFile.size !== project.data.bytes) return { needsData: project.data.name, otherData: true };
        blob = dataFile;
      }
      if (!blob) return { needsData: project.data.name };
      const testBytes = project.testFile && projectBytes(project.testFile);
      const file_ = { blob, name: project.data.name, sampleId: project.data.sampleId };
      if (!(await read(file_, project.settings, false))) return 'failed';
      const session: Session = {
        file: { ...file_, version: 1, savedAt: project.savedAt },
        settings: project.settings,
        training: { choices: project.trainChoices, run: project.training },
        runs: { runs: project.runs, chosenRunId: project.chosenRunId },
        testFile:
          project.testFile && testBytes
            ? { blob: toBlob(testBytes), name: project.testFile.name, id: project.testFile.id }
            : null,
      };
      try {
        await training.forgetFile();
        await training.restore(session);
        const cardFields = { ...initialState.cardFields, ...project.cardFields };
        store.set({ cardFields });
        await persist(() => saveFile(file_));
        await persist(() => saveCardFields(cardFields));
        await training.saveAll();
      } catch {
        // The data is in, its runs are not: none of them is shown beside data they may not belong to.
        await training.forgetFile();
        showError({ code: 'internal' }, fileName);
        return 'failed';
      }
      return 'opened';
    },
    ...training.actions,
  };
}
