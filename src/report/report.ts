/**
 * The report of a training run: a documented, versioned JSON object (docs/report-schema.md) that the CLI
 * writes and the app offers as "Download report (JSON)", and that a later version can open again.
 * Versioning rule: fields are only ever added; a change that removes or redefines a field bumps `version`.
 */
import type { Result } from '../core/result';
import type { TaskKind } from '../data/settings';
import type { Backend, ModelKind, PipelineResult, StopReason } from '../pipeline/types';
import { MODEL_KINDS } from '../pipeline/types';
import {
  decidedByGroups,
  fairnessAudit,
  fairnessAuditOf,
  type AuditEntry,
  type ScoredRows,
} from '../pipeline/audit';
import { MITIGATION_METHODS, type Mitigation, type MitigationMethod } from '../pipeline/mitigation';
import type { ThresholdIndex } from '../metrics/threshold';

/** The `type` of every report. */
export const REPORT_TYPE = 'lepton-workbench-report';
/** The schema version this code writes and the newest it reads. */
export const REPORT_VERSION = 1;

/** A figure that may be undefined (a precision with nothing predicted positive): null in JSON. */
export type Figure = number | null;

/** Every figure of a report's `metrics`: numbers, undefined figures (null) and matrices. */
export type ReportMetrics = Record<string, Figure | Figure[][]>;

/** A report, as docs/report-schema.md documents it field by field. */
export interface Report {
  type: typeof REPORT_TYPE;
  version: typeof REPORT_VERSION;
  app: 'lepton-workbench';
  /** When the report was made: ISO 8601, UTC. */
  createdAt: string;
  dataset: {
    name: string;
    /** Rows and columns of the table after the cleaning steps. */
    rows: number;
    columns: number;
    /** The separate test file, or null when the test rows came from the split. */
    testFile: { name: string; rows: number } | null;
  };
  task: TaskKind;
  target: string;
  /** Binary classification: the class predicted as positive; null otherwise. */
  positiveClass: string | null;
  /**
   * The class labels, in the order of the confusion matrix: binary [negative, positive], multiclass most
   * frequent first, regression []. Optional to read: absent means [].
   */
  classes: string[];
  sensitive: string[];
  /** Rows in each part, and the seed of the split (and of the learner). */
  split: { train: number; validation: number; test: number; seed: number };
  model: {
    kind: ModelKind;
    backend: Backend;
    /** Every setting the learner used, defaults filled in. */
    options: Record<string, number | number[]>;
    /** Milliseconds spent training (not loading, preprocessing or evaluating), rounded. */
    trainMs: number;
    /** Epochs (boosting rounds) trained; null for a single tree. */
    epochs: number | null;
    // The next three were added after version 1 first shipped: optional to read (absent in older reports).
    /** The epoch (round) whose model was kept, the best on the validation rows; null for a single tree. */
    bestEpoch?: number | null;
    /** Why training ended: 'epochs' (all ran), 'early-stopping', 'user' (Stop); null for a single tree. */
    stoppedBy?: StopReason;
    /** Backends that failed during the run, in order, and where it went on (empty when none failed). */
    fallbacks?: { from: string; to: string; error: string; afterEpoch: number }[];
  };
  metrics: ReportMetrics;
  /**
   * Added later in version 1 (optional to read): the fairness audit on the test rows at threshold ½, one entry
   * per sensitive attribute, then one per pair of them (see src/pipeline/audit.ts and the schema document).
   */
  fairness?: AuditEntry[];
  /**
   * Added later in version 1 (optional to read): the decision threshold of every threshold-dependent figure
   * (binary classification: a row is predicted positive when P(positive) ≥ threshold); absent means ½.
   */
  threshold?: number;
  /**
   * Added later in version 1 (optional to read): permutation importance per input column on the test rows,
   * most important first: the mean (and population standard deviation over the repeats) of the drop in
   * accuracy (classification) or R² (regression) when the column is shuffled.
   */
  importance?: { feature: string; mean: number; std: number }[];
  /**
   * Added later in version 1 (optional to read): the proxy finder, how well each input column alone predicts
   * each sensitive attribute (balanced accuracy on held-out rows; `chance` is what a column with no
   * information scores), ranked per attribute.
   */
  proxies?: { feature: string; attribute: string; score: Figure; chance: Figure }[];
  /**
   * Added later in version 1 (optional to read): the remedy the run was trained with (`method`, the
   * `attribute` it protects, its resolved `options`), or null for a plain run (src/pipeline/mitigation.ts).
   */
  mitigation?: Mitigation | null;
  /** Added later in version 1 (optional): true when the user marked this run as the one they keep. */
  chosen?: boolean;
  /**
   * Added later in version 1 (optional): for a mitigated run, the plain run it is compared with (same data,
   * split and seed), its figures beside this run's: model, threshold, metrics and fairness audit.
   */
  baseline?: Pick<Report, 'model' | 'metrics' | 'fairness' | 'threshold' | 'createdAt'>;
}

