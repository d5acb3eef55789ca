import type { TaskKind } from '../../data/settings';
import { useI18n } from '../../i18n';
import { setTarget } from '../../state/settingsActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { Section } from '../components/Section';
import { useAppState, useController } from '../context';
import { SensitivePicker } from './SensitivePicker';

function ModelInputs() {
  const { m } = useI18n();
  const analysis = useAppState((s) => s.analysis);
  const include = useAppState((s) => s.settings.includeSensitiveInModel);
  const controller = useController();
  if (!analysis) return null;
  const leftOut = analysis.leftOut
    .map((l) => `${l.column} (${m.goal.reasons[l.reason]})`)
    .join(m.listSeparator);
  return (
    <div className="model-inputs">
      <label className="check">
        <input
          type="checkbox"
          role="switch"
          checked={include}
          onChange={(e) => controller.update((s) => ({ ...s, includeSensitiveInModel: e.target.checked }))}
        />
        {m.goal.include}
      </label>
      <p className="hint">{m.goal.includeHint}</p>
      <p>{m.goal.inputs(analysis.modelInputs.length, analysis.modelInputs.join(m.listSeparator))}</p>
      {leftOut && <p className="muted">{m.goal.leftOut(leftOut)}</p>}
    </div>
  );
}

export function GoalStep() {
  const { m } = useI18n();
  const controller = useController();
  const columns = useAppState((s) => s.analysis?.profiles.map((p) => p.name) ?? []);
  const settings = useAppState((s) => s.settings);
  const target = useAppState((s) => s.analysis?.target ?? null);
  const isClassification = target?.task === 'binary' || target?.task === 'multiclass';
  return (
    <Section id="goal" n={3} title={m.app.steps.goal} intro={m.goal.intro}>
      <div className="row">
        <label>
          {m.goal.target}
          <select
            value={settings.target ?? ''}
            onChange={(e) => controller.update((s) => setTarget(s, e.target.value || null))}
          >
            <option value="">{m.goal.choose}</option>
            {columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {target?.task && (
          <label>
            {m.goal.task}
            <select
              value={target.task}
              onChange={(e) =>
                controller.update((s) => ({ ...s, task: e.target.value as TaskKind, positiveClass: null }))
              }
            >
              {target.allowedTasks.map((t) => (
                <option key={t} value={t}>
                  {m.tasks[t]}
                </option>
              ))}
            </select>
          </label>
        )}
        {isClassification && (
          <label>
            {m.goal.positive}
            <select
              value={target.positiveClass ?? ''}
              onChange={(e) => controller.update((s) => ({ ...s, positiveClass: e.target.value }))}
            >
              {target.classes.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.value}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {isClassification && <p className="hint">{m.goal.positiveHint}</p>}
      {target?.problem && (
        <ErrorAlert error={target.problem} onDismiss={() => controller.update((s) => setTarget(s, null))} />
      )}
      <SensitivePicker />
      <ModelInputs />
    </Section>
  );
}
