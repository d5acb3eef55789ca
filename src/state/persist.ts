/**
 * The session kept in IndexedDB so a reload (or a closed and reopened tab) returns the user to where they were.
 * The file's bytes are stored once as a Blob under 'file'; the small, often-changing settings under 'settings',
 * so a click never rewrites a 100 MB record.
 */
import type { DataSettings } from '../data/settings';
import type { ModelCardFields } from '../report/cardContent';
import type { TrainChoices } from '../workers/trainProtocol';
import type { TrainingRun } from './training';

const DB_NAME = 'lepton-workbench';
const STORE = 'session';
const SESSION_VERSION = 1;

export interface StoredFile {
  version: number;
  blob: Blob;
  name: string;
  /** The sample's id when the data came from a built-in sample. */
  sampleId?: string;
  savedAt: string;
}

export interface StoredSettings {
  version: number;
  settings: DataSettings;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest | void,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? (request.result as T) : (undefined as T));
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const saveFile = (file: Omit<StoredFile, 'version' | 'savedAt'>) =>
  transact<void>('readwrite', (s) => {
    s.put(
      { ...file, version: SESSION_VERSION, savedAt: new Date().toISOString() } satisfies StoredFile,
      'file',
    );
  });

export const saveSettings = (settings: DataSettings) =>
  transact<void>('readwrite', (s) => {
    s.put({ version: SESSION_VERSION, settings } satisfies StoredSettings, 'settings');
  });

/** The Train step's choices, the latest run (its report and curves; small), and an uploaded test file. */
interface StoredTraining {
  version: number;
  choices: TrainChoices;
  run: TrainingRun | null;
}

export const saveTraining = (choices: TrainChoices, run: TrainingRun | null) =>
  transact<void>('readwrite', (s) => {
    s.put({ version: SESSION_VERSION, choices, run } satisfies StoredTraining, 'training');
  });

/**
 * Every finished run and the chosen one, under their own key: rewritten when a run ends or the choice
 * changes, not with every move of the threshold slider (a run with its explanation is ~0.6 MB on Adult).
 */
interface StoredRuns {
  version: number;
  runs: TrainingRun[];
  chosenRunId: string | null;
}

export const saveRuns = (runs: TrainingRun[], chosenRunId: string | null) =>
  transact<void>('readwrite', (s) => {
    s.put({ version: SESSION_VERSION, runs, chosenRunId } satisfies StoredRuns, 'runs');
  });

export const saveTestFile = (file: { blob: Blob; name: string; id: string } | null) =>
  transact<void>('readwrite', (s) => {
    if (file) s.put({ ...file, version: SESSION_VERSION }, 'test-file');
    else s.delete('test-file');
  });

/** The report's fields the user wrote (small; saved as they type, debounced by the caller). */
export const saveCardFields = (fields: ModelCardFields) =>
  transact<void>('readwrite', (s) => {
    s.put({ version: SESSION_VERSION, fields }, 'card-fields');
  });

export interface Session {
  file: StoredFile;
  settings: DataSettings | null;
  training: { choices: TrainChoices; run: TrainingRun | null } | null;
  runs: { runs: TrainingRun[]; chosenRunId: string | null } | null;
  testFile: { blob: Blob; name: string; id: string } | null;
  /** Absent in sessions saved before the report had fields. */
  cardFields?: ModelCardFields | null;
}

export async function loadSession(): Promise<Session | null> {
  const file = await transact<StoredFile | undefined>('readonly', (s) => s.get('file'));
  if (!file || file.version !== SESSION_VERSION || !(file.blob instanceof Blob)) return null;
  const stored = await transact<StoredSettings | undefined>('readonly', (s) => s.get('settings'));
  const training = await transact<StoredTraining | undefined>('readonly', (s) => s.get('training'));
  const runs = await transact<StoredRuns | undefined>('readonly', (s) => s.get('runs'));
  const test = await transact<{ version: number; blob: Blob; name: string; id?: string } | undefined>(
    'readonly',
    (s) => s.get('test-file'),
  );
  const card = await transact<{ version: number; fields: ModelCardFields } | undefined>('readonly', (s) =>
    s.get('card-fields'),
  );
  return {
    file,
    cardFields: card?.version === SESSION_VERSION ? card.fields : null,
    settings: stored?.version === SESSION_VERSION ? stored.settings : null,
    training: training?.version === SESSION_VERSION ? { choices: training.choices, run: training.run } : null,
    runs:
      runs?.version === SESSION_VERSION && Array.isArray(runs.runs)
        ? { runs: runs.runs, chosenRunId: runs.chosenRunId ?? null }
        : null,
    testFile:
      test?.version === SESSION_VERSION && test.blob instanceof Blob
        ? { blob: test.blob, name: test.name, id: test.id ?? `restored-${test.name}-${test.blob.size}` }
        : null,
  };
}

export const clearSession = () => transact<void>('readwrite', (s) => s.clear());
