/**
 * The readable summary the CLI prints after a run: what was trained on what, and how it scored against
 * the baseline a model must beat.
 */
import { GOAL_DISPARITY, type FairnessGoal } from '../pipeline/mitigation';
import type { ModelKind, PipelineResult } from '../pipeline/types';
import type { Report } from '../report/report';

const count = (n: number) => n.toLocaleString('en-US');
const fixed = (x: number | null, digits = 4) =>
  x === null || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The learner in words; 'logistic' on a number target is linear regression. */
export function modelName(kind: ModelKind, regression: boolean): string {
  switch (kind) {
    case 'logistic':
      return regression ? 'linear regression' : 'logistic regression';
    case 'mlp':
      return 'neural network (MLP)';
    case 'tree':
      return 'decision tree';
    case 'boosted':
      return 'gradient-boosted trees';
  }
}

const line = (label: string, value: string) => `  ${label.padEnd(19)} ${value}`;

function metricLines(result: PipelineResult, report: Report): string[] {
  const m = report.metrics;
  const figure = (name: string) => (typeof m[name] === 'number' ? (m[name] as number) : null);
  if (result.task === 'regression') {
    const rmse = figure('rmse');
    const base = figure('baselineRmse');
    const gain =
      rmse !== null && base !== null && base > 0 ? ` (${fixed(100 * (1 - rmse / base), 1)}% lower)` : '';
    return [
      line('RMSE', `${fixed(rmse)}   baseline ${fixed(base)} (always the training mean)${gain}`),
      line('MAE', fixed(figure('mae'))),
      line('R²', fixed(figure('r2'))),
    ];
  }
  const acc = figure('accuracy');
  const base = figure('baselineAccuracy');
  const points =
    acc !== null && base !== null ? `, ${acc >= base ? '+' : ''}${fixed(100 * (acc - base), 1)} points` : '';
  const lines = [
    line('accuracy', `${fixed(acc)}   baseline ${fixed(base)} (always the training majority)${points}`),
  ];
  const rest: [string, string][] =
    result.task === 'binary'
      ? [
          ['balanced accuracy', 'balancedAccuracy'],
          ['precision', 'precision'],
          ['recall', 'recall'],
          ['specificity', 'specificity'],
          ['F1', 'f1'],
          ['ROC AUC', 'rocAuc'],
          ['log loss', 'logLoss'],
        ]
      : [
          ['macro precision', 'macroPrecision'],
          ['macro recall', 'macroRecall'],
          ['macro F1', 'macroF1'],
        ];
  for (const [label, name] of rest) lines.push(line(label, fixed(figure(name))));
  const confusion = m.confusion;
  if (result.task === 'binary' && Array.isArray(confusion)) {
    const [[tn, fp], [fn, tp]] = confusion as number[][];
    lines.push(line('confusion', `tn ${count(tn)} · fp ${count(fp)} · fn ${count(fn)} · tp ${count(tp)}`));
  }
  return lines;
}

/** A figure with 3 decimals, or "not defined". */
const defined = (x: number | null) => (x === null ? 'not defined' : x.toFixed(3));

/**
 * The fairness audit in a few lines per attribute: for a classifier the disparities Fairlearn defines (the
 * ratio read against the four-fifths guideline), for regression the MAE and mean error per group.
 */
function fairnessLines(report: Report): string[] {
  const entries = report.fairness ?? [];
  if (entries.length === 0) return [];
  const decision =
    report.mitigation?.method === 'thresholds'
      ? "each group's own threshold"
      : `threshold ${report.threshold ?? 0.5}`;
  const lines = ['', `Fairness on the test set (${decision}; 0 difference and ratio 1 are parity):`];
  for (const entry of entries) {
    if ('demographicParityDifference' in entry) {
      const ratio = entry.demographicParityRatio;
      const verdict = ratio === null ? '' : ratio >= 0.8 ? ' (meets four-fifths)' : ' (below four-fifths)';
      lines.push(
        line(
          entry.attribute,
          `selection rate ${entry.groups.map((g) => `${g.group} ${defined(g.selectionRate)}`).join(' · ')}`,
        ),
        line(
          '',
          `demographic parity difference ${defined(entry.demographicParityDifference)}, ratio ${defined(ratio)}${verdict}`,
        ),
        line(
          '',
          `equal opportunity difference ${defined(entry.equalOpportunityDifference)} · equalized odds difference ${defined(entry.equalizedOddsDifference)}`,
        ),
      );
    } else {
      lines.push(
        line(
          entry.attribute,
          entry.groups
            .map((g) => `${g.group}: MAE ${defined(g.mae)}, mean error ${defined(g.meanError)}`)
            .join(' · '),
        ),
      );
    }
  }
  return lines;
}

/** Columns listed by importance and by proxy strength. */
const TOP = 5;

/** The most important input columns: the mean drop of the score when shuffled, ± its spread over repeats. */
function importanceLines(report: Report): string[] {
  const importance = report.importance ?? [];
  if (importance.length === 0) return [];
  const score = report.task === 'regression' ? 'R²' : 'accuracy';
  return [
    '',
    `What drives the model (drop in test ${score} when a column is shuffled, mean ± std of the repeats):`,
    ...importance.slice(0, TOP).map((c) => line(c.feature, `${c.mean.toFixed(4)} ± ${c.std.toFixed(4)}`)),
  ];
}

