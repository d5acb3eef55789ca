import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ColumnProfile } from '../../data/profile';
import { useI18n } from '../../i18n';
import { ChartTable } from '../components/ChartTable';
import { WhenVisible } from '../components/WhenVisible';

/** Long category names would wrap over each other beside a short bar: cut them; the tooltip has them whole. */
const shorten = (label: string) => (label.length > 20 ? `${label.slice(0, 19)}…` : label);

/**
 * Histogram (numbers) or top values (categories) of one column, with its counts as a table under it. Recharts'
 * keyboard layer is off: the chart is one image to assistive technology, and the table is its alternative.
 */
export function DistributionChart({ profile }: { profile: ColumnProfile }) {
  const { m, fmt } = useI18n();
  const data = profile.histogram
    ? profile.histogram.map((b) => {
        // As many decimals as the bin width needs: "20–25" for ages, "0.15–0.2" for rates; one integer per bin
        // is shown as that integer.
        const width = b.to - b.from;
        const digits = width >= 5 ? 0 : width >= 0.5 ? 1 : 2;
        const from = fmt.decimal(b.from, digits);
        const single = width === 1 && Number.isInteger(b.from);
        return { label: single ? from : `${from}–${fmt.decimal(b.to, digits)}`, count: b.count };
      })
    : (profile.topValues ?? []).map((v) => ({ label: v.value, count: v.count }));
  if (!profile.histogram && profile.otherCount)
    data.push({ label: m.profile.other, count: profile.otherCount });
  if (data.length === 0) return null;
  const vertical = !profile.histogram;
  const height = vertical ? Math.min(40 + data.length * 21, 260) : 130;
  return (
    <figure className="chart">
      <div role="img" aria-label={m.profile.chartLabel(profile.name)}>
        <WhenVisible height={height}>
          <ResponsiveContainer width="100%" height={height}>
            {vertical ? (
              <BarChart
                accessibilityLayer={false}
                data={data}
                layout="vertical"
                margin={{ top: 0, right: 12, bottom: 0, left: 0 }}
              >
                <XAxis type="number" hide />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={136}
                  tickFormatter={shorten}
                  tick={{ fontSize: 11 }}
                  interval={0}
                />
                <Tooltip formatter={(v) => fmt.integer(Number(v))} />
                <Bar dataKey="count" fill="#0072B2" isAnimationActive={false} />
              </BarChart>
            ) : (
              <BarChart
                accessibilityLayer={false}
                data={data}
                margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
              >
                <XAxis dataKey="label" tick={{ fontSize: 10 }} minTickGap={8} />
                <YAxis hide />
                <Tooltip formatter={(v) => fmt.integer(Number(v))} />
                <Bar dataKey="count" fill="#0072B2" isAnimationActive={false} />
              </BarChart>
            )}
          </ResponsiveContainer>
        </WhenVisible>
      </div>
      <ChartTable
        caption={m.a11y.distributionCaption(profile.name)}
        columns={[m.a11y.value, m.a11y.rows]}
        rows={data.map((d) => [d.label, fmt.integer(d.count)])}
      />
    </figure>
  );
}
