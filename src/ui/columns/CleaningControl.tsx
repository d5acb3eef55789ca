import { useEffect, useState } from 'react';
import { parseEdges } from '../../data/groups';
import type { CleaningStep } from '../../data/settings';
import type { ColumnKind } from '../../data/types';
import { useI18n } from '../../i18n';
import { setColumnStep } from '../../state/settingsActions';
import { useAppState, useController } from '../context';

type Choice = 'none' | 'exclude' | 'median' | 'mode' | 'constant' | 'drop' | 'bin';

function choiceOf(step: CleaningStep | undefined): Choice {
  if (!step) return 'none';
  if (step.type === 'impute') return step.strategy;
  if (step.type === 'drop-missing') return 'drop';
  return step.type;
}

/** The one cleaning choice for a column, with its value box (fill value or range boundaries) when needed. */
export function CleaningControl({ column, kind }: { column: string; kind: ColumnKind }) {
  const { m } = useI18n();
  const c = m.cleaning;
  const controller = useController();
  const step = useAppState((s) => s.settings.steps.find((x) => x.column === column));
  const choice = choiceOf(step);
  const [text, setText] = useState('');
  useEffect(() => {
    if (step?.type === 'impute' && step.strategy === 'constant') setText(step.value ?? '');
    else if (step?.type === 'bin') setText(step.edges.join(', '));
  }, [step]);
  const set = (next: CleaningStep | null) => controller.update((s) => setColumnStep(s, column, next));
  const choose = (value: Choice) => {
    const steps: Record<Choice, CleaningStep | null> = {
      none: null,
      exclude: { type: 'exclude', column },
      median: { type: 'impute', column, strategy: 'median' },
      mode: { type: 'impute', column, strategy: 'mode' },
      constant: { type: 'impute', column, strategy: 'constant', value: text },
      drop: { type: 'drop-missing', column },
      bin: { type: 'bin', column, edges: parseEdges(text) ?? [] },
    };
    set(steps[value]);
  };
  const commitText = () => {
    if (choice === 'constant') set({ type: 'impute', column, strategy: 'constant', value: text });
    if (choice === 'bin') set({ type: 'bin', column, edges: parseEdges(text) ?? [] });
  };
  const numeric = kind === 'numeric';
  return (
    <div className="cleaning">
      <label>
        {c.label(column)}
        <select value={choice} onChange={(e) => choose(e.target.value as Choice)}>
          <option value="none">{c.none}</option>
          <option value="exclude">{c.exclude}</option>
          {numeric && <option value="median">{c.imputeMedian}</option>}
          <option value="mode">{c.imputeMode}</option>
          <option value="constant">{c.imputeConstant}</option>
          <option value="drop">{c.dropMissing}</option>
          {numeric && <option value="bin">{c.bin}</option>}
        </select>
      </label>
      {(choice === 'constant' || choice === 'bin') && (
        <input
          aria-label={choice === 'bin' ? c.binEdges(column) : c.constantValue(column)}
          placeholder={choice === 'bin' ? c.binPlaceholder : ''}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commitText}
          onKeyDown={(e) => e.key === 'Enter' && commitText()}
        />
      )}
    </div>
  );
}
