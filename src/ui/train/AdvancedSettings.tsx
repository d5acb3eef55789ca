import { memo, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { LINEAR_DEFAULTS } from '../../ml/linear/defaults';
import { MLP_DEFAULTS } from '../../ml/mlp/defaults';
import { BOOSTING_DEFAULTS } from '../../ml/tree/boosting';
import { TREE_DEFAULTS } from '../../ml/tree/cart';
import type { ModelKind, ModelOptions } from '../../pipeline/types';
import type { TrainChoices } from '../../workers/trainProtocol';
import { useAppState, useController } from '../context';
import { useTestFileInfo } from './TestRowsPicker';

type Field = 'epochs' | 'learningRate' | 'batchSize' | 'hidden' | 'patience' | 'maxDepth' | 'nEstimators';

/** The settings each model takes, with the default shown as a placeholder (batch size depends on the rows). */
const FIELDS: Record<ModelKind, [Field, string][]> = {
  logistic: [
    ['epochs', String(LINEAR_DEFAULTS.epochs)],
    ['learningRate', String(LINEAR_DEFAULTS.learningRate)],
    ['batchSize', 'auto'],
    ['patience', '5'],
  ],
  mlp: [
    ['epochs', String(MLP_DEFAULTS.epochs)],
    ['learningRate', String(MLP_DEFAULTS.learningRate)],
    ['batchSize', 'auto'],
    ['hidden', MLP_DEFAULTS.hidden.join(', ')],
    ['patience', '5'],
  ],
  tree: [['maxDepth', String(TREE_DEFAULTS.maxDepth)]],
  boosted: [
    ['nEstimators', String(BOOSTING_DEFAULTS.nEstimators)],
    ['learningRate', String(BOOSTING_DEFAULTS.learningRate)],
    ['maxDepth', String(BOOSTING_DEFAULTS.maxDepth)],
  ],
};

const INTEGER_FIELDS = new Set<Field>(['epochs', 'batchSize', 'patience', 'maxDepth', 'nEstimators']);

/** A typed value as the option it sets: undefined for empty (the default), null when not valid. */
function parseField(field: Field, text: string): ModelOptions[Field] | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (field === 'hidden') {
    const units = trimmed
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
    return units.length > 0 && units.every((u) => Number.isInteger(u) && u > 0 && u <= 4096) ? units : null;
  }
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) return null;
  if (INTEGER_FIELDS.has(field) && !Number.isInteger(value)) return null;
  return value;
}

const shown = (value: ModelOptions[Field] | undefined) =>
  value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);

function OptionInput(props: { model: ModelKind; field: Field; placeholder: string; disabled: boolean }) {
  const { model, field, placeholder, disabled } = props;
  const { m } = useI18n();
  const controller = useController();
  const value = useAppState((s) => s.trainChoices.modelOptions[model]?.[field]);
  const [text, setText] = useState(() => shown(value));
  const parsed = parseField(field, text);
  const id = `train-${field}`;
  const valid = parsed !== null;
  useEffect(() => {
    controller.setTrainFieldValid(`${model}.${field}`, valid);
    return () => controller.setTrainFieldValid(`${model}.${field}`, true);
  }, [controller, model, field, valid]);
  return (
    <div className="field">
      <label htmlFor={id}>{m.train.fields[field]}</label>
      <input
        id={id}
        inputMode={field === 'hidden' ? 'text' : 'decimal'}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={parsed === null}
        aria-describedby={parsed === null ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const next = parseField(field, e.target.value);
          if (next === null) return;
          controller.updateTrainChoices((c) => {
            const options: ModelOptions = { ...c.modelOptions[model] };
            if (next === undefined) delete options[field];
            else (options as Record<Field, unknown>)[field] = next;
            return { ...c, modelOptions: { ...c.modelOptions, [model]: options } };
          });
        }}
      />
      {parsed === null && (
        <p id={`${id}-error`} className="field-error">
          {field === 'hidden' ? m.train.hiddenHint : m.train.invalid}
        </p>
      )}
    </div>
  );
}

/** Whole percentages adding up to 100, with some training and some test rows, as fractions; else null. */
function fractionsOf(texts: { train: string; validation: string; test: string }) {
  const [t, v, s] = [texts.train, texts.validation, texts.test].map((x) => Number(x.trim() || NaN));
  const ok = [t, v, s].every((x) => Number.isInteger(x) && x >= 0) && t + v + s === 100 && t > 0 && s > 0;
  return ok ? { train: t / 100, validation: v / 100, test: s / 100 } : null;
}

