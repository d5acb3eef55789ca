import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Explanation } from '../../explain/run';
import { useI18n } from '../../i18n';
import { calibrationCurve, rocCurve } from '../../metrics/classification';
import { perClassMetrics } from '../../metrics/multiclass';
import { metricWarnings, type MetricWarning } from '../../metrics/warnings';
import type { Report } from '../../report/report';
import type { TrainOutcome } from '../../workers/trainProtocol';
import { Section } from '../components/Section';
import { WhenVisible } from '../components/WhenVisible';
import { useController } from '../context';
import type { LiveResults } from './live';

const num = (x: unknown): number => (typeof x === 'number' ? x : NaN);

/** The figures listed per task, in this order. */
const FIGURES: Record<Report['task'], string[]> = {
  binary: [
    'accuracy',
    'baselineAccuracy',
    'balancedAccuracy',
    'precision',
    'recall',
    'specificity',
    'f1',
    'rocAuc',
    'logLoss',
  ],
  multiclass: ['accuracy', 'baselineAccuracy', 'macroPrecision', 'macroRecall', 'macroF1'],
  regression: ['mae', 'rmse', 'r2', 'baselineRmse'],
};

/** At most this many points per curve or scatter: enough for the eye, cheap for the SVG. */
const MAX_POINTS = 400;

/** Every k-th element so that at most `max` remain, the last one always kept. */
function thin<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.floor(i * step)]);
  out.push(items[items.length - 1]);
  return out;
}

function Headline({ report, majority }: { report: Report; majority: string | null }) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  const { metrics } = report;
  if (report.task === 'regression')
    return (
      <p className="finding" data-testid="performance-headline">
        {t.regression(
          fmt.quantity(num(metrics.rmse)),
          fmt.quantity(num(metrics.baselineRmse)),
          fmt.percent(num(metrics.r2), 1),
        )}
      </p>
    );
  return (
    <p className="finding" data-testid="performance-headline">
      {t.accuracy(
        fmt.percent(num(metrics.accuracy), 1),
        fmt.percent(num(metrics.baselineAccuracy), 1),
        majority ?? '',
      )}
    </p>
  );
}

function Warnings({ warnings }: { warnings: MetricWarning[] }) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  if (warnings.length === 0) return null;
  return (
    <ul className="result-warnings" data-testid="metric-warnings">
      {warnings.map((w) => (
        <li key={w.code} className="warning">
          {w.code === 'imbalanced'
            ? t.warnings.imbalanced(w.minorityClass, fmt.percent(w.share, 1))
            : w.code === 'tiny-test'
              ? t.warnings.tinyTest(fmt.integer(w.rows))
              : t.warnings.tooPerfect(t.metrics[w.figure][0], fmt.decimal(w.value, 3), w.column)}
        </li>
      ))}
    </ul>
  );
}

function ThresholdSlider({ threshold, positive }: { threshold: number; positive: string }) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  const controller = useController();
  return (
    <div className="threshold" data-testid="threshold">
      <label htmlFor="decision-threshold">{t.threshold}</label>
      <input
        id="decision-threshold"
        type="range"
        min={0.01}
        max={0.99}
        step={0.01}
        value={threshold}
        aria-describedby="decision-threshold-hint"
        onChange={(e) => controller.setThreshold(Number(e.target.value))}
      />
      <output htmlFor="decision-threshold" data-testid="threshold-value">
        {fmt.decimal(threshold, 2)}
      </output>
      {threshold !== 0.5 && (
        <button type="button" className="button-quiet" onClick={() => controller.setThreshold(0.5)}>
          {t.resetThreshold}
        </button>
      )}
      <p id="decision-threshold-hint" className="hint">
        {t.thresholdHint(positive)}
      </p>
    </div>
  );
}

