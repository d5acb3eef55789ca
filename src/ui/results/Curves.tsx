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
import { ChartTable, evenlySpaced } from '../components/ChartTable';
import type { LiveResults } from './live';

/**
 * The curves of "How good is it": ROC and calibration (yes/no targets), scatter plots (number targets). Each
 * is one image to assistive technology (role="img" with a name; recharts' keyboard layer off, so no focus stop
 * inside an image) with its figures in a table under it.
 */

/** Rows in a curve's table: enough to follow its shape, few enough to read. */
const TABLE_POINTS = 21;

const num = (x: unknown): number => (typeof x === 'number' ? x : NaN);

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

/** ROC and calibration curves of a binary classifier, with the current threshold marked on the ROC curve. */
export const BinaryCurves = memo(function BinaryCurves({
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
      Array.from(curve.fpr, (fpr, i) => ({ fpr, tpr: curve.tpr[i], threshold: curve.thresholds[i] })),
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
  const a = m.a11y;
  const share = (v: number) => fmt.decimal(v, 3);
  const rocRows = evenlySpaced(roc, TABLE_POINTS).map((p) => [
    Number.isFinite(p.threshold) ? share(p.threshold) : '–',
    share(p.fpr),
    share(p.tpr),
  ]);
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
      <figure className="chart" data-testid="roc-curve">
        <figcaption>
          {t.roc} · AUC {fmt.decimal(num(live.report.metrics.rocAuc), 3)}
        </figcaption>
        <div role="img" aria-label={t.rocLabel}>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart
              accessibilityLayer={false}
              data={roc}
              margin={{ top: 8, right: 16, bottom: 20, left: 4 }}
            >
              {unitSquare('fpr', t.fprAxis, t.tprAxis)}
              <Line dataKey="tpr" name={t.tprAxis} dot={false} stroke="#0072B2" isAnimationActive={false} />
              {now && Number.isFinite(now.fpr) && Number.isFinite(now.tpr) && (
                <ReferenceDot x={now.fpr} y={now.tpr} r={6} fill="#D55E00" stroke="#fff" />
              )}
            </LineChart>
          </ResponsiveContainer>
        </div>
        {/* The dot differs from the line by shape as well as colour; this says what it is. */}
        <p className="hint">
          <span className="legend-dot" aria-hidden="true" /> {a.rocDot}
        </p>
        <ChartTable
          caption={a.rocCaption}
          columns={[a.rocThreshold, t.fprAxis, t.tprAxis]}
          rows={rocRows}
          note={[
            now && Number.isFinite(now.fpr) && Number.isFinite(now.tpr)
              ? a.rocNow(fmt.decimal(live.threshold, 2), share(now.fpr), share(now.tpr))
              : '',
            a.someOf(fmt.integer(rocRows.length), fmt.integer(roc.length)),
          ]
            .filter(Boolean)
            .join(' ')}
          testId="roc-table"
        />
      </figure>
      <figure className="chart" data-testid="calibration">
        <figcaption>{t.calibration}</figcaption>
        <div role="img" aria-label={t.calibrationLabel}>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart
              accessibilityLayer={false}
              data={calibration}
              margin={{ top: 8, right: 16, bottom: 20, left: 4 }}
            >
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
        </div>
        <p className="hint">{t.calibrationHint}</p>
        <ChartTable
          caption={a.calibrationCaption}
          columns={[t.predictedProbability, t.observedShare, a.binRows]}
          rows={calibration.map((b) => [share(b.p), share(b.observed), fmt.integer(b.rows)])}
          testId="calibration-table"
        />
      </figure>
    </div>
  );
});

type ScatterPoint = { actual: number; predicted: number; error: number };

/** One scatter plot of test rows, `y` against `x`; `zeroLine` draws y = 0 (no error). */
function ScatterFigure(props: {
  points: ScatterPoint[];
  x: keyof ScatterPoint;
  y: keyof ScatterPoint;
  xLabel: string;
  yLabel: string;
  caption: string;
  label: string;
  testId: string;
  color: string;
  zeroLine?: boolean;
}) {
  const { fmt } = useI18n();
  const axis = (v: number) => fmt.compact(v);
  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption>{props.caption}</figcaption>
      <div role="img" aria-label={props.label}>
        <ResponsiveContainer width="100%" height={240}>
          <ScatterChart accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey={props.x}
              name={props.xLabel}
              tickFormatter={axis}
              label={{ value: props.xLabel, position: 'insideBottom', offset: -12 }}
            />
            <YAxis type="number" dataKey={props.y} name={props.yLabel} tickFormatter={axis} width={48} />
            {props.zeroLine && <ReferenceLine y={0} stroke="#999" />}
            <Scatter data={props.points} fill={props.color} fillOpacity={0.5} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Predicted against actual, and the errors, for a number target (a sample of the test rows). */
export function RegressionScatter({ explanation }: { explanation: Explanation }) {
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
  const tableRows = evenlySpaced(points, 50);
  return (
    <div className="chart-pair">
      <ScatterFigure
        points={points}
        x="actual"
        y="predicted"
        xLabel={t.actualAxis}
        yLabel={t.predictedAxis}
        caption={t.scatter}
        label={t.scatterLabel}
        testId="predicted-vs-actual"
        color="#0072B2"
      />
      <ScatterFigure
        points={points}
        x="predicted"
        y="error"
        xLabel={t.predictedAxis}
        yLabel={t.errorAxis}
        caption={t.residuals}
        label={t.residualsLabel}
        testId="residuals"
        color="#D55E00"
        zeroLine
      />
      {/* One table for both plots: they show the same test rows. */}
      <ChartTable
        caption={m.a11y.scatterCaption}
        columns={[t.actualAxis, t.predictedAxis, t.errorAxis]}
        rows={tableRows.map((p) => [
          fmt.quantity(p.actual),
          fmt.quantity(p.predicted),
          fmt.quantity(p.error),
        ])}
        note={m.a11y.scatterSome(fmt.integer(tableRows.length), fmt.integer(y.length))}
        testId="scatter-table"
      />
    </div>
  );
}
