import { useId } from 'react';
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
import { ScrollRegion } from '../components/ScrollRegion';

/**
 * A number model's audit for one attribute: average prediction, error and size of error per group. The two bar
 * series differ by pattern (the average error hatched) as well as colour, and a sentence says which is which.
 */
export function RegressionAudit({ entry }: { entry: RegressionAuditEntry }) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  // An id fit for url(#…): React's ids carry characters a CSS url reference does not take unescaped.
  const hatch = `hatch${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
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
          <BarChart
            accessibilityLayer={false}
            data={entry.groups}
            layout="vertical"
            margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={(v: number) => fmt.compact(v)} />
            <YAxis type="category" dataKey="group" width={170} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(v) => fmt.quantity(Number(v))} />
            <ReferenceLine x={0} stroke="#999" />
            <Legend />
            <Bar dataKey="mae" name={t.mae} fill="#0072B2" isAnimationActive={false} />
            <defs>
              <pattern
                id={hatch}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill="#E69F00" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#1d2330" strokeWidth="2" />
              </pattern>
            </defs>
            <Bar dataKey="meanError" name={t.meanError} fill={`url(#${hatch})`} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <p className="hint">{m.a11y.hatchedNote}</p>
      <ScrollRegion label={t.regressionCaption(entry.attribute)}>
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
      </ScrollRegion>
    </>
  );
}
