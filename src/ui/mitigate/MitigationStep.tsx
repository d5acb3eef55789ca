import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import {
  DEFAULT_PENALTY_LAMBDA,
  FAIRNESS_GOALS,
  MAX_PENALTY_LAMBDA,
  MITIGATION_METHODS,
  type FairnessGoal,
  type MitigationMethod,
  type MitigationRequest,
} from '../../pipeline/mitigation';
import { isActive, shownRun } from '../../state/training';
import { Section } from '../components/Section';
import { useAppState, useController } from '../context';
import { downloadReport, exportFor } from '../results/download';
import { trainErrorText } from '../train/TrainResult';
import { RunComparison } from './RunComparison';
import { comparedRuns } from './runs';

/** One remedy: what it does in two sentences, when it fits and when not, and its button. */
function RemedyCard(props: {
  method: MitigationMethod;
  blocked: string | null;
  busy: boolean;
  onTry: () => void;
}) {
  const { m } = useI18n();
  const t = m.mitigate;
  const text = t.methods[props.method];
  return (
    <li className="remedy" data-testid={`remedy-${props.method}`}>
      <h3>{text.name}</h3>
      <p>{text.what}</p>
      <p className="muted">
        <strong>{t.fits}</strong>
        {text.fits} <strong>{t.notFor}</strong>
        {text.notFor}
      </p>
      {props.method === 'thresholds' && <p className="warning">{t.thresholdsWarning}</p>}
      {props.blocked && (
        <p className="muted" id={`remedy-${props.method}-blocked`}>
          {props.blocked}
        </p>
      )}
      <button
        type="button"
        disabled={props.busy || props.blocked !== null}
        aria-describedby={props.blocked ? `remedy-${props.method}-blocked` : undefined}
        onClick={props.onTry}
      >
        {t.tryOne(text.name)}
      </button>
    </li>
  );
}

/**
 * Step 9: the remedies for a disparity the audit found, one click each or all in sequence, and every run
 * compared (table and trade-off chart), one of them chosen for the results and the export.
 */
