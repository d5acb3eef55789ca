/**
 * "Save project" / "Open project": the session as one versioned JSON file a user can keep, mail or open on
 * another device. It holds the data step's settings, the Train step's choices, every run with its results
 * and explanation (typed arrays as base64, see core/typedJson.ts), the chosen run, and optionally the data
 * itself (the file's bytes, so its encoding and delimiter are read exactly as before). A built-in sample
 * needs no bytes: its id is enough.
 *
 * Reading a file back checks everything the page would trust (a tampered file must not break the page or
 * show figures that do not belong together) and upgrades older versions:
 *  - version 1: one run per project (as the app kept its session before runs were compared, issue 4):
 *    `training: { choices, run }`; the run becomes the only one in the comparison.
 *  - version 2 (now): `trainChoices`, `runs`, `chosenRunId`, `shownRunId`, the test file.
 * Pure: bytes in, bytes out; the controller reads and writes the files.
 */
import { envelopeProblem, fileStem, isRecord } from '../core/files';
import { fail, ok, type Result } from '../core/result';
import { base64ToBytes, bytesToBase64, parseTyped, stringifyTyped } from '../core/typedJson';
import { settingsDamage, type DataSettings } from '../data/settings';
import { validateReport } from '../report/report';
import { fittedModelDamage, preprocessorDamage } from '../pipeline/modelFile';
import { MODEL_KINDS } from '../pipeline/types';
import type { TrainChoices } from '../workers/trainProtocol';
import type { ModelCardFields } from '../report/cardContent';
import type { AppState } from './store';
import type { TrainingRun } from './training';

export const PROJECT_FORMAT = 'lepton-project';
export const PROJECT_VERSION = 2;

/** A file's name and, when saved with the data, its bytes as base64. */
export interface ProjectData {
  name: string;
  bytes: number;
  /** A built-in sample: opened from the app's own copy when the bytes are not in the file. */
  sampleId?: string;
  base64?: string;
}

export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  savedAt: string;
  data: ProjectData;
  /** A test file uploaded in the Train step; its bytes travel with the data. */
  testFile: (ProjectData & { id: string }) | null;
  settings: DataSettings;
  trainChoices: TrainChoices;
  runs: TrainingRun[];
  chosenRunId: string | null;
  /** The run the results show (its threshold is the user's last); may be a run not in `runs` (failed). */
  training: TrainingRun | null;
  /** What the user wrote for the report (optional: absent in files from before the report had fields). */
  cardFields?: ModelCardFields;
}

export type ProjectProblem = 'not-json' | 'not-project' | 'newer-version' | 'damaged';

/** What "Save project" writes; `data` / `test` are the files' bytes when the user includes the data. */
export function buildProject(
  state: Pick<
    AppState,
    'dataset' | 'settings' | 'trainChoices' | 'runs' | 'chosenRunId' | 'training' | 'testFile' | 'cardFields'
  >,
  files: { data?: Uint8Array; test?: Uint8Array },
  now = new Date(),
): ProjectFile {
  const { dataset } = state;
  if (!dataset) throw new RangeError('There is no data to save.');
  const training =
    state.training?.status === 'done' || state.training?.status === 'failed' ? state.training : null;
  // Without the data, no row of it either: the what-if editor's example rows stay out (it then starts empty).
  const keep = (run: TrainingRun): TrainingRun => {
    const explanation = run.outcome?.explanation;
    if (files.data || !run.outcome || !explanation) return run;
    return {
      ...run,
      outcome: { ...run.outcome, explanation: { ...explanation, examples: { rows: [], y: [] } } },
    };
  };
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: now.toISOString(),
    data: {
      name: dataset.name,
      bytes: dataset.bytes,
      ...(dataset.sampleId ? { sampleId: dataset.sampleId } : {}),
      ...(files.data ? { base64: bytesToBase64(files.data) } : {}),
    },
    testFile: state.testFile && files.test ? { ...state.testFile, base64: bytesToBase64(files.test) } : null,
    settings: state.settings,
    trainChoices: state.trainChoices,
    runs: state.runs.map(keep),
    chosenRunId: state.chosenRunId,
    training: training && keep(training),
    cardFields: state.cardFields,
  };
}

export const projectText = (project: ProjectFile) => stringifyTyped(project);

export const projectFileName = (dataset: string) => `${fileStem(dataset)}.lepton-project.json`;

const STATUSES = ['running', 'stopping', 'done', 'failed', 'cancelled', 'interrupted'];
const numbers = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'number' || x === null);
const historyOk = (h: unknown) =>
  isRecord(h) && numbers(h.trainLoss) && numbers(h.validationLoss) && numbers(h.validationMetric ?? []);

const isErrorValue = (v: unknown) => v === null || (isRecord(v) && typeof v.code === 'string');

