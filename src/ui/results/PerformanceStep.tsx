import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { metricWarnings, type MetricWarning } from '../../metrics/warnings';
import type { TrainOutcome } from '../../workers/trainProtocol';
import { Section } from '../components/Section';
import { WhenVisible } from '../components/WhenVisible';
import { useController } from '../context';
import { BinaryCurves, RegressionScatter } from './Curves';
import { Headline } from './Headline';
import type { LiveResults } from './live';
import { Confusion, MetricsTable, PerClass } from './MetricTables';

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

/**
 * Step 6: the test figures next to the baseline, warnings, the threshold slider, and the curves.
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
      <Headline report={report} majority={outcome.majorityClass} testId="performance-headline" />
      <Warnings warnings={warnings} />
      {report.task === 'binary' && explanation && live.index && (
        <ThresholdSlider threshold={live.threshold} positive={report.positiveClass ?? ''} />
      )}
      {report.mitigation?.method === 'thresholds' && (
        <p className="muted" data-testid="group-thresholds-note">
          {m.mitigate.groupThresholdsNote}
        </p>
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
