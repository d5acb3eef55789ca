import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { RawRow, RawValue } from '../../explain/rows';
import type { Explanation } from '../../explain/run';
import { predictRows, smallestFlips } from '../../explain/whatIf';
import { useI18n } from '../../i18n';
import type { Report } from '../../report/report';

export type WhatIfRow = RawRow;

/** Flips listed under the prediction. */
const SHOWN_FLIPS = 5;

/** The prediction of one row in words: the class (binary at the threshold, multiclass arg max) or the value. */
function usePrediction(explanation: Explanation, report: Report, threshold: number) {
  const { m, fmt } = useI18n();
  const t = m.results.explain;
  return useCallback(
    (row: RawRow) => {
      const p = predictRows(explanation.model, explanation.preprocessor, [row]);
      if (report.task === 'regression') return { text: t.predictionValue(fmt.quantity(p[0])), score: p[0] };
      if (report.task === 'binary') {
        const label = p[0] >= threshold ? report.classes[1] : report.classes[0];
        return { text: t.predictionIs(label, fmt.percent(p[0], 1)), score: p[0], label };
      }
      let best = 0;
      for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
      return { text: t.predictionClass(report.classes[best], fmt.percent(p[best], 1)), score: p[best] };
    },
    [explanation, report, threshold, t, fmt],
  );
}

const show = (v: RawValue, missing: string) => (v === null || v === '' ? missing : String(v));

/**
 * The what-if editor: a test row (or values typed in), every input editable, the prediction as it changes,
 * and for a yes/no target the smallest change to one field that flips the decision.
 */
export function WhatIf({
  explanation,
  report,
  threshold,
  onRow,
}: {
  explanation: Explanation;
  report: Report;
  threshold: number;
  onRow: (row: RawRow) => void;
}) {
  const { m, fmt } = useI18n();
  const t = m.results.explain;
  const id = useId();
  const { rows, y } = explanation.examples;
  const [picked, setPicked] = useState(0);
  const [row, setRow] = useState<RawRow>(() => ({ ...(rows[0] ?? {}) }));
  const predict = usePrediction(explanation, report, threshold);
  const now = useMemo(() => predict(row), [predict, row]);
  const before = useMemo(() => (rows[picked] ? predict(rows[picked]) : null), [predict, rows, picked]);
  const flips = useMemo(
    () =>
      report.task === 'binary'
        ? smallestFlips(explanation.model, explanation.preprocessor, row, { threshold }).slice(0, SHOWN_FLIPS)
        : [],
    [explanation, report.task, row, threshold],
  );
  useEffect(() => onRow(row), [row, onRow]);
  const edited = rows[picked] && JSON.stringify(rows[picked]) !== JSON.stringify(row);
  const truth = (i: number) =>
    report.task === 'regression' ? fmt.quantity(y[i]) : (report.classes[y[i]] ?? '?');
  const pick = (i: number) => {
    setPicked(i);
    setRow({ ...rows[i] });
  };
  const set = (column: string, value: RawValue) => setRow((r) => ({ ...r, [column]: value }));
  return (
    <div className="what-if" id="what-if" data-testid="what-if">
      <h3>{t.whatIf}</h3>
      <p className="hint">{t.whatIfHint}</p>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-row`}>{t.row}</label>
          <select id={`${id}-row`} value={picked} onChange={(e) => pick(Number(e.target.value))}>
            {rows.map((_, i) => (
              <option key={i} value={i}>
                {t.rowOption(fmt.integer(i + 1), truth(i))}
              </option>
            ))}
          </select>
        </div>
        {edited && (
          <button type="button" className="button-quiet" onClick={() => pick(picked)}>
            {t.reset}
          </button>
        )}
      </div>
      <div className="what-if-body">
        <div className="what-if-fields">
          {explanation.preprocessor.encoders.map((encoder) => {
            const field = `${id}-${encoder.column}`;
            const value = row[encoder.column] ?? null;
            return (
              <div className="field" key={encoder.column}>
                <label htmlFor={field}>{encoder.column}</label>
                {encoder.type === 'numeric' ? (
                  <input
                    id={field}
                    type="number"
                    value={value === null ? '' : String(value)}
                    onChange={(e) =>
                      set(encoder.column, e.target.value === '' ? null : Number(e.target.value))
                    }
                  />
                ) : (
                  <select
                    id={field}
                    value={value === null ? '' : String(value)}
                    onChange={(e) => set(encoder.column, e.target.value === '' ? null : e.target.value)}
                  >
                    <option value="">{t.missing}</option>
                    {[
                      ...encoder.categories,
                      ...(value !== null && !encoder.categories.includes(String(value))
                        ? [String(value)]
                        : []),
                    ].map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                )}
              </div>
            );
          })}
        </div>
        <div className="what-if-answer">
          <p className="finding" role="status" data-testid="what-if-prediction">
            {now.text}
          </p>
          {edited && before && <p className="muted">{t.changed(before.text)}</p>}
          {report.task === 'binary' && (
            <div data-testid="flips">
              <h4>{t.flips}</h4>
              <p className="hint">{t.flipsHint}</p>
              {flips.length === 0 ? (
                <p className="muted">{t.noFlip}</p>
              ) : (
                <ul className="flips">
                  {flips.map((f) => (
                    <li key={f.column}>
                      <span>
                        {t.flip(
                          f.column,
                          show(f.from, t.missing),
                          typeof f.to === 'number' ? fmt.quantity(f.to) : show(f.to, t.missing),
                        )}{' '}
                        <span className="muted">{t.flipScore(fmt.percent(f.score, 0))}</span>
                      </span>
                      <button type="button" className="button-quiet" onClick={() => set(f.column, f.to)}>
                        {t.apply}
                        <span className="visually-hidden">: {f.column}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
