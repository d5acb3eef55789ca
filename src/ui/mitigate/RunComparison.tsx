import { memo, useMemo } from 'react';
import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import { paretoFrontier } from '../../fairness/tradeoff';
import { useI18n } from '../../i18n';
import type { FairnessGoal } from '../../pipeline/mitigation';
import type { ComparedRun } from './runs';

const GOAL_FIGURE = {
  'demographic-parity': 'dp',
  'equal-opportunity': 'eop',
  'equalized-odds': 'eodds',
} as const satisfies Record<FairnessGoal, keyof ComparedRun>;

type Point = { disparity: number; accuracy: number; label: string };

/**
 * Accuracy against the goal's disparity, one point per run, the frontier of best trade-offs drawn as a line,
 * the chosen run ringed. Colour-blind safe: the chosen run differs by shape (a ring) as well as colour.
 */
const TradeoffChart = memo(function TradeoffChart(props: {
  runs: ComparedRun[];
  goal: FairnessGoal;
  chosenId: string | null;
}) {
  const { m, fmt } = useI18n();
  const t = m.mitigate;
  const key = GOAL_FIGURE[props.goal];
  const { all, frontier, chosen, ticks, yTicks } = useMemo(() => {
    const points: (Point & { id: string })[] = props.runs.flatMap((r) => {
      const d = r[key];
      return d === null || r.accuracy === null
        ? []
        : [{ id: r.id, disparity: d, accuracy: r.accuracy, label: r.name }];
    });
    const onFrontier = paretoFrontier(points).map((i) => points[i]);
    // Round ticks (steps of 0.05 or 0.1 from 0): recharts' own would be 0.045 apart, shown rounded.
    const most = Math.max(0.05, ...points.map((p) => p.disparity));
    const step = most > 0.3 ? 0.1 : 0.05;
    const top = Math.ceil(most / step - 1e-9) * step;
    const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Number((i * step).toFixed(2)));
    // Accuracy in round steps too (0.5, 1, 2, 5 or 10 points), at most 6 ticks around the runs.
    const accuracies = points.map((p) => p.accuracy);
    const low = Math.min(...accuracies, 1);
    const high = Math.max(...accuracies, 0);
    const yStep = [0.005, 0.01, 0.02, 0.05, 0.1].find((d) => (high - low) / d <= 5) ?? 0.2;
    const yLow = Math.max(0, Math.floor(low / yStep) * yStep);
    const yHigh = Math.min(1, Math.max(yLow + yStep, Math.ceil(high / yStep) * yStep));
    const yTicks = Array.from({ length: Math.round((yHigh - yLow) / yStep) + 1 }, (_, i) =>
      Number((yLow + i * yStep).toFixed(3)),
    );
    return {
      all: points,
      frontier: onFrontier,
      chosen: points.filter((p) => p.id === props.chosenId),
      ticks,
      yTicks,
    };
  }, [props.runs, props.chosenId, key]);
  const name = t.goalDisparity[props.goal];
  return (
    <figure className="chart" data-testid="tradeoff-chart">
      <figcaption>{t.chartCaption(name)}</figcaption>
      <div role="img" aria-label={t.chartLabel(name)}>
        <ResponsiveContainer width="100%" height={300}>
          <ScatterChart accessibilityLayer={false} margin={{ top: 16, right: 32, bottom: 24, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="disparity"
              name={name}
              domain={[0, ticks[ticks.length - 1]]}
              ticks={ticks}
              tickFormatter={(v: number) => fmt.decimal(v, 2)}
              label={{ value: name, position: 'insideBottom', offset: -14 }}
            />
            <YAxis
              type="number"
              dataKey="accuracy"
              name={t.accuracyAxis}
              domain={[yTicks[0], yTicks[yTicks.length - 1]]}
              ticks={yTicks}
              tickFormatter={(v: number) => fmt.percent(v, 1)}
              width={56}
            />
            <Scatter
              data={frontier}
              line={{ stroke: '#009E73', strokeWidth: 2 }}
              shape={() => <g />}
              isAnimationActive={false}
              legendType="none"
            />
            <Scatter data={all} fill="#0072B2" isAnimationActive={false}>
              <LabelList dataKey="label" position="right" className="tradeoff-label" />
            </Scatter>
            <Scatter
              data={chosen}
              shape={(p: { cx?: number; cy?: number }) => (
                <circle cx={p.cx} cy={p.cy} r={9} fill="none" stroke="#D55E00" strokeWidth={2.5} />
              )}
              isAnimationActive={false}
            />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <p className="hint">{t.comparisonIntro(name)}</p>
    </figure>
  );
});

/** The runs side by side (accuracy, AUC, each disparity), one of them chosen, and their trade-off chart. */
export const RunComparison = memo(function RunComparison(props: {
  runs: ComparedRun[];
  goal: FairnessGoal;
  chosenId: string | null;
  shownId: string | null;
  busy: boolean;
  onChoose: (id: string) => void;
}) {
  const { m, fmt } = useI18n();
  const t = m.mitigate;
  const c = t.columns;
  const frontier = useMemo(() => {
    const key = GOAL_FIGURE[props.goal];
    const points = props.runs.map((r) => ({ disparity: r[key] ?? NaN, accuracy: r.accuracy ?? NaN }));
    return new Set(paretoFrontier(points).map((i) => props.runs[i].id));
  }, [props.runs, props.goal]);
  const figure = (x: number | null, digits = 3) => (x === null ? '–' : fmt.decimal(x, digits));
  const goalKey = GOAL_FIGURE[props.goal];
  return (
    <div className="run-comparison" id="run-comparison">
      <TradeoffChart runs={props.runs} goal={props.goal} chosenId={props.chosenId} />
      <div className="table-scroll">
        <table className="data-table runs-table" data-testid="runs-table">
          <caption>{t.comparison}</caption>
          <thead>
            <tr>
              <th scope="col">{c.choose}</th>
              <th scope="col">{c.run}</th>
              <th scope="col">{c.model}</th>
              <th scope="col">{c.attribute}</th>
              <th scope="col">{c.accuracy}</th>
              <th scope="col">{c.auc}</th>
              <th scope="col" className={goalKey === 'dp' ? 'goal' : undefined}>
                {c.dp}
              </th>
              <th scope="col" className={goalKey === 'eop' ? 'goal' : undefined}>
                {c.eop}
              </th>
              <th scope="col" className={goalKey === 'eodds' ? 'goal' : undefined}>
                {c.eodds}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.runs.map((r) => (
              <tr key={r.id} data-testid="run-row" className={r.id === props.chosenId ? 'chosen' : undefined}>
                <td>
                  <input
                    type="radio"
                    name="chosen-run"
                    aria-label={t.choose(r.name)}
                    checked={r.id === props.chosenId}
                    disabled={props.busy}
                    onChange={() => props.onChoose(r.id)}
                  />
                </td>
                <th scope="row">
                  {r.name}
                  {r.id === props.chosenId && <span className="badge">{t.chosen}</span>}
                  {frontier.has(r.id) && <span className="badge badge-quiet">{t.frontier}</span>}
                  {r.id === props.shownId && r.id !== props.chosenId && (
                    <span className="muted"> ({t.shown})</span>
                  )}
                </th>
                <td>{r.model}</td>
                <td>{r.protects ?? '–'}</td>
                <td>{r.accuracy === null ? '–' : fmt.percent(r.accuracy, 1)}</td>
                <td>{figure(r.auc)}</td>
                <td>{figure(r.dp)}</td>
                <td>{figure(r.eop)}</td>
                <td>{figure(r.eodds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});
