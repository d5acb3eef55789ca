import { memo, useId } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SMALL_GROUP } from '../../fairness/dataBias';
import { versusReference } from '../../fairness/disparities';
import { fairnessFinding } from '../../fairness/findings';
import { useI18n } from '../../i18n';
import { AUDIT_DISPARITIES, AUDIT_RATES, type AuditRate, type BinaryAuditEntry } from '../../pipeline/audit';
import { ScrollRegion } from '../components/ScrollRegion';
import type { LiveResults } from './live';

/** One attribute's audit of a yes/no model: findings in words, the rate chart, the tables of figures and gaps. */

export function Finding({ entry, positive }: { entry: BinaryAuditEntry; positive: string }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  const finding = fairnessFinding(entry);
  if (!finding) return <p className="muted">{t.oneGroup}</p>;
  const { favoured, disfavoured, ratio, passesFourFifths, violated, smallGroups } = finding;
  return (
    <div className="fairness-finding" data-testid="fairness-finding">
      {ratio !== null && (
        <p className="finding" data-testid="four-fifths">
          {t.ratioSentence(disfavoured.group, positive, fmt.decimal(ratio, 2), favoured.group)}{' '}
          {t.ratesSentence(
            disfavoured.group,
            fmt.percent(disfavoured.rate, 1),
            favoured.group,
            fmt.percent(favoured.rate, 1),
          )}
        </p>
      )}
      {passesFourFifths !== null && (
        <p className={passesFourFifths ? 'verdict pass' : 'verdict fail'}>
          {passesFourFifths ? t.passes : t.fails}
        </p>
      )}
      <p data-testid="violated">
        {violated.length > 0
          ? t.violated(violated.map((v) => t.definitions[v]).join(m.listSeparator))
          : t.noneViolated}{' '}
        <span className="muted">{t.toleranceNote}</span>
      </p>
      {smallGroups.length > 0 && (
        <p className="warning">{t.smallGroups(smallGroups.join(m.listSeparator))}</p>
      )}
      {entry.groupsWithUndefinedRate.length > 0 && (
        <p className="muted">{t.undefinedGroups(entry.groupsWithUndefinedRate.join(m.listSeparator))}</p>
      )}
    </div>
  );
}

export const RateChart = memo(function RateChart({
  entry,
  rate,
}: {
  entry: BinaryAuditEntry;
  rate: AuditRate;
}) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  // A group whose rate is not defined (a TPR without positive rows) gets no bar: a 0 would read as the worst.
  const data = entry.groups
    .filter((g) => g[rate] !== null)
    .map((g) => {
      const value = g[rate];
      const [low, high] = g.intervals[rate];
      return {
        group: g.group,
        rate: value ?? 0,
        error: value === null || low === null || high === null ? [0, 0] : [value - low, high - value],
      };
    });
  const show = (v: number) => fmt.percent(v, 0);
  return (
    // The table of groups under it (GroupTable) holds every figure of this chart, with the intervals.
    <figure
      className="chart"
      role="img"
      aria-label={t.chartLabel(t.rates[rate], entry.attribute)}
      data-testid="group-chart"
    >
      <ResponsiveContainer width="100%" height={48 + data.length * 32}>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 1]} tickFormatter={show} />
          <YAxis type="category" dataKey="group" width={170} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v) => fmt.percent(Number(v), 1)} />
          <Bar dataKey="rate" name={t.short[rate]} fill="#0072B2" isAnimationActive={false}>
            <ErrorBar dataKey="error" direction="x" width={6} stroke="#333" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
});

export function GroupTable({ entry }: { entry: BinaryAuditEntry }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  const cell = (value: number | null, [low, high]: [number | null, number | null]) =>
    value === null ? (
      <span className="muted">{t.notDefined}</span>
    ) : (
      <>
        {fmt.percent(value, 1)}
        <span className="interval">
          {' '}
          ({fmt.percent(low ?? NaN, 1)}–{fmt.percent(high ?? NaN, 1)})
        </span>
      </>
    );
  return (
    <ScrollRegion label={t.tableCaption(entry.attribute)}>
      <table className="data-table group-table" data-testid="group-table">
        <caption>{t.tableCaption(entry.attribute)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.group}</th>
            <th scope="col">{t.count}</th>
            {AUDIT_RATES.map((r) => (
              <th key={r} scope="col">
                {t.short[r]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entry.groups.map((g) => (
            <tr key={g.group} className={g.count < SMALL_GROUP ? 'small-group' : undefined}>
              <th scope="row">
                {g.group}
                {g.count < SMALL_GROUP && <span className="tag">{t.small}</span>}
              </th>
              <td className="number">{fmt.integer(g.count)}</td>
              {AUDIT_RATES.map((r) => (
                <td key={r} className="number">
                  {cell(g[r], g.intervals[r])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function Disparities({ entry }: { entry: BinaryAuditEntry }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  return (
    <table className="data-table" data-testid="disparities">
      <caption>{t.disparities}</caption>
      <thead>
        <tr>
          <th scope="col">{t.disparity}</th>
          <th scope="col">{t.value}</th>
          <th scope="col">{t.ideal}</th>
        </tr>
      </thead>
      <tbody>
        {AUDIT_DISPARITIES.map(([key, ideal]) => (
          <tr key={key} data-disparity={key}>
            <th scope="row">{t.disparityNames[key]}</th>
            <td className="number">{entry[key] === null ? t.notDefined : fmt.decimal(entry[key], 3)}</td>
            <td className="number">{ideal}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each group against the reference group the user picks (Aequitas-style ratios). */
export function VersusReference({
  entry,
  live,
  reference,
  setReference,
}: {
  entry: BinaryAuditEntry;
  live: LiveResults;
  reference: string | undefined;
  setReference: (group: string) => void;
}) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  const id = useId();
  const groups = live.index?.groupsAt(entry.attribute, live.threshold);
  const compared = groups && versusReference(groups, reference);
  if (!compared) return null;
  const shown: AuditRate[] = ['selectionRate', 'tpr', 'fpr', 'precision', 'accuracy'];
  return (
    <div data-testid="versus-reference">
      <div className="field field-narrow">
        <label htmlFor={`${id}-ref`}>{t.reference}</label>
        <select
          id={`${id}-ref`}
          value={compared.reference}
          onChange={(e) => setReference(e.target.value)}
          aria-describedby={`${id}-ref-hint`}
        >
          {entry.groups.map((g) => (
            <option key={g.group} value={g.group}>
              {g.group}
            </option>
          ))}
        </select>
        <span id={`${id}-ref-hint`} className="hint">
          {t.referenceHint}
        </span>
      </div>
      <ScrollRegion label={t.versus(compared.reference)}>
        <table className="data-table">
          <caption>{t.versus(compared.reference)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.group}</th>
              {shown.map((r) => (
                <th key={r} scope="col">
                  {t.short[r]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {compared.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.group}</th>
                {shown.map((r) => {
                  const ratio = g.rates[r].ratio;
                  const off = Number.isFinite(ratio) && (ratio < 0.8 || ratio > 1.25);
                  return (
                    <td key={r} className={off ? 'number off' : 'number'}>
                      {Number.isFinite(ratio) ? fmt.decimal(ratio, 2) : '–'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
