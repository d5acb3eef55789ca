import type { StepEffect } from '../../data/clean';
import type { CleaningStep } from '../../data/settings';
import { useI18n, type Messages } from '../../i18n';
import { setColumnStep } from '../../state/settingsActions';
import { useAppState, useController } from '../context';

/** A cleaning step in words, as the page lists it (the model card lists the same). */
export function describeStep(step: CleaningStep, m: Messages): string {
  const d = m.cleaning.describe;
  switch (step.type) {
    case 'exclude':
      return d.exclude(step.column);
    case 'impute':
      return d.impute(
        step.column,
        step.strategy === 'constant'
          ? m.cleaning.how.constant(step.value ?? '')
          : m.cleaning.how[step.strategy],
      );
    case 'drop-missing':
      return d['drop-missing'](step.column);
    case 'bin':
      return d.bin(step.column, step.edges.length ? step.edges.join(', ') : m.cleaning.automaticRanges);
  }
}

function Effect({ effect }: { effect: StepEffect }) {
  const { m, fmt } = useI18n();
  const c = m.cleaning;
  if (effect.problem) return <p className="warning">{c.problems[effect.problem]}</p>;
  if (effect.step.type === 'exclude') return <p>{c.excluded}</p>;
  const removed = effect.rowsBefore - effect.rowsAfter;
  return (
    <>
      <p>{c.effect(fmt.integer(removed), fmt.integer(effect.cellsChanged))}</p>
      {removed > 0 &&
        effect.removedByGroup.map((g) => {
          // Only the groups that lost rows, each as "removed of before"; the untouched ones are summed up.
          const hit = g.groups.filter((x) => x.removed > 0);
          const parts = hit.map((x) => c.groupPart(x.group, fmt.integer(x.removed), fmt.integer(x.before)));
          const untouched = g.groups.length - hit.length;
          return (
            <p key={g.attribute} className="muted">
              {c.groupEffect(g.attribute, parts.join(', '))}
              {untouched > 0 && ` ${c.untouched(untouched)}`}
            </p>
          );
        })}
    </>
  );
}

/** The cleaning steps in order, each with what it did to the rows and to each sensitive group. */
export function StepsList() {
  const { m } = useI18n();
  const controller = useController();
  const effects = useAppState((s) => s.analysis?.effects ?? []);
  return (
    <div className="steps-list">
      <h3>{m.cleaning.steps}</h3>
      {effects.length === 0 ? (
        <p className="muted">{m.cleaning.noSteps}</p>
      ) : (
        <ol>
          {effects.map((effect) => (
            <li key={`${effect.step.type}-${effect.step.column}`}>
              <div className="step-line">
                <strong>{describeStep(effect.step, m)}</strong>
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={`${m.cleaning.remove}: ${describeStep(effect.step, m)}`}
                  onClick={() => controller.update((s) => setColumnStep(s, effect.step.column, null))}
                >
                  {m.cleaning.remove}
                </button>
              </div>
              <Effect effect={effect} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
