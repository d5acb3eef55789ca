/**
 * The report as the user downloads it: the run shown (at its threshold), marked chosen or not, with its
 * baseline's figures beside it when it is a remedy, saved as a JSON file made in the page (no server).
 */
import { fileStem } from '../../core/files';
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

/** Saves text made in the page as a file (a link to a Blob: nothing leaves the device). */
export function downloadText(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The name of a report's download, with `extension`: `adult-logistic-reweigh-report.json`. */
export function reportFileName(report: Report, extension: string): string {
  const remedy = report.mitigation ? `-${report.mitigation.method}` : '';
  return `${fileStem(report.dataset.name)}-${report.model.kind}${remedy}-report.${extension}`;
}

export function downloadReport(report: Report) {
  downloadText(JSON.stringify(report, null, 2), reportFileName(report, 'json'), 'application/json');
}
