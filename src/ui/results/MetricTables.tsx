import { useI18n } from '../../i18n';
import { perClassMetrics } from '../../metrics/multiclass';
import type { Report } from '../../report/report';
import { ScrollRegion } from '../components/ScrollRegion';

/** The test figures as tables: every metric with its meaning, the confusion matrix, per-class figures. */

/** The figures listed per task, in this order. */
const FIGURES: Record<Report['task'], string[]> = {
  binary: [
    'accuracy',
    'baselineAccuracy',
    'balancedAccuracy',
    'precision',
    'recall',
    'specificity',
    'f1',
    'rocAuc',
    'logLoss',
  ],
  multiclass: ['accuracy', 'baselineAccuracy', 'macroPrecision', 'macroRecall', 'macroF1'],
  regression: ['mae', 'rmse', 'r2', 'baselineRmse'],
};

export function MetricsTable({ report }: { report: Report }) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  return (
    <ScrollRegion label={m.a11y.metricsTable}>
      <table className="data-table metrics-table" data-testid="metrics-table">
        <thead>
          <tr>
            <th scope="col">{t.metric}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.meaning}</th>
          </tr>
        </thead>
        <tbody>
          {FIGURES[report.task]
            .filter((key) => key in report.metrics)
            .map((key) => {
              const value = report.metrics[key];
              return (
                <tr key={key} data-metric={key}>
                  <th scope="row">{t.metrics[key]?.[0] ?? key}</th>
                  <td className="number">
                    {typeof value === 'number'
                      ? report.task === 'regression' && key !== 'r2'
                        ? fmt.quantity(value)
                        : fmt.decimal(value, 3)
                      : t.notDefined}
                  </td>
                  <td className="muted">{t.metrics[key]?.[1]}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function Confusion({ report }: { report: Report }) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  const confusion = report.metrics.confusion;
  if (!Array.isArray(confusion)) return null;
  const classes = report.classes;
  return (
    <ScrollRegion label={t.confusion}>
      <table className="data-table confusion" data-testid="confusion">
        <caption>
          {report.task === 'binary'
            ? t.confusionCaption(report.positiveClass ?? classes[classes.length - 1] ?? '')
            : t.confusion}
        </caption>
        <thead>
          <tr>
            <td />
            {classes.map((c) => (
              <th key={c} scope="col">
                {t.predicted}: {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, i) => (
            <tr key={i}>
              <th scope="row">
                {t.actual}: {classes[i]}
              </th>
              {row.map((v, j) => (
                <td key={j} className={i === j ? 'number diagonal' : 'number'}>
                  {typeof v === 'number' ? fmt.integer(v) : '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function PerClass({ report }: { report: Report }) {
  const { m, fmt } = useI18n();
  const t = m.results.performance;
  const confusion = report.metrics.confusion;
  if (!Array.isArray(confusion)) return null;
  const perClass = perClassMetrics(confusion.map((row) => row.map((v) => v ?? 0)));
  return (
    <ScrollRegion label={t.perClass}>
      <table className="data-table" data-testid="per-class">
        <caption>{t.perClass}</caption>
        <thead>
          <tr>
            <th scope="col">{t.class}</th>
            <th scope="col">{t.metrics.precision[0]}</th>
            <th scope="col">{t.metrics.recall[0]}</th>
            <th scope="col">F1</th>
            <th scope="col">{t.support}</th>
          </tr>
        </thead>
        <tbody>
          {perClass.map((c, k) => (
            <tr key={k}>
              <th scope="row">{report.classes[k]}</th>
              <td className="number">{fmt.decimal(c.precision, 3)}</td>
              <td className="number">{fmt.decimal(c.recall, 3)}</td>
              <td className="number">{fmt.decimal(c.f1, 3)}</td>
              <td className="number">{fmt.integer(c.support)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
