import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n';
import type { TrainHistory } from '../../workers/trainProtocol';

/**
 * The learning curve, live: training and validation loss per epoch (round), with a sentence as its text
 * alternative. Colours from the Okabe–Ito palette (safe for colour-blind readers), and the validation line
 * dashed so the two differ without colour too.
 */
export function LossChart({ history, rounds }: { history: TrainHistory; rounds: boolean }) {
  const { m, fmt } = useI18n();
  const t = m.train;
  const { trainLoss, validationLoss } = history;
  if (trainLoss.length === 0) return null;
  const data = trainLoss.map((loss, i) => ({
    epoch: i + 1,
    train: loss,
    ...(validationLoss[i] !== undefined ? { validation: validationLoss[i] } : {}),
  }));
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
  return (
    <figure className="loss-chart" data-testid="loss-chart">
      <figcaption>
        <strong>{t.chartTitle}</strong> <span className="muted">{summary}</span>
      </figcaption>
      <div role="img" aria-label={`${t.chartLabel}. ${summary}`}>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="epoch"
              type="number"
              domain={[1, 'dataMax']}
              allowDecimals={false}
              label={{ value: rounds ? t.roundAxis : t.epochAxis, position: 'insideBottomRight', offset: -4 }}
            />
            <YAxis width={56} tickFormatter={(v: number) => fmt.decimal(v, 3)} domain={['auto', 'auto']} />
            <Tooltip
              formatter={(v) => fmt.decimal(Number(v), 4)}
              labelFormatter={(l) => `${rounds ? t.roundAxis : t.epochAxis} ${l}`}
            />
            <Legend />
            <Line
              dataKey="train"
              name={t.trainLoss}
              stroke="#0072B2"
              dot={false}
              isAnimationActive={false}
              strokeWidth={2}
            />
            {validationLoss.length > 0 && (
              <Line
                dataKey="validation"
                name={t.validationLoss}
                stroke="#D55E00"
                strokeDasharray="6 3"
                dot={false}
                isAnimationActive={false}
                strokeWidth={2}
              />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
