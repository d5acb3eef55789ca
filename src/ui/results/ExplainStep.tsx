import { memo, useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { PartialDependence } from '../../explain/partialDependence';
import type { Explanation } from '../../explain/run';
import { useI18n } from '../../i18n';
import type { Report } from '../../report/report';
import type { TrainOutcome } from '../../workers/trainProtocol';
import { ChartTable } from '../components/ChartTable';
import { ScrollRegion } from '../components/ScrollRegion';
import { Section } from '../components/Section';
import { WhenVisible } from '../components/WhenVisible';
import { TreeDiagram } from './TreeDiagram';
import { WhatIf, type WhatIfRow } from './WhatIf';

/** Columns shown in the importance chart and the weights table. */
const TOP_COLUMNS = 12;
const TOP_WEIGHTS = 15;

function Importance({ explanation }: { explanation: Explanation }) {
  const { m, fmt } = useI18n();
  const t = m.results.explain;
  const score = t.scoreNames[explanation.importanceScore];
  const data = explanation.importance.slice(0, TOP_COLUMNS).map((c) => ({
    feature: c.feature,
    mean: c.mean,
    std: c.std,
  }));
  const [first, second] = explanation.importance;
  const repeats = first?.drops.length ?? 0;
  const matters = first && first.mean > 0.001;
  return (
    <div data-testid="importance">
      <h3>{t.importance}</h3>
      <p className="finding" data-testid="importance-sentence">
        {matters
          ? t.importanceSentence(
              first.feature,
              second && second.mean > 0.001 ? second.feature : null,
              explanation.importanceScore === 'accuracy'
                ? `${fmt.decimal(first.mean * 100, 1)} ${m.results.explain.points}`
                : fmt.decimal(first.mean, 3),
              score,
            )
          : t.importanceNone}
      </p>
      <WhenVisible height={48 + data.length * 28}>
        <figure className="chart" data-testid="importance-chart">
          <div role="img" aria-label={t.importanceLabel}>
            <ResponsiveContainer width="100%" height={48 + data.length * 28}>
              <BarChart
                accessibilityLayer={false}
                data={data}
                layout="vertical"
                margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
              >
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis type="number" tickFormatter={(v: number) => fmt.decimal(v, 3)} />
                <YAxis type="category" dataKey="feature" width={150} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip formatter={(v) => fmt.decimal(Number(v), 4)} />
                <Bar dataKey="mean" name={t.drop} fill="#009E73" isAnimationActive={false}>
                  <ErrorBar dataKey="std" direction="x" width={6} stroke="#333" />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="hint">{t.importanceHint(score, fmt.integer(repeats))}</figcaption>
        </figure>
      </WhenVisible>
      <details>
        <summary>{m.results.asTable}</summary>
        <table className="data-table" data-testid="importance-table">
          <thead>
            <tr>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.drop}</th>
              <th scope="col">{t.spread}</th>
            </tr>
          </thead>
          <tbody>
            {explanation.importance.map((c) => (
              <tr key={c.feature}>
                <th scope="row">{c.feature}</th>
                <td className="number">{fmt.decimal(c.mean, 4)}</td>
                <td className="number">{fmt.decimal(c.std, 4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** The linear model's weights, largest first, each with its unit (a standard deviation, or a category). */
function Coefficients({ explanation, report }: { explanation: Explanation; report: Report }) {
  const { m, fmt } = useI18n();
  const t = m.results.explain;
  const model = explanation.model;
  const pre = explanation.preprocessor;
  const rows = useMemo(() => {
    if (model.kind !== 'linear') return [];
    // Multiclass: the weights of the first class (the most frequent); binary and regression have one output.
    const weights = model.weights[0];
    const unit = (f: number) => {
      const e = pre.spans.findIndex(([a, b]) => f >= a && f < b);
      const encoder = pre.encoders[e];
      return encoder?.type === 'numeric' ? t.perUnit(fmt.quantity(encoder.std)) : null;
    };
    return weights
      .map((w, f) => ({ name: pre.featureNames[f], weight: w, unit: unit(f) }))
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
      .slice(0, TOP_WEIGHTS);
  }, [model, pre, t, fmt]);
  if (model.kind !== 'linear') return null;
  return (
    <div data-testid="coefficients">
      <h3>{t.coefficients}</h3>
      <p className="hint">{t.coefficientsHint}</p>
      {report.task === 'multiclass' && <p className="muted">{t.coefficientsMulticlass(report.classes[0])}</p>}
      <ScrollRegion label={t.coefficients}>
        <table className="data-table coef-table">
          <thead>
            <tr>
              <th scope="col">{t.feature}</th>
              <th scope="col">{t.weight}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">
                  {r.name}
                  {r.unit && <span className="interval"> {r.unit}</span>}
                </th>
                <td className={r.weight >= 0 ? 'number up' : 'number down'}>
                  {r.weight >= 0 ? '+' : ''}
                  {fmt.decimal(r.weight, 3)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

function PartialChart({ pd, what }: { pd: PartialDependence; what: string }) {
  const { m, fmt } = useI18n();
  const t = m.results.explain;
  const data = pd.points.map((p) => ({ at: p.value, mean: p.mean }));
  const y = (v: number) => (what === t.prediction ? fmt.compact(v) : fmt.percent(v, 0));
  return (
    <figure className="chart" data-testid="partial-dependence">
      <figcaption>{pd.column}</figcaption>
      <div role="img" aria-label={t.partialLabel(pd.column)}>
        <ResponsiveContainer width="100%" height={200}>
          {pd.kind === 'numeric' ? (
            <LineChart
              accessibilityLayer={false}
              data={data}
              margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                type="number"
                dataKey="at"
                domain={['dataMin', 'dataMax']}
                tickFormatter={(v: number) => fmt.compact(v)}
              />
              <YAxis tickFormatter={y} width={44} domain={['auto', 'auto']} />
              <Tooltip formatter={(v) => y(Number(v))} labelFormatter={(v) => fmt.quantity(Number(v))} />
              <Line dataKey="mean" name={what} stroke="#CC79A7" dot={false} isAnimationActive={false} />
            </LineChart>
          ) : (
            <BarChart
              accessibilityLayer={false}
              data={data}
              layout="vertical"
              margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
            >
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" tickFormatter={y} />
              <YAxis type="category" dataKey="at" width={150} tick={{ fontSize: 11 }} interval={0} />
              <Tooltip formatter={(v) => y(Number(v))} />
              <Bar dataKey="mean" name={what} fill="#CC79A7" isAnimationActive={false} />
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
      <ChartTable
        caption={m.a11y.partialCaption(pd.column)}
        columns={[pd.column, what]}
        rows={pd.points.map((p) => [
          typeof p.value === 'number' ? fmt.quantity(p.value) : String(p.value),
          what === t.prediction ? fmt.quantity(p.mean) : fmt.percent(p.mean, 1),
        ])}
        testId="partial-table"
      />
    </figure>
  );
}

/** Step 8: importance, the model itself (weights or the tree), partial dependence and the what-if editor. */
export const ExplainStep = memo(function ExplainStep({
  outcome,
  explanation,
  threshold,
}: {
  outcome: TrainOutcome;
  explanation: Explanation | null;
  threshold: number;
}) {
  const { m } = useI18n();
  const t = m.results.explain;
  const report = outcome.report;
  const [row, setRow] = useState<WhatIfRow | null>(null);
  if (!explanation)
    return (
      <Section id="explain" n={8} title={m.app.steps.explain} intro={t.intro}>
        <p className="muted">{t.unavailable}</p>
      </Section>
    );
  const positive = report.positiveClass ?? '';
  const what =
    report.task === 'regression'
      ? t.prediction
      : t.probabilityOf(report.task === 'binary' ? positive : (outcome.majorityClass ?? ''));
  return (
    <Section id="explain" n={8} title={m.app.steps.explain} intro={t.intro}>
      <div className="results-grid">
        <Importance explanation={explanation} />
        <Coefficients explanation={explanation} report={report} />
      </div>
      {explanation.partialDependence.length > 0 && (
        <div>
          <h3>{t.partial}</h3>
          <p className="hint">{t.partialHint(what)}</p>
          <WhenVisible height={230}>
            <div className="chart-trio">
              {explanation.partialDependence.map((pd) => (
                <PartialChart key={pd.column} pd={pd} what={what} />
              ))}
            </div>
          </WhenVisible>
        </div>
      )}
      <WhenVisible height={400}>
        <>
          {report.mitigation?.method === 'thresholds' && (
            <p className="muted" data-testid="what-if-thresholds-note">
              {m.mitigate.whatIfThresholdsNote}
            </p>
          )}
          <WhatIf explanation={explanation} report={report} threshold={threshold} onRow={setRow} />
        </>
        {explanation.model.kind === 'tree' && (
          <TreeDiagram explanation={explanation} report={report} row={row} />
        )}
      </WhenVisible>
      {explanation.model.kind === 'boosting' && <p className="muted">{t.treeBoosted}</p>}
    </Section>
  );
});
