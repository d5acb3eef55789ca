/**
 * Everything the results page needs to explain a trained model, computed once where the model was trained
 * (the training worker, or the CLI) and sent as plain data: the test rows' scores and groups (so the
 * threshold slider can recompute every figure in the page), the fitted model and preprocessing (coefficients,
 * the tree diagram, the what-if editor), permutation importance per original column, partial dependence of
 * the most important columns, and a few test rows to start the what-if editor from.
 */
import type { StepFit } from '../data/clean';
import { transform, type Preprocessor } from '../features/preprocess';
import type { ProxyScore } from '../fairness/proxies';
import { regressionMetrics } from '../metrics/regression';
import { decidedByGroups, type ScoredRows } from '../pipeline/audit';
import { predictedLabels } from '../pipeline/evaluate';
import { predictModel } from '../pipeline/models';
import type { FittedModel, PipelineResult } from '../pipeline/types';
import { partialDependence, type PartialDependence } from './partialDependence';
import { permutationImportance, type ColumnImportance } from './permutation';
import { rawRowsOf, type RawRow } from './rows';

/** Test rows offered as starting points in the what-if editor. */
export const EXAMPLE_ROWS = 200;
/** Columns (the most important first) that get a partial dependence chart. */
export const PARTIAL_DEPENDENCE_COLUMNS = 3;
/** Shuffles per column for permutation importance (issue 4 times 5 on Adult's test set). */
export const IMPORTANCE_REPEATS = 5;

export interface Explanation {
  /** What the model scored on the test rows: enough to recompute metrics and the audit at any threshold. */
  scored: Omit<ScoredRows, 'task'>;
  model: FittedModel;
  preprocessor: Preprocessor;
  /** The cleaning steps' fits on the training file (see `PipelineResult.cleaningFits`); absent in older runs. */
  cleaningFits?: (StepFit | null)[];
  /**
   * Permutation importance per input column on the test rows, most important first: the drop in accuracy
   * (classification) or R² (regression) when that column's values are shuffled among the rows.
   */
  importance: ColumnImportance[];
  importanceScore: 'accuracy' | 'r2';
  proxies: ProxyScore[];
  /** For the most important columns (binary and regression: P(positive) or the value). */
  partialDependence: PartialDependence[];
  /** The first test rows, raw values of the input columns, with their true target as encoded. */
  examples: { rows: RawRow[]; y: number[] };
}

export interface ExplainOptions {
  seed: number;
  repeats?: number;
  /** Columns done of the total, after each column's shuffles. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * The score permutation importance drops: accuracy of the predicted class (binary at ½, multiclass arg max),
 * or R² for regression — scikit-learn's default `score` of each estimator, which
 * `sklearn.inspection.permutation_importance` uses without a `scoring` argument. The labels and R² are those
 * of the run's own evaluation (`predictedLabels`, `regressionMetrics`).
 */
function scorer(result: PipelineResult, y: Float64Array): (X: Float32Array) => number {
  const { fitted } = result.model;
  const n = y.length;
  return (X) => {
    const score = predictModel(fitted, X, n);
    if (result.task === 'regression') {
      const { r2 } = regressionMetrics(y, score);
      return Number.isFinite(r2) ? r2 : 0; // constant test targets: no variance to explain
    }
    const labels = predictedLabels(result.task, score, n);
    let right = 0;
    for (let i = 0; i < n; i++) if (labels[i] === y[i]) right++;
    return right / n;
  };
}

/**
 * The explanation of a finished run (see `Explanation`). Permutation importance takes most of the time: one
 * prediction of the test rows per column and repeat; it yields to the event loop between columns.
 */
export async function explainRun(result: PipelineResult, options: ExplainOptions): Promise<Explanation> {
  const pre = result.preprocessor;
  const { test: rows } = result.split;
  const table = result.tables.test;
  const { y } = result.predictions;
  const X = transform(pre, table, rows);
  const columns = pre.encoders.map((e, i) => ({ name: e.column, span: pre.spans[i] }));
  const importance = await permutationImportance(
    scorer(result, y),
    X,
    rows.length,
    pre.featureNames.length,
    columns,
    {
      seed: options.seed,
      repeats: options.repeats ?? IMPORTANCE_REPEATS,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  // P(positive) for binary, the value for regression; multiclass, the chance of its most frequent class.
  const majority =
    result.majorityClass === null ? 0 : Math.max(0, result.classes.indexOf(result.majorityClass));
  // A column the test rows lack (or hold only missing values of) has no grid: no chart rather than an empty one.
  const partial = importance
    .slice(0, PARTIAL_DEPENDENCE_COLUMNS)
    .map((c) => partialDependence(result.model.fitted, pre, table, rows, c.feature, { classIndex: majority }))
    .filter((pd) => pd.points.length > 0);
  const shown = rows.subarray(0, EXAMPLE_ROWS);
  return {
    scored: {
      ...result.predictions,
      testGroups: result.testGroups,
      ...(decidedByGroups(result) ? { decided: true } : {}),
    },
    model: result.model.fitted,
    preprocessor: pre,
    cleaningFits: result.cleaningFits,
    importance,
    importanceScore: result.task === 'regression' ? 'r2' : 'accuracy',
    proxies: result.proxies,
    partialDependence: partial,
    examples: { rows: rawRowsOf(pre, table, shown), y: Array.from(y.subarray(0, shown.length)) },
  };
}
