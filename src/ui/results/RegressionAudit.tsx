import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { SMALL_GROUP } from '../../fairness/dataBias';
import { useI18n } from '../../i18n';
import type { RegressionAuditEntry } from '../../pipeline/audit';

/** A number model's audit for one attribute: average prediction, error and size of error per group. */
export function RegressionAudit({ entry }: { entry: RegressionAuditEntry }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  return (
    <>
      <p className="muted">{t.regressionIntro}</p>
      <figure
        className="chart"
        role="img"
        aria-label={`${t.mae} · ${entry.attribute}`}
        data-testid="group-chart"
      >
        <ResponsiveContainer width="100%" height={48 + entry.groups.length * 32}>
          <BarChart data={entry.groups} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={(v: number) => fmt.compact(v)} />
            <YAxis type="category" dataKey="group" width={170} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(v) => fmt.quantity(Number(v))} />
            <ReferenceLine x={0} stroke="#999" />
            <Legend />
            <Bar dataKey="mae" name={t.mae} fill="#0072B2" isAnimationActive={false} />
            <Bar dataKey="meanError" name={t.meanError} fill="#E69F00" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <div className="table-scroll-x">
        <table className="data-table" data-testid="group-table">
          <caption>{t.regressionCaption(entry.attribute)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.group}</th>
              <th scope="col">{t.count}</th>
              <th scope="col">{t.meanPrediction}</th>
              <th scope="col">{t.meanError}</th>
              <th scope="col">{t.mae}</th>
            </tr>
          </thead>
          <tbody>
            {entry.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">
                  {g.group}
                  {g.count < SMALL_GROUP && <span className="tag">{t.small}</span>}
                </th>
                <td className="number">{fmt.integer(g.count)}</td>
                <td className="number">{fmt.quantity(g.meanPrediction ?? NaN)}</td>
                <td className="number">{fmt.quantity(g.meanError ?? NaN)}</td>
                <td className="number">{fmt.quantity(g.mae ?? NaN)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