/** A seed: a whole number from 0 to 2³² − 1 (the range the generator takes); else null. */
function seedOf(text: string): number | null {
  return /^\d+$/.test(text.trim()) && Number(text) <= 0xffffffff ? Number(text) : null;
}

/** Train / validation / test percentages and the seed: typed as whole numbers, checked to add up to 100. */
function SplitInputs({ disabled }: { disabled: boolean }) {
  const { m } = useI18n();
  const controller = useController();
  const choices = useAppState((s) => s.trainChoices);
  const [texts, setTexts] = useState(() => ({
    train: String(Math.round(choices.fractions.train * 100)),
    validation: String(Math.round(choices.fractions.validation * 100)),
    test: String(Math.round(choices.fractions.test * 100)),
    seed: String(choices.seed),
  }));
  const fractions = fractionsOf(texts);
  const valid = fractions !== null;
  const seedValid = seedOf(texts.seed) !== null;
  const testFileAvailable = useTestFileInfo().available;
  const withTestFile = useAppState((s) => s.trainChoices.useTestFile) && testFileAvailable;
  useEffect(() => {
    // With a test file the shares are not used, so they cannot hold training up.
    controller.setTrainFieldValid('split', valid || withTestFile);
    controller.setTrainFieldValid('seed', seedValid);
  }, [controller, valid, seedValid, withTestFile]);
  const change = (key: keyof typeof texts, value: string) => {
    const next = { ...texts, [key]: value };
    setTexts(next);
    const nextFractions = fractionsOf(next);
    const seed = seedOf(next.seed);
    controller.updateTrainChoices((c): TrainChoices => ({
      ...c,
      ...(nextFractions ? { fractions: nextFractions } : {}),
      ...(seed !== null ? { seed } : {}),
    }));
  };
  return (
    <>
      <div className="split-inputs">
        {(['train', 'validation', 'test'] as const).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`train-share-${key}`}>{m.train.fields[`${key}Share`]}</label>
            <input
              id={`train-share-${key}`}
              inputMode="numeric"
              value={texts[key]}
              disabled={disabled}
              aria-invalid={!valid}
              aria-describedby={
                !valid ? 'train-shares-error' : withTestFile ? 'train-shares-note' : undefined
              }
              onChange={(e) => change(key, e.target.value)}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor="train-seed">{m.train.fields.seed}</label>
          <input
            id="train-seed"
            inputMode="numeric"
            value={texts.seed}
            disabled={disabled}
            aria-invalid={!seedValid}
            aria-describedby={!seedValid ? 'train-seed-error' : undefined}
            onChange={(e) => change('seed', e.target.value)}
          />
        </div>
      </div>
      {!valid && (
        <p id="train-shares-error" className="field-error">
          {m.train.sharesInvalid}
        </p>
      )}
      {!seedValid && (
        <p id="train-seed-error" className="field-error">
          {m.train.seedInvalid}
        </p>
      )}
      {withTestFile && (
        <p id="train-shares-note" className="hint">
          {m.train.sharesWithTestFile}
        </p>
      )}
    </>
  );
}

/** Settings a beginner never has to open: closed by default. */
export const AdvancedSettings = memo(function AdvancedSettings({ disabled }: { disabled: boolean }) {
  const { m } = useI18n();
  const model = useAppState((s) => s.trainChoices.model);
  const invalid = useAppState((s) => s.invalidTrainFields.length > 0);
  const panel = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // A setting that blocks training must be in sight (after a reload the panel starts closed).
    if (invalid && panel.current) panel.current.open = true;
  }, [invalid]);
  return (
    <details className="advanced" ref={panel}>
      <summary>{m.train.advanced}</summary>
      <p className="hint">{m.train.advancedHint}</p>
      <div className="advanced-grid">
        {FIELDS[model].map(([field, placeholder]) => (
          <OptionInput
            key={`${model}-${field}`}
            model={model}
            field={field}
            placeholder={placeholder}
            disabled={disabled}
          />
        ))}
      </div>
      <SplitInputs disabled={disabled} />
    </details>
  );
});
