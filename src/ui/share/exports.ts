/**
 * What step 10 hands out, built from the run shown: the model card's input (the exported report, the
 * cleaning steps in words, the runs compared) and the model file. Plain functions over the store's state.
 */
import type { DataSettings } from '../../data/settings';
import type { Messages } from '../../i18n';
import { buildModelFile, type ModelFile } from '../../pipeline/modelFile';
import type { ModelCardInput } from '../../report/cardContent';
import type { Report } from '../../report/report';
import type { AppState } from '../../state/store';
import type { TrainingRun } from '../../state/training';
import { describeStep } from '../columns/StepsList';
import { comparedRuns } from '../mitigate/runs';
import { exportFor } from '../results/download';
import { reportOfRun } from '../results/live';

/** The data settings a run was trained with (from its basis), or null for a run saved without them. */
export function settingsOfRun(run: TrainingRun): DataSettings | null {
  try {
    const basis = JSON.parse(run.basis) as { settings?: DataSettings };
    return basis.settings ?? null;
  } catch {
    return null;
  }
}

/** The model card of a finished run, as the page shows it (at its threshold, chosen or not, its baseline). */
export function cardInputOf(
  m: Messages,
  run: TrainingRun,
  state: Pick<AppState, 'runs' | 'chosenRunId' | 'cardFields'>,
): ModelCardInput | null {
  if (!run.outcome) return null;
  const report = exportFor(run, reportOfRun(run, run.outcome), state);
  const settings = settingsOfRun(run);
  const attribute = report.mitigation?.attribute ?? report.sensitive[0];
  const compared = attribute ? comparedRuns(m, state.runs, attribute) : [];
  return {
    report,
    fields: state.cardFields,
    cleaning: (settings?.steps ?? []).map((step) => describeStep(step, m)),
    ...(compared.length > 1
      ? {
          runs: compared.map((c) => ({ name: c.name, report: c.report, chosen: c.id === state.chosenRunId })),
        }
      : {}),
  };
}

/** The model file of a finished run, or null when the run lacks what scoring needs (an older run). */
export function modelFileOf(run: TrainingRun, report: Report): ModelFile | null {
  const explanation = run.outcome?.explanation;
  const settings = settingsOfRun(run);
  if (!explanation?.cleaningFits || !settings) return null;
  return buildModelFile({
    source: {
      dataset: report.dataset.name,
      model: report.model.kind,
      mitigation: report.mitigation?.method ?? null,
    },
    task: report.task,
    target: report.target,
    classes: report.classes ?? [],
    positiveClass: report.positiveClass,
    threshold: report.task === 'binary' ? (run.threshold ?? 0.5) : null,
    settings,
    cleaningFits: explanation.cleaningFits,
    preprocessor: explanation.preprocessor,
    model: explanation.model,
  });
}
