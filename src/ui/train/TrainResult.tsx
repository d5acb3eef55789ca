import { useEffect, useRef } from 'react';
import type { AppError } from '../../core/result';
import { useI18n, type Messages } from '../../i18n';
import { runBasis, testFileKey, type TrainingRun } from '../../state/training';
import type { TrainOutcome } from '../../workers/trainProtocol';
import { useAppState } from '../context';
import { BackendNote } from './BackendNote';
import { LossChart } from './LossChart';
import { useTestFileInfo } from './TestRowsPicker';
import { useDuration } from './useDuration';
import { Headline } from '../results/Headline';
import { useLiveResults } from '../results/live';
import { downloadReport, exportFor } from '../results/download';
import { runName } from '../mitigate/runs';

/**
 * Where keyboard focus goes when a run ends: the Stop and Cancel buttons it was on are gone, so without this
 * it would fall back to the top of the page. Only when focus was lost (on the body), never stolen.
 */
function useFocusWhenRunEnds<T extends HTMLElement>(endedHere: boolean) {
  const ref = useRef<T>(null);
  const when = useRef(endedHere);
  useEffect(() => {
    if (when.current && document.activeElement === document.body) ref.current?.focus();
  }, []);
  return ref;
}

function Finished({
  run,
  outcome,
  endedHere,
}: {
  run: TrainingRun;
  outcome: TrainOutcome;
  endedHere: boolean;
}) {
  const { m, fmt } = useI18n();
  const t = m.train;
  const duration = useDuration();
  const heading = useFocusWhenRunEnds<HTMLHeadingElement>(endedHere);
  const diverged =
    outcome.history.trainLoss.some((loss) => !Number.isFinite(loss)) ||
    (outcome.report.task !== 'regression' && typeof outcome.report.metrics.accuracy !== 'number');
  const { uploaded, official } = useTestFileInfo();
  const settings = useAppState((s) => s.settings);
  const choices = useAppState((s) => s.trainChoices);
  const runs = useAppState((s) => s.runs);
  const chosenRunId = useAppState((s) => s.chosenRunId);
  const testKey = choices.useTestFile
    ? testFileKey({ uploaded, sampleFile: official?.name ?? null }, JSON.stringify(settings.parse))
    : null;
  const stale = run.basis !== runBasis(settings, choices, testKey);
  const live = useLiveResults(run, outcome);
  const { report } = outcome;
  const { model, split } = report;
  const stop = model.stoppedBy;
  return (
    <div
      className="train-result"
      id="train-result"
      data-testid="train-result"
      data-backend={report.model.backend}
    >
      <h3 ref={heading} tabIndex={-1}>
        {t.resultTitle}
      </h3>
      {stale && <p className="warning">{t.stale}</p>}
      {diverged && (
        <p className="alert alert-error" role="alert">
          {t.diverged}
        </p>
      )}
      {run.mitigation && report.mitigation && (
        <p data-testid="run-name">
          {m.mitigate.thisRun(runName(m, run.mitigation, report), report.mitigation.attribute)}
        </p>
      )}
      <BackendNote run={run} />
      <Headline report={live.report} majority={outcome.majorityClass} testId="test-accuracy" />
      {stop && model.epochs !== null && typeof model.bestEpoch === 'number' && t.stoppedBy[stop] && (
        <p data-testid="stopped-by">
          {split.validation === 0 && stop === 'epochs'
            ? t.ranAllNoValidation(model.epochs, model.kind === 'boosted')
            : split.validation === 0 && stop === 'user'
              ? t.stoppedNoValidation(model.epochs, model.kind === 'boosted')
              : t.stoppedBy[stop](model.epochs, model.bestEpoch, model.kind === 'boosted')}
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
      {outcome.notes.map((note, i) => (
        <p key={i} className="warning">
          {note.code === 'unseen-test-labels'
            ? t.notes[note.code](fmt.integer(note.rows))
            : t.notes[note.code](note.column)}
        </p>
      ))}
      <LossChart
        history={outcome.history}
        rounds={model.kind === 'boosted'}
        regression={report.task === 'regression'}
      />
      <div className="row">
        <button
          type="button"
          onClick={() => downloadReport(exportFor(run, live.report, { runs, chosenRunId }))}
        >
          {t.download}
        </button>
      </div>
    </div>
  );
}

/** The end of a run: its result, or why there is none (failed, cancelled, interrupted by a reload). */
/** `endedHere`: the run just ended on this page (not restored after a reload), so focus may move to it. */
export function TrainResult({ run, endedHere }: { run: TrainingRun; endedHere: boolean }) {
  const { m } = useI18n();
  if (run.status === 'done' && run.outcome)
    return <Finished run={run} outcome={run.outcome} endedHere={endedHere} />;
  if (run.status === 'interrupted') {
    return (
      <p className="alert alert-notice" role="status" data-testid="train-interrupted">
        {m.train.interrupted}
      </p>
    );
  }
  if (run.status === 'cancelled') return <CancelledNotice endedHere={endedHere} />;
  if (run.status === 'failed' && run.error) {
    const { title, hint } = trainErrorText(m, run.error);
    return <TrainError title={title} hint={hint} endedHere={endedHere} />;
  }
  return null;
}

/**
 * A failed run in words. Problems of the separate test file say so (the general messages speak of "this
 * file"); pipeline problems have training-specific wording; the rest use the app's general messages.
 */
export function trainErrorText(m: Messages, error: AppError): { title: string; hint: string } {
  const params = error.params ?? {};
  const forTest = params.file === 'test';
  if (forTest && error.code === 'target-missing') return m.train.errors['target-missing'](params);
  const specific = forTest ? undefined : m.train.errors[error.code];
  if (error.code !== 'target-missing' && specific) return specific(params);
  const general = (m.errors[error.code] ?? m.errors.internal)(params);
  return forTest ? { ...general, title: m.train.testFileProblem(general.title) } : general;
}

/** "Training was cancelled": takes focus from the Cancel button that went away with the run. */
function CancelledNotice({ endedHere }: { endedHere: boolean }) {
  const { m } = useI18n();
  const box = useFocusWhenRunEnds<HTMLParagraphElement>(endedHere);
  return (
    <p className="alert alert-notice" role="status" ref={box} tabIndex={-1}>
      {m.train.cancelled}
    </p>
  );
}

function TrainError({ title, hint, endedHere }: { title: string; hint: string; endedHere: boolean }) {
  const { m } = useI18n();
  const box = useFocusWhenRunEnds<HTMLDivElement>(endedHere);
  return (
    <div className="alert alert-error" role="alert" ref={box} tabIndex={-1}>
      <div>
        <strong>{m.train.failedTitle}: </strong>
        <strong>{title}</strong>
        <p>{hint}</p>
      </div>
    </div>
  );
}
