import { memo, useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import { isActive } from '../../state/training';
import { MODEL_KINDS } from '../../pipeline/types';
import { Section } from '../components/Section';
import { useAppState, useController } from '../context';
import { AdvancedSettings } from './AdvancedSettings';
import { TestRowsPicker } from './TestRowsPicker';
import { TrainProgress } from './TrainProgress';
import { TrainResult } from './TrainResult';
import { BACKEND_PREFERENCES, type BackendPreference } from '../../workers/trainProtocol';

/** The model kinds as radio cards, each with its plain-language description. */
const ModelPicker = memo(function ModelPicker({ disabled }: { disabled: boolean }) {
  const { m } = useI18n();
  const controller = useController();
  const model = useAppState((s) => s.trainChoices.model);
  const regression = useAppState((s) => s.analysis?.target?.task === 'regression');
  return (
    <fieldset className="model-picker" disabled={disabled}>
      <legend>{m.train.model}</legend>
      {MODEL_KINDS.map((kind) => {
        const text = m.train.models[kind];
        return (
          <label key={kind} className={kind === model ? 'model-option chosen' : 'model-option'}>
            <input
              type="radio"
              name="model"
              value={kind}
              checked={kind === model}
              onChange={() => controller.updateTrainChoices((c) => ({ ...c, model: kind }))}
            />
            <span>
              <strong>{regression ? text.regressionName : text.name}</strong>
              <span className="muted">{text.text}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
});

const BackendPicker = memo(function BackendPicker({ disabled }: { disabled: boolean }) {
  const { m } = useI18n();
  const controller = useController();
  const backend = useAppState((s) => s.trainChoices.backend);
  const tree = useAppState((s) => s.trainChoices.model === 'tree' || s.trainChoices.model === 'boosted');
  return (
    <div className="field">
      <label htmlFor="train-backend">{m.train.backend}</label>
      <select
        id="train-backend"
        value={backend}
        disabled={disabled || tree}
        aria-describedby="train-backend-hint"
        onChange={(e) =>
          controller.updateTrainChoices((c) => ({ ...c, backend: e.target.value as BackendPreference }))
        }
      >
        {BACKEND_PREFERENCES.map((b) => (
          <option key={b} value={b}>
            {m.train.backends[b]}
          </option>
        ))}
      </select>
      <p id="train-backend-hint" className="hint">
        {tree ? m.train.backendHint : m.train.backendAutoHint}
      </p>
    </div>
  );
});

export function TrainStep() {
  const { m } = useI18n();
  const controller = useController();
  const run = useAppState((s) => s.training);
  const ready = useAppState((s) => Boolean(s.analysis?.target?.task) && !s.analysis?.target?.problem);
  // "Try all remedies" between two of its runs counts as busy too: nothing may start or change then.
  const sequence = useAppState((s) => s.remedies !== null);
  const running = isActive(run);
  const active = running || sequence;
  // True on the render where a run has just ended here: the result may then take keyboard focus.
  const wasActive = useRef(false);
  // Not for a remedy's run: it was started in step 9, where the user stays, and focus must not jump here.
  const endedHere = wasActive.current && !running && !run?.mitigation && !sequence;
  useEffect(() => {
    wasActive.current = running;
  });
  const invalid = useAppState((s) => s.invalidTrainFields.length > 0);
  return (
    <Section id="train" n={5} title={m.app.steps.train} intro={m.train.intro}>
      {!ready && <p className="muted">{m.train.needsTarget}</p>}
      <div className="train-choices">
        <ModelPicker disabled={active} />
        <div className="train-side">
          <TestRowsPicker disabled={active} />
          <BackendPicker disabled={active} />
          <AdvancedSettings disabled={active} />
        </div>
      </div>
      <div className="row train-actions">
        <button
          type="button"
          disabled={!ready || active || invalid}
          aria-describedby={invalid ? 'train-fix-settings' : undefined}
          onClick={() => void controller.train()}
        >
          {m.train.trainButton}
        </button>
        {invalid && (
          <p id="train-fix-settings" className="field-error" role="status">
            {m.train.fixSettings}
          </p>
        )}
      </div>
      {run && running && <TrainProgress run={run} />}
      {run && !running && <TrainResult run={run} endedHere={endedHere} />}
    </Section>
  );
}
