import { useDeferredValue, useId } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AttributeBias } from '../../fairness/dataBias';
import { useI18n } from '../../i18n';
import { ScrollRegion } from '../components/ScrollRegion';
import { Section } from '../components/Section';
import { useAppState } from '../context';
import type { TargetSummary } from '../../workers/protocol';

/** "income >50K" or 'credit risk "good"': the outcome named the way a reader would say it. */
function outcomeName(target: TargetSummary): string {
  const positive = target.positiveClass ?? '';
  return /^[<>=≤≥]/.test(positive) ? `${target.column} ${positive}` : `${target.column} "${positive}"`;
}

function Sentence({ bias, target }: { bias: AttributeBias; target: TargetSummary }) {
  const { m, fmt } = useI18n();
  const b = m.bias;
  const { lowest, highest } = bias;
  if (target.task === 'regression') {
    return (
      <p className="finding">
        {b.sentenceMean(
          target.column,
          lowest.group,
          fmt.decimal(lowest.rate),
          highest.group,
          fmt.decimal(highest.rate),
        )}
      </p>
    );
  }
  const outcome = outcomeName(target);
  const text =
    bias.groups.length === 2
      ? b.sentenceTwo(
          `"${lowest.group}"`,
          fmt.percent(lowest.rate),
          `"${highest.group}"`,
          fmt.percent(highest.rate),
          outcome,
        )
      : b.sentenceMany(
          lowest.group,
          fmt.percent(lowest.rate),
          highest.group,
          fmt.percent(highest.rate),
          outcome,
        );
  return <p className="finding">{text}</p>;
}

function AttributeCard({ bias, target }: { bias: AttributeBias; target: TargetSummary }) {
  const { m, fmt } = useI18n();
  const b = m.bias;
  const regression = target.task === 'regression';
  const titleId = useId();
  const rateLabel = regression ? b.meanOf(target.column) : b.rateOf(outcomeName(target));
  const show = (v: number) => (regression ? fmt.decimal(v) : fmt.percent(v, 1));
  const data = bias.groups.map((g) => ({ group: g.group, rate: g.rate }));
  return (
    <article className="bias-card" aria-labelledby={titleId} data-testid={`bias-${bias.attribute}`}>
      <h3 id={titleId}>{bias.attribute}</h3>
      <Sentence bias={bias} target={target} />
      {!regression && (
        <p className={bias.passesFourFifths ? 'verdict pass' : 'verdict fail'}>
          {b.ratio(fmt.decimal(bias.ratio))} {bias.passesFourFifths ? b.passes : b.fails}
        </p>
      )}
      {bias.smallGroups.length > 0 && (
        <p className="warning">{b.small(bias.smallGroups.join(m.listSeparator))}</p>
      )}
      {bias.uncounted > 0 && (
        <p className="muted">{b.uncounted(fmt.integer(bias.uncounted), target.column, bias.attribute)}</p>
      )}
      {/* The table under the chart holds its figures (its text alternative). */}
      <figure className="chart" role="img" aria-label={b.chartLabel(bias.attribute)}>
        <ResponsiveContainer width="100%" height={40 + data.length * 30}>
          <BarChart
            accessibilityLayer={false}
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" domain={[(low: number) => Math.min(0, low), 'auto']} tickFormatter={show} />
            <YAxis type="category" dataKey="group" width={150} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(v) => show(Number(v))} />
            <Bar dataKey="rate" name={rateLabel} fill="#E69F00" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <ScrollRegion label={b.chartLabel(bias.attribute)}>
        <table className="data-table">
          <caption className="visually-hidden">{b.chartLabel(bias.attribute)}</caption>
          <thead>
            <tr>
              <th scope="col">{b.group}</th>
              <th scope="col">{b.rows}</th>
              <th scope="col">{b.share}</th>
              <th scope="col">{rateLabel}</th>
            </tr>
          </thead>
          <tbody>
            {bias.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.group}</th>
                <td>{fmt.integer(g.count)}</td>
                <td>{fmt.percent(g.share, 1)}</td>
                <td>{show(g.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </article>
  );
}

export function BiasStep() {
  const { m } = useI18n();
  const analysis = useDeferredValue(
    useAppState((s) => s.analysis),
    null,
  );
  const analysing = useAppState((s) => s.analysing);
  const target = analysis?.target;
  const bias = analysis?.bias ?? [];
  const ready = target?.task && bias.length > 0;
  return (
    <Section id="bias" n={4} title={m.app.steps.bias} intro={m.bias.intro} busy={analysing}>
      {ready ? (
        <div className="bias-grid">
          {bias.map((b) => (
            <AttributeCard key={b.attribute} bias={b} target={target} />
          ))}
        </div>
      ) : (
        <p className="muted">{m.bias.needsChoices}</p>
      )}
    </Section>
  );
}
