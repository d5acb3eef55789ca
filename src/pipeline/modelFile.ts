/**
 * "Export model": a trained run as one JSON file that scores new rows anywhere (the page's "Score a new CSV",
 * "Open project"'s model, the CLI's `--model-file`), with no TF.js and no training data: the data step's
 * settings (renames, kinds, cleaning steps), what the cleaning steps computed on the training file
 * (medians, modes, bin edges), the fitted preprocessor (imputation, standardisation, one-hot categories) and
 * the fitted model itself (network weights, or the trees, as plain JSON), plus the decision threshold.
 *
 * Reading one back (`parseModelFile`) checks it thoroughly, since a file can be damaged or edited: the
 * format and version, every part's shape, and that the model really scores a row of the preprocessor's
 * width. A failure is an AppError 'model-file-invalid' whose `reason` says what is wrong.
 */
import { envelopeProblem, fileStem, isRecord, isStringArray } from '../core/files';
import { fail, ok, type Result } from '../core/result';
import type { StepFit } from '../data/clean';
import { cleanTable } from '../data/decide';
import { settingsDamage, type DataSettings, type TaskKind } from '../data/settings';
import type { Preprocessor } from '../features/preprocess';
import type { MitigationMethod } from './mitigation';
import { predictModel } from './models';
import {
  checkColumns,
  neededColumns,
  predictionsCsv,
  scoreTable,
  unreadableNumbers,
  type ColumnCheck,
  type ScoredTable,
} from './scoreTable';
import type { FittedModel, ModelKind, TableInput } from './types';

export const MODEL_FILE_FORMAT = 'lepton-model';
export const MODEL_FILE_VERSION = 1;

export interface ModelFile {
  format: typeof MODEL_FILE_FORMAT;
  version: typeof MODEL_FILE_VERSION;
  savedAt: string;
  /** What the model was trained on and how: for the people reading the file, and the page's summary. */
  source: { dataset: string; model: ModelKind; mitigation: MitigationMethod | null };
  task: TaskKind;
  target: string;
  /** Binary: [negative, positive]; multiclass: the label of each class index; regression: []. */
  classes: string[];
  positiveClass: string | null;
  /** Binary: a row is predicted positive when P(positive) ≥ threshold; null otherwise. */
  threshold: number | null;
  /** The data step's settings: a new file is renamed, typed and cleaned as the training file was. */
  settings: DataSettings;
  /** What each cleaning step computed on the training file, in the order of `settings.steps`. */
  cleaningFits: (StepFit | null)[];
  preprocessor: Preprocessor;
  model: FittedModel;
}

export type ModelFileProblem = 'not-json' | 'not-model' | 'newer-version' | 'damaged';

export const modelFileName = (dataset: string, model: ModelKind, mitigation: string | null) =>
  `${fileStem(dataset)}-${model}${mitigation ? `-${mitigation}` : ''}-model.json`;

type Nodes = { feature: unknown; left: unknown; right: unknown; value: unknown }[];

/**
 * True when tree nodes are not a well-formed tree: every child index must lie after its parent (the builder
 * appends children after their parent) and inside the list, so walking the tree always ends.
 */
function treeDamage(nodes: unknown): boolean {
  if (!Array.isArray(nodes) || nodes.length === 0) return true;
  return (nodes as Nodes).some((node, i) => {
    if (!isRecord(node) || !Array.isArray(node.value)) return true;
    if (node.feature === -1) return false;
    const { left, right } = node;
    return !(
      Number.isInteger(node.feature) &&
      Number.isInteger(left) &&
      Number.isInteger(right) &&
      (left as number) > i &&
      (right as number) > i &&
      (left as number) < nodes.length &&
      (right as number) < nodes.length
    );
  });
}

/** True when a preprocessor is not as `fitPreprocessor` writes it (see features/preprocess.ts). */
export function preprocessorDamage(pre: unknown): boolean {
  if (!isRecord(pre) || !Array.isArray(pre.encoders) || !isStringArray(pre.featureNames)) return true;
  if (!Array.isArray(pre.spans) || pre.spans.length !== pre.encoders.length) return true;
  let end = 0;
  for (const [i, e] of pre.encoders.entries()) {
    if (!isRecord(e) || typeof e.column !== 'string') return true;
    if (e.type === 'numeric') {
      if (![e.median, e.mean, e.std].every((x) => typeof x === 'number' && Number.isFinite(x))) return true;
    } else if (e.type !== 'one-hot' || !isStringArray(e.categories)) return true;
    const span = pre.spans[i] as unknown;
    if (!Array.isArray(span) || span[0] !== end || !(span[1] >= end)) return true;
    end = span[1];
  }
  return end !== pre.featureNames.length;
}

/**
 * True when a fitted model does not score a row of `features` inputs to `width` finite numbers: edited
 * weights, trees that point nowhere (or back up, which would never end), a model from another preprocessor.
 */
export function fittedModelDamage(model: unknown, features: number, width: number): boolean {
  if (!isRecord(model) || !['linear', 'mlp', 'tree', 'boosting'].includes(model.kind as string)) return true;
  if (model.kind === 'tree' && treeDamage(model.nodes)) return true;
  if (model.kind === 'boosting' && (!Array.isArray(model.trees) || model.trees.some(treeDamage))) return true;
  try {
    const scores = predictModel(model as unknown as FittedModel, new Float32Array(features), 1);
    return scores.length !== width || !scores.every(Number.isFinite);
  } catch {
    return true;
  }
}