function MetricsTable({ report }: { report: Report }) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  return (
    <div className="table-scroll-x">
      <table className="data-table metrics-table" data-testid="metrics-table">
        <thead>
          <tr>
            <th scope="col">{t.metric}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.meaning}</th>
          </tr>
        </thead>
        <tbody>
          {FIGURES[report.task]
            .filter((key) => key in report.metrics)
            .map((key) => {
              const value = report.metrics[key];
              return (
                <tr key={key} data-metric={key}>
                  <th scope="row">{t.metrics[key]?.[0] ?? key}</th>
                  <td className="number">
                    {typeof value === 'number'
                      ? report.task === 'regression' && key !== 'r2'
                        ? fmt.quantity(value)
                        : fmt.decimal(value, 3)
                      : t.notDefined}
                  </td>
                  <td className="muted">{t.metrics[key]?.[1]}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </div>
  );
}

function Confusion({ report }: { report: Report }) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  const confusion = report.metrics.confusion;
  if (!Array.isArray(confusion)) return null;
  const classes = report.classes;
  return (
    <div className="table-scroll-x">
      <table className="data-table confusion" data-testid="confusion">
        <caption>
          {report.task === 'binary'
            ? t.confusionCaption(report.positiveClass ?? classes[classes.length - 1] ?? '')
            : t.confusion}
        </caption>
        <thead>
          <tr>
            <td />
            {classes.map((c) => (
              <th key={c} scope="col">
                {t.predicted}: {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, i) => (
            <tr key={i}>
              <th scope="row">
                {t.actual}: {classes[i]}
              </th>
              {row.map((v, j) => (
                <td key={j} className={i === j ? 'number diagonal' : 'number'}>
                  {typeof v === 'number' ? fmt.integer(v) : '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PerClass({ report }: { report: Report }) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  const confusion = report.metrics.confusion;
  if (!Array.isArray(confusion)) return null;
  const perClass = perClassMetrics(confusion.map((row) => row.map((v) => v ?? 0)));
  return (
    <div className="table-scroll-x">
      <table className="data-table" data-testid="per-class">
        <caption>{t.perClass}</caption>
        <thead>
          <tr>
            <th scope="col">{t.class}</th>
            <th scope="col">{t.metrics.precision[0]}</th>
            <th scope="col">{t.metrics.recall[0]}</th>
            <th scope="col">F1</th>
            <th scope="col">{t.support}</th>
          </tr>
        </thead>
        <tbody>
          {perClass.map((c, k) => (
            <tr key={k}>
              <th scope="row">{report.classes[k]}</th>
              <td className="number">{fmt.decimal(c.precision, 3)}</td>
              <td className="number">{fmt.decimal(c.recall, 3)}</td>
              <td className="number">{fmt.decimal(c.f1, 3)}</td>
              <td className="number">{fmt.integer(c.support)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** ROC and calibration curves of a binary classifier, with the current threshold marked on the ROC curve. */
const BinaryCurves = memo(function BinaryCurves({
  explanation,
  live,
}: {
  explanation: Explanation;
  live: LiveResults;
}) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  const { y, score } = explanation.scored;
  const roc = useMemo(() => {
    const curve = rocCurve(y, score);
    return thin(
      Array.from(curve.fpr, (fpr, i) => ({ fpr, tpr: curve.tpr[i] })),
      MAX_POINTS,
    );
  }, [y, score]);
  const calibration = useMemo(() => {
    const c = calibrationCurve(y, score, 10);
    return c.meanPredicted.map((p, i) => ({ p, observed: c.fractionPositive[i], rows: c.count[i] }));
  }, [y, score]);
  const confusion = live.index?.confusionAt(live.threshold);
  const now = confusion && {
    fpr: confusion[0][1] / (confusion[0][0] + confusion[0][1]),
    tpr: confusion[1][1] / (confusion[1][0] + confusion[1][1]),
  };
  const axis = (v: number) => fmt.decimal(v, 2);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  // Both charts plot shares against shares: the same grid, 0–1 axes and dashed diagonal (chance; perfect
  // calibration). Elements, not a component, so recharts sees them as the chart's own children.
  const unitSquare = (xKey: string, xLabel: string, yLabel: string) => [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    <XAxis
      key="x"
      type="number"
      dataKey={xKey}
      domain={[0, 1]}
      ticks={ticks}
      tickFormatter={axis}
      label={{ value: xLabel, position: 'insideBottom', offset: -12 }}
    />,
    <YAxis
      key="y"
      type="number"
      domain={[0, 1]}
      ticks={ticks}
      tickFormatter={axis}
      width={64}
      label={{ value: yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
    />,
    <ReferenceLine
      key="diagonal"
      segment={[
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ]}
      stroke="#999"
      strokeDasharray="4 4"
    />,
  ];
  return (
    <div className="chart-pair">
      <figure className="chart" role="img" aria-label={t.rocLabel} data-testid="roc-curve">
        <figcaption>
          {t.roc} · AUC {fmt.decimal(num(live.report.metrics.rocAuc), 3)}
        </figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={roc} margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
            {unitSquare('fpr', t.fprAxis, t.tprAxis)}
            <Line dataKey="tpr" name={t.tprAxis} dot={false} stroke="#0072B2" isAnimationActive={false} />
            {now && Number.isFinite(now.fpr) && Number.isFinite(now.tpr) && (
              <ReferenceDot x={now.fpr} y={now.tpr} r={6} fill="#D55E00" stroke="#fff" />
            )}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart" role="img" aria-label={t.calibrationLabel} data-testid="calibration">
        <figcaption>{t.calibration}</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={calibration} margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
            {unitSquare('p', t.predictedProbability, t.observedShare)}
            <Tooltip
              formatter={(v) => fmt.decimal(Number(v), 3)}
              labelFormatter={(v) => fmt.decimal(Number(v), 3)}
            />
            <Line
              dataKey="observed"
              name={t.observedShare}
              stroke="#009E73"
              isAnimationActive={false}
              dot={{ r: 3 }}
            />
          </LineChart>
        </ResponsiveContainer>
        <p className="hint">{t.calibrationHint}</p>
      </figure>
    </div>
  );
});

/** Predicted against actual, and the errors, for a number target (a sample of the test rows). */
function RegressionScatter({ explanation }: { explanation: Explanation }) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  const { y, predicted } = explanation.scored;
  const points = useMemo(
    () =>
      thin(
        Array.from(y, (actual, i) => ({ actual, predicted: predicted[i], error: predicted[i] - actual })),
        MAX_POINTS,
      ),
    [y, predicted],
  );
  const axis = (v: number) => fmt.compact(v);
  return (
    <div className="chart-pair">
      <figure className="chart" role="img" aria-label={t.scatterLabel} data-testid="predicted-vs-actual">
        <figcaption>{t.scatter}</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="actual"
              name={t.actualAxis}
              tickFormatter={axis}
              label={{ value: t.actualAxis, position: 'insideBottom', offset: -12 }}
            />
            <YAxis type="number" dataKey="predicted" name={t.predictedAxis} tickFormatter={axis} width={48} />
            <Scatter data={points} fill="#0072B2" fillOpacity={0.5} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart" role="img" aria-label={t.residualsLabel} data-testid="residuals">
        <figcaption>{t.residuals}</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="predicted"
              name={t.predictedAxis}
              tickFormatter={axis}
              label={{ value: t.predictedAxis, position: 'insideBottom', offset: -12 }}
            />
            <YAxis type="number" dataKey="error" name={t.errorAxis} tickFormatter={axis} width={48} />
            <ReferenceLine y={0} stroke="#999" />
            <Scatter data={points} fill="#D55E00" fillOpacity={0.5} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}

/** Step 6: the test figures next to the baseline, warnings, the threshold slider, and the curves. */
/**
 * `charts`: the results a moment behind (a deferred value): the figures follow the slider within a frame, the
 * charts in a render React may interrupt.
 */
export function PerformanceStep({
  outcome,
  live,
  charts,
}: {
  outcome: TrainOutcome;
  live: LiveResults;
  charts: LiveResults;
}) {
  const { m } = useI18n();
  const t = m.results.performance;
  const { report, explanation } = live;
  const warnings = useMemo(
    () =>
      explanation
        ? metricWarnings({
            task: report.task,
            classes: report.classes,
            yTest: explanation.scored.y,
            metrics: report.metrics,
            topColumn: explanation.importance[0]?.feature ?? null,
          })
        : [],
    [explanation, report],
  );
  return (
    <Section id="performance" n={6} title={m.app.steps.performance} intro={t.intro}>
      <Headline report={report} majority={outcome.majorityClass} />
      <Warnings warnings={warnings} />
      {report.task === 'binary' && explanation && (
        <ThresholdSlider threshold={live.threshold} positive={report.positiveClass ?? ''} />
      )}
      <div className="results-grid">
        <MetricsTable report={report} />
        {report.task !== 'regression' && <Confusion report={report} />}
      </div>
      {report.task === 'multiclass' && <PerClass report={report} />}
      {/* Charts are drawn when scrolled to: the results appear at once, the curves as the reader gets there. */}
      <WhenVisible height={280}>
        {explanation && report.task === 'binary' && <BinaryCurves explanation={explanation} live={charts} />}
        {explanation && report.task === 'regression' && <RegressionScatter explanation={explanation} />}
      </WhenVisible>
    </Section>
  );
}
