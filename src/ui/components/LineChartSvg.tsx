/**
 * A small line chart drawn as plain SVG, for charts that update many times a second (the live learning curve).
 * Recharts measures the DOM (text sizes, element offsets) on every update, which forces a layout of the
 * whole page: measured here at 200–400 ms for its first draw and 50–100 ms per update on a busy 2-core
 * machine, enough to freeze the page while a model trains. This one reads nothing from the DOM: a fixed
 * viewBox scaled by CSS, so an update costs a few milliseconds.
 */

export interface Series {
  name: string;
  values: number[];
  colour: string;
  dashed?: boolean;
}

const W = 640;
const M = { left: 58, right: 16, top: 10, bottom: 34 };

/** About `count` round tick values covering [low, high] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(low: number, high: number, count: number): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

export function LineChartSvg(props: {
  series: Series[];
  xLabel: string;
  formatY: (v: number) => string;
  label: string;
  /** Height in viewBox units (the width is 640): 220 by default. */
  height?: number;
}) {
  const { series, xLabel, formatY, label } = props;
  const H = props.height ?? 220;
  const n = Math.max(0, ...series.map((s) => s.values.length));
  // A diverged run has infinite or NaN losses: those points are left out (the page says why separately).
  const all = series.flatMap((s) => s.values).filter(Number.isFinite);
  if (n === 0 || all.length === 0) return null;
  let low = Math.min(...all);
  let high = Math.max(...all);
  const pad = (high - low || Math.abs(high) || 1) * 0.08;
  low -= pad;
  high += pad;
  const x = (i: number) => M.left + (n === 1 ? 0 : (i / (n - 1)) * (W - M.left - M.right));
  const y = (v: number) => M.top + (1 - (v - low) / (high - low)) * (H - M.top - M.bottom);
  const yTicks = niceTicks(low, high, 4).filter((v) => v >= low && v <= high);
  const xTicks = niceTicks(1, Math.max(n, 2), Math.min(6, n)).filter((v) => Number.isInteger(v) && v <= n);
  return (
    <div className="svg-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={M.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
              {formatY(v)}
            </text>
          </g>
        ))}
        {xTicks.map((v) => (
          <g key={`x${v}`}>
            <line x1={x(v - 1)} x2={x(v - 1)} y1={M.top} y2={H - M.bottom} className="grid" />
            <text x={x(v - 1)} y={H - M.bottom + 16} textAnchor="middle">
              {v}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="axis" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="axis" />
        <text x={W - M.right} y={H - 4} textAnchor="end" className="axis-label">
          {xLabel}
        </text>
        {series.map((s) =>
          s.values.length === 1 ? (
            Number.isFinite(s.values[0]) && (
              <circle key={s.name} cx={x(0)} cy={y(s.values[0])} r={3} fill={s.colour} />
            )
          ) : (
            <polyline
              key={s.name}
              points={s.values
                .flatMap((v, i) => (Number.isFinite(v) ? [`${x(i).toFixed(1)},${y(v).toFixed(1)}`] : []))
                .join(' ')}
              fill="none"
              stroke={s.colour}
              strokeWidth={2.2}
              strokeDasharray={s.dashed ? '7 4' : undefined}
              strokeLinejoin="round"
            />
          ),
        )}
      </svg>
      <ul className="svg-legend">
        {series.map((s) => (
          <li key={s.name}>
            <svg width="26" height="10" aria-hidden="true">
              <line
                x1="1"
                x2="25"
                y1="5"
                y2="5"
                stroke={s.colour}
                strokeWidth="2.5"
                strokeDasharray={s.dashed ? '7 4' : undefined}
              />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
