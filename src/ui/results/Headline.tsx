import { useI18n } from '../../i18n';
import type { Report } from '../../report/report';

const num = (x: unknown): number => (typeof x === 'number' ? x : NaN);

/**
 * The headline figures against the baseline, in one sentence a non-expert can read: under the training result
 * (step 5) and atop "How good is it" (step 6), both at the threshold the slider sets.
 */
export function Headline({
  report,
  majority,
  testId,
}: {
  report: Report;
  majority: string | null;
  testId: string;
}) {
  const { m, fmt } = useI18n();
  const metrics = report.metrics;
  if (report.task === 'regression') {
    return (
      <p className="finding" data-testid={testId}>
        {m.train.regression(
          fmt.quantity(num(metrics.rmse)),
          fmt.quantity(num(metrics.baselineRmse)),
          fmt.decimal(num(metrics.r2), 3),
        )}
      </p>
    );
  }
  return (
    <>
      <p className="finding" data-testid={testId}>
        {m.train.accuracy(
          fmt.percent(num(metrics.accuracy), 1),
          fmt.percent(num(metrics.baselineAccuracy), 1),
          majority ?? '',
        )}
      </p>
      {report.task === 'multiclass' && <p>{m.train.macro(fmt.decimal(num(metrics.macroF1), 3))}</p>}
    </>
  );
}
