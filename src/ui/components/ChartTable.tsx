import { useState } from 'react';
import { useI18n } from '../../i18n';
import { ScrollRegion } from './ScrollRegion';

/** At most `max` items, evenly spaced, the first and last always kept: a table of a curve, not every point. */
export function evenlySpaced<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]);
  return out;
}

/**
 * A chart's figures as a table, for readers who cannot see the chart (a screen reader reads the table cell by
 * cell) or want the exact numbers: a closed `<details>` under the chart. The table is only built once opened,
 * because a page of 300 column cards would otherwise carry 300 tables nobody asked for. Every cell is already
 * formatted text; the first cell of each row is its header.
 */
export function ChartTable(props: {
  caption: string;
  columns: string[];
  rows: string[][];
  note?: string;
  testId?: string;
}) {
  const { m } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="chart-table"
      data-testid={props.testId ?? 'chart-table'}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {m.a11y.showTable}
        {/* The toggles all read alike; a screen reader's list of them needs to say which chart each is for. */}
        <span className="visually-hidden">: {props.caption}</span>
      </summary>
      {open && (
        <ScrollRegion label={props.caption}>
          <table className="data-table">
            <caption>{props.caption}</caption>
            <thead>
              <tr>
                {props.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map(([head, ...cells], i) => (
                <tr key={i}>
                  <th scope="row">{head}</th>
                  {cells.map((c, j) => (
                    <td key={j} className="number">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {props.note && <p className="hint">{props.note}</p>}
        </ScrollRegion>
      )}
    </details>
  );
}
