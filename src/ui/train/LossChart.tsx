import { memo } from 'react';
import { useI18n } from '../../i18n';
import type { TrainHistory } from '../../workers/trainProtocol';
import { ChartTable, evenlySpaced } from '../components/ChartTable';
import { LineChartSvg, type Series } from '../components/LineChartSvg';

/**
 * The learning curve, live: training and validation loss per epoch (boosting round), with a sentence as its
 * text alternative. Okabe–Ito colours (safe for colour-blind readers), and the validation line dashed so the
 * two differ without colour too. Plain SVG, not recharts: it redraws after every epoch while the model trains
 * and must never hold the page up (see LineChartSvg).
 */
/** Memoised: the result's other figures redraw as the threshold slider moves; the curves never change then. */
export const LossChart = memo(function LossChart(props: {
  history: TrainHistory;
  rounds: boolean;
  regression: boolean;
}) {
  const { history, rounds, regression } = props;
  const { m, fmt } = useI18n();
  const t = m.train;
  // Regression losses are mean squared errors, in squared units (a loan's amount squared): the curve shows
  // their square roots, the typical error in the target's own units, as the result sentence does.
  const shown = (xs: number[]) => (regression ? xs.map(Math.sqrt) : xs);
  const trainLoss = shown(history.trainLoss);
  const validationLoss = shown(history.validationLoss);
  // Runs saved before the metric curve existed have none.
  const metric = history.validationMetric ?? [];
  if (trainLoss.length === 0) return null;
  const value = (x: number) => (regression ? fmt.quantity(x) : fmt.decimal(x, 3));
  const last = (xs: number[]) => value(xs[xs.length - 1]);
  const names = regression
    ? {
        train: t.trainError,
        validation: t.validationError,
        summary: t.errorSummary,
        summaryTrain: t.errorSummaryTrain,
      }
    : {
        train: t.trainLoss,
        validation: t.validationLoss,
        summary: t.curveSummary,
        summaryTrain: t.curveSummaryTrain,
      };
  const summary =
    validationLoss.length > 0
      ? names.summary(value(trainLoss[0]), last(trainLoss), value(validationLoss[0]), last(validationLoss))
      : names.summaryTrain(value(trainLoss[0]), last(trainLoss));
  const series: Series[] = [{ name: names.train, values: trainLoss, colour: '#0072B2' }];
  if (validationLoss.length > 0)
    series.push({ name: names.validation, values: validationLoss, colour: '#D55E00', dashed: true });
  // The table: every epoch's figures, evenly spaced ones when there are many (a long run has hundreds).
  const metricName = regression ? t.validationR2 : t.validationAccuracy;
  const columns = [rounds ? t.roundAxis : t.epochAxis, names.train];
  if (validationLoss.length > 0) columns.push(names.validation);
  if (metric.length > 0) columns.push(metricName);
  const epochs = evenlySpaced(
    trainLoss.map((_, i) => i),
    30,
  );
  const cell = (xs: number[], i: number, show: (x: number) => string) =>
    i < xs.length && Number.isFinite(xs[i]) ? show(xs[i]) : '–';
  const rows = epochs.map((i) => {
    const row = [fmt.integer(i + 1), cell(trainLoss, i, value)];
    if (validationLoss.length > 0) row.push(cell(validationLoss, i, value));
    if (metric.length > 0)
      row.push(cell(metric, i, (x) => (regression ? fmt.decimal(x, 3) : fmt.percent(x, 1))));
    return row;
  });
  return (
    <figure className="loss-chart" data-testid="loss-chart">
      <figcaption>
        <strong>{t.chartTitle}</strong> <span className="muted">{summary}</span>
      </figcaption>
      <LineChartSvg
        series={series}
        xLabel={rounds ? t.roundAxis : t.epochAxis}
        formatY={(v) => (regression ? fmt.compact(v) : fmt.decimal(v, 3))}
        label={`${regression ? t.errorChartLabel : t.chartLabel}. ${summary}`}
      />
      {metric.length > 0 && (
        <>
          <p className="muted metric-summary">
            {(regression ? t.metricSummaryR2 : t.metricSummaryAccuracy)(
              regression
                ? fmt.decimal(metric[metric.length - 1], 3)
                : fmt.percent(metric[metric.length - 1], 1),
              regression ? fmt.decimal(Math.max(...metric), 3) : fmt.percent(Math.max(...metric), 1),
            )}
          </p>
          <LineChartSvg
            series={[
              { name: regression ? t.validationR2 : t.validationAccuracy, values: metric, colour: '#009E73' },
            ]}
            xLabel={rounds ? t.roundAxis : t.epochAxis}
            formatY={(v) => (regression ? fmt.decimal(v, 2) : fmt.percent(v, 1))}
            label={metricName}
            height={150}
          />
        </>
      )}
      <ChartTable
        caption={regression ? m.a11y.lossCaptionRegression : m.a11y.lossCaption}
        columns={columns}
        rows={rows}
        note={
          rows.length < trainLoss.length
            ? m.a11y.someOf(fmt.integer(rows.length), fmt.integer(trainLoss.length))
            : undefined
        }
        testId="loss-table"
      />
    </figure>
  );
});
