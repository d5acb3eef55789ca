import { useMemo } from 'react';
import type { Explanation } from '../../explain/run';
import { createThresholdIndex, type ThresholdIndex } from '../../metrics/threshold';
import { auditGroupings } from '../../pipeline/audit';
import { reportAtThreshold, type Report } from '../../report/report';
import type { TrainingRun } from '../../state/training';
import type { TrainOutcome } from '../../workers/trainProtocol';

/** One index per explanation, built once (sorting the test scores) and shared by every step that reads it. */
const indexes = new WeakMap<Explanation, ThresholdIndex>();

export function thresholdIndexOf(outcome: TrainOutcome): ThresholdIndex | null {
  const explanation = outcome.explanation;
  // Group thresholds decide row by row: no single threshold, so nothing to move.
  if (!explanation || outcome.report.task !== 'binary' || explanation.scored.decided) return null;
  let index = indexes.get(explanation);
  if (!index) {
    const { y, score, testGroups } = explanation.scored;
    index = createThresholdIndex(y, score, auditGroupings(testGroups));
    indexes.set(explanation, index);
  }
  return index;
}

export interface LiveResults {
  /** The report with every threshold-dependent figure at `threshold`: what the page shows and downloads. */
  report: Report;
  threshold: number;
  index: ThresholdIndex | null;
  explanation: Explanation | null;
}

/** The report of a finished run at the threshold set for it (outside React: the comparison, the export). */
export function reportOfRun(run: Pick<TrainingRun, 'threshold'>, outcome: TrainOutcome): Report {
  const index = thresholdIndexOf(outcome);
  const explanation = outcome.explanation;
  if (!index || !explanation) return outcome.report;
  return reportAtThreshold(outcome.report, explanation.scored, run.threshold ?? 0.5, index);
}

/** The run's results at the threshold the user set (binary); other tasks as trained. */
export function useLiveResults(run: Pick<TrainingRun, 'threshold'>, outcome: TrainOutcome): LiveResults {
  const threshold = run.threshold ?? 0.5;
  const index = thresholdIndexOf(outcome);
  const explanation = outcome.explanation ?? null;
  const report = useMemo(
    () =>
      index && explanation
        ? reportAtThreshold(outcome.report, explanation.scored, threshold, index)
        : outcome.report,
    [outcome.report, explanation, index, threshold],
  );
  // One object per set of figures, so memoised charts see a change only when the figures change.
  return useMemo(() => ({ report, threshold, index, explanation }), [report, threshold, index, explanation]);
}
