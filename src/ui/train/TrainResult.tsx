import { useI18n } from '../../i18n';
import type { TrainingRun } from '../../state/training';
import type { TrainOutcome } from '../../workers/trainProtocol';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAppState } from '../context';
import { BackendNote } from './BackendNote';
import { LossChart } from './LossChart';
import { useDuration } from './useDuration';

const num = (x: unknown): number => (typeof x === 'number' ? x : NaN);

/** The headline figures against the baseline, in one sentence a non-expert can read. */
function Headline({ outcome }: { outcome: TrainOutcome }) {
  const { m, fmt } = useI18n();
  const { report } = outcome;
  const metrics = report.metrics;
  if (report.task === 'regression') {
    return (
      <p className="finding">
        {m.train.regression(
          fmt.decimal(num(metrics.rmse), 3),
          fmt.decimal(num(metrics.baselineRmse), 3),
          fmt.decimal(num(metrics.r2), 3),
        )}
      </p>
    );
  }
  return (
    <>
      <p className="finding" data-testid="test-accuracy">
        {m.train.accuracy(
          fmt.percent(num(metrics.accuracy), 1),
          fmt.percent(num(metrics.baselineAccuracy), 1),
          outcome.majorityClass ?? '',
        )}
      </p>
      {report.task === 'multiclass' && <p>{m.train.macro(fmt.decimal(num(metrics.macroF1), 3))}</p>}
    </>
  );
}

/** Saves the report as a JSON file, made in the page (no server). */
function downloadReport(outcome: TrainOutcome) {
  const blob = new Blob([JSON.stringify(outcome.report, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  const base = outcome.report.dataset.name.replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '-');
  link.download = `${base || 'dataset'}-${outcome.report.model.kind}-report.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Finished({ run, outcome }: { run: TrainingRun; outcome: TrainOutcome }) {
  const { m, fmt } = useI18n();
  const t = m.train;
  const duration = useDuration();
  const stale = useAppState(
    (s) =>
      s.training?.basis !==
      JSON.stringify({ settings: s.settings, choices: s.trainChoices, test: JSON.parse(run.basis).test }),
  );
  const { report } = outcome;
  const { model, split } = report;
  const stop = model.stoppedBy;
  return (
    <div className="train-result" data-testid="train-result">
      <h3>{t.resultTitle}</h3>
      {stale && <p className="warning">{t.stale}</p>}
      <BackendNote run={run} />
      <Headline outcome={outcome} />
      {stop && model.epochs !== null && typeof model.bestEpoch === 'number' && t.stoppedBy[stop] && (
        <p data-testid="stopped-by">
          {t.stoppedBy[stop](model.epochs, model.bestEpoch, model.kind === 'boosted')}
        </p>
      )}
      <p className="muted">
        {t.sizes(
          fmt.integer(split.train),
          fmt.integer(split.validation),
          fmt.integer(split.test),
          duration(model.trainMs / 1000),
        )}
      </p>
      {outcome.notes.map((note) => (
        <p key={note.code} className="warning">
          {t.notes[note.code](fmt.integer(note.rows))}
        </p>
      ))}
      <LossChart
        history={outcome.history}
        rounds={model.kind === 'boosted'}
        regression={report.task === 'regression'}
      />
      <div className="row">
        <button type="button" onClick={() => downloadReport(outcome)}>
          {t.download}
        </button>
      </div>
    </div>
  );
}

/** The end of a run: its result, or why there is none (failed, cancelled, interrupted by a reload). */
export function TrainResult({ run }: { run: TrainingRun }) {
  const { m } = useI18n();
  if (run.status === 'done' && run.outcome) return <Finished run={run} outcome={run.outcome} />;
  if (run.status === 'interrupted') {
    return (
      <p className="alert alert-notice" role="status" data-testid="train-interrupted">
        {m.train.interrupted}
      </p>
    );
  }
  if (run.status === 'cancelled') {
    return (
      <p className="alert alert-notice" role="status">
        {m.train.cancelled}
      </p>
    );
  }
  if (run.status === 'failed' && run.error) {
    const specific = m.train.errors[run.error.code];
    return specific ? (
      <TrainError
        title={specific(run.error.params ?? {}).title}
        hint={specific(run.error.params ?? {}).hint}
      />
    ) : (
      <ErrorAlert error={run.error} />
    );
  }
  return null;
}

function TrainError({ title, hint }: { title: string; hint: string }) {
  const { m } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <div>
        <strong>{m.train.failedTitle}: </strong>
        <strong>{title}</strong>
        <p>{hint}</p>
      </div>
    </div>
  );
}