/**
 * The report of `run` as exported: marked chosen or not, with the baseline run's figures beside it when the
 * run is a mitigated one and its baseline is known.
 */
export function exportedReport(run: Report, options: { chosen?: boolean; baseline?: Report | null }): Report {
  const { baseline } = options;
  return {
    ...run,
    ...(options.chosen !== undefined ? { chosen: options.chosen } : {}),
    ...(run.mitigation && baseline
      ? {
          baseline: {
            createdAt: baseline.createdAt,
            model: baseline.model,
            metrics: baseline.metrics,
            ...(baseline.fairness ? { fairness: baseline.fairness } : {}),
            ...(baseline.threshold !== undefined ? { threshold: baseline.threshold } : {}),
          },
        }
      : {}),
  };
}

/** What the result does not know: the files' names, and the time (given for reproducible tests). */
export interface ReportMeta {
  datasetName: string;
  testFileName?: string;
  createdAt?: Date;
  /** Backends that failed during the run (the app's training worker knows; the CLI has none). */
  fallbacks?: { from: string; to: string; error: string; afterEpoch: number }[];
  /** Permutation importance, when it was measured (src/explain/run.ts). */
  importance?: readonly { feature: string; mean: number; std: number }[];
}

/** NaN and ±Infinity are not JSON: an undefined figure is written as null. */
const figure = (x: number): Figure => (Number.isFinite(x) ? x : null);

function metricsOf(result: PipelineResult): ReportMetrics {
  const out: ReportMetrics = {};
  for (const [name, value] of Object.entries(result.metrics) as [string, number | number[][]][]) {
    out[name] = typeof value === 'number' ? figure(value) : value.map((row) => row.map(figure));
  }
  return out;
}

/** The report of a pipeline run: counts and figures only, no row-level data. */
export function buildReport(result: PipelineResult, meta: ReportMeta): Report {
  const { split, model } = result;
  return {
    type: REPORT_TYPE,
    version: REPORT_VERSION,
    app: 'lepton-workbench',
    createdAt: (meta.createdAt ?? new Date()).toISOString(),
    dataset: {
      name: meta.datasetName,
      rows: result.dataset.rows,
      columns: result.dataset.columns,
      testFile:
        result.testFileRows === null
          ? null
          : { name: meta.testFileName ?? 'test file', rows: result.testFileRows },
    },
    task: result.task,
    target: result.target,
    positiveClass: result.positiveClass,
    classes: [...result.classes],
    sensitive: [...result.sensitive],
    split: {
      train: split.train.length,
      validation: split.validation.length,
      test: split.test.length,
      seed: split.seed,
    },
    model: {
      kind: model.kind,
      backend: model.backend,
      options: structuredClone(model.options),
      trainMs: Math.round(model.trainMs),
      epochs: model.epochs,
      bestEpoch: model.bestEpoch,
      stoppedBy: model.stoppedBy,
      fallbacks: (meta.fallbacks ?? []).map((f) => ({ ...f })),
    },
    metrics: metricsOf(result),
    fairness: fairnessAudit(result),
    // A group-thresholds run has no single threshold: `mitigation.options.rules` give each group's.
    ...(decidedByGroups(result) ? {} : { threshold: 0.5 }),
    mitigation: result.mitigation ? structuredClone(result.mitigation) : null,
    ...(meta.importance
      ? {
          importance: meta.importance.map((c) => ({
            feature: c.feature,
            mean: figure(c.mean) ?? 0,
            std: figure(c.std) ?? 0,
          })),
        }
      : {}),
    proxies: result.proxies.map((p) => ({
      feature: p.feature,
      attribute: p.attribute,
      score: figure(p.score),
      chance: figure(p.chance),
    })),
  };
}

