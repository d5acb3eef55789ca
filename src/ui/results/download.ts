/**
 * The report as the user downloads it: the run shown (at its threshold), marked chosen or not, with its
 * baseline's figures beside it when it is a remedy, saved as a JSON file made in the page (no server).
 */
import { exportedReport, type Report } from '../../report/report';
import type { AppState } from '../../state/store';
import type { TrainingRun } from '../../state/training';
import { reportOfRun } from './live';

/** The exported report of a finished run, given the session's runs and the chosen one. */
export function exportFor(
  run: TrainingRun,
  shown: Report,
  state: Pick<AppState, 'runs' | 'chosenRunId'>,
): Report {
  const baseline = state.runs.find((r) => r.id === run.baselineId);
  return exportedReport(shown, {
    chosen: run.id === state.chosenRunId,
    baseline: baseline?.outcome ? reportOfRun(baseline, baseline.outcome) : null,
  });
}

export function downloadReport(report: Report) {
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  const base = report.dataset.name.replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '-');
  const remedy = report.mitigation ? `-${report.mitigation.method}` : '';
  link.download = `${base || 'dataset'}-${report.model.kind}${remedy}-report.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
