/**
 * The test-set figures of a trained model, from src/metrics: predictions thresholded at ½ (binary) or taken
 * as the most probable class (multiclass), and baselines that only know the training rows.
 */
import type { TaskKind } from '../data/settings';
import { classificationMetrics } from '../metrics/classification';
import { multiclassMetrics } from '../metrics/multiclass';
import { regressionMetrics } from '../metrics/regression';
import type { PipelineMetrics } from './types';

/** The most frequent class of the training targets (class indices); ties go to the lower index. */
export function majorityClass(yTrain: Float64Array, classCount: number): number {
  const counts = new Float64Array(classCount);
  for (const y of yTrain) counts[y]++;
  let best = 0;
  for (let c = 1; c < classCount; c++) if (counts[c] > counts[best]) best = c;
  return best;
}

/** Mean of the training targets: the constant prediction a regression model must beat. */
export function trainingMean(yTrain: Float64Array): number {
  let sum = 0;
  for (const y of yTrain) sum += y;
  return yTrain.length > 0 ? sum / yTrain.length : NaN;
}

/** Hard predictions from scores: 0/1 at ½, the arg-max class (first on ties), or the value itself. */
export function predictedLabels(task: TaskKind, score: Float64Array, rows: number): Float64Array {
  if (task === 'regression') return score;
  if (task === 'binary') return Float64Array.from(score, (p) => (p >= 0.5 ? 1 : 0));
  const k = rows > 0 ? score.length / rows : 0;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (score[r * k + c] > score[r * k + best]) best = c;
    out[r] = best;
  }
  return out;
}

/**
 * The metrics of `docs/report-schema.md` on the test rows. Binary: the confusion matrix and every figure of
 * `classificationMetrics`, except that `baselineAccuracy` is always predicting the training majority class
 * (not the test rows' own majority, which a model could not know). Multiclass: accuracy, macro precision,
 * recall and F1, the confusion matrix and the same baseline. Regression: MAE, RMSE, R² and the RMSE of
 * always predicting the training mean.
 */
export function evaluate(
  task: TaskKind,
  classCount: number,
  yTrain: Float64Array,
  yTest: Float64Array,
  score: Float64Array,
  predicted: Float64Array,
): PipelineMetrics {
  if (task === 'regression') {
    const m = regressionMetrics(yTest, predicted);
    const mean = trainingMean(yTrain);
    const baseline = regressionMetrics(yTest, new Float64Array(yTest.length).fill(mean));
    return { mae: m.mae, rmse: m.rmse, r2: m.r2, baselineRmse: baseline.rmse };
  }
  const majority = new Float64Array(yTest.length).fill(majorityClass(yTrain, classCount));
  const baselineAccuracy = multiclassMetrics(yTest, majority, classCount).accuracy;
  if (task === 'binary') {
    const m = classificationMetrics(yTest, predicted, score);
    return {
      accuracy: m.accuracy,
      baselineAccuracy,
      balancedAccuracy: m.balancedAccuracy,
      precision: m.precision,
      recall: m.recall,
      specificity: m.specificity,
      f1: m.f1,
      rocAuc: m.rocAuc,
      logLoss: m.logLoss,
      confusion: m.confusion,
    };
  }
  const m = multiclassMetrics(yTest, predicted, classCount);
  return {
    accuracy: m.accuracy,
    baselineAccuracy,
    macroPrecision: m.macroPrecision,
    macroRecall: m.macroRecall,
    macroF1: m.macroF1,
    confusion: m.confusion,
  };
}