/** The strongest proxies of each sensitive attribute (balanced accuracy of the column alone). */
function proxyLines(report: Report): string[] {
  const proxies = report.proxies ?? [];
  if (proxies.length === 0) return [];
  const lines = ['', 'Proxies (how well a column alone predicts the attribute; balanced accuracy):'];
  for (const attribute of new Set(proxies.map((p) => p.attribute))) {
    const top = proxies.filter((p) => p.attribute === attribute).slice(0, 3);
    const chance = top[0]?.chance;
    lines.push(
      line(
        attribute,
        `${top.map((p) => `${p.feature} ${defined(p.score)}`).join(' · ')}${chance === null || chance === undefined ? '' : ` (chance ${defined(chance)})`}`,
      ),
    );
  }
  return lines;
}

/** The summary of a run, one string of lines. `leftOut` names input columns the data step set aside. */
export function formatSummary(
  result: PipelineResult,
  report: Report,
  extra: { totalMs: number; leftOut: { column: string; reason: string }[] },
): string {
  const { dataset, split, model } = report;
  const testFile = dataset.testFile
    ? `; test file ${dataset.testFile.name}: ${count(dataset.testFile.rows)} rows`
    : '';
  const positive = result.positiveClass === null ? '' : `, positive class "${result.positiveClass}"`;
  const features = result.preprocessor.featureNames.length;
  const setAside = [
    ...extra.leftOut.filter((l) => l.reason !== 'target' && l.reason !== 'sensitive'),
    ...result.preprocessor.leftOut,
  ].map((l) => `${l.column} (${l.reason})`);
  const epochs =
    model.epochs === null ? '' : `${model.epochs} ${model.kind === 'boosted' ? 'rounds' : 'epochs'}, `;
  const backend = model.backend === 'typescript' ? 'plain TypeScript' : `TF.js ${model.backend}`;
  return [
    `Lepton Workbench · ${dataset.name}`,
    line('data', `${count(dataset.rows)} rows × ${dataset.columns} columns${testFile}`),
    line('target', `${result.target}: ${result.task}${positive}`),
    ...(result.sensitive.length > 0
      ? [line('sensitive', `${result.sensitive.join(', ')} (not model inputs)`)]
      : []),
    line('inputs', `${result.preprocessor.encoders.length} columns → ${features} features`),
    ...(setAside.length > 0 ? [line('left out', setAside.join(', '))] : []),
    line(
      'split',
      `train ${count(split.train)} · validation ${count(split.validation)} · test ${count(split.test)} (seed ${split.seed})`,
    ),
    line('model', `${modelName(model.kind, result.task === 'regression')} on ${backend}`),
    line('time', `${epochs}trained in ${seconds(model.trainMs)} (whole run ${seconds(extra.totalMs)})`),
    '',
    `Test set (${count(split.test)} rows):`,
    ...metricLines(result, report),
    ...fairnessLines(report),
    ...importanceLines(report),
    ...proxyLines(report),
  ].join('\n');
}

/** The audit figure of a report for an attribute, or null. */
function disparityOf(report: Pick<Report, 'fairness'>, attribute: string, key: string): number | null {
  const entry = report.fairness?.find((e) => e.attribute === attribute) as
    Record<string, unknown> | undefined;
  const value = entry?.[key];
  return typeof value === 'number' ? value : null;
}

/**
 * The remedy against its baseline (the plain run on the same split and seed): accuracy, AUC and the chosen
 * fairness definition's difference for the protected attribute, before and after.
 */
export function formatComparison(report: Report, fairness: FairnessGoal): string {
  const baseline = report.baseline;
  const mitigation = report.mitigation;
  if (!baseline || !mitigation) return '';
  const figure = (m: Report['metrics'], name: string) =>
    typeof m[name] === 'number' ? (m[name] as number) : null;
  const row = (label: string, before: number | null, after: number | null) =>
    line(label, `${fixed(before)} → ${fixed(after)}`);
  const key = GOAL_DISPARITY[fairness];
  const o = mitigation.options;
  const options = [
    ...(o.fairness ? [`aiming at ${o.fairness}`] : []),
    ...(o.lambda !== undefined ? [`λ ${o.lambda}`] : []),
    ...(o.dropped ? [`dropped ${o.dropped.join(', ')}`] : []),
    ...(o.trainingRows !== undefined ? [`${count(o.trainingRows)} training rows after resampling`] : []),
    ...(o.validation
      ? [
          `on the validation rows: accuracy ${fixed(o.validation.accuracy)}, gap ${fixed(o.validation.violation)}`,
        ]
      : []),
  ];
  return [
    '',
    `Remedy: ${mitigation.method} for "${mitigation.attribute}"${options.length ? ` (${options.join('; ')})` : ''}`,
    row('accuracy', figure(baseline.metrics, 'accuracy'), figure(report.metrics, 'accuracy')),
    row('ROC AUC', figure(baseline.metrics, 'rocAuc'), figure(report.metrics, 'rocAuc')),
    row(
      fairness,
      disparityOf(baseline, mitigation.attribute, key),
      disparityOf(report, mitigation.attribute, key),
    ),
  ].join('\n');
}