export function MitigationStep() {
  const { m } = useI18n();
  const t = m.mitigate;
  const controller = useController();
  const runs = useAppState((s) => s.runs);
  const training = useAppState((s) => s.training);
  const chosenRunId = useAppState((s) => s.chosenRunId);
  const remedies = useAppState((s) => s.remedies);
  const remediesEnded = useAppState((s) => s.remediesEnded);
  const shownId = useAppState((s) => shownRun(s)?.id ?? null);
  const model = useAppState((s) => s.trainChoices.model);
  const id = useId();
  const latest = training?.status === 'done' && training.outcome ? training : runs.at(-1);
  const report = latest?.outcome?.report;
  const attributes = useMemo(() => (report?.fairness ?? []).map((e) => e.attribute), [report]);
  const [attributeChoice, setAttribute] = useState<string | null>(null);
  const [goal, setGoal] = useState<FairnessGoal>('demographic-parity');
  const [lambda, setLambda] = useState(DEFAULT_PENALTY_LAMBDA);
  const attribute = attributeChoice && attributes.includes(attributeChoice) ? attributeChoice : attributes[0];
  // The comparison follows in a deferred render: a finished run or a threshold moved above must not wait
  // for every run's figures, the chart and the table to be redrawn.
  const deferredRuns = useDeferredValue(runs);
  const compared = useMemo(
    () => comparedRuns(m, deferredRuns, attribute ?? ''),
    [m, deferredRuns, attribute],
  );
  if (!report) return null;
  const busy = isActive(training) || remedies !== null;
  const available = report.task === 'binary' && attributes.length > 0;
  const settings: Omit<MitigationRequest, 'method'> = { attribute, fairness: goal, lambda };
  const ended = remediesEnded;
  const nameOf = (method: string) =>
    method === 'baseline' ? t.baselineName : t.methods[method as MitigationMethod].name;
  const chosen = compared.find((r) => r.id === chosenRunId);
  const chosenRun = runs.find((r) => r.id === chosenRunId);
  return (
    <Section id="mitigate" n={9} title={m.app.steps.mitigate} intro={t.intro}>
      {!available ? (
        <p className="muted">{t.unavailable}</p>
      ) : (
        <>
          <div className="row fairness-controls">
            <div className="field">
              <label htmlFor={`${id}-attr`}>{t.attribute}</label>
              <select id={`${id}-attr`} value={attribute} onChange={(e) => setAttribute(e.target.value)}>
                {attributes.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-goal`}>{t.goal}</label>
              <select
                id={`${id}-goal`}
                value={goal}
                onChange={(e) => setGoal(e.target.value as FairnessGoal)}
              >
                {FAIRNESS_GOALS.map((g) => (
                  <option key={g} value={g}>
                    {t.goals[g]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-lambda`}>{t.lambda}</label>
              <div className="lambda-input">
                <input
                  id={`${id}-lambda`}
                  type="range"
                  min={0}
                  max={MAX_PENALTY_LAMBDA}
                  step={0.5}
                  value={lambda}
                  aria-describedby={`${id}-lambda-hint`}
                  onChange={(e) => setLambda(Number(e.target.value))}
                />
                <output htmlFor={`${id}-lambda`}>{lambda}</output>
              </div>
              <span className="hint" id={`${id}-lambda-hint`}>
                {t.lambdaHint}
              </span>
            </div>
          </div>
          <ul className="remedies">
            {MITIGATION_METHODS.map((method) => (
              <RemedyCard
                key={method}
                method={method}
                busy={busy}
                blocked={
                  method === 'penalty' && model !== 'logistic' && model !== 'mlp'
                    ? t.penaltyNeedsNetwork
                    : null
                }
                onTry={() => void controller.tryRemedy(settings, method)}
              />
            ))}
          </ul>
          <div className="row">
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => void controller.tryAllRemedies(settings)}
            >
              {t.tryAll}
            </button>
            {busy && (
              <button type="button" onClick={() => controller.cancelTraining()}>
                {m.train.cancel}
              </button>
            )}
          </div>
          <p className="hint">{t.tryAllHint}</p>
          <div role="status" data-testid="remedies-progress">
            {remedies && remedies.index > 0 && (
              <p>{t.progress(remedies.index, remedies.total, nameOf(remedies.method))}</p>
            )}
            {!remedies && ended && (
              <>
                <p>
                  {ended.stopped === 'settings-changed'
                    ? t.endedSettingsChanged(ended.finished, ended.total)
                    : ended.stopped === 'cancelled'
                      ? t.endedCancelled(ended.finished, ended.total)
                      : t.ended(ended.finished, ended.total)}
                </p>
                {ended.failed.length > 0 && (
                  <ul className="alert alert-error">
                    {ended.failed.map((f) => (
                      <li key={f.method}>
                        {t.remedyFailed(nameOf(f.method))} {trainErrorText(m, f.error).title}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
          {compared.length > 0 && (
            <RunComparison
              runs={compared}
              goal={goal}
              chosenId={chosenRunId}
              shownId={shownId}
              busy={busy}
              onChoose={controller.chooseRun}
            />
          )}
          <div className="row">
            <p data-testid="chosen-run">
              {!chosen
                ? t.noneChosen
                : shownId === chosen.id
                  ? t.chosenNote(chosen.name)
                  : t.chosenNotShown(chosen.name)}
            </p>
            {chosen && shownId !== chosen.id && (
              <button type="button" disabled={busy} onClick={() => controller.chooseRun(chosen.id)}>
                {t.showChosen}
              </button>
            )}
            {chosen && chosenRun && (
              <button
                type="button"
                onClick={() => downloadReport(exportFor(chosenRun, chosen.report, { runs, chosenRunId }))}
              >
                {t.download}
              </button>
            )}
          </div>
        </>
      )}
    </Section>
  );
}