/**
 * The report of a binary classifier at another decision threshold, as the results page shows it when its
 * slider moves: the threshold-dependent metrics (accuracy, balanced accuracy, precision, recall, specificity,
 * F1, confusion) and the fairness audit recomputed from the test rows' scores; ROC AUC, log loss and the
 * baseline do not depend on it and stay. Other tasks have no threshold: their report is returned unchanged.
 */
export function reportAtThreshold(
  report: Report,
  scored: Omit<ScoredRows, 'task'>,
  threshold: number,
  index: ThresholdIndex,
): Report {
  if (report.task !== 'binary' || scored.decided) return report;
  const { confusion, ...rates } = index.binaryMetricsAt(threshold);
  const metrics: ReportMetrics = { ...report.metrics, confusion: confusion.map((row) => row.map(figure)) };
  for (const key of ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'specificity', 'f1'] as const)
    metrics[key] = figure(rates[key]);
  return {
    ...report,
    threshold,
    metrics,
    fairness: fairnessAuditOf({ ...scored, task: 'binary' }, threshold, index),
  };
}

/** Why a JSON value is not a report this version can open. */
export interface ReportProblem {
  code: 'not-a-report' | 'newer-version' | 'invalid-field';
  /** The field at fault, as a dotted path (`model.kind`), for 'invalid-field'. */
  field?: string;
  /** What the field should hold, in words, for 'invalid-field'. */
  expected?: string;
}

const TASKS: readonly TaskKind[] = ['binary', 'multiclass', 'regression'];
const BACKENDS: readonly Backend[] = ['cpu', 'wasm', 'webgl', 'webgpu', 'typescript'];
/** Figures every report of a task carries; others may be added by later versions. */
const REQUIRED_METRICS: Record<TaskKind, string[]> = {
  binary: ['accuracy', 'baselineAccuracy'],
  multiclass: ['accuracy', 'baselineAccuracy'],
  regression: ['mae', 'rmse', 'r2', 'baselineRmse'],
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isString = (v: unknown) => typeof v === 'string';
const isStrings = (v: unknown) => Array.isArray(v) && v.every(isString);
const isFigure = (v: unknown) => v === null || typeof v === 'number';
const isMatrix = (v: unknown) =>
  Array.isArray(v) && v.every((row) => Array.isArray(row) && row.every(isFigure));
const isOption = (v: unknown) =>
  typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'number'));

