import { useI18n } from '../../i18n';
import type { TrainHistory } from '../../workers/trainProtocol';
import { LineChartSvg, type Series } from '../components/LineChartSvg';

/**
 * The learning curve, live: training and validation loss per epoch (boosting round), with a sentence as its
 * text alternative. Okabe–Ito colours (safe for colour-blind readers), and the validation line dashed so the
 * two differ without colour too. Plain SVG, not recharts: it redraws after every epoch while the model trains
 * and must never hold the page up (see LineChartSvg).
 */
export function LossChart({ history, rounds }: { history: TrainHistory; rounds: boolean }) {
  const { m, fmt } = useI18n();
  const t = m.train;
  const { trainLoss, validationLoss } = history;
  if (trainLoss.length === 0) return null;
  const last = (xs: number[]) => fmt.decimal(xs[xs.length - 1], 3);
  const summary =
    validationLoss.length > 0
      ? t.curveSummary(
          fmt.decimal(trainLoss[0], 3),
          last(trainLoss),
          fmt.decimal(validationLoss[0], 3),
          last(validationLoss),
        )
      : t.curveSummaryTrain(fmt.decimal(trainLoss[0], 3), last(trainLoss));
  const series: Series[] = [{ name: t.trainLoss, values: trainLoss, colour: '#0072B2' }];
  if (validationLoss.length > 0)
    series.push({ name: t.validationLoss, values: validationLoss, colour: '#D55E00', dashed: true });
  return (
    <figure className="loss-chart" data-testid="loss-chart">
      <figcaption>
        <strong>{t.chartTitle}</strong> <span className="muted">{summary}</span>
      </figcaption>
      <LineChartSvg
        series={series}
        xLabel={rounds ? t.roundAxis : t.epochAxis}
        formatY={(v) => fmt.decimal(v, 3)}
        label={`${t.chartLabel}. ${summary}`}
      />
    </figure>
  );
}
