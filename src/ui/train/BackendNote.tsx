import { useI18n } from '../../i18n';
import type { TrainingRun } from '../../state/training';

/**
 * Where the model runs or ran ("Trained on WASM"), why that backend, what was passed over, and any backend
 * that failed mid-run and where training went on.
 */
export function BackendNote({ run, live = false }: { run: TrainingRun; live?: boolean }) {
  const { m } = useI18n();
  const t = m.train;
  const decision = run.decision;
  if (!decision) return null;
  const finalBackend = run.outcome?.report.model.backend ?? run.fallbacks.at(-1)?.to ?? decision.backend;
  const name = (b: string) => t.backendNames[b] ?? b;
  const failedFirst = decision.reason === 'forced-failed-fallback' ? decision.skipped[0] : undefined;
  const moved = run.fallbacks.length > 0;
  return (
    <div className="backend-note" data-testid="backend-note">
      <p>
        <strong>{live ? t.runningOn(name(finalBackend)) : t.trainedOn(name(finalBackend))}</strong>
        {!moved && decision.description ? <span className="muted"> ({decision.description})</span> : null}
        {'. '}
        {failedFirst
          ? t.forcedFailed(name(failedFirst.backend), failedFirst.reason, name(decision.backend))
          : moved
            ? t.youChose(name(decision.backend))
            : t.reasons[decision.reason]}
      </p>
      {run.fallbacks.map((f, i) => (
        <p key={i} className="warning" role="status">
          {t.fallback(name(f.from), f.afterEpoch, name(f.to), f.error)}
        </p>
      ))}
      {decision.skipped.length > 0 && (
        <details className="backend-skipped">
          <summary className="muted">{t.backendDetails}</summary>
          <ul>
            {decision.skipped.map((s) => (
              <li key={s.backend}>{t.skipped(name(s.backend), s.reason)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