/** [path, test, expected] for every field of a version-1 report. */
function checks(r: Json): [string, boolean, string][] {
  const dataset = isObject(r.dataset) ? r.dataset : {};
  const split = isObject(r.split) ? r.split : {};
  const model = isObject(r.model) ? r.model : {};
  const metrics = isObject(r.metrics) ? r.metrics : {};
  const testFile = dataset.testFile ?? null;
  const task = r.task as TaskKind;
  return [
    ['app', r.app === 'lepton-workbench', '"lepton-workbench"'],
    ['createdAt', isString(r.createdAt) && !Number.isNaN(Date.parse(r.createdAt as string)), 'an ISO date'],
    ['dataset', isObject(r.dataset), 'an object'],
    ['dataset.name', isString(dataset.name), 'a string'],
    ['dataset.rows', isCount(dataset.rows), 'a count'],
    ['dataset.columns', isCount(dataset.columns), 'a count'],
    [
      'dataset.testFile',
      testFile === null || (isObject(testFile) && isString(testFile.name) && isCount(testFile.rows)),
      'null or { name, rows }',
    ],
    ['task', TASKS.includes(task), TASKS.join(' | ')],
    ['target', isString(r.target), 'a string'],
    ['positiveClass', r.positiveClass === null || isString(r.positiveClass), 'a string or null'],
    ['classes', r.classes === undefined || isStrings(r.classes), 'an array of strings'],
    ['sensitive', isStrings(r.sensitive), 'an array of strings'],
    ['split', isObject(r.split), 'an object'],
    ...(['train', 'validation', 'test', 'seed'] as const).map((k): [string, boolean, string] => [
      `split.${k}`,
      isCount(split[k]),
      'a count',
    ]),
    ['model', isObject(r.model), 'an object'],
    ['model.kind', MODEL_KINDS.includes(model.kind as ModelKind), MODEL_KINDS.join(' | ')],
    ['model.backend', BACKENDS.includes(model.backend as Backend), BACKENDS.join(' | ')],
    [
      'model.options',
      isObject(model.options) && Object.values(model.options).every(isOption),
      'an object of numbers and number arrays',
    ],
    ['model.trainMs', typeof model.trainMs === 'number' && model.trainMs >= 0, 'a duration in ms'],
    ['model.epochs', model.epochs === null || isCount(model.epochs), 'a count or null'],
    ['metrics', isObject(r.metrics), 'an object'],
    ['fairness', r.fairness === undefined || Array.isArray(r.fairness), 'a list (optional)'],
    [
      'threshold',
      r.threshold === undefined || (typeof r.threshold === 'number' && r.threshold >= 0 && r.threshold <= 1),
      'a number from 0 to 1 (optional)',
    ],
    ['importance', r.importance === undefined || Array.isArray(r.importance), 'a list (optional)'],
    ['proxies', r.proxies === undefined || Array.isArray(r.proxies), 'a list (optional)'],
    [
      'mitigation',
      r.mitigation === undefined ||
        r.mitigation === null ||
        (isObject(r.mitigation) &&
          MITIGATION_METHODS.includes(r.mitigation.method as MitigationMethod) &&
          isString(r.mitigation.attribute) &&
          isObject(r.mitigation.options)),
      `null or { method: ${MITIGATION_METHODS.join(' | ')}, attribute, options } (optional)`,
    ],
    ['chosen', r.chosen === undefined || typeof r.chosen === 'boolean', 'true or false (optional)'],
    [
      'baseline',
      r.baseline === undefined || (isObject(r.baseline) && isObject(r.baseline.metrics)),
      'an object with metrics (optional)',
    ],
    ...(TASKS.includes(task) ? REQUIRED_METRICS[task] : []).map((k): [string, boolean, string] => [
      `metrics.${k}`,
      k in metrics && isFigure(metrics[k]),
      'a number or null',
    ]),
    ...Object.entries(metrics).map(([k, v]): [string, boolean, string] => [
      `metrics.${k}`,
      isFigure(v) || isMatrix(v),
      'a number, null or a matrix',
    ]),
  ];
}

/**
 * Checks that a parsed JSON value is a report this version can open: `type` and `version` first ('not-a-report',
 * 'newer-version'), then every documented field ('invalid-field' with the first field at fault). Fields it
 * does not know are kept: later versions only add fields. A report written without `dataset.testFile` or
 * `classes` reads as having none.
 */
export function validateReport(json: unknown): Result<Report, ReportProblem> {
  if (!isObject(json) || json.type !== REPORT_TYPE) return { ok: false, reason: { code: 'not-a-report' } };
  if (!Number.isInteger(json.version) || (json.version as number) < 1) {
    return { ok: false, reason: { code: 'invalid-field', field: 'version', expected: 'a whole number ≥ 1' } };
  }
  if ((json.version as number) > REPORT_VERSION) return { ok: false, reason: { code: 'newer-version' } };
  for (const [field, valid, expected] of checks(json)) {
    if (!valid) return { ok: false, reason: { code: 'invalid-field', field, expected } };
  }
  const report = json as unknown as Report;
  const dataset = { ...report.dataset, testFile: report.dataset.testFile ?? null };
  return { ok: true, data: { ...report, classes: report.classes ?? [], dataset } };
}
