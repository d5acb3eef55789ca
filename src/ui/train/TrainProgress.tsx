import { useI18n } from '../../i18n';
import { secondsLeft, type TrainingRun } from '../../state/training';
import { useController } from '../context';
import { BackendNote } from './BackendNote';
import { LossChart } from './LossChart';
import { useDuration } from './useDuration';

/** A run in progress: stage, epoch and ETA, the backend, the live curve, Stop and Cancel. */
export function TrainProgress({ run }: { run: TrainingRun }) {
  const { m, fmt } = useI18n();
  const t = m.train;
  const controller = useController();
  const duration = useDuration();
  const left = secondsLeft(run);
  const regression = run.regression ?? false;
  const rounds = run.model === 'boosted';
  const training = run.stage === 'train' && run.epochs > 0;
  const explained = run.stage === 'explain' ? run.explained : undefined;
  return (
    <div className="train-progress" data-testid="train-progress">
      <div className="row">
        <progress
          aria-label={t.progressLabel}
          max={training ? run.epochs : explained ? explained.total : undefined}
          value={training ? run.epoch : explained ? explained.done : undefined}
        />
        <button
          type="button"
          onClick={controller.stopTraining}
          disabled={run.status === 'stopping' || !training}
          aria-describedby="train-stop-hint"
        >
          {t.stop}
        </button>
        <button type="button" className="button-quiet" onClick={controller.cancelTraining}>
          {t.cancel}
        </button>
      </div>
      <p className="train-status" data-testid="train-status">
        {run.status === 'stopping'
          ? t.stopping
          : training
            ? `${(rounds ? t.roundOf : t.epochOf)(fmt.integer(run.epoch), fmt.integer(run.epochs))}${
                left !== null ? ` · ${(rounds ? t.timeLeftTrees : t.timeLeft)(duration(left))}` : ''
              }`
            : explained
              ? t.explaining(fmt.integer(explained.done), fmt.integer(explained.total))
              : t.stages[run.stage]}
      </p>
      {/* Screen readers hear the stage and every tenth of the epochs, not each of up to hundreds of epochs. */}
      <p role="status" className="visually-hidden">
        {run.status === 'stopping'
          ? t.stopping
          : training
            ? t.announceProgress(fmt.percent(Math.floor((run.epoch / run.epochs) * 10) / 10))
            : t.stages[run.stage]}
      </p>
      <p id="train-stop-hint" className="hint">
        {t.stopHint}
      </p>
      {run.decision && <BackendNote run={run} live />}
      <LossChart history={run.history} rounds={rounds} regression={regression} />
    </div>
  );
}