/** A cleaning step's fit as `applySteps` writes it: null, `{ fill }` (number, text or null) or `{ edges }`. */
const fitShapeOk = (fit: unknown) =>
  fit === null ||
  (isRecord(fit) &&
    ('edges' in fit
      ? Array.isArray(fit.edges) && fit.edges.every((x) => typeof x === 'number')
      : fit.fill === null || typeof fit.fill === 'number' || typeof fit.fill === 'string'));

/** The first part of a would-be model file that is not as `buildModelFile` writes it, or null. */
function damage(file: Record<string, unknown>): string | null {
  const { source, settings, preprocessor: pre, model } = file;
  if (!isRecord(source) || typeof source.dataset !== 'string') return 'source';
  if (!['binary', 'multiclass', 'regression'].includes(file.task as string)) return 'task';
  if (typeof file.target !== 'string') return 'target';
  if (!isStringArray(file.classes)) return 'classes';
  const task = file.task as TaskKind;
  if (task === 'binary' && file.classes.length !== 2) return 'classes';
  if (task === 'multiclass' && file.classes.length < 2) return 'classes';
  if (file.positiveClass !== null && typeof file.positiveClass !== 'string') return 'positiveClass';
  const threshold = file.threshold;
  if (
    task === 'binary'
      ? !(typeof threshold === 'number' && threshold >= 0 && threshold <= 1)
      : threshold !== null
  )
    return 'threshold';
  if (settingsDamage(settings)) return 'settings';
  const fits = file.cleaningFits;
  if (!Array.isArray(fits) || fits.length !== (settings as DataSettings).steps.length) return 'cleaningFits';
  if (!fits.every(fitShapeOk)) return 'cleaningFits';
  if (preprocessorDamage(pre)) return 'preprocessor';
  const width = task === 'multiclass' ? file.classes.length : 1;
  if (fittedModelDamage(model, (pre as Preprocessor).featureNames.length, width)) return 'model';
  return null;
}

/** A model file read from text, checked; or 'model-file-invalid' with the `reason` and the damaged `part`. */
export function parseModelFile(text: string): Result<ModelFile> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('model-file-invalid', { reason: 'not-json' });
  }
  const envelope = envelopeProblem(value, MODEL_FILE_FORMAT, MODEL_FILE_VERSION, 'not-model');
  if (envelope) return fail('model-file-invalid', envelope);
  const part = damage(value as Record<string, unknown>);
  if (part) return fail('model-file-invalid', { reason: 'damaged', part });
  return ok(value as unknown as ModelFile);
}

/** Everything a model file holds, from a finished run's parts. */
export function buildModelFile(
  run: Omit<ModelFile, 'format' | 'version' | 'savedAt'>,
  now = new Date(),
): ModelFile {
  return { format: MODEL_FILE_FORMAT, version: MODEL_FILE_VERSION, savedAt: now.toISOString(), ...run };
}

/** A new file scored with a model file: the predictions, the columns' account, and the CSV to download. */
export interface ScoredFile {
  scored: ScoredTable;
  columns: ColumnCheck;
  /** Needed number columns with cells that are not numbers (read as missing). */
  unreadable: { column: string; cells: number }[];
  /** The file's columns (as renamed) then `prediction` and, binary, `probability`; formulas neutralised. */
  csv: string;
  /** Rows per predicted label (classification), most frequent first; empty for regression. */
  predicted: { label: string; rows: number }[];
  rows: number;
}

/**
 * Scores every row of a parsed file with a model file. The file gets the training file's renames, kinds and
 * cleaning steps, every value a step computes taken from the training file (`cleaningFits`), except steps
 * that remove rows ("Remove rows where … is missing"): every row of the new file gets a prediction, a missing
 * value handled by the preprocessor as in training (median, or the "missing" category). Binary decisions use
 * the model file's threshold. The CSV keeps the file's own values, then the predictions.
 *
 * Fails with 'score-columns-missing' when the file lacks a column the model needs (see `scoreTable`).
 */
export function scoreWithModelFile(file: ModelFile, input: TableInput): Result<ScoredFile> {
  const keepRows = file.settings.steps.map((step) => step.type !== 'drop-missing');
  const settings: DataSettings = {
    ...file.settings,
    steps: file.settings.steps.filter((_, i) => keepRows[i]),
  };
  const fits = file.cleaningFits.filter((_, i) => keepRows[i]);
  const { chosen, cleaned } = cleanTable(input, settings, fits);
  const run = {
    preprocessor: file.preprocessor,
    model: file.model,
    task: file.task,
    classes: file.classes,
    positiveClass: file.positiveClass,
  };
  const result = scoreTable(run, cleaned.table);
  if (!result.ok) return result;
  let scored = result.data;
  if (file.task === 'binary' && file.threshold !== null) {
    const threshold = file.threshold;
    const predicted = scored.score.map((p) => (p >= threshold ? 1 : 0));
    scored = { ...scored, predicted, labels: Array.from(predicted, (v) => file.classes[v]) };
  }
  const keep = chosen.table.columns.map((c) => c.name);
  const counts = new Map<string, number>();
  if (file.task !== 'regression')
    for (const label of scored.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return ok({
    predicted: [...counts].map(([label, rows]) => ({ label, rows })).sort((a, b) => b.rows - a.rows),
    scored,
    columns: checkColumns(neededColumns(file.preprocessor), chosen.table),
    unreadable: unreadableNumbers(file.preprocessor, cleaned.table),
    csv: predictionsCsv(chosen.table, scored, { keep }),
    rows: chosen.table.rowCount,
  });
}