/** What is wrong with one run's explanation, or null: the parts steps 6–8 read without checking again. */
function explanationDamage(explanation: unknown, task: unknown, classes: unknown): string | null {
  if (!isRecord(explanation) || !isRecord(explanation.scored)) return 'explanation';
  const { y, score, predicted, testGroups } = explanation.scored as Record<string, unknown>;
  if (!(y instanceof Float64Array && score instanceof Float64Array && predicted instanceof Float64Array))
    return 'explanation';
  if (predicted.length !== y.length || score.length % Math.max(1, y.length) !== 0) return 'explanation';
  if (!Array.isArray(testGroups)) return 'explanation';
  for (const g of testGroups)
    if (
      !isRecord(g) ||
      !(g.codes instanceof Int32Array) ||
      g.codes.length !== y.length ||
      !Array.isArray(g.labels)
    )
      return 'explanation';
  const { importance, partialDependence, examples, proxies } = explanation;
  if (!Array.isArray(importance) || !importance.every((c) => isRecord(c) && typeof c.feature === 'string'))
    return 'explanation';
  if (!Array.isArray(partialDependence) || !Array.isArray(proxies)) return 'explanation';
  if (!['accuracy', 'r2'].includes(explanation.importanceScore as string)) return 'explanation';
  if (!isRecord(examples) || !Array.isArray(examples.rows) || !numbers(examples.y)) return 'explanation';
  if (!examples.rows.every(isRecord)) return 'explanation';
  if (preprocessorDamage(explanation.preprocessor)) return 'explanation';
  const pre = explanation.preprocessor as { featureNames: string[] };
  const width = task === 'multiclass' && Array.isArray(classes) ? classes.length : 1;
  if (fittedModelDamage(explanation.model, pre.featureNames.length, width)) return 'explanation';
  if (explanation.cleaningFits !== undefined && !Array.isArray(explanation.cleaningFits))
    return 'explanation';
  return null;
}

/** What is wrong with one run, or null: the parts the page reads without further checks. */
function runDamage(run: unknown): string | null {
  if (!isRecord(run) || typeof run.id !== 'string' || !STATUSES.includes(run.status as string)) return 'runs';
  if (!MODEL_KINDS.includes(run.model as never) || typeof run.basis !== 'string') return 'runs';
  if (!historyOk(run.history) || !isErrorValue(run.error ?? null) || !Array.isArray(run.fallbacks ?? []))
    return 'runs';
  if (
    run.threshold !== undefined &&
    !(typeof run.threshold === 'number' && run.threshold >= 0 && run.threshold <= 1)
  )
    return 'threshold';
  const outcome = run.outcome;
  if (outcome === null || outcome === undefined) return null;
  if (!isRecord(outcome) || !validateReport(outcome.report).ok) return 'report';
  if (!historyOk(outcome.history) || !isRecord(outcome.decision)) return 'runs';
  if (outcome.explanation === undefined) return null;
  const report = outcome.report as { task: unknown; classes?: unknown };
  return explanationDamage(outcome.explanation, report.task, report.classes);
}

function dataDamage(data: unknown, test = false): boolean {
  if (!isRecord(data) || typeof data.name !== 'string' || typeof data.bytes !== 'number') return true;
  if (data.base64 !== undefined && typeof data.base64 !== 'string') return true;
  if (test && typeof data.id !== 'string') return true;
  return false;
}

/** A version 1 project in today's shape: its one run starts the comparison. */
function upgradeFromV1(old: Record<string, unknown>): Record<string, unknown> {
  const training = isRecord(old.training) ? old.training : {};
  const run = isRecord(training.run) ? (training.run as unknown as TrainingRun) : null;
  return {
    ...old,
    version: PROJECT_VERSION,
    testFile: null,
    trainChoices: training.choices ?? null,
    runs: run?.status === 'done' && run.outcome ? [run] : [],
    chosenRunId: null,
    training: run,
  };
}

/** A project read from text: checked, upgraded to the current version; or 'project-invalid' and why. */
export function parseProject(text: string): Result<ProjectFile> {
  let value: unknown;
  try {
    value = parseTyped(text);
  } catch (error) {
    // A typed array that is not what it says is tampering, not a file of another kind.
    return fail(
      'project-invalid',
      error instanceof RangeError ? { reason: 'damaged', part: 'runs' } : { reason: 'not-json' },
    );
  }
  const envelope = envelopeProblem(value, PROJECT_FORMAT, PROJECT_VERSION, 'not-project');
  if (envelope) return fail('project-invalid', envelope);
  const file = value as Record<string, unknown>;
  const project = file.version === 1 ? upgradeFromV1(file) : file;
  const damaged = (part: string) => fail('project-invalid', { reason: 'damaged', part });
  if (dataDamage(project.data)) return damaged('data');
  if (project.testFile !== null && dataDamage(project.testFile, true)) return damaged('testFile');
  if (settingsDamage(project.settings)) return damaged('settings');
  if (project.trainChoices !== null && !isRecord(project.trainChoices)) return damaged('trainChoices');
  if (!Array.isArray(project.runs)) return damaged('runs');
  for (const run of project.runs) {
    const part = runDamage(run);
    if (part) return damaged(part);
  }
  if (project.training !== null && runDamage(project.training)) return damaged('training');
  if (project.chosenRunId !== null && typeof project.chosenRunId !== 'string') return damaged('chosenRunId');
  const fields = project.cardFields;
  if (
    fields !== undefined &&
    !(isRecord(fields) && Object.values(fields).every((v) => typeof v === 'string'))
  )
    return damaged('cardFields');
  // Bytes that are not base64 are damage too, found now rather than when the data is read.
  for (const file of [project.data, project.testFile] as (ProjectData | null)[])
    if (file?.base64 !== undefined)
      try {
        base64ToBytes(file.base64);
      } catch {
        return damaged(file === project.data ? 'data' : 'testFile');
      }
  return ok(project as unknown as ProjectFile);
}

/** A project file's data (or test file) as bytes, when the file holds them. */
export const projectBytes = (data: ProjectData): Uint8Array | null =>
  data.base64 === undefined ? null : base64ToBytes(data.base64);
